"""How a deadline's fixed date or rule becomes a date: the events it counts from and the counting itself.

Apart from ``services.calendar.deadlines`` to keep that module to which deadlines a contract has and
where they stand. The rules and their sources are in that module's docstring: a fixed date, or
``due_offset`` ``due_unit``s after (before) the latest of the ``due_after`` events; the effective date
defaults to the signing date (民法典 第五百零二条); counting per 民法典 第二百零一条 to 第二百零三条;
working days from ``services.calendar.workdays.WorkingCalendar``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from services.calendar.workdays import WorkingCalendar
from services.register.contract_data import ContractData

__all__ = ["Resolved", "Rule", "count_from", "event_dates", "resolve_rule"]

#: A fixed-date-or-rule deadline as stored: (due_date, due_after, due_offset, due_unit).
Rule = tuple[dt.date | None, str | None, int | None, str | None]


@dataclass(frozen=True)
class Resolved:
    """A rule turned into a date: ``due`` (None while ``waiting_for`` names events without a
    date), ``estimate`` (the counting used an estimated year) and ``nominal`` (the day before a
    move to the next working day, 民法典 第二百零三条; None when it did not move)."""

    due: dt.date | None
    waiting_for: tuple[str, ...] = ()
    estimate: bool = False
    nominal: dt.date | None = None


def event_dates(contract: ContractData, recorded: Mapping[str, dt.date]) -> dict[str, dt.date]:
    """The date of every event known for ``contract``: its own dates (signing, effective — the
    signing date when no effective date is given —, start, end) over the ``recorded`` ones."""
    dates = dict(recorded)
    own = {"signing": contract.sign_date, "effective": contract.effective_date or contract.sign_date,
           "start": contract.start_date, "end": contract.end_date}
    for code, day in own.items():
        if day is not None:
            dates[code] = day
        else:
            dates.pop(code, None)
    return dates


def count_from(base: dt.date, offset: int, unit: str | None, calendar: WorkingCalendar) -> Resolved:
    """``offset`` ``unit``s after ``base`` (before it when negative), by the counting rules of
    ``services.calendar.deadlines``' docstring (民法典 第二百零一条 to 第二百零三条): the day of ``base``
    is not counted; a positive number of days or months that ends on a non-working day ends on the next
    working day (``nominal`` keeps the day before that move); working days and periods before ``base``
    do not move.
    ``unit``: ``working_days``, ``days`` (also when None or unknown), ``months``."""
    if unit == "working_days":
        due = calendar.add_working_days(base, offset)
        return Resolved(due, estimate=offset != 0 and calendar.spans_estimate(base, due))
    nominal = base + (relativedelta(months=offset) if unit == "months" else dt.timedelta(days=offset))
    if offset <= 0:
        return Resolved(nominal)
    due = calendar.next_working_day(nominal)
    return Resolved(due, estimate=calendar.spans_estimate(nominal, due), nominal=nominal if due != nominal else None)


def resolve_rule(
    due_date: dt.date | None, due_after: str | None, due_offset: int | None, due_unit: str | None,
    events: Mapping[str, dt.date], calendar: WorkingCalendar,
) -> Resolved | None:
    """The date a fixed-date-or-rule deadline falls on; None when it has neither a date nor an event.

    ``events``: every known event date (``event_dates``; a linked row's due date under its code,
    ``installment:2``). A fixed ``due_date`` wins over a rule.
    """
    if due_date is not None:
        return Resolved(due_date)
    codes = [code.strip() for code in (due_after or "").split("+") if code.strip()]
    if not codes:
        return None
    missing = tuple(code for code in codes if code not in events)
    if missing:
        return Resolved(None, waiting_for=missing)
    return count_from(max(events[code] for code in codes), due_offset or 0, due_unit, calendar)
