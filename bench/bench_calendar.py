"""Time switching month in the Calendar's month view with many deadlines (offscreen Qt).

    uv run python bench/bench_calendar.py                        # 10,000 contracts, 200,000 deadlines
    uv run python bench/bench_calendar.py --contracts 2000 --deadlines 40000

Builds the deadlines in memory (``services.calendar.deadlines.Deadline``, 20 per contract, spread over three
years 2025–2027 in every state), feeds ``ui.calendar.calendar_view.CalendarPanel`` through a
``DeadlineSource`` as the window does, shows it, then switches month 24 times three ways, each
including a synchronous repaint of the month:

- ``setCurrentPage``: the page changes, the selected day stays (what the month/year navigation does);
- ``next-month button``: a click on QCalendarWidget's own ▶ button;
- ``select a day of the next month``: ``setSelectedDate`` (keyboard PageDown or a click on a day of
  the next month), which also lists that day's deadlines below the month.

Baselines: a plain ``QCalendarWidget`` without marks repainting a month, and a dict lookup of the
month's deadlines (``by_day``). Prints median / max ms and the ratio to the plain widget; exits 1
if the median of a month switch (``setCurrentPage`` or the button) is 50 ms or more. Selecting a day
is printed too but not gated: it also rebuilds and lays out that day's list (~180 rows here).
Figures: see bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QCalendarWidget, QToolButton, QWidget

from services.calendar.deadlines import KINDS, Deadline
from services.calendar.holidays import WorkingCalendar
from ui.calendar.calendar_view import CalendarPanel
from ui.calendar.deadline_models import DeadlineSource

TODAY = dt.date(2026, 4, 20)
FIRST = dt.date(2025, 1, 1)
DAYS = 3 * 365
LIMIT_MS = 50.0
SWITCHES = 24


def build_deadlines(contracts: int, total: int, seed: int = 1) -> list[Deadline]:
    rng = random.Random(seed)
    per = max(1, total // contracts)
    items: list[Deadline] = []
    for n in range(contracts):
        contract_no = f"BENCH-{n:06d}"
        for seq in range(per):
            due = FIRST + dt.timedelta(days=rng.randrange(DAYS))
            if due < TODAY:
                state = "done" if rng.random() < 0.7 else "overdue"
            elif due <= TODAY + dt.timedelta(days=7):
                state = "due_soon"
            else:
                state = "estimate" if due.year >= 2027 else "upcoming"
            kind = KINDS[seq % len(KINDS)]
            items.append(Deadline(contract_no=contract_no, contract_id=n + 1, kind=kind, seq=seq, name="",
                                  due=due, state=state, key=f"{kind}:{seq}", estimate=due.year >= 2027))
    items.sort(key=lambda d: (d.due, d.contract_no, d.key))
    return items[:total]


def timed(step: Callable[[], None], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return times


def month_stepper(calendar: QCalendarWidget, how: str) -> Callable[[], None]:
    """One switch to the next month (wrapping back to January 2025 after December 2027), then a repaint."""
    button = calendar.findChild(QToolButton, "qt_calendar_nextmonth")

    def step() -> None:
        year, month = calendar.yearShown(), calendar.monthShown()
        wrap = (year, month) >= (2027, 12)
        if how == "page" or (how == "button" and wrap):
            year, month = (2025, 1) if wrap else (year + month // 12, month % 12 + 1)
            calendar.setCurrentPage(year, month)
        elif how == "button":
            button.click()
        else:
            year, month = (2025, 1) if wrap else (year + month // 12, month % 12 + 1)
            calendar.setSelectedDate(QDate(year, month, 15))
        calendar.repaint()
        QApplication.processEvents()

    return step


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contracts", type=int, default=10_000)
    parser.add_argument("--deadlines", type=int, default=200_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)

    started = time.perf_counter()
    items = build_deadlines(args.contracts, args.deadlines)
    print(f"built {len(items)} deadlines over {args.contracts} contracts in {time.perf_counter() - started:.1f} s")

    window = QWidget()
    source = DeadlineSource(None, window, today=lambda: TODAY)  # type: ignore[arg-type] - no store: never refreshed
    source.items, source.loaded, source.stale = items, True, False
    started = time.perf_counter()
    panel = CalendarPanel(source, WorkingCalendar())
    panel.resize(900, 700)
    panel.show()
    panel.select_day(TODAY)
    app.processEvents()
    print(f"CalendarPanel fed (reload: by_day, counts, model) in {(time.perf_counter() - started) * 1000:.0f} ms")

    plain = QCalendarWidget()
    plain.resize(panel.calendar.size())
    plain.show()
    app.processEvents()
    by_day = source.by_day()

    def dict_lookup() -> None:
        year, month = 2026, 5
        day = dt.date(year, month, 1)
        while day.month == month:
            by_day.get(day, [])
            day += dt.timedelta(days=1)

    rows: list[tuple[str, list[float]]] = []
    how_of = {"setCurrentPage": "page", "next-month button": "button", "select a day of the next month": "select"}
    for label, how in how_of.items():
        panel.calendar.setCurrentPage(2025, 1)
        panel.select_day(dt.date(2025, 1, 15))
        app.processEvents()
        month_stepper(panel.calendar, how)()  # warm-up
        rows.append((label, timed(month_stepper(panel.calendar, how), SWITCHES)))
    plain.setCurrentPage(2025, 1)
    base = timed(month_stepper(plain, "page"), SWITCHES)
    lookup = timed(dict_lookup, SWITCHES)

    base_median = statistics.median(base)
    print(f"\n{SWITCHES} month switches each, ms (repaint included):")
    print(f"{'step':40} {'median':>8} {'max':>8} {'ratio':>7}")
    failed = False
    for label, times in rows:
        median = statistics.median(times)
        if how_of[label] != "select":
            failed |= median >= LIMIT_MS
        print(f"{label:40} {median:8.1f} {max(times):8.1f} {median / base_median:7.1f}")
    print(f"{'baseline: plain QCalendarWidget':40} {base_median:8.1f} {max(base):8.1f} {1.0:7.1f}")
    print(f"{'baseline: dict lookup of a month':40} {statistics.median(lookup):8.3f} {max(lookup):8.3f}")
    if failed:
        print(f"FAIL: a month switch median is {LIMIT_MS:.0f} ms or more")
        return 1
    print(f"OK: month switch medians under {LIMIT_MS:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
