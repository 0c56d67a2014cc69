"""The importer's write path for contracts new to the store: bulk inserts, a batch at a time.

``services.ledger.importer.apply_ledger`` hands over each run of consecutive new contracts (read
from ``contracts.csv``, number not in the store nor in the Trash). For a batch of up to ``BATCH``
of them this writes exactly what the contract-at-a-time path writes — same ids, rows, derived
list columns (counterparty, search_text, next_due, problem_level), installments' paid columns
(from the payments) and resolved due dates, one history entry ``import`` per contract with the same details, the same
``Changes`` — with one ``executemany`` per table instead of an ORM object per row and a DELETE
per child table, and reads the batch back with one query per table (``load_many``) instead of
``load`` per contract. ``tests/test_import_bulk.py`` compares the two paths.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from models.contract import ROLES, Article, Contract, Installment, LineItem, Party
from models.obligations import Bond, ContractEvent, DeadlineDone, Milestone
from models.payments import Payment
from models.penalty import PenaltyClause
from services import history as history_log
from services.calendar.stored import stored_dates
from services.checks.contract import Problem, check_contract, installment_amount, stored_level
from services.history import HistoryAction
from services.money import from_fen, to_fen
from services.payments.rows import paid_amounts
from services.payments.states import installment_status
from services.register import list_terms
from services.register.contract_data import (
    ArticleData,
    BondData,
    ContractData,
    DoneMarkData,
    EventData,
    InstallmentData,
    LineItemData,
    MilestoneData,
    PartyData,
    PaymentData,
    PenaltyClauseData,
    scalar_fields,
)
from services.register.contracts import list_columns, load, new_contract_id
from services.register.diff import contract_diff
from services.register.events import done_mark_key, done_mark_order, stored_done_mark

__all__ = ["BATCH", "NewContract", "derive_batch", "load_many", "write_new"]

#: New contracts written per round of bulk inserts.
BATCH = 500

#: Child table → (model, data class, order of a contract's rows as ``load`` gives them).
_CHILDREN: dict[str, tuple[Any, type, str]] = {
    "parties": (Party, PartyData, "role_order"), "line_items": (LineItem, LineItemData, "seq"),
    "installments": (Installment, InstallmentData, "seq"), "articles": (Article, ArticleData, "seq"),
    "milestones": (Milestone, MilestoneData, "seq"), "bonds": (Bond, BondData, "seq"),
    "penalty_clauses": (PenaltyClause, PenaltyClauseData, "seq"),
}
_PAYMENT_FIELDS = tuple(scalar_fields(PaymentData))


@dataclass
class NewContract:
    """One contract of the ledger new to the store: its number, header (``data``) and child rows by
    table (``children``: table → rows, as the ledger gives them; events, done marks, payments too)."""

    contract_no: str
    data: ContractData
    children: Mapping[str, Sequence[Any]]


def _paid_installments(data: ContractData, installments: Sequence[InstallmentData],
                       payments: Sequence[PaymentData], today: dt.date) -> list[InstallmentData]:
    """``installments`` with the paid columns ``refresh_installments`` derives from ``payments``
    (sum paid, date fully paid) on those that have payments; the others as they are."""
    by_installment = paid_amounts(payments)
    if not by_installment:
        return list(installments)
    out = []
    for item in installments:
        paid = by_installment.get(item.seq)
        if paid:
            due = installment_amount(item, data.total_amount)
            status = installment_status(None if due is None else to_fen(due), item.due_date, paid, today)
            item = InstallmentData(**{**vars(item), "paid_amount": from_fen(status.paid_fen),
                                      "paid_date": status.paid_on})
        out.append(item)
    return out


def _insert_rows(session: Session, batch: Sequence[tuple[int, NewContract]]) -> dict[int, dict[str, dt.date]]:
    """One executemany per table of the batch's rows (ids given); each contract's done marks as
    written (id → key → done date: ``services.calendar.stored.done_marks`` of a new contract)."""
    today = dt.date.today()
    header = scalar_fields(ContractData)
    contracts = []
    children: dict[str, list[dict[str, Any]]] = {name: [] for name in _CHILDREN}
    events: list[dict[str, Any]] = []
    marks: list[dict[str, Any]] = []
    payments: list[dict[str, Any]] = []
    done: dict[int, dict[str, dt.date]] = {}
    for contract_id, new in batch:
        done[contract_id] = {}
        rows = new.children
        parties = [PartyData(role=p.role, name=p.name) for p in rows.get("parties", [])]
        counterparty, search_text = list_columns(parties, new.data.contract_no, new.data.title)
        contracts.append({"id": contract_id, "version": 1, "counterparty": counterparty, "search_text": search_text,
                          **{name: getattr(new.data, name) for name in header}})
        paid = list(rows.get("payments", []))
        for table, (_model, data_cls, _order) in _CHILDREN.items():
            items: Sequence[Any] = rows.get(table, [])
            if table == "installments":
                items = _paid_installments(new.data, items, paid, today)
            names = scalar_fields(data_cls)
            for position, item in enumerate(items, start=1):
                row = {"contract_id": contract_id, **{name: getattr(item, name) for name in names}}
                if table == "parties":
                    row["role_order"] = ROLES.index(item.role) if item.role in ROLES else len(ROLES)
                elif table == "penalty_clauses":
                    row["seq"] = position  # keyed by clause_ref; seq keeps the contract's order
                children[table].append(row)
        events.extend({"contract_id": contract_id, "name": e.event, "label": e.label, "label_en": e.label_en,
                       "event_date": e.date, "note": None} for e in rows.get("events", []))
        for mark in rows.get("done_marks", []):
            key = done_mark_key(mark)
            if key is not None:
                done[contract_id][key] = mark.done_date
                marks.append({"contract_id": contract_id, "key": key, "done_date": mark.done_date,
                              "note": mark.note})
        payments.extend({"contract_id": contract_id, **{name: getattr(p, name) for name in _PAYMENT_FIELDS}}
                        for p in paid)
    session.flush()
    connection = session.connection()
    _insert_many(connection, Contract.__table__, contracts)
    for table, (model, _data_cls, _order) in _CHILDREN.items():
        if children[table]:
            _insert_many(connection, model.__table__, children[table])
    for model, rows_of in ((ContractEvent, events), (DeadlineDone, marks), (Payment, payments)):
        if rows_of:
            _insert_many(connection, model.__table__, rows_of)
    return done


def _insert_many(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """``connection.execute(insert(table), rows)`` (rows: column key → value, every row the same keys).
    On SQLite, one DBAPI ``executemany`` of the statement compiled once, each value through its
    column type's bind processor for the dialect — what Core does, without its work per row; on
    another store, or when the statement would take a column default the rows do not give, Core."""
    dialect = connection.dialect
    names = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    order = compiled.positiontup
    if dialect.name != "sqlite" or order is None or sorted(order) != sorted(names):
        connection.execute(insert(table), rows)
        return
    columns = []
    for name in order:  # column by column: one map over a column's values instead of a call per value
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        given = [row[name] for row in rows]
        columns.append(given if process is None else list(map(process, given)))
    connection.exec_driver_sql(compiled.string, list(zip(*columns, strict=True)))


def load_many(session: Session, ids: Sequence[int]) -> dict[int, ContractData]:
    """``services.register.contracts.load`` of each of ``ids`` (contract id → ContractData, with its
    events, done marks, payments and version), one query per table."""
    contracts = Contract.__table__
    header = scalar_fields(ContractData)
    loaded: dict[int, ContractData] = {}
    query = select(contracts.c.id, contracts.c.version, *(contracts.c[name] for name in header)).where(
        contracts.c.id.in_(ids))
    for row in session.execute(query):
        data = ContractData(**dict(zip(header, row[2:], strict=True)))
        data.version = row[1]
        loaded[row[0]] = data
    for table, (model, data_cls, order) in _CHILDREN.items():
        own = model.__table__
        names = scalar_fields(data_cls)
        rows = session.execute(select(own.c.contract_id, *(own.c[name] for name in names))
                               .where(own.c.contract_id.in_(ids)).order_by(own.c.contract_id, own.c[order], own.c.id))
        for row in rows:
            getattr(loaded[row[0]], table).append(data_cls(**dict(zip(names, row[1:], strict=True))))
    events = ContractEvent.__table__
    for row in session.execute(select(events.c.contract_id, events.c.name, events.c.label, events.c.label_en,
                                      events.c.event_date).where(events.c.contract_id.in_(ids))
                               .order_by(events.c.contract_id, events.c.id)):
        loaded[row[0]].events.append(EventData(row[1], row[2], row[3], row[4]))
    done = DeadlineDone.__table__
    marks: dict[int, list[DoneMarkData]] = {}
    for contract_id, key, done_date, note in session.execute(
            select(done.c.contract_id, done.c.key, done.c.done_date, done.c.note)
            .where(done.c.contract_id.in_(ids)).order_by(done.c.contract_id, done.c.id)):
        bonds = {bond.seq: bond for bond in loaded[contract_id].bonds}
        mark = stored_done_mark(key, done_date, note, bonds)
        if mark is not None:
            marks.setdefault(contract_id, []).append(mark)
    paid = Payment.__table__
    for row in session.execute(select(paid.c.contract_id, *(paid.c[name] for name in _PAYMENT_FIELDS))
                               .where(paid.c.contract_id.in_(ids)).order_by(paid.c.contract_id, paid.c.seq)):
        loaded[row[0]].payments.append(PaymentData(**dict(zip(_PAYMENT_FIELDS, row[1:], strict=True))))
    for contract_id, data in loaded.items():
        data.events.sort(key=lambda e: e.event.removeprefix("event:"))
        data.done_marks = sorted(marks.get(contract_id, []), key=done_mark_order)
    return loaded


def _checked_copy(data: ContractData) -> ContractData:
    """What ``refresh_list_columns`` checks: the contract as ``to_data(articles=False)`` gives it
    (no articles, events, done marks or payments)."""
    copy = ContractData(**{name: getattr(data, name) for name in scalar_fields(ContractData)})
    for table in ("parties", "line_items", "installments", "milestones", "bonds", "penalty_clauses"):
        setattr(copy, table, getattr(data, table))
    return copy


def write_new(session: Session, batch: Sequence[NewContract], *, before: Callable[[], None],
              done: Callable[[str, list[Problem]], None]) -> None:
    """Write the new contracts ``batch`` (in that order, ids one after another from
    ``new_contract_id``) as the contract-at-a-time import would, in the caller's transaction.
    For each contract in turn: ``before()`` (may raise to stop: the importer's cancel, the caller
    then rolls back), its history entry, ``done(contract_no, problems the checks found)`` — the
    calls the contract-at-a-time path makes around each contract."""
    if not batch:
        return
    first = new_contract_id(session)
    numbered = [(first + index, new) for index, new in enumerate(batch)]
    marks = _insert_rows(session, numbered)
    after = load_many(session, [contract_id for contract_id, _new in numbered])
    checked = derive_batch(session, after, marks)
    entries = []
    for contract_id, new in numbered:
        before()
        entries.append((contract_id, new.contract_no, 1, contract_diff(None, after[contract_id])))
        done(new.contract_no, checked[contract_id])
    history_log.record_many(session, HistoryAction.IMPORT, entries)


def derive_batch(session: Session, after: Mapping[int, ContractData],
                 marks: Mapping[int, Mapping[str, dt.date]]) -> dict[int, list[Problem]]:
    """Every column derived from the contracts just written (``after``: id → the contract as
    ``load_many`` reads it back; ``marks``: id → its done marks, key → date), as
    ``refresh_list_columns`` derives them one by one: the list's ``next_due`` and ``problem_level``,
    each installment's ``resolved_due_date``; one UPDATE … executemany per table. Returns id → the
    problems ``check_contract`` found (the checks run once a contract). The one place the bulk path
    derives data for a batch: add further derived columns here."""
    derived = []
    resolved: list[dict[str, Any]] = []
    checked: dict[int, list[Problem]] = {}
    for contract_id, loaded in after.items():
        data = _checked_copy(loaded)
        events = {e.event: e.date for e in loaded.events if e.date is not None}
        next_due, dues = stored_dates(session, contract_id, data, (events, dict(marks[contract_id])))
        resolved += [{"cid": contract_id, "row_seq": seq, "day": day} for seq, day in dues.items() if day is not None]
        checked[contract_id] = check_contract(data)
        derived.append({"contract_id": contract_id, "next_due": next_due,
                        "problem_level": stored_level(checked[contract_id])})
    table = Contract.__table__
    session.connection().execute(
        update(table).where(table.c.id == bindparam("contract_id"))
        .values(next_due=bindparam("next_due"), problem_level=bindparam("problem_level")), derived)
    list_terms.keep(session, list(after), load)  # the list's terms in force (0020)
    if resolved:  # each installment's resolved_due_date, as services.calendar.stored.keep_resolved_due_dates
        inst = Installment.__table__
        session.connection().execute(
            update(inst).where(inst.c.contract_id == bindparam("cid"), inst.c.seq == bindparam("row_seq"))
            .values(resolved_due_date=bindparam("day")), resolved)
    return checked
