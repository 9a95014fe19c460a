"""SP-API responses for the tests: Finances fixtures, a client, pages.

python-amazon-sp-api's clients answer from the fixtures through
``httpx.MockTransport`` (no network), so their ``ApiResponse`` objects
and ``NextToken`` loops are exactly what a tool holds.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import httpx
from sp_api.base import Marketplaces
from sp_api.base._transport_httpx import HttpxTransport

from unified_account import Marketplace

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "spapi"
US = Marketplace.US


def text(name):
    return (FIXTURES / name).read_text(encoding="utf-8")


def exact(name):
    return json.loads(text(name), parse_float=Decimal)


def client(kind, *bodies, **options):
    """A client of ``kind`` answering each request with the next body."""
    answers = iter(bodies)
    requests = []

    def answer(request):
        requests.append(request)
        return httpx.Response(
            200,
            content=next(answers).encode(),
            headers={"content-type": "application/json"},
        )

    made = kind(
        Marketplaces.US,
        credentials={
            "lwa_app_id": "app",
            "lwa_client_secret": "secret",
            "refresh_token": "token",
        },
        restricted_data_token="rdt",
        **options,
    )
    made._transport = HttpxTransport(
        client=httpx.Client(transport=httpx.MockTransport(answer))
    )
    made.requests = requests
    return made


def every_page(call, **query):
    """The pages of a ``NextToken`` loop, as a tool writes it."""
    found, token = [], None
    while True:
        response = call(**query, **({"NextToken": token} if token else {}))
        found.append(response)
        token = response.next_token
        if not token:
            return found


def facts(read):
    """What a read holds, sources and paths left out (they name pages)."""
    return (
        sorted((c.identity, c.amount) for c in read.charges),
        sorted((d.settlement_id, d.amount) for d in read.deposits),
        sorted((n.subject, n.reason) for n in read.set_aside),
    )


def split(name, key, lists="FinancialEvents"):
    """The fixture in two pages, the first with a ``NextToken``."""
    data = json.loads(text(name))
    body = data["payload"][lists] if lists else data["payload"]
    items = body[key]
    first = {lists: {key: items[:1]}} if lists else {key: items[:1]}
    second = {lists: {key: items[1:]}} if lists else {key: items[1:]}
    return (
        json.dumps({"payload": {**first, "NextToken": "page-2"}}),
        json.dumps({"payload": second}),
    )


EVENTS = "finances_v0_na.json"
GROUPS = "finances_groups_na.json"
TRANSACTIONS = "finances_transactions_na.json"
SETTLEMENT = "settlement_us_2020_05.txt"
