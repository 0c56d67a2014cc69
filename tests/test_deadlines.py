"""Deadlines from the contract's rules (services/calendar/deadlines.py, due_dates.py): each rule kind, waiting,
recurring milestones, bonds (应退未退), estimates for unpublished years, states."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.calendar.deadlines import (
    Deadline,
    deadlines,
    next_due,
    state_text,
    waiting_text,
)
from services.calendar.due_dates import count_from, event_dates, resolve_rule
from services.calendar.workdays import WorkingCalendar
from services.register.contract_data import BondData, ContractData, InstallmentData, MilestoneData

D = dt.date
CAL = WorkingCalendar()
TODAY = D(2026, 4, 20)


def contract(**fields: object) -> ContractData:
    base = {"contract_no": "T-1", "title": "t", "total_amount": Decimal("100.00"), "sign_date": D(2026, 3, 3),
            "start_date": D(2026, 3, 10), "end_date": D(2027, 3, 9)}
    return ContractData(**{**base, **fields})


def by_key(items: list[Deadline]) -> dict[str, Deadline]:
    return {d.key: d for d in items}


def one(rule: tuple, events: dict[str, dt.date], calendar: WorkingCalendar = CAL) -> dt.date | None:
    resolved = resolve_rule(*rule, events, calendar)
    assert resolved is not None
    return resolved.due


# --- each rule kind ---------------------------------------------------------------------------


def test_fixed_date_wins_over_a_rule() -> None:
    assert one((D(2026, 9, 30), "signing", 15, "working_days"), {"signing": D(2026, 3, 3)}) == D(2026, 9, 30)
    assert resolve_rule(None, None, None, None, {}, CAL) is None


def test_working_days_across_national_day_and_its_make_up_days() -> None:
    events = {"signing": D(2025, 9, 26)}
    assert one((None, "signing", 5, "working_days"), events) == D(2025, 10, 10)
    # 15 working days after 24 July 2025 (BJMEMC's signing): no holiday in between, 14 August
    assert one((None, "signing", 15, "working_days"), {"signing": D(2025, 7, 24)}) == D(2025, 8, 14)


def test_working_days_across_spring_festival() -> None:
    assert one((None, "start", 3, "working_days"), {"start": D(2026, 2, 12)}) == D(2026, 2, 24)
    assert one((None, "start", 10, "working_days"), {"start": D(2026, 2, 10)}) == D(2026, 3, 2)


def test_calendar_days_move_off_a_holiday_to_the_next_working_day() -> None:
    """民法典 第二百零三条: a period ending on a rest day ends on the next working day."""
    resolved = count_from(D(2025, 9, 25), 7, "days", CAL)
    assert (resolved.due, resolved.nominal) == (D(2025, 10, 9), D(2025, 10, 2))
    resolved = count_from(D(2026, 4, 1), 10, "days", CAL)  # Saturday 11 April → Monday 13 April
    assert (resolved.due, resolved.nominal) == (D(2026, 4, 13), D(2026, 4, 11))
    resolved = count_from(D(2025, 10, 16), 7, "days", CAL)  # a Thursday: stays
    assert (resolved.due, resolved.nominal) == (D(2025, 10, 23), None)
    # a make-up Saturday is a working day: no move
    assert count_from(D(2025, 10, 4), 7, "days", CAL).due == D(2025, 10, 11)


def test_months_end_on_the_same_day_or_the_last_of_a_shorter_month() -> None:
    assert count_from(D(2025, 1, 31), 1, "months", CAL).due == D(2025, 2, 28)
    assert count_from(D(2024, 1, 31), 1, "months", CAL).due == D(2024, 2, 29)
    assert count_from(D(2026, 5, 15), 1, "months", CAL).due == D(2026, 6, 15)
    moved = count_from(D(2025, 8, 31), 1, "months", CAL)  # 30 September 2025 is a Tuesday
    assert moved.due == D(2025, 9, 30)
    moved = count_from(D(2026, 8, 31), 1, "months", CAL)  # 30 September 2026 is a Wednesday
    assert moved.due == D(2026, 9, 30)
    moved = count_from(D(2026, 1, 31), 1, "months", CAL)  # 28 February 2026 is a make-up Saturday
    assert moved.due == D(2026, 2, 28)
    moved = count_from(D(2025, 12, 31), 2, "months", CAL)  # 28 Feb 2026 worked; 1 March a Sunday
    assert moved.due == D(2026, 2, 28)


def test_negative_offsets_count_before_the_event_and_never_move() -> None:
    events = {"end": D(2026, 5, 15)}
    assert one((None, "end", -3, "working_days"), events) == D(2026, 5, 12)
    assert one((None, "end", -5, "days"), events) == D(2026, 5, 10)  # a Sunday, kept
    assert one((None, "end", -1, "months"), events) == D(2026, 4, 15)
    # before National Day 2025: 3 working days before 9 October are 30, 29 and 28 (Sun, 调休) September
    assert one((None, "event:x", -3, "working_days"), {"event:x": D(2025, 10, 9)}) == D(2025, 9, 28)


def test_offset_zero_is_the_event_itself() -> None:
    assert one((None, "invoice", 0, "days"), {"invoice": D(2026, 4, 4)}) == D(2026, 4, 4)
    assert one((None, "invoice", None, None), {"invoice": D(2026, 4, 4)}) == D(2026, 4, 4)


def test_effective_plus_budget_counts_from_the_latest_and_waits_for_both() -> None:
    rule = (None, "effective+budget", 15, "working_days")
    events = event_dates(contract(), {"budget": D(2026, 4, 1)})
    assert events["effective"] == D(2026, 3, 3)  # no effective date: the signing date
    assert one(rule, events) == D(2026, 4, 23)  # from 1 April (清明 4–6 April off)
    events = event_dates(contract(effective_date=D(2026, 4, 10)), {"budget": D(2026, 4, 1)})
    assert one(rule, events) == D(2026, 5, 6)  # from 10 April; 1–5 May off
    waiting = resolve_rule(*rule, event_dates(contract(), {}), CAL)
    assert waiting is not None and waiting.due is None and waiting.waiting_for == ("budget",)
    unsigned = resolve_rule(*rule, event_dates(contract(sign_date=None), {}), CAL)
    assert unsigned is not None and unsigned.waiting_for == ("effective", "budget")


def test_a_waiting_rule_becomes_due_once_the_event_is_recorded() -> None:
    data = contract(installments=[InstallmentData(1, "验收款", due_after="acceptance", due_offset=10,
                                                  due_unit="working_days")])
    before = by_key(deadlines(data, {}, {}, CAL, TODAY))["installment:1"]
    assert (before.due, before.state, before.waiting_for) == (None, "waiting", ("acceptance",))
    assert waiting_text(before.waiting_for, "zh") == "等待：验收合格"
    assert waiting_text(before.waiting_for, "en") == "waiting for: the acceptance is passed"
    after = by_key(deadlines(data, {"acceptance": D(2026, 4, 15)}, {}, CAL, TODAY))["installment:1"]
    assert (after.due, after.state, after.waiting_for) == (D(2026, 4, 29), "upcoming", ())
    paid = InstallmentData(1, "验收款", due_after="acceptance", due_offset=10, due_unit="working_days",
                           paid_date=D(2026, 4, 28))
    done = deadlines(contract(installments=[paid]), {"acceptance": D(2026, 4, 15)}, {}, CAL, TODAY)
    assert (done[0].state, done[0].done_date) == ("done", D(2026, 4, 28))


# --- states --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("due", "state"), [
    (D(2026, 4, 19), "overdue"), (D(2026, 4, 20), "due_soon"), (D(2026, 4, 27), "due_soon"),
    (D(2026, 4, 28), "upcoming"),
])
def test_states_by_date(due: dt.date, state: str) -> None:
    data = contract(milestones=[MilestoneData(1, "x", due_date=due)])
    assert deadlines(data, {}, {}, CAL, TODAY)[0].state == state


# --- recurring milestones -------------------------------------------------------------------------


def test_monthly_report_expands_over_the_term() -> None:
    data = contract(start_date=D(2025, 10, 16), end_date=D(2026, 5, 15),
                    milestones=[MilestoneData(1, "月报", recurrence="FREQ=MONTHLY;BYMONTHDAY=5")])
    done = {"milestone:1:2025-11-05": D(2025, 11, 4)}
    items = [d for d in deadlines(data, {}, done, CAL, TODAY) if d.kind == "milestone"]
    # 5 April 2026 is a Sunday in the 清明 holiday (4–6 April): it moves to Tuesday 7 April
    assert [d.due for d in items] == [D(2025, 11, 5), D(2025, 12, 5), D(2026, 1, 5), D(2026, 2, 5), D(2026, 3, 5),
                                      D(2026, 4, 7), D(2026, 5, 6)]
    assert items[5].nominal == D(2026, 4, 5) and items[5].key == "milestone:1:2026-04-05"
    assert all(d.recurring for d in items)
    assert items[0].key == "milestone:1:2025-11-05"
    assert [d.state for d in items] == ["done", *["overdue"] * 5, "upcoming"]
    assert items[0].done_date == D(2025, 11, 4)


def test_quarterly_and_half_yearly_from_the_start_or_their_own_date() -> None:
    data = contract(milestones=[
        MilestoneData(1, "渗透测试", recurrence="FREQ=MONTHLY;INTERVAL=3"),
        MilestoneData(2, "应急演练", due_after="start", due_offset=1, due_unit="months",
                      recurrence="RRULE:FREQ=MONTHLY;INTERVAL=6", done_date=D(2026, 4, 12)),
    ])
    items = deadlines(data, {}, {}, CAL, TODAY)
    quarterly = [d.due for d in items if d.seq == 1 and d.kind == "milestone"]
    assert quarterly == [D(2026, 3, 10), D(2026, 6, 10), D(2026, 9, 10), D(2026, 12, 10)]
    drills = [(d.due, d.state) for d in items if d.seq == 2 and d.kind == "milestone"]
    # from start + 1 month (10 April 2026), every six months; done_date marks the first done
    assert drills == [(D(2026, 4, 10), "done"), (D(2026, 10, 10), "upcoming")]


def test_recurrence_waits_for_the_start_and_respects_count() -> None:
    unsigned = contract(sign_date=None, start_date=None,
                        milestones=[MilestoneData(1, "周报", recurrence="FREQ=WEEKLY;COUNT=3")])
    items = [d for d in deadlines(unsigned, {}, {}, CAL, TODAY) if d.kind == "milestone"]
    assert [(d.state, d.waiting_for, d.key) for d in items] == [("waiting", ("effective",), "milestone:1")]
    counted = contract(milestones=[MilestoneData(1, "周报", recurrence="FREQ=WEEKLY;COUNT=3")])
    assert [d.due for d in deadlines(counted, {}, {}, CAL, TODAY) if d.kind == "milestone"] == [
        D(2026, 3, 10), D(2026, 3, 17), D(2026, 3, 24)]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 12, 31)), st.integers(min_value=1, max_value=40),
       st.integers(min_value=1, max_value=28))
def test_monthly_occurrences_lie_within_the_term(start: dt.date, months: int, day: int) -> None:
    end = start + dt.timedelta(days=months * 30)
    data = contract(start_date=start, end_date=end,
                    milestones=[MilestoneData(1, "r", recurrence=f"FREQ=MONTHLY;BYMONTHDAY={day}")])
    items = [d for d in deadlines(data, {}, {}, CAL, TODAY) if d.kind == "milestone"]
    dates = [d.nominal or d.due for d in items]
    assert dates == sorted(set(dates))
    assert all(start <= nominal <= end and nominal.day == day for nominal in dates)
    assert all(d.due is not None and CAL.is_working_day(d.due) and d.due >= (d.nominal or d.due) for d in items)
    assert len(dates) >= months - 1


# --- bonds ----------------------------------------------------------------------------------------


def bond(**fields: object) -> BondData:
    return BondData(**{"seq": 1, "kind": "performance", "due_after": "signing", "due_offset": 15,
                       "due_unit": "working_days", "valid_until": D(2026, 8, 15), **fields})


def test_bond_lodging_validity_and_return_waiting() -> None:
    items = by_key(deadlines(contract(sign_date=D(2025, 7, 24), bonds=[bond()]), {}, {}, CAL, TODAY))
    assert items["bond:1:lodge"].due == D(2025, 8, 14)
    assert items["bond:1:lodge"].state == "overdue"
    assert items["bond:1:lodge"].responsible_role == "乙方"
    assert items["bond:1:valid"].due == D(2026, 8, 15)
    assert items["bond:1:return"].waiting_for == ("lodged", "acceptance")
    assert items["bond:1:lodge"].label("zh") == "提交履约保证金"
    assert items["bond:1:return"].label("en") == "Return the performance bond"


def test_bond_not_returned_after_acceptance_is_flagged() -> None:
    lodged = bond(lodged_date=D(2025, 8, 10))
    items = by_key(deadlines(contract(bonds=[lodged]), {"acceptance": D(2026, 3, 20)}, {}, CAL, TODAY))
    back = items["bond:1:return"]
    assert (back.due, back.state, back.unreturned) == (D(2026, 3, 20), "overdue", True)
    assert state_text(back, "zh") == "应退未退"
    returned = bond(lodged_date=D(2025, 8, 10), returned_date=D(2026, 3, 25))
    items = by_key(deadlines(contract(bonds=[returned]), {"acceptance": D(2026, 3, 20)}, {}, CAL, TODAY))
    assert items["bond:1:return"].state == "done"
    assert not items["bond:1:return"].unreturned
    assert items["bond:1:valid"].state == "done"  # returned: its validity no longer matters


def test_bid_bond_back_five_working_days_after_signing_and_warranty_at_its_end() -> None:
    bid = BondData(1, kind="bid", lodged_date=D(2025, 9, 20))
    items = by_key(deadlines(contract(sign_date=D(2025, 9, 26), bonds=[bid]), {}, {}, CAL, TODAY))
    assert items["bond:1:return"].due == D(2025, 10, 10)  # 28, 29, 30 Sep, 9, 10 Oct
    assert "bond:1:lodge" not in items  # no lodging rule given
    warranty = BondData(2, kind="warranty", lodged_date=D(2026, 3, 1), valid_until=D(2027, 3, 9))
    items = by_key(deadlines(contract(bonds=[warranty]), {}, {}, CAL, TODAY))
    assert items["bond:2:return"].due == D(2027, 3, 9)


# --- term, renewal, estimates ------------------------------------------------------------------------


def test_term_end_and_renewal_reminder() -> None:
    items = by_key(deadlines(contract(end_date=D(2026, 5, 15)), {}, {}, CAL, TODAY, 30))
    assert items["term_end"].due == D(2026, 5, 15)
    assert (items["renewal"].due, items["renewal"].state) == (D(2026, 4, 15), "overdue")
    assert "2026-05-15" in items["renewal"].label("zh")
    marked = by_key(deadlines(contract(end_date=D(2026, 5, 15)), {}, {"renewal": D(2026, 4, 16)}, CAL, TODAY, 30))
    assert marked["renewal"].state == "done"
    later = by_key(deadlines(contract(end_date=D(2026, 5, 15)), {}, {}, CAL, D(2026, 6, 1), 30))
    assert later["term_end"].state == "done" and later["renewal"].state == "done"  # passed by themselves
    assert "renewal" not in by_key(deadlines(contract(), {}, {}, CAL, TODAY, 0))


def test_2027_dates_are_estimates_until_the_schedule_is_entered() -> None:
    data = contract(milestones=[MilestoneData(1, "终验", due_after="end", due_offset=-20, due_unit="working_days"),
                                MilestoneData(2, "发票", due_date=D(2027, 4, 10))])
    items = by_key(deadlines(data, {}, {}, CAL, TODAY))
    final = items["milestone:1"]
    assert (final.due, final.estimate, final.state) == (D(2027, 2, 9), True, "estimate")
    assert not items["milestone:2"].estimate  # a fixed date is no estimate
    # the officer enters 2027's Spring Festival: 5–13 February off; counting back from 9 March,
    # days 12–16 are 15–19 February, then 4, 3, 2 and 1 February are days 17–20
    table = {D(2027, 2, day): False for day in range(5, 14)}
    firm = by_key(deadlines(data, {}, {}, WorkingCalendar(table), TODAY))["milestone:1"]
    assert (firm.due, firm.estimate, firm.state) == (D(2027, 2, 1), False, "upcoming")


def test_next_due_is_the_earliest_open_action() -> None:
    data = contract(end_date=D(2026, 5, 15), installments=[
        InstallmentData(1, due_date=D(2026, 1, 5), paid_date=D(2026, 1, 4)),
        InstallmentData(2, due_date=D(2026, 6, 5)),
        InstallmentData(3, due_after="acceptance"),
    ])
    items = deadlines(data, {}, {}, CAL, TODAY, 30)
    assert next_due(items) == D(2026, 6, 5)  # not the renewal reminder nor the end of the term
    assert next_due([]) is None


def test_sorted_by_date_then_waiting_last() -> None:
    data = contract(installments=[InstallmentData(1, due_after="invoice"), InstallmentData(2, due_date=D(2026, 5, 1))],
                    milestones=[MilestoneData(1, "a", due_date=D(2026, 4, 1))])
    items = deadlines(data, {}, {}, CAL, TODAY)
    assert [d.key for d in items][:2] == ["milestone:1", "installment:2"]
    assert items[-1].key == "installment:1"
