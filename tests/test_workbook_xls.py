"""The old binary workbook form (.xls, and WPS .et saved in that form) read with xlrd
(services/ledger/workbook_xls.py) under the same cell typing rules as .xlsx: dates as dates,
numbers exact to Excel's 15 digits, percent-formatted cells ×100, identifier numbers as Excel shows
them so the damage rules catch them. The .xls fixtures are made by LibreOffice headless from
workbooks built here (skipped, saying why, where LibreOffice is missing); a damaged OLE2 file is
a coded refusal, never a traceback."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from services.ledger.files import LedgerFileError
from services.ledger.importer import LedgerError, import_ledger
from services.ledger.workbook_xls import is_ole2
from services.register import contracts as contract_service
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER
from tests.test_workbook import excel_like_workbook, register

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed, so no .xls can be made: "
                            "apt-get install libreoffice-calc-nogui")


def _sample_book(path: Path) -> None:
    """The sample ledger as Excel would type it (Chinese sheets), the Red Cross contract's tax rate
    as a percent cell (0.06 shown as 6%)."""
    excel_like_workbook(path, chinese=True)
    book = load_workbook(path)
    sheet = book["合同"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("税率") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value == "2026-021":
            sheet.cell(row, column).value = 0.06
            sheet.cell(row, column).number_format = "0%"
    book.save(path)


def _damaged_book(path: Path) -> None:
    """A workbook with what a spreadsheet does to a ledger: identifiers as numbers, a clause number
    turned into a date, a money cell that is not a whole number of fen."""
    book = Workbook()
    parties = book.active
    parties.title = "当事方"
    parties.append(["合同编号", "角色", "名称", "账号", "电话"])
    parties.append(["BJMEMC-2025174-ZC", "甲方", "北京市生态环境监测中心", 1090323600120105239987, 1068717284])
    clauses = book.create_sheet("违约条款")
    clauses.append(["合同编号", "条款号", "违约情形", "违约方", "计算方式"])
    clauses.append(["BJMEMC-2025174-ZC", dt.datetime(2008, 1, 1), "逾期", "乙方", "per_day"])
    contracts = book.create_sheet("合同")
    contracts.append(["合同编号", "合同名称", "合同总额"])
    contracts.append(["HT-1", "云主机", 1234.567])
    book.save(path)


@pytest.fixture(scope="module")
def xls_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``sample`` and ``damaged`` as .xls files LibreOffice wrote (filter "MS Excel 97")."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
    folder = tmp_path_factory.mktemp("xls")
    _sample_book(folder / "sample.xlsx")
    _damaged_book(folder / "damaged.xlsx")
    command = [SOFFICE, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
               "--convert-to", "xls", "--outdir", str(folder / "out"), str(folder / "sample.xlsx"),
               str(folder / "damaged.xlsx")]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    made = {name: folder / "out" / f"{name}.xls" for name in ("sample", "damaged")}
    assert all(is_ole2(path.read_bytes()[:8]) for path in made.values())
    return made


def _fresh(tmp_path: Path, name: str) -> Store:
    return open_store(tmp_path / f"{name}.db")


@needs_soffice
@pytest.mark.parametrize("suffix", [".xls", ".et"])
def test_an_xls_workbook_imports_as_the_csv_ledger(xls_files: dict[str, Path], store: Store, tmp_path: Path,
                                                   suffix: str) -> None:
    book = tmp_path / f"台账{suffix}"  # WPS's .et in the Excel 97–2003 form is the same file
    book.write_bytes(xls_files["sample"].read_bytes())
    second = _fresh(tmp_path, "second")
    try:
        result = import_ledger(second, book)
        assert sorted(result.added) == sorted(["BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY"])
        import_ledger(store, SAMPLE_LEDGER)
        assert register(second, tmp_path / "from_xls") == register(store, tmp_path / "from_csv")
        with second.session() as session:
            red_cross = contract_service.load_by_no(session, "2026-021")
        assert red_cross.tax_rate == Decimal("6")  # the 6% cell (0.06 stored) read as 6 %
        assert red_cross.sign_date == dt.date(2026, 3, 31)  # a date cell
    finally:
        second.close()


@needs_soffice
def test_damage_in_an_xls_is_caught_at_sheet_row_and_header(xls_files: dict[str, Path], store: Store,
                                                            tmp_path: Path) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    book = tmp_path / "book.xls"
    book.write_bytes(xls_files["damaged"].read_bytes())
    with pytest.raises(LedgerError) as caught:
        import_ledger(store, book)
    problems = caught.value.problems
    assert any(p.startswith("book.xls[当事方]:2:账号: 1.09032360012011E+21:") for p in problems), problems
    assert any(p.startswith("book.xls[当事方]:2:电话: 1068717284:") for p in problems), problems
    assert any(p.startswith("book.xls[违约条款]:2:条款号: 2008-01-01:") for p in problems), problems
    assert "book.xls[合同]:2:合同总额: money amount has more than two decimals: '1234.567' [VALUE_MONEY_DECIMALS]" \
        in problems


@needs_soffice
def test_a_damaged_xls_is_a_coded_refusal_never_a_traceback(xls_files: dict[str, Path], tmp_path: Path) -> None:
    data = xls_files["sample"].read_bytes()
    rng = random.Random(12)
    target = _fresh(tmp_path, "target")
    outcomes: set[str] = set()
    try:
        for case in range(25):
            damaged = bytearray(data)
            if case % 5 == 0:
                damaged = damaged[: rng.randrange(512, len(damaged))]  # cut off
            else:
                for _ in range(rng.randrange(1, 40)):
                    damaged[rng.randrange(512, len(damaged))] = rng.randrange(256)
            path = tmp_path / f"case{case}.xls"
            path.write_bytes(bytes(damaged))
            try:
                import_ledger(target, path, replace=True)
                outcomes.add("imported")
            except LedgerFileError as refused:
                assert refused.code in ("LEDGER_WORKBOOK_LEGACY", "LEDGER_NO_LEDGER_FILE"), refused
                outcomes.add(refused.code)
            except LedgerError as rejected:
                assert rejected.problems
                outcomes.add("rejected")
    finally:
        target.close()
    assert "LEDGER_WORKBOOK_LEGACY" in outcomes  # a cut-off file at least is refused, with its code


def test_an_ole2_file_that_is_no_workbook_says_save_as_xlsx(store: Store, tmp_path: Path) -> None:
    for name in ("台账.xls", "台账.et"):
        path = tmp_path / name
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4)
        with pytest.raises(LedgerFileError) as caught:
            import_ledger(store, path)
        assert caught.value.code == "LEDGER_WORKBOOK_LEGACY"
        assert caught.value.message("zh_CN").startswith(f"{name}：无法读取这个 {Path(name).suffix} 工作簿（")
        assert "另存为" in caught.value.message("zh_CN") and "Save As → .xlsx" in caught.value.message("en")
        assert "文件已损坏" in caught.value.message("zh_CN") and "Error" not in caught.value.message("zh_CN")
        assert "(CompDocError: " in caught.value.message("en")  # xlrd's own reason, for whoever helps the officer
