"""A contract's recorded events (with their labels) and done marks, as the ledger carries them.

The store keeps them in ``contract_events`` (code, label, label_en, date, note) and
``deadline_done`` (deadline key, done date, note); the ledger in ``events.csv`` and
``done_marks.csv`` (spec ``csv-format.md``). A done mark's key (``services.calendar.deadlines``)
maps to the ledger's (source, seq, due_date) so:

* ``milestone:SEQ:DATE`` (an occurrence of a recurring milestone) ↔ ``milestone``, SEQ, DATE;
* ``bond:SEQ:valid`` (a bond's end of validity) ↔ ``bond``, SEQ, the bond's ``valid_until``
  (the done date when the bond has none) — a bond's lodging and return are fields of the bond.

Installments are done by their ``paid_date`` and have no marks; the term's own marks
(``term_end``, ``renewal``) have no row in the format and are not exported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.obligations import ContractEvent, DeadlineDone
from services.register.contract_data import BondData, DoneMarkData, EventData

__all__ = ["done_mark_key", "done_mark_order", "event_labels", "load_done_marks", "load_events",
           "replace_done_marks", "replace_events", "stored_done_mark"]

_SOURCES = ("installment", "milestone", "bond")


def load_events(session: Session, contract_id: int) -> list[EventData]:
    """The events recorded for a contract, labelled or dated, in the ledger's order (by the name
    the ledger writes: the code without ``event:``)."""
    rows = session.scalars(select(ContractEvent).where(ContractEvent.contract_id == contract_id))
    events = [EventData(row.name, row.label, row.label_en, row.event_date) for row in rows]
    return sorted(events, key=lambda e: e.event.removeprefix("event:"))


def event_labels(events: Iterable[EventData]) -> dict[str, tuple[str | None, str | None]]:
    """Code → (label, label_en) of the events that have a label in either language."""
    return {e.event: (e.label, e.label_en) for e in events if e.label or e.label_en}


def replace_events(session: Session, contract_id: int, events: list[EventData]) -> None:
    """Replace a contract's recorded events with ``events`` (a ledger import); a row's note (the
    agenda's, not in the format) is kept when its event is imported again."""
    notes = dict(session.execute(select(ContractEvent.name, ContractEvent.note)
                                 .where(ContractEvent.contract_id == contract_id)).all())
    session.execute(delete(ContractEvent).where(ContractEvent.contract_id == contract_id))
    for event in events:
        session.add(ContractEvent(contract_id=contract_id, name=event.event, label=event.label,
                                  label_en=event.label_en, event_date=event.date, note=notes.get(event.event)))
    session.flush()


def done_mark_key(mark: DoneMarkData) -> str | None:
    """The store's key of a ledger done mark; None for an installment's (recorded as paid instead)."""
    if mark.source == "milestone":
        return f"milestone:{mark.seq}:{mark.due_date.isoformat()}"
    if mark.source == "bond":
        return f"bond:{mark.seq}:valid"
    return None


def _mark(key: str, done_date: dt.date, note: str | None, bonds: Mapping[int, BondData]) -> DoneMarkData | None:
    parts = key.split(":")
    if len(parts) != 3 or parts[0] not in _SOURCES or not parts[1].isdigit():
        return None
    seq = int(parts[1])
    if parts[0] == "milestone":
        try:
            due = dt.date.fromisoformat(parts[2])
        except ValueError:
            return None
        return DoneMarkData("milestone", seq, due, done_date, note)
    if parts[0] == "bond" and parts[2] == "valid":
        bond = bonds.get(seq)
        due = bond.valid_until if bond is not None and bond.valid_until is not None else done_date
        return DoneMarkData("bond", seq, due, done_date, note)
    return None


def stored_done_mark(key: str, done_date: dt.date, note: str | None,
                     bonds: Mapping[int, BondData]) -> DoneMarkData | None:
    """The ledger's done mark of one stored ``deadline_done`` row (``bonds``: the contract's bonds by
    seq, for a validity mark's due date); None for a mark the format cannot carry."""
    return _mark(key, done_date, note, bonds)


def done_mark_order(mark: DoneMarkData) -> tuple[int, int, dt.date]:
    """Sort key of a contract's done marks in the ledger: source, seq, due date."""
    return (_SOURCES.index(mark.source), mark.seq, mark.due_date)


def load_done_marks(session: Session, contract_id: int, bonds: list[BondData]) -> list[DoneMarkData]:
    """The done marks of a contract that the ledger format can carry, by source, seq and due date
    (``bonds``: the contract's bonds, for a validity mark's due date)."""
    by_seq = {bond.seq: bond for bond in bonds}
    rows = session.execute(select(DeadlineDone.key, DeadlineDone.done_date, DeadlineDone.note)
                           .where(DeadlineDone.contract_id == contract_id))
    marks = [mark for key, done, note in rows if (mark := _mark(key, done, note, by_seq)) is not None]
    return sorted(marks, key=done_mark_order)


def replace_done_marks(session: Session, contract_id: int, marks: list[DoneMarkData]) -> None:
    """Replace the done marks of a contract that the format carries with ``marks`` (a ledger
    import); marks it cannot carry (``term_end``, ``renewal``) stay. Installment marks are skipped
    (the importer warns about them)."""
    rows = session.scalars(select(DeadlineDone).where(DeadlineDone.contract_id == contract_id))
    for row in rows:
        if _mark(row.key, row.done_date, row.note, {}) is not None:
            session.delete(row)
    session.flush()
    for mark in marks:
        key = done_mark_key(mark)
        if key is not None:
            session.add(DeadlineDone(contract_id=contract_id, key=key, done_date=mark.done_date, note=mark.note))
    session.flush()
