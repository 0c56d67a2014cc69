"""The liquidated-damages dialog and the editor's Penalty clauses tab, driven as the officer would
(pytest-qt, no modal): reached from Tools (Ctrl+L) and from the editor, the result updating as
you type, save to record, print, copy; clauses edited, checked and saved with the contract."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMenu

from services.ledger.importer import import_ledger
from services.penalty.records import list_calculations
from services.register import contracts as contract_service
from tests.conftest import CAP_LEDGER, FakeDialogs
from ui import i18n
from ui.main_window import MainWindow
from ui.penalty.penalty_dialog import PenaltyDialog

pytestmark = pytest.mark.usefixtures("synchronous_tasks")


@pytest.fixture
def opened() -> list[Path]:
    return []


@pytest.fixture
def window(qtbot, store, opened):
    import_ledger(store, CAP_LEDGER)
    main = MainWindow(store, dialogs=FakeDialogs(), open_file=opened.append)
    qtbot.addWidget(main)
    main._hand_over_store = True  # the store fixture closes the store
    main.context.font_path = lambda: None  # not this machine's settings
    return main


def contract_id(store, number: str) -> int:
    with store.session() as session:
        found = contract_service.find_id(session, number)
    assert found is not None
    return found


def open_on(window: MainWindow, qtbot, number: str) -> PenaltyDialog:
    window.list_view.select_contract(contract_id(window.store, number))
    dialog = window.open_penalty_calculator()
    assert isinstance(dialog, PenaltyDialog)
    qtbot.addWidget(dialog)
    return dialog


def test_tools_menu_opens_a_non_modal_calculator_on_the_selected_contract(window, qtbot):
    assert window.penalty_action.shortcut().toString() == "Ctrl+L"
    tools = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Tools")
    assert window.penalty_action in tools.actions()
    assert window.open_penalty_calculator() is None  # nothing selected yet
    assert window.statusBar().currentMessage() == "Select a contract first."
    dialog = open_on(window, qtbot, "BJMEMC-2025174-ZC")
    assert not dialog.isModal() and dialog.isVisible()
    items = [dialog.clause_box.itemData(i) for i in range(dialog.clause_box.count())]
    assert items == ["8.1.1", "8.1.2", "8.1.2(解除)", "8.1.3", "8.2", "statutory", "ad-hoc"]


def test_result_updates_as_you_type(window, qtbot):
    dialog = open_on(window, qtbot, "BJMEMC-2025174-ZC")
    dialog.select_clause("8.1.2")
    assert "每逾期一日" in dialog.clause_text.text()
    dialog.due_edit.clear()
    assert dialog.result is None and "give both" in dialog.error_label.text()
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    qtbot.keyClicks(dialog.due_edit, "2026-05-15")
    dialog.actual_edit.setText("2026-05-27")
    assert dialog.result_label.text() == "Amount: ¥328,646.22"  # 1 % × 2,738,718.50 × 12 days
    dialog.actual_edit.setText("2026-05-31")
    assert dialog.result_label.text() == "Amount: ¥438,194.96"
    assert "Termination leg (8.1.2(解除))" in dialog.working.toPlainText()
    dialog.by_days.setChecked(True)
    assert "enter the number of days" in dialog.error_label.text()
    qtbot.keyClicks(dialog.days_edit, "-2")
    assert dialog.result is None and "must not be negative" in dialog.error_label.text()
    dialog.days_edit.setText("2.5")
    assert dialog.result is not None and dialog.result.days == 3
    dialog.days_edit.setText("abc")
    assert dialog.error_label.text() == "Days: not a number of days: 'abc' [VALUE_NOT_NUMBER]"


def test_overdue_amount_is_asked_when_the_base_needs_it(window, qtbot):
    dialog = open_on(window, qtbot, "WHZF-2026-ZWY")
    dialog.select_clause("第十一条2")
    dialog.by_days.setChecked(True)
    dialog.days_edit.setText("30")
    assert dialog.overdue_edit.isEnabled()
    assert "the clause's base is the overdue amount" in dialog.error_label.text()
    dialog.overdue_edit.setText("1,150,770.42")
    assert dialog.result.amount == Decimal("3452.31")
    dialog.select_clause("第十一条3")
    assert not dialog.overdue_edit.isEnabled()


def test_save_to_record_then_the_party_cap_counts_it(window, qtbot):
    dialog = open_on(window, qtbot, "2026-021")
    dialog.select_clause("statutory")
    dialog.by_days.setChecked(True)
    dialog.days_edit.setText("300")
    dialog.overdue_edit.setText("207790")
    assert dialog.result.amount == Decimal("31168.50")
    with qtbot.waitSignal(dialog.saved):
        calculation_id = dialog.save_to_record()
    assert calculation_id is not None
    assert dialog.saved_table.rowCount() == 1
    assert dialog.saved_table.item(0, 2).text() == "31,168.50"
    assert dialog.status.text() == "Saved to the contract's record."
    with window.store.session() as session:
        (saved,) = list_calculations(session, contract_id(window.store, "2026-021"))
    assert saved.amount == Decimal("31168.50") and saved.clause_ref == "statutory-sme"
    assert saved.working == dialog.result.working()
    # the next calculation finds what was charged to 甲方 and stays within its 10 % cap
    again = open_on(window, qtbot, "2026-021")
    again.select_clause("statutory")
    assert again.previous_party_edit.text() == "31168.50"
    again.by_days.setChecked(True)
    again.days_edit.setText("300")
    again.overdue_edit.setText("207790")
    assert again.result.amount == Decimal("10389.50") and again.result.capped


def test_print_writes_the_pdf_and_opens_it(window, qtbot, opened, tmp_path):
    dialog = open_on(window, qtbot, "BJMEMC-2025174-ZC")
    dialog.select_clause("8.1.2")
    dialog.by_days.setChecked(True)
    dialog.days_edit.setText("12")
    window.dialogs.pdf = tmp_path
    dialog.print_pdf()
    assert window.dialogs.pdf_names == ["BJMEMC-2025174-ZC-违约金-8.1.2.pdf"]
    assert opened == [tmp_path / "BJMEMC-2025174-ZC-违约金-8.1.2.pdf"]
    assert opened[0].stat().st_size > 1000
    window.dialogs.pdf = None  # cancelled: nothing written
    dialog.print_pdf()
    assert len(opened) == 1


def test_copy_working(window, qtbot):
    dialog = open_on(window, qtbot, "2026-021")
    dialog.select_clause("第十一条1(2)")
    dialog.by_days.setChecked(True)
    dialog.days_edit.setText("3")
    dialog.copy_working()
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.result.working() and copied.endswith("Liquidated damages: ¥124.67")


def test_ad_hoc_rule(window, qtbot):
    dialog = open_on(window, qtbot, "BJMEMC-2025174-ZC")
    dialog.select_clause("ad-hoc")
    assert dialog.ad_hoc.isVisibleTo(dialog)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("monthly_fee_coefficient"))
    dialog.rate_edit.setText("50")
    assert dialog.result.amount == Decimal("195622.75")  # 2,738,718.50 ÷ 7 months × 50 %
    dialog.rate_edit.setText("5x")
    assert dialog.error_label.text().startswith("Rate (%): not a percent")


def test_working_follows_the_interface_language(window, qtbot):
    i18n.install("zh_CN")
    try:
        dialog = open_on(window, qtbot, "BJMEMC-2025174-ZC")
        dialog.select_clause("8.1.1")
        assert dialog.result.working().splitlines()[-1] == "违约金：¥547,743.70"
        assert dialog.save_button.text() == "保存到合同记录"
    finally:
        i18n.install("en")


# ----- the editor ------------------------------------------------------------------------------


def test_editor_penalty_clauses_tab_edits_checks_and_saves_the_clauses(window, qtbot, store):
    editor = window.edit_contract(contract_id(store, "2026-021"))
    qtbot.addWidget(editor)
    assert editor.tabs.tabText(editor.tabs.indexOf(editor.penalties)) == "Penalty clauses"
    model = editor.penalties.model
    assert model.rowCount() == 11 and model.records[-1].kind == "liability_cap"
    rate = next(i for i, c in enumerate(model.columns) if c.field == "rate")
    ref = next(i for i, c in enumerate(model.columns) if c.field == "clause_ref")
    assert model.setData(model.index(0, rate), "4")
    model.insert_row(model.rowCount())
    assert "Penalty clauses: every clause needs a reference (条款号)" in editor.problems_list()
    assert model.setData(model.index(model.rowCount() - 1, ref), "第十一条1(1)")
    assert "Penalty clauses: clause 第十一条1(1) appears 2 times" in editor.problems_list()
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert editor.problems_list() == []
    assert editor.collect().penalty_clauses[0].rate == Decimal("4")
    # the calculator opened from the editor uses the clauses as edited
    dialog = editor.open_penalty_calculator()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QDialog) and not dialog.isModal()
    dialog.select_clause("第十一条1(1)")
    dialog.by_days.setChecked(True)
    dialog.days_edit.setText("1")
    assert dialog.result.amount == Decimal("16623.20")  # 4 % × 415,580.00
    dialog.close()
    assert editor.save()
    with store.session() as session:
        data = contract_service.load_by_no(session, "2026-021")
    assert data.penalty_clauses[0].rate == Decimal("4") and len(data.penalty_clauses) == 11


def test_editor_of_a_new_contract_cannot_save_calculations(window, qtbot):
    editor = window.new_contract()
    qtbot.addWidget(editor)
    dialog = editor.open_penalty_calculator()
    qtbot.addWidget(dialog)
    dialog.select_clause("statutory")
    dialog.by_days.setChecked(True)
    dialog.days_edit.setText("1")
    dialog.overdue_edit.setText("100")
    assert dialog.result.amount == Decimal("0.05")
    assert not dialog.save_button.isEnabled() and dialog.save_to_record() is None
    editor.close()
