"""Locale names as people and systems write them, and the locale serving each.

CLDR's likely subtags and language fallback decide: every English is
served by ``en``, every Spanish by ``es_MX``, every French by ``fr_CA``,
Chinese by the script it is written in; anything else is refused with the
list of supported locales.
"""

import pytest
from babel.core import Locale
from babel.localedata import locale_identifiers
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    SUPPORTED_LOCALES,
    Marketplace,
    Money,
    ServedLocale,
    UnsupportedLocaleError,
    evaluate_scope,
    explain,
    format_money,
    resolve_locale,
)
from unified_account.cli import main
from unified_account.i18n import normalize_locale, rule_text
from unified_account.report.formats import catalogue_json
from unified_account.rules import rule

# Every locale CLDR (as Babel ships it) knows, e.g. ``fr_BE``, ``zh_Hant_MO``.
CLDR = tuple(locale_identifiers())


@pytest.mark.parametrize(
    ("given_", "served"),
    [
        ("en_US", "en"),
        ("en_CA", "en"),
        ("en-GB", "en"),
        ("fr", "fr_CA"),
        ("fr_FR@euro", "fr_CA"),
        ("es", "es_MX"),
        ("es-419", "es_MX"),
        ("es_ES.UTF-8", "es_MX"),
        ("zh_TW", "zh_Hant"),
        ("zh_HK", "zh_Hant"),
        ("zh_CN", "zh_Hans"),
        ("zh", "zh_Hans"),
        ("zh_SG", "zh_Hans"),
        ("zh-Hant-MO", "zh_Hant"),
    ],
)
def test_the_issues_names_are_served_by_a_fallback(given_, served):
    """The names of issue 17, and their neighbours, find their locale."""
    assert resolve_locale(given_) == ServedLocale(given_, served, exact=False)
    assert normalize_locale(given_) == served


@pytest.mark.parametrize(
    ("given_", "served"),
    [("zh-Hant", "zh_Hant"), ("ZH_HANS", "zh_Hans"), ("fr-ca", "fr_CA")],
)
def test_a_spelling_of_a_supported_locale_is_exact(given_, served):
    """Hyphens and case do not make a fallback."""
    assert resolve_locale(given_) == ServedLocale(given_, served, exact=True)


@given(
    st.sampled_from(SUPPORTED_LOCALES),
    st.sampled_from(["-", "_"]),
    st.sampled_from([str.lower, str.upper, str.title, lambda s: s]),
)
def test_every_spelling_of_a_supported_locale_serves_it(locale, sep, case):
    """Any case and either separator name the same supported locale."""
    spelled = case(locale.replace("_", sep))
    found = resolve_locale(spelled)
    assert (found.served, found.exact) == (locale, True)


@pytest.mark.parametrize(
    "locale",
    ["xx", "de", "de_DE", "ja-JP", "", "C", "POSIX", "zh_Latn", "und"],
)
def test_a_locale_without_fallback_is_refused_with_the_list(locale):
    """No silent fallback to English: the error lists the supported ones."""
    with pytest.raises(UnsupportedLocaleError) as error:
        resolve_locale(locale)
    assert str(error.value).endswith(", ".join(SUPPORTED_LOCALES))


@given(st.sampled_from(CLDR))
def test_every_cldr_locale_is_served_by_its_language_or_refused(identifier):
    """Over all of CLDR: same language and script, or refused.

    Babel's own parser, which completes the script from the likely
    subtags, is the independent oracle for Chinese; English, Spanish and
    French are served in the Latin script only (``en_Dsrt`` is refused).
    """
    parsed = Locale.parse(identifier)
    language = parsed.language
    expected = {"en": "en", "es": "es_MX", "fr": "fr_CA"}.get(language)
    if parsed.script not in (None, "Latn"):
        expected = None
    if language == "zh":
        expected = {"Hant": "zh_Hant", "Hans": "zh_Hans"}.get(parsed.script)
    if expected is None:
        with pytest.raises(UnsupportedLocaleError):
            resolve_locale(identifier)
    else:
        assert resolve_locale(identifier).served == expected
        assert resolve_locale(identifier.replace("_", "-")).served == expected


@given(st.text(max_size=12))
def test_any_text_is_served_or_refused_cleanly(text):
    """Arbitrary names give a supported locale or the documented error."""
    try:
        served = resolve_locale(text).served
    except UnsupportedLocaleError as error:
        served = str(error)
    assert served in SUPPORTED_LOCALES or "supported locales are" in served


def test_a_name_that_is_not_text_is_refused():
    """``None`` is not a locale name, whichever way it is called."""
    from unified_account import InvalidArgumentError, locales

    with pytest.raises(UnsupportedLocaleError):
        locales.resolve_locale(None)
    with pytest.raises(InvalidArgumentError, match="resolve_locale"):
        resolve_locale(None)


class TestEveryEntryPointAcceptsTheFallbacks:
    """Rendering functions, JSON documents and the command all resolve."""

    def test_explain_renders_in_the_locale_that_serves(self):
        """``explain(decision, "fr")`` is the fr_CA text."""
        decision = evaluate_scope(Marketplace.CA)
        assert explain(decision, "fr") == explain(decision, "fr_CA")
        assert explain(decision, "zh_TW") == explain(decision, "zh_Hant")
        assert explain(decision, "en_US") == explain(decision, "en")

    def test_money_and_rule_texts_too(self):
        """Formatting and the rule catalogue take the same names."""
        price = Money("24.99", "USD")
        assert format_money(price, "es") == format_money(price, "es_MX")
        assert rule_text(rule("no-merge"), "zh_CN") == rule_text(
            rule("no-merge"), "zh_Hans"
        )

    def test_a_json_document_records_the_served_locale(self):
        """The ``locale`` field names the catalog used, not the alias."""
        assert '"locale": "fr_CA"' in catalogue_json("fr")

    def test_the_command_says_which_locale_serves(self, capsys):
        """``--locale fr``: French output and one line on stderr."""
        assert main(["explain", "no-merge", "--locale", "fr"]) == 0
        fallback = capsys.readouterr()
        assert main(["explain", "no-merge", "--locale", "fr_CA"]) == 0
        exact = capsys.readouterr()
        assert fallback.out == exact.out
        assert exact.err == ""
        assert fallback.err == (
            "unified-account: la sortie est en fr_CA, la langue prise en "
            "charge la plus proche de `fr`\n"
        )

    def test_the_command_refuses_what_has_no_fallback(self, capsys):
        """``--locale de``: status 2 and the list."""
        assert main(["explain", "no-merge", "--locale", "de"]) == 2
        err = capsys.readouterr().err
        assert "unsupported locale `de`" in err
        assert "en, zh_Hant, zh_Hans, es_MX, fr_CA" in err


def test_the_quick_look_up_stays_bounded():
    """Many distinct names are all served, and the cache does not grow."""
    from itertools import product
    from string import ascii_uppercase

    from unified_account import locales

    names = [f"en_{a}{b}" for a, b in product(ascii_uppercase, repeat=2)]
    assert {normalize_locale(name) for name in names} == {"en"}
    assert {normalize_locale(name) for name in names} == {"en"}
    assert len(locales._SERVED) <= locales._SERVED_SIZE
