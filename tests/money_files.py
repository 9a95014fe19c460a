"""A US-home seller's year of settlements, in Amazon's shapes.

Written by the project (never copied from Amazon's files): one V2
settlement flat file per marketplace and month of 2020 for Amazon.com
(USD), Amazon.ca (CAD) and Amazon.com.mx (MXN), with the referral fee
(``Commission``) and FBA fee of each order and the subscription in the
US file.  :data:`PLANTED` lists the problems some months carry; every
other month is clean.  The benchmark builds the same files, larger.
"""

from __future__ import annotations

from decimal import Decimal

COLUMNS = (
    "settlement-id",
    "settlement-start-date",
    "settlement-end-date",
    "deposit-date",
    "total-amount",
    "currency",
    "transaction-type",
    "order-id",
    "merchant-order-id",
    "adjustment-id",
    "shipment-id",
    "marketplace-name",
    "amount-type",
    "amount-description",
    "amount",
    "fulfillment-id",
    "posted-date",
    "posted-date-time",
    "order-item-code",
    "merchant-order-item-id",
    "merchant-adjustment-item-id",
    "sku",
    "quantity-purchased",
)
MARKETS = {
    "US": ("Amazon.com", "USD", Decimal("20.00")),
    "CA": ("Amazon.ca", "CAD", Decimal("27.00")),
    "MX": ("Amazon.com.mx", "MXN", Decimal("400.00")),
}
RATE = Decimal("0.15")
PLANTED = {
    "double-subscription": ("US", 3),
    "usd-fee-for-ca-order": ("US", 5),
    "non-amazon-row": ("US", 8),
}
"""Problem: (marketplace, month of 2020) whose file carries it."""


def _row(**cells: str) -> str:
    return "\t".join(cells.get(c.replace("-", "_"), "") for c in COLUMNS)


def _comma(amount: Decimal, comma: bool) -> str:
    text = str(amount.quantize(Decimal("0.01")))
    return text.replace(".", ",") if comma else text


def settlement_id(market: str, month: int) -> str:
    """The settlement id of ``market``'s file of ``month``."""
    return f"{1000 + month}{list(MARKETS).index(market)}0000"


def settlement_file(
    market: str, month: int, orders: int = 3, *, planted: bool = True
) -> str:
    """One month's settlement report of ``market`` (2020), as text."""
    name, currency, price = MARKETS[market]
    sid = settlement_id(market, month)
    comma = market == "MX"  # Amazon.com.mx files may use a decimal comma
    day = f"2020-{month:02d}-15"
    rows = []
    total = Decimal(0)

    def booked(order: str, kind: str, what: str, amount: Decimal, **more):
        nonlocal total
        total += amount
        rows.append(
            _row(
                settlement_id=sid,
                transaction_type="Order",
                order_id=order,
                marketplace_name=more.get("marketplace", name),
                amount_type=kind,
                amount_description=what,
                amount=_comma(amount, comma),
                posted_date=more.get("posted", day),
                sku=more.get("sku", "MUG-1"),
                quantity_purchased="1",
            )
        )

    for number in range(orders):
        order = f"{100 + list(MARKETS).index(market)}-{month:07d}-{number:07d}"
        booked(order, "ItemPrice", "Principal", price)
        booked(order, "ItemFees", "Commission", -(price * RATE))
        booked(order, "ItemFees", "FBAPerUnitFulfillmentFee", Decimal("-3.00"))
    if market == "US":
        fees = 2 if planted and month == 3 else 1
        for _ in range(fees):
            total -= Decimal("39.99")
            rows.append(
                _row(
                    settlement_id=sid,
                    transaction_type="other-transaction",
                    amount_type="other-transaction",
                    amount_description="Subscription Fee",
                    amount="-39.99",
                    posted_date=f"2020-{month:02d}-02 08:00:00 UTC",
                )
            )
        if planted and month == 5:
            booked(
                "102-0000005-9999999",
                "ItemFees",
                "Commission",
                Decimal("-4.05"),
                marketplace="Amazon.ca",
            )
        if planted and month == 8:
            booked(
                "S01-0000008-0000001",
                "ItemFees",
                "FBAPerUnitFulfillmentFee",
                Decimal("-5.00"),
                marketplace="Non-Amazon",
            )
    totals = _row(
        settlement_id=sid,
        settlement_start_date=f"2020-{month:02d}-01 00:00:00 UTC",
        settlement_end_date=f"2020-{month:02d}-28 00:00:00 UTC",
        deposit_date=f"30.{month:02d}.2020 08:00:00 UTC"
        if comma and month != 2
        else f"2020-{month:02d}-28T08:00:00+00:00",
        total_amount=_comma(total, comma),
        currency=currency,
    )
    return "\r\n".join(["\t".join(COLUMNS), totals, *rows]) + "\r\n"


def year_of_settlements(
    orders: int = 3, *, planted: bool = True
) -> dict[str, str]:
    """Every file of 2020: ``{file name: text}``."""
    return {
        f"settlement-{market}-2020-{month:02d}.txt": settlement_file(
            market, month, orders, planted=planted
        )
        for month in range(1, 13)
        for market in MARKETS
    }
