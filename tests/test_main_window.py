"""The main window and the contract editor, driven as the officer would (pytest-qt, no modals)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from tests.conftest import FakeDialogs
from ui.main_window import MainWindow

SAMPLE_LEDGER = Path(__file__).resolve().parent.parent / "resources" / "sample_ledger"


pytestmark = pytest.mark.usefixtures("synchronous_tasks")


@pytest.fixture
def window(qtbot, store):
    dialogs = FakeDialogs()
    main = MainWindow(store, dialogs=dialogs)
    qtbot.addWidget(main)
    main._hand_over_store = True  # the store fixture closes the store
    return main


def test_empty_store_offers_new_import_and_samples(window):
    assert window.pages.currentWidget() is window.welcome
    buttons = [button.text() for button in window.welcome.findChildren(QPushButton)]
    assert buttons == ["New contract…", "Import ledger…", "Open sample contracts"]
    editor = window.new_contract()
    assert editor.windowTitle() == "New contract"
    editor.close()


def test_import_lists_the_three_sample_contracts(window, store, tmp_path):
    window.dialogs.ledger = SAMPLE_LEDGER / "contracts.csv"  # contracts.csv means its whole folder
    window.import_ledger()
    assert window.pages.currentWidget() is window.list_view
    numbers = {window.model.index(row, 0).data() for row in range(window.model.rowCount())}
    assert numbers == {"BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY"}
    totals = {window.model.index(row, 3).data() for row in range(window.model.rowCount())}
    assert totals == {"2,738,718.50", "415,580.00", "2,557,267.60"}
    assert window.dialogs.infos == ["3 contract(s) added, 0 updated, 0 with problems."]


def test_reimport_asks_before_updating_and_never_duplicates(window, store):
    import_ledger(store, SAMPLE_LEDGER)
    window.model.refresh()
    window.dialogs.ledger = SAMPLE_LEDGER
    window.dialogs.answer = False
    window.import_ledger()
    assert "already in the register" in window.dialogs.questions[0]
    assert window.dialogs.infos == []
    window.dialogs.answer = True
    window.import_ledger()
    assert window.dialogs.infos == ["0 contract(s) added, 3 updated, 0 with problems."]
    with store.session() as session:
        assert contract_service.count(session) == 3


def test_bad_ledger_is_reported_and_nothing_imported(window, store, tmp_path):
    (tmp_path / "contracts.csv").write_text("contract_no,title,total_amount\nX-1,Bad,12abc\n", encoding="utf-8")
    window.dialogs.ledger = tmp_path / "contracts.csv"
    window.import_ledger()
    assert "[VALUE_NOT_NUMBER] contracts.csv:2:total_amount not a money amount" in window.dialogs.errors[0]
    with store.session() as session:
        assert contract_service.count(session) == 0


def test_export_writes_the_ledger(window, store, tmp_path):
    import_ledger(store, SAMPLE_LEDGER)
    window.dialogs.folder = tmp_path / "out"
    window.export_ledger()
    # every table of the sample, and done_marks.csv and payments.csv (the sample records neither)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [p.name for p in SAMPLE_LEDGER.glob("*.csv")] + ["done_marks.csv", "payments.csv"])
    assert (tmp_path / "out" / "line_items.csv").read_bytes() == (SAMPLE_LEDGER / "line_items.csv").read_bytes()


def test_export_as_workbook_in_the_chinese_window(window, store, tmp_path):
    from openpyxl import load_workbook

    from ui import i18n

    import_ledger(store, SAMPLE_LEDGER)
    window.dialogs.folder = tmp_path / "台账.xlsx"  # the save dialog's "Excel workbook (*.xlsx)"
    i18n.install("zh_CN")
    try:
        window.export_ledger()
    finally:
        i18n.install("en")
    book = load_workbook(tmp_path / "台账.xlsx")
    assert book.sheetnames[:3] == ["合同", "当事方", "服务明细"]
    assert book["合同"]["A1"].value == "合同编号"
    assert window.dialogs.infos == [f"台账已写入 {tmp_path / '台账.xlsx'}"]


def test_editor_shows_the_contract_line_items_as_stated(window, store):
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        contract_id = contract_service.find_id(session, "BJMEMC-2025174-ZC")
    editor = window.edit_contract(contract_id)
    amounts = [item.amount for item in editor.line_items.items()]
    assert amounts[:3] == [Decimal("60704.00"), Decimal("593152.00"), Decimal("18144.00")]
    assert sum(amounts) == Decimal("2738718.50")
    assert editor.problems_list() == []
    editor.close()


def test_new_contract_is_refused_until_valid_then_saved(window, store, qtbot):
    editor = window.new_contract()
    assert not editor.save()
    assert any("Contract No." in p for p in editor.problems_list())
    editor.header.edit("contract_no").setText("NEW-1")
    editor.header.edit("title").setText("测试合同")
    editor.header.edit("total_amount").setText("abc")
    assert "total_amount" in editor.header.errors()
    editor.header.edit("total_amount").setText("¥1,000.00")
    editor.parties.model.setData(editor.parties.model.index(0, 1), "采购中心")
    editor.parties.model.setData(editor.parties.model.index(1, 1), "供应商公司")
    editor.line_items.paste_text("名称\t单位\t单价\t数量\n服务\t套\t500\t2\n")
    assert editor.problems_list() == []
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    with store.session() as session:
        data = contract_service.load_by_no(session, "NEW-1")
    assert data.total_amount == Decimal("1000.00")
    assert [p.name for p in data.parties] == ["采购中心", "供应商公司"]
    assert data.line_items[0].effective_amount == Decimal("1000.00")
    assert window.model.rowCount() == 1


def test_duplicate_number_is_refused_with_a_message(window, store):
    import_ledger(store, SAMPLE_LEDGER)
    editor = window.new_contract()
    editor.header.edit("contract_no").setText("2026-021")
    editor.header.edit("title").setText("Dup")
    editor.header.edit("total_amount").setText("1")
    editor.parties.model.setData(editor.parties.model.index(0, 1), "A")
    editor.parties.model.setData(editor.parties.model.index(1, 1), "B")
    assert not editor.save()
    assert "already in the store" in window.dialogs.errors[-1]
    with store.session() as session:
        assert contract_service.count(session) == 3


def test_party_role_typed_as_letter_and_bad_role_refused(window):
    editor = window.new_contract()
    model = editor.parties.model
    assert model.setData(model.index(1, 0), "Party C")
    assert model.records[1].role == "丙方"
    assert not model.setData(model.index(1, 0), "Party Z")
    assert "Party Z" in editor.parties.error.text()
    editor.undo_stack.undo()
    assert model.records[1].role == "乙方"


def test_delete_contract_after_confirmation(window, store):
    import_ledger(store, SAMPLE_LEDGER)
    window.model.refresh()
    window.list_view.select_contract(window.model.contract_id(0))
    window.dialogs.answer = False
    window.delete_contract()
    assert window.model.rowCount() == 3
    window.dialogs.answer = True
    window.delete_contract()
    assert window.model.rowCount() == 2


def test_shortcuts(window):
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    editor = window.new_contract()
    assert editor.save_action.shortcut().toString() == "Ctrl+S"
    assert editor.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in editor.redo_action.shortcuts()]
    editor.close()


def test_switch_language_rebuilds_window_in_chinese(window, qtbot, monkeypatch):
    from ui import i18n

    saved = {}
    monkeypatch.setattr(i18n, "settings", lambda: type("S", (), {"setValue": lambda self, k, v: saved.update({k: v}),
                                                               "value": lambda self, *a: ""})())
    new = window.switch_language("zh_CN")
    qtbot.addWidget(new)
    new._hand_over_store = True
    try:
        assert saved == {"language": "zh_CN"}
        assert new.menuBar().actions()[0].text() == "文件(&F)"
    finally:
        i18n.install("en")
    assert new.store is window.store
