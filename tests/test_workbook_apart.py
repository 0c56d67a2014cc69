"""The workbook form carries every table (spec csv-format.md "Workbook form", issue 12): payments
(付款记录), amendments (补充协议) and attachments (附件) are sheets of the .xlsx export, and the
attachments' files travel in ``<name>.attachments.zip`` beside it (spec "attachments.csv": a
workbook ledger ships them in a .zip beside it). Export → import → export gives the same workbook
content, the same files and the same register."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from services.amendments import register as amendments
from services.attachments import files
from services.ledger.importer import LedgerError, import_ledger
from services.ledger.schema import ALL_TABLES
from services.ledger.workbook import CHINESE_SHEET_NAMES, attachments_zip
from services.ledger.workbook_write import export_to
from services.ledger.write import export_ledger
from services.payments.record import record_payment
from services.register import contracts
from services.register.contract_data import PaymentData
from services.store import Store, open_store
from tests.amendment_cases import AMENDMENT_NO, D, amendment, original
from tests.conftest import SAMPLE_LEDGER

SCAN = b"%PDF-1.4 signed, both seals\n" + bytes(range(256)) * 8
INVOICE = b"<ofd>e-invoice</ofd>"


def _filled(store: Store, tmp_path: Path) -> None:
    """The sample ledger, plus a contract with an amendment, two kept files and two payments."""
    import_ledger(store, SAMPLE_LEDGER)
    (tmp_path / "scan.pdf").write_bytes(SCAN)
    (tmp_path / "发票.ofd").write_bytes(INVOICE)
    with store.session() as session:
        contract_id = contracts.save(session, original())
    with store.session() as session:
        amendments.record(session, contract_id, amendment(), version=1)
        files.add_file(session, contract_id, tmp_path / "scan.pdf", kind="signed_copy", note="=盖章版",
                       today=D(2026, 1, 5))
        files.add_file(session, contract_id, tmp_path / "发票.ofd", kind="invoice", today=D(2026, 2, 1))
    with store.session(write=True) as session:
        record_payment(session, contract_id, PaymentData(0, dt.date(2026, 1, 20), Decimal("60000.00"), 1,
                                                         invoice_no="0012", voucher_no="记-0120", note="首付款"))
        record_payment(session, contract_id, PaymentData(0, dt.date(2026, 2, 3), Decimal("0.10"), None,
                                                         payer_role="乙方", payee_role="甲方", note="退回"))


def _content(path: Path) -> dict[str, list[list[tuple[object, str, str]]]]:
    """Every sheet's cells as (value, data type, number format)."""
    book = load_workbook(path)
    return {sheet.title: [[(cell.value, cell.data_type, cell.number_format) for cell in row]
                          for row in sheet.iter_rows()] for sheet in book.worksheets}


def _register(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        return {str(path.relative_to(folder)): path.read_bytes() for path in export_ledger(session, folder)}


@pytest.mark.parametrize("chinese", [False, True], ids=["english", "chinese"])
def test_workbook_round_trip_carries_payments_amendments_and_attachments(
        store: Store, tmp_path: Path, chinese: bool) -> None:
    _filled(store, tmp_path)
    with store.session() as session:
        written = export_to(session, tmp_path / "one" / "台账.xlsx", chinese=chinese)
    book, side = tmp_path / "one" / "台账.xlsx", tmp_path / "one" / "台账.attachments.zip"
    assert written == [book, side] and attachments_zip(book) == side
    assert side.stat().st_mode & 0o777 == 0o600
    first = _content(book)
    names = [CHINESE_SHEET_NAMES[t.name] if chinese else t.name for t in ALL_TABLES]
    assert list(first) == names  # every table, amendments and attachments last
    amendment_sheet = first[names[-2]]
    assert amendment_sheet[1][:2] == [("ZFY-2026-001", "s", "@"), (AMENDMENT_NO, "s", "@")]
    assert amendment_sheet[1][2][0] == dt.datetime(2026, 5, 20) and amendment_sheet[1][2][1] == "d"
    sha = hashlib.sha256(SCAN).hexdigest()
    attachment_sheet = first[names[-1]]
    assert [cell[0] for cell in attachment_sheet[1]] == [
        "ZFY-2026-001", sha, "scan.pdf", "signed_copy", dt.datetime(2026, 1, 5), "=盖章版"]
    assert attachment_sheet[1][5][1] == "s"  # "=盖章版" stays text, never a formula
    payments = first[names[-3]]
    assert [cell[0] for cell in payments[-1]][:7] == ["ZFY-2026-001", 2, None, "乙方", "甲方",
                                                      dt.datetime(2026, 2, 3), 0.1]
    with zipfile.ZipFile(side) as archive:
        assert archive.read(f"attachments/{sha}") == SCAN
        assert sorted(archive.namelist()) == sorted(f"attachments/{hashlib.sha256(b).hexdigest()}"
                                                    for b in (SCAN, INVOICE))

    empty = open_store(tmp_path / "empty.db")
    try:
        result = import_ledger(empty, book)
        assert "ZFY-2026-001" in result.added
        with empty.session() as session:
            again = export_to(session, tmp_path / "two" / "台账.xlsx", chinese=chinese)
            contract_id = contracts.find_id(session, "ZFY-2026-001")
            assert contract_id is not None
            assert [a.amendment_no for a in amendments.amendments(session, contract_id)] == [AMENDMENT_NO]
            assert files.content(session, sha) == SCAN
        assert _content(again[0]) == first
        assert again[1].read_bytes() == side.read_bytes()
        assert _register(empty, tmp_path / "csv-two") == _register(store, tmp_path / "csv-one")
    finally:
        empty.close()


def test_an_attachments_folder_beside_the_workbook_is_read_too(store: Store, tmp_path: Path) -> None:
    _filled(store, tmp_path)
    with store.session() as session:
        book, side = export_to(session, tmp_path / "ledger.xlsx")
    with zipfile.ZipFile(side) as archive:
        archive.extractall(tmp_path)  # the officer unpacked it: attachments/<sha256> beside the workbook
    side.unlink()
    empty = open_store(tmp_path / "empty.db")
    try:
        import_ledger(empty, book)
        assert _register(empty, tmp_path / "b") == _register(store, tmp_path / "a")
    finally:
        empty.close()


def test_a_folder_holding_the_workbook_and_its_zip_imports_them(store: Store, tmp_path: Path) -> None:
    _filled(store, tmp_path)
    with store.session() as session:
        export_to(session, tmp_path / "ledger" / "台账.xlsx")
    empty = open_store(tmp_path / "empty.db")
    try:
        result = import_ledger(empty, tmp_path / "ledger")  # the folder: the workbook and 台账.attachments.zip
        assert not [w for w in result.warnings if "LEDGER_IGNORED_FILE" in w], result.warnings
        assert _register(empty, tmp_path / "b") == _register(store, tmp_path / "a")
    finally:
        empty.close()


@pytest.mark.parametrize("damage", ["no_zip", "entry_missing", "changed"])
def test_a_workbook_without_its_files_is_rejected_naming_them(store: Store, tmp_path: Path, damage: str) -> None:
    _filled(store, tmp_path)
    with store.session() as session:
        book, side = export_to(session, tmp_path / "ledger.xlsx")
    sha = hashlib.sha256(SCAN).hexdigest()
    blobs = {name: data for name, data in _entries(side).items()}
    side.unlink()
    if damage != "no_zip":
        with zipfile.ZipFile(side, "w") as archive:
            for name, data in blobs.items():
                if name == f"attachments/{sha}" and damage == "entry_missing":
                    continue
                archive.writestr(name, data + (b"x" if damage == "changed" else b""))
    empty = open_store(tmp_path / "empty.db")
    try:
        with pytest.raises(LedgerError) as caught:
            import_ledger(empty, book)
        codes = {"no_zip": "LEDGER_ATTACHMENT_MISSING", "entry_missing": "LEDGER_ATTACHMENT_MISSING",
                 "changed": "LEDGER_ATTACHMENT_CHANGED"}
        found = [p for p in caught.value.problems if p.startswith(f"ledger.attachments.zip/attachments/{sha}: ")]
        assert found and all(getattr(p, "code", None) == codes[damage] for p in found), caught.value.problems
        with empty.session() as session:
            assert files.blob_count(session) == 0
            assert contracts.find_id(session, "ZFY-2026-001") is None
    finally:
        empty.close()


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_register_without_files_writes_no_zip(store: Store, tmp_path: Path) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        written = export_to(session, tmp_path / "ledger.xlsx")
    assert written == [tmp_path / "ledger.xlsx"] and not attachments_zip(written[0]).exists()
    assert "amendments" not in load_workbook(written[0]).sheetnames  # no rows: no sheet, as the CSV ledger


@pytest.mark.usefixtures("synchronous_tasks")
def test_the_chinese_window_says_where_the_attached_files_went(qtbot, store: Store, tmp_path: Path) -> None:
    from tests.conftest import FakeDialogs
    from ui import i18n
    from ui.main_window import MainWindow

    _filled(store, tmp_path)
    window = MainWindow(store, dialogs=FakeDialogs(folder=tmp_path / "台账.xlsx"))
    qtbot.addWidget(window)
    window._hand_over_store = True  # the store fixture closes the store
    i18n.install("zh_CN")
    try:
        window.export_ledger()
    finally:
        i18n.install("en")
    book = tmp_path / "台账.xlsx"
    said = f"台账已写入 {book}；合同附件文件在其旁边的 台账.attachments.zip 中（请将二者放在一起）"
    assert window.dialogs.infos == [said]
    assert (tmp_path / "台账.attachments.zip").is_file()
