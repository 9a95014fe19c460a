"""Canadian French as it is typeset: decimal comma, elision, spaced colons.

Issue 17, item 10: exchange rates keep the decimal point (``MXN/USD
0.0547``), ``de``/``que`` are not elided before Amazon's names (``que
Amazon.com``), and labels lack the space before a colon.
"""

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    ConversionRate,
    InvalidValueError,
    Marketplace,
    Money,
    build_report,
    example_snapshot,
)
from unified_account.decision import Term
from unified_account.i18n import catalog, render
from unified_account.message_ids import MESSAGES, ParamKind
from unified_account.model.rates import RateText
from unified_account.report.formats import param_json, report_text

NBSP = "\xa0"


class TestRates:
    """A rate is written with the locale's decimal sign."""

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("fr_CA", "MXN/USD 0,0547"),
            ("en", "MXN/USD 0.0547"),
            ("es_MX", "MXN/USD 0.0547"),
        ],
    )
    def test_the_issues_rate(self, locale, expected):
        """``MXN/USD 0.0547`` is ``MXN/USD 0,0547`` in fr_CA."""
        text = render(
            "local-payout.converted",
            {
                "bank": "****6789",
                "marketplace": Marketplace.MX,
                "payout": Money("109.35", "USD"),
                "proceeds": Money("1999.00", "MXN"),
                "rate": RateText.of(ConversionRate("MXN", "USD", "0.0547")),
            },
            locale,
        )
        assert expected in text

    def test_the_example_report_writes_commas(self):
        """Both rates of the example seller, as a French reader reads them."""
        text = report_text(build_report(example_snapshot()), "fr_CA")
        assert "à votre taux MXN/USD 0,0547;" in text
        assert "(CAD/USD 0,7312 et MXN/USD 0,0547)" in text
        assert not re.search(r"\d\.\d", text)

    @given(
        st.decimals(
            min_value=Decimal("0.0001"),
            max_value=Decimal(99999),
            places=4,
        )
    )
    def test_every_digit_is_kept(self, value):
        """The rate read back from the French text is the rate given."""
        text = RateText.of(ConversionRate("MXN", "USD", value))
        shown = render(
            "order-tracking.converted",
            {"rates": (text,), "total": Money("1.00", "USD")},
            "fr_CA",
        )
        number = re.search(r"MXN/USD ([\d\s\u202f\xa0]+,?\d*)", shown)[1]
        digits = re.sub(r"[\s\u202f\xa0]", "", number).replace(",", ".")
        assert Decimal(digits) == value

    def test_the_parameter_is_the_same_text_as_before(self):
        """For a program, the rate is still the string ``MXN/USD 0.0547``."""
        text = RateText.of(ConversionRate("MXN", "USD", "0.0547"))
        assert text == "MXN/USD 0.0547"
        assert param_json(text) == "MXN/USD 0.0547"
        assert isinstance(text, str)

    @pytest.mark.parametrize(
        "bad", ["", "0.05", "MXN/USD", "MXN/USD x", "a NaN"]
    )
    def test_a_malformed_rate_text_is_refused(self, bad):
        """Only ``PAIR NUMBER`` is a rate."""
        with pytest.raises(InvalidValueError, match="is not a rate"):
            RateText(bad)


def _value(kind, marketplace):
    return {
        ParamKind.TEXT: "x",
        ParamKind.INTEGER: 3,
        ParamKind.DECIMAL: Decimal("1.5"),
        ParamKind.MONEY: Money("1.00", "USD"),
        ParamKind.DATE: date(2026, 7, 1),
        ParamKind.DATES: (date(2026, 7, 1), date(2026, 7, 15)),
        ParamKind.MARKETPLACE: marketplace,
        ParamKind.MARKETPLACES: (marketplace, Marketplace.MX),
        ParamKind.TEXTS: ("x", "y"),
        ParamKind.TERM: Term("term.plan.professional"),
        ParamKind.TERMS: (Term("term.plan.professional"),),
    }[kind]


UNELIDED = re.compile(r"(?<!\w)(de|que|le|la|ne|jusque) Amazon", re.IGNORECASE)


class TestElision:
    """``de``/``que`` before a marketplace's name elide."""

    @pytest.mark.parametrize(
        ("message_id", "params", "expected"),
        [
            (
                "single-subscription.amount-unconfirmed",
                {
                    "home": Marketplace.US,
                    "amount": Money("39.99", "USD"),
                    "source": "x",
                },
                "Le montant de l'abonnement d'Amazon.com, 39,99\xa0$\xa0US",
            ),
            (
                "fba-pool-separation.remote-not-offered",
                {
                    "sku": "A",
                    "outside": Marketplace.BR,
                    "edition": "faq",
                    "targets": (Marketplace.CA, Marketplace.MX),
                },
                "ne sert à distance qu'Amazon.ca et Amazon.com.mx",
            ),
        ],
    )
    def test_named_examples(self, message_id, params, expected):
        """``de Amazon.com`` and ``que Amazon.ca`` as French writes them."""
        assert expected in render(message_id, params, "fr_CA")

    @given(
        st.sampled_from(sorted(MESSAGES)),
        st.sampled_from(list(Marketplace)),
    )
    def test_no_message_leaves_an_elision_undone(self, message_id, where):
        """Every fr_CA message, with any marketplace in each place."""
        spec = MESSAGES[message_id]
        params = {p.name: _value(p.kind, where) for p in spec.params}
        text = render(message_id, params, "fr_CA")
        assert not UNELIDED.search(text), text

    def test_only_a_marketplace_is_elided(self):
        """Text parameters (a SKU, a brand) stay as the seller wrote them."""
        text = render(
            "fba-pool-separation.pool",
            {"sku": "ABC-1", "marketplace": Marketplace.CA, "quantity": 3},
            "fr_CA",
        )
        assert "de ABC-1" in text

    def test_other_locales_are_untouched(self):
        """English has no elision: ``de`` is only French."""
        params = {
            "home": Marketplace.US,
            "amount": Money("39.99", "USD"),
            "source": "x",
        }
        text = render(
            "single-subscription.amount-unconfirmed", params, "es_MX"
        )
        assert "de Amazon.com" in text


class TestColons:
    """A no-break space before a colon; none before ; ! ?."""

    @pytest.mark.parametrize("message_id", sorted(catalog("fr_CA")))
    def test_every_catalog_message(self, message_id):
        """Spaced colons and guillemets, tight semicolons, marks."""
        text = catalog("fr_CA")[message_id]
        assert not re.search(r"[^\xa0]:(\s|$)", text), text
        assert not re.search(r"\s[;!?]", text), text
        assert "« " not in text, text
        assert " »" not in text, text

    def test_the_example_report(self):
        """Every label of the report, then the summary."""
        text = report_text(build_report(example_snapshot()), "fr_CA")
        assert not re.search(r"[^\xa0]: ", text)
        assert f"[autorisé] na-scope{NBSP}: Amazon.ca fait partie" in text

    def test_labels_elsewhere_take_their_own_colon(self):
        """Spanish keeps a plain colon; Chinese takes the full-width one."""
        report = build_report(example_snapshot())
        text = report_text(report, "es_MX")
        assert "[permitido] na-scope: Amazon.ca forma parte" in text
        text = report_text(report, "zh_Hant")
        assert "[允許] na-scope：Amazon.ca 屬於北美聯合帳戶" in text
        assert not re.search(r"[^\s]: ", text)
