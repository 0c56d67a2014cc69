"""Recurring, linked and conditional deadlines as the contract means them (issue 13), with dates
counted by hand on the official calendar (2025/2026 schedules of chinesecalendar; 2027 estimated).

2025: 国庆+中秋 1–8 October, make-up Sunday 28 September and Saturday 11 October.
2026: 元旦 1–3 January, make-up Sunday 4 January; 清明 4–6 April; 劳动节 1–5 May; 国庆 1–7 October,
make-up Saturday 10 October.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from services.calendar.deadlines import Deadline, deadlines, state_text, waiting_text
from services.calendar.due_text import default_label, due_text
from services.calendar.recurrence import Shape, expand, recurrence_text, shape_of, shape_rule
from services.calendar.workdays import WorkingCalendar
from services.register.contract_data import BondData, ContractData, InstallmentData, MilestoneData

D = dt.date
CAL = WorkingCalendar()


def contract(**fields: object) -> ContractData:
    base = {"contract_no": "T-1", "title": "t", "total_amount": Decimal("100.00"), "sign_date": D(2025, 12, 20),
            "start_date": D(2026, 1, 1), "end_date": D(2026, 12, 31)}
    return ContractData(**{**base, **fields})


NEW_YEAR = D(2026, 1, 1)


def series(data: ContractData, seq: int = 1, today: dt.date = NEW_YEAR) -> list[Deadline]:
    return [d for d in deadlines(data, {}, {}, CAL, today) if d.kind == "milestone" and d.seq == seq]


def by_key(items: list[Deadline]) -> dict[str, Deadline]:
    return {d.key: d for d in items}


# --- recurrence -----------------------------------------------------------------------------------------


def test_monthly_on_the_5th_over_a_12_month_term_gives_12() -> None:
    items = series(contract(milestones=[MilestoneData(1, "月报", recurrence="FREQ=MONTHLY;BYMONTHDAY=5")]))
    assert len(items) == 12
    assert [d.nominal or d.due for d in items] == [D(2026, month, 5) for month in range(1, 13)]
    # rest days move: 清明 (Sun 5 Apr), 劳动节 (5 May), Sun 5 Jul, Sat 5 Sep, 国庆 (5 Oct), Sat 5 Dec
    assert [d.due for d in items] == [D(2026, 1, 5), D(2026, 2, 5), D(2026, 3, 5), D(2026, 4, 7), D(2026, 5, 6),
                                      D(2026, 6, 5), D(2026, 7, 6), D(2026, 8, 5), D(2026, 9, 7), D(2026, 10, 8),
                                      D(2026, 11, 5), D(2026, 12, 7)]


def test_a_report_after_each_month_keeps_the_last_month() -> None:
    """By the 5th after each month of the term: one month after the start, every month — the
    report on December is due on 5 January 2027, after the term (the old expansion dropped it)."""
    report = MilestoneData(1, "月度报告", due_after="start", due_offset=1, due_unit="months",
                           recurrence="FREQ=MONTHLY;BYMONTHDAY=5")
    items = series(contract(milestones=[report]))
    assert len(items) == 12
    assert (items[0].nominal or items[0].due, items[-1].due) == (D(2026, 2, 5), D(2027, 1, 5))


def test_quarterly_on_the_31st_from_a_july_start_gives_4_dates() -> None:
    data = contract(start_date=D(2026, 7, 1), end_date=D(2027, 6, 30),
                    milestones=[MilestoneData(1, "季度巡检", recurrence="FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31")])
    items = series(data)
    assert [d.nominal or d.due for d in items] == [D(2026, 7, 31), D(2026, 10, 31), D(2027, 1, 31), D(2027, 4, 30)]
    # Sat 31 Oct → Mon 2 Nov; Sun 31 Jan 2027 → Mon 1 Feb (an estimate: 2027 is not published)
    assert [d.due for d in items] == [D(2026, 7, 31), D(2026, 11, 2), D(2027, 2, 1), D(2027, 4, 30)]
    from_september = series(contract(start_date=D(2026, 9, 1), end_date=D(2027, 8, 31), milestones=[
        MilestoneData(1, "季度巡检", recurrence="FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31")]))
    assert [d.nominal or d.due for d in from_september] == [D(2026, 9, 30), D(2026, 12, 31), D(2027, 3, 31),
                                                            D(2027, 6, 30)]
    assert "该月无31日时为当月最后一日" in (items[0].rule_text("zh") or "")
    assert "last day in a month without one" in (items[0].rule_text("en") or "")


def test_quarterly_without_a_day_from_the_31st_keeps_to_the_month_end() -> None:
    data = contract(start_date=D(2026, 1, 31), end_date=D(2027, 1, 30),
                    milestones=[MilestoneData(1, "季报", recurrence="FREQ=MONTHLY;INTERVAL=3")])
    assert [d.nominal or d.due for d in series(data)] == [D(2026, 1, 31), D(2026, 4, 30), D(2026, 7, 31),
                                                          D(2026, 10, 31)]


def test_twice_half_yearly_gives_2_even_past_the_term() -> None:
    """"每半年1次，共2次" from six months after the start: the second falls after the end of the term."""
    drill = MilestoneData(1, "应急演练", due_after="start", due_offset=6, due_unit="months",
                          recurrence="FREQ=MONTHLY;INTERVAL=6;COUNT=2")
    items = series(contract(start_date=D(2026, 3, 10), end_date=D(2027, 3, 9), milestones=[drill]))
    assert [d.due for d in items] == [D(2026, 9, 10), D(2027, 3, 10)]
    assert "共2次" in (items[0].rule_text("zh") or "")


def test_a_series_crossing_national_day_and_new_year_moves_every_rest_day_occurrence() -> None:
    data = contract(sign_date=D(2025, 8, 20), start_date=D(2025, 9, 1), end_date=D(2026, 2, 28),
                    milestones=[MilestoneData(1, "月度巡检", recurrence="FREQ=MONTHLY;BYMONTHDAY=1")])
    items = series(data, today=D(2025, 9, 1))
    assert [d.due for d in items] == [
        D(2025, 9, 1),   # Monday
        D(2025, 10, 9),  # 国庆: 1–8 October
        D(2025, 11, 3),  # Saturday → Monday
        D(2025, 12, 1),  # Monday
        D(2026, 1, 4),   # 元旦 1–3 January; Sunday 4 January is a make-up working day
        D(2026, 2, 2),   # Sunday → Monday
    ]
    assert [d.key for d in items][1] == "milestone:1:2025-10-01"  # the occurrence keeps its scheduled date
    assert items[1].nominal == D(2025, 10, 1)


def test_a_daily_duty_stays_on_every_day_and_the_nth_working_day_counts_holidays() -> None:
    daily = expand("FREQ=DAILY", D(2025, 10, 1), CAL, term_start=D(2025, 10, 1), term_end=D(2025, 10, 7),
                   today=D(2025, 10, 1))
    assert daily is not None and [o.due for o in daily] == [D(2025, 10, day) for day in range(1, 8)]
    third = expand(shape_rule(Shape("MONTHLY", working_day=3)), D(2025, 9, 1), CAL, term_start=D(2025, 9, 1),
                   term_end=D(2025, 11, 30), today=D(2025, 9, 1))
    # September: 1, 2, 3; October: 9, 10, Saturday 11 (make-up day); November: 3, 4, 5
    assert third is not None and [o.due for o in third] == [D(2025, 9, 3), D(2025, 10, 11), D(2025, 11, 5)]


@pytest.mark.parametrize("rule", ["FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31", "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
                                  "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=2;UNTIL=20261231",
                                  "FREQ=DAILY", "FREQ=MONTHLY;BYMONTHDAY=-1"])
def test_the_editor_shapes_give_their_rule_back(rule: str) -> None:
    shape = shape_of(rule)
    assert shape is not None
    assert shape_rule(shape) == rule


def test_rules_in_words() -> None:
    assert recurrence_text("FREQ=MONTHLY;BYMONTHDAY=-1", "zh") == "每月最后一日，遇休息日顺延至下一工作日"
    assert recurrence_text("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=3", "en") == (
        "every month on the 3rd working day")
    assert recurrence_text("FREQ=DAILY", "zh") == "每日"
    assert recurrence_text("FREQ=YEARLY;BYWEEKNO=20", "en") == "repeats: FREQ=YEARLY;BYWEEKNO=20"


# --- linked deadlines ------------------------------------------------------------------------------------


def test_invoice_7_days_before_the_2nd_payment() -> None:
    data = contract(installments=[InstallmentData(1, "预付款", due_date=D(2026, 3, 31)),
                                  InstallmentData(2, "进度款", due_date=D(2026, 9, 30))],
                    milestones=[MilestoneData(1, "开具等额发票", due_after="installment:2", due_offset=-7,
                                              due_unit="days")])
    invoice = by_key(deadlines(data, {}, {}, CAL, D(2026, 1, 1)))["milestone:1"]
    assert invoice.due == D(2026, 9, 23)  # before an event: no move, counted back 7 calendar days
    assert invoice.rule_text("zh") == "第2期付款「进度款」到期日前 7 日"
    assert invoice.rule_text("en") == "7 days before the due date of payment 2 (进度款)"


def test_a_link_waits_for_the_row_it_names_and_a_circle_waits() -> None:
    data = contract(installments=[InstallmentData(2, due_after="acceptance", due_offset=10, due_unit="working_days")],
                    milestones=[MilestoneData(1, "发票", due_after="installment:2", due_offset=-7, due_unit="days"),
                                MilestoneData(2, "a", due_after="milestone:3", due_offset=1, due_unit="days"),
                                MilestoneData(3, "b", due_after="milestone:2", due_offset=1, due_unit="days")])
    items = by_key(deadlines(data, {}, {}, CAL, D(2026, 1, 1)))
    assert items["milestone:1"].waiting_for == ("installment:2",)
    assert waiting_text(items["milestone:1"].waiting_for, "zh", items["milestone:1"].labels) == "等待：第2期付款到期日"
    assert items["milestone:2"].state == items["milestone:3"].state == "waiting"
    accepted = by_key(deadlines(data, {"acceptance": D(2026, 9, 25)}, {}, CAL, D(2026, 1, 1)))
    # 10 working days after Friday 25 September 2026: 28, 29, 30 Sep, 8, 9, 10 (Sat, make-up), 12–15 Oct
    assert accepted["installment:2"].due == D(2026, 10, 15)
    assert accepted["milestone:1"].due == D(2026, 10, 8)


def test_a_milestone_that_is_a_bonds_lodging_is_listed_once() -> None:
    bond = BondData(1, kind="performance", due_after="signing", due_offset=15, due_unit="working_days",
                    valid_until=D(2026, 8, 15))
    data = contract(sign_date=D(2025, 7, 24), bonds=[bond], milestones=[
        MilestoneData(1, "提交履约保证金", due_after="signing", due_offset=15, due_unit="working_days",
                      done_date=D(2025, 8, 10)),
        MilestoneData(2, "履约保函有效期届满", due_date=D(2026, 8, 15)),
        MilestoneData(3, "退还保证金（同保证金1）", due_after="bond:1:return"),
    ])
    items = deadlines(data, {}, {}, CAL, D(2026, 1, 1))
    keys = [d.key for d in items]
    assert "milestone:1" not in keys and "milestone:2" not in keys and "milestone:3" not in keys
    lodge = by_key(items)["bond:1:lodge"]
    assert (lodge.state, lodge.done_date, lodge.also) == ("done", D(2025, 8, 10), "提交履约保证金")
    assert by_key(items)["bond:1:return"].also == "退还保证金（同保证金1）"


# --- a bond's own return rule ---------------------------------------------------------------------------


def test_a_bond_returned_10_working_days_after_it_expires_if_no_claims() -> None:
    bond = BondData(1, kind="performance", valid_until=D(2026, 9, 25), lodged_date=D(2026, 1, 5),
                    return_after="valid_until", return_offset=10, return_unit="working_days",
                    return_condition="无索赔")
    data = contract(bonds=[bond])
    back = by_key(deadlines(data, {}, {}, CAL, D(2026, 10, 15)))["bond:1:return"]
    assert (back.due, back.state) == (D(2026, 10, 15), "due_soon")  # 28–30 Sep, 8, 9, 10, 12–15 Oct
    assert back.rule_text("zh") == "保证金有效期届满后 10 个工作日内，条件：无索赔"
    assert back.rule_text("en") == "within 10 working days after the bond expires; condition: 无索赔"
    late = by_key(deadlines(data, {}, {}, CAL, D(2026, 10, 16)))["bond:1:return"]
    assert late.unreturned and state_text(late, "zh") == "应退未退"


def test_after_acceptance_or_after_the_warranty_where_there_is_one() -> None:
    rule = {"return_after": "acceptance+valid_until", "return_offset": 0, "return_unit": "days",
            "lodged_date": D(2026, 1, 5)}
    accepted = {"acceptance": D(2026, 6, 30)}
    with_warranty = BondData(1, kind="performance", valid_until=D(2026, 12, 31), **rule)  # type: ignore[arg-type]
    without = BondData(2, kind="performance", **rule)  # type: ignore[arg-type]
    items = by_key(deadlines(contract(bonds=[with_warranty, without]), accepted, {}, CAL, D(2026, 1, 1)))
    assert items["bond:1:return"].due == D(2026, 12, 31)
    assert items["bond:2:return"].due == D(2026, 6, 30)


def test_without_a_rule_a_bond_keeps_the_default_of_its_kind() -> None:
    bid = BondData(1, kind="bid", lodged_date=D(2025, 9, 20))
    items = by_key(deadlines(contract(sign_date=D(2025, 9, 26), bonds=[bid]), {}, {}, CAL, D(2025, 9, 26)))
    assert items["bond:1:return"].due == D(2025, 10, 10)


# --- labels, never codes -----------------------------------------------------------------------------------


def test_unlabelled_events_get_readable_defaults() -> None:
    assert default_label("event:budget_2027") == "2027 budget (budget_2027)"
    assert default_label("event:staff_replacement_request") == (
        "staff replacement request (staff_replacement_request)")
    assert due_text(None, "event:验收意见", 10, "working_days", "zh") == "验收意见后 10 个工作日内"


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2024, max_value=2027), st.integers(min_value=1, max_value=12),
       st.integers(min_value=1, max_value=36), st.integers(min_value=1, max_value=31))
def test_monthly_on_any_day_gives_one_date_per_month_of_the_term(year: int, month: int, months: int, day: int) -> None:
    """A term of ``months`` whole months from the 1st: exactly one date in each month, on ``day`` or
    the month's last day, never before it was scheduled, always on a working day."""
    start = D(year, month, 1)
    end = start + relativedelta(months=months) - dt.timedelta(days=1)
    occurrences = expand(f"FREQ=MONTHLY;BYMONTHDAY={day}", start, CAL, term_start=start, term_end=end, today=start)
    assert occurrences is not None and len(occurrences) == months
    for index, occurrence in enumerate(occurrences):
        first = start + relativedelta(months=index)
        last_day = calendar.monthrange(first.year, first.month)[1]
        assert occurrence.nominal == first.replace(day=min(day, last_day))
        assert occurrence.due >= occurrence.nominal and CAL.is_working_day(occurrence.due)
