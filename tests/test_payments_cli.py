"""``main.py pay`` and ``main.py payments`` (issue 15): record a payment, print states and totals,
and bad input named by its option with exit status 1."""

from __future__ import annotations

from pathlib import Path

import pytest

import main
from services.ledger.importer import import_ledger
from services.store import open_store
from tests.conftest import SAMPLE_LEDGER


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, list[str], str]:
    status = main.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pay-cli") / "samples.db"
    store = open_store(path)
    import_ledger(store, SAMPLE_LEDGER)
    store.close()
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    path.write_bytes(template.read_bytes())
    return path


def test_pay_then_list(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, err = run(capsys, "pay", "2026-021", "--installment", "1", "--amount", "100,000.00",
                           "--date", "2026年3月2日", "--invoice", "No.0012", "--voucher", "记-0301",
                           "--lang", "en", "--db", db)
    assert (status, err) == (0, "")
    assert out == ["payment 1 recorded: 100,000.00 on 2026-03-02, installment 1: partly paid"]
    status, out, err = run(capsys, "payments", "2026-021", "--lang", "en", "--today", "2026-12-01", "--db", db)
    assert status == 0, err
    assert out[0].startswith("2026-021  ")
    first = next(line for line in out if line.strip().startswith("1 ") and "311,685.00" in line)
    assert "100,000.00" in first and "211,685.00" in first and "partly paid" in first
    assert any("2026-03-02" in line and "invoice No.0012" in line and "voucher 记-0301" in line for line in out)
    assert out[-1].strip() == "paid 100,000.00  outstanding 315,580.00  overdue 0.00  paid late 0"


def test_payments_filters_by_date_and_overdue(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    run(capsys, "pay", "WHZF-2026-ZWY", "--installment", "2", "--amount", "1000", "--date", "2026-10-01", "--db", db)
    status, out, _ = run(capsys, "payments", "--overdue", "--today", "2026-12-01", "--lang", "en", "--db", db)
    assert status == 0
    # 2026-021 waits for its invoice (nothing overdue); BJMEMC's single payment fell due in 2025
    assert [line.split()[0] for line in out if not line.startswith(" ")] == ["BJMEMC-2025174-ZC", "WHZF-2026-ZWY"]
    assert any("overdue 62 days" in line and "766,180.28" in line for line in out)  # due 30 September
    status, out, _ = run(capsys, "payments", "WHZF-2026-ZWY", "--from", "2026-10-02", "--db", db)
    assert "  payments: none" in out


@pytest.mark.parametrize(("argv", "needle"), [
    (["--installment", "1", "--amount", "abc", "--date", "2026-03-02"], "--amount:"),
    (["--installment", "1", "--amount", "10", "--date", "2026-02-30"], "--date:"),
    (["--installment", "x", "--amount", "10", "--date", "2026-03-02"], "--installment:"),
    (["--installment", "9", "--amount", "10", "--date", "2026-03-02"], "PAYMENT_NO_INSTALLMENT"),
    (["--installment", "1", "--amount", "0", "--date", "2026-03-02"], "PAYMENT_AMOUNT"),
    (["--installment", "1", "--amount", "400000", "--date", "2026-03-02"], "88,315.00 more than what remains"),
    (["--installment", "1", "--amount", "", "--date", "2026-03-02"], "--amount: give a value [CLI_OPTION_REQUIRED]"),
])
def test_bad_pay_input(capsys: pytest.CaptureFixture[str], db: Path, argv: list[str], needle: str) -> None:
    status, out, err = run(capsys, "pay", "2026-021", *argv, "--db", db)
    assert status == 1 and out == []
    assert needle in err and "Traceback" not in err
    status, out, _ = run(capsys, "payments", "2026-021", "--db", db)
    assert "  payments: none" in out


def test_over_payment_with_allow_over(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, _ = run(capsys, "pay", "2026-021", "--installment", "1", "--amount", "400000", "--date",
                         "2026-03-02", "--allow-over", "--lang", "en", "--db", db)
    assert status == 0 and out[0].endswith("installment 1: paid")


def test_unknown_contract(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, _, err = run(capsys, "payments", "NOPE", "--db", db)
    assert status == 1 and "NOPE" in err


def test_pay_errors_read_in_the_chosen_language(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """The command line's own errors carry a code and read in Chinese under ``--lang zh_CN``."""
    status, _out, err = run(capsys, "pay", "2026-021", "--installment", "1", "--amount", "400000",
                            "--date", "2026-03-02", "--lang", "zh_CN", "--db", db)
    assert status == 1
    assert "比第 1 期剩余应付多" in err and err.rstrip().endswith("[PAYMENT_OVER_REMAINING]")
    status, _out, err = run(capsys, "pay", "NO-SUCH", "--installment", "1", "--amount", "1",
                            "--date", "2026-03-02", "--lang", "zh_CN", "--db", db)
    assert status == 1 and err.rstrip().endswith("[CONTRACT_NOT_FOUND]") and "NO-SUCH" in err
    assert "no contract numbered" not in err
    status, _out, err = run(capsys, "pay", "2026-021", "--installment", "1", "--amount", "1",
                            "--date", "2026-02-30", "--lang", "zh_CN", "--db", db)
    assert status == 1 and err == "错误：--date：日期不存在：“2026-02-30” [VALUE_NO_SUCH_DATE]\n"
