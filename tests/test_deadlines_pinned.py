"""Pinned facts of the seed contracts' rules (no Qt): working days counted on the official 2025/2026
schedules (State Council notices), a monthly RRULE over a one-year term, 2027 estimates becoming
firm once 2027's schedule is entered, and "latest of" for ``effective+budget``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.calendar.deadlines import Deadline, deadlines
from services.calendar.workdays import WorkingCalendar
from services.register.contract_data import ContractData, InstallmentData, MilestoneData

D = dt.date
TODAY = D(2026, 4, 20)


def contract(**fields: object) -> ContractData:
    base = {"contract_no": "PIN-1", "title": "t", "total_amount": Decimal("100.00"), "sign_date": D(2026, 3, 3),
            "start_date": D(2026, 3, 10), "end_date": D(2027, 3, 9)}
    return ContractData(**{**base, **fields})


def by_key(items: list[Deadline]) -> dict[str, Deadline]:
    return {d.key: d for d in items}


def test_20_working_days_after_2025_07_24_is_2025_08_21() -> None:
    assert WorkingCalendar().add_working_days(D(2025, 7, 24), 20) == D(2025, 8, 21)


def test_15_working_days_after_2026_03_03_is_2026_03_24() -> None:
    assert WorkingCalendar().add_working_days(D(2026, 3, 3), 15) == D(2026, 3, 24)


def test_national_day_2025_is_skipped_and_the_make_up_saturday_counts() -> None:
    calendar = WorkingCalendar()
    # 国庆节 + 中秋节 2025: 1–8 October off; Saturday 11 October a make-up working day (调休)
    assert not any(calendar.is_working_day(D(2025, 10, day)) for day in range(1, 9))
    assert D(2025, 10, 11).weekday() == 5 and calendar.is_working_day(D(2025, 10, 11))
    # from 30 September: 9 (day 1), 10 (day 2), Saturday 11 October (day 3), Monday 13 (day 4)
    assert calendar.add_working_days(D(2025, 9, 30), 1) == D(2025, 10, 9)
    assert calendar.add_working_days(D(2025, 9, 30), 3) == D(2025, 10, 11)
    assert calendar.add_working_days(D(2025, 9, 30), 4) == D(2025, 10, 13)


def test_rule_through_deadlines_20_working_days_after_signing() -> None:
    data = contract(sign_date=D(2025, 7, 24), start_date=D(2025, 8, 1), end_date=D(2026, 7, 31),
                    installments=[InstallmentData(1, "首付款", due_after="signing", due_offset=20,
                                                  due_unit="working_days")])
    item = by_key(deadlines(data, {}, {}, WorkingCalendar(), TODAY))["installment:1"]
    assert (item.due, item.estimate) == (D(2025, 8, 21), False)


def test_monthly_rrule_over_a_12_month_term_gives_12_dates() -> None:
    data = contract(milestones=[MilestoneData(1, "月报", recurrence="FREQ=MONTHLY")])
    dates = [d.due for d in deadlines(data, {}, {}, WorkingCalendar(), TODAY) if d.kind == "milestone"]
    assert len(dates) == 12
    assert dates[0] == D(2026, 3, 10) and dates[-1] == D(2027, 2, 10)
    assert all(D(2026, 3, 10) <= day <= D(2027, 3, 9) for day in dates)


def test_a_2027_deadline_is_an_estimate_until_2027_is_entered_then_firm() -> None:
    day = D(2027, 6, 15)
    assert WorkingCalendar().is_estimate(day)
    data = contract(installments=[InstallmentData(1, "尾款", due_after="end", due_offset=10,
                                                  due_unit="working_days")])
    estimated = by_key(deadlines(data, {}, {}, WorkingCalendar(), TODAY))["installment:1"]
    assert estimated.estimate and estimated.state == "estimate"
    # any day of 2027 in the holiday table makes 2027 entered (here: 2027's New Year's Day)
    entered = WorkingCalendar({D(2027, 1, 1): False})
    assert not entered.is_estimate(day)
    firm = by_key(deadlines(data, {}, {}, entered, TODAY))["installment:1"]
    assert (firm.estimate, firm.state) == (False, "upcoming")
    assert firm.due == estimated.due == D(2027, 3, 23)  # 10 working days after Tuesday 9 March 2027


def test_latest_of_effective_and_budget_counts_from_the_budget() -> None:
    calendar = WorkingCalendar()
    data = contract(effective_date=D(2026, 3, 3), installments=[
        InstallmentData(1, "预付款", due_after="effective+budget", due_offset=15, due_unit="working_days")])
    budget = D(2026, 3, 20)
    item = by_key(deadlines(data, {"budget": budget}, {}, calendar, TODAY))["installment:1"]
    assert item.due == calendar.add_working_days(budget, 15) == D(2026, 4, 13)  # 清明 4–6 April off
    assert item.due != calendar.add_working_days(D(2026, 3, 3), 15)
