"""The working-day calendar (services/calendar/workdays.py): the official schedule (chinesecalendar), 调休
make-up days, estimates for unpublished years from the statutory holidays, and the officer's table."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
from hypothesis import given, settings
from hypothesis import strategies as st

from services.calendar.workdays import WorkingCalendar, known_to_package, statutory_holidays

D = dt.date
CAL = WorkingCalendar()


def test_national_day_2025_and_its_make_up_days() -> None:
    # 国务院办公厅 2025 schedule: 1–8 October off; Sunday 28 September and Saturday 11 October worked.
    assert [CAL.is_working_day(D(2025, 10, day)) for day in range(1, 9)] == [False] * 8
    assert CAL.is_working_day(D(2025, 9, 28))  # a Sunday, made up
    assert CAL.is_working_day(D(2025, 10, 11))  # a Saturday, made up
    assert not CAL.is_working_day(D(2025, 10, 12))
    # Friday 26 September + 5 working days: 28 Sep (Sun, 调休) is day 1, 29, 30, then 9 and 10 October
    assert CAL.add_working_days(D(2025, 9, 26), 5) == D(2025, 10, 10)
    assert CAL.working_days_between(D(2025, 9, 26), D(2025, 10, 10)) == 5
    assert CAL.holiday_name(D(2025, 10, 3)) == "国庆节"
    assert CAL.holiday_name(D(2025, 9, 28)) == "国庆节"  # the make-up day belongs to the holiday
    assert CAL.holiday_name(D(2025, 10, 13)) is None


def test_spring_festival_2026() -> None:
    # 15–23 February 2026 off, Saturdays 14 and 28 February worked.
    assert not any(CAL.is_working_day(D(2026, 2, day)) for day in range(15, 24))
    assert CAL.is_working_day(D(2026, 2, 14)) and CAL.is_working_day(D(2026, 2, 28))
    # Thursday 12 February + 3: Fri 13 (1), Sat 14 make-up (2), Tue 24 (3)
    assert CAL.add_working_days(D(2026, 2, 12), 3) == D(2026, 2, 24)
    assert CAL.add_working_days(D(2026, 2, 24), -3) == D(2026, 2, 12)
    assert not CAL.is_estimate(D(2026, 2, 24))


def test_day_zero_and_counting_backwards() -> None:
    assert CAL.add_working_days(D(2026, 5, 16), 0) == D(2026, 5, 16)  # a Saturday stays itself
    assert CAL.add_working_days(D(2026, 5, 15), -3) == D(2026, 5, 12)
    assert CAL.next_working_day(D(2025, 10, 1)) == D(2025, 10, 9)
    assert CAL.next_working_day(D(2025, 10, 9)) == D(2025, 10, 9)


def test_statutory_holidays_2027_by_the_2024_revision() -> None:
    days = statutory_holidays(2027)
    assert len(days) == 13
    # 春节: 除夕 5 Feb to 初三 8 Feb 2027; 清明 5 April; 端午 9 June; 中秋 15 September
    assert [d for d, name in days.items() if name == "春节"] == [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7),
                                                                 D(2027, 2, 8)]
    assert days[D(2027, 4, 5)] == "清明节"
    assert days[D(2027, 6, 9)] == "端午节"
    assert days[D(2027, 9, 15)] == "中秋节"
    assert days[D(2027, 5, 2)] == "劳动节"
    assert days[D(2027, 10, 3)] == "国庆节"
    assert "中秋节" in statutory_holidays(2028)[D(2028, 10, 3)]  # both on one day: 国庆节、中秋节


def test_statutory_rule_agrees_with_the_official_years() -> None:
    """Every day the rule places is a holiday in the years published under the 2024 revision."""
    for year in (2025, 2026):
        for day, name in statutory_holidays(year).items():
            assert chinese_calendar.is_holiday(day), (day, name)


def test_2027_is_an_estimate_from_weekends_and_statutory_holidays() -> None:
    assert not known_to_package(2027)
    assert CAL.is_estimate(D(2027, 3, 1))
    assert CAL.spans_estimate(D(2026, 12, 20), D(2027, 1, 10))
    assert not CAL.spans_estimate(D(2026, 1, 1), D(2026, 12, 31))
    assert not CAL.is_working_day(D(2027, 2, 5))  # 除夕, a Friday
    assert not CAL.is_working_day(D(2027, 2, 8))  # 初三, a Monday
    assert CAL.is_working_day(D(2027, 2, 9))
    assert not CAL.is_working_day(D(2027, 2, 13))  # a Saturday
    assert CAL.holiday_name(D(2027, 2, 6)) == "春节"


def test_the_officers_table_wins_and_makes_the_year_firm() -> None:
    # the officer enters 2027's notice: 9–11 Feb off too, Saturday 20 Feb worked
    table = {D(2027, 2, 9): False, D(2027, 2, 10): False, D(2027, 2, 11): False, D(2027, 2, 20): True}
    cal = WorkingCalendar(table, {D(2027, 2, 20): "春节调休"})
    assert not cal.is_estimate(D(2027, 7, 1))
    assert not cal.is_working_day(D(2027, 2, 10))
    assert cal.is_working_day(D(2027, 2, 20))
    assert not cal.is_working_day(D(2027, 2, 8))  # statutory days not listed stay holidays
    assert cal.holiday_name(D(2027, 2, 20)) == "春节调休"
    assert cal.add_working_days(D(2027, 2, 4), 1) == D(2027, 2, 12)
    # and it wins over chinesecalendar in a published year
    assert WorkingCalendar({D(2025, 10, 8): True}).is_working_day(D(2025, 10, 8))


dates = st.dates(min_value=D(2024, 1, 1), max_value=D(2028, 12, 31))


@settings(max_examples=150, deadline=None)
@given(dates, st.integers(min_value=1, max_value=60))
def test_counting_forward_lands_on_the_nth_working_day(start: dt.date, count: int) -> None:
    end = CAL.add_working_days(start, count)
    assert CAL.is_working_day(end)
    assert end > start
    assert CAL.working_days_between(start, end) == count
    assert CAL.working_days_between(start, end - dt.timedelta(days=1)) == count - 1


@settings(max_examples=150, deadline=None)
@given(dates, st.integers(min_value=1, max_value=60))
def test_counting_back_undoes_counting_forward_from_a_working_day(start: dt.date, count: int) -> None:
    start = CAL.next_working_day(start)
    assert CAL.add_working_days(CAL.add_working_days(start, count), -count) == start
