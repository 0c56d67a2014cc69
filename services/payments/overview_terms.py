"""The overview's contracts with an amendment not yet in force on its day, under the terms in force
that day (issue 16: "figures follow the amendment from its effective date").

The store keeps a contract's rows as amended by every recorded amendment, also one effective after
the overview's day (``services.amendments.today``). The overview's SQL (``overview``,
``overview_detail``) therefore leaves those few contracts out (``exclude``) and this module gives
their figures from their terms in force that day (``services.amendments.today.in_force_of``:
total, term, installments and their paid columns, bonds), row by row as the SQL computes them —
amounts in integer fen, an installment's amount its stated ``amount`` else ``percent`` × total
rounded half up (``services.checks.contract.installment_amount``). An overview asked for a day on
or after the effective date finds no such amendment and reads the amended terms from the store.
Qt-free.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.contract import Contract
from services.amendments.today import in_force_of, pending_ids
from services.checks.contract import installment_amount
from services.money import to_fen
from services.register import contracts as contract_service
from services.register.contract_data import ContractData

__all__ = ["InForce", "TermsInstallment", "exclude", "in_force_contracts", "installments", "matches", "status"]


@dataclass(frozen=True)
class InForce:
    """One contract with a pending amendment: its id, its terms in force on the day (``data``) and
    ``counterparty`` as the list keeps it (the suppliers' names joined with 、)."""

    contract_id: int
    data: ContractData
    counterparty: str


@dataclass(frozen=True)
class TermsInstallment:
    """One installment of an ``InForce`` contract as the overview's SQL reads a row: ``due_fen`` its
    amount in fen (None: not measurable), ``paid_fen`` what its payments paid (fen), ``out_fen``
    outstanding = max(due − paid, 0) (fen, an unmeasurable amount counting as 0)."""

    contract: InForce
    seq: int
    name: str | None
    due_date: dt.date | None
    due_fen: int | None
    paid_fen: int
    out_fen: int


def status(data: ContractData, today: dt.date) -> str:
    """The contract's status as the overview filters on it: the stored one, else ``draft`` (not
    signed), ``completed`` (term ended before ``today``) or ``active`` (the list's rule)."""
    if data.status:
        return data.status
    if data.sign_date is None:
        return "draft"
    if data.end_date is not None and data.end_date < today:
        return "completed"
    return "active"


def matches(item: InForce, today: dt.date, year: int | None, supplier: str | None, wanted: str | None) -> bool:
    """Whether ``item`` passes the overview's filter (year of signing, part of a supplier's name
    case-insensitive, status) under its terms in force on ``today``."""
    data = item.data
    if year is not None and (data.sign_date is None or data.sign_date.year != year):
        return False
    if supplier and supplier.lower() not in item.counterparty.lower():
        return False
    return not (wanted and status(data, today) != wanted)


def in_force_contracts(session: Session, today: dt.date) -> tuple[set[int], list[InForce]]:
    """The contracts (any, also in the Trash) with an amendment effective after ``today`` — the
    ids the overview's SQL leaves out — and those not in the Trash under their terms in force on
    ``today``, by contract number."""
    ids = pending_ids(session, today)
    if not ids:
        return ids, []
    live = session.scalars(select(Contract.id).where(Contract.id.in_(ids), Contract.deleted_at.is_(None))
                           .order_by(Contract.contract_no))
    found = []
    for contract_id in live:
        data = in_force_of(session, contract_service.load(session, contract_id), contract_id, today)
        counterparty, _search = contract_service.list_columns(data.parties, data.contract_no, data.title)
        found.append(InForce(contract_id, data, counterparty))
    return ids, found


def exclude(where: str, ids: set[int]) -> str:
    """``where`` (an SQL condition on contracts ``c``) also leaving out the contracts ``ids``."""
    if not ids:
        return where
    return f"{where} AND c.id NOT IN ({', '.join(str(int(i)) for i in sorted(ids))})"


def installments(item: InForce) -> list[TermsInstallment]:
    """The installments of ``item`` under its terms in force, by number."""
    rows = []
    for installment in sorted(item.data.installments, key=lambda i: i.seq):
        due = installment_amount(installment, item.data.total_amount)
        due_fen = None if due is None else to_fen(due)
        paid_fen = 0 if installment.paid_amount is None else to_fen(installment.paid_amount)
        rows.append(TermsInstallment(item, installment.seq, installment.name, installment.due_date, due_fen,
                                     paid_fen, max((due_fen or 0) - paid_fen, 0)))
    return rows
