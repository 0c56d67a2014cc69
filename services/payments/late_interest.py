"""Late-payment interest for a small or medium supplier (issue 15): from an installment's state,
the inputs of the penalty calculator's statutory SME rule (``services.penalty.compute``:
``statutory_sme_clause``, 万分之五 = 0.05 % of the overdue amount per calendar day) and its result.

Which amount and which days (our reading of the issue; the calculator takes one amount and one
span of days):

* **overdue** (not fully paid, due date passed): the amount outstanding today, from the due date
  to ``today``;
* **paid late** (fully paid after its due date): what was still unpaid on the due date (the
  installment's amount less the payments made on or before it), from the due date to the day the
  payments reached the amount (``paid_on``).

Anything else has no late-payment interest (``None``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from services.calendar.workdays import WorkingCalendar
from services.money import from_fen
from services.payments.states import InstallmentState, InstallmentStatus, PaidAmount
from services.penalty.compute import compute, statutory_sme_clause
from services.penalty.types import PenaltyInput, PenaltyResult
from services.register.contract_data import ContractData

__all__ = ["late_payment_inputs", "sme_late_payment_interest"]


def late_payment_inputs(status: InstallmentStatus, payments: Iterable[PaidAmount],
                        today: dt.date) -> PenaltyInput | None:
    """The calculator's inputs for ``status`` (its installment's ``payments``) on ``today``: ``due``,
    ``actual`` (payment or today) and ``overdue_amount`` in 元; None when not overdue nor paid late
    (see the module docstring)."""
    if status.due_date is None or status.due_fen is None:
        return None
    if status.state is InstallmentState.OVERDUE:
        return PenaltyInput(due=status.due_date, actual=today, overdue_amount=from_fen(status.outstanding_fen))
    if status.paid_late and status.paid_on is not None:
        early = sum(p.fen for p in payments if p.paid_date <= status.due_date)
        return PenaltyInput(due=status.due_date, actual=status.paid_on,
                            overdue_amount=from_fen(max(status.due_fen - early, 0)))
    return None


def sme_late_payment_interest(contract: ContractData, status: InstallmentStatus, payments: Iterable[PaidAmount],
                              today: dt.date, *, payer_role: str = "甲方",
                              language: str = "zh") -> PenaltyResult | None:
    """The statutory SME late-payment interest on one installment of ``contract`` (amount 元,
    rounded half up once, with its working in ``language``); None when it is neither overdue nor
    paid late. Raises ``PenaltyInputError`` for inputs the rule cannot use."""
    inputs = late_payment_inputs(status, payments, today)
    if inputs is None:
        return None
    return compute(statutory_sme_clause(payer_role), contract, inputs, calendar=WorkingCalendar(), language=language)
