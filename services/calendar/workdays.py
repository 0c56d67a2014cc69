"""Working days on the official calendar of the People's Republic of China.

A day is a working day when the officer's holiday table says so (the State Council's annual
notice, 国务院办公厅关于某年部分节假日安排的通知, entered or imported: it wins), else when the
chinesecalendar package knows the year (public holidays and make-up working days, 调休), else —
a year nobody has published yet — when it is Monday to Friday and not a statutory holiday
(``statutory_holidays``); such dates are *estimates* (``is_estimate``) until that year's
schedule is entered. An estimate cannot place the make-up working days (调休) nor the weekday
given in lieu of a holiday that falls on a weekend: only the State Council's notice fixes them.

Counting rule (stated in the UI's help too): the first working day *after* the event is
day 1; "within 20 working days of signing" ends on day 20 (民法典 第二百零一条: the day of the
event is not counted). Before an event, the first working day before it is day 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

import chinese_calendar

if TYPE_CHECKING:
    from lunar_python import Solar

__all__ = ["FIXED_STATUTORY", "WorkingCalendar", "known_to_package", "statutory_holidays"]

# Statutory holidays with a fixed Gregorian date (《全国年节及纪念日放假办法》, 2024 revision,
# in force from 2025): 元旦 1 January; 劳动节 1–2 May; 国庆节 1–3 October.
FIXED_STATUTORY = {(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)}
_FIXED_NAMES = {(1, 1): "元旦", (5, 1): "劳动节", (5, 2): "劳动节", (10, 1): "国庆节", (10, 2): "国庆节",
                (10, 3): "国庆节"}


@lru_cache(maxsize=256)
def statutory_holidays(year: int) -> dict[dt.date, str]:
    """The 13 statutory holiday days of ``year`` by date, with their Chinese names.

    Source: 《全国年节及纪念日放假办法》 as revised by the State Council on 2024-11-10 (in force
    from 2025-01-01), article 2: 元旦 1 day (1 January); 春节 4 days (农历除夕 and 正月初一 to
    初三); 清明节 1 day (the day of the solar term 清明); 劳动节 2 days (1–2 May); 端午节 1 day
    (农历五月初五); 中秋节 1 day (农历八月十五); 国庆节 3 days (1–3 October). Lunar dates and the
    solar term come from the lunar-python package (MIT licence; lunar_python.Lunar / Solar).
    The same rule is used for any year (years before 2025 had fewer days, but chinesecalendar
    knows those years anyway). Weekend substitutes and make-up days (调休) are not included.
    """
    # lunar-python (1.3 MB of modules) only for a year chinesecalendar does not know (issue 18: memory).
    from lunar_python import Lunar, Solar

    days: dict[dt.date, str] = {}

    def add(day: dt.date, name: str) -> None:
        days[day] = f"{days[day]}、{name}" if day in days and name not in days[day] else name

    for (month, day), name in _FIXED_NAMES.items():
        add(dt.date(year, month, day), name)
    new_year = _solar(Lunar.fromYmd(year, 1, 1).getSolar())
    for offset in range(-1, 3):  # 除夕, 初一, 初二, 初三
        add(new_year + dt.timedelta(days=offset), "春节")
    add(_solar(Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]), "清明节")
    add(_solar(Lunar.fromYmd(year, 5, 5).getSolar()), "端午节")
    add(_solar(Lunar.fromYmd(year, 8, 15).getSolar()), "中秋节")
    return days


def _solar(solar: Solar) -> dt.date:
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


@lru_cache(maxsize=256)
def known_to_package(year: int) -> bool:
    """True if the chinesecalendar package carries the official schedule of ``year``."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


class WorkingCalendar:
    """Answers "is this a working day" and counts working days.

    ``overrides`` maps a date to True (working day, e.g. a make-up Saturday) or False
    (holiday), from the officer's holiday table; it takes precedence over everything else.
    ``names`` optionally names those days (shown in the calendar). A year with at least one
    override counts as published: its dates are no longer estimates; days of it the table
    does not list follow chinesecalendar when it knows the year, else weekends and the
    statutory holidays (so a partly entered year still keeps 春节 etc. as holidays).
    Answers are cached per instance; build a new calendar after the table changes.
    """

    def __init__(self, overrides: Mapping[dt.date, bool] | None = None,
                 names: Mapping[dt.date, str] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self.names = dict(names or {})
        self._override_years = {day.year for day in self.overrides}
        self._working: dict[dt.date, bool] = {}
        self._added: dict[tuple[dt.date, int], dt.date] = {}

    def is_working_day(self, day: dt.date) -> bool:
        """True if ``day`` is a working day (see the module docstring for the sources)."""
        cached = self._working.get(day)
        if cached is not None:
            return cached
        if day in self.overrides:
            working = self.overrides[day]
        elif known_to_package(day.year):
            working = bool(chinese_calendar.is_workday(day))
        else:
            working = day.weekday() < 5 and day not in statutory_holidays(day.year)
        self._working[day] = working
        return working

    def is_estimate(self, day: dt.date) -> bool:
        """True when ``day``'s year is neither in the holiday table nor known to chinesecalendar."""
        return day.year not in self._override_years and not known_to_package(day.year)

    def spans_estimate(self, first: dt.date, last: dt.date) -> bool:
        """True if any day from ``first`` to ``last`` (either order, inclusive) is an estimate."""
        low, high = min(first, last), max(first, last)
        return any(self.is_estimate(dt.date(year, 1, 1)) for year in range(low.year, high.year + 1))

    def holiday_name(self, day: dt.date) -> str | None:
        """The Chinese name of the holiday on ``day`` — or of the holiday a make-up working day
        (调休) belongs to — if any: the officer's table, then chinesecalendar, then the
        statutory holidays. None for an ordinary day or weekend."""
        if day in self.names:
            return self.names[day]
        if day in self.overrides:
            return None
        if known_to_package(day.year):
            _on_holiday, name = chinese_calendar.get_holiday_detail(day)
            if not name:
                return None
            try:
                return chinese_calendar.Holiday(name).chinese
            except ValueError:
                return name
        return statutory_holidays(day.year).get(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (before it when ``count`` is negative).

        The first working day after ``start`` is day 1; ``count`` 0 returns ``start``.
        """
        key = (start, count)
        found = self._added.get(key)
        if found is not None:
            return found
        step = 1 if count >= 0 else -1
        day, remaining = start, abs(count)
        while remaining:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        self._added[key] = day
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (``start``, ``end``]: how many working days ``end`` lies after ``start``
        (0 when ``end`` ≤ ``start``)."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working_day(day)
        return count
