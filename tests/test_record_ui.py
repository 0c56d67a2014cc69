"""The Trash and the history on screen (ui/register): View → Trash… restores and deletes
permanently through the one writer; File → History… and the editor's History tab show who changed
what and when, in words, filtered, exported to CSV — driven as the officer would (pytest-qt)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from services.backup import list_backups
from services.calendar import agenda
from services.history import current_user
from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from tests.conftest import SAMPLE_LEDGER, FakeDialogs
from ui.editor.line_items_model import COL_QUANTITY
from ui.main_window import MainWindow
from ui.register.history_view import COL_ACTION, COL_CHANGES, COL_CONTRACT, COL_WHEN, COL_WHO, local_time

pytestmark = pytest.mark.usefixtures("synchronous_tasks")

NUMBER = "2026-021"
BJMEMC = "BJMEMC-2025174-ZC"


@pytest.fixture
def window(qtbot, store):
    import_ledger(store, SAMPLE_LEDGER)
    main = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(main)
    main._hand_over_store = True  # the store fixture closes the store
    main.show()
    return main


def _id(window: MainWindow, number: str) -> int:
    with window.store.session() as session:
        found = contract_service.find_id(session, number) or contract_service.trashed_id(session, number)
    assert found is not None
    return found


def _numbers(window: MainWindow) -> set[str]:
    return {window.model.index(row, 0).data() for row in range(window.model.rowCount())}


def _delete(window: MainWindow, number: str) -> None:
    window.list_view.select_contract(_id(window, number))
    window.delete_contract()  # FakeDialogs answers Yes
    assert number not in _numbers(window)


def _edit_quantity(window: MainWindow, number: str = BJMEMC, row: int = 2, quantity: str = "24") -> None:
    """Line 3 of BJMEMC-2025174-ZC: quantity 12 → 24, saved from the editor."""
    editor = window.edit_contract(_id(window, number))
    model = editor.line_items.model
    assert model.setData(model.index(row, COL_QUANTITY), quantity)
    assert editor.save()


# ----- the Trash


def test_trash_lists_the_deleted_contract_and_restore_brings_it_back(window):
    _delete(window, NUMBER)
    dialog = window.show_trash()
    assert not dialog.isModal()
    rows = dialog.model.rows()
    assert [row.contract_no for row in rows] == [NUMBER]
    shown = [dialog.model.index(0, column).data() for column in range(4)]
    assert shown[0] == NUMBER
    assert shown[1] == rows[0].title
    assert shown[2] == rows[0].deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert shown[3] == current_user()
    assert not dialog.restore_button.isEnabled()  # nothing selected yet
    assert dialog.select_contract(NUMBER)
    assert dialog.restore_button.isEnabled()
    dialog.restore_selected()
    assert NUMBER in _numbers(window)  # the list followed the change signal
    assert dialog.model.rowCount() == 0  # and so did the Trash
    assert dialog.summary.text() == "The Trash is empty."
    assert window.show_trash() is dialog  # one Trash per window, brought forward


def test_delete_permanently_asks_with_no_as_default_and_removes_it(window):
    _delete(window, NUMBER)
    dialog = window.show_trash()
    dialog.select_contract(NUMBER)
    window.dialogs.answer = False  # No: nothing happens
    dialog.purge_selected()
    assert window.dialogs.default_no[-1] is True
    assert NUMBER in window.dialogs.questions[-1]
    assert [row.contract_no for row in dialog.model.rows()] == [NUMBER]
    window.dialogs.answer = True
    dialog.purge_selected()
    assert dialog.model.rowCount() == 0
    assert NUMBER not in _numbers(window)
    with window.store.session() as session:
        assert contract_service.trashed_id(session, NUMBER) is None
        assert contract_service.find_id(session, NUMBER) is None
    backups = list_backups(window.store)  # taken just before: the only way back from a permanent delete
    assert [b.kind for b in backups] == ["before-delete"] and backups[0].contract_count == 2  # as the list showed


def test_trash_refreshes_when_a_contract_is_deleted_elsewhere(window):
    dialog = window.show_trash()
    assert dialog.model.rowCount() == 0
    _delete(window, NUMBER)
    assert [row.contract_no for row in dialog.model.rows()] == [NUMBER]


def test_restore_of_a_contract_no_longer_in_the_trash_is_told_not_crashed(window):
    _delete(window, NUMBER)
    dialog = window.show_trash()
    dialog.select_contract(NUMBER)
    contract_id = _id(window, NUMBER)
    from services.register import trash

    with window.store.session() as session:  # another window restored it meanwhile (no signal here)
        trash.restore(session, contract_id)
    dialog.restore_selected()
    assert "CONTRACT_NOT_IN_TRASH" in window.dialogs.errors[-1]
    assert dialog.model.rowCount() == 0  # read again


# ----- File → History…


def test_history_dialog_shows_an_edited_quantity_with_who_when_old_and_new(window):
    _edit_quantity(window)
    dialog = window.show_history()
    assert not dialog.isModal()
    newest = dialog.shown_rows()[0]
    assert newest.contract_no == BJMEMC
    texts = [dialog.proxy.index(0, column).data() for column in range(5)]
    assert texts[COL_WHEN] == local_time(newest.at) == newest.at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert texts[COL_WHO] == current_user()
    assert texts[COL_ACTION] == "Saved"
    assert texts[COL_CONTRACT] == BJMEMC
    assert "Line items, row 3: Quantity 12 → 24" in texts[COL_CHANGES]
    ids = [row.id for row in dialog.shown_rows()]
    assert ids == sorted(ids, reverse=True)  # newest first
    dialog.select_row(newest.id)
    assert "Line items, row 3: Quantity 12 → 24" in dialog.details.toPlainText().splitlines()


def test_history_dialog_follows_new_writes(window):
    dialog = window.show_history()
    count = dialog.proxy.rowCount()
    _edit_quantity(window)
    assert dialog.proxy.rowCount() == count + 1
    assert dialog.shown_rows()[0].contract_no == BJMEMC


def test_history_filters_by_contract_text_action_and_since(window):
    _edit_quantity(window)
    _delete(window, NUMBER)
    dialog = window.show_history()
    everything = dialog.proxy.rowCount()
    assert everything == 5  # three imports, one save, one delete
    dialog.contract_edit.setText("bjmemc")  # part of the number, any case
    dialog.apply_filters()
    assert {row.contract_no for row in dialog.shown_rows()} == {BJMEMC}
    assert dialog.proxy.rowCount() == 2
    dialog.contract_edit.clear()
    dialog.action_box.setCurrentIndex(dialog.action_box.findText("Moved to the Trash"))
    assert [(row.contract_no, str(row.action)) for row in dialog.shown_rows()] == [(NUMBER, "delete")]
    dialog.action_box.setCurrentIndex(0)
    dialog.since_edit.setDate(dt.date.today() + dt.timedelta(days=1))
    dialog.since_check.setChecked(True)
    assert dialog.proxy.rowCount() == 0
    assert dialog.summary.text() == "No entries match."
    dialog.since_edit.setDate(dt.date.today())
    assert dialog.proxy.rowCount() == everything
    dialog.since_check.setChecked(False)
    assert dialog.proxy.rowCount() == everything


def test_history_export_writes_the_rows_shown_as_csv(window, tmp_path: Path):
    _edit_quantity(window)
    dialog = window.show_history()
    dialog.contract_edit.setText(BJMEMC)
    dialog.apply_filters()
    window.dialogs.csv = tmp_path
    dialog.export_csv()
    written = tmp_path / "history.csv"
    assert window.dialogs.csv_names == ["history.csv"]
    with written.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert {line["contract_no"] for line in lines} == {BJMEMC}
    assert [line["action"] for line in lines if line["field"] == "line_items[3].quantity"] == ["save"]
    change = next(line for line in lines if line["field"] == "line_items[3].quantity")
    assert (change["user"], change["before"], change["after"]) == (current_user(), "12", "24")
    assert f"2 history entries written to {written}" in window.dialogs.infos[-1]


def test_history_export_cancelled_writes_nothing(window, tmp_path: Path):
    dialog = window.show_history()
    window.dialogs.csv = None
    dialog.export_csv()
    assert window.dialogs.infos == []
    assert not list(tmp_path.glob("*.csv"))


def test_history_has_nothing_that_edits_or_deletes(window):
    from PySide6.QtWidgets import QAbstractItemView, QPushButton

    dialog = window.show_history()
    assert {button.text() for button in dialog.findChildren(QPushButton)} <= {"Export CSV…", "&Close", "Close"}
    assert dialog.view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


# ----- the editor's History tab


def test_editor_history_tab_shows_each_changed_field_on_its_own_line(window):
    editor = window.edit_contract(_id(window, BJMEMC))
    model = editor.line_items.model
    model.setData(model.index(2, COL_QUANTITY), "24")
    editor.header.edit("title").setText("云服务（修订）")
    assert editor.save()
    editor = window.edit_contract(_id(window, BJMEMC))
    editor.tabs.setCurrentWidget(editor.history)
    assert editor.tabs.tabText(editor.tabs.currentIndex()) == "History"
    texts = editor.history.shown_texts()
    assert len(texts) == 2  # the save, then the import
    lines = texts[0].splitlines()
    assert "Line items, row 3: Quantity 12 → 24" in lines
    assert any(line.startswith("Title ") and line.endswith("→ 云服务（修订）") for line in lines)
    assert editor.history.shown_texts(COL_ACTION) == ["Saved", "Imported"]
    imported = texts[1].splitlines()  # a new contract: what it was entered with, rows in contract order
    assert f"Contract No.: {BJMEMC}" in imported
    assert not any("(empty) →" in line for line in imported)
    articles = [line for line in imported if line.startswith("Articles, row ")]
    assert articles.index(next(a for a in articles if a.startswith("Articles, row 2:"))) < articles.index(
        next(a for a in articles if a.startswith("Articles, row 10:")))
    assert editor.history.view.isColumnHidden(COL_CONTRACT)


def test_editor_history_tab_follows_a_mark_done(window):
    contract_id = _id(window, NUMBER)
    editor = window.edit_contract(contract_id)
    editor.tabs.setCurrentWidget(editor.history)
    assert editor.history.shown_texts(COL_ACTION) == ["Imported"]

    def work(session, _control):
        agenda.mark_done(session, contract_id, "installment:1", dt.date(2026, 3, 2))
        from services import history as history_log

        return None, history_log.changes(session)

    window.context.write("mark", work)
    assert editor.history.shown_texts(COL_ACTION) == ["Marked done", "Imported"]
    assert editor.history.shown_texts()[0] == "Payment 1, done on (empty) → 2026-03-02"


def test_new_contract_history_tab_is_empty_until_saved(window):
    editor = window.new_contract()
    editor.tabs.setCurrentWidget(editor.history)
    assert editor.history.model.rowCount() == 0
    assert "first saved" in editor.history.note.text()
    editor.close()


# ----- labels, not codes


def test_labels_not_codes_on_screen(window):
    _edit_quantity(window)
    _delete(window, NUMBER)
    dialog = window.show_history()
    shown = [dialog.proxy.index(row, column).data() for row in range(dialog.proxy.rowCount())
             for column in range(5)]
    text = "\n".join(shown + [dialog.action_box.itemText(i) for i in range(dialog.action_box.count())])
    for code in ("line_items", "quantity", "mark_done", "record_event", "penalty_saved", "[3]", "∅"):
        assert code not in text, code
    assert {dialog.proxy.index(row, COL_ACTION).data() for row in range(dialog.proxy.rowCount())} == {
        "Imported", "Saved", "Moved to the Trash"}


def test_history_in_chinese(window, qtbot, monkeypatch):
    from ui import i18n

    monkeypatch.setattr(i18n, "settings", lambda: type("S", (), {"setValue": lambda self, k, v: None,
                                                               "value": lambda self, *a: ""})())
    _edit_quantity(window)
    try:
        chinese = window.switch_language("zh_CN")
        qtbot.addWidget(chinese)
        chinese._hand_over_store = True
        dialog = chinese.show_history()
        texts = [dialog.proxy.index(0, column).data() for column in range(5)]
        assert texts[COL_ACTION] == "保存"
        assert "服务明细 第3行：数量 12 → 24" in texts[COL_CHANGES]
        assert dialog.action_box.itemText(dialog.action_box.findData("delete")) == "移至回收站"
        assert dialog.action_box.itemText(dialog.action_box.findData("mark_done")) == "标记完成"
    finally:
        i18n.install("en")
