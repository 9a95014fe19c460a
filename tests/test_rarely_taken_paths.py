"""Paths of the base and model layers that ordinary use rarely takes.

Fast paths are everywhere in the decisions, messages and catalogue: a
dict of plain values, a list of listings, a tuple of distinct reasons.
Each test here takes the other path and checks it gives what the fast
one would (or the documented error).
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    Catalog,
    Decision,
    FulfillmentChannel,
    InvalidValueError,
    Listing,
    Marketplace,
    Money,
    NonAmazonMarketplace,
    Outcome,
    Reason,
    RuleKey,
    SkuRecord,
    UnknownMarketplaceError,
    format_money,
    render,
    set_mfn_quantity,
)
from unified_account.i18n import (
    SUPPORTED_LOCALES,
    _simple_po,
    catalog,
    format_param,
)
from unified_account.model.imports import FeeEstimate

SCOPE = RuleKey.NA_SCOPE


class TestReasonParameters:
    """A dict of plain values takes a short path; anything else is checked."""

    def test_a_tuple_holding_a_text_subclass_is_kept(self):
        """Not a plain ``str``: the careful path, the same parameters."""

        class Name(str):
            pass

        reason = Reason(SCOPE, "na-scope.in-scope", {"xs": ("a", Name("b"))})
        assert reason.params == (("xs", ("a", "b")),)
        assert reason == Reason(SCOPE, "na-scope.in-scope", {"xs": ("a", "b")})

    def test_a_tuple_holding_a_boolean_is_refused(self):
        """A boolean is no message parameter, even inside a tuple."""
        with pytest.raises(InvalidValueError) as error:
            Reason(SCOPE, "na-scope.in-scope", {"xs": ("a", True)})
        assert error.value.field == "params.xs"
        assert "`True` is not a message parameter" in str(error.value)


class TestDecisionShortcuts:
    """``allow`` and ``deny`` skip the constructor only when it is safe."""

    def test_a_repeated_reason_is_given_once(self):
        reason = Reason(SCOPE, "na-scope.in-scope")
        decision = Decision.allow(reason, reason)
        assert decision.reasons == (reason,)
        assert decision == Decision(Outcome.ALLOWED, (reason,))

    def test_something_not_a_reason_is_refused(self):
        with pytest.raises(InvalidValueError, match="is not a Reason"):
            Decision.deny(Reason(SCOPE, "na-scope.in-scope"), "no-merge")

    def test_a_subclass_gets_its_own_class(self):
        class Verdict(Decision):
            pass

        reason = Reason(SCOPE, "na-scope.in-scope")
        verdict = Verdict.allow(reason)
        assert type(verdict) is Verdict
        assert verdict.reasons == (reason,)
        assert verdict.allowed


class TestMessageCatalogues:
    """The quick ``.po`` reader hands anything unusual to Babel."""

    @pytest.mark.parametrize(
        "text",
        [
            'msgstr "before any id"\n',
            'msgid "a"\nmsgstr "b"\nmsgstr "again"\n',
            "msgid unquoted\n",
            'msgid "a"\nmsgstr "b"\n"unclosed\n',
            'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n',
            'msgctxt "c"\nmsgid "a"\nmsgstr "b"\n',
        ],
        ids=[
            "text before an id",
            "two texts",
            "unquoted id",
            "unclosed continuation",
            "plural",
            "context",
        ],
    )
    def test_an_unusual_file_is_left_to_babel(self, text):
        assert _simple_po(text) is None

    def test_a_plain_file_is_read(self):
        text = (
            '# a comment\nmsgid ""\nmsgstr "header"\n\n'
            'msgid "a"\nmsgstr ""\n"first \\"line\\"\\n"\n"second"\n'
        )
        assert _simple_po(text) == {"a": 'first "line"\nsecond'}

    @pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
    def test_babel_reads_the_same_messages(self, locale, monkeypatch):
        """Read by Babel, every shipped catalogue gives the same messages."""
        quick = dict(catalog.__wrapped__(locale))
        monkeypatch.setattr(
            "unified_account.i18n._simple_po", lambda text: None
        )
        assert dict(catalog.__wrapped__(locale)) == quick
        assert len(quick) > 100


class TestParameters:
    """``format_param`` on values outside the common exact types."""

    @given(st.decimals(min_value=-(10**9), max_value=10**9, places=2))
    def test_a_money_subclass_formats_as_money(self, amount):
        class Price(Money):
            pass

        for locale in SUPPORTED_LOCALES:
            assert format_param(Price(amount, "CAD"), locale) == (
                format_money(Money(amount, "CAD"), locale)
            )

    def test_any_other_value_is_written_as_python_writes_it(self):
        """``render`` takes values as given; an unknown type as ``str``."""
        text = render(
            "na-scope.out-of-scope",
            {"marketplace": 1.5, "scope": None},
            "en",
        )
        assert text.startswith("1.5 is not part of")
        assert text.endswith("spans None")


class TestMoneySubclass:
    @given(st.decimals(min_value=-(10**6), max_value=10**6, places=4))
    def test_rounded_keeps_the_subclass(self, amount):
        class Price(Money):
            pass

        price = Price.rounded(amount, "USD")
        assert type(price) is Price
        plain = Money.rounded(amount, "USD")
        assert (price.amount, price.currency) == (plain.amount, plain.currency)


class TestNonAmazonMarketplaces:
    @pytest.mark.parametrize("marketplace", list(NonAmazonMarketplace))
    def test_the_id_kind_and_country(self, marketplace):
        assert marketplace.id == marketplace.value
        assert NonAmazonMarketplace.from_id(marketplace.id) is marketplace
        assert marketplace.country_code in {"US", "CA", "MX"}
        expected = (
            "invoicing-shadow"
            if "SHADOW" in marketplace.name
            else "non-amazon"
        )
        assert marketplace.kind == expected

    def test_the_kinds_by_name(self):
        assert NonAmazonMarketplace.NON_AMAZON_CA.kind == "non-amazon"
        assert (
            NonAmazonMarketplace.INVOICING_SHADOW_US.kind == "invoicing-shadow"
        )

    @pytest.mark.parametrize("unknown", ["ATVPDKIKX0DER", "", "x\n"])
    def test_an_unknown_id_is_our_error(self, unknown):
        """An Amazon marketplace's id is no non-Amazon one."""
        with pytest.raises(UnknownMarketplaceError, match="unknown"):
            NonAmazonMarketplace.from_id(unknown)


def _listing(marketplace, currency, sku="GLOBAL-1"):
    return Listing(
        sku=sku,
        marketplace=marketplace,
        title="t",
        price=Money("1.00", currency),
        channel=FulfillmentChannel.MFN,
    )


class TestCatalogueRecords:
    def test_listings_from_any_iterable(self):
        """A generator or a set of listings: the same record as a list."""
        listings = [
            _listing(Marketplace.MX, "MXN"),
            _listing(Marketplace.US, "USD"),
        ]
        from_list = SkuRecord(sku="GLOBAL-1", listings=listings)
        assert SkuRecord(sku="GLOBAL-1", listings=iter(listings)) == from_list
        assert SkuRecord(sku="GLOBAL-1", listings=set(listings)) == from_list

    @given(st.integers(min_value=0, max_value=10**6))
    def test_a_new_quantity_with_a_listing_outside_the_americas(self, units):
        """GB sells from the pool too, though it is no column of the row."""
        record = SkuRecord(
            sku="GLOBAL-1",
            listings=[
                _listing(Marketplace.US, "USD"),
                _listing(Marketplace.GB, "GBP"),
            ],
        )
        updated = set_mfn_quantity(Catalog([record]), "GLOBAL-1", units)
        changed = updated.record("GLOBAL-1")
        rebuilt = attrs.evolve(
            record, mfn=attrs.evolve(record.mfn, quantity=units)
        )
        assert changed == rebuilt
        assert changed.sellable_quantities == rebuilt.sellable_quantities
        assert changed.sellable(Marketplace.GB) == rebuilt.sellable(
            Marketplace.GB
        )
        assert changed.sellable(Marketplace.US) == units


class TestFeeEstimates:
    """Both amounts in the currency of the marketplace."""

    @pytest.mark.parametrize(
        ("price", "total", "field"),
        [("CAD", "USD", "price"), ("USD", "CAD", "total")],
    )
    def test_another_currency_is_refused(self, price, total, field):
        with pytest.raises(InvalidValueError) as error:
            FeeEstimate(
                marketplace=Marketplace.US,
                reference="SKU-1",
                price=Money("10.00", price),
                total=Money("1.50", total),
            )
        assert error.value.field == field
        assert "is not in `USD`, the currency of Amazon.com" in str(
            error.value
        )

    def test_the_same_currency_is_accepted(self):
        estimate = FeeEstimate(
            marketplace=Marketplace.CA,
            reference="SKU-1",
            price=Money("10.00", "CAD"),
            total=Money("1.50", "CAD"),
        )
        assert estimate.total == Money("1.50", "CAD")
