"""``main.py list`` through plain ``sqlite3`` (issue 18): byte for byte the normal path's output, and
no SQLAlchemy imported; everything it cannot serve goes the normal way."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import main
from cli import quick_list
from services.register import contracts, trash
from services.register.contract_data import ContractData, PartyData
from services.store import default_db_path, open_store
from tests.conftest import ROOT, SAMPLE_LEDGER


@pytest.fixture
def listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The sample ledger (Chinese) plus English titles, an amount with fen, a draft without dates and
    a contract in the Trash; the day's backup taken by a first command."""
    db = tmp_path / "contracts.db"
    assert main.run_command(["import", str(SAMPLE_LEDGER), "--db", str(db)]) == 0
    store = open_store(db)
    with store.session(write=True) as session:
        english = ContractData(contract_no="EN-2026-7", title="Network upkeep, 2nd lot — \"gold\" tier",
                               total_amount=Decimal("1234.05"))
        english.sign_date, english.start_date, english.end_date = dt.date(2026, 1, 2), dt.date(2026, 1, 5), None
        english.parties = [PartyData(role="甲方", name="City Bureau"), PartyData(role="乙方", name="Acme Ltd")]
        contracts.save(session, english)
        contracts.save(session, ContractData(contract_no="0-草稿", title="草稿\t无日期", total_amount=Decimal("0")))
        gone = contracts.save(session, ContractData(contract_no="Z-TRASH", title="已删除", total_amount=Decimal("1")))
        trash.move_to_trash(session, gone)
    store.close()
    capsys.readouterr()
    return db


def _normal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> tuple[int, str]:
    with monkeypatch.context() as patched:
        patched.setattr(quick_list, "run", lambda args: None)
        status = main.run_command(argv)
    return status, capsys.readouterr().out


def test_the_same_bytes_as_the_normal_path(listed: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["list", "--db", str(listed)]
    status, expected = _normal(capsys, monkeypatch, argv)  # also takes the day's backup
    assert status == 0 and "EN-2026-7\t1,234.05\tActive\t2026-01-05..\tNetwork upkeep" in expected
    assert "BJMEMC-2025174-ZC\t2,738,718.50\t" in expected and "Z-TRASH" not in expected
    assert "0-草稿\t0.00\tDraft\t..\t草稿\t无日期\n" in expected
    assert quick_list.run(argv[1:]) == 0
    assert capsys.readouterr().out == expected
    assert quick_list.run([f"--db={listed}"]) == 0
    assert capsys.readouterr().out == expected
    monkeypatch.setenv("CONTRACTDESK_DB", str(listed))
    assert quick_list.run([]) == 0
    assert capsys.readouterr().out == expected
    assert main.main(argv) == 0  # main.py hands it on
    assert capsys.readouterr().out == expected


@pytest.mark.parametrize("lang", [["--lang", "zh_CN"], ["--lang=zh_CN"], ["--lang", "zh"], []])
def test_the_same_bytes_in_chinese(listed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                   lang: list[str]) -> None:
    """Both paths print the status by its Chinese label under ``--lang zh_CN`` or a Chinese locale
    (no option), the figures and dates as in English."""
    if not lang:
        for name in ("LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    argv = ["list", "--db", str(listed), *lang]
    status, expected = _normal(capsys, monkeypatch, argv)
    assert status == 0 and "EN-2026-7\t1,234.05\t履行中\t2026-01-05..\tNetwork upkeep" in expected
    assert "0-草稿\t0.00\t草稿\t..\t草稿\t无日期\n" in expected and "Active" not in expected
    assert quick_list.run(argv[1:]) == 0
    assert capsys.readouterr().out == expected
    assert main.main(argv) == 0
    assert capsys.readouterr().out == expected


def test_what_it_cannot_serve_goes_the_normal_way(listed: Path, tmp_path: Path) -> None:
    assert quick_list.run(["--db", str(tmp_path / "fresh.db")]) is None  # no backup today, no store yet
    assert quick_list.run(["--db", str(listed)]) == 0  # the import took the day's backup
    assert quick_list.run(["--db", str(listed), "--lang", "en"]) == 0
    assert quick_list.run(["--db", "postgresql://clerk@db.example/register"]) is None
    assert quick_list.run(["--help"]) is None
    assert quick_list.run(["--db", str(listed), "--lang", "fr"]) is None  # argparse refuses it
    assert quick_list.run(["--db", str(listed), "--lang"]) is None
    assert quick_list.run(["--db", str(listed), "--db", str(listed)]) is None
    shutil.rmtree(listed.parent / "backups")
    assert quick_list.run(["--db", str(listed)]) is None  # the first command of the day backs it up
    assert quick_list.db_name([]) in (os.environ.get("CONTRACTDESK_DB"), str(default_db_path()))


def test_main_py_list_does_not_import_sqlalchemy(listed: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.run([sys.executable, str(ROOT / "main.py"), "list", "--db", str(listed)],
                           capture_output=True, text=True, env=env, check=True, cwd=ROOT)  # takes the day's backup
    probe = (
        "import sys, main\n"
        f"status = main.main(['list', '--db', {str(listed)!r}])\n"
        "print('sqlalchemy' in sys.modules, status, file=sys.stderr)\n"
    )
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True,
                            cwd=ROOT)
    assert second.stderr.strip() == "False 0"
    assert second.stdout == first.stdout and first.stdout.count("\n") == 5


def test_a_pending_amendment_is_not_listed_yet_on_either_path(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """补1 recorded with an effective date still ahead: ``main.py list`` prints the contract as signed
    (120,000.00 to 2026-06-30), as the window's list shows it, not the stored amended rows (135,000.00
    to 2026-09-30) — the quick path and the normal path alike."""
    from services.amendments import register as amendments
    from tests.amendment_cases import amendment, original

    db = tmp_path / "contracts.db"
    store = open_store(db)
    pending = amendment()
    pending.effective_date = dt.date(2099, 1, 1)
    with store.session(write=True) as session:
        first = contracts.save(session, original())
    with store.session(write=True) as session:
        amendments.record(session, first, pending, version=1)
    store.close()
    argv = ["list", "--db", str(db)]
    status, expected = _normal(capsys, monkeypatch, argv)
    assert status == 0
    assert expected == "ZFY-2026-001\t120,000.00\tCompleted\t2026-01-01..2026-06-30\t政务云资源租用服务\n"
    assert quick_list.run(argv[1:]) == 0
    assert capsys.readouterr().out == expected
