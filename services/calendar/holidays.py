"""The officer's working-day schedule: the holiday table of the store, and its CSV file.

The State Council publishes each December the next year's schedule (国务院办公厅关于某年部分节假日
安排的通知): the public holidays and the make-up working days (调休). The chinesecalendar package
carries the years it knew when it was released; for a later year the officer enters or imports the
notice here, and it takes precedence (``services.calendar.workdays.WorkingCalendar``).

CSV file: one row per day, columns ``date`` (日期), ``is_working_day`` (是否工作日) and ``name``
(名称, optional) — header names in English or Chinese, any order, read like the ledger (UTF-8 or
GB18030, comma/tab/semicolon; spec ``csv-format.md``). ``is_working_day``: ``1``/``true``/``yes``/
``是``/``班``/``上班``/``工作日`` for a make-up working day, ``0``/``false``/``no``/``否``/``休``/``休息``/
``节假日`` for a holiday. Problems are reported as ``file:row:column: reason``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.obligations import Holiday
from services.calendar.workdays import WorkingCalendar
from services.errors import InputError, LocatedProblem, Term, define
from services.ledger.files import LedgerFile, LedgerFileError, decode
from services.ledger.read import Problems, _sniff_separator, read_table
from services.ledger.schema import Column, Table

__all__ = ["HOLIDAYS", "HolidayFileError", "HolidayRow", "load_holidays", "parse_holiday_text", "parse_working",
           "read_holiday_file", "save_holidays", "working_calendar", "write_holiday_csv"]

#: The holiday file as a ledger-style table (so the ledger reader reads it).
HOLIDAYS = Table("holidays", ("date",), (
    Column("date", "日期", "date", True),
    Column("is_working_day", "是否工作日", "text", True),
    Column("name", "名称"),
))
_WORKING = {"1", "true", "yes", "y", "是", "班", "上班", "工作日"}
_RESTING = {"0", "false", "no", "n", "否", "休", "休息", "休息日", "假", "节假日", "放假"}
_CACHE_KEY = "contractdesk.working_calendar"


class HolidayFileError(ValueError):
    """The holiday file was rejected; ``problems`` lists every reason as ``file:row:column: reason``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class HolidayRow:
    """One day of the schedule: ``is_working_day`` True for a make-up working day (调休上班),
    False for a holiday; ``name`` e.g. 春节."""

    day: dt.date
    is_working_day: bool
    name: str | None = None

NOT_YES_NO = define("HOLIDAY_NOT_YES_NO", "不是“是/否”（1 工作日，0 休息日；是/否）：“{text}”",
                    "not a yes/no value (1 working day, 0 holiday; 是/否): {text!r}")

UNREADABLE = define("HOLIDAY_FILE_UNREADABLE", "无法读取该文件（{reason}）", "cannot read the file ({reason})")
DATES_TWICE = define("HOLIDAY_DATES_TWICE", "日期重复出现：{days}", "dates listed twice: {days}")


def parse_working(text: str) -> bool:
    """``is_working_day`` cell → bool (see the module docstring); ``ValueError`` otherwise."""
    body = text.strip().lower()
    if body in _WORKING:
        return True
    if body in _RESTING:
        return False
    raise InputError(NOT_YES_NO, text=text[:60])


def parse_holiday_text(text: str, label: str) -> tuple[list[HolidayRow], list[str]]:
    """Parse a holiday CSV; returns (rows sorted by date, warnings). Raises ``HolidayFileError``
    with every problem (missing columns, bad dates or yes/no values, a date twice)."""
    problems = Problems()
    records = read_table(text, HOLIDAYS, label, problems)
    first_line = text.splitlines()[0] if text else ""
    header = next(csv.reader(io.StringIO(first_line), delimiter=_sniff_separator(text, HOLIDAYS)), [])
    title = next((cell.strip() for cell in header if cell.strip().replace(" ", "").lower()
                  in ("is_working_day", "是否工作日")), "is_working_day")
    rows: list[HolidayRow] = []
    for record in records:
        cell = record.values.get("is_working_day")
        day = record.values.get("date")
        if cell is None or not isinstance(day, dt.date):
            continue  # reported by the reader
        try:
            working = parse_working(str(cell))
        except InputError as exc:
            problems.errors.append(LocatedProblem(label, record.row, Term("is working day", "是否工作日"), exc.code,
                                                  exc.params, header=title))
            continue
        name = record.values.get("name")
        rows.append(HolidayRow(day, working, str(name) if name else None))
    if problems.errors:
        raise HolidayFileError(problems.errors)
    return sorted(rows, key=lambda row: row.day), problems.warnings


def read_holiday_file(path: Path) -> tuple[list[HolidayRow], list[str]]:
    """Read the holiday CSV at ``path`` (UTF-8 or GB18030). Raises ``HolidayFileError``."""
    try:
        text = decode(LedgerFile("holidays", path.name, path.read_bytes()))
    except OSError as exc:
        raise HolidayFileError([LocatedProblem(path.name, None, None, UNREADABLE,
                                               {"reason": exc.strerror or type(exc).__name__})]) from exc
    except LedgerFileError as exc:
        raise HolidayFileError([LocatedProblem(path.name, *exc.where(), exc.code, exc.params)]) from exc
    return parse_holiday_text(text, path.name)


def write_holiday_csv(rows: list[HolidayRow], path: Path) -> None:
    """Write ``rows`` as a holiday CSV (UTF-8 with BOM, ``\\r\\n``, English headers), as the ledger writer does."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([column.name for column in HOLIDAYS.columns])
        for row in sorted(rows, key=lambda r: r.day):
            writer.writerow([row.day.isoformat(), "1" if row.is_working_day else "0", row.name or ""])


def load_holidays(session: Session) -> list[HolidayRow]:
    """The holiday table of the store, by date."""
    return [HolidayRow(h.day, h.is_working_day, h.name)
            for h in session.scalars(select(Holiday).order_by(Holiday.day))]


def save_holidays(session: Session, rows: list[HolidayRow]) -> None:
    """Replace the whole holiday table with ``rows`` (in the caller's transaction).
    Raises ``InputError`` ``HOLIDAY_DATES_TWICE`` (a ``ValueError``) if a date appears twice.
    Records history ``holidays`` (details: the days
    added, removed and changed) and its ``Changes`` (every contract's deadlines)."""
    days = [row.day for row in rows]
    if len(set(days)) != len(days):
        twice = sorted({day for day in days if days.count(day) > 1})
        raise InputError(DATES_TWICE, days=", ".join(day.isoformat() for day in twice))
    old = {row.day: row for row in load_holidays(session)}
    session.execute(delete(Holiday))
    session.add_all(Holiday(day=row.day, is_working_day=row.is_working_day, name=row.name) for row in rows)
    session.flush()
    session.info.pop(_CACHE_KEY, None)
    from services import history as history_log
    from services.history import HistoryAction

    new = {row.day: row for row in rows}
    history_log.record(session, HistoryAction.HOLIDAYS, details={
        "added": sorted(day.isoformat() for day in new.keys() - old.keys()),
        "removed": sorted(day.isoformat() for day in old.keys() - new.keys()),
        "changed": sorted(day.isoformat() for day in new.keys() & old.keys()
                          if (new[day].is_working_day, new[day].name) != (old[day].is_working_day, old[day].name)),
    })


def working_calendar(session: Session) -> WorkingCalendar:
    """The working-day calendar with the store's holiday table; built once per session (a long
    import reads the table once), rebuilt after ``save_holidays``."""
    calendar = session.info.get(_CACHE_KEY)
    if calendar is None:
        rows = load_holidays(session)
        calendar = WorkingCalendar({row.day: row.is_working_day for row in rows},
                                   {row.day: row.name for row in rows if row.name})
        session.info[_CACHE_KEY] = calendar
    return calendar
