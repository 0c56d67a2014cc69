"""The rows an export writes: every table of the contracts' own data, read with one query per table.

The one row source of the CSV writer (``services.ledger.write``) and the workbook writer
(``services.ledger.workbook_write``). Each table comes from a single Core ``SELECT`` joined to
the live contracts (the Trash left out), ordered as the writer form requires (spec
``csv-format.md``): register order (contract id), then ``seq`` — parties by role, events by the
name the ledger writes, done marks by source, seq and due date, exactly as
``services.register.contracts.load`` gives them — so the files are the same bytes as loading
each contract one by one gave, at a fraction of the queries (``bench/bench_ledger.py``).

Values are typed as the store's column types give them: money ``Decimal`` yuan, unit price,
quantity and percent exact ``Decimal``, dates ``datetime.date``, whole numbers ``int``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from models.contract import Article, Contract, Installment, LineItem, Party
from models.obligations import Bond, ContractEvent, DeadlineDone, Milestone
from models.payments import Payment
from models.penalty import PenaltyClause
from services.ledger.schema import SUPPORTED, Table
from services.register.contract_data import BondData
from services.register.events import done_mark_order, stored_done_mark
from services.register.versions import LIVE

__all__ = ["Checkpoint", "ledger_rows", "live_ids"]

#: Called before each query; raises to stop (the writers' ``ExportCancelled``).
Checkpoint = Callable[[], None]

#: The child tables whose ledger columns are the model's columns of the same names, and the
#: order of a contract's rows (after the contract's id, which is the register order).
_PLAIN: dict[str, tuple[Any, tuple[str, ...]]] = {
    "parties": (Party, ("role_order", "id")),
    "line_items": (LineItem, ("seq", "id")),
    "installments": (Installment, ("seq", "id")),
    "milestones": (Milestone, ("seq", "id")),
    "bonds": (Bond, ("seq", "id")),
    "penalty_clauses": (PenaltyClause, ("seq", "id")),
    "articles": (Article, ("seq", "id")),
    "payments": (Payment, ("seq", "id")),
}
#: ``events.csv`` column → ``contract_events`` column.
_EVENT_COLUMNS = {"event": "name", "label": "label", "label_en": "label_en", "date": "event_date"}


def live_ids(session: Session) -> list[int]:
    """Ids of the contracts not in the Trash, in register order (the order they were added)."""
    return list(session.scalars(select(Contract.id).where(LIVE).order_by(Contract.id)))


def _query(model: Any, values: Sequence[ColumnElement[Any]], order: Sequence[str], *,
           with_id: bool = True) -> Select[Any]:
    """``SELECT [contract id,] contract_no, values… FROM model JOIN contracts`` of the live contracts,
    in register order then ``order``."""
    own = model.__table__
    contracts = Contract.__table__
    return (select(*([own.c.contract_id] if with_id else []), contracts.c.contract_no, *values)
            .join(contracts, contracts.c.id == own.c.contract_id)
            .where(contracts.c.deleted_at.is_(None))
            .order_by(own.c.contract_id, *(own.c[name] for name in order)))


def _plain(session: Session, table: Table) -> Sequence[Sequence[Any]]:
    model, order = _PLAIN[table.name]
    own = model.__table__
    values = [own.c[column.name] for column in table.columns[1:]]
    return session.execute(_query(model, values, order, with_id=False)).all()


def _contracts(session: Session, table: Table) -> Sequence[Sequence[Any]]:
    contracts = Contract.__table__
    query = (select(*(contracts.c[column.name] for column in table.columns))
             .where(contracts.c.deleted_at.is_(None)).order_by(contracts.c.id))
    return session.execute(query).all()


def _events(session: Session, table: Table) -> Sequence[Sequence[Any]]:
    """Each contract's recorded events by the name the ledger writes (``load_events``' order)."""
    own = ContractEvent.__table__
    values = [own.c[_EVENT_COLUMNS[column.name]] for column in table.columns[1:]]
    out: list[tuple[Any, ...]] = []
    rows = session.execute(_query(ContractEvent, values, ("id",)))
    for _contract_id, group in groupby(rows, key=lambda row: row[0]):
        ordered = sorted(group, key=lambda row: str(row[2]).removeprefix("event:"))
        out.extend(tuple(row[1:]) for row in ordered)
    return out


def _done_marks(session: Session, table: Table) -> Sequence[Sequence[Any]]:
    """The done marks the format carries (``load_done_marks``: a bond's validity mark takes the
    bond's ``valid_until``), each contract's by source, seq and due date."""
    bond = Bond.__table__
    valid_until: dict[int, dict[int, BondData]] = {}
    for contract_id, seq, until in session.execute(select(bond.c.contract_id, bond.c.seq, bond.c.valid_until)):
        valid_until.setdefault(contract_id, {})[seq] = BondData(seq=seq, valid_until=until)
    own = DeadlineDone.__table__
    query = _query(DeadlineDone, [own.c.key, own.c.done_date, own.c.note], ("id",))
    out: list[tuple[Any, ...]] = []
    for contract_id, group in groupby(session.execute(query), key=lambda row: row[0]):
        contract_no = None
        marks = []
        bonds = valid_until.get(contract_id, {})
        for row in group:
            contract_no = row[1]
            mark = stored_done_mark(row[2], row[3], row[4], bonds)
            if mark is not None:
                marks.append(mark)
        marks.sort(key=done_mark_order)
        out.extend((contract_no, m.source, m.seq, m.due_date, m.done_date, m.note) for m in marks)
    return out


_READERS: dict[str, Callable[[Session, Table], Sequence[Sequence[Any]]]] = {
    "contracts": _contracts, "events": _events, "done_marks": _done_marks,
    **{name: _plain for name in _PLAIN},
}


def ledger_rows(session: Session, *, checkpoint: Checkpoint | None = None) -> dict[str, Sequence[Sequence[Any]]]:
    """Table name → its rows (values in the table's column order, ``contract_no`` first) for every
    table of ``schema.SUPPORTED``, of the live contracts, in writer order. One query per table
    (two for done marks: the bonds' ``valid_until``); ``checkpoint()`` is called before each and
    may raise to stop (nothing is returned then)."""
    out: dict[str, Sequence[Sequence[Any]]] = {}
    for table in SUPPORTED:
        if checkpoint is not None:
            checkpoint()
        out[table.name] = _READERS[table.name](session, table)
    return out
