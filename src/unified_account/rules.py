"""The rule catalogue: every rule's stable key, its FAQ question, its texts.

Rule keys are the library's stable identifiers: they appear verbatim in
decisions, findings, the command's JSON output and the documentation,
and are never localized, reused or replaced by display text.  A rule's
title, question and summary are message ids rendered by
:mod:`unified_account.i18n` in the caller's locale; ``faq_question`` is
the question as the source FAQ (Traditional Chinese) asks it.
"""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from ._excerpt import excerpt
from .errors import UnifiedAccountError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "RULES",
    "Rule",
    "RuleFamily",
    "RuleKey",
    "UnknownRuleError",
    "rule",
]


class RuleKey(enum.StrEnum):
    """The key of one rule, exactly as the rule catalogue spells it."""

    # A key equals its string, so it hashes as its string: it finds the
    # same dict entries, and at C speed (Enum's own hash is Python code).
    __hash__ = str.__hash__

    NA_SCOPE = "na-scope"
    LIST_ANYWHERE = "list-anywhere"
    SWITCHER_MEANS_UNIFIED = "switcher-means-unified"
    NO_MERGE = "no-merge"
    LOCAL_PAYOUT = "local-payout"
    HOME_ONLY_BY_DEFAULT = "home-only-by-default"
    ACCOUNT_INFO_DEFAULTS = "account-info-defaults"
    EU_DISTINCT = "eu-distinct"
    PROFESSIONAL_ONLY = "professional-only"
    PER_MARKETPLACE_LISTING = "per-marketplace-listing"
    MFN_INVENTORY = "mfn-inventory"
    FBA_POOL_SEPARATION = "fba-pool-separation"
    MARKETPLACE_SPECIFIC_DELETION = "marketplace-specific-deletion"
    SINGLE_SUBSCRIPTION = "single-subscription"
    PER_ITEM_FEES_BY_SALE_MARKETPLACE = "per-item-fees-by-sale-marketplace"
    BRAND_REGISTRY_PROPAGATION = "brand-registry-propagation"
    STOREFRONT_ORIGIN = "storefront-origin"
    ORDER_TRACKING = "order-tracking"


class RuleFamily(enum.Enum):
    """The part of the FAQ a rule belongs to (and its policy module)."""

    SCOPE_AND_ACCOUNT = "scope-and-account"
    LISTINGS_AND_INVENTORY = "listings-and-inventory"
    MONEY_BRAND_STOREFRONT_ORDERS = "money-brand-storefront-orders"


class UnknownRuleError(UnifiedAccountError, LookupError):
    """A rule key that is not in the catalogue.

    .. versionadded:: 0.1.0
    """


@attrs.frozen
class Rule:
    """One rule of the catalogue.

    ``title``, ``question`` and ``summary`` are message ids; render them
    with :func:`unified_account.i18n.rule_text`.
    """

    key: RuleKey
    family: RuleFamily
    faq_question: str
    version_added: str = "0.1.0"

    @property
    def title(self) -> str:
        """The message id of the rule's short title."""
        return f"rule.{self.key}.title"

    @property
    def question(self) -> str:
        """The message id of the FAQ question the rule answers."""
        return f"rule.{self.key}.question"

    @property
    def summary(self) -> str:
        """The message id of the rule's one-paragraph summary."""
        return f"rule.{self.key}.summary"

    @property
    def example(self) -> str:
        """The message id of a worked example of the rule."""
        return f"rule.{self.key}.example"


_A = RuleFamily.SCOPE_AND_ACCOUNT
_L = RuleFamily.LISTINGS_AND_INVENTORY
_M = RuleFamily.MONEY_BRAND_STOREFRONT_ORDERS
_WHAT_IS = "什麼是北美聯合帳戶？"
_FEES = "使用聯合帳戶銷售商品需要支付哪些費用？"

_CATALOGUE = (
    Rule(RuleKey.NA_SCOPE, _A, _WHAT_IS),
    Rule(
        RuleKey.LIST_ANYWHERE,
        _A,
        "如何在 Amazon.com、 Amazon.ca 和 Amazon.com.mx 商城中創建商品訊息？",
    ),
    Rule(
        RuleKey.SWITCHER_MEANS_UNIFIED,
        _A,
        "怎樣驗證我的帳戶是否為北美聯合帳戶？",
    ),
    Rule(
        RuleKey.NO_MERGE,
        _A,
        "我在多個北美商城中註冊了帳戶。能否合併這些帳戶？",
    ),
    Rule(
        RuleKey.LOCAL_PAYOUT,
        _M,
        "我需要在每個商城的國家/地區內開設一個當地銀行帳戶嗎？",
    ),
    Rule(
        RuleKey.HOME_ONLY_BY_DEFAULT,
        _A,
        "如果我不想在多個商城中銷售商品，會怎麼樣？",
    ),
    Rule(
        RuleKey.ACCOUNT_INFO_DEFAULTS,
        _A,
        "我可以為每個商城輸入單獨的帳戶訊息數據嗎"
        "（例如，用於對應不同的法律實體或銀行帳戶）？",
    ),
    Rule(RuleKey.EU_DISTINCT, _A, "北美聯合帳戶和歐洲聯合帳戶一樣嗎？"),
    Rule(
        RuleKey.PROFESSIONAL_ONLY,
        _A,
        "我需要成為專業賣家才能擁有聯合帳戶嗎？",
    ),
    Rule(
        RuleKey.PER_MARKETPLACE_LISTING,
        _L,
        "對於同一 SKU，我可以設置特定於商城的商品信息、數量和定價嗎？",
    ),
    Rule(RuleKey.MFN_INVENTORY, _L, "如何管理自行配送的庫存？"),
    Rule(RuleKey.FBA_POOL_SEPARATION, _L, "如何管理亞馬遜物流庫存？"),
    Rule(
        RuleKey.MARKETPLACE_SPECIFIC_DELETION,
        _L,
        "可以在所有商城中同時刪除某個SKU嗎？還是需要在各個商城中分別刪除？",
    ),
    Rule(RuleKey.SINGLE_SUBSCRIPTION, _M, _FEES),
    Rule(RuleKey.PER_ITEM_FEES_BY_SALE_MARKETPLACE, _M, _FEES),
    Rule(
        RuleKey.BRAND_REGISTRY_PROPAGATION,
        _M,
        "是否需要為我的 Amazon.com、Amazon.ca 和 Amazon.com.mx "
        "銷售帳戶分別申請亞馬遜品牌注冊？",
    ),
    Rule(
        RuleKey.STOREFRONT_ORIGIN,
        _M,
        "是否可以在我的北美聯合帳戶中為不同的商城提供不同的店鋪鏈接？",
    ),
    Rule(RuleKey.ORDER_TRACKING, _M, _WHAT_IS),
)

RULES: Mapping[RuleKey, Rule] = MappingProxyType(
    {entry.key: entry for entry in _CATALOGUE}
)
"""Every rule, by key, in the catalogue's order."""


def rule_message_ids() -> frozenset[str]:
    """The message ids of every rule's title, question, summary and example.

    They are derived from the keys, so Babel's extractor does not see
    them; catalogs must hold them all the same.
    """
    return frozenset(
        message
        for entry in RULES.values()
        for message in (
            entry.title,
            entry.question,
            entry.summary,
            entry.example,
        )
    )


def rule(key: str) -> Rule:
    """The rule with ``key``; an unknown key raises :class:`UnknownRuleError`.

    >>> rule("no-merge").family
    <RuleFamily.SCOPE_AND_ACCOUNT: 'scope-and-account'>
    """
    try:
        return RULES[RuleKey(key)]
    except (ValueError, TypeError):
        known = ", ".join(RULES)
        raise UnknownRuleError(
            f"unknown rule key `{excerpt(key)}`; the keys are: {known}"
        ) from None
