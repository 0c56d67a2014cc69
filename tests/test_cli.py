"""The command line (main.py): import / export / list over the services, exit statuses 0, 1, 2 and
problems on stderr as ``file:row:column: reason``."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from tests.conftest import ROOT, SAMPLE_LEDGER

NUMBERS = ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")
STORED = tuple(sorted(path.name for path in SAMPLE_LEDGER.glob("*.csv")))  # every table is stored
EXPORTED = tuple(sorted((*STORED, "done_marks.csv", "payments.csv")))  # the sample records no done marks nor payments


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main.run_command([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "x.db"


def test_import_then_list(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, err = run(capsys, "import", SAMPLE_LEDGER, "--db", db)
    assert status == 0
    assert f"imported 3 new, 0 updated contract(s) into {db}" in out
    assert err == ""  # every table of the sample is stored: nothing skipped, nothing to warn about

    status, out, err = run(capsys, "list", "--db", db)
    assert status == 0
    assert err == ""
    rows = [line.split("\t") for line in out.splitlines()]
    assert sorted(row[0] for row in rows) == sorted(NUMBERS)
    assert {row[0]: row[1] for row in rows} == {
        "BJMEMC-2025174-ZC": "2,738,718.50", "2026-021": "415,580.00", "WHZF-2026-ZWY": "2,557,267.60",
    }
    bjmemc = next(row for row in rows if row[0] == "BJMEMC-2025174-ZC")
    assert bjmemc[3] == "2025-10-16..2026-05-15"


def test_list_of_an_empty_store(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert run(capsys, "list", "--db", db) == (0, "", "")
    assert db.exists()  # created and migrated


def test_second_import_needs_replace(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert run(capsys, "import", SAMPLE_LEDGER, "--db", db)[0] == 0

    status, out, err = run(capsys, "import", SAMPLE_LEDGER, "--db", db)
    assert status == 1
    assert "imported" not in out
    lines = err.splitlines()
    assert lines == [
        *(f"[LEDGER_ALREADY_IN_STORE] contracts.csv contract '{no}' is already in the store; import with "
          "--replace to update it" for no in NUMBERS),
        "rejected: nothing imported (3 problem(s))",
    ]

    status, out, err = run(capsys, "import", SAMPLE_LEDGER, "--replace", "--db", db)
    assert status == 0
    assert "imported 0 new, 3 updated contract(s)" in out
    status, out, _ = run(capsys, "list", "--db", db)
    assert len(out.splitlines()) == 3  # updated, not duplicated


def test_bad_ledger_lists_problems_and_imports_nothing(capsys: pytest.CaptureFixture[str], db: Path,
                                                       tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name in STORED:
        (folder / name).write_bytes((SAMPLE_LEDGER / name).read_bytes())
    rows = list(csv.reader(io.StringIO((folder / "line_items.csv").read_text("utf-8-sig"), newline="")))
    rows[4][rows[0].index("amount")] = "60774.001"
    rows[6][rows[0].index("seq")] = "五"
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    (folder / "line_items.csv").write_text(buffer.getvalue(), "utf-8")

    status, out, err = run(capsys, "import", folder, "--db", db)
    assert status == 1
    assert out == ""
    assert err.splitlines() == [
        "[VALUE_MONEY_DECIMALS] line_items.csv:5:amount money amount has more than two decimals: '60774.001'",
        "[VALUE_NOT_INTEGER] line_items.csv:7:seq not an integer (seq): '五'",
        "rejected: nothing imported (2 problem(s))",
    ]
    assert run(capsys, "list", "--db", db) == (0, "", "")


def test_unreadable_ledger(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    status, _, err = run(capsys, "import", tmp_path / "nowhere", "--db", db)
    assert status == 1
    assert err.strip() == f"{tmp_path / 'nowhere'}: no such file or folder [LEDGER_NO_SUCH_PATH]"


def test_export_writes_every_table(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    assert run(capsys, "import", SAMPLE_LEDGER, "--db", db)[0] == 0
    target = tmp_path / "out" / "ledger"
    status, out, err = run(capsys, "export", target, "--db", db)
    assert (status, err) == (0, "")
    assert out.strip() == f"exported {len(EXPORTED)} files to {target}"
    assert sorted(path.name for path in target.iterdir()) == list(EXPORTED)
    for name in STORED:
        assert (target / name).read_bytes() == (SAMPLE_LEDGER / name).read_bytes(), name
    assert (target / "done_marks.csv").read_bytes() == b"\xef\xbb\xbfcontract_no,source,seq,due_date,done_date,note\r\n"


def test_database_from_the_environment(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                       tmp_path: Path) -> None:
    env_db = tmp_path / "env" / "contracts.db"
    monkeypatch.setenv("CONTRACTDESK_DB", str(env_db))
    status, out, _ = run(capsys, "import", SAMPLE_LEDGER)
    assert status == 0
    assert str(env_db) in out
    assert env_db.exists()
    status, out, _ = run(capsys, "list")
    assert sorted(line.split("\t")[0] for line in out.splitlines()) == sorted(NUMBERS)
    # --db wins over the environment
    other = tmp_path / "other.db"
    assert run(capsys, "list", "--db", other) == (0, "", "")


def test_store_that_is_not_sqlite(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    db.write_bytes(b"hello")
    for argv in (["list"], ["import", str(SAMPLE_LEDGER)]):
        status, out, err = run(capsys, *argv, "--db", db)
        assert status == 1
        assert out == ""
        assert err.startswith(f"error: {db} is not a ContractDesk store (not an SQLite database)")
        assert err.rstrip().endswith("[STORE_NOT_SQLITE]") and err.count("\n") == 1
    assert db.read_bytes() == b"hello"  # left as it was


def test_store_from_a_newer_version(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    import sqlite3

    assert run(capsys, "list", "--db", db)[0] == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    status, _, err = run(capsys, "list", "--db", db)
    assert status == 1
    assert "newer version of ContractDesk" in err


@pytest.mark.parametrize("argv", [["import"], ["export"], ["list", "--bogus"], ["import", "x", "--frob"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main.run_command(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_wrong_subcommand_exits_2_in_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "CONTRACTDESK_DB": str(tmp_path / "x.db"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "main.py", "frobnicate"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "invalid choice: 'frobnicate'" in result.stderr
    assert not (tmp_path / "x.db").exists()  # no store touched, no window opened
