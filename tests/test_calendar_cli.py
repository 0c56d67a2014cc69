"""``main.py calendar``: deadlines in date order, --from/--to, and --ics writing a calendar with alarms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

import main
from services.ledger.importer import import_ledger
from services.store import open_store
from tests.conftest import SAMPLE_LEDGER


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    store = open_store(path)
    import_ledger(store, SAMPLE_LEDGER)
    store.close()
    return path


def test_lists_every_deadline_in_date_order_then_the_waiting_ones(capsys, db: Path) -> None:
    status, out, err = run(capsys, "calendar", "--db", db, "--today", "2026-04-20", "--lang", "en")
    assert status == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert all(len(fields) == 4 for fields in lines)
    assert err.strip() == f"{len(lines)} deadline(s)"
    dated = [fields[2] for fields in lines if fields[2] != "-"]
    assert dated == sorted(dated)
    assert lines[0] == ["BJMEMC-2025174-ZC", "Lodge the performance bond", "2025-08-14", "overdue"]
    assert ["WHZF-2026-ZWY", "最终验收开始（服务期满前20个工作日内）", "2027-02-09", "estimate"] in lines
    waiting = lines[len(dated):]
    assert waiting and all(fields[2] == "-" for fields in waiting)
    assert ["WHZF-2026-ZWY", "Payment: 第一笔合同款（2026年服务期费用的60%）", "-",
            "waiting (waiting for: the budget is approved or the funds arrive)"] in waiting


def test_from_and_to_bound_the_dates_in_chinese(capsys, db: Path) -> None:
    status, out, _err = run(capsys, "calendar", "--db", db, "--from", "2026-09-01", "--to", "2027年2月28日",
                            "--today", "2026-04-20", "--lang", "zh_CN")
    assert status == 0
    lines = [line.split("\t") for line in out.splitlines()]
    # the bond and the milestone that lodges it are one deadline
    assert [fields[2] for fields in lines] == ["2026-09-30"] * 2 + ["2027-02-07", "2027-02-09"]
    assert lines[0] == ["WHZF-2026-ZWY", "提交履约保证金", "2026-09-30", "未到期"]
    assert lines[-1][3] == "估算"


def test_ics_is_a_parseable_calendar_with_an_alarm_per_deadline(capsys, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    status, out, _err = run(capsys, "calendar", "--db", db, "--ics", target, "--from", "2026-01-01",
                            "--reminder-days", "7", "--today", "2026-04-20", "--lang", "zh_CN")
    assert status == 0
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert out.strip() == f"已将 {len(events)} 个事件写入 {target}"
    assert len(events) == 14  # the dated, not-done deadlines from 2026 on (a bond lodged per a milestone: once)
    first = min(events, key=lambda e: e.decoded("dtstart"))
    assert first.decoded("dtstart") == dt.date(2026, 4, 10)
    assert first.decoded("dtend") == dt.date(2026, 4, 11)
    assert str(first["summary"]) == "[2026-021] 提交技术资料、工作条件与协助事项书面清单"
    for event in events:
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["action"]) == "DISPLAY"
        assert alarms[0].decoded("trigger") == -dt.timedelta(days=7) + dt.timedelta(hours=9)  # 09:00, 7 days before
    tentative = [str(e["summary"]) for e in events if str(e.get("status", "")) == "TENTATIVE"]
    assert tentative == ["[WHZF-2026-ZWY] 最终验收开始（服务期满前20个工作日内）", "[2026-021] 项目终验"]
    assert len({str(e["uid"]) for e in events}) == len(events)
    # the same deadlines keep their UIDs in the next export (a calendar updates instead of duplicating)
    again = tmp_path / "again.ics"
    run(capsys, "calendar", "--db", db, "--ics", again, "--from", "2026-01-01", "--today", "2026-04-20")
    assert {str(e["uid"]) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")} == {
        str(e["uid"]) for e in events}


def test_bad_dates_are_wrong_usage(capsys, db: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        run(capsys, "calendar", "--db", db, "--from", "2026-13-01")
    assert raised.value.code == 2
    assert "no such date" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run(capsys, "calendar", "--db", db, "--reminder-days", "-1")


def test_unwritable_ics_is_reported(capsys, db: Path, tmp_path: Path) -> None:
    status, _out, err = run(capsys, "calendar", "--db", db, "--ics", tmp_path / "no" / "such" / "x.ics")
    assert status == 1
    assert err.startswith(f"error: Cannot write {tmp_path / 'no' / 'such' / 'x.ics'}: ")
    assert err.rstrip().endswith("[FILE_CANNOT_WRITE]")
