"""``main.py history``, ``verify``, ``trash`` and ``restore-contract``: output, exit statuses and bad
input (unknown contract number, bad --since date)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

import main
from services.penalty.records import current_user
from services.register import contracts
from services.store import open_store
from tests.conftest import SAMPLE_LEDGER

NUMBER = "2026-021"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main.run_command([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "x.db"
    assert run(capsys, "import", SAMPLE_LEDGER, "--db", path)[0] == 0
    return path


def _change_quantity(db: Path) -> tuple[Decimal, Decimal]:
    store = open_store(db)
    try:
        with store.session() as session:
            contract_id = contracts.find_id(session, NUMBER)
            assert contract_id is not None
            data = contracts.load(session, contract_id)
            before = data.line_items[0].quantity
            data.line_items[0].quantity = before * 2
            contracts.save(session, data, contract_id=contract_id)
    finally:
        store.close()
    return before, before * 2


def test_history_prints_one_line_per_change(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    before, after = _change_quantity(db)
    status, out, err = run(capsys, "history", NUMBER, "--db", db)
    assert (status, err) == (0, "")
    lines = [line.split("\t") for line in out.splitlines()]
    assert {line[3] for line in lines} == {NUMBER}
    assert all(len(line) == 5 for line in lines)
    last = lines[-1]
    assert last[1:4] == [current_user(), "Saved", NUMBER]  # the action and the field by their labels, not codes
    assert last[4] == f"Line items, row 1: Quantity {before} → {after}"
    when = dt.datetime.strptime(last[0], "%Y-%m-%d %H:%M:%S")  # local time
    assert abs(when - dt.datetime.now()) < dt.timedelta(minutes=5)
    assert {line[2] for line in lines[:-1]} == {"Imported"}
    status, out, _ = run(capsys, "history", NUMBER, "--db", db, "--lang", "zh_CN")
    last = out.splitlines()[-1].split("\t")
    assert last[2:] == ["保存", NUMBER, f"服务明细 第1行：数量 {before} → {after}"]
    assert "合同编号：2026-021" in out and "line_items" not in out

    status, out, _ = run(capsys, "history", "--db", db)
    assert {line.split("\t")[3] for line in out.splitlines()} == {NUMBER, "BJMEMC-2025174-ZC", "WHZF-2026-ZWY"}


def test_history_since_and_csv(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert run(capsys, "history", "--since", tomorrow, "--db", db) == (0, "", "")
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    status, out, _ = run(capsys, "history", NUMBER, "--since", yesterday, "--db", db)
    assert status == 0 and out
    target = tmp_path / "history.csv"
    status, out, err = run(capsys, "history", NUMBER, "--csv", target, "--db", db)
    assert (status, out) == (0, "")
    assert "history entries written to" in err
    raw = target.read_bytes()
    assert f",import,{NUMBER},".encode() in raw  # the CSV keeps the action codes, for machines
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert raw.count(b"\r\n") - 1 == len(run(capsys, "history", NUMBER, "--db", db)[1].splitlines())


def test_history_bad_input(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    status, out, err = run(capsys, "history", "NO-SUCH", "--db", db)
    assert (status, out) == (1, "")
    assert "No contract numbered NO-SUCH" in err and "[CONTRACT_UNKNOWN]" in err
    with pytest.raises(SystemExit) as usage:
        run(capsys, "history", "--since", "2026-13-45", "--db", db)
    assert usage.value.code == 2
    assert "--since" in capsys.readouterr().err
    status, _, err = run(capsys, "history", "--csv", tmp_path / "missing" / "h.csv", "--db", db)
    assert status == 1 and "Cannot write" in err and "[FILE_CANNOT_WRITE]" in err


def test_verify_ok_then_tampered(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert run(capsys, "verify", "--db", db) == (0, "history intact, integrity ok\n", "")
    connection = sqlite3.connect(db)
    try:
        connection.execute("DROP TRIGGER history_no_update")  # as an attacker would
        connection.execute("UPDATE history SET details = '{}' WHERE id = 2")
        connection.execute("CREATE TRIGGER history_no_update BEFORE UPDATE ON history "
                           "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END")  # and cover the tracks
        connection.commit()
    finally:
        connection.close()
    status, out, _ = run(capsys, "verify", "--db", db, "--lang", "en")
    assert status == 1
    assert out.splitlines() == [
        "history entry 2: content does not match its hash (changed after writing) [HISTORY_HASH_MISMATCH]"]
    status, out, _ = run(capsys, "verify", "--db", db, "--lang", "zh_CN")
    assert (status, out.splitlines()) == (1, ["历史记录 2：内容与其哈希值不符（写入后被改动） [HISTORY_HASH_MISMATCH]"])


def test_trash_and_restore_contract(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert run(capsys, "trash", "--db", db) == (0, "", "0 contract(s) in the Trash\n")
    assert run(capsys, "trash", "--db", db, "--lang", "zh_CN") == (0, "", "回收站中有 0 份合同\n")
    store = open_store(db)
    try:
        with store.session() as session:
            contract_id = contracts.find_id(session, NUMBER)
            assert contract_id is not None
            contracts.delete_contract(session, contract_id)
    finally:
        store.close()
    status, out, _ = run(capsys, "trash", "--db", db)
    (line,) = out.splitlines()
    number, title, when, who = line.split("\t")
    assert (status, number, who) == (0, NUMBER, current_user())
    assert title and dt.datetime.strptime(when, "%Y-%m-%d %H:%M:%S")
    assert NUMBER not in run(capsys, "list", "--db", db)[1]
    assert run(capsys, "history", NUMBER, "--db", db)[1].splitlines()[-1].split("\t")[2:] == [
        "Moved to the Trash", NUMBER, ""]

    assert run(capsys, "restore-contract", NUMBER, "--db", db) == (0, "", f"restored {NUMBER}\n")
    assert NUMBER in run(capsys, "list", "--db", db)[1]
    status, _, err = run(capsys, "restore-contract", NUMBER, "--db", db)
    assert status == 1 and "is not in the Trash" in err
    status, _, err = run(capsys, "restore-contract", "NO-SUCH", "--db", db)
    assert status == 1 and "No contract numbered NO-SUCH" in err


def test_commands_on_a_contract_in_the_trash_say_so(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    store = open_store(db)
    try:
        with store.session() as session:
            contract_id = contracts.find_id(session, NUMBER)
            assert contract_id is not None
            contracts.delete_contract(session, contract_id)
    finally:
        store.close()
    for command in (["check", NUMBER], ["print", NUMBER, "--out", str(db.with_suffix(".pdf"))]):
        status, _, err = run(capsys, *command, "--db", db)
        assert status == 1, command
        assert "belongs to a contract in the Trash" in err and "[CONTRACT_IN_TRASH]" in err, command
    status = run(capsys, "export", db.parent / "out", "--db", db)[0]
    assert status == 0
    assert NUMBER not in (db.parent / "out" / "contracts.csv").read_text("utf-8-sig")


def test_history_of_a_renamed_and_of_a_purged_number(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    store = open_store(db)
    try:
        with store.session() as session:
            contract_id = contracts.find_id(session, NUMBER)
            assert contract_id is not None
            data = contracts.load(session, contract_id)
            data.contract_no = "2026-021A"
            contracts.save(session, data, contract_id=contract_id)
            contracts.delete_contract(session, contract_id)
        with store.session() as session:
            from services.register.trash import purge

            purge(session, contract_id)
    finally:
        store.close()
    status, out, _ = run(capsys, "history", "2026-021A", "--db", db)
    assert status == 0
    actions = [line.split("\t")[2] for line in out.splitlines()]
    assert actions[-3:-1] == ["Saved", "Moved to the Trash"] and actions[-1] == "Deleted permanently"
    assert "Contract No. 2026-021 → 2026-021A" in out
    status, out, _ = run(capsys, "history", NUMBER, "--db", db)  # the import, under the old number
    assert status == 0 and {line.split("\t")[2] for line in out.splitlines()} == {"Imported"}
