"""fba-pool-separation under Remote Fulfillment with FBA.

Amazon, "Remote Fulfillment with FBA" (Seller Central help
5P3CDUHZWSZLXLB): "When you enroll in the program and create offers on
Amazon.ca and Amazon.com.mx, Fulfillment by Amazon will use your
inventory in US fulfillment centers to fulfill orders across the border";
later also Amazon.com.br (sell.amazon.com, Remote Fulfillment).  "Get
started on Remote Fulfillment with FBA": "any seller-fulfilled offers you
have will not be able to share the same SKU as an FBA offer".
"""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    FAQ,
    NORTH_AMERICA_AND_BRAZIL,
    REMOTE_FULFILLMENT,
    Catalog,
    FulfillmentChannel,
    InvalidValueError,
    Listing,
    Marketplace,
    MfnPool,
    Money,
    Outcome,
    RuleKey,
    RuleViolation,
    SkuRecord,
    availability_table,
    available_quantity,
    create_listing,
    enroll_remote_fulfillment,
    evaluate_remote_enrollment,
    evaluate_sale,
    example_snapshot,
    offerable_skus,
    record_sale,
    set_mfn_quantity,
    withdraw_remote_fulfillment,
)
from unified_account import strategies as ua

US, CA, MX, BR = Marketplace.US, Marketplace.CA, Marketplace.MX, Marketplace.BR
FBA, MFN = FulfillmentChannel.FBA, FulfillmentChannel.MFN
SELLER = example_snapshot().account
REMOTE_AND_BRAZIL = attrs.evolve(
    NORTH_AMERICA_AND_BRAZIL, name="remote-and-brazil", remote_fulfillment=True
)


def _listing(sku, where, channel=FBA):
    return Listing(
        sku=sku,
        marketplace=where,
        title="Lamp",
        price=Money("10.00", where.currency),
        channel=channel,
    )


def _lamp(enrolled=frozenset({CA}), fba=None):
    record = SkuRecord(
        sku="LAMP",
        fba={US: 50, CA: 0} if fba is None else fba,
        listings=[_listing("LAMP", m) for m in (US, CA, MX, BR)],
        remote_fulfillment=enrolled,
    )
    return Catalog([record])


class TestAmazonExamples:
    """Named examples from Amazon's Remote Fulfillment pages."""

    def test_us_stock_serves_the_enrolled_canadian_offer(self):
        """50 units in US FCs: Amazon.ca offers those 50, from the US pool."""
        shown = available_quantity(
            _lamp(), "LAMP", CA, edition=REMOTE_FULFILLMENT
        )
        assert shown.value == 50
        assert shown.rules == {RuleKey.FBA_POOL_SEPARATION}
        (reason,) = shown.reasons
        assert reason.message_id == "fba-pool-separation.remote"
        assert reason.param("pool") is US

    def test_the_us_units_are_the_same_units_not_added(self):
        """Shown in CA and US as 50 each: one pool, never 100."""
        catalog = _lamp(enrolled={CA, MX}, fba={US: 50, CA: 7})
        table = availability_table(catalog, edition=REMOTE_FULFILLMENT).value
        assert table.row("LAMP") == (50, 50, 50)

    def test_a_canadian_sale_draws_on_the_us_pool(self):
        """Selling 3 on Amazon.ca leaves 47 in the US pool, CA untouched."""
        catalog = record_sale(
            _lamp(), "LAMP", CA, 3, edition=REMOTE_FULFILLMENT
        )
        record = catalog.record("LAMP")
        assert (record.fba[US], record.fba[CA]) == (47, 0)
        decision = evaluate_sale(
            catalog, "LAMP", CA, 48, edition=REMOTE_FULFILLMENT
        )
        assert [r.message_id for r in decision.reasons] == [
            "fba-pool-separation.remote-insufficient"
        ]

    def test_without_the_edition_the_pools_stay_apart(self):
        """The FAQ: US and CA fulfilment centres are not connected."""
        assert available_quantity(_lamp(), "LAMP", CA).value == 0
        with pytest.raises(RuleViolation):
            record_sale(_lamp(), "LAMP", CA, 1)

    def test_a_sku_that_is_not_enrolled_is_never_pooled(self):
        """Mexico is not enrolled for this SKU: its own empty pool."""
        shown = available_quantity(
            _lamp(), "LAMP", MX, edition=REMOTE_FULFILLMENT
        )
        assert shown.value == 0
        assert offerable_skus(
            _lamp(), CA, edition=REMOTE_FULFILLMENT
        ).value == {"LAMP"}
        assert offerable_skus(_lamp(), CA).value == frozenset()

    def test_brazil_only_where_the_edition_includes_it(self):
        """Amazon.com.br is served remotely only in a scope with Brazil."""
        catalog = _lamp(enrolled={CA, BR})
        assert (
            available_quantity(
                catalog, "LAMP", BR, edition=REMOTE_FULFILLMENT
            ).value
            == 0
        )
        assert (
            available_quantity(
                catalog, "LAMP", BR, edition=REMOTE_AND_BRAZIL
            ).value
            == 50
        )
        denied = evaluate_remote_enrollment(
            _lamp(enrolled=()), "LAMP", {BR}, edition=REMOTE_FULFILLMENT
        )
        assert [r.message_id for r in denied.reasons] == [
            "fba-pool-separation.remote-not-offered"
        ]


class TestLocalUnitsOfAnEnrolledSku:
    """Issue 17: local stock of an enrolled SKU is undetermined, not zero.

    What Amazon does with an enrolled SKU's stock in a Canadian or
    Mexican fulfilment centre is not published; the nearest text (on
    un-enrolling) says FBA stock "will remain for sale in the marketplace
    where it's located".
    """

    def test_a_sale_only_local_units_could_serve_is_undetermined(self):
        """0 units in the US pool, 5 in Canada: a 1-unit sale on .ca.

        ``evaluate_sale(catalog, "LAMP", CA, 1, edition=...)`` was denied.
        """
        catalog = _lamp(fba={US: 0, CA: 5})
        decision = evaluate_sale(
            catalog, "LAMP", CA, 1, edition=REMOTE_FULFILLMENT
        )
        assert decision.outcome is Outcome.UNDETERMINED
        (reason,) = decision.reasons
        assert reason.message_id == "fba-pool-separation.remote-sale-unknown"
        assert dict(reason.params) == {
            "sku": "LAMP",
            "marketplace": CA,
            "quantity": 1,
            "available": 0,
            "remaining": 0,
            "pool": US,
            "local": 5,
        }
        with pytest.raises(RuleViolation) as error:
            record_sale(catalog, "LAMP", CA, 1, edition=REMOTE_FULFILLMENT)
        assert error.value.decision == decision

    def test_local_units_are_named_and_not_counted(self):
        """The cell shows the US pool's units, and the local ones apart."""
        shown = available_quantity(
            _lamp(fba={US: 0, CA: 5}), "LAMP", CA, edition=REMOTE_FULFILLMENT
        )
        assert shown.value == 0
        assert [
            (r.message_id, r.param("quantity" if i == 0 else "local"))
            for i, r in enumerate(shown.reasons)
        ] == [
            ("fba-pool-separation.remote", 0),
            ("fba-pool-separation.remote-local-unknown", 5),
        ]

    def test_more_than_both_pools_hold_is_still_denied(self):
        """50 in the US, 7 in Canada: 58 cannot be sold either way."""
        catalog = _lamp(fba={US: 50, CA: 7})
        denied = evaluate_sale(
            catalog, "LAMP", CA, 58, edition=REMOTE_FULFILLMENT
        )
        assert denied.outcome is Outcome.DENIED
        assert [r.message_id for r in denied.reasons] == [
            "fba-pool-separation.remote-insufficient"
        ]
        unknown = evaluate_sale(
            catalog, "LAMP", CA, 57, edition=REMOTE_FULFILLMENT
        )
        assert unknown.outcome is Outcome.UNDETERMINED
        allowed = evaluate_sale(
            catalog, "LAMP", CA, 50, edition=REMOTE_FULFILLMENT
        )
        assert [r.message_id for r in allowed.reasons] == [
            "fba-pool-separation.remote-sold"
        ]

    def test_the_report_says_the_local_units_are_undetermined(self):
        """The listing's finding is `undetermined`, never a zero."""
        from unified_account import build_report
        from unified_account.report import FindingOutcome

        snapshot = example_snapshot()
        catalog = _lamp(fba={US: 0, CA: 5})
        report = build_report(
            attrs.evolve(snapshot, catalog=catalog),
            edition=REMOTE_FULFILLMENT,
        )
        found = [
            (f.subject.path, f.outcome)
            for f in report.findings
            if f.message_id == "fba-pool-separation.remote-local-unknown"
        ]
        assert [outcome for _, outcome in found] == [
            FindingOutcome.UNDETERMINED
        ]


@given(
    st.integers(0, 20),
    st.integers(0, 20),
    st.integers(1, 45),
    st.sampled_from([CA, MX]),
)
def test_a_remote_sale_is_allowed_undetermined_or_denied_by_the_pools(
    us, local, quantity, where
):
    """Allowed within the US pool, undetermined within the local units.

    Denied beyond both.  Each with its own message id.
    """
    catalog = _lamp(enrolled={CA, MX}, fba={US: us, where: local})
    decision = evaluate_sale(
        catalog, "LAMP", where, quantity, edition=REMOTE_FULFILLMENT
    )
    (reason,) = decision.reasons
    if quantity <= us:
        expected = (Outcome.ALLOWED, "fba-pool-separation.remote-sold")
    elif quantity <= us + local:
        expected = (
            Outcome.UNDETERMINED,
            "fba-pool-separation.remote-sale-unknown",
        )
    else:
        expected = (
            Outcome.DENIED,
            "fba-pool-separation.remote-insufficient",
        )
    assert (decision.outcome, reason.message_id) == expected
    cell = available_quantity(
        catalog, "LAMP", where, edition=REMOTE_FULFILLMENT
    )
    assert cell.value == us
    assert [r.message_id for r in cell.reasons] == [
        "fba-pool-separation.remote",
        *(["fba-pool-separation.remote-local-unknown"] if local else []),
    ]


class TestMerchantOffers:
    """A seller-fulfilled offer may not share a SKU enrolled remotely."""

    def test_an_mfn_offer_on_an_enrolled_sku_is_refused(self):
        """Amazon: no "seller-fulfilled offers to FBA SKUs" while enrolled."""
        record = SkuRecord(
            sku="LAMP",
            fba={US: 5},
            listings=[_listing("LAMP", US)],
            remote_fulfillment={CA},
        )
        with pytest.raises(RuleViolation) as error:
            create_listing(
                Catalog([record]), SELLER, _listing("LAMP", MX, MFN)
            )
        assert [r.message_id for r in error.value.decision.reasons] == [
            "fba-pool-separation.remote-mfn-offer"
        ]

    def test_enrolling_a_sku_with_an_mfn_offer_zeroes_that_offer(self):
        """Issue 17: enrolment sets the MFN offer's quantity to zero.

        ``enroll_remote_fulfillment(catalog, "MUG", {CA}, edition=...)``
        was refused; Amazon instead zeroes the seller-fulfilled offer.
        """
        catalog = Catalog(
            [
                SkuRecord(
                    sku="MUG",
                    mfn=MfnPool(quantity=4),
                    fba={US: 9},
                    listings=[
                        _listing("MUG", US, MFN),
                        _listing("MUG", CA),
                    ],
                )
            ]
        )
        decision = evaluate_remote_enrollment(
            catalog, "MUG", {CA}, edition=REMOTE_FULFILLMENT
        )
        assert decision.allowed
        assert [(r.message_id, r.params) for r in decision.reasons][1:] == [
            (
                "fba-pool-separation.remote-mfn-zeroed",
                (("merchant", (US,)), ("quantity", 4), ("sku", "MUG")),
            )
        ]
        assert decision.reasons[0].message_id == (
            "fba-pool-separation.remote-enrolled"
        )
        enrolled = enroll_remote_fulfillment(
            catalog, "MUG", {CA}, edition=REMOTE_FULFILLMENT
        )
        record = enrolled.record("MUG")
        assert record.remote_fulfillment == {CA}
        assert record.mfn.quantity == 0
        assert available_quantity(enrolled, "MUG", US).value == 0
        assert (
            available_quantity(
                enrolled, "MUG", CA, edition=REMOTE_FULFILLMENT
            ).value
            == 9
        )

    def test_the_zeroed_offer_cannot_be_restocked_while_enrolled(self):
        """A positive quantity would be a seller-fulfilled offer again."""
        catalog = enroll_remote_fulfillment(
            Catalog(
                [
                    SkuRecord(
                        sku="MUG",
                        mfn=MfnPool(quantity=4),
                        listings=[_listing("MUG", US, MFN)],
                    )
                ]
            ),
            "MUG",
            {MX},
            edition=REMOTE_FULFILLMENT,
        )
        with pytest.raises(RuleViolation) as error:
            set_mfn_quantity(catalog, "MUG", 1)
        assert [r.message_id for r in error.value.decision.reasons] == [
            "fba-pool-separation.remote-mfn-offer"
        ]
        assert set_mfn_quantity(catalog, "MUG", 0) is catalog
        withdrawn = withdraw_remote_fulfillment(catalog, "MUG", {MX})
        restocked = set_mfn_quantity(withdrawn, "MUG", 3)
        assert available_quantity(restocked, "MUG", US).value == 3

    def test_the_model_refuses_an_enrolled_sku_with_mfn_units(self):
        """The invariant holds for data read from anywhere."""
        with pytest.raises(InvalidValueError, match="enrolled"):
            SkuRecord(
                sku="MUG",
                mfn=MfnPool(quantity=1),
                listings=[_listing("MUG", US, MFN)],
                remote_fulfillment={CA},
            )
        zeroed = SkuRecord(
            sku="MUG",
            listings=[_listing("MUG", US, MFN)],
            remote_fulfillment={CA},
        )
        assert zeroed.sellable(US) == 0

    def test_only_remote_marketplaces_can_be_enrolled(self):
        """The US pool serves other countries, not itself."""
        with pytest.raises(InvalidValueError) as error:
            SkuRecord(sku="MUG", remote_fulfillment={US})
        assert error.value.field == "remote_fulfillment"


class TestEnrolment:
    """Enrolling and withdrawing."""

    def test_enrolment_needs_an_edition_with_remote_fulfillment(self):
        """The FAQ has no Remote Fulfillment."""
        decision = evaluate_remote_enrollment(
            _lamp(enrolled=()), "LAMP", {CA}, edition=FAQ
        )
        assert not decision.allowed
        with pytest.raises(RuleViolation) as error:
            enroll_remote_fulfillment(
                _lamp(enrolled=()), "LAMP", {CA}, edition=FAQ
            )
        assert [r.message_id for r in error.value.decision.reasons] == [
            "fba-pool-separation.remote-not-offered"
        ]

    def test_enrol_then_withdraw(self):
        """Withdrawing returns each offer to its own pool."""
        catalog = enroll_remote_fulfillment(
            _lamp(enrolled=()), "LAMP", {CA, MX}, edition=REMOTE_FULFILLMENT
        )
        assert catalog.record("LAMP").remote_fulfillment == {CA, MX}
        catalog = withdraw_remote_fulfillment(catalog, "LAMP", {CA})
        assert catalog.record("LAMP").remote_fulfillment == {MX}
        assert withdraw_remote_fulfillment(catalog, "LAMP", {CA}) is catalog

    def test_marketplaces_must_be_marketplaces(self):
        """A string or a name is refused."""
        with pytest.raises(InvalidValueError):
            evaluate_remote_enrollment(
                _lamp(), "LAMP", "CA", edition=REMOTE_FULFILLMENT
            )
        with pytest.raises(InvalidValueError):
            evaluate_remote_enrollment(
                _lamp(), "LAMP", ["CA"], edition=REMOTE_FULFILLMENT
            )


def _enrolled(catalog, data):
    """``catalog`` with some SKUs without MFN offers enrolled at random."""
    for record in list(catalog):
        merchant = any(
            listing.channel is MFN and listing.status.value != "deleted"
            for listing in record.listings
        )
        if merchant:
            continue
        chosen = data.draw(st.frozensets(st.sampled_from((CA, MX, BR))))
        catalog = catalog.with_record(
            attrs.evolve(record, remote_fulfillment=chosen)
        )
    return catalog


@given(
    ua.catalogs(max_skus=5),
    st.sampled_from([REMOTE_FULFILLMENT, REMOTE_AND_BRAZIL]),
    st.data(),
)
def test_the_table_agrees_with_each_cell_and_pools_only_enrolled(
    catalog, edition, data
):
    """Every cell: the US pool for enrolled offers, else the FAQ's answer."""
    catalog = _enrolled(catalog, data)
    table = availability_table(catalog, edition=edition).value
    plain = availability_table(
        catalog, edition=attrs.evolve(edition, remote_fulfillment=False)
    ).value
    for sku, where, units in table:
        record = catalog.record(sku)
        assert (
            units
            == available_quantity(catalog, sku, where, edition=edition).value
        )
        listing = record.listing(where)
        served = (
            where in record.remote_fulfillment
            and where in edition.remote_fulfillment_marketplaces
            and listing is not None
            and listing.channel is FBA
            and listing.status.value == "active"
        )
        if served:
            assert units == record.fba.get(US, 0)
        else:
            assert units == plain.quantity(sku, where)


@given(
    ua.catalogs(max_skus=4).filter(len),
    st.frozensets(st.sampled_from((CA, MX)), min_size=1),
    st.data(),
)
def test_enrolment_zeroes_exactly_the_skus_with_merchant_offers(
    catalog, chosen, data
):
    """Issue 17: never refused for an MFN offer; that offer goes to zero.

    Every other SKU, and the SKU's FBA pools, stay as they were; the
    reasons name the enrolment, then the zeroed offer if there was one.
    """
    record = data.draw(st.sampled_from(list(catalog)))
    merchant = tuple(
        listing.marketplace
        for listing in record.listings
        if listing.channel is MFN and listing.status.value != "deleted"
    )
    decision = evaluate_remote_enrollment(
        catalog, record.sku, chosen, edition=REMOTE_FULFILLMENT
    )
    assert decision.allowed
    assert [r.message_id for r in decision.reasons] == [
        "fba-pool-separation.remote-enrolled",
        *(["fba-pool-separation.remote-mfn-zeroed"] if merchant else []),
    ]
    after = enroll_remote_fulfillment(
        catalog, record.sku, chosen, edition=REMOTE_FULFILLMENT
    )
    enrolled = after.record(record.sku)
    assert enrolled.remote_fulfillment == record.remote_fulfillment | chosen
    assert enrolled.fba == record.fba
    assert enrolled.mfn.quantity == (0 if merchant else record.mfn.quantity)
    for m in merchant:
        assert available_quantity(after, record.sku, m).value == 0
    for other in catalog:
        if other.sku != record.sku:
            assert after.record(other.sku) == other


def test_an_enrolment_that_is_not_a_collection_is_refused():
    """A string is not a set of marketplaces."""
    with pytest.raises(InvalidValueError) as error:
        SkuRecord(sku="MUG", remote_fulfillment="CA")
    assert error.value.field == "remote_fulfillment"


def test_a_snapshot_enrolment_names_its_json_path():
    """`remote_fulfillment` must be an array of CA, MX or BR."""
    import json

    from unified_account import SnapshotError, parse_snapshot
    from unified_account.snapshot import example_text

    for bad, path in (
        ("CA", "catalog.skus[2].remote_fulfillment"),
        (["US"], "catalog.skus[2].remote_fulfillment"),
        (["XX"], "catalog.skus[2].remote_fulfillment[0]"),
    ):
        document = json.loads(example_text())
        document["catalog"]["skus"][2]["remote_fulfillment"] = bad
        with pytest.raises(SnapshotError) as error:
            parse_snapshot(json.dumps(document))
        assert error.value.path == path
