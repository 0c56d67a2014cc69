"""The one writer of payments: record, change and remove a payment of a contract.

Each call is part of the caller's transaction (``Store.session(write=True)`` — one user action).
A payment is recorded beside the contract, like an event (it does not take the contract's next
version: an editor open on the contract keeps working — its save re-derives the installments'
paid columns from the payments, ``services.register.contracts.save``); it re-derives the
installments' paid columns and the list's columns, and records history ``payment`` (details: ``action``
``add``/``change``/``remove``, the payment before and after), whose ``Changes`` (contracts,
deadlines) the window announces.

Errors (``UserError``, translated): ``PAYMENT_AMOUNT`` (not > 0 or more than two decimals),
``PAYMENT_NO_INSTALLMENT`` (the contract has no such installment), ``PAYMENT_ROLE`` (not 甲方…戊方),
``PAYMENT_NOT_FOUND``; ``ContractError`` when the contract does not exist.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.contract import ROLES, Contract, Installment
from models.payments import Payment
from services import history as history_log
from services.amendments import today as amendments_today
from services.checks.contract import installment_amount
from services.errors import UserError, define
from services.history import HistoryAction
from services.money import FEN, from_fen, to_fen
from services.payments.rows import load_payments, refresh_installments, to_payment_data
from services.register.contract_data import PaymentData
from services.register.contracts import ContractNotFoundError, load, refresh_list_columns

BAD_AMOUNT = define("PAYMENT_AMOUNT", "付款金额须大于 0 且最多两位小数：{amount}",
                    "a payment amount must be above 0 with at most two decimals: {amount}")
NO_INSTALLMENT = define("PAYMENT_NO_INSTALLMENT", "合同 {contract_no} 没有第 {seq} 期付款",
                        "contract '{contract_no}' has no installment {seq}")
BAD_ROLE = define("PAYMENT_ROLE", "付款方或收款方须为甲方、乙方、丙方、丁方或戊方：{role}",
                  "payer and payee must be 甲方, 乙方, 丙方, 丁方 or 戊方: {role}")
NOT_FOUND = define("PAYMENT_NOT_FOUND", "合同 {contract_no} 没有第 {seq} 笔付款",
                   "contract '{contract_no}' has no payment {seq}")


class PaymentError(UserError, ValueError):
    """A payment that cannot be recorded as given (code and values say why)."""


def _contract(session: Session, contract_id: int) -> Contract:
    contract = session.get(Contract, contract_id)
    if contract is None or contract.deleted_at is not None:
        raise ContractNotFoundError(contract_id=contract_id)
    return contract


def remaining(session: Session, contract_id: int, installment_seq: int, *, except_seq: int | None = None,
              today: dt.date | None = None) -> Decimal:
    """What remains to pay of installment ``installment_seq`` in 元 (its amount less its payments,
    not counting payment ``except_seq``; never below 0.00; 0.00 when its amount cannot be measured).
    The amount is the installment's under the terms in force on ``today`` (default: the current date):
    an amendment signed but not yet in force does not change it yet (issue 16;
    ``services.amendments.today``). Raises ``PaymentError`` (``PAYMENT_NO_INSTALLMENT``)."""
    contract = _contract(session, contract_id)
    installment = session.scalar(select(Installment).where(Installment.contract_id == contract_id,
                                                           Installment.seq == installment_seq))
    if installment is None:
        raise PaymentError(NO_INSTALLMENT, contract_no=contract.contract_no, seq=installment_seq)
    due = installment_amount(installment, contract.total_amount)
    day = today or dt.date.today()
    if amendments_today.pending_ids(session, day, [contract_id]):
        terms = amendments_today.in_force_of(session, load(session, contract_id), contract_id, day)
        in_force = next((item for item in terms.installments if item.seq == installment_seq), None)
        if in_force is not None:  # one the pending amendment adds is measured as it will be
            due = installment_amount(in_force, terms.total_amount)
    if due is None:
        return Decimal("0.00")
    query = select(Payment.amount).where(Payment.contract_id == contract_id, Payment.installment_seq == installment_seq)
    if except_seq is not None:
        query = query.where(Payment.seq != except_seq)
    paid_fen = sum(to_fen(amount) for amount in session.scalars(query))
    return from_fen(max(to_fen(due) - paid_fen, 0))


def exceeds_remaining(session: Session, contract_id: int, payment: PaymentData, *,
                      today: dt.date | None = None) -> Decimal | None:
    """The amount (元) by which ``payment`` would exceed what remains of its installment on ``today``
    (``remaining``), or None when it does not (or pays no installment). The window asks the officer
    before recording it."""
    if payment.installment_seq is None:
        return None
    left = remaining(session, contract_id, payment.installment_seq, except_seq=payment.seq or None, today=today)
    return payment.amount - left if payment.amount > left else None


def _validate(session: Session, contract: Contract, payment: PaymentData) -> None:
    amount = payment.amount
    if not isinstance(amount, Decimal) or amount <= 0 or amount != amount.quantize(FEN):
        raise PaymentError(BAD_AMOUNT, amount=amount)
    for role in (payment.payer_role, payment.payee_role):
        if role is not None and role not in ROLES:
            raise PaymentError(BAD_ROLE, role=role)
    if payment.installment_seq is not None and session.scalar(
            select(Installment.id).where(Installment.contract_id == contract.id,
                                         Installment.seq == payment.installment_seq)) is None:
        raise PaymentError(NO_INSTALLMENT, contract_no=contract.contract_no, seq=payment.installment_seq)


def _finish(session: Session, contract: Contract, action: str, before: PaymentData | None,
            after: PaymentData | None, cleared: set[int], today: dt.date | None) -> None:
    refresh_installments(session, contract.id, cleared=cleared, today=today)
    refresh_list_columns(session, contract)
    session.flush()
    session.refresh(contract, ["version"])
    history_log.record(session, HistoryAction.PAYMENT, contract_id=contract.id, contract_no=contract.contract_no,
                       contract_version=contract.version,
                       details={"action": action,
                                "before": None if before is None else _json(before),
                                "after": None if after is None else _json(after)})


def _json(payment: PaymentData) -> dict[str, object]:
    return {name: history_log.json_value(value) for name, value in dataclasses.asdict(payment).items()}


def record_payment(session: Session, contract_id: int, payment: PaymentData, *,
                   today: dt.date | None = None) -> PaymentData:
    """Record ``payment`` on contract ``contract_id``: ``payment.seq`` 0 (or a seq not yet used) adds
    it — 0 takes the next number —, the seq of a stored payment replaces that one. Returns the payment
    as stored (its seq). Raises ``PaymentError`` / ``ContractError`` (see the module docstring);
    exceeding what remains is allowed (ask first: ``exceeds_remaining``)."""
    contract = _contract(session, contract_id)
    _validate(session, contract, payment)
    existing = None
    if payment.seq:
        existing = session.scalar(select(Payment).where(Payment.contract_id == contract_id, Payment.seq == payment.seq))
    before = None if existing is None else to_payment_data(existing)
    stored = dataclasses.replace(payment)
    if existing is None:
        if not stored.seq:
            stored.seq = (session.scalar(select(func.max(Payment.seq)).where(Payment.contract_id == contract_id))
                          or 0) + 1
        session.add(Payment(contract_id=contract_id, **dataclasses.asdict(stored)))
    else:
        for name, value in dataclasses.asdict(stored).items():
            setattr(existing, name, value)
    session.flush()
    cleared = {before.installment_seq} if before is not None and before.installment_seq is not None else set()
    _finish(session, contract, "add" if before is None else "change", before, stored, cleared, today)
    return stored


def remove_payment(session: Session, contract_id: int, seq: int, *, today: dt.date | None = None) -> PaymentData:
    """Remove payment ``seq`` of a contract (entered by mistake); returns it (for undo).
    Raises ``PaymentError`` (``PAYMENT_NOT_FOUND``) / ``ContractError``."""
    contract = _contract(session, contract_id)
    row = session.scalar(select(Payment).where(Payment.contract_id == contract_id, Payment.seq == seq))
    if row is None:
        raise PaymentError(NOT_FOUND, contract_no=contract.contract_no, seq=seq)
    before = to_payment_data(row)
    session.execute(delete(Payment).where(Payment.id == row.id))
    session.flush()
    cleared = {before.installment_seq} if before.installment_seq is not None else set()
    _finish(session, contract, "remove", before, None, cleared, today)
    return before


def payments_of(session: Session, contract_id: int) -> list[PaymentData]:
    """The payments of a contract by seq (``services.payments.rows.load_payments``)."""
    return load_payments(session, contract_id)
