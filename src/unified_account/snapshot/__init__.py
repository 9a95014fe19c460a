"""Seller snapshots: one JSON document describing a seller, read safely.

A snapshot holds what the report evaluates: the account (and any separate
accounts the same business holds), its catalogue of SKUs, stock and
listings, and optionally its money, orders, brands and storefront.  Its
format is documented in
``docs/snapshot.md`` and described by the JSON Schema
:func:`schema_text` returns.

Loading is all or nothing: a document that is not JSON, has the wrong
shape or holds an invalid value raises one
:class:`~unified_account.errors.SnapshotError` naming the JSON path of
the first problem (``account.info_overrides.CA.bank.currency``,
``catalog.skus[3].listings.CA.price``).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import attrs
import cattrs
import orjson

from .._arguments import checked_methods
from .._excerpt import excerpt, one_line
from .._files import NotText, TooLong, read_limited
from .._gc import bulk
from .._package_data import package_text
from ..errors import InvalidValueError, SnapshotError, UnifiedAccountError
from ..model._converter import converter, first_problem
from ..model._validate import Validator, collection, instance_of
from ..model.account import SellerAccount
from ..model.brand import AsinAttributes, BrandRegistration
from ..model.catalog import Catalog
from ..model.charges import Charge, Deposit
from ..model.fees import (
    PerItemFee,
    RecordedCharge,
    Sale,
    SubscriptionFee,
    SubscriptionFeeSchedule,
)
from ..model.imports import FeeEstimate, SetAside
from ..model.orders import Order
from ..model.rates import ConversionRate, ConversionRates
from ..model.storefront import StorefrontLink, StorefrontRequest
from . import _catalog  # noqa: F401  (registers the catalogue's hook)
from ._checks import check_money_and_brands, fee_schedule
from ._dump import catalog_within_limits, record_data
from ._limits import (
    MAX_SNAPSHOT_CHARACTERS,
    Reading,
    check_document,
    first_past_limit,
)
from ._quick_json import quick_parse

__all__ = [
    "Snapshot",
    "dump_snapshot",
    "example_snapshot",
    "load_snapshot",
    "parse_snapshot",
    "schema_text",
    "snapshot_from_data",
]

FORMAT_VERSION = 1

T = TypeVar("T")


def _accounts(value: Iterable[SellerAccount]) -> tuple[SellerAccount, ...]:
    if isinstance(value, str | bytes | dict):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a list of accounts",
            field="separate_accounts",
        )
    try:
        accounts = tuple(value)
    except TypeError:
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a list of accounts",
            field="separate_accounts",
        ) from None
    for index, account in enumerate(accounts):
        if not isinstance(account, SellerAccount):
            raise InvalidValueError(
                f"`{excerpt(account, as_repr=True)}` is not a SellerAccount",
                field=f"separate_accounts[{index}]",
            )
    return accounts


def _items(value: Iterable[T]) -> tuple[T, ...]:
    return collection(value, "")


# One converter per field, so each keyword of Snapshot() names its type.
def _subscription_fees(
    value: Iterable[SubscriptionFee],
) -> tuple[SubscriptionFee, ...]:
    return _items(value)


def _per_item_fees(value: Iterable[PerItemFee]) -> tuple[PerItemFee, ...]:
    return _items(value)


def _sales(value: Iterable[Sale]) -> tuple[Sale, ...]:
    return _items(value)


def _fee_estimates(value: Iterable[FeeEstimate]) -> tuple[FeeEstimate, ...]:
    return _items(value)


def _set_aside(value: Iterable[SetAside]) -> tuple[SetAside, ...]:
    return _items(value)


def _conversion_rates(
    value: Iterable[ConversionRate],
) -> tuple[ConversionRate, ...]:
    return _items(value)


def _orders(value: Iterable[Order]) -> tuple[Order, ...]:
    return _items(value)


def _charges(value: Iterable[Charge]) -> tuple[Charge, ...]:
    return _items(value)


def _deposits(value: Iterable[Deposit]) -> tuple[Deposit, ...]:
    return _items(value)


def _brand_registrations(
    value: Iterable[BrandRegistration],
) -> tuple[BrandRegistration, ...]:
    return _items(value)


def _asin_attributess(
    value: Iterable[AsinAttributes],
) -> tuple[AsinAttributes, ...]:
    return _items(value)


def _storefront_requests(
    value: Iterable[StorefrontRequest],
) -> tuple[StorefrontRequest, ...]:
    return _items(value)


def _all(kind: type) -> Validator:
    """A validator: every item of the tuple is a ``kind``."""

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise InvalidValueError(
                    f"`{excerpt(item, as_repr=True)}` is not an instance of "
                    f"{kind.__name__}",
                    field=f"{attribute.name}[{index}]",
                )

    return check


@checked_methods
@attrs.frozen(kw_only=True)
class Snapshot:
    """Everything the report knows about one seller.

    ``account`` is the selling account the report is about;
    ``separate_accounts`` are other accounts the same business registered
    on other marketplaces (they stay separate: see ``no-merge``);
    ``catalog`` is the account's SKUs with their stock and listings
    (empty if the snapshot has none).

    The rest is optional.  ``as_of``: the date the snapshot describes, the
    billing date of the subscription.  ``subscription_fees``: a
    subscription fee schedule replacing the bundled one.
    ``per_item_fees`` and ``sales``: per-item fee schedules and the sales
    to charge by them.  ``conversion_rates``: rates the caller supplies;
    ``report_currency``: the currency to convert the order totals to.
    ``orders``: orders from any marketplace.  ``brands`` and
    ``brand_attributes``: Brand Registry approvals and ASINs' key
    attribute values.  ``storefront_link``: the storefront link set in the
    home marketplace; ``storefront_requests``: requests to set it, to
    evaluate.  ``payout_bank_countries``: the countries Amazon pays out
    to, from Seller Central (``None``: not known).
    ``subscription_charges``: subscription charges from the seller's
    finance data, audited under the split subscription.
    ``charges`` and ``deposits``: what Amazon booked and paid out, read
    from the Finances API or settlement reports.
    ``fee_estimates``: Product Fees estimates.  ``set_aside``:
    what an import from the Selling Partner API set aside, and why
    (:mod:`unified_account.spapi`).
    """

    version: int = attrs.field(default=FORMAT_VERSION)
    account: SellerAccount = attrs.field(validator=instance_of(SellerAccount))
    separate_accounts: tuple[SellerAccount, ...] = attrs.field(
        default=(), converter=_accounts
    )
    catalog: Catalog = attrs.field(
        factory=Catalog, validator=instance_of(Catalog)
    )
    as_of: date | None = attrs.field(
        default=None, validator=instance_of(date, type(None))
    )
    subscription_fees: tuple[SubscriptionFee, ...] = attrs.field(
        default=(),
        converter=_subscription_fees,
        validator=_all(SubscriptionFee),
    )
    per_item_fees: tuple[PerItemFee, ...] = attrs.field(
        default=(), converter=_per_item_fees, validator=_all(PerItemFee)
    )
    sales: tuple[Sale, ...] = attrs.field(
        default=(), converter=_sales, validator=_all(Sale)
    )
    conversion_rates: tuple[ConversionRate, ...] = attrs.field(
        default=(), converter=_conversion_rates, validator=_all(ConversionRate)
    )
    report_currency: str | None = None
    orders: tuple[Order, ...] = attrs.field(
        default=(), converter=_orders, validator=_all(Order)
    )
    brands: tuple[BrandRegistration, ...] = attrs.field(
        default=(),
        converter=_brand_registrations,
        validator=_all(BrandRegistration),
    )
    brand_attributes: tuple[AsinAttributes, ...] = attrs.field(
        default=(), converter=_asin_attributess, validator=_all(AsinAttributes)
    )
    storefront_link: StorefrontLink | None = None
    storefront_requests: tuple[StorefrontRequest, ...] = attrs.field(
        default=(),
        converter=_storefront_requests,
        validator=_all(StorefrontRequest),
    )
    fee_estimates: tuple[FeeEstimate, ...] = attrs.field(
        default=(), converter=_fee_estimates, validator=_all(FeeEstimate)
    )
    set_aside: tuple[SetAside, ...] = attrs.field(
        default=(), converter=_set_aside, validator=_all(SetAside)
    )

    payout_bank_countries: tuple[str, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_items)
    )
    subscription_charges: tuple[RecordedCharge, ...] = attrs.field(
        default=(), converter=_items, validator=_all(RecordedCharge)
    )
    charges: tuple[Charge, ...] = attrs.field(
        default=(), converter=_charges, validator=_all(Charge)
    )
    deposits: tuple[Deposit, ...] = attrs.field(
        default=(), converter=_deposits, validator=_all(Deposit)
    )

    def __attrs_post_init__(self) -> None:
        if type(self.version) is not int or self.version != FORMAT_VERSION:
            raise InvalidValueError(
                f"`{excerpt(self.version)}` is not a supported snapshot "
                "version "
                f"(this library reads version {FORMAT_VERSION})",
                field="version",
            )
        ids = [self.account.seller_id]
        for index, other in enumerate(self.separate_accounts):
            if other.seller_id in ids:
                raise InvalidValueError(
                    f"seller id `{excerpt(other.seller_id)}` appears twice",
                    field=f"separate_accounts[{index}].seller_id",
                )
            ids.append(other.seller_id)
        check_money_and_brands(self)

    @property
    def fee_schedule(self) -> SubscriptionFeeSchedule:
        """``subscription_fees`` as a schedule, else the bundled schedule."""
        return fee_schedule(self)

    @property
    def rates(self) -> ConversionRates:
        """``conversion_rates`` as a look-up."""
        return ConversionRates(self.conversion_rates)

    def with_catalog(self, catalog: Catalog) -> Snapshot:
        """A copy with ``catalog`` in place of its catalogue.

        In constant time, as a transition on one SKU needs: no check of a
        snapshot reads its catalogue beyond its type, and the other
        fields were checked when this snapshot was built.
        """
        copy: Snapshot = object.__new__(Snapshot)
        for setter, value in zip(_SETTERS, _GET_ALL(self), strict=True):
            setter(copy, value)
        _set_catalog(copy, catalog)
        return copy


# The slots' own setters and one getter of every field, for ``with_catalog``.
_SETTERS = tuple(
    Snapshot.__dict__[field.name].__set__ for field in attrs.fields(Snapshot)
)
_GET_ALL = operator.attrgetter(*(f.name for f in attrs.fields(Snapshot)))
_set_catalog = Snapshot.__dict__["catalog"].__set__


def snapshot_from_data(data: object, source: str = "<data>") -> Snapshot:
    """Build a snapshot from parsed JSON (dicts, lists, strings, numbers)."""
    return _from_data(data, source, records_checked=False)


def _from_data(
    data: object, source: str, *, records_checked: bool
) -> Snapshot:
    if not isinstance(data, dict):
        raise SnapshotError("", "a snapshot must be a JSON object", source)
    check_document(data, source, records_checked=records_checked)
    if not isinstance(data.get("$schema", ""), str):
        raise SnapshotError("$schema", "expected a string", source)
    body = {key: value for key, value in data.items() if key != "$schema"}
    try:
        with bulk():
            return converter.structure(body, Snapshot)
    except (cattrs.BaseValidationError, UnifiedAccountError) as error:
        path, problem = first_problem(error)
        raise SnapshotError(one_line(path), problem, source) from error


def _no_constants(name: str) -> object:
    raise ValueError(f"`{excerpt(name)}` is not allowed in a snapshot")


def parse_snapshot(text: str | bytes, source: str = "<string>") -> Snapshot:
    """Read a snapshot from JSON text.

    Numbers with a fraction are read as floats, so money written as a
    JSON number is refused: write amounts as strings (``"39.99"``).
    """
    if not isinstance(text, str | bytes):
        raise SnapshotError(
            "",
            f"`{excerpt(text, as_repr=True)}` is not JSON text (a str or "
            "bytes)",
            source,
        )
    with bulk():
        data, records_checked = _json(text, source)
        return _from_data(data, source, records_checked=records_checked)


def _too_long(source: str) -> SnapshotError:
    return SnapshotError(
        "",
        f"the snapshot is longer than {MAX_SNAPSHOT_CHARACTERS:,} characters",
        source,
    )


def _json(text: str | bytes, source: str) -> tuple[object, bool]:
    """The parsed document, and whether its records need no walk."""
    if len(text) > MAX_SNAPSHOT_CHARACTERS:
        raise _too_long(source)
    quick = quick_parse(text)
    if quick is not None:
        return quick, True
    reading = Reading()
    try:
        data = json.loads(
            text,
            parse_constant=_no_constants,
            parse_int=reading.whole_number,
            object_pairs_hook=reading.object_pairs,
        )
    except (ValueError, UnicodeDecodeError) as error:
        raise SnapshotError("", f"not valid JSON: {error}", source) from None
    except RecursionError:
        raise SnapshotError("", "nested too deeply", source) from None
    suspect = reading.suspect or reading.may_hold_surrogates(text)
    return data, not suspect


def load_snapshot(path: str | Path) -> Snapshot:
    """Read the snapshot file at ``path``.

    A file, a FIFO or a device: reading stops one byte past the limit of
    :data:`~unified_account.limits.MAX_SNAPSHOT_CHARACTERS`
    (a regular file past it is refused from its size), so endless input
    such as ``/dev/zero`` is refused quickly.
    """
    return _load(path, one_line(str(path)))


def read_snapshot(stream: BinaryIO, source: str = "<stdin>") -> Snapshot:
    """Read a snapshot from the binary ``stream`` (standard input).

    Read as :func:`load_snapshot` reads a file: never past its limit.
    """
    return _load(stream, source)


def _load(path: str | Path | BinaryIO, source: str) -> Snapshot:
    text = _read_input(path, source)
    with bulk():
        data, records_checked = _json(text, source)
        del text  # the file's bytes go before the values are built
        return _from_data(data, source, records_checked=records_checked)


def _read_input(path: str | Path | BinaryIO, source: str) -> bytes:
    """The bytes of a snapshot's input, within its limit, or its error.

    Every command input that may be a snapshot (``report``, ``diff``,
    ``what-if``, ``watch``) is read here.
    """
    try:
        return read_limited(path, MAX_SNAPSHOT_CHARACTERS)
    except TooLong:
        raise _too_long(source) from None
    except NotText as error:
        raise SnapshotError("", str(error), source) from None
    except OSError as error:
        raise SnapshotError(
            "", f"cannot read the file: {error.strerror}", source
        ) from None
    except ValueError:  # a NUL in the name: no file can have it
        raise SnapshotError(
            "", "cannot read the file: the name holds a NUL character", source
        ) from None


def example_text() -> str:
    """The JSON text of the bundled example seller."""
    return package_text(__package__, "example-seller.json")


def example_snapshot() -> Snapshot:
    """The bundled example seller, which exercises every rule."""
    return parse_snapshot(example_text(), "example-seller.json")


def schema_text() -> str:
    """The JSON Schema (draft 2020-12) of the snapshot format."""
    return package_text(__package__, "snapshot.schema.json")


def snapshot_to_data(snapshot: Snapshot) -> dict[str, Any]:
    """``snapshot`` as plain JSON data (dicts, lists, strings, numbers)."""
    return {"version": snapshot.version, **record_data(snapshot)}


def dump_snapshot(snapshot: Snapshot) -> str:
    """``snapshot`` as the JSON text :func:`parse_snapshot` reads back.

    Keys are sorted within each object as the model orders them, lists
    keep their order, and the text ends with a newline; the same
    snapshot always gives the same text.

    What is written, the loader reads: a value past the limits of
    :mod:`unified_account.limits` (an amount of more than 15 digits
    before the point, which the model allows, a string a caller's own
    value holds) raises :class:`~unified_account.errors.InvalidValueError`
    naming its JSON path, and nothing is written.
    """
    with bulk():  # a document of millions of values, none freed
        return _dump(snapshot)


def _dump(snapshot: Snapshot) -> str:
    data = snapshot_to_data(snapshot)
    # The catalogue's records are walked only where the model leaves a
    # value that may be past a limit (most catalogues have none).
    skus = data.get("catalog", {}).get("skus")
    found = first_past_limit(
        data,
        skip=skus if catalog_within_limits(snapshot.catalog) else None,
    )
    if found is not None:
        path, problem = found
        raise InvalidValueError(problem, field=one_line(path) or None)
    # The bytes of ``json.dumps(data, indent=2, ensure_ascii=False)``
    # and a newline (tests/snapshot/test_dump.py compares the two), from
    # a compiled encoder: the standard library indents in pure Python,
    # several times slower.  The data holds only what it writes alike:
    # strings checked above (no lone surrogate), whole numbers of at
    # most 15 digits, booleans, nulls, lists and string-keyed objects.
    return orjson.dumps(data, option=_INDENTED).decode("utf-8")


_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
