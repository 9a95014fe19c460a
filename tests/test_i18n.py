"""Rendering: explicit locale, exact strings, no ambient state."""

import os
import re
import subprocess
import sys
from datetime import date

import pytest
from babel.numbers import list_currencies
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    SUPPORTED_LOCALES,
    InvalidArgumentError,
    Marketplace,
    MissingMessageError,
    Money,
    Resolved,
    UnsupportedLocaleError,
    evaluate_scope,
    example_snapshot,
    explain,
    format_money,
    offer_marketplaces,
)
from unified_account import strategies as ua
from unified_account.i18n import (
    format_date_for,
    normalize_locale,
    render,
    render_reason,
    rule_text,
)
from unified_account.rules import RULES

NA = ("USD", "CAD", "MXN")


class TestMoney:
    """Money formatted by Babel, per locale."""

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", ("$39.99", "CA$29.99", "MX$600.00")),
            ("zh_Hant", ("US$39.99", "CA$29.99", "MX$600.00")),
            ("zh_Hans", ("US$39.99", "CA$29.99", "MX$600.00")),
            ("es_MX", ("USD\xa039.99", "CAD\xa029.99", "$600.00")),
            ("fr_CA", ("39,99\xa0$\xa0US", "29,99\xa0$", "600,00\xa0MXN")),
        ],
    )
    def test_exact_amounts_per_locale(self, locale, expected):
        """The subscription amounts as each locale writes them."""
        amounts = (
            Money("39.99", "USD"),
            Money("29.99", "CAD"),
            Money("600", "MXN"),
        )
        assert tuple(format_money(m, locale) for m in amounts) == expected

    @given(
        st.sampled_from(SUPPORTED_LOCALES),
        ua.money(currencies=st.just("USD"), max_minor_units=10**7),
    )
    def test_usd_cad_and_mxn_never_look_alike(self, locale, usd):
        """The same amount in the three NA currencies renders three ways."""
        shown = {
            format_money(Money(usd.amount, currency), locale)
            for currency in NA
        }
        assert len(shown) == 3

    @pytest.mark.parametrize(
        ("locale", "currency", "expected"),
        [
            ("es_MX", "USD", "USD\xa024.99"),
            ("en", "CHF", "CHF\xa024.99"),
            ("zh_Hant", "CHF", "CHF\xa024.99"),
            ("en", "BRL", "R$24.99"),
            ("fr_CA", "CHF", "24,99\xa0CHF"),
        ],
    )
    def test_a_currency_code_is_parted_from_the_amount(
        self, locale, currency, expected
    ):
        """CLDR's currencySpacing, as ICU applies it: ``USD 24.99``."""
        assert format_money(Money("24.99", currency), locale) == expected

    @given(
        st.sampled_from(SUPPORTED_LOCALES),
        ua.money(
            currencies=st.sampled_from(sorted(list_currencies())),
            max_minor_units=10**8,
        ),
    )
    def test_no_letter_ever_touches_a_digit(self, locale, money):
        """Whatever the currency's symbol, a letter never abuts a digit."""
        text = format_money(money, locale)
        assert not re.search(r"[^\W\d_]\d|\d[^\W\d_]", text), text

    def test_spacing_needs_a_symbol_in_the_text(self):
        """A pattern without the symbol, or an empty one, is left as is."""
        from unified_account._typography import currency_spaced

        assert currency_spaced("12.00", "USD") == "12.00"
        assert currency_spaced("12.00", "") == "12.00"
        assert currency_spaced("12.00USD", "USD") == "12.00\xa0USD"

    def test_precision_follows_the_currency(self):
        """Yen have no decimals."""
        assert format_money(Money("1200", "JPY"), "en") == "¥1,200"


class TestRendering:
    """Messages in every locale."""

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "Amazon.ca is part of the North America unified account"),
            ("zh_Hant", "Amazon.ca 屬於北美聯合帳戶"),
            ("zh_Hans", "Amazon.ca 属于北美联合账户"),
            (
                "es_MX",
                "Amazon.ca forma parte de la cuenta unificada de Norteamérica",
            ),
            (
                "fr_CA",
                "Amazon.ca fait partie du compte unifié d'Amérique du Nord",
            ),
        ],
    )
    def test_exact_sentence_per_locale(self, locale, expected):
        """One decision, five languages."""
        assert explain(evaluate_scope(Marketplace.CA), locale) == (expected,)

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "November 1, 2026"),
            ("zh_Hant", "2026年11月1日"),
            ("es_MX", "1 de noviembre de 2026"),
            ("fr_CA", "1 novembre 2026"),
        ],
    )
    def test_dates_per_locale(self, locale, expected):
        """Dates are written in full, as the locale does."""
        assert format_date_for(date(2026, 11, 1), locale) == expected

    @pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
    def test_every_rule_renders_in_every_locale(self, locale):
        """Titles, questions, summaries and examples are all there."""
        for entry in RULES.values():
            text = rule_text(entry, locale)
            assert all((text.title, text.question, text.summary, text.example))

    def test_a_missing_parameter_is_a_clear_error(self):
        """A message rendered without its values fails loudly."""
        with pytest.raises(MissingMessageError, match="marketplace"):
            render("na-scope.in-scope", {}, "en")
        with pytest.raises(MissingMessageError, match="no-such"):
            render("no-such.message", {}, "en")


class TestExplainResolved:
    """``explain`` renders a ``Resolved`` value's reasons as a Decision's."""

    @given(ua.seller_accounts(), st.sampled_from(SUPPORTED_LOCALES))
    def test_a_resolved_value_explains_as_its_reasons(self, account, locale):
        resolved = offer_marketplaces(account)
        expected = tuple(
            render_reason(reason, locale) for reason in resolved.reasons
        )
        assert explain(resolved, locale) == expected
        assert expected

    @given(ua.marketplaces(), st.sampled_from(SUPPORTED_LOCALES))
    def test_the_same_reasons_read_the_same(self, marketplace, locale):
        """A Decision and a Resolved with its reasons explain alike."""
        decision = evaluate_scope(marketplace)
        resolved = Resolved(decision.allowed, decision.reasons)
        assert explain(resolved, locale) == explain(decision, locale)

    def test_the_example_offer_in_english(self):
        seller = example_snapshot()
        assert explain(offer_marketplaces(seller.account), "en") == (
            "Registered on Amazon.com, the account lists products in"
            " Amazon.com, Amazon.ca, and Amazon.com.mx",
        )

    def test_anything_else_is_refused_by_name(self):
        with pytest.raises(InvalidArgumentError, match="Decision") as error:
            explain(("not", "a", "decision"), "en")  # type: ignore[arg-type]
        assert "Resolved" in str(error.value)


class TestLocales:
    """Locale names."""

    @pytest.mark.parametrize(
        ("given_", "expected"),
        [("zh-Hant", "zh_Hant"), ("ZH_HANS", "zh_Hans"), ("fr_ca", "fr_CA")],
    )
    def test_spellings_are_normalized(self, given_, expected):
        """Hyphens and case do not matter."""
        assert normalize_locale(given_) == expected

    @pytest.mark.parametrize("locale", ["xx", "de_DE", "zh_Latn", "", "C"])
    def test_an_unsupported_locale_lists_the_supported_ones(self, locale):
        """No silent fallback to English.

        ``en_GB``, ``zh`` and ``fr`` have a fallback by CLDR: see
        ``test_locales.py``.
        """
        with pytest.raises(UnsupportedLocaleError) as error:
            explain(evaluate_scope(Marketplace.CA), locale)
        for supported in SUPPORTED_LOCALES:
            assert supported in str(error.value)


def _report(locale, environment):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "unified_account",
            "report",
            "--format",
            "markdown",
            "--locale",
            locale,
        ],
        capture_output=True,
        check=True,
        env=environment,
    )
    return result.stdout


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_output_does_not_depend_on_the_process_environment(locale):
    """``LANG``, ``LC_ALL`` and ``LC_MONETARY`` change nothing."""
    plain = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    plain.pop("LANG", None)
    plain.pop("LANGUAGE", None)
    other = plain | {
        "LANG": "de_DE.UTF-8",
        "LC_ALL": "ja_JP.UTF-8",
        "LC_MONETARY": "fr_FR.UTF-8",
        "LANGUAGE": "ru",
    }
    assert _report(locale, plain) == _report(locale, other)


def test_rendering_is_deterministic():
    """The same decision renders the same text every time."""
    seller = example_snapshot()
    from unified_account import build_report
    from unified_account.report.formats import report_json

    report = build_report(seller)
    assert report_json(report, "zh_Hant") == report_json(
        build_report(example_snapshot()), "zh_Hant"
    )
