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
from pathlib import Path
from typing import TYPE_CHECKING

from cli.language import cli_language
from cli.messages import cannot_write, fail
from services.calendar.deadlines import DEFAULT_REMINDER_DAYS, Deadline, state_text, waiting_text
from services.calendar.recurrence import recurrence_text
from services.calendar.series import SeriesSummary, group_routine
from services.ledger import values

if TYPE_CHECKING:
    from services.store import Store

__all__ = ["HELP", "add_arguments", "deadline_line", "in_range", "run"]

HELP = "deadlines of every contract in date order, or an .ics file (--ics)"


def _date(text: str) -> dt.date:
    try:
        return values.parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from exc
    if days < 0:
        raise argparse.ArgumentTypeError(f"reminder days must be 0 or more: {text!r}")
    return days


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``calendar`` subcommand's options (``main.py``'s parser)."""
    parser.add_argument("--from", dest="start", metavar="DATE", type=_date, help="first due date to list")
    parser.add_argument("--to", dest="end", metavar="DATE", type=_date, help="last due date to list")
    parser.add_argument("--ics", metavar="FILE", type=Path, help="write an iCalendar file instead of listing")
    parser.add_argument("--reminder-days", metavar="N", type=_days, default=DEFAULT_REMINDER_DAYS,
                        help=f"alarm and renewal reminder, days before (default {DEFAULT_REMINDER_DAYS})")
    parser.add_argument("--today", metavar="DATE", type=_date, help="count overdue/due-soon as of DATE")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the items (default: the locale's)")
    parser.add_argument("--each", action="store_true",
                        help="list every occurrence of a daily, weekly or monthly series (default: one line each)")


def in_range(deadline: Deadline, start: dt.date | None, end: dt.date | None) -> bool:
    """True if ``deadline`` is dated within [start, end]; with neither bound every deadline is."""
    if start is None and end is None:
        return True
    if deadline.due is None:
        return False
    return (start is None or deadline.due >= start) and (end is None or deadline.due <= end)


def deadline_line(deadline: Deadline, language: str, series: SeriesSummary | None = None) -> str:
    """contract number, item, date, state — tab-separated; ``series``: the deadline stands for a
    routine series (its next open occurrence), which the item and state say."""
    state = state_text(deadline, language)
    item = deadline.label(language)
    if series is not None:
        words = (recurrence_text(deadline.recurrence, language) or "").split("，")[0].split(", ")[0]
        item = f"{item} · {words}"
        if language == "zh":
            count = f"未完成 {series.open} 次，逾期 {series.overdue} 次"
            through = f"，已完成至 {series.done_through.isoformat()}" if series.done_through else ""
        else:
            count = f"{series.open} open, {series.overdue} overdue"
            through = f", done through {series.done_through.isoformat()}" if series.done_through else ""
        due = deadline.due.isoformat() if series.open and deadline.due else "-"
        return f"{deadline.contract_no}\t{item}\t{due}\t{state} ({count}{through})"
    if deadline.waiting_for:
        state = f"{state} ({waiting_text(deadline.waiting_for, language, deadline.labels)})"
    elif deadline.estimate and deadline.state != "estimate":
        state = f"{state} ({'估算' if language == 'zh' else 'estimate'})"
    due = deadline.due.isoformat() if deadline.due else "-"
    return f"{deadline.contract_no}\t{item}\t{due}\t{state}"


def run(store: Store, args: argparse.Namespace) -> int:
    """Run ``main.py calendar``; returns the exit status (1 when the .ics cannot be written)."""
    from services.calendar.agenda import all_deadlines  # the store's modules load only when the command runs
    from services.calendar.ics import write_ics

    language = "zh" if cli_language(args.lang) == "zh_CN" else "en"
    today = args.today or dt.date.today()
    with store.session() as session:
        items = all_deadlines(session, today=today, reminder_days=args.reminder_days)
    chosen = [d for d in items if in_range(d, args.start, args.end)]
    if args.ics is not None:
        try:
            count = write_ics(args.ics, chosen, args.reminder_days, language)
        except OSError as exc:
            return fail(cannot_write(args.ics, exc), args)
        print(f"wrote {count} event(s) to {args.ics}")
        return 0
    rows = [(d, None) for d in chosen] if args.each else group_routine(chosen)
    for deadline, series in rows:
        print(deadline_line(deadline, language, series))
    print(f"{len(rows)} deadline(s)", file=sys.stderr)
    return 0

