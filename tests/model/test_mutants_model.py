"""Named examples for model behaviour the properties rarely pin down.

Each refusal of mixed money names the operation refused; ``sum()`` of
money starts from ``0`` and refuses anything else; comparisons are strict
where they say so; the non-Amazon marketplace ids are looked up exactly.
"""

import decimal
from datetime import UTC, date, datetime
from decimal import Decimal

import attrs
import cattrs
import immutables
import pytest

from builders import listing
from unified_account import (
    AsinAttributes,
    BrandRegistration,
    CurrencyMismatchError,
    FulfillmentChannel,
    InvalidValueError,
    Listing,
    Marketplace,
    MfnArrangement,
    MfnPool,
    Money,
    NonAmazonMarketplace,
    SkuRecord,
    StorefrontLink,
    SubscriptionFee,
    SubscriptionFeeSchedule,
    UnknownMarketplaceError,
    example_snapshot,
)
from unified_account.model._converter import _record, converter, first_problem
from unified_account.model.attributes import AttributeValue
from unified_account.model.identifiers import to_asin, to_sku
from unified_account.model.imports import FeeEstimate
from unified_account.model.money import local_context
from unified_account.model.orders import Order
from unified_account.model.rates import ConversionRate, ConversionRates

USD = Money("10.00", "USD")
CAD = Money("10.00", "CAD")


@pytest.mark.parametrize(
    ("operation", "word"),
    [
        (lambda a, b: a + b, "add"),
        (lambda a, b: a - b, "subtract"),
        (lambda a, b: a < b, "compare"),
        (lambda a, b: a <= b, "compare"),
        (lambda a, b: a > b, "compare"),
        (lambda a, b: a >= b, "compare"),
    ],
)
def test_mixed_currencies_name_the_operation(operation, word):
    with pytest.raises(CurrencyMismatchError) as error:
        operation(USD, CAD)
    assert str(error.value) == (
        f"cannot {word} `USD 10.00` and `CAD 10.00`: different currencies; "
        "convert one with an explicit rate first"
    )


class TestSum:
    """``sum()`` of money: from 0, in one currency."""

    def test_the_sum_of_several_amounts(self):
        amounts = [Money("1.25", "USD"), Money("2.50", "USD"), USD]
        assert sum(amounts) == Money("13.75", "USD")
        assert sum([USD]) is USD

    def test_a_start_other_than_zero_is_refused(self):
        with pytest.raises(CurrencyMismatchError) as error:
            sum([USD], 5)
        assert str(error.value) == (
            "cannot add `USD 10.00` and `5`: not money"
        )

    def test_money_added_on_the_left_by_radd_keeps_the_order(self):
        total = Money.__radd__(Money("3.00", "USD"), Money("7.50", "USD"))
        assert total == Money("10.50", "USD")
        with pytest.raises(CurrencyMismatchError, match="cannot add"):
            Money.__radd__(USD, CAD)

    def test_false_is_not_a_zero_to_start_from(self):
        with pytest.raises(CurrencyMismatchError):
            sum([USD], False)


class TestComparisons:
    """Equal amounts are neither greater nor less; both bounds hold."""

    def test_equal_amounts(self):
        same = Money(Decimal("10.00"), "USD")
        assert not same < USD
        assert same <= USD
        assert not same > USD
        assert same >= USD

    def test_a_cent_apart(self):
        more = Money("10.01", "USD")
        assert more > USD
        assert more >= USD
        assert not more < USD
        assert not more <= USD


class TestNonAmazonIds:
    """Known ids are found; any other is an unknown marketplace id."""

    @pytest.mark.parametrize("member", list(NonAmazonMarketplace))
    def test_each_known_id(self, member):
        assert NonAmazonMarketplace.from_id(member.id) is member

    def test_the_kinds_and_countries(self):
        shadow = NonAmazonMarketplace.from_id("AHRY1CZE9ZY4H")
        assert (shadow.kind, shadow.country_code) == ("invoicing-shadow", "US")
        mexico = NonAmazonMarketplace.from_id("A3H6HPSLHAK3XG")
        assert (mexico.kind, mexico.country_code) == ("non-amazon", "MX")

    def test_an_unknown_id_is_named(self):
        with pytest.raises(UnknownMarketplaceError) as error:
            NonAmazonMarketplace.from_id("ATVPDKIKX0DER")
        assert str(error.value) == "unknown marketplace id `ATVPDKIKX0DER`"


class TestOutsideTheAmericas:
    """A record's sellable units where it is listed outside the Americas."""

    RECORD = SkuRecord(
        sku="MUG-1",
        mfn=MfnPool(quantity=3),
        fba={Marketplace.GB: 2, Marketplace.US: 9},
        listings=[
            listing(Marketplace.DE),
            listing(Marketplace.GB, FulfillmentChannel.FBA),
        ],
    )

    def test_merchant_fulfilled_in_germany_sells_the_pool(self):
        assert self.RECORD.sellable(Marketplace.DE) == 3

    def test_fba_in_the_uk_sells_its_own_stock(self):
        assert self.RECORD.sellable(Marketplace.GB) == 2

    def test_unlisted_sells_nothing(self):
        assert self.RECORD.sellable(Marketplace.JP) == 0
        assert self.RECORD.sellable(Marketplace.US) == 0


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("marketplace", "US", "Marketplace"),
        ("title", 7, "str"),
        ("price", "10.00", "Money"),
        ("channel", "mfn", "FulfillmentChannel"),
        ("status", "active", "ListingStatus"),
    ],
)
def test_a_listing_field_of_the_wrong_type_is_quoted(field, value, kind):
    fields = {
        "sku": "MUG-1",
        "marketplace": Marketplace.US,
        "title": "Mug",
        "price": USD,
        "channel": FulfillmentChannel.MFN,
        field: value,
    }
    with pytest.raises(InvalidValueError) as error:
        Listing(**fields)
    assert error.value.field == field
    assert str(error.value) == f"{field}: `{value!r}` is not a {kind}"


def test_the_json_converter_reads_true_and_false_only():
    assert converter.structure(True, bool) is True
    assert converter.structure(False, bool) is False
    with pytest.raises(InvalidValueError) as error:
        converter.structure("yes", bool)
    assert str(error.value) == "expected true or false, got a string"


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ({}, "an object"),
        ([], "an array"),
        ("yes", "a string"),
        (1, "a whole number"),
        (1.5, "a number"),
        (None, "null"),
        (Decimal(1), "Decimal"),
    ],
)
def test_the_json_converter_names_what_it_got(value, kind):
    with pytest.raises(InvalidValueError) as error:
        converter.structure(value, bool)
    assert str(error.value) == f"expected true or false, got {kind}"


def test_the_local_context_is_the_librarys_whatever_the_callers():
    with decimal.localcontext(prec=6, rounding=decimal.ROUND_DOWN):
        with local_context() as context:
            assert context.prec == 200
            assert context.rounding == decimal.ROUND_HALF_EVEN
            assert Decimal("123456.78") * 3 == Decimal("370370.34")
        assert decimal.getcontext().prec == 6


def test_a_boolean_where_text_is_meant_is_named():
    with pytest.raises(InvalidValueError) as error:
        converter.structure(True, str)
    assert str(error.value) == "expected a string, got a boolean"


@pytest.mark.parametrize("field", ["price", "total"])
def test_a_fee_estimate_in_another_currency_names_the_field(field):
    amounts = {"price": Money("20.00", "CAD"), "total": Money("3.00", "CAD")}
    amounts[field] = Money("3.00", "USD")
    with pytest.raises(InvalidValueError) as error:
        FeeEstimate(marketplace=Marketplace.CA, reference="MUG-1", **amounts)
    assert error.value.field == field
    assert str(error.value) == (
        f"{field}: `USD 3.00` is not in `CAD`, the currency of Amazon.ca"
    )


def test_every_unknown_field_is_named():
    structure = _record(AttributeValue)
    with pytest.raises(cattrs.ClassValidationError) as error:
        structure({"value": "x", "b": 1, "a": 2}, AttributeValue)
    assert first_problem(error.value) == ("", "unknown field `a`, `b`")


class TestScheduleRefusals:
    """A fee schedule's entries are refused with their field, in full."""

    FEE = SubscriptionFee(
        marketplace=Marketplace.US,
        amount=Money("39.99", "USD"),
        effective=date(2021, 8, 1),
        source="fee schedule",
        confirmed=True,
    )

    def test_entries_that_are_not_a_collection(self):
        with pytest.raises(InvalidValueError) as error:
            SubscriptionFeeSchedule("US")
        assert error.value.field == "entries"
        assert str(error.value) == "entries: `'US'` is not a collection"

    def test_an_entry_of_the_wrong_type_is_named_by_index(self):
        with pytest.raises(InvalidValueError) as error:
            SubscriptionFeeSchedule([self.FEE, "39.99"])
        assert error.value.field == "entries[1]"
        assert str(error.value) == (
            "entries[1]: `'39.99'` is not a SubscriptionFee"
        )

    @pytest.mark.parametrize(
        ("effective", "shown"),
        [(date(2021, 8, 1), "2021-08-01"), (None, "None")],
    )
    def test_two_entries_on_one_day_are_named(self, effective, shown):
        fee = attrs.evolve(self.FEE, effective=effective)
        with pytest.raises(InvalidValueError) as error:
            SubscriptionFeeSchedule([fee, attrs.evolve(fee, source="other")])
        assert error.value.field == "entries"
        assert str(error.value) == (
            f"entries: two `US` entries take effect on `{shown}`"
        )


class TestRateRefusals:
    """A rate table's refusals, with their fields, in full."""

    CAD = ConversionRate("CAD", "USD", "0.7312")

    def test_rates_that_are_not_a_collection(self):
        with pytest.raises(InvalidValueError) as error:
            ConversionRates("CAD")
        assert str(error.value) == "rates: `'CAD'` is not a collection"

    def test_a_rate_of_the_wrong_type_is_named_by_index(self):
        with pytest.raises(InvalidValueError) as error:
            ConversionRates([self.CAD, "0.7"])
        assert str(error.value) == (
            "rates[1]: `'0.7'` is not a ConversionRate"
        )

    def test_two_rates_for_one_pair_are_named(self):
        again = ConversionRate("CAD", "USD", "0.74")
        with pytest.raises(InvalidValueError) as error:
            ConversionRates([self.CAD, again])
        assert error.value.field == "rates[1]"
        assert str(error.value) == "rates[1]: two rates from `CAD` to `USD`"


@pytest.mark.parametrize("value", ["B0EXAMPL0", "b0exampl01", "B0EXAMPL01X"])
def test_a_bad_asin_is_quoted_by_its_repr(value):
    with pytest.raises(InvalidValueError) as error:
        to_asin(value)
    assert str(error.value) == (
        f"`{value!r}` is not an ASIN (10 capital letters or digits)"
    )


class TestTextAndTagRefusals:
    """Attribute values and language tags are quoted by their repr."""

    @pytest.mark.parametrize("value", ["", "  ", 7])
    def test_an_empty_or_non_text_value(self, value):
        with pytest.raises(InvalidValueError) as error:
            AttributeValue(value, "en_US")
        assert error.value.field == "value"
        assert str(error.value) == (
            f"value: `{value!r}` must be a non-empty string"
        )

    @pytest.mark.parametrize("tag", ["english", "EN_us", 5])
    def test_a_bad_language_tag(self, tag):
        with pytest.raises(InvalidValueError) as error:
            AttributeValue("Black", tag)
        assert error.value.field == "language_tag"
        assert str(error.value) == (
            f"language_tag: `{tag!r}` is not a language tag (like `en_US`)"
        )


class TestBrandApprovals:
    """Approvals are a collection of marketplaces, refused in full."""

    def test_approvals_that_are_not_a_collection(self):
        with pytest.raises(InvalidValueError) as error:
            BrandRegistration(brand="Harbor Lane", approved="US")
        assert str(error.value) == "approved: `'US'` is not a collection"

    def test_an_approval_that_is_not_a_marketplace(self):
        with pytest.raises(InvalidValueError) as error:
            BrandRegistration(
                brand="Harbor Lane", approved=[Marketplace.US, "CA"]
            )
        assert error.value.field == "approved"
        assert str(error.value) == "approved: `'CA'` is not a Marketplace"


class TestStorefrontLinkRefusals:
    """A storefront link is an https link on an Amazon domain."""

    @pytest.mark.parametrize(
        "url", ["http://www.amazon.com/stores/x", "https://www.amazon.com"]
    )
    def test_not_an_https_link_with_a_path(self, url):
        with pytest.raises(InvalidValueError) as error:
            StorefrontLink(url)
        assert error.value.field == "url"
        assert str(error.value) == (
            f"url: `{url}` is not an https link with a path"
        )

    def test_not_an_amazon_domain(self):
        with pytest.raises(InvalidValueError) as error:
            StorefrontLink("https://www.example.com/stores/x")
        assert error.value.field == "url"
        assert str(error.value) == (
            "url: `www.example.com` is not an Amazon marketplace domain"
        )


def test_a_domain_that_is_not_text_is_unknown():
    with pytest.raises(UnknownMarketplaceError) as error:
        Marketplace.from_domain(5)
    assert str(error.value) == "unknown marketplace domain `5`"


class TestAsinAttributeRefusals:
    """Key attributes: a mapping of names to non-empty values, not empty."""

    def _asin(self, attributes):
        return AsinAttributes(
            asin="B0EXAMPL01",
            marketplace=Marketplace.US,
            attributes=attributes,
        )

    def test_not_a_mapping(self):
        with pytest.raises(InvalidValueError) as error:
            self._asin([("brand", "Harbor Lane")])
        assert error.value.field == "attributes"
        assert str(error.value) == (
            "attributes: `[('brand', 'Harbor Lane')]` is not a mapping"
        )

    def test_a_bad_attribute_name(self):
        with pytest.raises(InvalidValueError) as error:
            self._asin({"Model Number": "HL-1"})
        assert error.value.field == "attributes"
        assert str(error.value) == (
            "attributes: `Model Number` is not an attribute name (like "
            "`model_number`)"
        )

    def test_no_attributes(self):
        with pytest.raises(InvalidValueError) as error:
            self._asin({})
        assert error.value.field == "attributes"
        assert str(error.value) == (
            "attributes: give at least one key attribute"
        )

    def test_a_map_is_kept_as_given(self):
        given = immutables.Map({"brand": "Harbor Lane"})
        assert self._asin(given).attributes == given
        assert self._asin({"brand": "Harbor Lane"}).attributes == given


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("CAD", "usd", "1"), "target: unknown currency `usd`"),
        (("CAD", "USD", "0"), "rate: `0` is not above 0"),
        (("CAD", "USD", "-2"), "rate: `-2` is not above 0"),
        (
            ("CAD", "CAD", "1"),
            "target: a rate from `CAD` to itself is always 1",
        ),
    ],
)
def test_a_bad_rate_is_refused_in_full(arguments, message):
    with pytest.raises(InvalidValueError) as error:
        ConversionRate(*arguments)
    assert str(error.value) == message


def test_a_pool_made_without_a_quantity_is_empty():
    assert MfnPool.shared().quantity == 0
    separate = MfnPool.separate(Marketplace.CA)
    assert (separate.quantity, separate.marketplace) == (0, Marketplace.CA)


class TestMoreRefusalsInFull:
    """Attribute values, mappings, collections and dates, quoted by repr."""

    def _asin(self, attributes):
        return AsinAttributes(
            asin="B0EXAMPL01",
            marketplace=Marketplace.US,
            attributes=attributes,
        )

    def test_attributes_given_as_text(self):
        with pytest.raises(InvalidValueError) as error:
            self._asin("brand")
        assert str(error.value) == "attributes: `'brand'` is not a mapping"

    def test_an_empty_value_after_a_language_value(self):
        """A value with a language tag does not end the checks."""
        with pytest.raises(InvalidValueError) as error:
            self._asin(
                {"color": AttributeValue("Black", "en_US"), "brand": "  "}
            )
        assert error.value.field == "attributes.brand"
        assert str(error.value) == (
            "attributes.brand: `'  '` must be a non-empty string"
        )

    def test_a_collection_given_as_text_names_its_field(self):
        with pytest.raises(InvalidValueError) as error:
            SkuRecord(sku="MUG-1", remote_fulfillment="CA")
        assert error.value.field == "remote_fulfillment"

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            ("2021-08-01", "'2021-08-01'"),
            (datetime(2021, 8, 1), "datetime.datetime(2021, 8, 1, 0, 0)"),
        ],
    )
    def test_a_day_that_is_not_a_date(self, value, shown):
        with pytest.raises(InvalidValueError) as error:
            attrs.evolve(TestScheduleRefusals.FEE, effective=value)
        assert error.value.field == "effective"
        assert str(error.value) == (
            f"effective: `{shown}` is not a calendar date (a `datetime.date`)"
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"arrangement": MfnArrangement.SEPARATE},
            "marketplace: a separate SKU must name the marketplace it serves",
        ),
        (
            {"marketplace": Marketplace.CA},
            "marketplace: a shared pool serves every marketplace; `CA` "
            "applies only to a separate SKU",
        ),
        (
            {"arrangement": MfnArrangement.SEPARATE, "marketplace": "CA"},
            "marketplace: `'CA'` is not a Marketplace",
        ),
    ],
)
def test_a_pool_names_its_marketplace_problem(changes, message):
    with pytest.raises(InvalidValueError) as error:
        MfnPool(quantity=1, **changes)
    assert error.value.field == "marketplace"
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"purchased_at": "2026-07-01"},
            "purchased_at: `'2026-07-01'` is not a datetime",
        ),
        (
            {"purchased_at": datetime(2026, 7, 1)},
            "purchased_at: `2026-07-01T00:00:00` has no time zone; give one "
            "(`Z` for UTC)",
        ),
        ({"total": "5.00"}, "total: `'5.00'` is not Money"),
        (
            {"total": Money("5.00", "CAD")},
            "total: `CAD 5.00` is not in `USD`, the currency of Amazon.com",
        ),
        ({"total": Money("-5.00", "USD")}, "total: `USD -5.00` is negative"),
    ],
)
def test_an_order_names_its_bad_field(changes, message):
    fields = {
        "order_id": "114-0000000-0000001",
        "marketplace": Marketplace.US,
        "purchased_at": datetime(2026, 7, 1, tzinfo=UTC),
        "total": None,
        "fulfillment": None,
        "status": None,
        **changes,
    }
    with pytest.raises(InvalidValueError) as error:
        Order(**fields)
    assert str(error.value) == message


def test_a_bad_sku_is_quoted_by_its_repr():
    with pytest.raises(InvalidValueError) as error:
        to_sku(" MUG")
    assert str(error.value) == (
        "`' MUG'` is not a SKU (1 to 40 printable ASCII characters, no space "
        "at either end)"
    )


@pytest.mark.parametrize(("value", "shown"), [(-1, "-1"), ("3", "'3'")])
def test_a_bad_quantity_is_quoted_with_its_field(value, shown):
    with pytest.raises(InvalidValueError) as error:
        MfnPool(quantity=value)
    assert error.value.field == "quantity"
    assert str(error.value) == (
        f"quantity: `{shown}` is not a whole number of at least 0"
    )


def test_a_bad_country_is_named():
    info = example_snapshot().account.registration_info
    with pytest.raises(InvalidValueError) as error:
        attrs.evolve(info, address_country="usa")
    assert error.value.field == "address_country"
    assert str(error.value) == (
        "address_country: `usa` is not an ISO 3166 country code"
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"marketplaces": {Marketplace.CA}},
            "marketplaces",
            "the home marketplace `US` must be turned on",
        ),
        ({"marketplaces": "US"}, "marketplaces", "`'US'` is not a collection"),
        (
            {"marketplaces": [Marketplace.US, "CA"]},
            "marketplaces",
            "`'CA'` is not a Marketplace",
        ),
        (
            {"marketplaces": [[Marketplace.US]]},
            "marketplaces",
            "`[[<Marketplace.US: 'ATVPDKIKX0DER'>]]` is not a collection of "
            "marketplaces",
        ),
        (
            {"info_overrides": "CA"},
            "info_overrides",
            "`'CA'` is not a mapping of marketplaces to account information",
        ),
        (
            {"info_overrides": {"CA": "info"}},
            "info_overrides",
            "`'CA'` is not a Marketplace",
        ),
        (
            {"info_overrides": {Marketplace.DE: "info"}},
            "info_overrides.DE",
            "`DE` is not a marketplace of the Americas unified account",
        ),
        (
            {"info_overrides": {Marketplace.BR: "info"}},
            "info_overrides.BR",
            "`BR` is not turned on for this account",
        ),
        (
            {"info_overrides": {Marketplace.CA: "info"}},
            "info_overrides.CA",
            "`'info'` is not an AccountInfo",
        ),
    ],
)
def test_an_account_names_its_inconsistency(changes, field, message):
    seller = example_snapshot().account
    with pytest.raises(InvalidValueError) as error:
        attrs.evolve(seller, **changes)
    assert error.value.field == field
    assert str(error.value) == f"{field}: {message}"
