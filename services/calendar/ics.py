"""Deadlines as an iCalendar file (RFC 5545, the ``icalendar`` package), for Outlook or a phone.

Each dated deadline that is not done becomes an all-day event (``DTSTART;VALUE=DATE`` on the due
date, ``DTEND`` the next day) with a display alarm (``VALARM``) at 09:00 ``reminder_days``
calendar days before. A routine series (daily, weekly, monthly: ``services.calendar.series``) is one
event with an ``RRULE`` from its first open occurrence to its last, ``EXDATE`` for the dates it
skips there (occurrences done, or moved off a rest day) and ``RDATE`` for the dates it moved to — not
hundreds of events. The UID is the contract number and the deadline's (or series') key, so
importing a newer file updates the events instead of duplicating them. An estimated date (a year
whose official working-day schedule is not yet known) is ``STATUS:TENTATIVE``. Which deadlines go
in is the caller's choice (the agenda's filters; open ones only by default).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from services.calendar.deadlines import Deadline, kind_text, state_text
from services.calendar.recurrence import recurrence_text, rfc_rule
from services.calendar.series import is_routine, series_key

__all__ = ["ALARM_HOUR", "calendar_ics", "write_ics"]

#: The alarm rings at this hour (local time of the device) on the reminder day.
ALARM_HOUR = 9


def _uid(contract_no: str, key: str) -> str:
    digest = hashlib.sha1(f"{contract_no}\x00{key}".encode()).hexdigest()[:20]
    return f"{digest}@contractdesk"


def _event(deadline: Deadline, key: str, reminder_days: int, language: str, stamp: dt.datetime) -> Event:
    zh = language == "zh"
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
    event.add("uid", _uid(deadline.contract_no, key))
    event.add("dtstamp", stamp)
    assert deadline.due is not None
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
    return event


def _series_event(occurrences: list[Deadline], reminder_days: int, language: str,
                  stamp: dt.datetime) -> Event | None:
    """One event for the open occurrences of a series; None when its rule cannot be written."""
    first, last = occurrences[0], occurrences[-1]
    start, end = first.nominal or first.due, last.nominal or last.due
    assert start is not None and end is not None and first.recurrence is not None
    made = rfc_rule(first.recurrence, start, end)
    if made is None:
        return None
    rule, dates = made
    actual = {d.due for d in occurrences if d.due is not None}
    event = _event(first, series_key(first), reminder_days, language, stamp)
    event.pop("dtstart")
    event.add("dtstart", start)
    event.pop("dtend")
    event.add("dtend", start + dt.timedelta(days=1))
    event.add("rrule", _rrule_value(rule))
    skipped = sorted(set(dates) - actual)
    added = sorted(actual - set(dates))
    if skipped:
        event.add("exdate", skipped)
    if added:
        event.add("rdate", added)
    words = recurrence_text(first.recurrence, language)
    if words:
        event["description"] = f"{event['description']}\n{'重复' if language == 'zh' else 'Repeats'}: {words}"
    return event


def _rrule_value(rule: str) -> dict[str, object]:
    """``FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1`` as icalendar's vRecur mapping."""
    value: dict[str, object] = {}
    for part in rule.split(";"):
        name, _, text = part.partition("=")
        if name == "UNTIL":
            value[name] = dt.datetime.strptime(text, "%Y%m%d").date()
        else:
            value[name] = [int(v) if v.lstrip("-").isdigit() else v for v in text.split(",")]
    return value


def calendar_ics(items: Iterable[Deadline], reminder_days: int, language: str = "zh",
                 stamp: dt.datetime | None = None) -> bytes:
    """The iCalendar text of the dated, not-done deadlines in ``items``; ``reminder_days`` (≥ 0)
    calendar days before each an alarm; texts in ``language`` (``zh``/``en``). ``stamp``: the
    DTSTAMP (UTC; default now). A routine series' open occurrences become one repeating event."""
    zh = language == "zh"
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", "-//ContractDesk//合同台账//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "合同履约日历" if zh else "Contract deadlines")
    series: dict[tuple[str, int | None], list[Deadline]] = {}
    for deadline in items:
        if deadline.due is None or deadline.state == "done":
            continue
        if is_routine(deadline):
            series.setdefault((deadline.contract_no, deadline.seq), []).append(deadline)
            continue
        calendar.add_component(_event(deadline, deadline.key, reminder_days, language, stamp))
    for occurrences in series.values():
        occurrences.sort(key=lambda d: d.nominal or d.due or dt.date.max)
        event = _series_event(occurrences, reminder_days, language, stamp) if len(occurrences) > 1 else None
        if event is not None:
            calendar.add_component(event)
        else:
            for deadline in occurrences:
                calendar.add_component(_event(deadline, deadline.key, reminder_days, language, stamp))
    return calendar.to_ical()


def write_ics(path: Path, items: Iterable[Deadline], reminder_days: int, language: str = "zh") -> int:
    """Write ``calendar_ics`` to ``path``; returns the number of events written (a series counts once)."""
    data = calendar_ics(items, reminder_days, language)
    path.write_bytes(data)
    return data.count(b"BEGIN:VEVENT")
