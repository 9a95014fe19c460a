"""A finding's subject as JSON text, in the report and in its key.

:func:`subject_texts` writes what ``json.dumps(subject_json(subject),
ensure_ascii=False)`` writes, and the subject's part of the identity
document the key digests (:func:`~unified_account.report.identity.
identity_document`, sorted and compact), from the subject's fields:
for the JSON report of every finding, which writes one per finding.
"""

from __future__ import annotations

from collections.abc import Callable
from json.encoder import encode_basestring

from ..model.marketplace import Marketplace
from .subject import Subject, SubjectKind

__all__ = ["subject_texts"]

# A string as JSON, as ``ensure_ascii=False`` writes it (C speed).
_string: Callable[[str], str] = encode_basestring
_KINDS = {kind: _string(kind.value) for kind in SubjectKind}
_PLACES = {place: _string(place.name) for place in Marketplace}
_NULL = "null"


def subject_texts(subject: Subject) -> tuple[str, str]:
    """A subject's JSON in the report and in the key.

    A field of another kind than the subject declares raises.
    """
    marketplace = subject.marketplace
    where = _NULL if marketplace is None else _PLACES[marketplace]
    kind = _KINDS[subject.kind]
    account = subject.account
    other = subject.other_account
    sku: str | None = subject.sku
    asin: str | None = subject.asin
    brand = subject.brand
    reference = subject.reference
    currency = subject.currency
    if (
        account is None
        and other is None
        and brand is None
        and reference is None
        and currency is None
        and sku is not None
        and asin is not None
    ):
        # A catalogue's SKU or listing: most of a report's subjects.
        sku, asin = _string(sku), _string(asin)
        shown = (
            f'{{"path": {_string(subject.path)}, "kind": {kind}, '
            '"account": null, "other_account": null, '
            f'"marketplace": {where}, "sku": {sku}, "asin": {asin}, '
            '"brand": null, "reference": null, "currency": null}'
        )
        if where is _NULL:
            return shown, f'{{"asin":{asin},"kind":{kind},"sku":{sku}}}'
        return shown, (
            f'{{"asin":{asin},"kind":{kind},"marketplace":{where},'
            f'"sku":{sku}}}'
        )
    # Written out: every field, then the key's form of those that are set.
    account = _NULL if account is None else _string(account)
    other = _NULL if other is None else _string(other)
    sku = _NULL if sku is None else _string(sku)
    asin = _NULL if asin is None else _string(asin)
    brand = _NULL if brand is None else _string(brand)
    reference = _NULL if reference is None else _string(reference)
    currency = _NULL if currency is None else _string(currency)
    shown = (
        f'{{"path": {_string(subject.path)}, "kind": {kind}, '
        f'"account": {account}, "other_account": {other}, '
        f'"marketplace": {where}, "sku": {sku}, "asin": {asin}, '
        f'"brand": {brand}, "reference": {reference}, '
        f'"currency": {currency}}}'
    )
    keyed = "{"
    if account is not _NULL:
        keyed += f'"account":{account},'
    if asin is not _NULL:
        keyed += f'"asin":{asin},'
    if brand is not _NULL:
        keyed += f'"brand":{brand},'
    if currency is not _NULL:
        keyed += f'"currency":{currency},'
    keyed += f'"kind":{kind}'
    if where is not _NULL:
        keyed += f',"marketplace":{where}'
    if other is not _NULL:
        keyed += f',"other_account":{other}'
    if reference is not _NULL:
        keyed += f',"reference":{reference}'
    if sku is not _NULL:
        keyed += f',"sku":{sku}'
    return shown, keyed + "}"
