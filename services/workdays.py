"""Working days on the official calendar of the People's Republic of China.

A day is a working day when the officer's holiday table says so (the State Council's annual
notice, entered or imported: it wins), else when the chinesecalendar package knows the year
(public holidays and make-up working days, 调休), else — a year nobody has published yet —
when it is Monday to Friday and not a statutory holiday we can place by date; such dates are
*estimates* (``is_estimate``) until that year's schedule is entered.

Counting rule (stated in the UI's help too): the first working day *after* the event is
day 1; "within 20 working days of signing" ends on day 20.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import chinese_calendar

# Statutory holidays with a fixed Gregorian date (《全国年节及纪念日放假办法》, 2024 revision,
# in force from 2025): 元旦 1 January; 劳动节 1–2 May; 国庆节 1–3 October. The lunar ones
# (春节, 端午, 中秋) and 清明 move; services that need them for an estimate extend this.
FIXED_STATUTORY = {(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)}


class WorkingCalendar:
    """Answers "is this a working day" and counts working days.

    ``overrides`` maps a date to True (working day, e.g. a make-up Saturday) or False
    (holiday), from the officer's holiday table; it takes precedence over everything else.
    """

    def __init__(self, overrides: Mapping[dt.date, bool] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self._override_years = {day.year for day in self.overrides}

    def is_working_day(self, day: dt.date) -> bool:
        """True if ``day`` is a working day (see the module docstring for the sources)."""
        if day in self.overrides:
            return self.overrides[day]
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            return day.weekday() < 5 and (day.month, day.day) not in FIXED_STATUTORY

    def is_estimate(self, day: dt.date) -> bool:
        """True when ``day``'s year is neither in the holiday table nor known to chinesecalendar."""
        if day.year in self._override_years:
            return False
        try:
            chinese_calendar.is_workday(day)
        except NotImplementedError:
            return True
        return False

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (before it when ``count`` is negative).

        The first working day after ``start`` is day 1; ``count`` 0 returns ``start``.
        """
        step = 1 if count >= 0 else -1
        day, remaining = start, abs(count)
        while remaining:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (``start``, ``end``]: how many working days ``end`` lies after ``start``
        (0 when ``end`` ≤ ``start``)."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working_day(day)
        return count
