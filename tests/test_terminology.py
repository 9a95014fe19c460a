"""Each locale's words: one for a marketplace, and no English left behind.

Issue 17, item 13: a locale mixed two words for a marketplace (tienda
and sitio, boutique and site, 商城 and 站点).  Each uses the word of
Amazon's own seller pages in that language (``docs/localization.md``
gives the sources); the variants are forbidden in every message and in
the example report.  And no message of a non-English catalog is its
English text, unless listed here as a proper name or a code.
"""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    SUPPORTED_LOCALES,
    Marketplace,
    build_report,
    example_snapshot,
)
from unified_account.i18n import catalog, format_param
from unified_account.report.formats import report_text

# The word for a marketplace in each locale, and the variants it replaces.
MARKETPLACE_WORD = {
    "en": ("marketplace", r"\b(stores?|sites?)\b"),
    "es_MX": ("tienda", r"\b(sitios?|mercados?|marketplaces?)\b"),
    "fr_CA": ("boutique", r"\b(sites?|places? de marché|marketplaces?)\b"),
    "zh_Hans": ("商城", r"站点|站點|市场|市場"),
    "zh_Hant": ("商城", r"站點|站点|市場|市场"),
}

# Messages whose translation is rightly the English text: proper names
# and codes.  Each entry says why.
SAME_AS_ENGLISH: dict[str, dict[str, str]] = {
    locale: {
        "report.html.sku": "SKU is a code: Seller Central writes it so in "
        "every language",
    }
    for locale in SUPPORTED_LOCALES
}

PLACEHOLDER = re.compile(r"\{\w+\}")


def _prose(text):
    """A message without its placeholders (``{marketplace}`` is a name)."""
    return PLACEHOLDER.sub("", text)


@pytest.fixture(scope="module")
def reports():
    report = build_report(example_snapshot())
    return {
        locale: report_text(report, locale) for locale in SUPPORTED_LOCALES
    }


def test_every_locale_has_its_word():
    """The table covers exactly the supported locales."""
    assert set(MARKETPLACE_WORD) == set(SUPPORTED_LOCALES)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_no_message_uses_another_word_for_a_marketplace(locale):
    """No variant in any message of the catalog."""
    word, variants = MARKETPLACE_WORD[locale]
    found = {
        message_id: text
        for message_id, text in catalog(locale).items()
        if re.search(variants, _prose(text), re.IGNORECASE)
    }
    assert found == {}
    assert sum(word in text for text in catalog(locale).values()) > 10


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_example_report_uses_the_one_word(locale, reports):
    """The report as a seller reads it: the word, never a variant."""
    word, variants = MARKETPLACE_WORD[locale]
    text = reports[locale]
    # Subjects (``account:A1/marketplace:US``), rule keys and links are
    # identifiers: only the sentences are read.
    lines = [
        re.sub(r"https?://\S+", "", re.sub(r"^  \[[^\]]*\] [\w-]+", "", line))
        for line in text.splitlines()
        if line.startswith("  ")
    ]
    assert not [line for line in lines if re.search(variants, line, re.I)]
    assert any(word in line for line in lines)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES[1:])
def test_no_message_is_left_in_english(locale):
    """A translation equal to the English text is listed, or a defect."""
    english = catalog("en")
    same = {
        message_id
        for message_id, text in catalog(locale).items()
        if english.get(message_id) == text
    }
    assert same == set(SAME_AS_ENGLISH[locale])


def test_a_message_left_in_english_would_be_found():
    """The check above fails on a copied message (its own premise)."""
    english = catalog("en")
    copied = dict(catalog("fr_CA")) | {
        "na-scope.in-scope": english["na-scope.in-scope"]
    }
    assert {k for k, v in copied.items() if english.get(k) == v} - set(
        SAME_AS_ENGLISH["fr_CA"]
    ) == {"na-scope.in-scope"}


@given(
    st.sampled_from(["zh_Hans", "zh_Hant"]),
    st.lists(st.sampled_from(list(Marketplace)), min_size=2, unique=True),
)
def test_a_chinese_list_spaces_latin_names(locale, marketplaces):
    """``Amazon.ca 和 Amazon.com.mx``, as Amazon's Chinese FAQ writes it."""
    text = format_param(tuple(marketplaces), locale)
    assert not re.search(r"[0-9A-Za-z][\u3400-\u9fff]", text), text
    assert not re.search(r"[\u3400-\u9fff][0-9A-Za-z]", text), text
    assert text.endswith(f" 和 {marketplaces[-1].display_name}")


def test_the_faqs_list_in_chinese():
    """The three marketplaces, as the FAQ's question lists them."""
    scope = (Marketplace.US, Marketplace.CA, Marketplace.MX)
    assert format_param(scope, "zh_Hans") == (
        "Amazon.com、Amazon.ca 和 Amazon.com.mx"
    )
    assert (
        format_param(scope, "es_MX") == "Amazon.com, Amazon.ca y Amazon.com.mx"
    )
