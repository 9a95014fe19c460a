"""What the policy tests left unchecked: a refusal's values, a built table.

Each test pins one behaviour the rule tests did not compare: the
marketplace named by the ``na-scope`` refusal of account information,
the account-information reasons built once at import, and the SKU named
when a merchant-fulfilled quantity is set for a SKU the catalogue lacks.
"""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from unified_account import (
    Marketplace,
    MissingDataError,
    Reason,
    RuleKey,
    RuleViolation,
    evaluate_scope,
    example_snapshot,
)
from unified_account import strategies as ua
from unified_account.policy import account_info
from unified_account.policy.account_info import effective_account_info
from unified_account.policy.inventory import set_mfn_quantity

SELLER = example_snapshot()


# effective_account_info


@given(ua.seller_accounts(), ua.editions(), st.sampled_from(Marketplace))
def test_account_info_outside_the_scope_carries_the_scope_decision(
    account, edition, marketplace
):
    """``na-scope``: the refusal is the scope's own decision.

    It names the marketplace asked for and the edition's scope.
    """
    assume(marketplace not in edition.scope)
    with pytest.raises(RuleViolation) as error:
        effective_account_info(account, marketplace, edition=edition)
    decision = error.value.decision
    assert decision == evaluate_scope(marketplace, edition=edition)
    assert decision.reasons[0].param("marketplace") is marketplace


def test_account_info_for_germany_names_germany():
    """A named example: Amazon.de is outside the FAQ's scope."""
    with pytest.raises(RuleViolation) as error:
        effective_account_info(SELLER.account, Marketplace.DE)
    (reason,) = error.value.decision.reasons
    assert reason.message_id == "na-scope.out-of-scope"
    assert reason.param("marketplace") is Marketplace.DE


# _reasons_by_marketplace: the account-information reasons are built once,
# when the module is imported, so the builder is checked directly here
# (as the model's validator factories are in tests/model).


@pytest.mark.parametrize(
    ("message_id", "table"),
    [
        ("account-info-defaults.registration", account_info._REGISTRATION),
        ("account-info-defaults.customised", account_info._CUSTOMISED),
    ],
)
def test_account_info_reasons_name_rule_message_and_marketplace(
    message_id, table
):
    """``account-info-defaults``: one reason per marketplace, naming it.

    Each names the rule, its message and that marketplace, nothing else.
    """
    built = account_info._reasons_by_marketplace(message_id)
    expected = {
        m: Reason(
            RuleKey.ACCOUNT_INFO_DEFAULTS, message_id, {"marketplace": m}
        )
        for m in Marketplace
    }
    assert built == expected
    assert dict(table) == expected
    for marketplace, reason in built.items():
        assert reason.params == (("marketplace", marketplace),)


# set_mfn_quantity


@given(ua.catalogs(), ua.skus(), st.integers(min_value=0, max_value=10))
def test_setting_the_quantity_of_an_unknown_sku_names_it(
    catalog, sku, quantity
):
    """``mfn-inventory``: an unknown SKU is refused, and named.

    The refusal is the catalogue's own error for that SKU.
    """
    assume(sku not in catalog.skus)
    with pytest.raises(MissingDataError) as error:
        set_mfn_quantity(catalog, sku, quantity)
    with pytest.raises(MissingDataError) as expected:
        catalog.record(sku)
    assert str(error.value) == str(expected.value)


def test_setting_the_quantity_of_a_missing_sku_names_it():
    """A named example: the example catalogue has no ``NO-SUCH-SKU``."""
    with pytest.raises(MissingDataError) as error:
        set_mfn_quantity(SELLER.catalog, "NO-SUCH-SKU", 3)
    assert str(error.value) == "no SKU `NO-SUCH-SKU` in the catalogue"
