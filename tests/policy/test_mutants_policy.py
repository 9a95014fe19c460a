"""Named examples for what the policy properties rarely draw.

Each pins one decision the rule tests left to chance: the edition an
account-information customisation is judged under, a SKU with exactly one
unit, the marketplaces with active listings, and an ASIN-less SKU ahead of
an ASIN in the catalogue comparison.
"""

from datetime import UTC, date, datetime

import attrs
import pytest

from builders import listing
from unified_account import (
    FAQ,
    NORTH_AMERICA_AND_BRAZIL,
    REMOTE_FULFILLMENT,
    AsinAttributes,
    AttributeValue,
    BrandRegistration,
    Catalog,
    FulfillmentChannel,
    InvalidValueError,
    ListingStatus,
    Marketplace,
    MfnPool,
    MissingDataError,
    Money,
    Outcome,
    PerItemFee,
    RuleKey,
    RuleViolation,
    Sale,
    SkuRecord,
    StorefrontLink,
    example_snapshot,
    split_subscription,
)
from unified_account.model.account import BankAccount
from unified_account.model.orders import Order, OrderStatus
from unified_account.model.rates import ConversionRates
from unified_account.policy.account_info import (
    customise_account_info,
    effective_account_info,
    evaluate_customisation,
)
from unified_account.policy.availability import (
    active_marketplaces,
    availability_table,
    available_quantity,
    offerable_skus,
)
from unified_account.policy.brand import (
    BrandStatus,
    attribute_differences,
    brand_registry_status,
    catalog_attribute_differences,
)
from unified_account.policy.orders import combined_order_report
from unified_account.policy.payout import (
    PayoutMethod,
    convert_proceeds,
    payout_route,
)
from unified_account.policy.per_item_fees import (
    per_item_fee,
    per_item_fee_table,
)
from unified_account.policy.remote import evaluate_remote_enrollment
from unified_account.policy.storefront import storefront_link
from unified_account.policy.terms import INFO_FIELD_TERMS
from unified_account.policy.unified import (
    evaluate_listing_marketplace,
    evaluate_unified,
    offer_marketplaces,
)

US, CA, MX, BR = Marketplace.US, Marketplace.CA, Marketplace.MX, Marketplace.BR
SELLER = example_snapshot().account
WITH_BRAZIL = attrs.evolve(SELLER, marketplaces=SELLER.marketplaces | {BR})


class TestCustomisationEdition:
    """Brazil's information can be customised only where Brazil is in scope."""

    def test_the_edition_decides_brazil(self):
        assert not evaluate_customisation(WITH_BRAZIL, BR).allowed
        allowed = evaluate_customisation(
            WITH_BRAZIL, BR, edition=NORTH_AMERICA_AND_BRAZIL
        )
        assert allowed.allowed
        assert [
            (r.rule, r.message_id, dict(r.params)) for r in allowed.reasons
        ] == [
            (
                RuleKey.ACCOUNT_INFO_DEFAULTS,
                "account-info-defaults.may-customise",
                {"marketplace": BR},
            )
        ]

    def test_customising_follows_the_edition(self):
        info = SELLER.registration_info
        with pytest.raises(RuleViolation):
            customise_account_info(WITH_BRAZIL, BR, info, edition=FAQ)
        customised = customise_account_info(
            WITH_BRAZIL, BR, info, edition=NORTH_AMERICA_AND_BRAZIL
        )
        assert customised.info_overrides[BR] == info


def _mug(sku, quantity, *listings):
    return SkuRecord(
        sku=sku, mfn=MfnPool(quantity=quantity), listings=list(listings)
    )


class TestOfferedAndActive:
    """One unit is enough to offer; an inactive listing is not active."""

    def test_one_unit_is_offered_and_none_is_not(self):
        catalog = Catalog(
            [
                _mug("ONE", 1, listing(US, sku="ONE")),
                _mug("NONE", 0, listing(US, sku="NONE")),
            ]
        )
        assert offerable_skus(catalog, US).value == {"ONE"}
        assert offerable_skus(catalog, CA).value == frozenset()

    def test_only_marketplaces_with_an_active_listing(self):
        catalog = Catalog(
            [
                _mug(
                    "MUG",
                    3,
                    listing(MX, sku="MUG"),
                    listing(CA, sku="MUG", status=ListingStatus.INACTIVE),
                    listing(US, sku="MUG"),
                )
            ]
        )
        assert active_marketplaces(catalog) == (US, MX)

    def test_an_fba_listing_counts_in_its_own_marketplace(self):
        record = SkuRecord(
            sku="BOX",
            fba={CA: 4},
            listings=[listing(CA, FulfillmentChannel.FBA, sku="BOX")],
        )
        assert active_marketplaces(Catalog([record])) == (CA,)
        assert active_marketplaces(Catalog()) == ()


def test_a_sku_without_an_asin_does_not_end_the_comparison():
    """'0-LOOSE' sorts first and has no ASIN: the ASINs after it count."""
    catalog = example_snapshot().catalog
    loose = SkuRecord(
        sku="0-LOOSE",
        mfn=MfnPool(quantity=1),
        listings=[
            listing(US, sku="0-LOOSE", attributes={"colour": "red"}),
            listing(MX, sku="0-LOOSE", attributes={"colour": "blue"}),
        ],
    )
    found = catalog_attribute_differences(catalog.with_record(loose))
    assert [(d.asin, d.attributes) for d in found.value] == [
        ("B0EXAMPL02", ("model_number",))
    ]


def _said(reasons):
    return [(r.rule, r.message_id, dict(r.params)) for r in reasons]


def test_an_unknown_storefront_link_names_the_marketplace_and_home():
    link = StorefrontLink("https://www.amazon.com/stores/HarborLane")
    brazil = storefront_link(
        SELLER, BR, link, edition=NORTH_AMERICA_AND_BRAZIL
    )
    assert _said(brazil.reasons) == [
        (
            RuleKey.STOREFRONT_ORIGIN,
            "storefront-origin.link-unknown",
            {"marketplace": BR, "home": US},
        )
    ]


def test_an_undetermined_payout_names_the_banks_country():
    """Without a list of bank countries, a Hong Kong bank is undetermined.

    (Amazon.ca's Canadian bank account in CAD is paid directly: issue 17.)
    """
    info = attrs.evolve(
        SELLER.info_overrides[CA],
        bank=BankAccount(country="HK", currency="USD", masked_id="****0002"),
    )
    seller = attrs.evolve(SELLER, info_overrides={CA: info})
    route = payout_route(seller, CA).value
    assert route.method is PayoutMethod.UNDETERMINED
    paid = convert_proceeds(route, Money("10.00", "CAD"), ConversionRates())
    assert paid.value is None
    assert _said(paid.reasons) == [
        (
            RuleKey.LOCAL_PAYOUT,
            "local-payout.payout-undetermined",
            {
                "marketplace": CA,
                "proceeds": Money("10.00", "CAD"),
                "bank": route.bank.masked_id,
                "bank_country": route.bank.country,
            },
        )
    ]
    assert route.bank.country == "HK"


# Registered on Amazon.com.br: eligible, so unified, only where the
# edition's scope has Brazil.
BRAZIL_HOME = attrs.evolve(
    SELLER, home=BR, marketplaces={BR}, info_overrides={}
)


class TestUnifiedByEdition:
    """The switcher, and so unification, follows the edition's scope."""

    def test_a_switcher_of_two_marketplaces_is_unified(self):
        two = attrs.evolve(FAQ, name="two", scope=frozenset({US, CA}))
        decision = evaluate_unified(SELLER, edition=two)
        assert decision.allowed
        assert _said(decision.reasons)[0] == (
            RuleKey.SWITCHER_MEANS_UNIFIED,
            "switcher-means-unified.unified",
            {"home": US, "marketplaces": (US, CA)},
        )

    def test_brazil_unifies_only_in_its_edition(self):
        assert not evaluate_unified(BRAZIL_HOME).allowed
        assert evaluate_unified(
            BRAZIL_HOME, edition=NORTH_AMERICA_AND_BRAZIL
        ).allowed

    def test_brand_status_uses_the_editions_unification(self):
        """Approved on .com: Brazil is undetermined, not 'not unified'."""
        registration = BrandRegistration(brand="Harbor Lane", approved={US})
        resolved = brand_registry_status(
            BRAZIL_HOME, registration, edition=NORTH_AMERICA_AND_BRAZIL
        )
        brazil = [
            (a, r)
            for a, r in zip(resolved.value, resolved.reasons, strict=True)
            if a.marketplace is BR
        ]
        ((approval, reason),) = brazil
        assert approval.status is BrandStatus.UNDETERMINED
        assert approval.source is None
        assert (reason.message_id, dict(reason.params)) == (
            "brand-registry-propagation.propagation-unknown",
            {"brand": "Harbor Lane", "marketplace": BR, "source": US},
        )


class TestBrandReasons:
    """Each marketplace's approval, with the brand and its source."""

    def _statuses(self, account, approved):
        registration = BrandRegistration(
            brand="Harbor Lane", approved=approved
        )
        resolved = brand_registry_status(account, registration)
        return [
            (
                a.brand,
                a.marketplace,
                a.status,
                a.source,
                r.message_id,
                dict(r.params),
            )
            for a, r in zip(resolved.value, resolved.reasons, strict=True)
        ]

    def test_a_unified_account(self):
        brand = {"brand": "Harbor Lane"}
        assert self._statuses(SELLER, {US}) == [
            (
                "Harbor Lane",
                US,
                BrandStatus.APPROVED,
                US,
                "brand-registry-propagation.approved",
                {**brand, "marketplace": US},
            ),
            (
                "Harbor Lane",
                CA,
                BrandStatus.PROPAGATED,
                US,
                "brand-registry-propagation.propagated",
                {**brand, "marketplace": CA, "source": US},
            ),
            (
                "Harbor Lane",
                MX,
                BrandStatus.PROPAGATED,
                US,
                "brand-registry-propagation.propagated",
                {**brand, "marketplace": MX, "source": US},
            ),
        ]

    def test_an_account_that_is_not_unified(self):
        alone = example_snapshot().separate_accounts[0]  # Individual, .ca
        brand = {"brand": "Harbor Lane"}
        assert self._statuses(alone, {US}) == [
            (
                "Harbor Lane",
                US,
                BrandStatus.APPROVED,
                US,
                "brand-registry-propagation.approved",
                {**brand, "marketplace": US},
            ),
            (
                "Harbor Lane",
                CA,
                BrandStatus.NOT_APPROVED,
                None,
                "brand-registry-propagation.not-unified",
                {**brand, "marketplace": CA, "source": US},
            ),
            (
                "Harbor Lane",
                MX,
                BrandStatus.NOT_APPROVED,
                None,
                "brand-registry-propagation.not-unified",
                {**brand, "marketplace": MX, "source": US},
            ),
        ]

    def test_a_brand_approved_nowhere(self):
        assert [s[2:5] for s in self._statuses(SELLER, set())] == [
            (
                BrandStatus.NOT_APPROVED,
                None,
                "brand-registry-propagation.not-approved",
            ),
        ] * 3


class TestAttributeComparison:
    """Every pair of marketplaces is compared, and bad records are named."""

    def _colours(self, *values):
        return [
            AsinAttributes(
                asin="B0COLOUR01", marketplace=m, attributes={"color": v}
            )
            for m, v in zip((US, CA, MX, BR), values, strict=False)
        ]

    def test_the_first_and_third_of_four_are_compared(self):
        """Silver and Gold (en_US) differ; the Spanish ones translate."""
        records = self._colours(
            AttributeValue("Silver", "en_US"),
            AttributeValue("Plateado", "es_MX"),
            AttributeValue("Gold", "en_US"),
            AttributeValue("Plateado", "es_MX"),
        )
        (difference,) = attribute_differences(records).value
        assert difference.attributes == ("color",)
        assert difference.marketplaces == (US, CA, MX, BR)

    def test_translations_alone_do_not_differ(self):
        records = self._colours(
            AttributeValue("Silver", "en_US"),
            AttributeValue("Plateado", "es_MX"),
            AttributeValue("Silver", "en_US"),
            AttributeValue("Argent", "fr_CA"),
        )
        assert attribute_differences(records).value == ()

    def test_a_record_of_the_wrong_type_is_named_by_index(self):
        records = [*self._colours("HL-1"), "B0COLOUR01"]
        with pytest.raises(InvalidValueError) as error:
            attribute_differences(records)
        assert error.value.field == "records[1]"
        assert str(error.value) == (
            "records[1]: `'B0COLOUR01'` is not AsinAttributes"
        )

    def test_two_records_of_one_marketplace_are_named(self):
        records = self._colours("HL-1") * 2
        with pytest.raises(InvalidValueError) as error:
            attribute_differences(records)
        assert error.value.field == "records[1].marketplace"
        assert str(error.value) == (
            "records[1].marketplace: ASIN `B0COLOUR01` has two records "
            "for `US`"
        )


class TestEffectiveInformation:
    """Which information a marketplace uses, and what is unknown in it."""

    def test_the_reason_says_registration_or_customised(self):
        home = effective_account_info(SELLER, US)
        canada = effective_account_info(SELLER, CA)
        assert home.value == SELLER.registration_info
        assert canada.value == SELLER.info_overrides[CA]
        assert _said(home.reasons) == [
            (
                RuleKey.ACCOUNT_INFO_DEFAULTS,
                "account-info-defaults.registration",
                {"marketplace": US},
            )
        ]
        assert _said(canada.reasons) == [
            (
                RuleKey.ACCOUNT_INFO_DEFAULTS,
                "account-info-defaults.customised",
                {"marketplace": CA},
            )
        ]

    def test_unknown_fields_are_named(self):
        info = attrs.evolve(
            SELLER.registration_info, bank=None, contact_email=None
        )
        seller = attrs.evolve(SELLER, registration_info=info)
        mexico = effective_account_info(seller, MX)
        assert _said(mexico.reasons)[1] == (
            RuleKey.ACCOUNT_INFO_DEFAULTS,
            "account-info-defaults.unknown",
            {
                "marketplace": MX,
                "fields": (
                    INFO_FIELD_TERMS["bank"],
                    INFO_FIELD_TERMS["contact_email"],
                ),
            },
        )

    def test_outside_the_callers_scope_the_callers_scope_refuses(self):
        """An edition without Mexico: the na-scope decision denies it."""
        two = attrs.evolve(FAQ, name="two", scope=frozenset({US, CA}))
        with pytest.raises(RuleViolation) as error:
            effective_account_info(SELLER, MX, edition=two)
        decision = error.value.decision
        assert not decision.allowed
        assert decision.rules == {RuleKey.NA_SCOPE}


def test_the_converted_figure_is_in_the_asked_currency():
    seller = example_snapshot()
    resolved = combined_order_report(
        seller.account, seller.orders, currency="USD", rates=seller.rates
    )
    assert resolved.value.converted.currency == "USD"
    assert resolved.value.converted.total.currency == "USD"


def test_a_remotely_served_cell_names_sku_marketplace_units_and_pool():
    record = SkuRecord(
        sku="LAMP",
        fba={US: 50},
        listings=[listing(CA, FulfillmentChannel.FBA, sku="LAMP")],
        remote_fulfillment={CA},
    )
    shown = available_quantity(
        Catalog([record]), "LAMP", CA, edition=REMOTE_FULFILLMENT
    )
    assert _said(shown.reasons) == [
        (
            RuleKey.FBA_POOL_SEPARATION,
            "fba-pool-separation.remote",
            {"sku": "LAMP", "marketplace": CA, "quantity": 50, "pool": US},
        )
    ]


@pytest.mark.parametrize("marketplaces", ["CA", b"CA"])
def test_an_enrolment_given_as_text_is_refused_quoting_it(marketplaces):
    catalog = Catalog([SkuRecord(sku="LAMP", fba={US: 5})])
    with pytest.raises(InvalidValueError) as error:
        evaluate_remote_enrollment(
            catalog, "LAMP", marketplaces, edition=REMOTE_FULFILLMENT
        )
    assert error.value.field == "marketplaces"
    assert str(error.value) == (
        f"marketplaces: `{marketplaces!r}` is not a collection of marketplaces"
    )


def test_an_unhashable_enrolment_is_quoted():
    catalog = Catalog([SkuRecord(sku="LAMP", fba={US: 5})])
    with pytest.raises(InvalidValueError) as error:
        evaluate_remote_enrollment(
            catalog, "LAMP", [[CA]], edition=REMOTE_FULFILLMENT
        )
    assert str(error.value) == (
        "marketplaces: `[[<Marketplace.CA: 'A2EUQ1WTGCTBG2'>]]` "
        "is not a collection of marketplaces"
    )


class Shelf:
    """An iterable whose str() is not its repr(): messages quote the repr."""

    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        return iter(self.items)

    def __repr__(self):
        return f"Shelf{self.items!r}"

    def __str__(self):
        return "a shelf"


def test_an_enrolment_of_unhashable_items_is_quoted_by_its_repr():
    catalog = Catalog([SkuRecord(sku="LAMP", fba={US: 5})])
    with pytest.raises(InvalidValueError) as error:
        evaluate_remote_enrollment(
            catalog, "LAMP", Shelf([CA]), edition=REMOTE_FULFILLMENT
        )
    assert str(error.value) == (
        "marketplaces: `Shelf([<Marketplace.CA: 'A2EUQ1WTGCTBG2'>],)` "
        "is not a collection of marketplaces"
    )


def test_an_enrolled_name_is_not_a_marketplace():
    catalog = Catalog([SkuRecord(sku="LAMP", fba={US: 5})])
    with pytest.raises(InvalidValueError) as error:
        evaluate_remote_enrollment(
            catalog, "LAMP", [CA, "MX"], edition=REMOTE_FULFILLMENT
        )
    assert error.value.field == "marketplaces"
    assert str(error.value) == "marketplaces: `'MX'` is not a Marketplace"


def test_active_marketplaces_of_unhashable_items_are_quoted_by_repr():
    with pytest.raises(InvalidValueError) as error:
        split_subscription(SELLER, date(2026, 7, 15), Shelf([US]))
    assert str(error.value) == (
        "active_in: `Shelf([<Marketplace.US: 'ATVPDKIKX0DER'>],)` "
        "is not a collection of marketplaces"
    )


class TestEnrolmentReasons:
    """Each enrolment decision names the SKU, the choice and the edition."""

    def _decide(self, record, chosen, edition=REMOTE_FULFILLMENT):
        decision = evaluate_remote_enrollment(
            Catalog([record]), record.sku, chosen, edition=edition
        )
        return decision.outcome, _said(decision.reasons)

    def _params(self, chosen, edition="remote-fulfillment", targets=(CA, MX)):
        return {
            "sku": "LAMP",
            "marketplaces": chosen,
            "edition": edition,
            "targets": targets,
        }

    def test_enrolled(self):
        record = SkuRecord(sku="LAMP", fba={US: 5})
        assert self._decide(record, [MX, CA]) == (
            Outcome.ALLOWED,
            [
                (
                    RuleKey.FBA_POOL_SEPARATION,
                    "fba-pool-separation.remote-enrolled",
                    self._params((CA, MX)),
                )
            ],
        )

    def test_a_marketplace_not_served_remotely_is_named(self):
        record = SkuRecord(sku="LAMP", fba={US: 5})
        assert self._decide(record, [CA, US]) == (
            Outcome.DENIED,
            [
                (
                    RuleKey.FBA_POOL_SEPARATION,
                    "fba-pool-separation.remote-not-offered",
                    {**self._params((US, CA)), "outside": (US,)},
                )
            ],
        )

    def test_without_remote_fulfillment_every_choice_is_outside(self):
        record = SkuRecord(sku="LAMP", fba={US: 5})
        assert self._decide(record, [CA], edition=FAQ) == (
            Outcome.DENIED,
            [
                (
                    RuleKey.FBA_POOL_SEPARATION,
                    "fba-pool-separation.remote-not-offered",
                    {**self._params((CA,), "faq", ()), "outside": (CA,)},
                )
            ],
        )

    def test_a_merchant_fulfilled_offer_is_named(self):
        record = SkuRecord(
            sku="LAMP",
            mfn=MfnPool(quantity=2),
            fba={US: 5},
            listings=[listing(MX, sku="LAMP")],
        )
        assert self._decide(record, [CA]) == (
            Outcome.ALLOWED,
            [
                (
                    RuleKey.FBA_POOL_SEPARATION,
                    "fba-pool-separation.remote-enrolled",
                    self._params((CA,)),
                ),
                (
                    RuleKey.FBA_POOL_SEPARATION,
                    "fba-pool-separation.remote-mfn-zeroed",
                    {"sku": "LAMP", "merchant": (MX,), "quantity": 2},
                ),
            ],
        )


def test_a_remote_offer_without_us_stock_has_no_units():
    record = SkuRecord(
        sku="LAMP",
        fba={CA: 3},
        listings=[listing(CA, FulfillmentChannel.FBA, sku="LAMP")],
        remote_fulfillment={CA},
    )
    shown = available_quantity(
        Catalog([record]), "LAMP", CA, edition=REMOTE_FULFILLMENT
    )
    assert shown.value == 0
    assert dict(shown.reasons[0].params)["quantity"] == 0


class TestPerItemFeeRefusals:
    """The per-item schedules and a sale without one, named in full."""

    FEES = (
        PerItemFee(marketplace=US, rate="0.15"),
        PerItemFee(marketplace=CA, rate="0.15"),
    )

    def test_a_fee_of_the_wrong_type_is_named_by_index(self):
        with pytest.raises(InvalidValueError) as error:
            per_item_fee_table([*self.FEES, "15%"])
        assert error.value.field == "fees[2]"
        assert str(error.value) == "fees[2]: `'15%'` is not a PerItemFee"

    def test_two_schedules_for_one_marketplace_are_named(self):
        with pytest.raises(InvalidValueError) as error:
            per_item_fee_table([*self.FEES, self.FEES[1]])
        assert error.value.field == "fees[2].marketplace"
        assert str(error.value) == (
            "fees[2].marketplace: two per-item fee schedules for `CA`"
        )

    def test_a_sale_without_a_schedule_names_the_sale_and_home(self):
        sale = Sale(
            marketplace=MX, price=Money("100.00", "MXN"), reference="O-9"
        )
        with pytest.raises(MissingDataError) as error:
            per_item_fee(SELLER, sale, self.FEES)
        assert str(error.value) == (
            "no per-item fee schedule for `MX`, where `O-9` sold; the home "
            "marketplace's (`US`) never applies to a sale elsewhere"
        )


class TestAvailabilityTable:
    """The table's reasons, its refusals, and the FBA cell's reasons."""

    def test_the_table_says_its_four_rules_over_its_columns(self):
        table = availability_table(Catalog())
        columns = {"marketplaces": (US, CA, MX)}
        assert _said(table.reasons) == [
            (
                RuleKey.PER_MARKETPLACE_LISTING,
                "per-marketplace-listing.table",
                columns,
            ),
            (RuleKey.MFN_INVENTORY, "mfn-inventory.table", columns),
            (
                RuleKey.FBA_POOL_SEPARATION,
                "fba-pool-separation.table",
                columns,
            ),
            (
                RuleKey.MARKETPLACE_SPECIFIC_DELETION,
                "marketplace-specific-deletion.table",
                columns,
            ),
        ]

    def test_an_unknown_sku_or_column_is_named(self):
        table = availability_table(Catalog([SkuRecord(sku="MUG")])).value
        with pytest.raises(MissingDataError) as error:
            table.quantity("NOPE", US)
        assert str(error.value) == (
            "sku `NOPE` is not in the availability table"
        )
        with pytest.raises(MissingDataError) as error:
            table.quantity("MUG", BR)
        assert str(error.value) == (
            "marketplace `Marketplace.BR` is not a column of the "
            "availability table"
        )

    def _box(self, fba):
        record = SkuRecord(
            sku="BOX",
            fba=fba,
            listings=[listing(CA, FulfillmentChannel.FBA, sku="BOX")],
        )
        return available_quantity(Catalog([record]), "BOX", CA)

    def test_stock_only_elsewhere_is_named_with_its_units(self):
        shown = self._box({US: 4, CA: 0, MX: 0, BR: 2})
        assert shown.value == 0
        assert _said(shown.reasons) == [
            (
                RuleKey.FBA_POOL_SEPARATION,
                "fba-pool-separation.not-here",
                {
                    "sku": "BOX",
                    "marketplace": CA,
                    "quantity": 0,
                    "elsewhere": (US, BR),
                    "units": 6,
                },
            )
        ]

    @pytest.mark.parametrize(("fba", "units"), [({}, 0), ({CA: 3, US: 4}, 3)])
    def test_the_own_pool_when_it_has_stock_or_none_has(self, fba, units):
        shown = self._box(fba)
        assert shown.value == units
        assert _said(shown.reasons) == [
            (
                RuleKey.FBA_POOL_SEPARATION,
                "fba-pool-separation.pool",
                {"sku": "BOX", "marketplace": CA, "quantity": units},
            )
        ]


def _order(number, total, status=OrderStatus.SHIPPED):
    return Order(
        order_id=f"114-0000000-000000{number}",
        marketplace=US,
        purchased_at=datetime(2026, 7, 1, tzinfo=UTC),
        total=None if total is None else Money(total, "USD"),
        fulfillment=FulfillmentChannel.MFN,
        status=status,
    )


@pytest.mark.parametrize(
    ("orders", "canceled", "without_total", "total"),
    [
        ([], 0, 0, "0.00"),
        ([_order(1, "5.00")], 0, 0, "5.00"),
        (
            [
                _order(1, "5.00"),
                _order(2, "7.00", OrderStatus.CANCELED),
                _order(3, None, OrderStatus.PENDING),
                _order(4, None, OrderStatus.PENDING),
                _order(5, "3.00", OrderStatus.CANCELED),
                _order(6, "1.50"),
            ],
            2,
            2,
            "6.50",
        ),
    ],
)
def test_each_line_counts_canceled_and_totalless_orders(
    orders, canceled, without_total, total
):
    report = combined_order_report(SELLER, orders).value
    (us,) = [line for line in report.marketplaces if line.marketplace is US]
    assert us.totals.orders == len(orders)
    assert us.totals.canceled == canceled
    assert us.totals.without_total == without_total
    assert us.totals.total == Money(total, "USD")


class TestOfferMarketplaces:
    """Where products may be listed, and the rule that says so."""

    def test_every_turned_on_marketplace(self):
        offered = offer_marketplaces(SELLER)
        assert offered.value == (US, CA, MX)
        assert _said(offered.reasons) == [
            (
                RuleKey.LIST_ANYWHERE,
                "list-anywhere.offered-in",
                {"home": US, "marketplaces": (US, CA, MX)},
            )
        ]

    def test_nothing_turned_on_is_home_only(self):
        home = attrs.evolve(SELLER, marketplaces={US}, info_overrides={})
        offered = offer_marketplaces(home)
        assert offered.value == (US,)
        assert _said(offered.reasons) == [
            (
                RuleKey.HOME_ONLY_BY_DEFAULT,
                "home-only-by-default.home-only",
                {"home": US, "marketplaces": (US,)},
            )
        ]

    def test_registered_outside_the_callers_scope_nothing_is_offered(self):
        two = attrs.evolve(FAQ, name="two", scope=frozenset({US, CA}))
        mexico = attrs.evolve(
            SELLER, home=MX, marketplaces={MX}, info_overrides={}
        )
        offered = offer_marketplaces(mexico, edition=two)
        assert offered.value == ()
        assert _said(offered.reasons) == [
            (
                RuleKey.NA_SCOPE,
                "na-scope.out-of-scope",
                {"marketplace": MX, "scope": (US, CA)},
            ),
            (
                RuleKey.EU_DISTINCT,
                "eu-distinct.registered-elsewhere",
                {"home": MX, "scope": (US, CA)},
            ),
        ]


class TestOrderReportEdges:
    """The converted figure's reason, missing rates, bad orders, editions."""

    def test_the_converted_reason_names_total_and_rates(self):
        seller = example_snapshot()
        resolved = combined_order_report(
            seller.account, seller.orders, currency="USD", rates=seller.rates
        )
        (converted,) = [
            r
            for r in resolved.reasons
            if r.message_id == "order-tracking.converted"
        ]
        assert dict(converted.params) == {
            "total": Money("305.04", "USD"),
            "rates": ("CAD/USD 0.7312", "MXN/USD 0.0547"),
        }

    def test_without_rates_a_foreign_total_is_missing_data(self):
        seller = example_snapshot()
        with pytest.raises(MissingDataError):
            combined_order_report(
                seller.account, seller.orders, currency="USD"
            )

    def test_an_order_of_the_wrong_type_is_named_by_index(self):
        with pytest.raises(InvalidValueError) as error:
            combined_order_report(SELLER, [_order(1, "5.00"), "114-1"])
        assert error.value.field == "orders[1]"
        assert str(error.value) == "orders[1]: `'114-1'` is not an Order"

    def test_an_order_given_twice_is_named(self):
        with pytest.raises(InvalidValueError) as error:
            combined_order_report(SELLER, [_order(1, "5.00")] * 2)
        assert error.value.field == "orders[1].order_id"
        assert str(error.value) == (
            "orders[1].order_id: order `114-0000000-0000001` appears twice"
        )

    def test_the_callers_edition_decides_the_scope(self):
        brazil = attrs.evolve(
            SELLER, home=BR, marketplaces={BR}, info_overrides={}
        )
        order = attrs.evolve(
            _order(1, None), marketplace=BR, total=Money("50.00", "BRL")
        )
        faq = combined_order_report(brazil, [order]).value
        both = combined_order_report(
            brazil, [order], edition=NORTH_AMERICA_AND_BRAZIL
        ).value
        assert [line.in_scope for line in faq.marketplaces] == [False]
        assert [line.in_scope for line in both.marketplaces] == [True]


def test_a_marketplace_not_turned_on_is_named_with_the_home():
    home_only = attrs.evolve(SELLER, marketplaces={US}, info_overrides={})
    decision = evaluate_listing_marketplace(home_only, CA)
    assert not decision.allowed
    assert _said(decision.reasons) == [
        (
            RuleKey.HOME_ONLY_BY_DEFAULT,
            "home-only-by-default.not-turned-on",
            {"home": US, "marketplace": CA},
        )
    ]
