"""The selling plan, apart from the account that has one.

:class:`SellingPlan` is part of :mod:`unified_account.model.account`
(its home in the API and the documentation, and where it pickles from).
It is defined here so that what needs only the plan, the editions and
:func:`~unified_account.policy.eligibility.evaluate_scope` among them,
loads without the account's classes and :mod:`immutables`.
"""

from __future__ import annotations

import enum

__all__ = ["SellingPlan"]


class SellingPlan(enum.Enum):
    """The selling plan of an account (SP-API ``sellingPlan``)."""

    PROFESSIONAL = "professional"
    INDIVIDUAL = "individual"


SellingPlan.__module__ = "unified_account.model.account"
