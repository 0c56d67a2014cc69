"""The ledger workbook form (.xlsx) both ways, the .zip export, and spreadsheet damage caught on import
(services/ledger/workbook.py, workbook_write.py, damage.py; spec csv-format.md "Workbook form")."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from cli.app import run_command as cli_main
from services.ledger.files import LedgerFileError
from services.ledger.importer import LedgerError, import_ledger, read_ledger
from services.ledger.schema import SUPPORTED, TABLES_BY_NAME
from services.ledger.workbook import CHINESE_SHEET_NAMES, exact_number, excel_display
from services.ledger.workbook_write import DATE_FORMAT, MONEY_FORMAT, export_to
from services.ledger.write import export_ledger
from services.store import Store
from tests.conftest import SAMPLE_LEDGER


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def write_csv(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def register(store: Store, folder: Path) -> dict[str, bytes]:
    """The register as the CSV writer writes it (the reference form to compare registers)."""
    with store.session() as session:
        written = export_ledger(session, folder)
    return {path.name: path.read_bytes() for path in written}


def workbook_content(path: Path) -> dict[str, list[list[tuple[object, str]]]]:
    """Every sheet's cells as (value, data type), to compare two workbooks by content."""
    book = load_workbook(path)
    return {sheet.title: [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()]
            for sheet in book.worksheets}


def excel_like_workbook(path: Path, *, chinese: bool = False) -> None:
    """The sample ledger as Excel would save it after an officer typed it in: numbers as floats,
    dates as date cells, text as shared strings (openpyxl's default)."""
    book = Workbook()
    book.remove(book.active)
    for table in SUPPORTED:
        source = SAMPLE_LEDGER / table.file_name
        if not source.exists():
            continue
        rows = csv_rows(source.read_bytes())
        sheet = book.create_sheet(CHINESE_SHEET_NAMES[table.name] if chinese else table.name)
        columns = [table.column(name) for name in rows[0]]
        sheet.append([c.alias if chinese else c.name for c in columns])
        for row in rows[1:]:
            cells: list[object] = []
            for column, text in zip(columns, row, strict=True):
                if not text:
                    cells.append(None)
                elif column.kind in ("money", "decimal", "percent", "int"):
                    cells.append(float(text.lstrip("'")))
                elif column.kind == "date":
                    cells.append(dt.datetime.fromisoformat(text))
                else:
                    cells.append(text)
            sheet.append(cells)
    book.save(path)


@pytest.fixture
def second_store(tmp_path: Path, template_store: Path) -> Store:
    from services.store import open_store

    target = tmp_path / "second.db"
    target.write_bytes(template_store.read_bytes())
    return open_store(target)


# --- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize("chinese", [False, True], ids=["english", "chinese"])
def test_excel_like_workbook_imports_as_the_csv_ledger(store: Store, second_store: Store, tmp_path: Path,
                                                       chinese: bool) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    book = tmp_path / "台账.xlsx"
    excel_like_workbook(book, chinese=chinese)
    result = import_ledger(second_store, book)
    assert sorted(result.added) == sorted(["BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY"])
    assert register(second_store, tmp_path / "from_book") == register(store, tmp_path / "from_csv")


def test_xlsx_export_reimports_to_the_same_workbook_and_register(store: Store, second_store: Store,
                                                                  tmp_path: Path) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        first = export_to(session, tmp_path / "first.xlsx")[0]
    import_ledger(second_store, first)
    with second_store.session() as session:
        second = export_to(session, tmp_path / "second.xlsx")[0]
    assert workbook_content(first) == workbook_content(second)
    assert register(second_store, tmp_path / "b") == register(store, tmp_path / "a")
    assert first.stat().st_mode & 0o777 == 0o600


def test_workbook_cells_are_typed_and_laid_out(store: Store, tmp_path: Path) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        path = export_to(session, tmp_path / "zh.xlsx", chinese=True)[0]
    book = load_workbook(path)
    assert [s.title for s in book.worksheets] == [CHINESE_SHEET_NAMES[t.name] for t in SUPPORTED]
    contracts, parties = book["合同"], book["当事方"]
    header = [c.value for c in contracts[1]]
    assert header == [c.alias for c in TABLES_BY_NAME["contracts"].columns]
    assert contracts.freeze_panes == "A2"
    total = contracts.cell(2, header.index("合同总额") + 1)
    assert (total.value, total.number_format, total.data_type) == (2738718.5, MONEY_FORMAT, "n")
    signed = contracts.cell(2, header.index("签订日期") + 1)
    assert signed.is_date and signed.value == dt.datetime(2025, 7, 24) and signed.number_format == DATE_FORMAT
    account = parties.cell(2, [c.value for c in parties[1]].index("账号") + 1)
    assert (account.value, account.data_type) == ("01090323600120105239987", "s")
    assert contracts.column_dimensions["B"].width > contracts.column_dimensions["K"].width  # title vs currency


def test_text_starting_like_a_formula_stays_text(store: Store, second_store: Store, tmp_path: Path) -> None:
    ledger = tmp_path / "in"
    ledger.mkdir()
    rows = csv_rows((SAMPLE_LEDGER / "contracts.csv").read_bytes())
    rows[1][rows[0].index("notes")] = "'=SUM(A1:A9) 不是公式"
    write_csv(ledger / "contracts.csv", rows)
    import_ledger(store, ledger)
    with store.session() as session:
        path = export_to(session, tmp_path / "out.xlsx")[0]
    cell = load_workbook(path)["contracts"].cell(2, rows[0].index("notes") + 1)
    assert (cell.value, cell.data_type) == ("=SUM(A1:A9) 不是公式", "s")
    import_ledger(second_store, path)
    assert register(second_store, tmp_path / "b")["contracts.csv"] == register(store, tmp_path / "a")["contracts.csv"]


def test_money_cell_that_is_not_whole_fen_is_an_error(store: Store, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "合同"
    sheet.append(["合同编号", "合同名称", "合同总额"])
    sheet.append(["HT-1", "云主机", 1234.567])
    sheet.append(["HT-2", "云存储", 0.1 + 0.2])  # a computed cell: Excel shows 0.3
    path = tmp_path / "book.xlsx"
    book.save(path)
    with store.session() as session:
        plan = read_ledger(path, session)
    assert plan.problems.errors == [
        "book.xlsx[合同]:2:合同总额: money amount has more than two decimals: '1234.567' [VALUE_MONEY_DECIMALS]"]


def test_percent_cell_formatted_as_percent_is_read_as_percent(store: Store, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "contracts"
    sheet.append(["contract_no", "title", "total_amount", "tax_rate", "sign_date"])
    sheet.append(["HT-1", "云主机", 1000, 0.06, 45853])  # 6 % as Excel stores it; a date serial
    sheet["D2"].number_format = "0%"
    path = tmp_path / "book.xlsx"
    book.save(path)
    import_ledger(store, path)
    with store.session() as session:
        from services.register import contracts as contract_service

        data = contract_service.load_by_no(session, "HT-1")
    assert data.tax_rate == Decimal("6") and data.sign_date == dt.date(2025, 7, 15)


def test_old_binary_workbook_and_broken_workbook_say_what_to_do(store: Store, tmp_path: Path) -> None:
    old = tmp_path / "台账.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(LedgerFileError, match=r"Save As → \.xlsx") as caught:
        import_ledger(store, old)
    assert "另存为" in caught.value.message("zh_CN")
    broken = tmp_path / "ledger.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(LedgerFileError, match=r"not a readable \.xlsx workbook"):
        import_ledger(store, broken)


def test_workbook_in_a_folder_or_zip_and_foreign_sheets(store: Store, second_store: Store, tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    excel_like_workbook(book)
    extra = load_workbook(book)
    extra.create_sheet("说明").append(["这是说明"])
    extra.save(book)
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "ledger.xlsx").write_bytes(book.read_bytes())
    with store.session() as session:
        plan = read_ledger(folder, session)
    assert plan.problems.errors == []
    assert "ledger.xlsx[说明]: not a ledger file, ignored [LEDGER_IGNORED_FILE]" in plan.problems.warnings
    archive = tmp_path / "ledger.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(book, "台账/ledger.xlsx")
    assert sorted(import_ledger(second_store, archive).added) == ["2026-021", "BJMEMC-2025174-ZC", "WHZF-2026-ZWY"]


def test_exact_number_and_excel_display() -> None:
    assert exact_number(2738718.5) == Decimal("2738718.5")
    assert exact_number(0.1 + 0.2) == Decimal("0.3")
    assert excel_display(Decimal(1090323600120105239987)) == "1.09032360012011E+21"
    assert excel_display(Decimal(1068717284)) == "1068717284"


# --- zip export, command line --------------------------------------------------------------------


def test_zip_export_imports_back(store: Store, second_store: Store, tmp_path: Path) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        path = export_to(session, tmp_path / "ledger.zip")[0]
        again = export_to(session, tmp_path / "again.zip")[0]
    assert path.read_bytes() == again.read_bytes()
    import_ledger(second_store, path)
    assert register(second_store, tmp_path / "b") == register(store, tmp_path / "a")


def test_cli_export_chooses_the_form_by_suffix(store: Store, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    db = str(store.path)
    assert cli_main(["export", str(tmp_path / "out.xlsx"), "--db", db, "--chinese"]) == 0
    assert f"exported the ledger to {tmp_path / 'out.xlsx'}" in capsys.readouterr().out
    assert load_workbook(tmp_path / "out.xlsx").sheetnames[0] == "合同"
    assert cli_main(["export", str(tmp_path / "out.zip"), "--db", db]) == 0
    assert "contracts.csv" in zipfile.ZipFile(tmp_path / "out.zip").namelist()


# --- damage ------------------------------------------------------------------------------------


def damaged_ledger(tmp_path: Path, table: str, column: str, value: str, row: int = 2) -> Path:
    folder = tmp_path / "damaged"
    folder.mkdir(exist_ok=True)
    for source in SAMPLE_LEDGER.iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    rows = csv_rows((folder / f"{table}.csv").read_bytes())
    rows[row - 1][rows[0].index(column)] = value
    write_csv(folder / f"{table}.csv", rows)
    return folder


@pytest.mark.parametrize(("table", "column", "value", "code"), [
    ("parties", "account", "1.09032360012011E+21", "LEDGER_DAMAGE_SCIENTIFIC"),
    ("contracts", "procurement_no", "1.10000262102002E+19", "LEDGER_DAMAGE_SCIENTIFIC"),
    ("parties", "phone", "1068717284", "LEDGER_DAMAGE_LEADING_ZERO"),
    ("parties", "tax_id", "9131011512345678", "LEDGER_DAMAGE_CUT_SHORT"),
    ("penalty_clauses", "clause_ref", "1/1/08", "LEDGER_DAMAGE_DATE_CLAUSE"),
    ("penalty_clauses", "clause_ref", "2008-01-01", "LEDGER_DAMAGE_DATE_CLAUSE"),
])
def test_spreadsheet_damage_is_an_error_at_the_cell(store: Store, tmp_path: Path, table: str, column: str,
                                                    value: str, code: str) -> None:
    with pytest.raises(LedgerError) as caught:
        import_ledger(store, damaged_ledger(tmp_path, table, column, value))
    found = [p for p in caught.value.problems if code in p]
    assert found and found[0].startswith(f"{table}.csv:2:{column}: {value}")
    assert "Text" in found[0] and ".xlsx" in found[0]


def test_mobile_numbers_and_full_numbers_are_not_damage(store: Store, tmp_path: Path) -> None:
    folder = damaged_ledger(tmp_path, "parties", "phone", "13691387558")
    rows = csv_rows((folder / "parties.csv").read_bytes())
    rows[2][rows[0].index("phone")] = "4008001234"
    write_csv(folder / "parties.csv", rows)
    assert import_ledger(store, folder).warnings == []


def test_percent_fraction_is_a_warning_not_silent(store: Store, tmp_path: Path) -> None:
    result = import_ledger(store, damaged_ledger(tmp_path, "contracts", "tax_rate", "0.06"))
    assert any(w.startswith("contracts.csv:2:tax_rate: 0.06 % — did you mean 6 %?") for w in result.warnings)


def test_digits_past_the_fifteenth_all_zero_warn(store: Store, tmp_path: Path) -> None:
    result = import_ledger(store, damaged_ledger(tmp_path, "parties", "account", "11050192360000000000"))
    assert any("LEDGER_DAMAGE_TRAILING_ZEROS" in w and w.startswith("parties.csv:2:account") for w in result.warnings)


def test_damage_in_a_workbook_names_the_sheet_and_header(store: Store, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "当事方"
    sheet.append(["合同编号", "角色", "名称", "账号", "电话"])
    sheet.append(["BJMEMC-2025174-ZC", "甲方", "北京市生态环境监测中心", 1090323600120105239987, 1068717284])
    clauses = book.create_sheet("违约条款")
    clauses.append(["合同编号", "条款号", "违约情形", "违约方", "计算方式"])
    clauses.append(["BJMEMC-2025174-ZC", dt.datetime(2008, 1, 1), "逾期", "乙方", "per_day"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    import_ledger(store, SAMPLE_LEDGER)
    with pytest.raises(LedgerError) as caught:
        import_ledger(store, path)
    problems = caught.value.problems
    assert any(p.startswith("book.xlsx[当事方]:2:账号: 1.09032360012011E+21:") for p in problems)
    assert any(p.startswith("book.xlsx[当事方]:2:电话: 1068717284:") for p in problems)
    assert any(p.startswith("book.xlsx[违约条款]:2:条款号: 2008-01-01:") for p in problems)


# --- the store check ---------------------------------------------------------------------------


def test_check_flags_damage_already_in_the_store() -> None:
    from services.checks.contract import check_contract
    from services.register.contract_data import ContractData, PartyData, PenaltyClauseData

    data = ContractData(contract_no="HT-1", title="云主机", total_amount=Decimal("100.00"),
                        procurement_no="1.10000262102002E+19",
                        parties=[PartyData(role="甲方", name="某中心", phone="1068717284")],
                        penalty_clauses=[PenaltyClauseData(clause_ref="2008-01-01", trigger="逾期", payer_role="乙方",
                                                           kind="per_day")])
    found = {(p.code, p.fields[0]) for p in check_contract(data, today=dt.date(2026, 1, 1))}
    assert {("spreadsheet_scientific", "procurement_no"), ("spreadsheet_leading_zero", "parties[0].phone"),
            ("spreadsheet_date_clause", "penalty_clauses[0].clause_ref")} <= found
    zh = next(p for p in check_contract(data) if p.code == "spreadsheet_leading_zero").message("zh_CN")
    assert "开头“0”" in zh


# --- encodings ---------------------------------------------------------------------------------


def test_excel_unicode_text_utf16_tab_separated_is_read(store: Store, second_store: Store, tmp_path: Path) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    folder = tmp_path / "unicode"
    folder.mkdir()
    for source in SAMPLE_LEDGER.iterdir():
        rows = csv_rows(source.read_bytes())
        out = io.StringIO(newline="")
        csv.writer(out, delimiter="\t", lineterminator="\r\n").writerows(rows)
        (folder / source.name.replace(".csv", ".txt")).write_bytes(out.getvalue().encode("utf-16"))  # with BOM
    import_ledger(second_store, folder)
    assert register(second_store, tmp_path / "b") == register(store, tmp_path / "a")


def test_a_western_byte_in_a_gbk_file_is_named_with_its_row_and_likely_cause(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "gbk"
    folder.mkdir()
    text = "contract_no,title,total_amount,notes\r\nHT-1,云主机,100.00,价格\r\nHT-2,云存储,200.00,欧元 "
    (folder / "contracts.csv").write_bytes(text.encode("gbk") + b"\x80\x80\r\n")
    with pytest.raises(LedgerError) as caught:
        import_ledger(store, folder)
    (problem,) = caught.value.problems
    assert problem.startswith("contracts.csv:3:notes: cannot read the text: byte 0x80 is neither UTF-8 nor GB18030/GBK")
    assert "Windows-1252" in problem


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_money_written_as_a_number_cell_reads_back_exactly(fen: int) -> None:
    """Any amount below 10^13 yuan survives the float of a number cell → the decimal Excel shows."""
    amount = Decimal(fen) / 100
    assert exact_number(float(amount)) == amount
