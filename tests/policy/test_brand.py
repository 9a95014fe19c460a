"""brand-registry-propagation: Amazon.com approval carries, others do not."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    FAQ,
    NORTH_AMERICA_AND_BRAZIL,
    FindingOutcome,
    InvalidValueError,
    Marketplace,
    RuleKey,
    build_report,
    evaluate_unified,
    example_snapshot,
)
from unified_account import strategies as ua
from unified_account.model.attributes import AttributeValue
from unified_account.model.brand import AsinAttributes, BrandRegistration
from unified_account.policy.brand import (
    BrandStatus,
    attribute_differences,
    brand_registry_status,
    catalog_attribute_differences,
    propagate_brand_registry,
)

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
UNIFIED = example_snapshot().account
NOT_UNIFIED = example_snapshot().separate_accounts[0]  # Individual, on .ca


def statuses(account, approved):
    registration = BrandRegistration(brand="Harbor Lane", approved=approved)
    resolved = brand_registry_status(account, registration)
    return {a.marketplace: a.status for a in resolved.value}


class TestFaqExamples:
    """The FAQ's two answers, and the approval that does not carry."""

    def test_with_a_unified_account_amazon_com_approval_carries_to_ca_and_mx(
        self,
    ):
        """Approved on Amazon.com: approved on Amazon.ca and Amazon.com.mx."""
        assert statuses(UNIFIED, {US}) == {
            US: BrandStatus.APPROVED,
            CA: BrandStatus.PROPAGATED,
            MX: BrandStatus.PROPAGATED,
        }

    def test_without_a_unified_account_each_marketplace_needs_its_own(self):
        """Approved on Amazon.com only: Amazon.ca and .com.mx are not."""
        assert statuses(NOT_UNIFIED, {US}) == {
            US: BrandStatus.APPROVED,
            CA: BrandStatus.NOT_APPROVED,
            MX: BrandStatus.NOT_APPROVED,
        }

    def test_approval_on_amazon_ca_does_not_carry(self):
        """Only Amazon.com is a source, even for a unified account."""
        assert statuses(UNIFIED, {CA}) == {
            US: BrandStatus.NOT_APPROVED,
            CA: BrandStatus.APPROVED,
            MX: BrandStatus.NOT_APPROVED,
        }
        registration = BrandRegistration(brand="Harbor Lane", approved={CA})
        resolved = brand_registry_status(UNIFIED, registration)
        assert [r.message_id for r in resolved.reasons] == [
            "brand-registry-propagation.does-not-carry",
            "brand-registry-propagation.approved",
            "brand-registry-propagation.does-not-carry",
        ]

    def test_every_reason_names_the_rule(self):
        """The status is explained by brand-registry-propagation."""
        resolved = brand_registry_status(
            UNIFIED, BrandRegistration(brand="X", approved={US})
        )
        assert resolved.rules == {RuleKey.BRAND_REGISTRY_PROPAGATION}


accounts = st.one_of(
    ua.seller_accounts(  # unified accounts, on one side of the rule
        plans=ua.selling_plans(professional=True),
        homes=ua.marketplaces(in_scope=True),
    ),
    ua.seller_accounts(),  # mostly not unified, on the other
)
registrations = ua.brand_registrations()


@given(accounts, registrations)
def test_propagation_is_idempotent(account, registration):
    """Propagating twice is propagating once."""
    once = propagate_brand_registry(account, registration)
    assert propagate_brand_registry(account, once) == once


@given(accounts, registrations)
def test_propagation_never_flows_from_ca_or_mx(account, registration):
    """Without an Amazon.com approval, nothing is added."""
    without_us = attrs.evolve(
        registration, approved=registration.approved - {US}
    )
    assert (
        propagate_brand_registry(account, without_us).approved
        == without_us.approved
    )


@given(accounts, registrations)
def test_amazon_com_approval_reaches_the_scope_only_for_unified_accounts(
    account, registration
):
    """Unified and approved on .com: all three; otherwise only direct ones."""
    result = propagate_brand_registry(account, registration).approved
    assert result >= registration.approved
    if US in registration.approved and evaluate_unified(account).allowed:
        assert result == registration.approved | FAQ.scope
    else:
        assert result == registration.approved


@given(accounts, registrations)
def test_the_sources_are_the_editions_not_a_constant(account, registration):
    """An edition naming Amazon.ca as a source carries .ca approvals."""
    edition = attrs.evolve(FAQ, brand_registry_sources={CA})
    result = propagate_brand_registry(
        account, registration, edition=edition
    ).approved
    if (
        CA in registration.approved
        and evaluate_unified(account, edition=edition).allowed
    ):
        assert result == registration.approved | FAQ.scope
    else:
        assert result == registration.approved


def record(marketplace, asin="B071VG5N9D", **attributes):
    return AsinAttributes(
        asin=asin, marketplace=marketplace, attributes=attributes
    )


class TestAttributeDifferences:
    """Key attributes of one ASIN must agree across marketplaces."""

    def test_differing_values_name_the_attributes_and_marketplaces(self):
        """Model number differs; brand agrees."""
        found = attribute_differences(
            [
                record(US, brand="HL", model_number="1"),
                record(MX, brand="HL", model_number="2"),
            ]
        ).value
        assert [(d.asin, d.attributes, d.marketplaces) for d in found] == [
            ("B071VG5N9D", ("model_number",), (US, MX))
        ]

    def test_an_attribute_missing_in_one_marketplace_differs(self):
        """Given on Amazon.com, absent on Amazon.ca."""
        found = attribute_differences(
            [record(US, brand="HL", color="Navy"), record(CA, brand="HL")]
        ).value
        assert found[0].attributes == ("color",)

    def test_an_asin_in_one_marketplace_has_nothing_to_compare(self):
        """No reason for a single listing."""
        assert attribute_differences([record(US, brand="HL")]).reasons == ()

    def test_a_translation_is_not_a_difference(self):
        """Issue 9: Black (en_US) on .com and Noire (fr_CA) on .ca agree.

        Amazon's attributes carry a `language_tag`; the FAQ asks for "相同
        的關鍵屬性值" (the same key attribute values), which a colour
        written in two languages is.  A model number differing is not.
        """
        found = attribute_differences(
            [
                record(
                    US,
                    color=AttributeValue("Black", "en_US"),
                    model_number="HL-100",
                ),
                record(
                    CA,
                    color=AttributeValue("Noire", "fr_CA"),
                    model_number="HL-100B",
                ),
            ]
        ).value
        assert [(d.attributes, d.marketplaces) for d in found] == [
            (("model_number",), (US, CA))
        ]

    def test_values_in_one_language_are_compared(self):
        """Two en_US colours that differ are a difference."""
        found = attribute_differences(
            [
                record(US, color=AttributeValue("Black", "en_US")),
                record(CA, color=AttributeValue("Navy", "en_US")),
            ]
        ).value
        assert found[0].attributes == ("color",)

    def test_two_records_for_one_asin_and_marketplace_are_refused(self):
        """Which one holds would be a guess."""
        with pytest.raises(InvalidValueError, match="two records"):
            attribute_differences(
                [record(US, brand="A"), record(US, brand="B")]
            )


attribute_records = st.lists(
    ua.asin_attributes(asins=st.sampled_from(["B000000001", "B000000002"])),
    max_size=8,
    unique_by=lambda r: (r.asin, r.marketplace),
)


def _plain(value):
    """``(language tag or None, text)`` of a value, for the restatement."""
    if isinstance(value, AttributeValue):
        return value.language_tag, value.value
    return None, value


def _naive_differs(values):
    """Missing somewhere, or two texts of one language (or none) differ."""
    if None in values:
        return True
    pairs = [(_plain(a), _plain(b)) for a in values for b in values]
    return any(
        (ta is None or tb is None or ta == tb) and xa != xb
        for (ta, xa), (tb, xb) in pairs
    )


@given(attribute_records)
def test_an_asin_is_reported_exactly_when_some_value_differs(records):
    """Compared with a naive restatement of the rule."""
    found = {d.asin: d for d in attribute_differences(records).value}
    for asin in {r.asin for r in records}:
        mine = [r for r in records if r.asin == asin]
        names = {n for r in mine for n in r.attributes}
        differing = tuple(
            sorted(
                n
                for n in names
                if _naive_differs([r.attributes.get(n) for r in mine])
            )
        )
        ids = [
            r.message_id
            for r in attribute_differences(records).reasons
            if dict(r.params)["asin"] == asin
        ]
        if len(mine) > 1:
            assert ids == [
                "brand-registry-propagation.attributes-differ"
                if differing
                else "brand-registry-propagation.attributes-in-sync"
            ]
        if len(mine) > 1 and differing:
            assert found[asin].attributes == differing
            assert set(found[asin].marketplaces) == {
                r.marketplace for r in mine
            }
        else:
            assert asin not in found


class TestBrazilIsNotGuessed:
    """Issue 9: whether approval carries to Amazon.com.br is not known."""

    def test_a_com_approval_is_undetermined_on_brazil(self):
        """FAQ: a .com approval carries to "Amazon.ca 和 Amazon.com.mx"."""
        registration = BrandRegistration(brand="Harbor Lane", approved={US})
        status = brand_registry_status(
            UNIFIED, registration, edition=NORTH_AMERICA_AND_BRAZIL
        )
        by_marketplace = {a.marketplace: a.status for a in status.value}
        assert by_marketplace[Marketplace.BR] is BrandStatus.UNDETERMINED
        assert by_marketplace[CA] is BrandStatus.PROPAGATED
        assert "brand-registry-propagation.propagation-unknown" in [
            r.message_id for r in status.reasons
        ]
        propagated = propagate_brand_registry(
            UNIFIED, registration, edition=NORTH_AMERICA_AND_BRAZIL
        )
        assert Marketplace.BR not in propagated.approved


class TestCatalogueListings:
    """Issue 9: the catalogue's own listings of one ASIN are compared."""

    def test_the_example_bottle_differs_in_model_number_on_us_and_mx(self):
        """BTL-750 on Amazon.com, BTL-750-MX on Amazon.com.mx.

        The colours, Silver (en_US) and Plateado (es_MX), are one colour
        in two languages.
        """
        found = catalog_attribute_differences(example_snapshot().catalog)
        assert [
            (d.asin, d.attributes, d.marketplaces) for d in found.value
        ] == [("B0EXAMPL02", ("model_number",), (US, MX))]

    def test_the_report_names_the_attributes_and_both_marketplaces(self):
        """A warning on `asin:B0EXAMPL02`, with its parameters."""
        report = build_report(example_snapshot())
        (finding,) = [
            f
            for f in report.findings
            if f.subject.path == "asin:B0EXAMPL02"
            and f.message_id.endswith("attributes-differ")
        ]
        assert finding.outcome is FindingOutcome.WARNING
        assert dict(finding.params)["attributes"] == ("model_number",)
        assert dict(finding.params)["marketplaces"] == (US, MX)


@given(ua.catalogs(max_skus=4))
def test_the_catalogue_comparison_is_the_records_comparison(catalog):
    """Same answer as comparing the first listing of each ASIN per market."""
    records = {}
    for sku in sorted(catalog.skus.keys()):
        item = catalog.skus[sku]
        for listing in item.listings:
            if (
                item.asin is None
                or listing.status.value == "deleted"
                or not listing.attributes
            ):
                continue
            records.setdefault((item.asin, listing.marketplace), listing)
    grouped = {}
    for (asin, where), listing in records.items():
        grouped.setdefault(asin, {})[where] = listing.attributes
    expected = {
        asin
        for asin, listed in grouped.items()
        if len(listed) > 1
        and any(
            _naive_differs([values.get(n) for values in listed.values()])
            for n in {n for values in listed.values() for n in values}
        )
    }
    found = catalog_attribute_differences(catalog).value
    assert {d.asin for d in found} == expected


@given(attribute_records)
def test_the_answer_does_not_depend_on_what_is_kept_between_asins(records):
    """Answers kept between ASINs change nothing.

    One comparison keeps answers by the values' identities, up to a
    limit; with nothing kept, every answer is the same.
    """
    import unittest.mock

    from unified_account.policy import brand

    kept = attribute_differences(records)
    with unittest.mock.patch.object(brand, "_COMPARED", 0):
        assert attribute_differences(records) == kept


class TestSharedValues:
    """Issue 19: values shared between ASINs are compared once."""

    def test_one_set_of_translations_is_answered_for_every_asin(self):
        black = AttributeValue("Black", "en_US")
        noir = AttributeValue("Noir", "fr_CA")
        records = [
            AsinAttributes(asin=asin, marketplace=where, attributes=values)
            for asin in ("B000000001", "B000000002")
            for where, values in (
                (US, {"color": black, "size": "L"}),
                (CA, {"color": noir, "size": "L"}),
            )
        ]
        assert [
            r.message_id for r in attribute_differences(records).reasons
        ] == ["brand-registry-propagation.attributes-in-sync"] * 2

    def test_one_set_of_values_in_one_language_differs_for_every_asin(self):
        black = AttributeValue("Black", "en_US")
        navy = AttributeValue("Navy", "en_US")
        records = [
            AsinAttributes(asin=asin, marketplace=where, attributes=values)
            for asin in ("B000000001", "B000000002")
            for where, values in (
                (US, {"color": black}),
                (CA, {"color": navy}),
            )
        ]
        assert [
            d.attributes for d in attribute_differences(records).value
        ] == [
            ("color",),
            ("color",),
        ]


def test_the_callers_records_of_the_catalogue_are_reported_once():
    """The caller's records of the catalogue's listings: one finding.

    Records equal to the catalogue's listings give the same finding,
    which the streamed report states once, where the caller's came.
    """
    from unified_account.report import iter_findings

    snapshot = example_snapshot()
    given = [
        AsinAttributes(
            asin="B0EXAMPL02",
            marketplace=listing.marketplace,
            attributes=listing.attributes,
        )
        for record in snapshot.catalog
        if record.asin == "B0EXAMPL02"
        for listing in record.listings
        if listing.attributes and listing.status.value != "deleted"
    ]
    assert len(given) == 2
    streamed = [
        f
        for f in iter_findings(attrs.evolve(snapshot, brand_attributes=given))
        if f.subject.path == "asin:B0EXAMPL02"
    ]
    assert [f.message_id for f in streamed] == [
        "brand-registry-propagation.attributes-differ"
    ]
    assert dict(streamed[0].params)["attributes"] == ("model_number",)
