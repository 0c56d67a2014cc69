"""Routine series in the agenda and the .ics (issue 13): one row per series, done through a date,
closed with the contract; one repeating event with its exceptions instead of hundreds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dateutil.rrule import rrulestr
from icalendar import Calendar

from services.calendar.deadlines import Deadline, deadlines
from services.calendar.ics import calendar_ics
from services.calendar.series import group_routine, routine_to_close
from services.calendar.workdays import WorkingCalendar
from services.register.contract_data import ContractData, InstallmentData, MilestoneData

D = dt.date
CAL = WorkingCalendar()
TODAY = D(2026, 3, 20)


def contract(*milestones: MilestoneData) -> ContractData:
    return ContractData("T-1", "t", Decimal("100.00"), sign_date=D(2025, 12, 20), start_date=D(2026, 1, 1),
                        end_date=D(2026, 12, 31), milestones=list(milestones),
                        installments=[InstallmentData(1, "尾款", due_date=D(2026, 3, 1))])


def items_of(*milestones: MilestoneData, done: dict[str, dt.date] | None = None) -> list[Deadline]:
    return deadlines(contract(*milestones), {}, done or {}, CAL, TODAY, contract_id=1)


def test_a_daily_series_is_one_row_with_its_counts() -> None:
    items = items_of(MilestoneData(1, "值班日志", recurrence="FREQ=DAILY"), MilestoneData(2, "年度审计",
                     due_date=D(2026, 6, 30)))
    assert sum(d.seq == 1 and d.kind == "milestone" for d in items) == 365
    rows = group_routine(items)
    series = [(d, s) for d, s in rows if s is not None]
    assert len(series) == 1 and len(rows) == len(items) - 364
    row, summary = series[0]
    assert row.key == "milestone:1"
    # 1 January … 19 March are overdue (78 days), today and the rest of the year open too
    assert (summary.total, summary.open, summary.overdue) == (365, 365, 78)
    assert (row.due, summary.done_through, row.state) == (D(2026, 1, 1), None, "overdue")


def test_marking_a_series_done_through_a_date() -> None:
    log = MilestoneData(1, "值班日志", recurrence="FREQ=DAILY", done_date=D(2026, 3, 15))
    (row, summary), = [(d, s) for d, s in group_routine(items_of(log)) if s is not None]
    assert (summary.overdue, summary.done_through, row.due) == (4, D(2026, 3, 15), D(2026, 3, 16))
    assert summary.open == 365 - 74


def test_completing_closes_routine_series_but_not_payments() -> None:
    items = items_of(MilestoneData(1, "值班日志", recurrence="FREQ=DAILY"),
                     MilestoneData(2, "月报", recurrence="FREQ=MONTHLY;BYMONTHDAY=5"),
                     MilestoneData(3, "年度演练", recurrence="FREQ=YEARLY;COUNT=2"))
    closing = routine_to_close(items)
    assert closing == {1: ("值班日志", 365, D(2026, 12, 31)), 2: ("月报", 12, D(2026, 12, 5))}
    data = contract(MilestoneData(1, "值班日志", recurrence="FREQ=DAILY", done_date=closing[1][2]),
                    MilestoneData(2, "月报", recurrence="FREQ=MONTHLY;BYMONTHDAY=5", done_date=closing[2][2]))
    after = deadlines(data, {}, {}, CAL, TODAY)
    assert [d.key for d in after if d.state == "overdue"] == ["installment:1"]  # the payment stays open


def test_the_ics_has_one_repeating_event_per_series_with_its_exceptions() -> None:
    report = MilestoneData(1, "月报", recurrence="FREQ=MONTHLY;BYMONTHDAY=5")
    items = items_of(report, done={"milestone:1:2026-03-05": D(2026, 3, 5)})
    calendar = Calendar.from_ical(calendar_ics(items, 7, "zh", stamp=dt.datetime(2026, 3, 20, tzinfo=dt.UTC)))
    events = list(calendar.walk("VEVENT"))
    series = [e for e in events if "RRULE" in e]
    assert len(series) == 1
    event = series[0]
    assert event.decoded("dtstart") == D(2026, 1, 5)
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dt.datetime(2026, 1, 5))
    exdates = {d.dt for ex in (event.get("EXDATE") if isinstance(event.get("EXDATE"), list)
                               else [event.get("EXDATE")]) for d in ex.dts}
    rdates = {d.dt for rd in (event.get("RDATE") if isinstance(event.get("RDATE"), list)
                              else [event.get("RDATE")]) for d in rd.dts}
    shown = ({m.date() for m in rule} - exdates) | rdates
    expected = {d.due for d in items if d.kind == "milestone" and d.state != "done"}
    assert {d if not isinstance(d, dt.datetime) else d.date() for d in shown} == expected
    assert D(2026, 3, 5) not in expected and D(2026, 4, 7) in expected  # done; moved off 清明
    assert len(events) == 1 + 3  # the series; the overdue payment, the renewal reminder, the end of the term
