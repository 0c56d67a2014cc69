"""Recurring obligations as the contract means them: an RFC 5545 RRULE expanded over the term.

Rules (issue 13; expansion by python-dateutil's ``rrule``, never own month arithmetic):

- **A day the month lacks** — "monthly on the 31st", "quarterly on the 30th", "yearly on 29
  February" — falls on that month's last day. RFC 5545 would skip such months; the rule is
  rewritten to ``BYMONTHDAY=28,…,D;BYSETPOS=-1`` (the last of those days the month has). A
  monthly or yearly rule without a day of its own takes the day of its first date (again with the
  last-day fallback), so "every 3 months from 31 July" keeps to the month's end.
- **The Nth working day of the month**: ``FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=N`` is read
  as the Nth *working* day on the official calendar (``WorkingCalendar``: holidays and 调休
  included) — RFC-valid, and other calendar programs show the Nth weekday, the nearest they can.
- **How many**: ``COUNT`` wins ("每半年1次，共2次" → 2, even past the end of the term); ``UNTIL``
  ends the series; otherwise the series covers every period of the term, the last one included:
  it runs to the end of the term, shifted by how far its first date lies after the start of the
  term when that is at most one period (a report due one month after each month of a
  12-month term has 12 dates, the last one month after the term ends).
- **Rest days**: every occurrence that falls on a weekend or public holiday moves to the next
  working day (民法典 第二百零三条, as single deadlines do), except for a daily rule (a daily
  duty is done every day) and the Nth-working-day shape (already on a working day). An
  occurrence keeps its scheduled date as its identity (``Occurrence.nominal``: the done mark's
  key and ``done_marks.csv``'s ``due_date``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from services.calendar.workdays import WorkingCalendar

__all__ = ["MAX_OCCURRENCES", "ROUTINE_FREQS", "Occurrence", "Shape", "expand", "frequency", "moves", "occurrences",
           "parse_parts", "recurrence_text", "rfc_rule", "shape_of", "shape_rule"]

#: Occurrences of one series at most (a daily rule over a long term stops there).
MAX_OCCURRENCES = 1000
#: Frequencies of a routine series (the agenda shows one row per series of these).
ROUTINE_FREQS = frozenset({"DAILY", "WEEKLY", "MONTHLY"})
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WORKWEEK = "MO,TU,WE,TH,FR"
_STEP = {"DAILY": "days", "WEEKLY": "weeks", "MONTHLY": "months", "YEARLY": "years"}
_DATEUTIL_FREQ = {"DAILY": DAILY, "WEEKLY": WEEKLY, "MONTHLY": MONTHLY, "YEARLY": YEARLY}


@dataclass(frozen=True)
class Occurrence:
    """One date of a series: ``nominal`` (the date the rule names: the occurrence's identity),
    ``due`` (moved to the next working day when the rule moves), ``estimate`` (the move used an
    estimated year)."""

    nominal: dt.date
    due: dt.date
    estimate: bool = False


def parse_parts(recurrence: str) -> dict[str, str]:
    """``FREQ=MONTHLY;BYMONTHDAY=5`` → {"FREQ": "MONTHLY", "BYMONTHDAY": "5"} (keys upper case, an
    ``RRULE:`` prefix dropped). Raises ``ValueError`` on a part without ``=``."""
    body = recurrence.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:"):]
    parts: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in body.split(";"))):
        name, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"not a NAME=VALUE part: {part!r}")
        parts[name.strip().upper()] = value.strip().upper()
    return parts


def frequency(recurrence: str | None) -> str | None:
    """The FREQ of a rule (``MONTHLY`` …), None when there is none or it does not parse."""
    try:
        return parse_parts(recurrence or "").get("FREQ")
    except ValueError:
        return None


def _nth_working_day(parts: dict[str, str]) -> int | None:
    """N for the "Nth working day of the month" shape, else None."""
    if parts.get("FREQ") != "MONTHLY" or parts.get("BYDAY") != _WORKWEEK:
        return None
    position = parts.get("BYSETPOS", "")
    return int(position) if position.isdigit() and int(position) > 0 else None


def moves(recurrence: str) -> bool:
    """True when an occurrence of ``recurrence`` on a rest day moves to the next working day."""
    try:
        parts = parse_parts(recurrence)
    except ValueError:
        return True
    return parts.get("FREQ") != "DAILY" and _nth_working_day(parts) is None


def _month_end_safe(parts: dict[str, str], first: dt.date) -> dict[str, str]:
    """The rule with the last-day fallback for days a month lacks (module docstring)."""
    freq = parts.get("FREQ")
    fixed = dict(parts)
    if freq not in ("MONTHLY", "YEARLY") or any(k in parts for k in ("BYDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS")):
        return fixed
    if freq == "YEARLY" and "BYMONTH" not in parts:
        fixed["BYMONTH"] = str(first.month)
    if freq == "YEARLY" and "," in fixed["BYMONTH"]:
        return fixed  # several months: BYSETPOS would pick one of them
    day_text = parts.get("BYMONTHDAY", str(first.day))
    if not day_text.isdigit():
        return fixed  # several days, or counted from the end: RFC semantics already fit
    day = int(day_text)
    fixed["BYMONTHDAY"] = str(day)
    if day > 28:
        fixed["BYMONTHDAY"] = ",".join(str(d) for d in range(28, day + 1))
        fixed["BYSETPOS"] = "-1"
    return fixed


def _rule(parts: dict[str, str], first: dt.date) -> rrule:
    return _parsed_rule(";".join(f"{k}={v}" for k, v in parts.items()), first)


@lru_cache(maxsize=4096)
def _parsed_rule(text: str, first: dt.date) -> rrule:
    """``rrulestr(text)`` from ``first``, parsed once for each rule and first date (contracts share
    both; an ``rrule`` made without its cache is only read when iterated, so one serves every walk).
    Raises ``ValueError`` / ``TypeError`` as ``rrulestr`` does (a refused rule is not remembered)."""
    made = rrulestr(text, dtstart=dt.datetime.combine(first, dt.time()))
    if not isinstance(made, rrule):
        raise ValueError(f"not a single RRULE: {text!r}")
    return made


def _series_end(parts: dict[str, str], first: dt.date, term_start: dt.date | None, term_end: dt.date | None,
                today: dt.date) -> dt.date | None:
    """The last date the series may reach (None: its COUNT/UNTIL decides)."""
    if "COUNT" in parts or "UNTIL" in parts:
        return None
    if term_end is None:
        return max(today, first) + dt.timedelta(days=366)
    freq = parts.get("FREQ", "MONTHLY")
    interval = int(parts.get("INTERVAL", "1") or 1)
    step = relativedelta(**{_STEP.get(freq, "months"): interval})  # type: ignore[arg-type]
    if term_start is not None and term_start < first <= term_start + step:
        return term_end + relativedelta(first, term_start)  # the series keeps to the term's periods
    return term_end


def occurrences(recurrence: str, first: dt.date, calendar: WorkingCalendar, *, term_start: dt.date | None,
                term_end: dt.date | None, today: dt.date) -> Iterator[Occurrence] | None:
    """The occurrences of ``recurrence`` from ``first`` (its first possible date) under the module's
    rules, lazily, in order of their scheduled date (``nominal``; ``due`` never goes down either,
    since a move goes to the next working day); None when the rule does not parse (decided at
    once). ``term_start`` / ``term_end``: the service term (the series covers its periods);
    ``today``: without an end of term the series runs one year past it. At most
    ``MAX_OCCURRENCES``. A caller that needs only the first open occurrence stops there
    (``services.calendar.deadlines.next_due_of``); ``expand`` takes them all."""
    try:
        parts = parse_parts(recurrence)
        if parts.get("FREQ") not in _STEP:
            return None
        last = _series_end(parts, first, term_start, term_end, today)
        nth = _nth_working_day(parts)
        if nth is not None:
            months = {k: v for k, v in parts.items() if k not in ("BYDAY", "BYSETPOS")}
            months["BYMONTHDAY"] = "1"
            rule = _rule(months, first.replace(day=1))
        else:
            rule = _rule(_month_end_safe(parts, first), first)
    except (ValueError, TypeError):
        return None
    return _walk(rule, first, last, nth, moves(recurrence), calendar)


def _walk(rule: rrule, first: dt.date, last: dt.date | None, nth: int | None, move: bool,
          calendar: WorkingCalendar) -> Iterator[Occurrence]:
    found = 0
    for moment in rule:
        nominal = moment.date()
        if nth is not None:
            nominal = calendar.add_working_days(nominal - dt.timedelta(days=1), nth)
            if nominal < first:
                continue
        if (last is not None and nominal > last) or found >= MAX_OCCURRENCES:
            return
        due = calendar.next_working_day(nominal) if move else nominal
        found += 1
        yield Occurrence(nominal, due, calendar.spans_estimate(nominal, due) if due != nominal else False)


def expand(recurrence: str, first: dt.date, calendar: WorkingCalendar, *, term_start: dt.date | None,
           term_end: dt.date | None, today: dt.date) -> list[Occurrence] | None:
    """Every occurrence of ``recurrence`` from ``first`` (``occurrences``, all of them); None when the
    rule does not parse. At most ``MAX_OCCURRENCES``."""
    found = occurrences(recurrence, first, calendar, term_start=term_start, term_end=term_end, today=today)
    return None if found is None else list(found)


def rfc_rule(recurrence: str, first: dt.date, last: dt.date) -> tuple[str, list[dt.date]] | None:
    """The RFC 5545 form of ``recurrence`` from ``first`` through ``last`` for another calendar program
    (the month-end fallback spelt out with BYSETPOS; COUNT/UNTIL replaced by UNTIL=``last``) and the
    dates it gives there — the caller adds what differs as EXDATE/RDATE (moves, the Nth working
    day, occurrences done). None when the rule does not parse."""
    try:
        parts = {k: v for k, v in parse_parts(recurrence).items() if k not in ("COUNT", "UNTIL")}
        if parts.get("FREQ") not in _STEP:
            return None
        if _nth_working_day(parts) is None:
            parts = _month_end_safe(parts, first)
        parts["UNTIL"] = last.strftime("%Y%m%d")
        dates = [moment.date() for moment in _rule(parts, first)]
    except (ValueError, TypeError):
        return None
    return ";".join(f"{k}={v}" for k, v in parts.items()), dates


# --- shapes the editor offers, and the rule in words ---------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """The common shapes of a recurrence, as the editor offers them: every ``interval`` ``freq``
    (``DAILY``/``WEEKLY``/``MONTHLY``/``YEARLY``); for a monthly one ``day`` (1–31, -1 the last
    day) or ``working_day`` (the Nth working day); for a weekly one ``weekday`` (0 Monday … 6);
    ``count`` times, or ``until`` a date, or (both None) to the end of the term."""

    freq: str = "MONTHLY"
    interval: int = 1
    day: int | None = None
    working_day: int | None = None
    weekday: int | None = None
    count: int | None = None
    until: dt.date | None = None


def shape_rule(shape: Shape) -> str:
    """The RRULE of a shape: Shape("MONTHLY", 3, day=31) → ``FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31``."""
    parts = [f"FREQ={shape.freq}"]
    if shape.interval > 1:
        parts.append(f"INTERVAL={shape.interval}")
    if shape.freq == "WEEKLY" and shape.weekday is not None:
        parts.append(f"BYDAY={_WEEKDAYS[shape.weekday]}")
    if shape.freq == "MONTHLY" and shape.working_day is not None:
        parts += [f"BYDAY={_WORKWEEK}", f"BYSETPOS={shape.working_day}"]
    elif shape.freq == "MONTHLY" and shape.day is not None:
        parts.append(f"BYMONTHDAY={shape.day}")
    if shape.count is not None:
        parts.append(f"COUNT={shape.count}")
    elif shape.until is not None:
        parts.append(f"UNTIL={shape.until.strftime('%Y%m%d')}")
    return ";".join(parts)


def shape_of(recurrence: str | None) -> Shape | None:
    """The shape a rule has, if it is one of the common ones (``shape_rule`` gives it back); None for
    a rule only RRULE can say."""
    try:
        parts = parse_parts(recurrence or "")
    except ValueError:
        return None
    freq = parts.pop("FREQ", None)
    if freq not in _STEP:
        return None
    try:
        interval = int(parts.pop("INTERVAL", "1"))
        count = int(parts.pop("COUNT")) if "COUNT" in parts else None
        until = dt.datetime.strptime(parts.pop("UNTIL")[:8], "%Y%m%d").date() if "UNTIL" in parts else None
    except ValueError:
        return None
    shape = Shape(freq, interval, count=count, until=until)
    if freq == "MONTHLY" and parts.get("BYDAY") == _WORKWEEK and parts.get("BYSETPOS", "").isdigit():
        shape = Shape(freq, interval, working_day=int(parts.pop("BYSETPOS")), count=count, until=until)
        parts.pop("BYDAY")
    elif freq == "MONTHLY" and parts.get("BYMONTHDAY", "").lstrip("-").isdigit():
        day = int(parts.pop("BYMONTHDAY"))
        if not (1 <= day <= 31 or day == -1):
            return None
        shape = Shape(freq, interval, day=day, count=count, until=until)
    elif freq == "WEEKLY" and parts.get("BYDAY") in _WEEKDAYS:
        shape = Shape(freq, interval, weekday=_WEEKDAYS.index(parts.pop("BYDAY")), count=count, until=until)
    return None if parts else shape


_UNIT_ZH = {"DAILY": "日", "WEEKLY": "周", "MONTHLY": "个月", "YEARLY": "年"}
_EVERY_ZH = {"DAILY": "每日", "WEEKLY": "每周", "MONTHLY": "每月", "YEARLY": "每年"}
_UNIT_EN = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
_WEEKDAY_ZH = "一二三四五六日"
_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def recurrence_text(recurrence: str | None, language: str) -> str | None:
    """The rule in words, in ``language`` (``zh``/``en``): ``FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31`` →
    "每3个月31日（该月无31日时为当月最后一日），遇休息日顺延至下一工作日" / "every 3 months on the 31st
    (the last day in a month without one), on a rest day the next working day". A rule outside the
    common shapes reads "重复规则 RRULE" / "repeats: RRULE". None without a rule."""
    if not recurrence:
        return None
    shape = shape_of(recurrence)
    zh = language == "zh"
    if shape is None:
        return f"重复规则 {recurrence}" if zh else f"repeats: {recurrence}"
    if zh:
        text = _EVERY_ZH[shape.freq] if shape.interval == 1 else f"每{shape.interval}{_UNIT_ZH[shape.freq]}"
        if shape.weekday is not None:
            text += f"（周{_WEEKDAY_ZH[shape.weekday]}）"
        if shape.working_day is not None:
            text += f"第{shape.working_day}个工作日"
        elif shape.day == -1:
            text += "最后一日"
        elif shape.day is not None:
            text += f"{shape.day}日" + (f"（该月无{shape.day}日时为当月最后一日）" if shape.day > 28 else "")
        if shape.count is not None:
            text += f"，共{shape.count}次"
        elif shape.until is not None:
            text += f"，至{shape.until.year}年{shape.until.month}月{shape.until.day}日"
        if moves(recurrence):
            text += "，遇休息日顺延至下一工作日"
        return text
    unit = _UNIT_EN[shape.freq]
    text = f"every {unit}" if shape.interval == 1 else f"every {shape.interval} {unit}s"
    if shape.weekday is not None:
        text += f" on {_WEEKDAY_EN[shape.weekday]}"
    if shape.working_day is not None:
        text += f" on the {_ordinal(shape.working_day)} working day"
    elif shape.day == -1:
        text += " on the last day"
    elif shape.day is not None:
        text += f" on the {_ordinal(shape.day)}" + (" (the last day in a month without one)" if shape.day > 28 else "")
    if shape.count is not None:
        text += f", {shape.count} times"
    elif shape.until is not None:
        text += f", until {shape.until.isoformat()}"
    if moves(recurrence):
        text += ", on a rest day the next working day"
    return text
