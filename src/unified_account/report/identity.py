"""A finding's identity: the key that names it across runs.

Two reports of the same seller, taken a day apart, say many of the same
things, some of them with other numbers: a pool that held 40 units holds
0.  A finding's **key** names *what the finding is about and what it
says*, leaving out the parameters that only *describe* it, so that the
finding of yesterday and the one of today share a key when only their
description moved.

The key is made of:

- the rule key;
- the subject: its kind and every field that is set (account, other
  account, marketplace, SKU, ASIN, brand, reference, currency);
- the message id;
- the parameters that identify, in their JSON form: every parameter
  whose name is not in :data:`DESCRIBING`.

Written as JSON with sorted keys and no spaces, UTF-8 encoded, the key is
the first 32 hexadecimal digits of its SHA-256.  The key does not depend
on the locale, the output format, the run or the machine, and it can be
computed again from a finding of a saved JSON report: every part of it
is written there.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from ..decision import Params, ParamValue, Term
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..rules import RuleKey
from .subject import Subject

__all__ = [
    "DESCRIBING",
    "KEY_LENGTH",
    "WHOLLY_IDENTIFIED",
    "digest",
    "finding_key",
    "identity_document",
    "param_json",
]

DESCRIBING: frozenset[str] = frozenset(
    {
        # Stock and sales: how much, not which.
        "available",
        "quantity",
        "remaining",
        "units",
        "count",
        "canceled",
        "without_total",
        # Money and rates.
        "amount",
        "cap",
        "fee",
        "payout",
        "price",
        "proceeds",
        "rate",
        "rates",
        "total",
        # The account's settings and what they lead to.
        "bank",
        "bank_country",
        "bank_currency",
        "fields",
        "home",
        "first_home",
        "second_home",
        "link",
        "plan",
        "title",
        "attributes",
        # Which other marketplaces take part: a list that moves.
        "approved",
        "elsewhere",
        "enrolled",
        "marketplaces",
        "merchant",
        "others",
        "outside",
        "pool",
        "scope",
        "serves",
        "sources",
        "targets",
        # Dates and words that move with the calendar or the edition.
        "billed_on",
        "charged_on",
        "currencies",
        "days",
        "edition",
        "effective",
    }
)
"""The parameters that describe a finding rather than identify it.

A finding whose only difference from another is in these parameters (or
in its outcome) is the same finding, *changed*.  Every other parameter
(``marketplace``, ``sku``, ``asin``, ``brand``, ``reference``, ``month``,
``source``, ...) is part of the key.  A new parameter identifies unless
it is added here: two findings of one report never share a key.
"""

WHOLLY_IDENTIFIED: frozenset[str] = frozenset(
    {
        # A fee estimate is Amazon's answer for one price: the same
        # reference may be estimated at several prices, and an answer
        # that differs is another answer, not the same one changed.
        "per-item-fees-by-sale-marketplace.estimated",
    }
)
"""Message ids whose every parameter identifies their findings."""

KEY_LENGTH = 32
"""How many hexadecimal digits of the SHA-256 a key keeps (128 bits)."""


def param_json(value: ParamValue) -> Any:
    """A message parameter as plain JSON (money as a string amount)."""
    kind = type(value)
    if kind is str or kind is int:  # the commonest, answered first
        return value
    if kind is Marketplace:  # an enum with members: never subclassed
        return value.country_code  # type: ignore[union-attr]
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency}
    if isinstance(value, Term):
        return value.message_id
    if isinstance(value, Decimal | date):
        return str(value)
    if isinstance(value, tuple):
        return [param_json(item) for item in value]
    return value


def _subject(subject: Subject) -> dict[str, str]:
    where = subject.marketplace
    fields = {
        "kind": subject.kind.value,
        "account": subject.account,
        "other_account": subject.other_account,
        "marketplace": None if where is None else where.name,
        "sku": subject.sku,
        "asin": subject.asin,
        "brand": subject.brand,
        "reference": subject.reference,
        "currency": subject.currency,
    }
    return {name: value for name, value in fields.items() if value is not None}


def identity_document(
    rule: RuleKey, subject: Subject, message_id: str, params: Params
) -> dict[str, Any]:
    """What a finding's key is the digest of, as a JSON document.

    ``{"rule": ..., "subject": {...}, "message_id": ..., "params": {...}}``
    with the subject's fields that are set and the identifying
    parameters, both in the JSON form the report writes.
    """
    describing = frozenset() if message_id in WHOLLY_IDENTIFIED else DESCRIBING
    return {
        "rule": rule.value,
        "subject": _subject(subject),
        "message_id": message_id,
        "params": {
            name: param_json(value)
            for name, value in params
            if name not in describing
        },
    }


# ``json.dumps(document, ensure_ascii=False, sort_keys=True,
# separators=(",", ":"))``, with the encoder built once: a live report
# computes a key or two per event.  An identity document is a tree.
_canonical = json.JSONEncoder(
    ensure_ascii=False,
    check_circular=False,
    sort_keys=True,
    separators=(",", ":"),
).encode


def digest(document: dict[str, Any]) -> str:
    """The key of an identity document (see :func:`identity_document`)."""
    import hashlib  # OpenSSL's: loaded when a key is first asked for

    data = _canonical(document).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:KEY_LENGTH]


def finding_key(
    rule: RuleKey, subject: Subject, message_id: str, params: Params
) -> str:
    """The key of the finding of these parts (see the module's text)."""
    return digest(identity_document(rule, subject, message_id, params))
