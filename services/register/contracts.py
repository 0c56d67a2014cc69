"""The register's use cases over the store: list, load, save, delete contracts.

Every function takes an open ``Session``; the caller's ``Store.session()`` block is the
transaction (one user action). Raises ``ContractError`` for a missing or duplicate contract.

A safe system of record (revision 0005):

* optimistic concurrency — ``load`` gives the contract's ``version``; ``save`` of a contract
  written since (another window, the command line, an import, another process) raises
  ``ConflictError`` with what changed, when and by whom, and never overwrites it; a contract
  moved to the Trash or deleted permanently since raises ``ContractDeletedError``;
* the Trash — ``delete_contract`` moves a contract to the Trash (``services.register.trash``:
  ``restore``, ``purge``, ``trash_rows``); contracts in the Trash are out of the list
  (``search_ids``, ``list_rows``, ``count``, ``find_id``), the agenda, the checks and the
  export; creating or renaming a contract to a number in the Trash raises ``ContractInTrashError``;
* history — every write appends its ``services.history`` entry; ``services.history.changes(session)``
  gives the caller the ``Changes`` of the writes of its session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, delete, func, literal, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from models.contract import ROLES, Article, Contract, Installment, LineItem, Party
from models.obligations import Bond, Milestone
from models.penalty import PenaltyClause
from services import history as history_log
from services.amendments.today import in_force_of, pending_ids
from services.calendar.stored import keep_resolved_due_dates, stored_next_due
from services.checks.contract import Problem, check_contract, stored_level
from services.history import HistoryAction
from services.payments.rows import load_payments, refresh_installments
from services.register import list_terms, list_words, search_index
from services.register.contract_data import (
    ArticleData,
    BondData,
    ContractData,
    InstallmentData,
    LineItemData,
    MilestoneData,
    PartyData,
    PenaltyClauseData,
    scalar_fields,
)
from services.register.diff import contract_diff
from services.register.events import load_done_marks, load_events
from services.register.list_text import list_columns
from services.register.trash import move_to_trash
from services.register.versions import (
    LIVE,
    ConflictError,
    ContractDeletedError,
    ContractError,
    ContractInTrashError,
    ContractNotFoundError,
    DuplicateContractError,
    claim_version,
    find_id,
    trashed_id,
)

__all__ = [  # the versions' names too: callers know them as contracts.ContractError, contracts.find_id …
    "LIST_COLUMNS", "LIVE", "ConflictError", "ContractDeletedError", "ContractError", "ContractInTrashError",
    "ContractNotFoundError", "ContractRow", "DuplicateContractError", "claim_version", "count", "delete_contract",
    "find_id", "list_columns", "list_rows", "load",
    "load_by_no", "new_contract_id", "refresh_list_columns", "replace_children", "save", "search_ids",
    "status_expr", "to_data", "trashed_id", "write_header",
]

#: Sort keys of the contract list, by column name.
LIST_COLUMNS: tuple[str, ...] = (
    "contract_no", "title", "counterparty", "total_amount", "term", "status", "next_due",
)


@dataclass(frozen=True)
class ContractRow:
    """One row of the contract list: what the table shows (amounts in yuan)."""

    id: int
    contract_no: str
    title: str
    counterparty: str
    total_amount: Decimal
    start_date: dt.date | None
    end_date: dt.date | None
    status: str
    next_due: dt.date | None
    problem_level: int | None = None  # services.checks.contract: 0 none, 1 warnings, 2 errors, None not checked
    signed: bool = False  # a signed copy (附件 kind signed_copy) is kept with it (services.register.listing)
    #: The first amendment not yet in force (number, effective date): the row then shows the terms in
    #: force today (services.register.listing, services.amendments.today).
    pending: tuple[str, dt.date] | None = None


def status_expr(today: dt.date) -> Any:  # a CASE of status codes (str)
    """Stored status, else derived: no signing date → draft; past the end → completed; else active."""
    return case(
        (Contract.status.is_not(None), Contract.status),
        (Contract.sign_date.is_(None), literal("draft")),
        (Contract.end_date < today, literal("completed")),
        else_=literal("active"),
    )


def search_ids(
    session: Session, *, text: str = "", sort: str = "contract_no", descending: bool = False,
    today: dt.date | None = None, only_ids: list[int] | None = None, problems_only: bool = False,
) -> list[int]:
    """Ids of the contracts matching ``text`` (number, title, party names; case-insensitive),
    sorted by ``sort`` (one of ``LIST_COLUMNS``) in SQL. Ties are broken by contract number.
    ``problems_only``: only contracts whose stored checks found errors or warnings
    (``problem_level`` ≥ 1). Contracts in the Trash are left out."""
    today = today or dt.date.today()
    order = {
        "contract_no": Contract.contract_no,
        "title": Contract.title,
        "counterparty": Contract.counterparty,
        "total_amount": Contract.total_amount,
        "term": Contract.start_date,
        "status": status_expr(today),
        "next_due": Contract.next_due,
    }[sort]
    words = text.lower().split()
    if (words or problems_only) and session.get_bind().dialect.name == "sqlite":  # PostgreSQL: no unary + on text
        # A filter needs each row anyway: scanning the table and sorting the hits beats
        # walking the sort index and fetching all 100,000 rows at random (bench: 250 → 100 ms).
        # Unary + keeps the order but stops SQLite from choosing the index.
        order = UnaryExpression(order, operator=operators.custom_op("+"), type_=order.type)
    key = order.desc() if descending else order.asc()
    if sort in ("term", "next_due", "status"):
        key = key.nulls_last()  # contracts without a date go to the end either way
    query: Select = select(Contract.id)
    indexed = [word for word in words if len(word) >= search_index.MIN_CHARS]
    if indexed and search_index.present(session):
        # Each word of 3+ characters by the trigram index and the head's (same rows as LIKE).
        for number, word in enumerate(indexed):
            sql, params = search_index.matching(word, f"w{number}")
            query = query.where(Contract.id.in_(sql_text(sql).bindparams(**params)))
        words = [word for word in words if len(word) < search_index.MIN_CHARS]
    for word in words:
        query = query.where(list_words.like(word))
    if only_ids is not None:
        query = query.where(Contract.id.in_(only_ids))
    if problems_only:
        query = query.where(Contract.problem_level > 0)
    tie = Contract.contract_no.desc() if descending else Contract.contract_no.asc()
    query = query.order_by(key, tie)
    # Core execution on the session's connection (same transaction): the ORM result layer
    # costs ~1 µs per row, which is half the time of listing 100,000 ids. Core does not
    # autoflush, so flush as session.scalars() would have.
    if session.autoflush:
        session.flush()
    # The Trash is left out here, not in the SQL: a WHERE on deleted_at would make SQLite read every
    # row behind the sort index (which covers the id); the Trash's few ids come from their own index.
    trashed = set(session.connection().execute(select(Contract.id).where(Contract.deleted_at.is_not(None))).scalars())
    ids = session.connection().execute(query).scalars()
    return [i for i in ids if i not in trashed] if trashed else list(ids)


def list_rows(session: Session, ids: list[int], today: dt.date | None = None) -> dict[int, ContractRow]:
    """The list rows of ``ids`` (any order; missing ids are absent from the result)."""
    today = today or dt.date.today()
    query = select(
        Contract.id, Contract.contract_no, Contract.title, Contract.counterparty, Contract.total_amount,
        Contract.start_date, Contract.end_date, status_expr(today), Contract.next_due, Contract.problem_level,
    ).where(Contract.id.in_(ids), LIVE)
    return {row[0]: ContractRow(*row) for row in session.execute(query)}


def count(session: Session) -> int:
    """Number of contracts in the store (not counting the Trash)."""
    return session.scalar(select(func.count(Contract.id)).where(LIVE)) or 0


def load(session: Session, contract_id: int) -> ContractData:
    """The whole contract ``contract_id`` as ``ContractData``, with its recorded events and done
    marks (``services.register.events``) and its ``version`` (also a contract in the Trash:
    ``services.register.trash`` shows it). Raises ``ContractError`` if absent."""
    contract = session.get(
        Contract, contract_id,
        options=[selectinload(Contract.parties), selectinload(Contract.line_items),
                 selectinload(Contract.installments), selectinload(Contract.articles),
                 selectinload(Contract.milestones), selectinload(Contract.bonds),
                 selectinload(Contract.penalty_clauses)],
    )
    if contract is None:
        raise ContractNotFoundError(contract_id=contract_id)
    data = to_data(contract)
    data.events = load_events(session, contract_id)
    data.done_marks = load_done_marks(session, contract_id, data.bonds)
    data.payments = load_payments(session, contract_id)
    data.version = contract.version
    return data


def load_by_no(session: Session, contract_no: str) -> ContractData:
    """The whole contract numbered ``contract_no``. Raises ``ContractInTrashError`` if it is in
    the Trash, ``ContractError`` if absent."""
    contract_id = find_id(session, contract_no)
    if contract_id is None:
        if trashed_id(session, contract_no) is not None:
            raise ContractInTrashError(contract_no)
        raise ContractNotFoundError(contract_no=contract_no)
    return load(session, contract_id)


def _copy(source: object, target_cls: type, names: list[str]) -> object:
    return target_cls(**{name: getattr(source, name) for name in names})


def to_data(contract: Contract, *, articles: bool = True) -> ContractData:
    """A session-free copy of an ORM contract and its children (without the articles when
    ``articles`` is False: the checks do not read them)."""
    data = _copy(contract, ContractData, scalar_fields(ContractData))
    assert isinstance(data, ContractData)
    for table, (_orm_cls, data_cls) in _CHILD_TYPES.items():
        if table == "articles" and not articles:
            continue
        names = scalar_fields(data_cls)
        setattr(data, table, [_copy(row, data_cls, names) for row in getattr(contract, table)])
    return data


def save(session: Session, data: ContractData, *, contract_id: int | None = None) -> int:
    """Insert or update one contract and replace all its children; returns its id.

    ``contract_id`` None inserts (``ContractError`` if the number is taken,
    ``ContractInTrashError`` if a contract in the Trash has it; history ``create``). Otherwise
    updates that contract if it is still at ``data.version`` (history ``save`` with the
    field-level changes): ``ConflictError`` if it was written since, ``ContractDeletedError`` if
    it was moved to the Trash or deleted permanently (or never existed), ``ContractError`` if
    its new number belongs to another contract, ``ValueError`` if ``data.version`` is None
    (an update must say which version it changes: ``load`` gives it). On success
    ``data.version`` is the stored version (1 for a new contract) — if the caller's transaction
    then rolls back, load the contract again.

    The version is claimed first with ``UPDATE … SET version = version + 1 WHERE id = :id AND
    version = :expected``, so of two writers — windows, processes — only one wins.
    """
    before: ContractData | None = None
    if contract_id is None:
        if trashed_id(session, data.contract_no) is not None:
            raise ContractInTrashError(data.contract_no)
        if find_id(session, data.contract_no) is not None:
            raise DuplicateContractError(data.contract_no)
        contract = Contract(id=new_contract_id(session), version=1)
        session.add(contract)
        version = 1
    else:
        if data.version is None:
            raise ValueError("save of an existing contract needs the version it was loaded at (data.version)")
        version = claim_version(session, contract_id, data.version)
        owner = session.scalar(select(Contract.id).where(Contract.contract_no == data.contract_no))
        if owner is not None and owner != contract_id:
            if trashed_id(session, data.contract_no) is not None:
                raise ContractInTrashError(data.contract_no)
            raise DuplicateContractError(data.contract_no)  # renamed to another contract's number
        before = load(session, contract_id)
        contract = session.get(Contract, contract_id, populate_existing=True)  # type: ignore[assignment]  # not None: claim_version found it
    write_header(contract, data)
    replace_children(session, contract, data, tables=tuple(_CHILD_TYPES))
    if contract_id is not None:  # the paid columns follow the payments, not a stale editor copy
        refresh_installments(session, contract.id)
        data.installments = to_data(contract, articles=False).installments
    refresh_list_columns(session, contract, data)
    session.flush()
    after = load(session, contract.id)
    history_log.record(session, HistoryAction.CREATE if before is None else HistoryAction.SAVE,
                       contract_id=contract.id, contract_no=after.contract_no, contract_version=version,
                       details=contract_diff(before, after))
    data.version = version
    return contract.id


def new_contract_id(session: Session) -> int:
    """The id for a new contract: above every id in the store *and* in the history, so a contract
    deleted permanently never lends its id (and its history) to a new one."""
    from models.history import HistoryEntry

    highest = max(session.scalar(select(func.max(Contract.id))) or 0,
                  session.scalar(select(func.max(HistoryEntry.contract_id))) or 0)
    return highest + 1


def write_header(contract: Contract, data: ContractData) -> None:
    """Copy the header fields of ``data`` onto ``contract`` (children untouched; call
    ``refresh_list_columns`` once the children are written)."""
    for name in scalar_fields(ContractData):
        setattr(contract, name, getattr(data, name))


def refresh_list_columns(session: Session, contract: Contract, data: ContractData | None = None) -> list[Problem]:
    """Re-derive the list's columns of ``contract`` from its stored parties and installments:
    counterparty, search_text (see ``list_columns``), next_due (the earliest not-done deadline
    to act on — installment, bond, milestone — under the terms in force today, on the working-day calendar:
    ``services.calendar.stored.stored_next_due``) and problem_level (``services.checks.contract.stored_level``);
    and each installment's ``resolved_due_date`` under the terms as stored
    (``services.calendar.stored.keep_resolved_due_dates``); the list's terms in force (title, total,
    term, suppliers, status: ``services.register.list_terms.keep``).
    ``data``: the contract as just written, if the caller has it (else it is read back).
    Returns the problems the checks found."""
    session.flush()
    parties = [PartyData(role=p.role, name=p.name)
               for p in session.scalars(select(Party).where(Party.contract_id == contract.id))]
    contract.counterparty, contract.search_text = list_columns(parties, contract.contract_no, contract.title)
    data = data if data is not None else to_data(contract, articles=False)
    keep_resolved_due_dates(session, contract.id, data)
    today = dt.date.today()
    if pending_ids(session, today, [contract.id]):  # an amendment not yet in force: not its dates yet
        data = in_force_of(session, load(session, contract.id), contract.id, today)
    contract.next_due = stored_next_due(session, contract.id, data, today=today)
    problems = check_contract(data)
    contract.problem_level = stored_level(problems)
    list_terms.keep(session, [contract.id], load)  # the list's terms in force (issue 16)
    session.expire(contract, ["counterparty"])  # keep may have written the suppliers in force
    return problems


# Any: the row class depends on the table name (Party has role_order, PenaltyClause seq …), which mypy cannot follow.
_CHILD_TYPES: dict[str, tuple[Any, type]] = {"parties": (Party, PartyData), "line_items": (LineItem, LineItemData),
                "installments": (Installment, InstallmentData), "articles": (Article, ArticleData),
                "milestones": (Milestone, MilestoneData), "bonds": (Bond, BondData),
                "penalty_clauses": (PenaltyClause, PenaltyClauseData)}


def replace_children(session: Session, contract: Contract, data: ContractData, *, tables: tuple[str, ...]) -> None:
    """Replace the rows of ``tables`` (child table names) of ``contract`` with those in ``data``."""
    if contract.id is None:
        session.flush()
    for table in tables:
        orm_cls, data_cls = _CHILD_TYPES[table]
        session.execute(delete(orm_cls).where(orm_cls.contract_id == contract.id))
        names = scalar_fields(data_cls)
        for position, item in enumerate(getattr(data, table), start=1):
            row = orm_cls(contract_id=contract.id, **{n: getattr(item, n) for n in names})
            if table == "parties":
                row.role_order = ROLES.index(item.role) if item.role in ROLES else len(ROLES)
            elif table == "penalty_clauses":
                row.seq = position  # keyed by clause_ref; seq keeps the contract's order
            session.add(row)
    session.flush()  # expire() would discard header changes not yet flushed (when ``tables`` is empty)
    session.expire(contract)


delete_contract = move_to_trash  # the register's Delete: to the Trash (services.register.trash)
