"""Dated data the library ships: the subscription fee schedule.

The data are JSON files in this package, read with the package's loader
(as :mod:`importlib.resources` reads them) and validated on load as
strictly as a snapshot (a bad entry names its place in the file).  They
are defaults: every policy that uses them takes the caller's own data
instead.

>>> from datetime import date
>>> from unified_account import Marketplace
>>> fee = bundled_subscription_fees().fee_on(Marketplace.MX,
...                                          date(2026, 7, 1))
>>> str(fee.amount), fee.confirmed, fee.tax.value
('MXN 600.00', True, 'unconfirmed')
"""

from __future__ import annotations

import functools
import json

import cattrs

from .._package_data import package_text
from ..errors import InvalidValueError, UnifiedAccountError
from ..model._converter import converter, first_problem
from ..model.fees import (
    SubscriptionFee,
    SubscriptionFeeSchedule,
    SubscriptionPlanChange,
)

__all__ = ["SUBSCRIPTION_FEES_FILE", "bundled_subscription_fees"]

SUBSCRIPTION_FEES_FILE = "subscription-fees.json"
"""The file name of the bundled subscription fee schedule."""


def _entries(text: str, source: str) -> tuple[SubscriptionFee, ...]:
    document = json.loads(text)
    if not isinstance(document, dict) or "entries" not in document:
        raise InvalidValueError(
            "expected an object with `entries`", field=source
        )
    try:
        return converter.structure(
            document["entries"], tuple[SubscriptionFee, ...]
        )
    except (cattrs.BaseValidationError, UnifiedAccountError) as error:
        path, problem = first_problem(error, "entries")
        raise InvalidValueError(problem, field=f"{source}: {path}") from None


def _changes(text: str, source: str) -> tuple[SubscriptionPlanChange, ...]:
    document = json.loads(text)
    try:
        return converter.structure(
            document.get("changes", []), tuple[SubscriptionPlanChange, ...]
        )
    except (cattrs.BaseValidationError, UnifiedAccountError) as error:
        path, problem = first_problem(error, "changes")
        raise InvalidValueError(problem, field=f"{source}: {path}") from None


@functools.cache
def bundled_subscription_fees() -> SubscriptionFeeSchedule:
    """The subscription fee schedule shipped with the library.

    Amazon.com USD 39.99 a month (confirmed, tax exclusive, shown in
    effect on 2021-08-01); Amazon.com.mx MXN 600 a month (tax treatment
    not confirmed); Amazon.ca CAD 29.99 a month (not confirmed);
    Amazon.com.br BRL 19.00 a month (tax treatment not confirmed).  No
    source gives the date an amount started, so each entry's start is
    unknown and it applies to every date, the FAQ's era included; the
    charge says the start is unknown.  Amazon.com.mx's plan change,
    reported by the Mexican press in February 2026 (new sellers: 12
    months free, then MXN 75 a month below MXN 26,000 of monthly sales;
    not on Amazon's page, which still shows MXN 600), is a dated
    :class:`~unified_account.model.fees.SubscriptionPlanChange`, not
    confirmed: from then on an Amazon.com.mx charge is not one known
    amount.
    """
    text = package_text(__package__, SUBSCRIPTION_FEES_FILE)
    return SubscriptionFeeSchedule(
        _entries(text, SUBSCRIPTION_FEES_FILE),
        changes=_changes(text, SUBSCRIPTION_FEES_FILE),
    )
