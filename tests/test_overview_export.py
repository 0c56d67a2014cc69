"""The overview exported (issue 15): the .xlsx opened with openpyxl (cell types and formats), the
PDF read back, ``main.py overview`` with its figures, files and bad input — over the sample
contracts with a few payments, the figures of ``tests/test_overview.py`` (recomputed by hand there)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import main
from services.payments.overview import OverviewFilter, overview
from services.payments.overview_export import write_overview_xlsx
from services.payments.overview_pdf import write_overview_pdf
from services.payments.overview_tables import overview_sheets
from services.store import Store
from tests.test_overview import BJMEMC, TODAY, WHZF, paid  # noqa: F401 - the fixture of the sample payments

D = Decimal


@pytest.fixture
def view(paid: Store):  # noqa: F811 - the imported fixture
    with paid.session() as session:
        return overview(session, TODAY)


def _number(cell: object) -> Decimal:
    value = cell.value  # type: ignore[attr-defined]
    assert isinstance(value, int | float) and not isinstance(value, bool), value
    return D(str(value)).quantize(D("0.01"))


def test_workbook_cells_are_typed_and_formatted(view, tmp_path: Path) -> None:
    path = write_overview_xlsx(view, tmp_path / "overview.xlsx", "en")
    assert os.stat(path).st_mode & 0o777 == 0o600
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Totals", "By year of signing", "By budget year of the due dates", "By supplier",
                               "Overdue by age", "Due soon", "Due vs paid, next 12 months",
                               "Bonds held, not returned", "Ending in 90 days"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2" and sheet["A1"].font.b
    totals = book["Totals"]
    assert [c.value for c in totals[1]] == ["As of", "Contracts counted", "Contracts", "Contract value (元)",
                                            "Due (元)", "Paid (元)", "Outstanding (元)", "Overdue (元)"]
    as_of = totals["A2"]
    assert as_of.is_date and as_of.value == dt.datetime(2026, 12, 15) and as_of.number_format == "yyyy-mm-dd"
    assert totals["B2"].data_type == "s" and totals["B2"].value == "all contracts"
    assert totals["C2"].value == 3 and totals["C2"].data_type == "n"
    money = [totals.cell(2, column) for column in range(4, 9)]
    assert all(c.data_type == "n" and c.number_format == "#,##0.00" for c in money)
    assert [_number(c) for c in money] == [D("5711566.10"), D("5711566.10"), D("800088.80"), D("4911566.10"),
                                           D("2805898.78")]  # WHZF's 67,180.28 + BJMEMC's 2,738,718.50
    years = book["By year of signing"]
    assert [(r[0].value, r[1].value, _number(r[2])) for r in years.iter_rows(min_row=2)] == [
        (2025, 1, D("2738718.50")), (2026, 2, D("2972847.60"))]
    budget = book["By budget year of the due dates"]
    assert [r[0].value for r in budget.iter_rows(min_row=2)] == [2025, 2026, "—"]  # no due date: a dash, as text
    ageing = book["Overdue by age"]
    assert [(r[0].value, r[1].value) for r in ageing.iter_rows(min_row=2)] == [
        ("1–30 days", 0), ("31–90 days", 1), ("91–180 days", 0), ("over 180 days", 1)]  # words, not codes
    assert _number(ageing["C3"]) == D("67180.28")
    months = book["Due vs paid, next 12 months"]
    assert months["A2"].is_date and months["A2"].number_format == "yyyy-mm" and months["A2"].value == dt.datetime(
        2026, 12, 1)
    assert months.max_row == 13
    bonds = book["Bonds held, not returned"]
    first = [c.value for c in bonds[2]]
    assert first[:3] == [BJMEMC, 1, "Performance bond"] and bonds["D2"].number_format == "#,##0.00"
    assert bonds["E2"].is_date and bonds["E2"].value == dt.datetime(2026, 8, 15)
    assert first[5] == "return overdue"
    ending = book["Ending in 90 days"]
    assert ending["A2"].value == WHZF and ending["D2"].value == dt.datetime(2027, 3, 9)
    assert ending["A2"].data_type == "s" and _number(ending["E2"]) == D("2557267.60")


def test_workbook_in_chinese_names_the_filter(paid: Store, tmp_path: Path) -> None:  # noqa: F811
    flt = OverviewFilter(year=2026, supplier="首信", status="active")
    with paid.session() as session:
        view = overview(session, TODAY, flt)
    book = openpyxl.load_workbook(write_overview_xlsx(view, tmp_path / "总览.xlsx", "zh", flt))
    assert book.sheetnames[0] == "总计" and book.sheetnames[-1] == "90 日内到期的合同（续签）"
    assert book["总计"]["B2"].value == "签订年度 2026 · 供应商含 “首信” · 状态 履行中"
    assert book["在押未退保证金"]["C2"].value == "履约保证金"


def test_a_text_cell_starting_with_equals_stays_text(paid: Store, tmp_path: Path) -> None:  # noqa: F811
    with paid.session(write=True) as session:
        from services.register import contracts

        contract_id = contracts.find_id(session, WHZF)
        assert contract_id is not None
        data = contracts.load(session, contract_id)
        data.title = "=HYPERLINK(\"x\")"
        contracts.save(session, data, contract_id=contract_id)
    with paid.session() as session:
        view = overview(session, TODAY)
    book = openpyxl.load_workbook(write_overview_xlsx(view, tmp_path / "o.xlsx", "en"))
    cell = book["Ending in 90 days"]["B2"]
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"x\")"


def test_every_table_has_a_row_per_figure(view) -> None:
    sheets = {s.key: s for s in overview_sheets(view, "zh")}
    assert len(sheets["by_month"].rows) == 12 and len(sheets["ageing"].rows) == 4
    assert sheets["due_next"].rows == [["30 日内", 0, D("0.00")], ["90 日内", 0, D("0.00")]]
    for sheet in sheets.values():
        assert all(len(row) == len(sheet.columns) for row in sheet.rows)


def _pdf_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    finally:
        document.close()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_pdf_is_landscape_and_prints_the_figures(view, tmp_path: Path, language: str) -> None:
    import pypdfium2

    result = write_overview_pdf(view, tmp_path / f"o-{language}.pdf", language)
    assert 1 <= result.pages <= 2
    document = pypdfium2.PdfDocument(str(result.path))
    width, height = document[0].get_size()
    document.close()
    assert width > height  # landscape A4: 842 × 595 pt
    text = re.sub(r"\s+", " ", _pdf_text(result.path))  # a cell's text wraps
    for figure in ("5,711,566.10", "800,088.80", "4,911,566.10", "67,180.28", "273,871.85", "2,557,267.60"):
        assert figure in text, figure
    assert ("合同总览" if language == "zh" else "Contract overview") in text
    assert ("应退未退" if language == "zh" else "return overdue") in text
    if result.font.embedded:
        assert "/Helvetica" not in result.path.read_bytes().decode("latin-1")  # only the embedded font


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, list[str], str]:
    status = main.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


@pytest.fixture
def db(paid: Store) -> Iterator[Path]:  # noqa: F811
    yield Path(paid.path)  # the command opens the same file


def test_cli_prints_the_figures_and_writes_both_files(capsys: pytest.CaptureFixture[str], db: Path,
                                                      tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "o.xlsx", tmp_path / "o.pdf"
    status, out, err = run(capsys, "overview", "--today", TODAY.isoformat(), "--lang", "en", "--db", db,
                           "--xlsx", xlsx, "--pdf", pdf)
    assert status == 0, err
    assert out[0] == "Totals"
    assert out[2].split() == ["2026-12-15", "all", "contracts", "3", "5,711,566.10", "5,711,566.10", "800,088.80",
                              "4,911,566.10", "2,805,898.78"]
    assert any(line.split() == ["31–90", "days", "1", "67,180.28"] for line in out)
    assert any(line.split() == ["2025", "1", "2,738,718.50", "0.00", "2,738,718.50", "2,738,718.50"] for line in out)
    assert xlsx.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert "wrote" in err
    status, out, err = run(capsys, "overview", "--today", "2026-12-15", "--year", "2025", "--lang", "en",
                           "--db", db)
    assert status == 0 and out[2].split()[1:6] == ["signed", "in", "2025", "1", "2,738,718.50"]


def test_cli_bad_input(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    status, _out, err = run(capsys, "overview", "--today", "2026-13-45", "--db", db)
    assert status == 1 and err.startswith("error: --today:")
    blocked = tmp_path / "no-such-folder-file"
    blocked.write_text("a file where a folder should be")
    status, _out, err = run(capsys, "overview", "--db", db, "--xlsx", blocked / "o.xlsx")
    assert status == 1 and err.splitlines()[-1].startswith(f"error: Cannot write {blocked / 'o.xlsx'}")
    assert err.rstrip().endswith("[FILE_CANNOT_WRITE]")

