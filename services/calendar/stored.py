"""What the store holds for one contract's deadlines: its recorded events, its done marks, and what
is derived from them and kept in the store: the list's "next due" and each installment's
``resolved_due_date`` (the date the overview's SQL reads).

Apart from ``services.calendar.agenda`` because ``services.register.contracts`` needs
``stored_next_due`` when it saves a contract, and the agenda builds on the register: this module
reads the store's event and done-mark tables only, never the register's use cases.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.contract import Installment
from models.obligations import ContractEvent, DeadlineDone
from services.calendar.deadlines import installment_dues, next_due_and_installment_dues, next_due_of
from services.calendar.holidays import working_calendar
from services.register.contract_data import BondData, ContractData, InstallmentData, MilestoneData

__all__ = ["OWN_EVENTS", "done_marks", "keep_resolved_due_dates", "recorded_events", "recorded_labels",
           "resolved_due_dates", "stored_dates", "stored_next_due"]

#: Events that are fields of the contract itself (edited in the contract's General tab).
OWN_EVENTS = ("signing", "effective", "start", "end")


def recorded_events(session: Session, contract_id: int) -> dict[str, dt.date]:
    """The events recorded for a contract with a date: code → date (an event only labelled has
    not happened yet)."""
    rows = session.execute(select(ContractEvent.name, ContractEvent.event_date)
                           .where(ContractEvent.contract_id == contract_id, ContractEvent.event_date.is_not(None)))
    return {name: day for name, day in rows if day is not None}  # (the query already leaves out None)


def recorded_labels(session: Session, contract_id: int) -> dict[str, tuple[str | None, str | None]]:
    """The labels of a contract's events: code → (label, label_en), for those that have one."""
    rows = session.execute(select(ContractEvent.name, ContractEvent.label, ContractEvent.label_en)
                           .where(ContractEvent.contract_id == contract_id))
    return {name: (zh, en) for name, zh, en in rows if zh or en}


def done_marks(session: Session, contract_id: int) -> dict[str, dt.date]:
    """The ``DeadlineDone`` marks of a contract: key → actual date."""
    rows = session.execute(select(DeadlineDone.key, DeadlineDone.done_date)
                           .where(DeadlineDone.contract_id == contract_id))
    return {key: day for key, day in rows}


def stored_next_due(session: Session, contract_id: int | None, data: ContractData, *,
                    today: dt.date | None = None,
                    recorded: tuple[dict[str, dt.date], dict[str, dt.date]] | None = None) -> dt.date | None:
    """The list's "next due" of a contract: the earliest not-done deadline to act on
    (``services.calendar.deadlines.next_due_of``) on ``today`` (default: the current date). ``data``: the
    terms in force that day (``services.register.contracts.refresh_list_columns`` takes back an
    amendment not yet in force: ``services.amendments.today``). Reads events and done marks only
    when a rule needs them; ``recorded``: the contract's ``recorded_events`` and ``done_marks`` when
    the caller already has them (an import writing a batch of new contracts), so nothing is read."""
    today = today or dt.date.today()
    found = _next_due_inputs(session, contract_id, data, recorded)
    if found is None:
        return None
    return next_due_of(data, *found, working_calendar(session), today)


def _next_due_inputs(session: Session, contract_id: int | None, data: ContractData,
                     recorded: tuple[dict[str, dt.date], dict[str, dt.date]] | None
                     ) -> tuple[dict[str, dt.date], dict[str, dt.date]] | None:
    """The events and done marks ``stored_next_due`` builds the deadlines with (only those a rule
    needs; None: the contract has no deadline rule at all, so no next due)."""
    rules: list[InstallmentData | MilestoneData | BondData] = [*data.installments, *data.milestones, *data.bonds]
    if not rules:
        return None
    codes = {code.strip() for item in rules for code in (item.due_after or "").split("+")}
    events: dict[str, dt.date] = {}
    done: dict[str, dt.date] = {}
    if contract_id is not None:  # a contract not yet stored has neither
        if data.bonds or any(code and code not in OWN_EVENTS for code in codes):
            events = recorded[0] if recorded is not None else recorded_events(session, contract_id)
        if any(m.recurrence for m in data.milestones):
            done = recorded[1] if recorded is not None else done_marks(session, contract_id)
    return events, done


def stored_dates(session: Session, contract_id: int, data: ContractData,
                 recorded: tuple[dict[str, dt.date], dict[str, dt.date]], *, today: dt.date | None = None,
                 ) -> tuple[dt.date | None, dict[int, dt.date | None]]:
    """``(stored_next_due(…), resolved_due_dates(…))`` of a stored contract whose ``recorded``
    events and done marks the caller has (an import writing a batch of new contracts): the same
    two results, from one build of the deadlines when both would build them from the same events
    and done marks (the usual case), else as the two functions compute them."""
    today = today or dt.date.today()
    inputs = _next_due_inputs(session, contract_id, data, recorded)
    if inputs is None or inputs != recorded or _fixed_dues(data) is not None:
        return (stored_next_due(session, contract_id, data, today=today, recorded=recorded),
                resolved_due_dates(session, contract_id, data, recorded=recorded, today=today))
    next_due, found = next_due_and_installment_dues(data, *recorded, working_calendar(session), today)
    return next_due, {item.seq: found.get(item.seq) for item in data.installments}


def _fixed_dues(data: ContractData) -> dict[int, dt.date | None] | None:
    """Installment seq → fixed due date when no installment has a rule to count (None otherwise)."""
    if all(item.due_date is not None or not item.due_after for item in data.installments):
        return {item.seq: item.due_date for item in data.installments}
    return None


def resolved_due_dates(session: Session, contract_id: int | None, data: ContractData, *,
                       recorded: tuple[dict[str, dt.date], dict[str, dt.date]] | None = None,
                       today: dt.date | None = None) -> dict[int, dt.date | None]:
    """Installment seq → its due date as the deadlines give it (``services.calendar.deadlines``):
    the fixed ``due_date``, else ``due_offset`` ``due_unit`` counted from the ``due_after`` event(s)
    recorded in the store on the working-day calendar; None while an event has no date (or the
    installment has neither date nor rule). ``data``: the contract's terms as stored (the rows the
    dates are kept on); ``recorded``: its ``recorded_events`` and ``done_marks`` when the caller has
    them; ``today`` (default: the current date) decides which deadlines are done. A contract whose
    installments all have a fixed date (or none) reads nothing."""
    fixed = _fixed_dues(data)
    if fixed is not None:
        return fixed
    events: dict[str, dt.date] = {}
    done: dict[str, dt.date] = {}
    if contract_id is not None:
        events = recorded[0] if recorded is not None else recorded_events(session, contract_id)
        done = recorded[1] if recorded is not None else done_marks(session, contract_id)
    found = installment_dues(data, events, done, working_calendar(session), today or dt.date.today())
    return {item.seq: found.get(item.seq) for item in data.installments}


def keep_resolved_due_dates(session: Session, contract_id: int, data: ContractData) -> int:
    """Write ``resolved_due_dates`` of the stored contract ``contract_id`` (terms ``data`` as stored)
    onto its installment rows, in the caller's transaction; returns how many rows changed.
    Called by the one writer wherever a contract, its events or done marks change
    (``services.register.contracts.refresh_list_columns``); after the holiday table changed,
    ``services.calendar.agenda.refresh_resolved_due_dates`` does every contract at once."""
    dates = resolved_due_dates(session, contract_id, data)
    changed = 0
    for row in session.scalars(select(Installment).where(Installment.contract_id == contract_id)):
        value = dates.get(row.seq)
        if row.resolved_due_date != value:
            row.resolved_due_date = value
            changed += 1
    return changed
