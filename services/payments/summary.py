"""A contract's payment picture: each installment's state and the contract's totals, on a day.

Reads the stored contract; the installments' due dates are those of the deadlines
(``services.calendar.agenda.contract_deadlines``: a rule counted from its event on the
working-day calendar), so a relative due date counts as soon as its event has a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from services.amendments.today import in_force_of
from services.calendar.agenda import contract_deadlines
from services.checks.contract import installment_amount
from services.money import from_fen, to_fen
from services.payments.rows import paid_amounts
from services.payments.states import (
    ContractPaymentTotals,
    InstallmentStatus,
    contract_totals,
    installment_status,
)
from services.register.contract_data import ContractData, InstallmentData, PaymentData
from services.register.contracts import load


@dataclass(frozen=True)
class InstallmentLine:
    """One installment and its status (amounts of the status in fen)."""

    installment: InstallmentData
    status: InstallmentStatus


@dataclass(frozen=True)
class ContractPayments:
    """The payments of one contract: ``lines`` per installment (in seq order), ``payments`` by seq,
    ``totals`` (fen) and the contract itself."""

    contract: ContractData
    lines: list[InstallmentLine]
    payments: list[PaymentData]
    totals: ContractPaymentTotals

    def line(self, seq: int) -> InstallmentLine | None:
        """The installment numbered ``seq``, or None."""
        return next((line for line in self.lines if line.installment.seq == seq), None)

    @property
    def paid(self) -> Decimal:
        """Total paid, 元."""
        return from_fen(self.totals.paid)

    @property
    def outstanding(self) -> Decimal:
        """Total outstanding, 元."""
        return from_fen(self.totals.outstanding)

    @property
    def overdue(self) -> Decimal:
        """Total overdue, 元."""
        return from_fen(self.totals.overdue)


def summarise(data: ContractData, due_dates: dict[int, dt.date | None], today: dt.date) -> ContractPayments:
    """The payment picture of ``data`` (with its payments) given each installment's due date by seq."""
    by_installment = paid_amounts(data.payments)
    lines = []
    for installment in data.installments:
        due = installment_amount(installment, data.total_amount)
        status = installment_status(None if due is None else to_fen(due), due_dates.get(installment.seq),
                                    by_installment.get(installment.seq, []), today)
        lines.append(InstallmentLine(installment, status))
    untied = sum(to_fen(p.amount) for p in data.payments if p.installment_seq is None
                 or p.installment_seq not in {i.seq for i in data.installments})
    totals = contract_totals([line.status for line in lines], untied)
    return ContractPayments(data, lines, sorted(data.payments, key=lambda p: p.seq), totals)


def contract_payments(session: Session, contract_id: int, today: dt.date) -> ContractPayments:
    """The payment picture of the stored contract ``contract_id`` on ``today``, under its terms in force
    that day (an amendment not yet in force is not applied: ``services.amendments.today``).
    Raises ``ContractError`` if it does not exist."""
    data = in_force_of(session, load(session, contract_id), contract_id, today)
    due_dates: dict[int, dt.date | None] = {}
    for deadline in contract_deadlines(session, contract_id, today=today, reminder_days=0, data=data):
        if deadline.kind == "installment" and deadline.seq is not None:
            due_dates[deadline.seq] = deadline.due
    for installment in data.installments:
        due_dates.setdefault(installment.seq, installment.due_date)
    return summarise(data, due_dates, today)
