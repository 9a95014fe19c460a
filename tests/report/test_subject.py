"""A finding's subject: fields a tool matches on, and one stable path."""

import json

import pytest

from unified_account import (
    Marketplace,
    build_report,
    example_snapshot,
    to_asin,
    to_sku,
)
from unified_account.errors import InvalidValueError
from unified_account.report.formats import report_json, subject_json
from unified_account.report.subject import Subject, SubjectKind

CA = Marketplace.CA

PATHS = [
    (Subject(kind=SubjectKind.ACCOUNT, account="A1"), "account:A1"),
    (
        Subject(kind=SubjectKind.ACCOUNTS, account="A1", other_account="A2"),
        "accounts:A1+A2",
    ),
    (
        Subject(kind=SubjectKind.MARKETPLACE, account="A1", marketplace=CA),
        "account:A1/marketplace:CA",
    ),
    (
        Subject(kind=SubjectKind.STOREFRONT, account="A1", marketplace=CA),
        "account:A1/marketplace:CA/storefront",
    ),
    (
        Subject(
            kind=SubjectKind.STOREFRONT_REQUEST, account="A1", marketplace=CA
        ),
        "account:A1/storefront-request:CA",
    ),
    (
        Subject(kind=SubjectKind.SUBSCRIPTION, account="A1"),
        "account:A1/subscription",
    ),
    (Subject(kind=SubjectKind.SKU, sku=to_sku("MUG-1")), "sku:MUG-1"),
    (
        Subject(kind=SubjectKind.LISTING, sku=to_sku("MUG-1"), marketplace=CA),
        "listing:MUG-1@CA",
    ),
    (
        Subject(kind=SubjectKind.ASIN, asin=to_asin("B000000001")),
        "asin:B000000001",
    ),
    (
        Subject(kind=SubjectKind.BRAND, brand="Acme", marketplace=CA),
        "brand:Acme@CA",
    ),
    (
        Subject(kind=SubjectKind.SALE, reference="CA-1", marketplace=CA),
        "sale:CA-1@CA",
    ),
    (Subject(kind=SubjectKind.ORDERS), "orders"),
    (
        Subject(kind=SubjectKind.ORDERS, marketplace=CA),
        "orders/marketplace:CA",
    ),
    (Subject(kind=SubjectKind.ORDERS, currency="CAD"), "orders/currency:CAD"),
    (Subject(kind=SubjectKind.CONVERTED_ORDERS), "orders/converted"),
    (
        Subject(kind=SubjectKind.IMPORT, reference="sellers/A2ZV50J4W1RKNI"),
        "import:sellers/A2ZV50J4W1RKNI",
    ),
    (
        Subject(
            kind=SubjectKind.FEE_ESTIMATE, reference="MUG-1", marketplace=CA
        ),
        "estimate:MUG-1@CA",
    ),
]


@pytest.mark.parametrize(("subject", "path"), PATHS, ids=[p for _, p in PATHS])
def test_each_kind_has_its_stable_path(subject, path):
    """The path is the one the text report has always shown."""
    assert (subject.path, str(subject)) == (path, path)


def test_every_kind_is_covered():
    """A new kind gets a path above."""
    assert {subject.kind for subject, _ in PATHS} == set(SubjectKind)


def test_the_json_subject_has_every_field():
    """Absent fields are null, the marketplace is its country code."""
    subject = Subject(
        kind=SubjectKind.LISTING,
        sku=to_sku("MUG-1"),
        asin=to_asin("B000000001"),
        marketplace=CA,
    )
    assert subject_json(subject) == {
        "path": "listing:MUG-1@CA",
        "kind": "listing",
        "account": None,
        "other_account": None,
        "marketplace": "CA",
        "sku": "MUG-1",
        "asin": "B000000001",
        "brand": None,
        "reference": None,
        "currency": None,
    }


def test_report_subjects_name_their_account_and_marketplace():
    """A tool finds a marketplace's findings by field, not by parsing."""
    document = json.loads(report_json(build_report(example_snapshot()), "en"))
    on_ca = [
        f
        for f in document["findings"]
        if f["subject"]["kind"] == "marketplace"
        and f["subject"]["marketplace"] == "CA"
    ]
    assert on_ca
    assert all(f["subject"]["account"] for f in on_ca)
    assert all(
        f["subject"]["path"]
        == f"account:{f['subject']['account']}/marketplace:CA"
        for f in on_ca
    )


def test_a_subject_needs_a_kind():
    """The kind is the one required field."""
    with pytest.raises(InvalidValueError, match="kind"):
        Subject(kind="listing")
