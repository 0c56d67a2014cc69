"""The register's use cases over the store: list, load, save, delete contracts.

Every function takes an open ``Session``; the caller's ``Store.session()`` block is the
transaction (one user action). Raises ``ContractError`` for a missing or duplicate contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, case, delete, func, literal, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from models.contract import ROLES, Article, Contract, Installment, LineItem, Party
from models.obligations import Bond, Milestone
from models.penalty import PenaltyClause
from services.calendar.stored import stored_next_due
from services.checks.contract import Problem, check_contract, stored_level
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
from services.register.events import load_done_marks, load_events


class ContractError(ValueError):
    """A contract that should exist does not, or one that should not exist does."""


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


def _status_expr(today: dt.date):
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
    (``problem_level`` ≥ 1)."""
    today = today or dt.date.today()
    order = {
        "contract_no": Contract.contract_no,
        "title": Contract.title,
        "counterparty": Contract.counterparty,
        "total_amount": Contract.total_amount,
        "term": Contract.start_date,
        "status": _status_expr(today),
        "next_due": Contract.next_due,
    }[sort]
    words = text.lower().split()
    if words or problems_only:
        # A filter needs each row anyway: scanning the table and sorting the hits beats
        # walking the sort index and fetching all 100,000 rows at random (bench: 250 → 100 ms).
        # Unary + keeps the order but stops SQLite from choosing the index.
        order = UnaryExpression(order, operator=operators.custom_op("+"), type_=order.type)
    key = order.desc() if descending else order.asc()
    if sort in ("term", "next_due", "status"):
        key = key.nulls_last()  # contracts without a date go to the end either way
    query: Select = select(Contract.id)
    for word in words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Contract.search_text.like(f"%{escaped}%", escape="\\"))
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
    return list(session.connection().execute(query).scalars())


def list_rows(session: Session, ids: list[int], today: dt.date | None = None) -> dict[int, ContractRow]:
    """The list rows of ``ids`` (any order; missing ids are absent from the result)."""
    today = today or dt.date.today()
    query = select(
        Contract.id, Contract.contract_no, Contract.title, Contract.counterparty, Contract.total_amount,
        Contract.start_date, Contract.end_date, _status_expr(today), Contract.next_due, Contract.problem_level,
    ).where(Contract.id.in_(ids))
    return {row[0]: ContractRow(*row) for row in session.execute(query)}


def count(session: Session) -> int:
    """Number of contracts in the store."""
    return session.scalar(select(func.count(Contract.id))) or 0


def find_id(session: Session, contract_no: str) -> int | None:
    """The id of the contract numbered ``contract_no``, or None."""
    return session.scalar(select(Contract.id).where(Contract.contract_no == contract_no))


def load(session: Session, contract_id: int) -> ContractData:
    """The whole contract ``contract_id`` as ``ContractData``, with its recorded events and done
    marks (``services.register.events``). Raises ``ContractError`` if absent."""
    contract = session.get(
        Contract, contract_id,
        options=[selectinload(Contract.parties), selectinload(Contract.line_items),
                 selectinload(Contract.installments), selectinload(Contract.articles),
                 selectinload(Contract.milestones), selectinload(Contract.bonds),
                 selectinload(Contract.penalty_clauses)],
    )
    if contract is None:
        raise ContractError(f"no contract with id {contract_id}")
    data = to_data(contract)
    data.events = load_events(session, contract_id)
    data.done_marks = load_done_marks(session, contract_id, data.bonds)
    return data


def load_by_no(session: Session, contract_no: str) -> ContractData:
    """The whole contract numbered ``contract_no``. Raises ``ContractError`` if absent."""
    contract_id = find_id(session, contract_no)
    if contract_id is None:
        raise ContractError(f"no contract numbered {contract_no!r} in the store")
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


def list_columns(parties: list[PartyData], contract_no: str, title: str) -> tuple[str, str]:
    """(counterparty, search_text) kept on the contract row for the list.

    counterparty: the suppliers' names joined with 、; search_text: number, title and all party
    names, lower-cased. Migration 0002 fills both the same way for older stores.
    """
    ordered = sorted(parties, key=lambda p: ROLES.index(p.role) if p.role in ROLES else 99)
    counterparty = "、".join(p.name for p in ordered if p.role != "甲方")
    search = " ".join([contract_no, title, *(p.name for p in ordered)]).lower()
    return counterparty, search


def save(session: Session, data: ContractData, *, contract_id: int | None = None) -> int:
    """Insert or update one contract and replace all its children; returns its id.

    ``contract_id`` None inserts (``ContractError`` if the number is taken); otherwise updates
    that contract (``ContractError`` if it is gone or its new number belongs to another).
    """
    existing = find_id(session, data.contract_no)
    if contract_id is None:
        if existing is not None:
            raise ContractError(f"contract {data.contract_no!r} is already in the store")
        contract = Contract()
        session.add(contract)
    else:
        if existing is not None and existing != contract_id:
            raise ContractError(f"contract number {data.contract_no!r} belongs to another contract")
        found = session.get(Contract, contract_id)
        if found is None:
            raise ContractError(f"no contract with id {contract_id}")
        contract = found
    write_header(contract, data)
    replace_children(session, contract, data, tables=tuple(_CHILD_TYPES))
    refresh_list_columns(session, contract, data)
    session.flush()
    return contract.id


def write_header(contract: Contract, data: ContractData) -> None:
    """Copy the header fields of ``data`` onto ``contract`` (children untouched; call
    ``refresh_list_columns`` once the children are written)."""
    for name in scalar_fields(ContractData):
        setattr(contract, name, getattr(data, name))


def refresh_list_columns(session: Session, contract: Contract, data: ContractData | None = None) -> list[Problem]:
    """Re-derive the list's columns of ``contract`` from its stored parties and installments:
    counterparty, search_text (see ``list_columns``), next_due (the earliest not-done deadline
    to act on — installment, bond, milestone — on the working-day calendar:
    ``services.calendar.stored.stored_next_due``) and problem_level (``services.checks.contract.stored_level``).
    ``data``: the contract as just written, if the caller has it (else it is read back).
    Returns the problems the checks found."""
    session.flush()
    parties = [PartyData(role=p.role, name=p.name)
               for p in session.scalars(select(Party).where(Party.contract_id == contract.id))]
    contract.counterparty, contract.search_text = list_columns(parties, contract.contract_no, contract.title)
    data = data if data is not None else to_data(contract, articles=False)
    contract.next_due = stored_next_due(session, contract.id, data)
    problems = check_contract(data)
    contract.problem_level = stored_level(problems)
    return problems


_CHILD_TYPES = {"parties": (Party, PartyData), "line_items": (LineItem, LineItemData),
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


def delete_contract(session: Session, contract_id: int) -> None:
    """Delete a contract and (by cascade) its children. Raises ``ContractError`` if absent."""
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise ContractError(f"no contract with id {contract_id}")
    session.delete(contract)
