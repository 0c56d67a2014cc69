"""``main.py amendments``, ``print --amendment``, ``attach`` and ``attachments`` (issue 16)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader

import main
from services.amendments import register as amendments
from services.attachments import files
from services.register import contracts
from services.store import open_store
from tests.amendment_cases import AMENDMENT_NO, amendment, original

SCAN = b"%PDF-1.4 scan\n" + bytes(range(256)) * 4


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main.run_command([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    store = open_store(path)
    try:
        with store.session() as session:
            contract_id = contracts.save(session, original())
        with store.session() as session:
            amendments.record(session, contract_id, amendment(), version=1)
    finally:
        store.close()
    return path


def test_amendments_lists_each_change(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, err = run(capsys, "amendments", "ZFY-2026-001", "--db", db)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{AMENDMENT_NO}\tsigned 2026-05-20\teffective 2026-06-01\tin force"
    assert lines[1] == "  1. end date: 30 June 2026 → 30 September 2026"
    assert lines[4].startswith("  4. Add line item 2: name: 对象存储")
    status, out, _err = run(capsys, "amendments", "ZFY-2026-001", "--lang", "zh", "--db", db)
    assert "原合同约定结束日期为2026年6月30日，现变更为2026年9月30日。" in out
    assert run(capsys, "amendments", "NOPE", "--db", db)[0] == 1


def test_print_amendment_writes_the_agreement_with_articles_and_signature_blocks(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path,
) -> None:
    out_file = tmp_path / "a.pdf"
    status, out, err = run(capsys, "print", "ZFY-2026-001", "--amendment", AMENDMENT_NO, "--out", out_file,
                           "--db", db)
    assert (status, err) == (0, "")
    assert out.startswith(f"wrote {out_file}")
    text = "".join(page.extract_text() for page in PdfReader(out_file).pages).replace("\n", "")
    for expected in ("补充协议", AMENDMENT_NO, "原合同编号：ZFY-2026-001", "第一条",
                     "原合同约定结束日期为2026年6月30日", "现变更为2026年9月30日",
                     "壹拾叁万伍仟元整", "增加服务明细第2项", "甲方（盖章）", "乙方（盖章）",
                     "某市大数据中心", "某云计算有限公司", "自2026年6月1日起生效"):
        assert expected in text, expected
    status, _out, err = run(capsys, "print", "ZFY-2026-001", "--amendment", "补9", "--out", out_file, "--db", db)
    assert status == 1 and "补9" in err


def test_attach_twice_and_list_and_extract(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(SCAN)
    status, out, err = run(capsys, "attach", "ZFY-2026-001", scan, "--kind", "signed_copy", "--db", db)
    assert (status, err) == (0, "")
    assert hashlib.sha256(SCAN).hexdigest() in out
    status, out, _err = run(capsys, "attach", "ZFY-2026-001", scan, "--db", db)
    assert status == 0 and "already keeps this file" in out
    status, out, _err = run(capsys, "attachments", "ZFY-2026-001", "--extract", tmp_path / "out", "--db", db)
    assert status == 0
    assert out.splitlines()[0].startswith("扫描件.pdf\tSigned copy\t1.0 KB\t")
    assert (tmp_path / "out" / "扫描件.pdf").read_bytes() == SCAN


def test_attach_refuses_a_file_over_200_mb_and_an_unknown_contract(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path,
) -> None:
    big = tmp_path / "big.bin"
    with open(big, "wb") as handle:
        handle.truncate(files.MAX_BYTES + 1)
    status, _out, err = run(capsys, "attach", "ZFY-2026-001", big, "--db", db)
    assert status == 1 and "ATTACHMENT_TOO_LARGE" in err and "big.bin" in err
    status, _out, err = run(capsys, "attach", "NOPE", big, "--db", db)
    assert status == 1 and "NOPE" in err
    assert run(capsys, "attachments", "NOPE", "--db", db)[0] == 1
