"""How subscription reasons name each kind of fee source."""

from unified_account.decision import Term
from unified_account.model.fees import FeeSource
from unified_account.policy.subscription import _FEE_SOURCE_TERMS


def test_every_fee_source_has_its_term():
    assert dict(_FEE_SOURCE_TERMS) == {
        FeeSource.FEE_SCHEDULE: Term("term.fee-source.fee-schedule"),
        FeeSource.ANNOUNCEMENT: Term("term.fee-source.announcement"),
        FeeSource.PRESS: Term("term.fee-source.press"),
        FeeSource.OTHER: Term("term.fee-source.other"),
    }
