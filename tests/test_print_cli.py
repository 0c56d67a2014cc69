"""``main.py print CONTRACT_NO --out FILE.pdf [--summary] [--font PATH] [--db PATH]``: the print-outs
from the command line; exit 1 with a clear message for an unknown contract number."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

import main
from tests.conftest import SAMPLE_LEDGER


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main.run_command([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "x.db"
    assert run(capsys, "import", SAMPLE_LEDGER, "--db", path)[0] == 0
    return path


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_print_contract(capsys, db, tmp_path):
    out_file = tmp_path / "out" / "c.pdf"
    status, out, err = run(capsys, "print", "WHZF-2026-ZWY", "--out", out_file, "--db", db)
    assert (status, err) == (0, "")
    pages = len(PdfReader(out_file).pages)
    assert out.strip() == f"wrote {out_file} ({pages} page(s))"
    text = text_of(out_file)
    assert f"第 {pages} 页 共 {pages} 页" in text
    # the total in capitals as the contract spells it (services.printing.total_capitals); installments computed
    assert "合同总价（大写）：贰佰伍拾伍万柒仟贰佰陆拾柒元陆角" in text.replace("\n", "")
    assert "人民币壹佰壹拾伍万零柒佰柒拾元零肆角贰分" in "".join(text.split())  # installment 1, computed


def test_print_summary(capsys, db, tmp_path):
    out_file = tmp_path / "s.pdf"
    status, _out, _err = run(capsys, "print", "2026-021", "--summary", "--out", out_file, "--db", db)
    assert status == 0
    text = " ".join(text_of(out_file).split())
    assert "合同编号" in text and "Contract No." in text
    assert "SAY RMB FOUR HUNDRED FIFTEEN THOUSAND FIVE HUNDRED EIGHTY YUAN ONLY" in text


def test_default_file_name_is_the_contract_number(capsys, db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "print", "BJMEMC-2025174-ZC", "--summary", "--db", db)[0] == 0
    assert (tmp_path / "BJMEMC-2025174-ZC-summary.pdf").is_file()


def test_unknown_contract_exits_1_with_a_message(capsys, db, tmp_path):
    out_file = tmp_path / "none.pdf"
    status, out, err = run(capsys, "print", "NO-SUCH-1", "--out", out_file, "--db", db)
    assert status == 1
    assert out == ""
    assert err.strip() == "error: no contract numbered 'NO-SUCH-1' in the store [CONTRACT_NOT_FOUND]"
    assert not out_file.exists()


def test_font_that_is_not_chinese_is_reported(capsys, db, tmp_path):
    dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not Path(dejavu).is_file():
        pytest.skip("DejaVu Sans not installed")
    status, _out, err = run(capsys, "print", "2026-021", "--out", tmp_path / "f.pdf", "--font", dejavu, "--db", db)
    assert status == 0  # printed with another font, never with boxes
    assert err.startswith("warning: ") and dejavu in err


def test_print_needs_a_contract_number(capsys, db):
    with pytest.raises(SystemExit) as exited:
        main.run_command(["print", "--db", str(db)])
    assert exited.value.code == 2
    assert "CONTRACT_NO" in capsys.readouterr().err


@pytest.fixture
def db_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The samples, with BJMEMC-2025174-ZC's total changed to the annex's ¥2,829,718.50 (line items
    and capitals no longer agree: check errors)."""
    import shutil

    ledger = tmp_path / "ledger"
    shutil.copytree(SAMPLE_LEDGER, ledger)
    contracts_csv = ledger / "contracts.csv"
    text = contracts_csv.read_text(encoding="utf-8-sig")
    contracts_csv.write_text(text.replace(",CNY,2738718.50,", ",CNY,2829718.50,", 1), encoding="utf-8-sig")
    path = tmp_path / "errors.db"
    assert run(capsys, "import", ledger, "--db", path)[0] == 0
    return path


def test_a_contract_with_check_errors_needs_force_to_print_for_signature(capsys, db_with_errors, tmp_path):
    out_file = tmp_path / "c.pdf"
    status, out, err = run(capsys, "print", "BJMEMC-2025174-ZC", "--out", out_file, "--db", db_with_errors,
                           "--lang", "en")
    assert status == 1 and out == "" and not out_file.exists()
    assert "check error" in err and "--force" in err and "[PRINT_HAS_ERRORS]" in err
    assert "2,829,718.50" in err  # the errors themselves are listed
    status, out, err = run(capsys, "print", "BJMEMC-2025174-ZC", "--out", out_file, "--db", db_with_errors,
                           "--force", "--lang", "zh_CN")
    assert status == 0 and out_file.exists()
    assert "核对错误" in err and err.startswith("警告：") and "（已按 --force 打印）" in err
    # the summary is no signature copy: it prints, errors or not
    summary = tmp_path / "s.pdf"
    assert run(capsys, "print", "BJMEMC-2025174-ZC", "--summary", "--out", summary, "--db", db_with_errors)[0] == 0


def test_a_contract_without_check_errors_prints_without_a_word(capsys, db, tmp_path):
    status, _out, err = run(capsys, "print", "2026-021", "--out", tmp_path / "c.pdf", "--db", db)
    assert (status, err) == (0, "")
