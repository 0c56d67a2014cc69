"""The Trash: deleting a contract moves it here; it can be restored with every row, or purged.

A contract in the Trash keeps all its rows (parties, lines, installments, articles, milestones,
bonds, clauses, events, done marks, saved calculations) and its number, marked by
``Contract.deleted_at`` (UTC) and ``deleted_by``; it is out of the list, the agenda, the checks
and the export (``services.register.contracts.LIVE``). Its number stays taken: creating or
importing a contract with it raises ``ContractInTrashError`` (restore or purge it first — our
choice over a silent restore-and-update, so nothing comes back without the officer asking).

Each function works in the caller's transaction, records its history entry (``delete``,
``restore``, ``purge``) and so adds its ``Changes`` to the session (``services.history.changes``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.contract import Contract
from services import history as history_log
from services.errors import UserError, define
from services.history import HistoryAction
from services.register.versions import (
    ContractError,
    ContractInTrashError,
    ContractNotFoundError,
    claim_version,
    find_id,
    trashed_id,
)

NOT_IN_TRASH = define(
    "CONTRACT_NOT_IN_TRASH",
    "合同 {contract_no} 不在回收站中。",
    "Contract {contract_no} is not in the Trash.",
)
UNKNOWN_NUMBER = define(
    "CONTRACT_UNKNOWN",
    "没有编号为 {contract_no} 的合同（台账和回收站中都没有）。",
    "No contract numbered {contract_no} (neither in the register nor in the Trash).",
)


class NotInTrashError(UserError, ContractError):
    """``restore`` or ``purge`` of a contract that is not in the Trash (code ``CONTRACT_NOT_IN_TRASH``)."""

    def __init__(self, contract_no: str) -> None:
        super().__init__(NOT_IN_TRASH, contract_no=contract_no)


class UnknownContractError(UserError, ContractError):
    """No contract has this number, in the register or in the Trash (code ``CONTRACT_UNKNOWN``)."""

    def __init__(self, contract_no: str) -> None:
        super().__init__(UNKNOWN_NUMBER, contract_no=contract_no)


@dataclass(frozen=True)
class TrashRow:
    """A contract in the Trash: ``deleted_at`` aware UTC (show with ``.astimezone()``), ``deleted_by`` the user."""

    id: int
    contract_no: str
    title: str
    deleted_at: dt.datetime
    deleted_by: str | None


def _get(session: Session, contract_id: int) -> Contract:
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise ContractNotFoundError(contract_id=contract_id)
    return contract


def move_to_trash(session: Session, contract_id: int) -> None:
    """Move contract ``contract_id`` to the Trash (now, by ``history.actor``); history ``delete``.
    Raises ``ContractError`` if absent, ``ContractInTrashError`` if it is in the Trash already."""
    contract = _get(session, contract_id)
    if contract.deleted_at is not None:
        raise ContractInTrashError(contract.contract_no)
    version = claim_version(session, contract_id, None)
    who = history_log.actor(session)
    now = history_log.utc_now()
    session.execute(update(Contract).where(Contract.id == contract_id)
                    .values(deleted_at=now.replace(tzinfo=None), deleted_by=who))
    history_log.record(session, HistoryAction.DELETE, contract_id=contract_id, contract_no=contract.contract_no,
                       contract_version=version, user=who, at=now)


def restore(session: Session, contract_id: int) -> None:
    """Bring contract ``contract_id`` back from the Trash with every row it had; history
    ``restore``. Raises ``ContractError`` if absent, ``NotInTrashError`` if not in the Trash."""
    contract = _get(session, contract_id)
    if contract.deleted_at is None:
        raise NotInTrashError(contract.contract_no)
    session.execute(update(Contract).where(Contract.id == contract_id)
                    .values(deleted_at=None, deleted_by=None, version=Contract.version + 1))
    session.refresh(contract)
    history_log.record(session, HistoryAction.RESTORE, contract_id=contract_id, contract_no=contract.contract_no,
                       contract_version=contract.version)


def purge(session: Session, contract_id: int) -> None:
    """Delete contract ``contract_id`` permanently with all its rows (only from the Trash: delete it
    first); its history stays, with its number; history ``purge``. Raises ``ContractError`` if
    absent, ``NotInTrashError`` if not in the Trash."""
    contract = _get(session, contract_id)
    if contract.deleted_at is None:
        raise NotInTrashError(contract.contract_no)
    number, version = contract.contract_no, contract.version
    session.delete(contract)
    session.flush()
    history_log.record(session, HistoryAction.PURGE, contract_id=contract_id, contract_no=number,
                       contract_version=version)


def trash_rows(session: Session) -> list[TrashRow]:
    """The contracts in the Trash, most recently deleted first."""
    query = (select(Contract.id, Contract.contract_no, Contract.title, Contract.deleted_at, Contract.deleted_by)
             .where(Contract.deleted_at.is_not(None)).order_by(Contract.deleted_at.desc(), Contract.id.desc()))
    return [TrashRow(row.id, row.contract_no, row.title, row.deleted_at.replace(tzinfo=dt.UTC), row.deleted_by)
            for row in session.execute(query)]


def trashed_by_no(session: Session, contract_no: str) -> int:
    """The id of the contract numbered ``contract_no`` in the Trash. Raises ``NotInTrashError``
    if it is in the register, ``UnknownContractError`` if no contract has the number."""
    found = trashed_id(session, contract_no)
    if found is not None:
        return found
    if find_id(session, contract_no) is not None:
        raise NotInTrashError(contract_no)
    raise UnknownContractError(contract_no)
