"""Routine series as one row, and closing them with the contract (issue 13: an agenda that can be
worked through).

A *routine* series is a recurring milestone whose rule repeats daily, weekly or monthly
(``services.calendar.recurrence.ROUTINE_FREQS``): duty logs, weekly and monthly reports. The agenda
shows each as one row (``group_routine``): its next open occurrence (the oldest overdue one, else the
next one), how many are open and overdue, and through which date it is done. Marking the row done
"through" a date sets the milestone's ``done_date``, which marks every occurrence up to that date
done (``services.calendar.deadlines``). A contract that is completed or terminated closes its open
routine occurrences (``routine_to_close``: each series done through its last occurrence), so the
overdue count shows what the officer can still act on; payments and bond returns stay open.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from services.calendar.deadlines import Deadline
from services.calendar.recurrence import ROUTINE_FREQS

__all__ = ["SeriesSummary", "group_routine", "is_routine", "routine_to_close", "series_key"]


@dataclass(frozen=True)
class SeriesSummary:
    """One routine series: ``total`` occurrences, ``open`` of them not done, ``overdue`` of those past
    due, ``next_due`` the date of the row's occurrence, ``done_through`` the latest date up to which
    every occurrence is done (None: the first is not), ``last`` the last occurrence's scheduled date."""

    total: int
    open: int
    overdue: int
    next_due: dt.date | None
    done_through: dt.date | None
    last: dt.date


def is_routine(item: Deadline) -> bool:
    """True for an occurrence of a daily, weekly or monthly milestone series."""
    return item.kind == "milestone" and item.recurring and item.due is not None and item.series in ROUTINE_FREQS


def series_key(item: Deadline) -> str:
    """The key of the series an occurrence belongs to (``milestone:3``): marking it done marks the
    occurrences up to the date done (the milestone's ``done_date``)."""
    return f"milestone:{item.seq}"


def _summary(occurrences: list[Deadline]) -> tuple[Deadline, SeriesSummary]:
    ordered = sorted(occurrences, key=lambda d: d.nominal or d.due or dt.date.max)
    open_items = [d for d in ordered if d.state != "done"]
    through = None
    for item in ordered:
        if item.state != "done":
            break
        through = item.nominal or item.due
    shown = open_items[0] if open_items else ordered[-1]
    last = ordered[-1].nominal or ordered[-1].due
    assert last is not None  # routine occurrences are dated
    summary = SeriesSummary(len(ordered), len(open_items), sum(d.state == "overdue" for d in open_items),
                            shown.due if open_items else None, through, last)
    return shown, summary


def group_routine(items: Iterable[Deadline]) -> list[tuple[Deadline, SeriesSummary | None]]:
    """``items`` with each routine series' occurrences replaced by one row: (the row's deadline, its
    summary); other deadlines as (deadline, None). The row's deadline is its next open occurrence
    (else its last) under the series' key, in the place of that occurrence; order otherwise kept."""
    groups: dict[tuple[int | None, str, int | None], list[Deadline]] = {}
    order: list[tuple[int | None, str, int | None] | Deadline] = []
    for item in items:
        if not is_routine(item):
            order.append(item)
            continue
        group = (item.contract_id, item.contract_no, item.seq)
        if group not in groups:
            groups[group] = []
            order.append(group)
        groups[group].append(item)
    rows: list[tuple[Deadline, SeriesSummary | None]] = []
    for entry in order:
        if isinstance(entry, Deadline):
            rows.append((entry, None))
            continue
        shown, summary = _summary(groups[entry])
        rows.append((dataclasses.replace(shown, key=series_key(shown)), summary))
    return rows


def routine_to_close(items: Iterable[Deadline]) -> dict[int, tuple[str, int, dt.date]]:
    """Milestone seq → (name, open occurrences, last scheduled date) of each routine series of one
    contract's deadlines ``items`` with occurrences still open: what completing or terminating the
    contract closes (done through the last date)."""
    found: dict[int, tuple[str, int, dt.date]] = {}
    groups: dict[int, list[Deadline]] = {}
    for item in items:
        if is_routine(item) and item.seq is not None:
            groups.setdefault(item.seq, []).append(item)
    for seq, occurrences in groups.items():
        _shown, summary = _summary(occurrences)
        if summary.open:
            found[seq] = (occurrences[0].name, summary.open, summary.last)
    return found
