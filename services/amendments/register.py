"""Recording supplementary agreements (补充协议) in the store and reading the contract as of a date.

The contract's own rows hold the terms as amended: ``record`` applies an amendment's changes to
them through the register's writer (version claimed, list columns and checks refreshed) and
keeps the amendment with its changes — one transaction, one history entry (``amendment``) and
the change announcement (``services.history.changes``). ``as_of`` takes back the amendments
effective after a date, last first: the contract before the first amendment's effective date
is the original. Qt-free.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from models.amendments import Amendment, AmendmentChange
from models.contract import Contract
from services import history as history_log
from services.amendments.changes import AmendmentData, ChangeData, apply, revert
from services.amendments.paid import check_payments
from services.amendments.today import in_force_terms
from services.errors import UserError, define
from services.history import HistoryAction
from services.payments.rows import refresh_installments
from services.register import contracts
from services.register.contract_data import ContractData
from services.register.diff import contract_diff

DUPLICATE = define(
    "AMENDMENT_DUPLICATE",
    "合同 {contract_no} 已有补充协议 {amendment_no}",
    "Contract {contract_no} already has amendment {amendment_no}",
)
EMPTY = define(
    "AMENDMENT_EMPTY",
    "补充协议 {amendment_no} 没有变更任何内容",
    "Amendment {amendment_no} changes nothing",
)
DATES = define(
    "AMENDMENT_DATES",
    "补充协议 {amendment_no} 的生效日期早于签订日期",
    "Amendment {amendment_no} takes effect before it is signed",
)
NOT_FOUND = define(
    "AMENDMENT_NOT_FOUND",
    "合同 {contract_no} 没有补充协议 {amendment_no}",
    "Contract {contract_no} has no amendment {amendment_no}",
)


def record(session: Session, contract_id: int, amendment: AmendmentData, *, version: int | None) -> int:
    """Record ``amendment`` of contract ``contract_id`` and apply its changes; returns the amendment's id.

    ``version``: the contract's version the changes were made against (None: whatever it is now — an
    import). Raises ``ConflictError`` / ``ContractDeletedError`` as ``contracts.save`` does,
    ``UserError`` (``AMENDMENT_DUPLICATE``, ``AMENDMENT_EMPTY``, ``AMENDMENT_DATES``),
    ``PaidInstallmentError`` for an installment with payments removed or made worth less than them
    (``services.amendments.paid``; the paid columns follow the new amounts otherwise) and
    ``ChangeError`` for a change that does not apply (wrong ``old_value`` …). Records one history
    entry ``amendment`` with the field-level changes and the amendment's number."""
    new_version = contracts.claim_version(session, contract_id, version)
    before = contracts.load(session, contract_id)
    if not amendment.changes:
        raise UserError(EMPTY, amendment_no=amendment.amendment_no)
    if amendment.effective < amendment.sign_date:
        raise UserError(DATES, amendment_no=amendment.amendment_no)
    taken = session.scalar(select(Amendment.id).where(Amendment.contract_id == contract_id,
                                                      Amendment.amendment_no == amendment.amendment_no))
    if taken is not None:
        raise UserError(DUPLICATE, contract_no=before.contract_no, amendment_no=amendment.amendment_no)
    after = apply(before, amendment)
    check_payments(before, after, amendment, before.payments)  # what was paid stays paid (services.amendments.paid)
    contract = session.get(Contract, contract_id, populate_existing=True)
    assert contract is not None  # claim_version found it
    contracts.write_header(contract, after)
    contracts.replace_children(session, contract, after, tables=tuple(contracts._CHILD_TYPES))
    refresh_installments(session, contract_id)  # paid columns under the new amounts
    position = (session.scalar(select(func.max(Amendment.position)).where(Amendment.contract_id == contract_id))
                or 0) + 1
    row = Amendment(contract_id=contract_id, amendment_no=amendment.amendment_no, sign_date=amendment.sign_date,
                    effective_date=amendment.effective, position=position, text=amendment.text)
    row.changes = [AmendmentChange(seq=c.seq, target=c.target, target_key=c.target_key, field=c.field,
                                   action=c.action, old_value=c.old_value, new_value=c.new_value, text=c.text)
                   for c in amendment.changes]
    session.add(row)
    session.flush()
    # After the amendment is stored: the list's next due follows the terms in force today (an
    # amendment effective later does not move it yet: services.amendments.today).
    contracts.refresh_list_columns(session, contract, after)
    details = contract_diff(before, contracts.load(session, contract_id))
    details["amendment"] = {"amendment_no": amendment.amendment_no, "sign_date": amendment.sign_date.isoformat(),
                            "effective_date": amendment.effective.isoformat(), "changes": len(amendment.changes)}
    history_log.record(session, HistoryAction.AMENDMENT, contract_id=contract_id, contract_no=before.contract_no,
                       contract_version=new_version, details=details)
    amendment.position = position
    return row.id


def amendments(session: Session, contract_id: int) -> list[AmendmentData]:
    """The amendments of contract ``contract_id`` in the order they were recorded, with their changes."""
    rows = session.scalars(select(Amendment).where(Amendment.contract_id == contract_id)
                           .options(selectinload(Amendment.changes)).order_by(Amendment.position))
    return [to_data(row) for row in rows]


def to_data(row: Amendment) -> AmendmentData:
    """A session-free copy of a stored amendment."""
    return AmendmentData(
        amendment_no=row.amendment_no, sign_date=row.sign_date, effective_date=row.effective_date, text=row.text,
        position=row.position,
        changes=[ChangeData(seq=c.seq, target=c.target, target_key=c.target_key, field=c.field, action=c.action,
                            old_value=c.old_value, new_value=c.new_value, text=c.text) for c in row.changes],
    )


def find(session: Session, contract_id: int, amendment_no: str) -> AmendmentData:
    """The amendment numbered ``amendment_no`` of contract ``contract_id``.
    Raises ``UserError`` (``AMENDMENT_NOT_FOUND``)."""
    for item in amendments(session, contract_id):
        if item.amendment_no == amendment_no:
            return item
    number = session.scalar(select(Contract.contract_no).where(Contract.id == contract_id))
    raise UserError(NOT_FOUND, contract_no=number or f"#{contract_id}", amendment_no=amendment_no)


def as_of(current: ContractData, recorded: list[AmendmentData], day: dt.date) -> ContractData:
    """The contract as in force on ``day``: ``current`` (as amended by all of ``recorded``, in their
    order) with the amendments effective after ``day`` taken back, last first. A new object
    (``services.amendments.today.in_force_terms``)."""
    return in_force_terms(current, recorded, day)


def before(current: ContractData, recorded: list[AmendmentData], amendment_no: str) -> ContractData:
    """The contract just before the amendment numbered ``amendment_no`` (the ones recorded after it and
    it taken back). Raises ``KeyError`` if there is no such amendment."""
    index = next(i for i, a in enumerate(recorded) if a.amendment_no == amendment_no)
    result = current
    for amendment in reversed(recorded[index:]):
        result = revert(result, amendment)
    return result


def in_force(recorded: list[AmendmentData], day: dt.date) -> list[AmendmentData]:
    """The amendments effective on or before ``day`` (those whose terms apply that day)."""
    return [a for a in recorded if a.effective <= day]


def load_as_of(session: Session, contract_id: int, day: dt.date) -> ContractData:
    """The stored contract ``contract_id`` as in force on ``day`` (see ``as_of``)."""
    return as_of(contracts.load(session, contract_id), amendments(session, contract_id), day)
