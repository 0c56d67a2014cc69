"""The officer's holiday table (services/calendar/holidays.py): CSV import in English or Chinese, bad input
reported as file:row:column, stored in one go, and used by the working-day calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from services.calendar.holidays import (
    HolidayFileError,
    HolidayRow,
    load_holidays,
    parse_holiday_text,
    read_holiday_file,
    save_holidays,
    working_calendar,
    write_holiday_csv,
)
from services.store import Store

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

D = dt.date


def test_english_headers() -> None:
    rows, warnings = parse_holiday_text("date,is_working_day,name\n2027-02-06,0,春节\n2027-02-20,1,春节调休\n", "h.csv")
    assert rows == [HolidayRow(D(2027, 2, 6), False, "春节"), HolidayRow(D(2027, 2, 20), True, "春节调休")]
    assert warnings == []


def test_chinese_headers_any_order_tabs_and_words(tmp_path: Path) -> None:
    text = "名称\t日期\t是否工作日\t备注\n国庆节\t2027年10月1日\t否\tx\n\t2027/9/26\t是\t\n"
    path = tmp_path / "假日.csv"
    path.write_bytes(text.encode("gb18030"))
    rows, warnings = read_holiday_file(path)
    assert rows == [HolidayRow(D(2027, 9, 26), True, None), HolidayRow(D(2027, 10, 1), False, "国庆节")]
    assert warnings == ["假日.csv:1:备注: unknown column, ignored [LEDGER_UNKNOWN_COLUMN]"]


def test_bad_input_lists_every_problem_with_its_place() -> None:
    text = "日期,是否工作日\n2027-02-30,0\n2027-03-01,maybe\n2027-03-02,1\n2027-03-02,0\n,1\n"
    with pytest.raises(HolidayFileError) as raised:
        parse_holiday_text(text, "h.csv")
    problems = raised.value.problems
    assert any(p.startswith("h.csv:2:日期: ") for p in problems)
    assert ("h.csv:3:是否工作日: not a yes/no value (1 working day, 0 holiday; 是/否): 'maybe' "
            "[HOLIDAY_NOT_YES_NO]") in problems
    assert any(p.startswith("h.csv:5:日期: duplicate key 2027-03-02 (also on row 4)") for p in problems)
    assert "h.csv:6:日期: a value is required [LEDGER_VALUE_REQUIRED]" in problems


def test_missing_column_and_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(HolidayFileError) as raised:
        parse_holiday_text("date,name\n2027-01-01,元旦\n", "h.csv")
    assert raised.value.problems == ["h.csv:1:is_working_day: required column missing [LEDGER_MISSING_COLUMN]"]
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\xff\xfe\x00d\x00a")
    with pytest.raises(HolidayFileError, match=r"x\.csv:1:\d+: cannot read the text"):
        read_holiday_file(binary)
    with pytest.raises(HolidayFileError, match="cannot read the file") as missing:
        read_holiday_file(tmp_path / "missing.csv")
    assert missing.value.problems[0].localized("zh_CN").startswith(
        "[HOLIDAY_FILE_UNREADABLE] missing.csv 无法读取该文件（")  # coded: Chinese in the Chinese window


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    rows = [HolidayRow(D(2027, 1, 1), False, "元旦"), HolidayRow(D(2027, 2, 20), True, None)]
    write_holiday_csv(rows, tmp_path / "h.csv")
    assert (tmp_path / "h.csv").read_bytes().startswith(b"\xef\xbb\xbfdate,is_working_day,name\r\n")
    assert read_holiday_file(tmp_path / "h.csv") == (rows, [])


def test_saved_table_drives_the_calendar(store: Store) -> None:
    with store.session() as session:
        assert working_calendar(session).is_estimate(D(2027, 6, 1))
        save_holidays(session, [HolidayRow(D(2027, 2, 9), False, "春节"), HolidayRow(D(2027, 2, 20), True, "调休")])
        calendar = working_calendar(session)  # rebuilt after the save
        assert not calendar.is_estimate(D(2027, 6, 1))
        assert not calendar.is_working_day(D(2027, 2, 9))
        assert calendar.is_working_day(D(2027, 2, 20))
    with store.session() as session:
        assert [row.day for row in load_holidays(session)] == [D(2027, 2, 9), D(2027, 2, 20)]
        with pytest.raises(ValueError, match="dates listed twice: 2027-02-09"):
            save_holidays(session, [HolidayRow(D(2027, 2, 9), False), HolidayRow(D(2027, 2, 9), True)])
