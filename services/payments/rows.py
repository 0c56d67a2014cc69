"""A contract's payments in the store: load, replace (ledger import), and the installment columns
kept from them.

``Installment.paid_amount`` / ``paid_date`` are what the list, the calendar and the agenda read:
for an installment with payments, the sum paid (yuan) and the date it became fully paid
(``services.payments.states``; None while partly paid). An installment without payments keeps
what was marked on it (a deadline marked paid in the agenda). Imports nothing of
``services.register.contracts`` (which loads payments through here).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.contract import Contract, Installment
from models.payments import Payment
from services.checks.contract import installment_amount
from services.money import from_fen, to_fen
from services.payments.states import PaidAmount, installment_status
from services.register.contract_data import PaymentData

_FIELDS = ("seq", "paid_date", "amount", "installment_seq", "payer_role", "payee_role", "invoice_no",
           "voucher_no", "note")


def to_payment_data(row: Payment) -> PaymentData:
    """A session-free copy of one stored payment."""
    return PaymentData(**{name: getattr(row, name) for name in _FIELDS})


def load_payments(session: Session, contract_id: int) -> list[PaymentData]:
    """The payments of a contract, by ``seq``."""
    rows = session.scalars(select(Payment).where(Payment.contract_id == contract_id).order_by(Payment.seq))
    return [to_payment_data(row) for row in rows]


def replace_payments(session: Session, contract_id: int, payments: Sequence[PaymentData]) -> None:
    """Replace a contract's payments with ``payments`` (a ledger import), then re-derive the
    installments' paid columns (``refresh_installments``) — also of those whose payments went."""
    before = set(session.scalars(select(Payment.installment_seq).where(Payment.contract_id == contract_id)))
    session.execute(delete(Payment).where(Payment.contract_id == contract_id))
    for payment in payments:
        session.add(Payment(contract_id=contract_id, **{name: getattr(payment, name) for name in _FIELDS}))
    session.flush()
    refresh_installments(session, contract_id, cleared={seq for seq in before if seq is not None})


def paid_amounts(payments: Sequence[PaymentData]) -> dict[int, list[PaidAmount]]:
    """Installment seq → its payments as the state rules take them (fen); untied payments left out."""
    by_installment: dict[int, list[PaidAmount]] = defaultdict(list)
    for payment in payments:
        if payment.installment_seq is not None:
            by_installment[payment.installment_seq].append(
                PaidAmount(payment.paid_date, to_fen(payment.amount), payment.seq))
    return by_installment


def refresh_installments(session: Session, contract_id: int, *, cleared: set[int] | frozenset[int] = frozenset(),
                         today: dt.date | None = None) -> None:
    """Set ``paid_amount`` / ``paid_date`` of each installment of the contract that has payments
    (sum paid, date fully paid); those in ``cleared`` (seq) that no longer have any get None."""
    contract = session.get(Contract, contract_id)
    if contract is None:
        return
    by_installment = paid_amounts(load_payments(session, contract_id))
    day = today or dt.date.today()
    for installment in session.scalars(select(Installment).where(Installment.contract_id == contract_id)):
        paid = by_installment.get(installment.seq)
        if paid:
            due = installment_amount(installment, contract.total_amount)
            status = installment_status(None if due is None else to_fen(due), installment.due_date, paid, day)
            installment.paid_amount = from_fen(status.paid_fen)
            installment.paid_date = status.paid_on
        elif installment.seq in cleared:
            installment.paid_amount = None
            installment.paid_date = None
    session.flush()
