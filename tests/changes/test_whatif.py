"""What-if: a plan's decisions, the refusal that stops it, the diff.

Each action is the library's own transition: the snapshot a plan leaves
is the one the transitions give, and its diff is the diff of the two
reports.  The plan file and the output match their schemas.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from referencing import Registry, Resource

from unified_account import (
    EDITIONS,
    FAQ,
    Marketplace,
    build_report,
    example_snapshot,
)
from unified_account import strategies as ua
from unified_account.changes import diff_reports
from unified_account.changes.formats import schema_text
from unified_account.changes.plan import (
    ACTIONS,
    DeleteListing,
    ReceiveFbaStock,
    RecordSale,
    SetMfnQuantity,
    TurnOnMarketplace,
)
from unified_account.changes.plan_file import plan_from_data
from unified_account.changes.whatif import (
    WHAT_IF_FORMATS,
    what_if,
    what_if_json,
    what_if_markdown,
    what_if_text,
)
from unified_account.decision import Outcome
from unified_account.errors import InvalidValueError
from unified_account.i18n import SUPPORTED_LOCALES
from unified_account.policy.inventory import (
    receive_fba_stock,
    set_mfn_quantity,
)
from unified_account.report.formats import schema_text as report_schema
from unified_account.snapshot import schema_text as snapshot_schema

PLAN = Path(__file__).parent.parent / "fixtures" / "every-action.plan.json"
CA, MX, BR = Marketplace.CA, Marketplace.MX, Marketplace.BR


def every_action():
    return plan_from_data(json.loads(PLAN.read_text(encoding="utf-8")))


def validator(name):
    registry = Registry()
    for text in (
        report_schema("report"),
        snapshot_schema(),
        schema_text("diff"),
    ):
        document = json.loads(text)
        registry = registry.with_resource(
            document["$id"], Resource.from_contents(document)
        )
    document = json.loads(schema_text(name))
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document, registry=registry)


def test_the_fixture_plan_names_every_action():
    assert {action.name for action in every_action()} == set(ACTIONS)


def test_the_plan_schema_accepts_the_fixture_and_lists_every_action():
    validator("plan").validate(json.loads(PLAN.read_text(encoding="utf-8")))
    kinds = json.loads(schema_text("plan"))["$defs"]["action"]["oneOf"]
    assert [k["$ref"].rpartition("/")[2] for k in kinds] == list(ACTIONS)


def test_the_plan_schema_refuses_an_unknown_action():
    with pytest.raises(jsonschema.ValidationError):
        validator("plan").validate([{"action": "merge-accounts"}])


@pytest.mark.parametrize(
    ("edition", "stopped_at", "action"),
    [
        ("faq", 10, "enroll-remote-fulfillment"),
        ("remote-fulfillment", 11, "request-storefront-link"),
    ],
)
def test_a_refused_step_stops_the_plan(edition, stopped_at, action):
    """The FAQ offers no Remote Fulfillment; a storefront is home's.

    Under the remote-fulfillment edition, the storefront link is set from
    the home marketplace only.
    """
    result = what_if(
        example_snapshot(), every_action(), edition=EDITIONS[edition]
    )
    refused = result.refused
    assert refused is not None
    assert (refused.number, refused.action.name) == (stopped_at, action)
    assert refused.decision.outcome is Outcome.DENIED
    assert refused.decision.reasons
    assert len(result.steps) == stopped_at
    assert all(step.allowed for step in result.steps[:-1])
    assert result.planned == 12


def test_the_plan_leaves_what_the_transitions_give():
    seller = example_snapshot()
    plan = [
        SetMfnQuantity(sku="MUG-CERAMIC-12", quantity=0),
        ReceiveFbaStock(sku="BOTTLE-STEEL-750", marketplace=MX, quantity=10),
    ]
    result = what_if(seller, plan)
    catalog = set_mfn_quantity(seller.catalog, "MUG-CERAMIC-12", 0)
    catalog = receive_fba_stock(catalog, "BOTTLE-STEEL-750", MX, 10)
    assert result.snapshot == attrs.evolve(seller, catalog=catalog)
    assert result.refused is None
    assert result.diff == diff_reports(
        build_report(seller), build_report(result.snapshot)
    )


def test_nothing_after_a_refusal_is_applied():
    seller = example_snapshot()
    plan = [
        TurnOnMarketplace(marketplace=BR),
        SetMfnQuantity(sku="MUG-CERAMIC-12", quantity=0),
    ]
    result = what_if(seller, plan)
    assert result.refused.number == 1
    assert result.snapshot == seller
    assert not result.diff


def test_a_sale_beyond_the_pool_is_refused_with_its_reason():
    result = what_if(
        example_snapshot(),
        [RecordSale(sku="BOTTLE-STEEL-750", marketplace=MX, quantity=26)],
    )
    assert result.refused is not None
    rules = {reason.rule.value for reason in result.refused.decision.reasons}
    assert rules == {"fba-pool-separation"}


def test_a_step_that_cannot_apply_is_bad_input():
    with pytest.raises(InvalidValueError, match=r"^plan\[1\] \(delete"):
        what_if(
            example_snapshot(),
            [
                SetMfnQuantity(sku="MUG-CERAMIC-12", quantity=1),
                DeleteListing(sku="NO-SUCH-SKU", marketplace=CA),
            ],
        )
    with pytest.raises(InvalidValueError, match=r"^plan\[0\]: .* is not an"):
        what_if(example_snapshot(), ["delete everything"])


@st.composite
def plans(draw, snapshot):
    """Actions on the snapshot's own SKUs and marketplaces."""
    records = list(snapshot.catalog)
    pairs = [
        (r.sku, listing.marketplace) for r in records for listing in r.listings
    ]
    marketplaces = st.sampled_from(list(Marketplace))
    options = [st.builds(TurnOnMarketplace, marketplace=marketplaces)]
    if records:
        skus = st.sampled_from([r.sku for r in records])
        quantities = st.integers(0, 50)
        options += [
            st.builds(SetMfnQuantity, sku=skus, quantity=quantities),
            st.builds(
                ReceiveFbaStock,
                sku=skus,
                marketplace=marketplaces,
                quantity=quantities,
            ),
            st.builds(
                RecordSale,
                sku=skus,
                marketplace=marketplaces,
                quantity=quantities,
            ),
        ]
    if pairs:
        options.append(
            st.sampled_from(pairs).map(
                lambda pair: DeleteListing(sku=pair[0], marketplace=pair[1])
            )
        )
    return draw(st.lists(st.one_of(options), max_size=4))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.data(), ua.snapshots(), ua.editions())
def test_a_plan_is_decided_step_by_step_and_its_diff_applies(
    data, snapshot, edition
):
    """Any plan on any seller: only a plan error escapes; the laws hold."""
    plan = data.draw(plans(snapshot))
    try:
        result = what_if(snapshot, plan, edition=edition)
    except InvalidValueError as error:
        message = str(error)
    else:
        message = None
    if message is not None:
        assert message.startswith("plan[")
        return
    assert [step.number for step in result.steps] == list(
        range(1, len(result.steps) + 1)
    )
    assert all(step.allowed for step in result.steps[:-1])
    if result.refused is None:
        assert len(result.steps) == len(plan)
    before = build_report(snapshot, edition=edition)
    after = build_report(result.snapshot, edition=edition)
    assert set(result.diff.apply(before.findings)) == set(after.findings)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_json_matches_its_schema(locale):
    result = what_if(example_snapshot(), every_action())
    document = json.loads(what_if_json(result, locale))
    validator("what-if").validate(document)
    assert document["stopped_at"] == 10
    assert [s["step"] for s in document["steps"]] == list(range(1, 11))
    assert document["steps"][-1]["outcome"] == "denied"
    assert document["diff"]["counts"]["appeared"] == len(result.diff.appeared)


def test_the_text_tells_each_step_and_where_the_plan_stopped():
    text = what_if_text(what_if(example_snapshot(), every_action()), "en")
    lines = text.splitlines()
    assert lines[0] == "What if (edition faq): 9 of 12 steps allowed"
    assert "Step 1, turn-on-marketplace: allowed" in lines
    assert "Step 10, enroll-remote-fulfillment: denied" in lines
    assert (
        "The rules refuse step 10: the plan stops there, and the steps "
        "after it are not applied" in lines
    )
    assert "Changes from edition faq to edition faq:" in text


def test_the_markdown_nests_the_diff_under_the_steps():
    text = what_if_markdown(what_if(example_snapshot(), every_action()), "en")
    assert text.startswith("# What if (edition faq)")
    assert "\n## Changes from edition faq" in text
    assert "\n### `account-info-defaults`" in text
    assert "- Step 2, create-listing: allowed" in text


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("format", ["text", "markdown"])
def test_every_format_speaks_every_locale(locale, format):
    result = what_if(example_snapshot(), every_action(), edition=FAQ)
    text = WHAT_IF_FORMATS[format](result, locale)
    if locale != "en":
        assert "What if" not in text
        assert "Step 1" not in text


def test_an_action_is_a_valid_value():
    with pytest.raises(InvalidValueError, match="quantity"):
        SetMfnQuantity(sku="MUG-1", quantity=-1)
    with pytest.raises(InvalidValueError, match="is not a SKU"):
        SetMfnQuantity(sku="", quantity=1)
    with pytest.raises(InvalidValueError, match="marketplace"):
        TurnOnMarketplace(marketplace="CA")
    from unified_account.changes.plan import EnrollRemoteFulfillment

    with pytest.raises(InvalidValueError, match="marketplaces"):
        EnrollRemoteFulfillment(sku="MUG-1", marketplaces=["CA"])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, r"^p\.json: .* is not a list of actions"),
        ([3], r"^p\.json: \[0\]: `3` is not an action object"),
        ([{"action": "merge"}], r"^p\.json: \[0\]\.action: `merge` is not an"),
        ([{"sku": "A"}], r"\[0\]\.action: `None` is not an action"),
        (
            [{"action": "set-mfn-quantity", "sku": "A", "quantity": -1}],
            r"^p\.json: \[0\]\.quantity: ",
        ),
        (
            [{"action": "set-mfn-quantity", "sku": "A"}],
            r"^p\.json: \[0\]\.quantity: missing required field",
        ),
        (
            [
                {
                    "action": "delete-listing",
                    "sku": "A",
                    "marketplace": "CA",
                    "x": 1,
                }
            ],
            r"^p\.json: \[0\]: unknown field `x`",
        ),
    ],
)
def test_a_bad_plan_names_the_place(data, message):
    with pytest.raises(InvalidValueError, match=message):
        plan_from_data(data, "p.json")


def test_a_listing_changes_its_title_or_its_price_alone():
    from unified_account.changes.plan import ChangeListing
    from unified_account.model.money import Money

    seller = example_snapshot()
    retitled = what_if(
        seller,
        [ChangeListing(sku="MUG-CERAMIC-12", marketplace=CA, title="T")],
    ).snapshot
    repriced = what_if(
        seller,
        [
            ChangeListing(
                sku="MUG-CERAMIC-12",
                marketplace=CA,
                price=Money("17.00", "CAD"),
            )
        ],
    ).snapshot

    def listing(snapshot):
        record = next(r for r in snapshot.catalog if r.sku == "MUG-CERAMIC-12")
        return next(x for x in record.listings if x.marketplace is CA)

    before = listing(seller)
    assert (listing(retitled).title, listing(retitled).price) == (
        "T",
        before.price,
    )
    assert (listing(repriced).title, listing(repriced).price) == (
        before.title,
        Money("17.00", "CAD"),
    )


def test_a_storefront_request_from_home_is_added_for_the_report():
    from unified_account.changes.plan import RequestStorefrontLink
    from unified_account.model.storefront import StorefrontLink

    seller = example_snapshot()
    link = StorefrontLink("https://www.amazon.com/shops/harborlane")
    action = RequestStorefrontLink(marketplace=Marketplace.US, link=link)
    result = what_if(seller, [action])
    assert result.refused is None
    assert result.snapshot.storefront_requests[-1].link == link
    assert len(result.snapshot.storefront_requests) == (
        len(seller.storefront_requests) + 1
    )


def test_a_transitions_own_refusal_stops_the_plan(monkeypatch):
    """The transition's refusal (a RuleViolation) is the step's decision.

    Should a policy's question and its transition ever disagree.
    """
    from unified_account.decision import Decision

    seller = example_snapshot()
    monkeypatch.setattr(
        RecordSale, "decide", lambda self, snapshot, edition: Decision.allow()
    )
    result = what_if(
        seller,
        [RecordSale(sku="BOTTLE-STEEL-750", marketplace=MX, quantity=26)],
    )
    assert result.refused is not None
    assert result.refused.decision.outcome is Outcome.DENIED
    assert result.snapshot == seller
