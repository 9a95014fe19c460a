"""Build accounts and SKU records from one drawn byte string each.

Hypothesis's cost grows with the number of choices an example makes, and
a catalogue or a snapshot used to make hundreds (every SKU, listing,
title, price and pool a choice or several).  Where an argument is left
to its default, the strategies read that part from a short byte string
drawn once per account or record instead: one choice where there were
dozens.

Every byte reads so that zero is the simplest value (Amazon.com, the
Professional plan, a shared pool, no stock, no listing, no ASIN), and a
string that ends early reads as zeros, so Hypothesis shrinks an account
or a record by shrinking its bytes, towards the same minimal values as
before.  Small values are common: quantities are 0 about one time in
five, prices are a few units more often than thousands.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

import immutables
from hypothesis import strategies as st

from ..edition import FAQ
from ..model.account import AccountInfo, BankAccount, SellingPlan
from ..model.identifiers import Asin, Sku, to_asin, to_sku
from ..model.inventory import MfnPool
from ..model.listing import FulfillmentChannel, ListingStatus
from ..model.marketplace import Marketplace, Region
from ..model.money import Money, currency_precision

__all__ = ["Reader", "blobs"]

T = TypeVar("T")

SCOPE = tuple(sorted(FAQ.scope, key=list(Marketplace).index))
AMERICAS = tuple(m for m in Marketplace if m.region is Region.NORTH_AMERICA)
ALL = tuple(Marketplace)
_BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

SKU_STEMS = (
    "",
    "A-",
    "sku ",
    "SKU_",
    "a b c ",
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    "x" * 36,
    "ZZ.",
)
TITLES = (
    "Mug",
    "Coffee Mug 12 oz",
    "Tasse à café « Érable »",
    "Taza de café (Ñandú)",
    "咖啡杯",
    "商品訊息 – 库存",
    "A",
    "Kit & Caboodle / 2-pack, blue",
    "Ç" * 20,
    "0123456789",
)
ATTRIBUTES: tuple[dict[str, str], ...] = (
    {},
    {"color": "blue"},
    {"size": "XL"},
    {"material": "céramique"},
    {"color": "紅色"},
)
NAMES = (
    "Acme",
    "Acme Trading Co.",
    "Épicerie Fine Côté",
    "Artesanías Núñez",
    "商品行",
    "台灣好物",
    "上海贸易有限公司",
    "Ø",
    "A1 Supplies 2",
    "Maple & Oak",
    "Tienda  Ñandú",
    "Ünïcödé Ltd",
    "X" * 30,
    "Hôtel-Dieu",
    "Großhandel",
)
COUNTRIES = ("US", "CA", "MX", "BR", "GB", "DE", "JP", "CN", "HK", "TW")
CURRENCIES = ("USD", "CAD", "MXN", "BRL", "EUR", "GBP", "JPY", "SEK", "AUD")


def blobs(size: int) -> st.SearchStrategy[bytes]:
    """Byte strings of up to ``size`` bytes: one Hypothesis choice each."""
    return st.binary(max_size=size)


class Reader:
    """Reads small values from a byte string, left to right.

    Past the end every byte reads as zero.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def byte(self) -> int:
        """The next byte, 0 past the end."""
        at = self.at
        self.at += 1
        return self.data[at] if at < len(self.data) else 0

    def choice(self, options: Sequence[T]) -> T:
        """One of ``options``; the first for a zero byte."""
        return options[self.byte() % len(options)]

    def flag(self, threshold: int = 128) -> bool:
        """``True`` for bytes at or above ``threshold``."""
        return self.byte() >= threshold

    def subset(self, options: Sequence[T]) -> list[T]:
        """Some of ``options`` (up to 8), in their order."""
        bits = self.byte()
        return [item for i, item in enumerate(options) if bits >> i & 1]

    def quantity(self) -> int:
        """0 for about one byte in five, else 1 to 160, or hundreds."""
        value = self.byte()
        if value < 48:
            return 0
        if value < 208:
            return value - 47
        return (value - 207) * 250

    def number(self, size: int) -> int:
        """A whole number from ``size`` bytes."""
        result = 0
        for _ in range(size):
            result = result << 8 | self.byte()
        return result

    def price(self, currency: str, allow_zero: bool) -> Money:
        """A price of up to about 6.5 million minor units."""
        units = self.number(2) * 10 ** (self.byte() % 3)
        if not allow_zero:
            units += 1
        places = currency_precision(currency)
        return Money(Decimal(units).scaleb(-places), currency)

    def sku(self, number: int | None = None) -> Sku:
        """A SKU: a stem and a number (``number``, or read)."""
        stem = self.choice(SKU_STEMS)
        digits = str(self.number(2) % 10_000 if number is None else number)
        return to_sku(stem[: 40 - len(digits)] + digits)

    def asin(self) -> Asin | None:
        """No ASIN for a low byte, else ten capital letters or digits."""
        if not self.flag():
            return None
        number = self.number(7)
        letters = []
        for _ in range(10):
            number, digit = divmod(number, 36)
            letters.append(_BASE36[digit])
        return to_asin("".join(letters))

    def pool(self) -> MfnPool:
        """A shared pool for most bytes, else a separate SKU in scope."""
        kind = self.byte()
        units = self.quantity()
        if kind < 160:
            return MfnPool.shared(units)
        return MfnPool.separate(SCOPE[kind % len(SCOPE)], units)

    def fba(self) -> immutables.Map[Marketplace, int]:
        """FBA units in some countries of the scope."""
        return immutables.Map(
            {where: self.quantity() for where in self.subset(SCOPE)}
        )

    def channel(self) -> FulfillmentChannel:
        """Merchant-fulfilled for low bytes, else FBA."""
        return (
            FulfillmentChannel.FBA if self.flag() else FulfillmentChannel.MFN
        )

    def status(self) -> ListingStatus:
        """Active for most bytes, else inactive or deleted."""
        value = self.byte()
        if value < 160:
            return ListingStatus.ACTIVE
        if value < 216:
            return ListingStatus.INACTIVE
        return ListingStatus.DELETED

    def seller_id(self) -> str:
        """``A`` and 5 to 13 capital letters or digits."""
        number = self.number(8)
        letters: list[str] = []
        while number or len(letters) < 5:
            number, digit = divmod(number, 36)
            letters.append(_BASE36[digit])
        return "A" + "".join(reversed(letters[:13]))

    def bank(self) -> BankAccount:
        """A bank account with a masked id."""
        stars = 2 + self.byte() % 7
        digits = self.byte() % 5
        number = self.number(2) % 10_000
        return BankAccount(
            country=self.choice(COUNTRIES),
            currency=self.choice(CURRENCIES),
            masked_id="*" * stars + f"{number:04d}"[4 - digits :],
        )

    def info(self) -> AccountInfo:
        """Account information, as entered at registration or customised."""
        return AccountInfo(
            legal_entity_name=self.choice(NAMES),
            address_country=self.choice(COUNTRIES),
            bank=self.bank(),
            contact_email=(
                f"{self.choice(('seller', 'ops', 'a', 'finance'))}"
                f"{self.byte()}@{self.choice(('shop', 'b', 'x1'))}.example"
            ),
            display_name=self.choice(NAMES),
        )

    def plan(self) -> SellingPlan:
        """Professional for low bytes, else Individual."""
        return (
            SellingPlan.INDIVIDUAL if self.flag() else SellingPlan.PROFESSIONAL
        )
