"""The terms in force today: what the register's figures read when an amendment is not yet in force.

The store keeps a contract's rows *as amended by every recorded amendment* (``register.record``),
also one whose effective date is still ahead. Figures that act on a day — the deadlines of the
agenda and calendar, the list's "next due", its total and term — must not use a pending
amendment's terms before its effective date (issue 16: "figures follow the amendment from its
effective date"). This module finds the contracts with a pending amendment and gives their
terms in force on a day (``in_force_terms``: the pending amendments taken back, last first).

Import-light on purpose: ``services.register.contracts`` uses it when it refreshes the list's
columns, so it reads the amendment tables itself and is handed the loaded contract. Qt-free.
"""

from __future__ import annotations

import datetime as dt
import logging
import weakref
from dataclasses import dataclass

from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session, selectinload

from models.amendments import Amendment
from services.amendments.changes import AmendmentData, ChangeData, ChangeError, revert
from services.checks.contract import installment_amount
from services.money import from_fen, to_fen
from services.payments.rows import paid_amounts
from services.payments.states import installment_status
from services.register.contract_data import ContractData

__all__ = ["Pending", "applied_pending", "in_force_of", "in_force_terms", "pending", "pending_ids", "recorded",
           "terms_on"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pending:
    """An amendment recorded but not yet in force on the day asked: its number and effective date."""

    amendment_no: str
    effective: dt.date


def in_force_terms(current: ContractData, amendments: list[AmendmentData], day: dt.date) -> ContractData:
    """The contract as in force on ``day``: ``current`` (as amended by all of ``amendments``, in the
    order recorded) with every amendment effective after ``day`` taken back, last first. A new
    object (``current`` is left as it is). Raises ``ChangeError`` when the contract no longer holds
    what a pending amendment made of it (the officer overwrote a field it changed)."""
    result = current
    for amendment in reversed(amendments):
        if amendment.effective > day:
            result = revert(result, amendment)
    if result is current:
        import copy

        result = copy.deepcopy(current)
    return result


def _to_data(row: Amendment) -> AmendmentData:
    return AmendmentData(
        amendment_no=row.amendment_no, sign_date=row.sign_date, effective_date=row.effective_date, text=row.text,
        position=row.position,
        changes=[ChangeData(seq=c.seq, target=c.target, target_key=c.target_key, field=c.field, action=c.action,
                            old_value=c.old_value, new_value=c.new_value, text=c.text) for c in row.changes],
    )


def recorded(session: Session, contract_id: int) -> list[AmendmentData]:
    """The amendments of contract ``contract_id`` in the order recorded, with their changes."""
    rows = session.scalars(select(Amendment).where(Amendment.contract_id == contract_id)
                           .options(selectinload(Amendment.changes)).order_by(Amendment.position))
    return [_to_data(row) for row in rows]


def _has_table(session: Session) -> bool:
    """Whether the store has the amendment tables (revision 0014 on; a store opened at an earlier
    revision — a test of an upgrade — has no amendment). Asked until the answer is yes, per engine."""
    engine = session.get_bind().engine
    if engine not in _TABLES:  # only a yes is remembered: an upgrade may add the tables later
        if not inspect(engine).has_table(Amendment.__tablename__):
            return False
        _TABLES[engine] = True
    return True


_TABLES: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def pending_ids(session: Session, day: dt.date, contract_ids: list[int] | None = None) -> set[int]:
    """The contracts (of ``contract_ids``, else all) with an amendment effective after ``day``."""
    if not _has_table(session):
        return set()
    query = select(Amendment.contract_id).where(Amendment.effective_date > day).distinct()
    if contract_ids is not None:
        query = query.where(Amendment.contract_id.in_(contract_ids))
    return set(session.scalars(query))


def pending(session: Session, contract_ids: list[int], day: dt.date) -> dict[int, list[Pending]]:
    """The amendments of ``contract_ids`` effective after ``day``, by contract, earliest first."""
    found: dict[int, list[Pending]] = {}
    if not contract_ids or not _has_table(session):
        return found
    rows = session.execute(select(Amendment.contract_id, Amendment.amendment_no, Amendment.effective_date)
                           .where(Amendment.contract_id.in_(contract_ids), Amendment.effective_date > day)
                           .order_by(Amendment.effective_date, Amendment.position))
    for contract_id, number, effective in rows:
        found.setdefault(contract_id, []).append(Pending(number, effective))
    return found


def in_force_of(session: Session, current: ContractData, contract_id: int, day: dt.date) -> ContractData:
    """The stored contract ``contract_id`` — ``current``, as ``services.register.contracts.load`` reads
    it — as in force on ``day``: ``current`` itself when no amendment of it is effective after ``day``.
    When a pending amendment cannot be taken back (a field it changed was overwritten since) the
    stored terms are returned and the fact is logged; the Amendments tab says so to the officer."""
    return terms_on(current, recorded(session, contract_id), day)


def terms_on(current: ContractData, amendments: list[AmendmentData], day: dt.date) -> ContractData:
    """``current`` (the stored contract, as amended by all of ``amendments``) as in force on ``day``,
    without a session: ``current`` itself when none of them is effective after ``day``, else a copy
    with those taken back (``in_force_terms``) and the installments' paid columns under these terms.
    When a pending amendment cannot be taken back (a field it changed was overwritten since) the
    stored terms are returned and the fact is logged (``applied_pending`` tells the caller)."""
    if not any(a.effective > day for a in amendments):
        return current
    try:
        terms = in_force_terms(current, amendments, day)
    except ChangeError as error:
        log.warning("contract %s: pending amendment cannot be taken back (%s); stored terms used",
                    current.contract_no, error)
        return current
    terms.version = current.version
    _paid_under(terms, day)
    return terms


def applied_pending(current: ContractData, amendments: list[AmendmentData], day: dt.date) -> bool:
    """True when ``terms_on`` could not take back the amendments pending on ``day`` (the stored terms,
    with their changes, are what it gives)."""
    if not any(a.effective > day for a in amendments):
        return False
    try:
        in_force_terms(current, amendments, day)
    except ChangeError:
        return True
    return False


def _paid_under(terms: ContractData, day: dt.date) -> None:
    """The installments' paid columns of ``terms`` derived from its payments under these terms (the
    store derives them under the amended amounts: a pending raise of the total would make an
    installment paid in full today look partly paid — and its deadline open — before it applies)."""
    by_installment = paid_amounts(terms.payments)
    for item in terms.installments:
        paid = by_installment.get(item.seq)
        if paid:
            due = installment_amount(item, terms.total_amount)
            status = installment_status(None if due is None else to_fen(due), item.due_date, paid, day)
            item.paid_amount = from_fen(status.paid_fen)
            item.paid_date = status.paid_on
