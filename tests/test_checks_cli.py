"""``main.py check [CONTRACT_NO]``: one line per problem, ``CONTRACT_NO: severity: message``, in
the chosen language; exit status 1 when a check at error level fails."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import main
from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from services.register.contract_data import ContractData, LineItemData, PartyData
from services.store import open_store
from tests.conftest import ROOT, SAMPLE_LEDGER


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store holding the samples and two contracts of our own: one with an error and a
    warning, one with a warning only."""
    path = tmp_path / "x.db"
    store = open_store(path)
    import_ledger(store, SAMPLE_LEDGER)
    parties = [PartyData("甲方", "采购人"), PartyData("乙方", "供应商", tax_id="91110108MA01CGBC5X")]
    with store.session() as session:
        contract_service.save(session, ContractData(
            contract_no="BAD-1", title="t", total_amount=Decimal("100.00"), parties=parties,
            line_items=[LineItemData(1, "x", unit_price=Decimal("0.5"), quantity=Decimal("3"), amount=Decimal("1.50"))],
        ))
        contract_service.save(session, ContractData(
            contract_no="WARN-1", title="t", total_amount=Decimal("100.00"), total_in_words="100元",
            sign_date=dt.date(2025, 3, 2), start_date=dt.date(2025, 3, 1),
            parties=[*parties[:1], PartyData("乙方", "B")],
        ))
    store.close()
    return path


def test_the_samples_pass(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    assert run(capsys, "import", SAMPLE_LEDGER, "--db", path)[0] == 0
    assert run(capsys, "check", "--db", path) == (
        0, "", "checked 3 contract(s): 0 with errors, 0 with warnings only\n")
    for number in ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY"):
        assert run(capsys, "check", number, "--db", path)[:2] == (0, "")


def test_errors_exit_1_with_one_line_per_problem(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, err = run(capsys, "check", "--db", db, "--lang", "en")
    assert status == 1
    assert out.splitlines() == [
        "BAD-1: error: The line amounts add up to ¥1.50, not the contract total ¥100.00; difference -¥98.50",
        "BAD-1: error: The tax id '91110108MA01CGBC5X' of 乙方 (Party B) is not a valid unified social credit code: "
        "the check character should be 'P', not 'X' (GB 32100-2015)",
        "WARN-1: warning: Malformed amount in capitals '100元' at position 0 ('1'): "
        "not a character of amounts in capitals.",
        "WARN-1: warning: Signed on 2025-03-02, after the term started on 2025-03-01 (service before contract)",
    ]
    assert err == "checked 5 contract(s): 1 with errors, 1 with warnings only\n"


def test_one_contract_in_chinese(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, _err = run(capsys, "check", "BAD-1", "--db", db, "--lang", "zh_CN")
    assert status == 1
    assert out.splitlines()[0] == "BAD-1：错误：各行合价合计¥1.50，与合同总额¥100.00不符，相差-¥98.50"
    assert len(out.splitlines()) == 2
    status, out, err = run(capsys, "check", "WARN-1", "--db", db, "--lang", "zh_CN")
    assert status == 0  # warnings only
    assert out.splitlines() == ["WARN-1：警告：大写金额“100元”第1个字符“1”处有误：不是大写金额用字。",
                                "WARN-1：警告：签订日期2025-03-02晚于服务开始日期2025-03-01（先履约后签合同）"]
    assert err == "已检查 1 份合同：0 份有错误，1 份仅有警告\n"


def test_the_language_follows_the_locale(capsys: pytest.CaptureFixture[str], db: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "各行合价合计" in run(capsys, "check", "BAD-1", "--db", db)[1]
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert "The line amounts add up to" in run(capsys, "check", "BAD-1", "--db", db)[1]


def test_unknown_contract(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    expected = "error: no contract numbered 'NOPE' in the store [CONTRACT_NOT_FOUND]\n"
    assert run(capsys, "check", "NOPE", "--db", db) == (1, "", expected)


def test_import_says_how_many_have_problems(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ledger = tmp_path / "ledger"
    ledger.mkdir()
    (ledger / "contracts.csv").write_text(
        "contract_no,title,total_amount,total_in_words\nX-1,t,100,壹元整\nX-2,t,100,壹佰元整\n", encoding="utf-8")
    status, out, _err = run(capsys, "import", ledger, "--db", tmp_path / "y.db")
    assert status == 0
    assert out.splitlines()[1] == "2 with problems: see main.py check"  # X-2 has no parties


def test_check_as_a_process(db: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "main.py", "check", "WARN-1", "--db", str(db), "--lang", "en"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("WARN-1: warning: Signed on 2025-03-02")
    result = subprocess.run([sys.executable, "main.py", "check", "--db", str(db), "--bogus"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False, env=env)
    assert result.returncode == 2
