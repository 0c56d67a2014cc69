"""The register's identity and versions: which contract a number names (outside the Trash), the
errors of a contract that is missing, in the Trash, or written since it was loaded, and taking
a contract's next version (optimistic concurrency).

Apart from ``services.register.contracts`` so that ``services.register.trash`` and the
contracts' use cases can both build on it without importing each other.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.contract import Contract
from services import history as history_log
from services.errors import UserError, define
from services.history import HistoryRow

__all__ = ["LIVE", "ConflictError", "ContractDeletedError", "ContractError", "ContractInTrashError",
           "ContractNotFoundError", "DuplicateContractError",
           "claim_version", "current_version", "find_id", "trashed_id"]


class ContractError(ValueError):
    """A contract that should exist does not, or one that should not exist does."""


CONFLICT = define(
    "CONTRACT_CONFLICT",
    "合同 {contract_no} 在您打开后已被 {user} 于 {when} 修改（{action}）；您的修改尚未保存，台账中的版本未被覆盖。",
    "Contract {contract_no} was changed by {user} at {when} ({action}) after you opened it; your changes are "
    "not saved yet, and the register's version was not overwritten.",
)
TRASHED_SINCE = define(
    "CONTRACT_TRASHED_SINCE",
    "合同 {contract_no} 在您打开后已被移至回收站；可将您的修改另存为新合同，或先从回收站还原。",
    "Contract {contract_no} was moved to the Trash after you opened it; save your changes as a new contract, "
    "or restore it from the Trash first.",
)
PURGED_SINCE = define(
    "CONTRACT_PURGED_SINCE",
    "合同 {contract_no} 已被永久删除；可将您的修改另存为新合同。",
    "Contract {contract_no} was deleted permanently; save your changes as a new contract.",
)
IN_TRASH = define(
    "CONTRACT_IN_TRASH",
    "合同 {contract_no} 在回收站中；请先还原或永久删除该合同。",
    "Contract number {contract_no} belongs to a contract in the Trash; restore it or delete it permanently first.",
)


class ConflictError(UserError, ContractError):
    """``save`` refused: the contract was written since the version the caller loaded.

    ``changes``: the history entries since that version, oldest first (``HistoryRow``: when,
    who, action, field-level details); ``latest`` the one that made the stored version (None if the
    history has none: a store written before revision 0005 has no entries); the message names it.
    Code ``CONTRACT_CONFLICT``."""

    def __init__(self, contract_no: str, changes: list[HistoryRow], current_version: int | None = None) -> None:
        self.changes = changes
        # writes that do not move the version (an event recorded) are logged at the current one, after it
        latest = next((row for row in changes if row.contract_version == current_version),
                      changes[-1] if changes else None)
        self.latest = latest
        super().__init__(
            CONFLICT, contract_no=contract_no,
            user=latest.user if latest else "?",
            when=latest.at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if latest else "?",
            action=str(latest.action) if latest else "?",
        )


class ContractDeletedError(UserError, ContractError):
    """``save`` refused: the contract was moved to the Trash (``trashed`` True, code
    ``CONTRACT_TRASHED_SINCE``) or deleted permanently (or never existed: code
    ``CONTRACT_PURGED_SINCE``) since it was loaded. The window can offer "Save as a new contract"."""

    def __init__(self, contract_no: str, *, trashed: bool) -> None:
        self.trashed = trashed
        super().__init__(TRASHED_SINCE if trashed else PURGED_SINCE, contract_no=contract_no)


class ContractInTrashError(UserError, ContractError):
    """The contract number belongs to a contract in the Trash (code ``CONTRACT_IN_TRASH``): it
    cannot be created, imported, opened by number or renamed to until restored or purged."""

    def __init__(self, contract_no: str) -> None:
        super().__init__(IN_TRASH, contract_no=contract_no)


NOT_FOUND = define("CONTRACT_NOT_FOUND", "台账中没有编号为 {contract_no} 的合同",
                   "no contract numbered '{contract_no}' in the store")
NOT_FOUND_ID = define("CONTRACT_ID_NOT_FOUND", "台账中没有这份合同（编号 #{contract_id}）",
                      "no contract with id {contract_id}")
DUPLICATE = define("CONTRACT_DUPLICATE", "合同编号 {contract_no} 已在台账中",
                   "contract '{contract_no}' is already in the store")


class ContractNotFoundError(UserError, ContractError):
    """No contract with that number (``CONTRACT_NOT_FOUND``) or id (``CONTRACT_ID_NOT_FOUND``)."""

    def __init__(self, *, contract_no: str | None = None, contract_id: int | None = None) -> None:
        if contract_no is not None:
            super().__init__(NOT_FOUND, contract_no=contract_no)
        else:
            super().__init__(NOT_FOUND_ID, contract_id=contract_id)


class DuplicateContractError(UserError, ContractError):
    """A new contract with a number the register already has (``CONTRACT_DUPLICATE``)."""

    def __init__(self, contract_no: str) -> None:
        super().__init__(DUPLICATE, contract_no=contract_no)


#: The contracts not in the Trash (a WHERE clause for every query of the register).
LIVE = Contract.deleted_at.is_(None)


def find_id(session: Session, contract_no: str) -> int | None:
    """The id of the contract numbered ``contract_no`` (not in the Trash), or None."""
    return session.scalar(select(Contract.id).where(Contract.contract_no == contract_no, LIVE))


def trashed_id(session: Session, contract_no: str) -> int | None:
    """The id of the contract numbered ``contract_no`` if it is in the Trash, else None."""
    return session.scalar(select(Contract.id).where(Contract.contract_no == contract_no,
                                                    Contract.deleted_at.is_not(None)))


def claim_version(session: Session, contract_id: int, expected: int | None) -> int:
    """Take the next version of contract ``contract_id`` if it is (not in the Trash and) still at
    ``expected``; returns the new version. ``expected`` None: whatever version it is at (writers
    that do not start from a loaded copy: import, mark done, delete). Raises
    ``ContractDeletedError`` (in the Trash, or absent) and ``ConflictError`` (another version)."""
    table = Contract.__table__
    query = update(table).where(table.c.id == contract_id, table.c.deleted_at.is_(None))
    if expected is not None:
        query = query.where(table.c.version == expected)
    new = session.execute(query.values(version=table.c.version + 1).returning(table.c.version)).scalar()
    if new is not None:
        return int(new)
    found = session.execute(select(table.c.contract_no, table.c.version, table.c.deleted_at)
                            .where(table.c.id == contract_id)).first()
    if found is None:
        numbers = history_log.history(session, contract_id=contract_id, limit=1)
        number = numbers[-1].contract_no if numbers else None
        raise ContractDeletedError(number or f"#{contract_id}", trashed=False)
    if found.deleted_at is not None:
        raise ContractDeletedError(found.contract_no, trashed=True)
    since = history_log.history(session, contract_id=contract_id, after_version=expected)
    raise ConflictError(found.contract_no, since, found.version)


def current_version(session: Session, contract_id: int) -> int | None:
    """The stored version of contract ``contract_id`` (in the Trash or not), None if it is gone."""
    return session.scalar(select(Contract.version).where(Contract.id == contract_id))
