"""``main.py calendar``: every contract's deadlines in date order, or as an .ics file.

    main.py calendar [--from DATE] [--to DATE] [--ics FILE] [--reminder-days N] [--today DATE]
                     [--lang zh_CN|en] [--each] [--db PATH]

One line per deadline, tab-separated: contract number, item, date (``-`` while waiting), state
(with the events it waits for). A daily, weekly or monthly series is one line (its next open
date; how many are open and overdue, done through which date) unless ``--each``. Without
``--from``/``--to`` the waiting deadlines follow the dated ones; with either, only dated deadlines
in that range (inclusive) are listed. ``--ics FILE`` writes the not-done dated deadlines as
iCalendar with an alarm ``--reminder-days`` calendar days before each (default
``DEFAULT_REMINDER_DAYS``; a routine series one repeating event) instead of listing them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cli.language import cli_language
from cli.messages import cannot_write, fail
from cli.words import META_DATE, META_FILE, is_chinese, say, short_language
from services.calendar.deadlines import DEFAULT_REMINDER_DAYS, Deadline, state_text, waiting_text
from services.calendar.recurrence import recurrence_text
from services.calendar.series import SeriesSummary, group_routine
from services.errors import Term, UserError, define
from services.ledger import values

if TYPE_CHECKING:
    from services.store import Store

__all__ = ["HELP", "add_arguments", "date_type", "deadline_line", "in_range", "run"]

HELP = define("CLI_HELP_CALENDAR", "按日期列出所有合同的期限，或写成 .ics 日历文件（--ics）",
              "deadlines of every contract in date order, or an .ics file (--ics)")
HELP_FROM = define("CLI_HELP_CALENDAR_FROM", "列出的第一个到期日", "first due date to list")
HELP_TO = define("CLI_HELP_CALENDAR_TO", "列出的最后一个到期日", "last due date to list")
HELP_ICS = define("CLI_HELP_CALENDAR_ICS", "写 iCalendar 文件，而不是列出",
                  "write an iCalendar file instead of listing")
HELP_REMINDER = define("CLI_HELP_CALENDAR_REMINDER", "提醒与续约提醒提前的天数（默认 {days}）",
                       "alarm and renewal reminder, days before (default {days})")
HELP_TODAY = define("CLI_HELP_CALENDAR_TODAY", "按此日期计算逾期和即将到期", "count overdue/due-soon as of DATE")
HELP_EACH = define("CLI_HELP_CALENDAR_EACH", "逐次列出按日、周、月重复的事项（默认：每项一行）",
                   "list every occurrence of a daily, weekly or monthly series (default: one line each)")
NOT_DAYS = define("CLI_NOT_DAYS", "不是天数：{text}", "not a number of days: {text!r}")
NEGATIVE_DAYS = define("CLI_NEGATIVE_DAYS", "提醒天数须为 0 或以上：{text}",
                       "reminder days must be 0 or more: {text!r}")
SERIES_COUNT = define("CLI_SERIES_COUNT", "未完成 {open} 次，逾期 {overdue} 次", "{open} open, {overdue} overdue")
SERIES_THROUGH = define("CLI_SERIES_DONE_THROUGH", "，已完成至 {date}", ", done through {date}")
ESTIMATE = Term("estimate", "估算")
WROTE_EVENTS = define("CLI_CALENDAR_WROTE", "已将 {count} 个事件写入 {path}", "wrote {count} event(s) to {path}")
COUNT = define("CLI_CALENDAR_COUNT", "共 {count} 个期限", "{count} deadline(s)")


def date_type(language: str) -> Callable[[str], dt.date]:
    """An argparse ``type`` reading a date as the ledger does (``2026-05-31``, ``2026年5月31日`` …);
    one that does not parse is argparse's error (exit 2) with the reason in ``language``."""

    def read(text: str) -> dt.date:
        try:
            return values.parse_date(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(exc.message(language) if isinstance(exc, UserError) else str(exc)) \
                from exc

    return read


def days_type(language: str) -> Callable[[str], int]:
    """An argparse ``type`` reading a whole number of days, 0 or more; else argparse's error in ``language``."""

    def read(text: str) -> int:
        try:
            days = int(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(say(NOT_DAYS, language, text=text)) from exc
        if days < 0:
            raise argparse.ArgumentTypeError(say(NEGATIVE_DAYS, language, text=text))
        return days

    return read


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """The ``calendar`` subcommand's options (``main.py``'s parser)."""
    date, read_date = say(META_DATE, language), date_type(language)
    parser.add_argument("--from", dest="start", metavar=date, type=read_date, help=say(HELP_FROM, language))
    parser.add_argument("--to", dest="end", metavar=date, type=read_date, help=say(HELP_TO, language))
    parser.add_argument("--ics", metavar=say(META_FILE, language), type=Path, help=say(HELP_ICS, language))
    parser.add_argument("--reminder-days", metavar="N", type=days_type(language), default=DEFAULT_REMINDER_DAYS,
                        help=say(HELP_REMINDER, language, days=DEFAULT_REMINDER_DAYS))
    parser.add_argument("--today", metavar=date, type=read_date, help=say(HELP_TODAY, language))
    parser.add_argument("--each", action="store_true", help=say(HELP_EACH, language))


def in_range(deadline: Deadline, start: dt.date | None, end: dt.date | None) -> bool:
    """True if ``deadline`` is dated within [start, end]; with neither bound every deadline is."""
    if start is None and end is None:
        return True
    if deadline.due is None:
        return False
    return (start is None or deadline.due >= start) and (end is None or deadline.due <= end)


def _aside(text: str, language: str) -> str:
    """`` (text)`` after a state; ``（text）`` in Chinese."""
    return f"（{text}）" if is_chinese(language) else f" ({text})"


def deadline_line(deadline: Deadline, language: str, series: SeriesSummary | None = None) -> str:
    """contract number, item, date, state — tab-separated; ``series``: the deadline stands for a
    routine series (its next open occurrence), which the item and state say."""
    state = state_text(deadline, language)
    item = deadline.label(language)
    if series is not None:
        words = (recurrence_text(deadline.recurrence, language) or "").split("，")[0].split(", ")[0]
        item = f"{item} · {words}"
        count = say(SERIES_COUNT, language, open=series.open, overdue=series.overdue)
        through = say(SERIES_THROUGH, language, date=series.done_through.isoformat()) if series.done_through else ""
        due = deadline.due.isoformat() if series.open and deadline.due else "-"
        return f"{deadline.contract_no}\t{item}\t{due}\t{state}{_aside(count + through, language)}"
    if deadline.waiting_for:
        state = state + _aside(waiting_text(deadline.waiting_for, language, deadline.labels), language)
    elif deadline.estimate and deadline.state != "estimate":
        state = state + _aside(ESTIMATE.label(language), language)
    due = deadline.due.isoformat() if deadline.due else "-"
    return f"{deadline.contract_no}\t{item}\t{due}\t{state}"


def run(store: Store, args: argparse.Namespace) -> int:
    """Run ``main.py calendar``; returns the exit status (1 when the .ics cannot be written)."""
    from services.calendar.agenda import all_deadlines  # the store's modules load only when the command runs
    from services.calendar.ics import write_ics

    language = short_language(cli_language(args.lang))
    today = args.today or dt.date.today()
    with store.session() as session:
        items = all_deadlines(session, today=today, reminder_days=args.reminder_days)
    chosen = [d for d in items if in_range(d, args.start, args.end)]
    if args.ics is not None:
        try:
            count = write_ics(args.ics, chosen, args.reminder_days, language)
        except OSError as exc:
            return fail(cannot_write(args.ics, exc), args)
        print(say(WROTE_EVENTS, language, count=count, path=args.ics))
        return 0
    rows = [(d, None) for d in chosen] if args.each else group_routine(chosen)
    for deadline, series in rows:
        print(deadline_line(deadline, language, series))
    print(say(COUNT, language, count=len(rows)), file=sys.stderr)
    return 0

