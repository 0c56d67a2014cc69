"""File → Back up now… and File → Restore from backup… (ui/register/backups_view.py), driven as the
officer would with scripted dialogs: the backup opens and holds the contracts; backup → change →
restore from the dialog gives the window back the register as at backup time (its export is
byte-identical); No and Cancel change nothing; a bad file is told with its coded message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from services.backup import BackupInfo, backup_now, backups_folder, list_backups
from services.ledger.importer import import_ledger
from services.ledger.write import export_ledger
from services.register import contracts as contract_service
from services.register.trash import purge
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER, FakeDialogs
from ui import main_window as main_window_module
from ui.main_window import MainWindow
from ui.register.backups_view import BackupsTableModel, RestoreDialog, default_backup_name, human_size

pytestmark = pytest.mark.usefixtures("synchronous_tasks")

NUMBER = "2026-021"


@pytest.fixture
def loaded(store: Store) -> Store:
    import_ledger(store, SAMPLE_LEDGER)
    return store


@pytest.fixture
def window(qtbot, loaded):
    main = MainWindow(loaded, dialogs=FakeDialogs())
    qtbot.addWidget(main)
    main._hand_over_store = True  # the store fixture closes the store
    main.show()
    yield main
    for left in list(main_window_module._open_windows):  # windows a restore opened
        left.close()


def export_bytes(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        return {path.name: path.read_bytes() for path in export_ledger(session, folder)}


def numbers(store: Store) -> set[str]:
    with store.session() as session:
        ids = contract_service.search_ids(session)
        rows = contract_service.list_rows(session, ids)
    return {rows[i].contract_no for i in ids}


def shown_numbers(window: MainWindow) -> set[str]:
    return {window.model.index(row, 0).data() for row in range(window.model.rowCount())}


def delete(store: Store, number: str = NUMBER) -> None:
    with store.session() as session:
        contract_service.delete_contract(session, contract_service.find_id(session, number))


def test_file_menu_offers_backup_and_restore_after_export(window):
    [file_menu] = [menu for menu in window.menuBar().findChildren(QMenu) if menu.title() == "&File"]
    texts = [action.text() for action in file_menu.actions()]
    export = texts.index("&Export ledger…")
    assert texts[export + 1:export + 3] == ["Bac&k up now…", "&Restore from backup…"]


def test_back_up_now_writes_a_file_that_opens_and_holds_the_contracts(window, loaded, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    window.dialogs.backup_target = usb
    window.back_up_now()
    name = window.dialogs.backup_names[0]
    assert name.startswith("contracts-") and name.endswith(".db") and len(name) == len("contracts-20261202-1705.db")
    made = usb / name
    copy = open_store(made, read_only=True)
    try:
        assert numbers(copy) == numbers(loaded) == {NUMBER, "BJMEMC-2025174-ZC", "WHZF-2026-ZWY"}
    finally:
        copy.close()
    [told] = window.dialogs.infos
    assert str(made) in told and "3 contract(s)" in told and ("KB" in told or "MB" in told)
    assert window.dialogs.errors == []


def test_back_up_now_cancelled_writes_nothing(window, tmp_path):
    window.back_up_now()  # backup_target None: the chooser was cancelled
    assert window.dialogs.infos == [] and not backups_folder(window.store.path).exists()


def test_back_up_now_never_overwrites_and_says_so_with_the_code(window, tmp_path):
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"mine")
    window.dialogs.backup_target = taken
    window.back_up_now()
    assert taken.read_bytes() == b"mine"
    assert "[BACKUP_EXISTS]" in window.dialogs.errors[0] and "Traceback" not in window.dialogs.errors[0]


def test_restore_dialog_lists_backups_newest_first_with_labels(window, loaded, qtbot):
    first = backup_now(loaded)
    delete(loaded)
    with loaded.session() as session:  # out of the Trash too: contract_count counts the Trash's
        purge(session, contract_service.trashed_id(session, NUMBER))
    second = backup_now(loaded)
    dialog = window.restore_from_backup()
    assert isinstance(dialog, RestoreDialog)
    model = dialog.model
    assert [info.path for info in model.rows()] == [second, first]
    assert [model.index(0, column).data() for column in (1, 3)] == ["Manual", "2"]
    assert model.index(1, 3).data() == "3"
    assert model.index(0, 2).data().endswith(("KB", "MB"))
    assert dialog.selected() is not None and dialog.selected().path == second
    dialog.close()


def test_backup_change_restore_gives_the_register_as_at_backup_time(window, loaded, tmp_path, qtbot):
    before = export_bytes(loaded, tmp_path / "before")
    made = backup_now(loaded)
    delete(loaded)
    window.model.refresh()
    assert NUMBER not in shown_numbers(window)
    dialog = window.restore_from_backup()
    assert dialog.select_backup(made)
    dialog.restore_selected()
    question = window.dialogs.questions[-1]
    assert "3 contract(s)" in question and made.name[len("store-"):][:4] in question
    assert window.dialogs.default_no[-1] is True
    restored = main_window_module._open_windows[-1]
    qtbot.addWidget(restored)
    assert restored is not window and not window.isVisible()
    assert restored.store.path == loaded.path
    assert NUMBER in shown_numbers(restored)
    assert export_bytes(restored.store, tmp_path / "after") == before
    safety = [info for info in list_backups(loaded.path) if info.kind == "before-restore"]
    assert len(safety) == 1
    told = restored.dialogs.infos[-1]
    assert str(safety[0].path) in told and "3 contract(s)" in told
    assert restored.dialogs.errors == []
    restored._hand_over_store = False  # its own store is closed with it


def test_restore_from_another_file(window, loaded, tmp_path, qtbot):
    usb = tmp_path / "usb"
    usb.mkdir()
    kept = backup_now(loaded, usb / "contracts-20261201-0900.db")
    delete(loaded)
    dialog = window.restore_from_backup()
    window.dialogs.backup_file = kept
    dialog.restore_other()
    assert window.dialogs.backup_folders == [backups_folder(loaded.path)]
    restored = main_window_module._open_windows[-1]
    qtbot.addWidget(restored)
    assert NUMBER in shown_numbers(restored)
    restored._hand_over_store = False


def test_no_to_the_question_changes_nothing(window, loaded, tmp_path):
    made = backup_now(loaded)
    delete(loaded)
    before = export_bytes(loaded, tmp_path / "before")
    dialog = window.restore_from_backup()
    dialog.select_backup(made)
    window.dialogs.answer = False
    dialog.restore_selected()
    assert window.dialogs.questions  # it was asked
    assert window.store is loaded and window.isVisible() and dialog.isVisible()
    assert export_bytes(loaded, tmp_path / "after") == before
    assert [info.kind for info in list_backups(loaded.path)] == ["manual"]  # no safety backup either
    assert window.dialogs.infos == []
    dialog.close()


def test_cancel_on_an_edited_contract_stops_the_restore(window, loaded, tmp_path):
    made = backup_now(loaded)
    delete(loaded)
    before = export_bytes(loaded, tmp_path / "before")
    with loaded.session() as session:
        contract_id = contract_service.find_id(session, "WHZF-2026-ZWY")
    editor = window.edit_contract(contract_id)
    editor.header.edit("title").setText("改过的名称")
    window.dialogs.unsaved = "cancel"
    dialog = window.restore_from_backup()
    dialog.select_backup(made)
    dialog.restore_selected()
    assert window.dialogs.unsaved_questions
    assert editor.isVisible() and window.isVisible()
    assert export_bytes(loaded, tmp_path / "after") == before
    assert [info.kind for info in list_backups(loaded.path)] == ["manual"]
    editor.undo_stack.setClean()
    editor._clean_header = editor.header.snapshot()
    editor.close()
    dialog.close()


@pytest.mark.parametrize(("content", "code"), [
    (b"not a database, a note " * 200, "[STORE_NOT_SQLITE]"),
    (None, "[BACKUP_MISSING]"),
])
def test_a_bad_file_is_told_with_its_code(window, loaded, tmp_path, content, code):
    bad = tmp_path / "usb" / "contracts-bad.db"
    bad.parent.mkdir()
    if content is not None:
        bad.write_bytes(content)
    before = export_bytes(loaded, tmp_path / "before")
    dialog = window.restore_from_backup()
    window.dialogs.backup_file = bad
    dialog.restore_other()
    [error] = window.dialogs.errors
    assert code in error and "Traceback" not in error
    assert window.dialogs.questions == []  # refused before asking
    assert window.isVisible() and window.store is loaded
    assert export_bytes(loaded, tmp_path / "after") == before
    dialog.close()


def test_an_empty_database_is_refused(window, loaded, tmp_path):
    import sqlite3

    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    dialog = window.restore_from_backup()
    window.dialogs.backup_file = empty
    dialog.restore_other()
    assert "[BACKUP_EMPTY]" in window.dialogs.errors[0]
    dialog.close()


def test_kinds_are_words_never_codes(qapp):
    model = BackupsTableModel()
    when = dt.datetime(2026, 12, 2, 9, 30)
    kinds = ["manual", "daily", "before-restore", "before-import", "before-delete", "before-other"]
    model.set_rows([BackupInfo(Path(f"/x/{kind}.db"), when - dt.timedelta(hours=n), 2048, 3, kind)
                    for n, kind in enumerate(kinds)])
    labels = [model.index(row, 1).data() for row in range(len(kinds))]
    assert labels == ["Manual", "Automatic, daily", "Automatic, before a restore", "Automatic, before an import",
                      "Automatic, before a permanent delete", "Automatic, before a change"]
    assert model.index(0, 0).data() == "2026-12-02 09:30"
    assert model.index(0, 2).data() == "2.0 KB"


def test_sizes_and_default_name():
    assert [human_size(n) for n in (512, 2048, 150 * 1024, 3 * 1024 * 1024 // 2, 20 * 1024 ** 3)] == [
        "512 B", "2.0 KB", "150 KB", "1.5 MB", "20 GB"]
    assert default_backup_name(dt.datetime(2026, 12, 2, 17, 5, 9)) == "contracts-20261202-1705.db"


def test_in_chinese_the_coded_message_is_chinese(window, tmp_path, qapp):
    from ui import i18n

    i18n.install("zh_CN")
    try:
        dialog = window.restore_from_backup()
        assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "备份时间"
        window.dialogs.backup_file = tmp_path / "gone.db"
        dialog.restore_other()
        assert window.dialogs.errors[0].startswith("备份文件") and "[BACKUP_MISSING]" in window.dialogs.errors[0]
        dialog.close()
    finally:
        i18n.install("en")
