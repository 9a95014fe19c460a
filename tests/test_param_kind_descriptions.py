"""Each parameter kind's documented JSON form is the one the report writes.

``docs/messages.md`` shows :attr:`ParamKind.description` for each kind
(``<meaning>; JSON: <form>``); a tool reading a report relies on it.
Where the form is a JSON example, the report writes exactly that for the
matching value.
"""

import json
from datetime import date
from decimal import Decimal

import pytest

from unified_account import Marketplace, Money
from unified_account.decision import Term
from unified_account.message_ids import ParamKind
from unified_account.report.formats import param_json

EXAMPLES = {
    ParamKind.TEXT: ("x", "a string"),
    ParamKind.INTEGER: (3, "a number"),
    ParamKind.DECIMAL: (Decimal("1.3500"), '"1.3500"'),
    ParamKind.MONEY: (
        Money("39.99", "USD"),
        '{"amount": "39.99", "currency": "USD"}',
    ),
    ParamKind.DATE: (date(2026, 7, 1), '"2026-07-01"'),
    ParamKind.DATES: (
        (date(2026, 7, 1),),
        'an array of dates such as "2026-07-01"',
    ),
    ParamKind.MARKETPLACE: (Marketplace.CA, '"CA"'),
    ParamKind.MARKETPLACES: (
        (Marketplace.CA, Marketplace.MX),
        "an array of country codes",
    ),
    ParamKind.TEXTS: (("a", "b"), "an array of strings"),
    ParamKind.TERM: (Term("term.plan.professional"), "its message id"),
    ParamKind.TERMS: (
        (Term("term.plan.professional"),),
        "an array of their message ids",
    ),
}


def test_every_kind_has_an_example_here():
    """A new kind needs its example and its documented form."""
    assert set(EXAMPLES) == set(ParamKind)


@pytest.mark.parametrize("kind", list(ParamKind), ids=lambda k: k.value)
def test_the_description_gives_a_meaning_and_a_json_form(kind):
    """``<meaning>; JSON: <form>``, as the docs table splits it."""
    meaning, separator, form = kind.description.partition("; JSON: ")
    assert separator
    assert meaning
    assert form == EXAMPLES[kind][1] or form.endswith(EXAMPLES[kind][1])


@pytest.mark.parametrize(
    "kind",
    [
        ParamKind.DECIMAL,
        ParamKind.MONEY,
        ParamKind.DATE,
        ParamKind.MARKETPLACE,
    ],
    ids=lambda k: k.value,
)
def test_a_documented_json_example_is_what_the_report_writes(kind):
    """The JSON the docs show for a kind is ``param_json`` of its value."""
    value, _ = EXAMPLES[kind]
    form = kind.description.partition("; JSON: ")[2]
    shown = form.removeprefix("its country code, ")
    shown = shown.removeprefix("a string such as ")
    assert param_json(value) == json.loads(shown)


@pytest.mark.parametrize(
    ("kind", "written"),
    [
        (ParamKind.TEXT, "x"),
        (ParamKind.INTEGER, 3),
        (ParamKind.MARKETPLACES, ["CA", "MX"]),
        (ParamKind.TEXTS, ["a", "b"]),
        (ParamKind.DATES, ["2026-07-01"]),
        (ParamKind.TERM, "term.plan.professional"),
        (ParamKind.TERMS, ["term.plan.professional"]),
    ],
    ids=lambda k: getattr(k, "value", ""),
)
def test_the_other_kinds_are_written_as_described(kind, written):
    """Strings, numbers, arrays of codes, strings and message ids."""
    assert param_json(EXAMPLES[kind][0]) == written
