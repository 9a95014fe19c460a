"""Every message is translated in every locale, with the same placeholders.

The message ids the code uses are found the way ``pybabel extract -k N_``
finds them, so a change that adds a message without translating it fails
here.
"""

from importlib import resources
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import unified_account
from unified_account.i18n import SUPPORTED_LOCALES, catalog, placeholders
from unified_account.rules import RULES, rule_message_ids

SRC = Path(unified_account.__file__).parent


def _extracted_ids() -> set[str]:
    found = extract_from_dir(
        SRC,
        method_map=[("**.py", "python")],
        keywords={"N_": None},
        comment_tags=(),
    )
    return {message for _, _, message, _, _ in found}


USED_IDS = _extracted_ids() | rule_message_ids()


def _po(locale):
    path = resources.files("unified_account").joinpath(
        "locale", locale, "LC_MESSAGES", "unified_account.po"
    )
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def test_extraction_finds_the_messages():
    """The extractor sees the code's ids (guards the test's own premise)."""
    assert "no-merge.denied" in USED_IDS
    assert "term.plan.professional" in USED_IDS


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_used_message_is_translated(locale):
    """Each id the code uses has a non-empty text in ``locale``."""
    missing = sorted(USED_IDS - catalog(locale).keys())
    assert missing == []


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_no_message_is_left_unused(locale):
    """Each id in the catalog is used by the code (no stale entries)."""
    stale = sorted(catalog(locale).keys() - USED_IDS)
    assert stale == []


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_placeholders_match_the_english_text(locale):
    """Every translation has exactly the English text's placeholders."""
    english = catalog("en")
    different = {
        message_id: (placeholders(english[message_id]), placeholders(text))
        for message_id, text in catalog(locale).items()
        if message_id in english
        and placeholders(text) != placeholders(english[message_id])
    }
    assert different == {}


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_catalog_has_no_fuzzy_or_duplicate_entries(locale):
    """A fuzzy entry is an unchecked translation; none ship."""
    fuzzy = [m.id for m in _po(locale) if m.id and m.fuzzy]
    assert fuzzy == []


def test_traditional_chinese_questions_are_the_faqs_own():
    """The zh_Hant question of each rule is the FAQ's question verbatim."""
    zh = catalog("zh_Hant")
    assert {k: zh[r.question] for k, r in RULES.items()} == {
        k: r.faq_question for k, r in RULES.items()
    }


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_quick_catalogue_reader_agrees_with_babel(locale):
    """Every shipped ``.po`` file reads the same as Babel reads it."""
    path = resources.files("unified_account").joinpath(
        "locale", locale, "LC_MESSAGES", "unified_account.po"
    )
    with path.open("rb") as handle:
        po = read_po(handle, locale=locale)
    expected = {str(m.id): str(m.string) for m in po if m.id and m.string}
    assert dict(catalog(locale)) == expected


def test_the_quick_reader_leaves_plurals_to_babel():
    """A file with a plural entry is not read by the quick reader."""
    from unified_account.i18n import _simple_po

    text = 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\n'
    assert _simple_po(text) is None
    assert _simple_po('msgid "a\\"b"\nmsgstr ""\n"c\\n"\n') == {'a"b': "c\n"}
