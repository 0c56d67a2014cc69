"""What the store holds for one contract's deadlines: its recorded events, its done marks, and the
list's "next due" derived from them.

Apart from ``services.calendar.agenda`` because ``services.register.contracts`` needs
``stored_next_due`` when it saves a contract, and the agenda builds on the register: this module
reads the store's event and done-mark tables only, never the register's use cases.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.obligations import ContractEvent, DeadlineDone
from services.calendar.deadlines import deadlines, next_due
from services.calendar.holidays import working_calendar
from services.register.contract_data import BondData, ContractData, InstallmentData, MilestoneData

__all__ = ["OWN_EVENTS", "done_marks", "recorded_events", "recorded_labels", "stored_next_due"]

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
    (``services.calendar.deadlines.next_due``) on ``today`` (default: the current date). ``data``: the
    terms in force that day (``services.register.contracts.refresh_list_columns`` takes back an
    amendment not yet in force: ``services.amendments.today``). Reads events and done marks only
    when a rule needs them; ``recorded``: the contract's ``recorded_events`` and ``done_marks`` when
    the caller already has them (an import writing a batch of new contracts), so nothing is read."""
    today = today or dt.date.today()
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
    items = deadlines(data, events, done, working_calendar(session), today, 0, contract_id=contract_id)
    return next_due(items)
