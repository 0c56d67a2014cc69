"""Deadlines over the store: one contract's, or every contract's (the agenda and the calendar),
the events the officer records, and marking a deadline done (and undoing it).

Deadlines are computed on the fly (``services.calendar.deadlines``), never stored. Across the register
they are read with plain Core selects in batches of ``BATCH`` contracts (no ORM objects), so
100,000 contracts take seconds — the window does this in a background task. Terminated
contracts are left out of the agenda; completed ones are kept (a bond may still be due back).
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from sqlalchemy import bindparam, delete, or_, select, update
from sqlalchemy.orm import Session

from models.contract import Contract, Installment
from models.obligations import Bond, ContractEvent, DeadlineDone, Milestone
from services import history as history_log
from services.amendments.today import in_force_of, pending_ids
from services.calendar.deadlines import Deadline, deadlines, next_due_of
from services.calendar.due_counts import DueCounts
from services.calendar.holidays import working_calendar
from services.calendar.stored import (
    OWN_EVENTS,
    done_marks,
    recorded_events,
    recorded_labels,
    resolved_due_dates,
    stored_next_due,
)
from services.errors import InputError, Term, UserError, define
from services.history import HistoryAction
from services.ledger.schema import EVENT_ALIASES
from services.register.contract_data import BondData, ContractData, EventData, InstallmentData, MilestoneData
from services.register.contracts import (
    LIVE,
    ContractError,
    ContractNotFoundError,
    claim_version,
    load,
    refresh_list_columns,
)

__all__ = ["BATCH", "OWN_EVENTS", "RECORDED_EVENTS", "all_deadlines", "contract_deadlines", "done_marks",
           "done_value", "event_code", "mark_done", "record_event", "recorded_events", "recorded_labels",
           "refresh_next_due", "refresh_resolved_due_dates",
           "remove_event", "stored_next_due"]

#: Contracts read per round of queries.
BATCH = 500
#: Events with a code of their own that the officer records (others are ``event:NAME``).
RECORDED_EVENTS = ("acceptance", "invoice", "budget")
_CHILDREN = (("installments", Installment, InstallmentData), ("milestones", Milestone, MilestoneData),
             ("bonds", Bond, BondData))

Progress = Callable[[int, int], None]

OWN_DATE = define("AGENDA_OWN_DATE", "“{text}”是合同本身的日期：请在合同中填写",
                  "{text!r} is a date of the contract itself: enter it on the contract")
NO_NAME = define("AGENDA_EVENT_NO_NAME", "事件需要名称", "an event needs a name")


def event_code(name: str) -> str:
    """The code an event is stored under: ``acceptance``/``invoice``/``budget`` (or their Chinese
    names 验收合格 …), else ``event:NAME`` (a name given with or without the ``event:`` prefix).
    Raises ``InputError`` (a ``ValueError``: ``AGENDA_EVENT_NO_NAME``, ``AGENDA_OWN_DATE``) for an empty
    name or one of the contract's own dates (``OWN_EVENTS``)."""
    text = name.strip()
    code = next((k for k, v in EVENT_ALIASES.items() if text in (k, v)), None)
    if code in OWN_EVENTS:
        raise InputError(OWN_DATE, text=text)
    if code is not None:
        return code
    bare = text.removeprefix("event:").strip()
    if not bare:
        raise InputError(NO_NAME)
    return f"event:{bare}"


NO_SUCH_ROW = define("AGENDA_NO_SUCH_ROW", "合同中已没有{what}第 {seq} 项（可能刚被修改）",
                     "the contract no longer has {what} {seq} (changed meanwhile?)")
_ROW_NAMES = {"installment": Term("installment", "分期付款"), "bond": Term("bond", "保证金"),
              "milestone": Term("milestone", "履约事项")}


class NoSuchRowError(UserError, ContractError):
    """The deadline's installment, bond or milestone is no longer in the contract (``AGENDA_NO_SUCH_ROW``)."""


def _contract(session: Session, contract_id: int) -> Contract:
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise ContractNotFoundError(contract_id=contract_id)  # purged by another window or user meanwhile
    return contract


def record_event(session: Session, contract_id: int, name: str, day: dt.date | None,
                 note: str | None = None, *, label: str | None = None) -> dt.date | None:
    """Record (or with ``day`` None remove) the date of event ``name`` (see ``event_code``) for a
    contract, in the caller's transaction; returns the date it had before. An event with a label
    keeps its row (and label) without a date when its date is removed. ``label``: what a named event
    new to the contract is called (never replaces a label it has). Keeps ``next_due``."""
    code = event_code(name)
    contract = _contract(session, contract_id)
    row = session.scalar(select(ContractEvent).where(ContractEvent.contract_id == contract_id,
                                                     ContractEvent.name == code))
    previous = row.event_date if row is not None else None
    if day is None:
        if row is not None and (row.label or row.label_en):
            row.event_date = None
        elif row is not None:
            session.delete(row)
    elif row is None:
        session.add(ContractEvent(contract_id=contract_id, name=code, event_date=day, note=note,
                                  label=label if code.startswith("event:") else None))
    else:
        row.event_date = day
        if note is not None:
            row.note = note
    refresh_list_columns(session, contract)
    history_log.record(session, HistoryAction.RECORD_EVENT, contract_id=contract_id, contract_no=contract.contract_no,
                       contract_version=contract.version,
                       details={"event": code, "before": history_log.json_value(previous),
                                "after": history_log.json_value(day)})
    return previous


def remove_event(session: Session, contract_id: int, name: str) -> dt.date | None:
    """Remove a recorded event; returns its date (None if it was not recorded)."""
    return record_event(session, contract_id, name, None)


def contract_deadlines(session: Session, contract_id: int, *, today: dt.date, reminder_days: int,
                       data: ContractData | None = None) -> list[Deadline]:
    """Every deadline of the stored contract ``contract_id`` under the terms in force on ``today`` (an
    amendment not yet in force is not applied: ``services.amendments.today``), or of ``data`` (the
    contract as edited) when given. Raises ``ContractError`` if it does not exist."""
    data = data if data is not None else in_force_of(session, load(session, contract_id), contract_id, today)
    return deadlines(data, recorded_events(session, contract_id), done_marks(session, contract_id),
                     working_calendar(session), today, reminder_days, contract_id=contract_id,
                     labels=recorded_labels(session, contract_id))


#: What the deadlines read of a contract and its rows (amounts, texts and notes are not needed).
_HEADER = ("contract_no", "status", "sign_date", "effective_date", "start_date", "end_date")
_ROW_FIELDS = {
    "installments": ("seq", "name", "due_date", "due_after", "due_offset", "due_unit", "paid_date"),
    "milestones": ("seq", "name", "kind", "responsible_role", "due_date", "due_after", "due_offset", "due_unit",
                   "recurrence", "done_date"),
    "bonds": ("seq", "kind", "due_date", "due_after", "due_offset", "due_unit", "valid_until", "lodged_date",
              "return_after", "return_offset", "return_unit", "return_condition", "returned_date"),
}


def _batches(session: Session, ids: Sequence[int]) -> Iterator[dict[int, tuple[ContractData, dict, dict]]]:
    """(contract data with what the deadlines read of it, its installments, milestones and bonds;
    events; done marks) of ``ids`` (in increasing order), by id, ``BATCH`` contracts per round of six
    queries. Each round selects an id range (an index range scan, no 500-item IN)."""
    table = Contract.__table__
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        low, high = chunk[0], chunk[-1]
        wanted = set(chunk)
        query = select(table.c.id, *(table.c[name] for name in _HEADER)).where(table.c.id.between(low, high))
        loaded: dict[int, tuple[ContractData, dict, dict]] = {}
        for row in session.execute(query):
            if row[0] in wanted:
                header = dict(zip(_HEADER, row[1:], strict=True))
                loaded[row[0]] = (ContractData(title="", total_amount=Decimal(0), **header), {}, {})
        for attribute, orm_cls, data_cls in _CHILDREN:
            child = orm_cls.__table__
            fields = _ROW_FIELDS[attribute]
            rows = session.execute(select(child.c.contract_id, *(child.c[name] for name in fields))
                                   .where(child.c.contract_id.between(low, high))
                                   .order_by(child.c.contract_id, child.c.seq))
            for row in rows:
                if row[0] in loaded:
                    getattr(loaded[row[0]][0], attribute).append(data_cls(**dict(zip(fields, row[1:], strict=True))))
        for contract_id, name, day, label, label_en in session.execute(
                select(ContractEvent.contract_id, ContractEvent.name, ContractEvent.event_date, ContractEvent.label,
                       ContractEvent.label_en)
                .where(ContractEvent.contract_id.between(low, high))):
            if contract_id in loaded:
                if day is not None:
                    loaded[contract_id][1][name] = day
                if label or label_en:
                    loaded[contract_id][0].events.append(EventData(name, label, label_en, day))
        for contract_id, key, day in session.execute(
                select(DeadlineDone.contract_id, DeadlineDone.key, DeadlineDone.done_date)
                .where(DeadlineDone.contract_id.between(low, high))):
            if contract_id in loaded:
                loaded[contract_id][2][key] = day
        yield loaded


def all_deadlines(
    session: Session, *, today: dt.date, reminder_days: int, contract_ids: list[int] | None = None,
    include_terminated: bool = False, done_since: dt.date | None = None,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> list[Deadline]:
    """The deadlines of every contract (or of ``contract_ids``), sorted by date (waiting ones last),
    terminated contracts left out unless ``include_terminated``; with ``done_since``, deadlines done
    before that date (by their done date, else their due date) are left out too — on a large register
    most deadlines are long done, and the window need not hold them. ``progress(done, total)`` is
    called per batch; when ``cancelled()`` turns true the deadlines found so far are returned."""
    found: list[Deadline] = []
    for _contract_id, items in _each_contract(session, today=today, reminder_days=reminder_days,
                                              contract_ids=contract_ids, include_terminated=include_terminated,
                                              progress=progress, cancelled=cancelled):
        if done_since is not None:
            items = [d for d in items if d.state != "done" or (d.done_date or d.due or today) >= done_since]
        found += items
    far = dt.date.max
    found.sort(key=lambda d: (d.due or far, d.contract_no, d.key))
    return found


def deadline_counts(
    session: Session, *, today: dt.date, reminder_days: int, contract_ids: list[int] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DueCounts:
    """Each contract's (overdue, due within 7 days) deadlines, for the contracts that have any
    (terminated contracts left out, as ``all_deadlines`` does): what the window's start-up notice
    counts, without holding every deadline of a large register in memory (issue 18: at 100,000
    contracts the full list is some 200,000 objects), in a compact ``DueCounts``. Stops early when
    ``cancelled()`` turns true."""
    counts = DueCounts()
    for contract_id, items in _each_contract(session, today=today, reminder_days=reminder_days,
                                             contract_ids=contract_ids, cancelled=cancelled):
        counts.add(contract_id, sum(1 for d in items if d.state == "overdue"),
                   sum(1 for d in items if d.state == "due_soon"))
    return counts


def _each_contract(
    session: Session, *, today: dt.date, reminder_days: int, contract_ids: list[int] | None = None,
    include_terminated: bool = False, progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[tuple[int, list[Deadline]]]:
    """(contract id, its deadlines) for each live contract (or each of ``contract_ids``), batch by batch
    in id order."""
    # In id order, which costs nothing: the statement scans the table, in rowid order. Read row by row
    # on the session's connection (the ORM's ``session.scalars`` buffers every row first: 16 MB at
    # 100,000 contracts) into an array of 8 bytes an id, not a list of int objects (issue 18: memory).
    query = select(Contract.id).where(LIVE).order_by(Contract.id)
    if contract_ids is not None:
        query = query.where(Contract.id.in_(contract_ids))
    if not include_terminated:
        query = query.where(or_(Contract.status.is_(None), Contract.status != "terminated"))
    ids = array("q", session.connection().execute(query).scalars())
    if cancelled is not None and cancelled():
        return
    calendar = working_calendar(session)
    done_count = 0
    amended = pending_ids(session, today)
    for batch in _batches(session, ids):
        if cancelled is not None and cancelled():
            return
        for contract_id, (data, events, done) in batch.items():
            if cancelled is not None and cancelled():  # per contract: a closing window waits for one only
                return
            if contract_id in amended:  # an amendment not yet in force: today's terms
                data = in_force_of(session, load(session, contract_id), contract_id, today)
            yield contract_id, deadlines(data, events, done, calendar, today, reminder_days, contract_id=contract_id)
        done_count += len(batch)
        if progress is not None:
            progress(done_count, len(ids))


def refresh_next_due(session: Session, *, progress: Progress | None = None) -> int:
    """Recompute the stored ``next_due`` of every contract and the installments'
    ``resolved_due_date`` (``refresh_resolved_due_dates``) after the holiday table changed, in the
    caller's transaction; returns how many contracts' ``next_due`` changed."""
    refresh_resolved_due_dates(session)
    ids = list(session.scalars(select(Contract.id).order_by(Contract.id)))
    table = Contract.__table__
    current = dict(session.execute(select(table.c.id, table.c.next_due)).all())
    calendar = working_calendar(session)
    today = dt.date.today()
    changes = []
    seen = 0
    amended = pending_ids(session, today)
    for batch in _batches(session, ids):
        for contract_id, (data, events, done) in batch.items():
            if contract_id in amended:  # an amendment not yet in force: today's terms
                data = in_force_of(session, load(session, contract_id), contract_id, today)
            value = next_due_of(data, events, done, calendar, today)
            if value != current.get(contract_id):
                changes.append({"contract_id": contract_id, "next_due": value})
        seen += len(batch)
        if progress is not None:
            progress(seen, len(ids))
    if changes:
        session.execute(update(table).where(table.c.id == bindparam("contract_id"))
                        .values(next_due=bindparam("next_due")), changes)
    return len(changes)


def refresh_resolved_due_dates(session: Session) -> int:
    """Recompute every installment's stored ``resolved_due_date`` (``services.calendar.stored.resolved_due_dates``)
    in the caller's transaction: after the holiday table changed, and to fill the column
    (migration 0016). A fixed date (or no date and no rule) is copied in one UPDATE; the
    installments counted from an event are resolved a ``BATCH`` of contracts at a time, under the
    terms as stored. Reads only the columns the deadlines need (plain Core selects). Returns how
    many rows changed."""
    inst = Installment.__table__
    fixed = or_(inst.c.due_date.is_not(None), inst.c.due_after.is_(None))
    copied = session.execute(update(inst).where(fixed, inst.c.resolved_due_date.is_distinct_from(inst.c.due_date))
                             .values(resolved_due_date=inst.c.due_date))
    changed = int(getattr(copied, "rowcount", 0) or 0)  # a CursorResult for an UPDATE
    ids = sorted(set(session.scalars(select(inst.c.contract_id).where(~fixed))))
    if not ids:
        return changed
    current = {(cid, seq): day for cid, seq, day in session.execute(
        select(inst.c.contract_id, inst.c.seq, inst.c.resolved_due_date).where(~fixed))}
    changes = []
    for batch in _batches(session, ids):
        for contract_id, (data, events, done) in batch.items():
            for seq, day in resolved_due_dates(session, contract_id, data, recorded=(events, done)).items():
                if (contract_id, seq) in current and current[(contract_id, seq)] != day:
                    changes.append({"cid": contract_id, "row_seq": seq, "day": day})
    if changes:
        session.execute(update(inst).where(inst.c.contract_id == bindparam("cid"),
                                           inst.c.seq == bindparam("row_seq"))
                        .values(resolved_due_date=bindparam("day")), changes)
    return changed + len(changes)


def _target(session: Session, contract_id: int, key: str) -> tuple[object, str] | None:
    """The row and the field that record ``key`` as done, or None for a ``DeadlineDone`` mark."""
    parts = key.split(":")
    kind, seq = parts[0], int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    model: type[Installment | Bond | Milestone]
    if kind == "installment" and seq is not None and len(parts) == 2:
        model, field = Installment, "paid_date"
    elif kind == "bond" and seq is not None and len(parts) == 3 and parts[2] in ("lodge", "return"):
        model, field = Bond, "lodged_date" if parts[2] == "lodge" else "returned_date"
    elif kind == "milestone" and seq is not None and len(parts) == 2:
        model, field = Milestone, "done_date"
    else:
        return None
    row = session.scalar(select(model).where(model.contract_id == contract_id, model.seq == seq))
    if row is None:
        raise NoSuchRowError(NO_SUCH_ROW, what=_ROW_NAMES[kind], seq=seq)
    return row, field


def done_value(session: Session, contract_id: int, key: str) -> dt.date | None:
    """The date deadline ``key`` of a contract is marked done on, or None."""
    target = _target(session, contract_id, key)
    if target is not None:
        row, field = target
        return getattr(row, field)
    return done_marks(session, contract_id).get(key)


def mark_done(session: Session, contract_id: int, key: str, done_date: dt.date | None) -> dt.date | None:
    """Mark deadline ``key`` of a contract done on ``done_date`` (None: not done), in the caller's
    transaction; returns the value it replaced (for undo). An installment records it as its
    ``paid_date``, a bond's lodging and return as ``lodged_date`` / ``returned_date``, a milestone
    as ``done_date``; anything else (an occurrence of a recurring milestone, a renewal reminder,
    a bond's validity, the end of the term) as a ``DeadlineDone`` row. Keeps ``next_due``.
    Records history ``mark_done`` (details: key, before, after) and its ``Changes``; a date stored
    on a row of the contract (paid, lodged, returned, done) is contract data, so it takes the
    contract's next version (an editor that loaded the older one gets ``ConflictError`` on save)."""
    contract = _contract(session, contract_id)
    target = _target(session, contract_id, key)
    if target is not None:
        claim_version(session, contract_id, None)
        row, field = target
        previous = getattr(row, field)
        setattr(row, field, done_date)
    else:
        mark = session.scalar(select(DeadlineDone).where(DeadlineDone.contract_id == contract_id,
                                                         DeadlineDone.key == key))
        previous = mark.done_date if mark is not None else None
        if done_date is None:
            session.execute(delete(DeadlineDone).where(DeadlineDone.contract_id == contract_id,
                                                       DeadlineDone.key == key))
        elif mark is None:
            session.add(DeadlineDone(contract_id=contract_id, key=key, done_date=done_date))
        else:
            mark.done_date = done_date
    refresh_list_columns(session, contract)
    session.flush()
    session.refresh(contract, ["version"])
    history_log.record(session, HistoryAction.MARK_DONE, contract_id=contract_id, contract_no=contract.contract_no,
                       contract_version=contract.version,
                       details={"key": key, "before": history_log.json_value(previous),
                                "after": history_log.json_value(done_date)})
    return previous
