"""The SME late-payment hand-off (services.payments.late_interest), no Qt: from an installment's
state to the statutory rate's inputs and amount (万分之五 = 0.05 % a calendar day), hand-computed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.payments.late_interest import late_payment_inputs, sme_late_payment_interest
from services.payments.states import InstallmentState, PaidAmount, installment_status
from services.register.contract_data import ContractData, PartyData

D = Decimal
CONTRACT = ContractData(contract_no="T-1", title="测试", total_amount=D("1000000.00"),
                        parties=[PartyData(role="甲方", name="甲"), PartyData(role="乙方", name="乙")])


def _interest(due_fen: int, due: dt.date | None, paid: list[PaidAmount], today: dt.date, language: str = "zh"):
    status = installment_status(due_fen, due, paid, today)
    return status, sme_late_payment_interest(CONTRACT, status, paid, today, language=language)


def test_overdue_nothing_paid() -> None:
    # 767,180.28 × 0.05 % × 62 days (2026-09-30 → 2026-12-01) = 23,782.58868 → 23,782.59
    status, result = _interest(767_180_28, dt.date(2026, 9, 30), [], dt.date(2026, 12, 1))
    assert status.state is InstallmentState.OVERDUE
    assert result is not None and result.statutory
    assert result.days == 62 and result.amount == D("23782.59")


def test_overdue_partly_paid_across_the_year_end() -> None:
    # 100,000.00 due 2026-11-30; 40,000.00 paid 2026-12-10; on 2027-01-09 60,000.00 is 40 days overdue:
    # 60,000.00 × 0.05 % × 40 = 1,200.00
    paid = [PaidAmount(dt.date(2026, 12, 10), 40_000_00, 1)]
    _status, result = _interest(100_000_00, dt.date(2026, 11, 30), paid, dt.date(2027, 1, 9))
    assert result is not None and (result.days, result.amount) == (40, D("1200.00"))
    assert any("1,200.00" in step or "1200.00" in step for step in result.steps)


def test_paid_late_counts_what_was_unpaid_on_the_due_date() -> None:
    # 311,685.00 due 2026-03-01: 100,000.00 paid on 2026-02-20 (in time), 211,685.00 on 2026-03-31 (30 days late)
    # 211,685.00 × 0.05 % × 30 = 3,175.275 → 3,175.28 (half up, once)
    paid = [PaidAmount(dt.date(2026, 2, 20), 100_000_00, 1), PaidAmount(dt.date(2026, 3, 31), 211_685_00, 2)]
    status, result = _interest(311_685_00, dt.date(2026, 3, 1), paid, dt.date(2026, 12, 1), "en")
    assert status.state is InstallmentState.PAID and status.paid_late_days == 30
    inputs = late_payment_inputs(status, paid, dt.date(2026, 12, 1))
    assert inputs is not None and (inputs.due, inputs.actual, inputs.overdue_amount) == (
        dt.date(2026, 3, 1), dt.date(2026, 3, 31), D("211685.00"))
    assert result is not None and result.amount == D("3175.28") and result.language == "en"


def test_no_interest_when_paid_in_time_or_not_due() -> None:
    on_time = [PaidAmount(dt.date(2026, 3, 1), 311_685_00, 1)]
    assert _interest(311_685_00, dt.date(2026, 3, 1), on_time, dt.date(2026, 12, 1))[1] is None
    assert _interest(311_685_00, dt.date(2027, 3, 1), [], dt.date(2026, 12, 1))[1] is None
    assert _interest(311_685_00, None, [], dt.date(2026, 12, 1))[1] is None  # waiting for its event
