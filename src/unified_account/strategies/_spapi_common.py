"""What the SP-API payload strategies share (requires hypothesis).

Marketplace ids of every kind, titles in the languages of North America,
times and amounts as Amazon writes them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ..model.marketplace import Marketplace, NonAmazonMarketplace, Region

__all__ = [
    "ELSEWHERE",
    "JSON",
    "NA",
    "NON_AMAZON",
    "ORDER_IDS",
    "TAGS",
    "TEXT",
    "TITLES",
    "V0_STATUSES",
    "amounts",
    "any_market",
    "maybe",
    "na",
    "times",
]

JSON = dict[str, Any]

NA = tuple(m for m in Marketplace if m.region is Region.NORTH_AMERICA)
ELSEWHERE = (Marketplace.GB, Marketplace.DE, Marketplace.JP)
NON_AMAZON = tuple(m.value for m in NonAmazonMarketplace)

na = st.sampled_from(NA)
any_market = st.one_of(na, st.sampled_from(ELSEWHERE))
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")),
    min_size=1,
    max_size=24,
).filter(str.strip)
TITLES = st.one_of(
    st.sampled_from(
        [
            "Harbor Lane stoneware mug",
            "Tasse en grès Harbor Lane",
            "Taza de gres Harbor Lane",
            "港灣馬克杯",
        ]
    ),
    TEXT,
)
TAGS = st.sampled_from(["en_US", "en_CA", "fr_CA", "es_MX", "pt_BR"])


def times() -> st.SearchStrategy[str]:
    start = datetime(2021, 8, 1, tzinfo=UTC)
    return st.integers(0, 5 * 365 * 24 * 3600).map(
        lambda s: (
            (start + timedelta(seconds=s)).isoformat().replace("+00:00", "Z")
        )
    )


def amounts(currency: str) -> st.SearchStrategy[str]:
    places = 0 if currency == "JPY" else 2
    return st.integers(0, 10**7).map(
        lambda cents: str(Decimal(cents).scaleb(-places))
    )


def maybe(draw: st.DrawFn, fields: JSON, key: str, value: Any) -> None:
    if draw(st.booleans()):
        fields[key] = value


V0_STATUSES = (
    "Pending",
    "Unshipped",
    "PartiallyShipped",
    "Shipped",
    "Canceled",
    "Unfulfillable",
    "InvoiceUnconfirmed",
    "PendingAvailability",
)
ORDER_IDS = st.from_regex(r"[0-9]{3}-[0-9]{7}-[0-9]{7}", fullmatch=True)
