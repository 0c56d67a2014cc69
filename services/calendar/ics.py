"""Deadlines as an iCalendar file (RFC 5545, the ``icalendar`` package), for Outlook or a phone.

Each dated deadline that is not done becomes an all-day event (``DTSTART;VALUE=DATE`` on the due
date, ``DTEND`` the next day) with a display alarm (``VALARM``) at 09:00 ``reminder_days``
calendar days before. The UID is the contract number and the deadline's key, so importing a
newer file updates the events instead of duplicating them. An estimated date (a year whose
official working-day schedule is not yet known) is ``STATUS:TENTATIVE``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from services.calendar.deadlines import Deadline, kind_text, state_text

__all__ = ["ALARM_HOUR", "calendar_ics", "write_ics"]

#: The alarm rings at this hour (local time of the device) on the reminder day.
ALARM_HOUR = 9


def _uid(deadline: Deadline) -> str:
    digest = hashlib.sha1(f"{deadline.contract_no}\x00{deadline.key}".encode()).hexdigest()[:20]
    return f"{digest}@contractdesk"


def calendar_ics(items: Iterable[Deadline], reminder_days: int, language: str = "zh",
                 stamp: dt.datetime | None = None) -> bytes:
    """The iCalendar text of the dated, not-done deadlines in ``items``; ``reminder_days`` (≥ 0)
    calendar days before each an alarm; texts in ``language`` (``zh``/``en``). ``stamp``: the
    DTSTAMP (UTC; default now)."""
    zh = language == "zh"
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", "-//ContractDesk//合同台账//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "合同履约日历" if zh else "Contract deadlines")
    for deadline in items:
        if deadline.due is None or deadline.state == "done":
            continue
        label = deadline.label(language)
        summary = f"[{deadline.contract_no}] {label}"
        lines = [f"{'合同' if zh else 'Contract'}: {deadline.contract_no}",
                 f"{'类型' if zh else 'Kind'}: {kind_text(deadline.kind, language)}",
                 f"{'状态' if zh else 'State'}: {state_text(deadline, language)}"]
        rule = deadline.rule_text(language)
        if rule:
            lines.append(f"{'期限' if zh else 'Rule'}: {rule}")
        if deadline.responsible_role:
            lines.append(f"{'责任方' if zh else 'Responsible'}: {deadline.responsible_role}")
        if deadline.estimate:
            lines.append("估算日期：该年官方节假日安排尚未录入" if zh
                         else "Estimated date: that year's official holiday schedule is not entered yet")
        event = Event()
        event.add("uid", _uid(deadline))
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.due)
        event.add("dtend", deadline.due + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", "\n".join(lines))
        event.add("categories", [kind_text(deadline.kind, language)])
        event.add("transp", "TRANSPARENT")
        if deadline.estimate:
            event.add("status", "TENTATIVE")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(days=-max(reminder_days, 0), hours=ALARM_HOUR))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def write_ics(path: Path, items: Iterable[Deadline], reminder_days: int, language: str = "zh") -> int:
    """Write ``calendar_ics`` to ``path``; returns the number of events written."""
    data = calendar_ics(items, reminder_days, language)
    path.write_bytes(data)
    return data.count(b"BEGIN:VEVENT")
