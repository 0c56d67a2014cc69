"""Importing and exporting ledgers (services/ledger/importer.py, ledger_read.py, ledger_files.py,
ledger_write.py) against the spec csv-format.md: the sample ledger, byte-exact round trips, the
forgiving reader's forms, and bad input rejected as a whole with ``file:row:column:`` problems."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models.contract import Contract
from services.ledger.files import LedgerFileError
from services.ledger.importer import ImportCancelled, LedgerError, import_ledger, read_ledger
from services.ledger.schema import SUPPORTED, TABLES_BY_NAME
from services.ledger.write import export_ledger
from services.register import contracts as contract_service
from services.register.contract_data import ContractData
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

BOM = b"\xef\xbb\xbf"
NUMBERS = ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")
BJMEMC = "BJMEMC-2025174-ZC"
#: The files this version stores and exports (a table with no rows is written as its header).
EXPORTED = tuple(table.file_name for table in SUPPORTED)
#: The files of the sample ledger (it records no done marks, so has no done_marks.csv).
STORED = tuple(name for name in EXPORTED if (SAMPLE_LEDGER / name).exists())

Rows = list[list[str]]
#: ``rejected(path, replace=True)``: import expecting rejection; returns the problems.
Rejected = Callable[..., list[str]]


# --- helpers -----------------------------------------------------------------------------


def read_rows(path: Path) -> Rows:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def write_rows(path: Path, rows: Rows, *, delimiter: str = ",", encoding: str = "utf-8-sig",
               lineterminator: str = "\r\n", quoting: int = csv.QUOTE_MINIMAL) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator, quoting=quoting).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def copy_sample(folder: Path, files: tuple[str, ...] = STORED) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in files:
        (folder / name).write_bytes((SAMPLE_LEDGER / name).read_bytes())
    return folder


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set the cell of spreadsheet row ``row`` (header = 1) under header ``column``."""
    rows = read_rows(path)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def sample_bytes() -> dict[str, bytes]:
    """What an export of the sample writes: the sample's files, and a header for each table it lacks."""
    found = {name: (SAMPLE_LEDGER / name).read_bytes() for name in STORED}
    for name in EXPORTED:
        if name not in found:
            header = ",".join(c.name for c in TABLES_BY_NAME[name.removesuffix(".csv")].columns
                              if not c.extension)
            found[name] = BOM + header.encode() + b"\r\n"
    return found


def export_bytes(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        written = export_ledger(session, folder)
    return {path.name: path.read_bytes() for path in written}


def snapshot(store: Store) -> dict[str, ContractData]:
    """Every contract of the store, whole (header and children), by number."""
    with store.session() as session:
        numbers = list(session.scalars(select(Contract.contract_no).order_by(Contract.id)))
        return {no: contract_service.load_by_no(session, no) for no in numbers}


def load(store: Store, contract_no: str) -> ContractData:
    with store.session() as session:
        return contract_service.load_by_no(session, contract_no)


def csv_records(name: str, contract_no: str) -> list[dict[str, str]]:
    with (SAMPLE_LEDGER / name).open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["contract_no"] == contract_no]


@pytest.fixture(scope="module")
def loaded_template(template_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file holding the sample ledger, imported once and copied for each test."""
    path = tmp_path_factory.mktemp("loaded") / "loaded.db"
    shutil.copyfile(template_store, path)
    opened = open_store(path)
    import_ledger(opened, SAMPLE_LEDGER)
    opened.close()
    return path


@pytest.fixture(scope="module")
def sample_contracts(loaded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, ContractData]:
    """``snapshot`` of a store holding the sample ledger (what a rejected import must leave)."""
    path = tmp_path_factory.mktemp("snapshot") / "loaded.db"
    shutil.copyfile(loaded_template, path)
    opened = open_store(path)
    try:
        return snapshot(opened)
    finally:
        opened.close()


@pytest.fixture
def loaded(loaded_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A fresh store holding the sample ledger."""
    path = tmp_path / "loaded.db"
    shutil.copyfile(loaded_template, path)
    opened = open_store(path)
    yield opened
    opened.close()


@pytest.fixture
def store_factory(template_store: Path, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """More fresh stores for one test (closed at the end)."""
    opened: list[Store] = []

    def make() -> Store:
        path = tmp_path / f"extra-{len(opened)}.db"
        shutil.copyfile(template_store, path)
        opened.append(open_store(path))
        return opened[-1]

    yield make
    for item in opened:
        item.close()


# --- the sample ledger -------------------------------------------------------------------


def test_sample_imports_three_contracts(store: Store) -> None:
    result = import_ledger(store, SAMPLE_LEDGER)
    assert result.added == list(NUMBERS)
    assert result.updated == []
    contracts = snapshot(store)
    assert list(contracts) == list(NUMBERS)
    assert {no: c.total_amount for no, c in contracts.items()} == {
        "BJMEMC-2025174-ZC": Decimal("2738718.50"),
        "2026-021": Decimal("415580.00"),
        "WHZF-2026-ZWY": Decimal("2557267.60"),
    }
    counts = {no: (len(c.parties), len(c.line_items), len(c.installments), len(c.articles))
              for no, c in contracts.items()}
    assert counts == {
        "BJMEMC-2025174-ZC": (2, 10, 1, 18),
        "2026-021": (2, 10, 2, 16),
        "WHZF-2026-ZWY": (2, 26, 3, 18),
    }


def test_sample_line_items_are_exactly_as_stated(loaded: Store) -> None:
    contract = load(loaded, BJMEMC)
    stated = csv_records("line_items.csv", BJMEMC)
    assert len(contract.line_items) == len(stated) == 10
    assert [item.seq for item in contract.line_items] == list(range(1, 11))
    assert [item.amount for item in contract.line_items] == [Decimal(row["amount"]) for row in stated]
    assert contract.line_items[3].unit_price == Decimal("0.15")
    assert contract.line_items[3].quantity == Decimal("57880")
    assert contract.line_items[3].periods == 7
    assert contract.line_items[9].amount == Decimal("3.50")
    assert sum(item.amount for item in contract.line_items) == contract.total_amount == Decimal("2738718.50")
    assert not any(item.amount_differs for item in contract.line_items)


def test_sample_header_parties_and_installments(loaded: Store) -> None:
    contract = load(loaded, "WHZF-2026-ZWY")
    assert contract.tax_rate == Decimal("6")
    assert contract.amount_excl_tax == Decimal("2412516.60")
    assert contract.total_in_words == "贰佰伍拾伍万柒仟贰佰陆拾柒元陆角"
    assert [(p.role, p.name) for p in contract.parties] == [
        ("甲方", "北京市文化市场综合执法总队"), ("乙方", "首信云技术有限公司"),
    ]
    assert [i.amount for i in contract.installments] == [
        Decimal("1150770.42"), Decimal("767180.28"), Decimal("639316.90"),
    ]
    assert contract.installments[0].due_after == "effective+budget"
    assert contract.installments[0].due_unit == "working_days"
    assert contract.installments[1].percent is None
    assert str(contract.installments[1].due_date) == "2026-09-30"
    other = load(loaded, "2026-021")
    assert [i.percent for i in other.installments] == [Decimal("75"), Decimal("25")]
    assert other.installments[1].due_after == "event:invoice_2"


def test_sample_reads_without_problems_and_keeps_every_table(store: Store) -> None:
    with store.session() as session:
        plan = read_ledger(SAMPLE_LEDGER, session)
    assert (plan.problems.errors, plan.problems.warnings) == ([], [])
    import_ledger(store, SAMPLE_LEDGER)
    contract = load(store, BJMEMC)
    assert [m.name for m in contract.milestones][:2] == ["提交履约保证金", "资源交付及资源交付确认单（电子版1份）"]
    assert contract.bonds[0].amount == Decimal("273871.85")
    assert contract.bonds[0].due_unit == "working_days"
    assert [c.clause_ref for c in contract.penalty_clauses][:3] == ["8.1.1", "8.1.2", "8.1.2(解除)"]
    assert contract.penalty_clauses[1].rate == Decimal("1")
    assert contract.penalty_clauses[1].terminate_after_days == 15


# --- round trip --------------------------------------------------------------------------


def test_export_equals_the_sample_byte_for_byte(loaded: Store, tmp_path: Path) -> None:
    exported = export_bytes(loaded, tmp_path / "out")
    assert sorted(exported) == sorted(EXPORTED)
    for name in EXPORTED:
        assert exported[name] == sample_bytes()[name], name


def test_export_import_export_is_byte_identical(loaded: Store, store_factory: Callable[[], Store],
                                                tmp_path: Path) -> None:
    first = export_bytes(loaded, tmp_path / "first")
    empty = store_factory()
    result = import_ledger(empty, tmp_path / "first")
    assert result.added == list(NUMBERS)
    assert result.warnings == []
    second = export_bytes(empty, tmp_path / "second")
    assert second == first


def test_exported_files_are_utf8_bom_crlf(loaded: Store, tmp_path: Path) -> None:
    exported = export_bytes(loaded, tmp_path / "out")
    for name, data in exported.items():
        assert data.startswith(BOM), name
        header = TABLES_BY_NAME[name.removesuffix(".csv")].columns
        assert data.split(b"\r\n", 1)[0] == BOM + ",".join(c.name for c in header if not c.extension).encode()
        assert data.endswith(b"\r\n")
        records = read_rows(tmp_path / "out" / name)
        assert data.count(b"\r\n") == len(records), name  # every record ends CRLF; only breaks inside cells are bare
        if name != "articles.csv":
            assert data.count(b"\n") == data.count(b"\r\n"), name
        data.decode("utf-8")


def test_export_of_an_empty_store_writes_headers_only(store: Store, tmp_path: Path) -> None:
    exported = export_bytes(store, tmp_path / "out")
    assert exported["contracts.csv"] == BOM + b"contract_no,title,title_en,procurement_no,status,sign_date," \
        b"sign_place,effective_date,start_date,end_date,currency,total_amount,total_in_words,tax_rate,amount_excl_tax,notes\r\n"
    assert len(exported) == len(EXPORTED) == 11  # payments.csv too (issue 15)


# --- the reader's forms ------------------------------------------------------------------


def _variant(folder: Path, transform: Callable[[str, Rows], Rows], **write: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in STORED:
        write_rows(folder / name, transform(name, read_rows(SAMPLE_LEDGER / name)), **write)
    return folder


def _same(name: str, rows: Rows) -> Rows:
    return rows


def _chinese_headers(name: str, rows: Rows) -> Rows:
    table = TABLES_BY_NAME[name.removesuffix(".csv")]
    return [[table.column(h).alias for h in rows[0]], *rows[1:]]


def _shuffled(name: str, rows: Rows) -> Rows:
    width = len(rows[0])
    order = [*range(1, width, 2), *range(0, width, 2)][::-1]  # a fixed, thorough permutation
    return [[row[i] for i in order] for row in rows]


def _odd_headers(name: str, rows: Rows) -> Rows:
    odd = [f"  {h.upper().replace('_', ' _ ')} " if i % 2 else h.title() for i, h in enumerate(rows[0])]
    return [odd, *rows[1:]]


VARIANTS: dict[str, tuple[Callable[[str, Rows], Rows], dict[str, Any]]] = {
    "gb18030": (_same, {"encoding": "gb18030"}),
    "utf8_without_bom": (_same, {"encoding": "utf-8"}),
    "chinese_headers": (_chinese_headers, {}),
    "shuffled_columns": (_shuffled, {}),
    "tab_separated": (_same, {"delimiter": "\t"}),
    "semicolon_separated": (_same, {"delimiter": ";"}),
    "headers_case_and_spaces": (_odd_headers, {}),
    "gb18030_chinese_headers_tabs": (_chinese_headers, {"encoding": "gb18030", "delimiter": "\t"}),
    "lf_line_ends": (_same, {"lineterminator": "\n"}),
    # Excel for Mac's "CSV (Macintosh)"; every cell quoted (Python's writer would not quote a bare \n here)
    "cr_line_ends_all_quoted": (_same, {"lineterminator": "\r", "quoting": csv.QUOTE_ALL}),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_reader_forms_import_the_same_ledger(variant: str, store: Store, tmp_path: Path) -> None:
    transform, write = VARIANTS[variant]
    folder = _variant(tmp_path / variant, transform, **write)
    if write.get("encoding") == "gb18030":
        with pytest.raises(UnicodeDecodeError):
            (folder / "contracts.csv").read_bytes().decode("utf-8")  # really not UTF-8
    result = import_ledger(store, folder)
    assert result.added == list(NUMBERS)
    assert result.warnings == []
    assert export_bytes(store, tmp_path / "out") == sample_bytes()


def test_short_gb18030_file_is_read(loaded: Store, tmp_path: Path) -> None:
    # A one-line GBK file is too short for charset detection (it guesses big5); still GB18030.
    path = tmp_path / "line_items.csv"
    path.write_bytes(f"contract_no,seq,name\r\n{BJMEMC},1,云主机\r\n".encode("gb18030"))
    import_ledger(loaded, path, replace=True)
    assert [(i.seq, i.name) for i in load(loaded, BJMEMC).line_items] == [(1, "云主机")]


def _zip(folder: Path, target: Path, prefix: str = "", extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        if prefix:
            archive.writestr(prefix, b"")  # the folder entry, as zip tools write it
        for path in sorted(folder.iterdir()):
            archive.write(path, prefix + path.name)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return target


@pytest.mark.parametrize("prefix", ["", "sample_ledger/"])
def test_zip_of_the_ledger(prefix: str, store: Store, tmp_path: Path) -> None:
    archive = _zip(SAMPLE_LEDGER, tmp_path / "ledger.zip", prefix,
                   extra={f"__MACOSX/{prefix}._contracts.csv": b"\x00\x05\x16\x07junk"})
    result = import_ledger(store, archive)
    assert result.added == list(NUMBERS)
    assert [w for w in result.warnings if "skipped" in w] == []
    assert export_bytes(store, tmp_path / "out") == sample_bytes()


def test_zip_problems_name_the_file_inside(loaded: Store, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "ledger")
    set_cell(folder / "line_items.csv", 5, "amount", "60774.001")
    archive = _zip(folder, tmp_path / "bad.zip", "ledger/")
    with pytest.raises(LedgerError) as info:
        import_ledger(loaded, archive, replace=True)
    assert info.value.problems == [
        "bad.zip/ledger/line_items.csv:5:amount: money amount has more than two decimals: '60774.001'"
            " [VALUE_MONEY_DECIMALS]"
    ]


def test_single_line_items_file_replaces_that_contracts_lines(loaded: Store, tmp_path: Path) -> None:
    before = snapshot(loaded)
    path = tmp_path / "line_items.csv"
    write_rows(path, [
        ["contract_no", "seq", "name", "unit_price", "quantity", "periods"],
        [BJMEMC, "1", "x86 平台云主机服务-vCPU", "8", "1,084", "7"],
        [BJMEMC, "2", "WAF防护", "0.5", "1", "7"],
    ])
    with pytest.raises(LedgerError) as refused:  # it updates a contract in the store: ask first
        import_ledger(loaded, path)
    assert refused.value.problems == [
        f"line_items.csv: contract '{BJMEMC}' is already in the store; import with --replace to update it"
            " [LEDGER_ALREADY_IN_STORE]"
    ]
    assert snapshot(loaded) == before
    result = import_ledger(loaded, path, replace=True)
    assert result.added == []
    assert result.updated == [BJMEMC]
    after = snapshot(loaded)
    lines = after[BJMEMC].line_items
    assert [(i.seq, i.name, i.amount, i.computed_amount) for i in lines] == [
        (1, "x86 平台云主机服务-vCPU", None, Decimal("60704.00")),
        (2, "WAF防护", None, Decimal("3.50")),
    ]
    # the rest of that contract and the other contracts are untouched
    assert after[BJMEMC].parties == before[BJMEMC].parties
    assert after[BJMEMC].installments == before[BJMEMC].installments
    assert after[BJMEMC].title == before[BJMEMC].title
    assert after["2026-021"] == before["2026-021"]
    assert after["WHZF-2026-ZWY"] == before["WHZF-2026-ZWY"]


def test_contracts_file_alone_keeps_children(loaded: Store, tmp_path: Path) -> None:
    before = snapshot(loaded)
    folder = copy_sample(tmp_path / "ledger", ("contracts.csv",))
    set_cell(folder / "contracts.csv", 2, "notes", "改过的备注")
    result = import_ledger(loaded, folder, replace=True)
    assert result.updated == list(NUMBERS)
    after = snapshot(loaded)
    assert after[BJMEMC].notes == "改过的备注"
    assert after[BJMEMC].line_items == before[BJMEMC].line_items
    assert after[BJMEMC].parties == before[BJMEMC].parties
    assert after[BJMEMC].articles == before[BJMEMC].articles


def test_formula_guard_is_stripped_on_read_and_written_again(store: Store, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "ledger")
    set_cell(folder / "contracts.csv", 2, "title", "'=SUM(A1)")
    set_cell(folder / "contracts.csv", 3, "title", "=HYPERLINK(1)")  # unguarded: read as is, guarded on export
    set_cell(folder / "contracts.csv", 4, "title", "'引号开头")  # an apostrophe before no formula stays
    import_ledger(store, folder)
    assert load(store, BJMEMC).title == "=SUM(A1)"
    assert load(store, "2026-021").title == "=HYPERLINK(1)"
    assert load(store, "WHZF-2026-ZWY").title == "'引号开头"
    export_bytes(store, tmp_path / "out")
    titles = [row[1] for row in read_rows(tmp_path / "out" / "contracts.csv")[1:]]
    assert titles == ["'=SUM(A1)", "'=HYPERLINK(1)", "'引号开头"]
    raw = (tmp_path / "out" / "contracts.csv").read_bytes().decode("utf-8")
    assert f"{BJMEMC},'=SUM(A1)," in raw


def test_unknown_column_is_a_warning_and_import_goes_on(store: Store, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "ledger")
    rows = read_rows(folder / "contracts.csv")
    write_rows(folder / "contracts.csv", [[*rows[0], "经办人"], *([*row, "王五"] for row in rows[1:])])
    result = import_ledger(store, folder)
    assert result.added == list(NUMBERS)
    assert result.warnings == ["contracts.csv:1:经办人: unknown column, ignored [LEDGER_UNKNOWN_COLUMN]"]
    assert export_bytes(store, tmp_path / "out") == sample_bytes()


def test_money_in_wan_is_read_with_a_warning(store: Store, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "ledger")
    set_cell(folder / "contracts.csv", 2, "total_amount", "273.871850万元")
    set_cell(folder / "contracts.csv", 3, "total_amount", "¥415,580.00元")
    set_cell(folder / "contracts.csv", 4, "total_amount", "RMB 2,557,267.6")
    result = import_ledger(store, folder)
    assert result.warnings == [
        "contracts.csv:2:total_amount: amount written in 万元 ('273.871850万元'), read as 2738718.50 yuan [LEDGER_WAN]"
    ]
    assert export_bytes(store, tmp_path / "out") == sample_bytes()


def test_non_ledger_files_in_the_folder_are_reported(store: Store, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "ledger")
    (folder / "readme.txt").write_text("notes")
    result = import_ledger(store, folder)
    assert result.warnings == ["readme.txt: not a ledger file, ignored [LEDGER_IGNORED_FILE]"]


# --- bad input: rejected whole -----------------------------------------------------------


@pytest.fixture
def bad_base(tmp_path: Path) -> Path:
    """A copy of the sample with valid changes (a new contract, a changed title, a changed line)
    that a rejected import must not write either."""
    folder = copy_sample(tmp_path / "bad")
    rows = read_rows(folder / "contracts.csv")
    rows.append(["NEW-1", "新合同", "", "", "", "", "", "", "", "", "CNY", "100.00", "", "", "", ""])
    write_rows(folder / "contracts.csv", rows)
    set_cell(folder / "contracts.csv", 3, "title", "改过的名称")
    set_cell(folder / "line_items.csv", 2, "amount", "1.00")
    return folder


@pytest.fixture
def rejected(loaded: Store, sample_contracts: dict[str, ContractData]) -> Rejected:
    """Import ``path`` into the loaded store, expect ``LedgerError``, check the store is unchanged
    (every contract, header and children, as before) and return the problems."""

    def check(path: Path, *, replace: bool = True) -> list[str]:
        with pytest.raises(LedgerError) as info:
            import_ledger(loaded, path, replace=replace)
        after = snapshot(loaded)
        assert after == sample_contracts
        assert list(after) == list(NUMBERS)
        return info.value.problems

    return check


def test_bad_base_alone_is_accepted(loaded: Store, bad_base: Path) -> None:
    # so the "store unchanged" checks below really would see a partial write
    result = import_ledger(loaded, bad_base, replace=True)
    assert result.added == ["NEW-1"]
    assert load(loaded, "2026-021").title == "改过的名称"
    assert load(loaded, BJMEMC).line_items[0].amount == Decimal("1.00")


BAD_CELLS = [
    # (file, spreadsheet row, column, bad text, reason fragment)
    ("contracts.csv", 2, "total_amount", "2,738,718.5x", "not a money amount: '2,738,718.5x'"),
    ("line_items.csv", 2, "amount", "60704.001", "money amount has more than two decimals: '60704.001'"),
    ("parties.csv", 3, "share_amount", "十万", "not a money amount"),
    ("contracts.csv", 4, "amount_excl_tax", "2412516.6.0", "not a money amount: '2412516.6.0'"),
    ("contracts.csv", 3, "sign_date", "2026-02-30", "no such date: '2026-02-30'"),
    ("installments.csv", 2, "due_date", "30/09/2026", "not a date (use 2025-10-16)"),
    ("installments.csv", 3, "percent", "七十五", "not a percent: "),
    ("contracts.csv", 3, "tax_rate", "6%%", "not a tax rate: "),
    ("parties.csv", 2, "role", "Party F", "not a party role"),
    ("line_items.csv", 12, "party_role", "己方", "not a party role"),
    ("line_items.csv", 3, "seq", "2a", "not an integer"),
    ("line_items.csv", 4, "periods", "7个月", "not an integer"),
    ("articles.csv", 2, "seq", "1.5", "not an integer"),
    ("line_items.csv", 5, "quantity", "-57880", "is negative: '-57880'"),
    ("line_items.csv", 5, "unit_price", "0.15001", "more than 4 decimals"),
    ("contracts.csv", 2, "status", "open", "not a status (draft, active, completed, terminated): 'open'"),
    ("contracts.csv", 2, "currency", "人民币", "not an ISO 4217 currency code"),
    ("installments.csv", 2, "due_unit", "weeks", "not a deadline unit"),
    ("installments.csv", 2, "due_after", "effective+payday", "unknown event 'payday'"),
    ("installments.csv", 3, "due_after", "event:", "unknown event 'event:'"),
    ("contracts.csv", 4, "title", "", "a value is required"),
    ("contracts.csv", 2, "total_amount", "", "a value is required"),
    ("parties.csv", 3, "name", "  ", "a value is required"),
    ("line_items.csv", 3, "seq", "1", f"duplicate key {BJMEMC} + 1 (also on row 2)"),
    ("parties.csv", 3, "role", "甲方", f"duplicate key {BJMEMC} + 甲方 (also on row 2)"),
    ("parties.csv", 3, "role", "Party A", f"duplicate key {BJMEMC} + 甲方 (also on row 2)"),
    ("contracts.csv", 3, "contract_no", BJMEMC, f"duplicate key {BJMEMC} (also on row 2)"),
    ("installments.csv", 2, "contract_no", "NOPE-1",
     "unknown contract 'NOPE-1' (not in contracts.csv nor in the store)"),
]


@pytest.mark.parametrize(("name", "row", "column", "text", "reason"), BAD_CELLS,
                         ids=[f"{c[0].removesuffix('.csv')}-{c[2]}-{c[3] or 'empty'}" for c in BAD_CELLS])
def test_bad_cell_rejects_the_whole_ledger(rejected: Rejected, bad_base: Path, name: str, row: int, column: str,
                                           text: str, reason: str) -> None:
    set_cell(bad_base / name, row, column, text)
    problems = rejected(bad_base)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{name}:{row}:{column}: ")
    assert reason in problems[0]


def test_problem_names_the_header_as_the_file_writes_it(rejected: Rejected, bad_base: Path) -> None:
    _variant(bad_base, _chinese_headers)
    set_cell(bad_base / "line_items.csv", 5, "合价", "abc")
    assert rejected(bad_base) == ["line_items.csv:5:合价: not a money amount: 'abc' [VALUE_NOT_NUMBER]"]


def test_missing_required_column(rejected: Rejected, bad_base: Path) -> None:
    rows = read_rows(bad_base / "line_items.csv")
    drop = rows[0].index("name")
    write_rows(bad_base / "line_items.csv", [[c for i, c in enumerate(row) if i != drop] for row in rows])
    assert rejected(bad_base) == ["line_items.csv:1:name: required column missing [LEDGER_MISSING_COLUMN]"]


def test_column_given_twice(rejected: Rejected, bad_base: Path) -> None:
    rows = read_rows(bad_base / "contracts.csv")
    write_rows(bad_base / "contracts.csv", [[*rows[0], "合同名称"], *([*row, "x"] for row in rows[1:])])
    assert rejected(bad_base) == ["contracts.csv:1:合同名称: column title appears twice [LEDGER_DUPLICATE_COLUMN]"]


def test_empty_file(rejected: Rejected, bad_base: Path) -> None:
    (bad_base / "articles.csv").write_bytes(b"")
    assert rejected(bad_base) == ["articles.csv:1: the file is empty (a header row is needed) [LEDGER_EMPTY_FILE]"]


@pytest.mark.parametrize(
    "data",
    [
        b"contract_no,seq,heading\r\n" + b"\xff\xfe\x00\xd8" * 16,
        bytes(range(256)) * 4,
        b"contract_no,seq,heading\r\nX,1,a\rb \"c\x80",  # a bare CR and a stray quote before the bad byte (fuzz)
    ],
    ids=["invalid-utf8-and-gb18030", "binary", "bare-cr-and-quote"],
)
def test_undecodable_file(rejected: Rejected, bad_base: Path, data: bytes) -> None:
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the premise: not UTF-8, and not GB18030 text (invalid, or NUL bytes)
    (bad_base / "articles.csv").write_bytes(data)
    problems = rejected(bad_base)
    assert len(problems) == 1
    assert problems[0].startswith("articles.csv:")
    assert "is neither UTF-8 nor GB18030/GBK text" in problems[0] and "LEDGER_UNDECODABLE" in problems[0]


def test_utf16_without_bom_is_rejected(rejected: Rejected, bad_base: Path) -> None:
    # NUL bytes are valid UTF-8, so this "reads" — but no header is recognised.
    (bad_base / "articles.csv").write_bytes("contract_no,seq,heading\r\nX,1,一\r\n".encode("utf-16-le"))
    problems = rejected(bad_base)
    assert problems
    assert all(p.startswith("articles.csv:1:") for p in problems)


def test_several_problems_are_all_listed(rejected: Rejected, bad_base: Path) -> None:
    set_cell(bad_base / "contracts.csv", 2, "sign_date", "2025-7-32")
    set_cell(bad_base / "contracts.csv", 4, "total_amount", "lots")
    set_cell(bad_base / "parties.csv", 5, "role", "Party F")
    set_cell(bad_base / "line_items.csv", 3, "seq", "1")
    (bad_base / "articles.csv").write_bytes(b"\xff\xff\xff")
    problems = rejected(bad_base)
    assert [p.split(": ")[0] for p in problems] == [
        "articles.csv:1:1",
        "contracts.csv:2:sign_date",
        "contracts.csv:4:total_amount",
        "line_items.csv:3:seq",
        "parties.csv:5:role",
    ]


def test_rejected_into_an_empty_store_writes_nothing(store: Store, bad_base: Path) -> None:
    set_cell(bad_base / "installments.csv", 7, "amount", "1.234")
    with pytest.raises(LedgerError):
        import_ledger(store, bad_base)
    assert snapshot(store) == {}


def test_contracts_already_in_store_need_replace(rejected: Rejected, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "again")
    set_cell(folder / "contracts.csv", 2, "title", "改过的名称")
    problems = rejected(folder, replace=False)
    assert problems == [
        f"contracts.csv: contract '{no}' is already in the store; import with --replace to update it"
            " [LEDGER_ALREADY_IN_STORE]"
        for no in NUMBERS
    ]


def test_replace_updates_without_duplicating(loaded: Store, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "again")
    set_cell(folder / "contracts.csv", 2, "title", "改过的名称")
    set_cell(folder / "line_items.csv", 11, "amount", "3.60")
    result = import_ledger(loaded, folder, replace=True)
    assert result.added == []
    assert result.updated == list(NUMBERS)
    contracts = snapshot(loaded)
    assert list(contracts) == list(NUMBERS)
    assert contracts[BJMEMC].title == "改过的名称"
    assert len(contracts[BJMEMC].line_items) == 10
    assert contracts[BJMEMC].line_items[-1].amount == Decimal("3.60")
    assert contracts[BJMEMC].line_items[-1].amount_differs
    with loaded.session() as session:
        assert contract_service.count(session) == 3
        assert contract_service.search_ids(session, text="改过的名称") == [contract_service.find_id(session, BJMEMC)]


def test_child_row_for_a_contract_only_in_the_store_is_accepted(loaded: Store, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "one", ("contracts.csv", "installments.csv"))
    rows = read_rows(folder / "contracts.csv")
    write_rows(folder / "contracts.csv", [rows[0], ["NEW-1", "新合同", *[""] * 9, "100.00", "", "", "", ""]])
    result = import_ledger(loaded, folder, replace=True)
    assert result.added == ["NEW-1"]
    assert result.updated == sorted(NUMBERS)  # named by installments.csv, already in the store
    assert len(snapshot(loaded)) == 4


# --- unreadable ledgers ------------------------------------------------------------------


def test_missing_path(store: Store, tmp_path: Path) -> None:
    with pytest.raises(LedgerFileError, match="no such file or folder"):
        import_ledger(store, tmp_path / "nowhere")


def test_folder_without_ledger_files(store: Store, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "contracts.pdf").write_bytes(b"PK")
    (tmp_path / "empty" / "notes.txt").write_text("x")
    with pytest.raises(LedgerFileError, match="no ledger file found"):
        import_ledger(store, tmp_path / "empty")


def test_single_file_with_a_foreign_name(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "合同.csv"
    path.write_bytes((SAMPLE_LEDGER / "contracts.csv").read_bytes())
    with pytest.raises(LedgerFileError, match="no ledger file found"):
        import_ledger(store, path)


def test_broken_zip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "ledger.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(LedgerFileError, match=r"ledger\.zip: not a readable \.zip file"):
        import_ledger(store, path)
    assert snapshot(store) == {}


# --- cancel and progress -----------------------------------------------------------------


def test_cancel_after_the_first_contract_leaves_the_store_unchanged(store: Store) -> None:
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1

    done: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        import_ledger(store, SAMPLE_LEDGER, progress=lambda i, n: done.append((i, n)), cancelled=cancelled)
    assert done == [(1, 3)]  # the first contract was written in the transaction, then rolled back
    assert snapshot(store) == {}


def test_cancel_of_a_replace_keeps_the_old_contracts(loaded: Store, bad_base: Path,
                                                    sample_contracts: dict[str, ContractData]) -> None:
    with pytest.raises(ImportCancelled):
        import_ledger(loaded, bad_base, replace=True, cancelled=iter([False, True]).__next__)
    assert snapshot(loaded) == sample_contracts


def test_progress_counts_up_to_n(store: Store) -> None:
    calls: list[tuple[int, int]] = []
    import_ledger(store, SAMPLE_LEDGER, progress=lambda i, n: calls.append((i, n)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_oversized_cell_is_a_problem_not_a_crash(rejected: Rejected, bad_base: Path) -> None:
    set_cell(bad_base / "articles.csv", 3, "body", "长" * 200_000)
    problems = rejected(bad_base)
    assert len(problems) == 1
    assert problems[0].startswith("articles.csv:3: not readable as CSV (field larger than field limit")


def test_undecodable_error_alone_names_file_row_and_column() -> None:
    from services.ledger.files import LedgerFile, LedgerFileError, decode

    data = "contract_no,seq,heading\r\nX,1,一".encode("gb18030") + b"\x80\xff\r\n"
    with pytest.raises(LedgerFileError) as caught:
        decode(LedgerFile("articles", "ledger.zip/articles.csv", data))
    assert caught.value.where() == (2, "heading")
    assert caught.value.message("en").startswith("ledger.zip/articles.csv:2:heading cannot read the text: byte 0x")
    assert caught.value.message("zh_CN").startswith("ledger.zip/articles.csv:2:heading 无法读取文本")
