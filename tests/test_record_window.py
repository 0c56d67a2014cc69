"""The window as a system of record: delete to the Trash with Cancel as the default and Ctrl+Z,
and a save refused because the contract changed (or was deleted) since it was opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from services.ledger.importer import import_ledger
from services.ledger.write import export_ledger
from services.register import contracts as contract_service
from tests.conftest import SAMPLE_LEDGER, FakeDialogs
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("synchronous_tasks")
NUMBER = "2026-021"


@pytest.fixture
def window(qtbot, store):
    import_ledger(store, SAMPLE_LEDGER)
    main = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(main)
    main._hand_over_store = True
    return main


def contract_id(store, number: str = NUMBER) -> int:
    with store.session() as session:
        found = contract_service.find_id(session, number)
    assert found is not None
    return found


def exported(store, folder) -> dict[str, bytes]:
    with store.session() as session:
        export_ledger(session, folder)
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_delete_asks_with_no_as_default_then_ctrl_z_restores_everything(window, store, qtbot, tmp_path):
    before = exported(store, tmp_path / "before")
    window.show()
    window.list_view.select_contract(contract_id(store))
    window.dialogs.answer = False
    window.delete_contract()
    assert window.model.rowCount() == 3
    assert window.dialogs.default_no == [True]
    assert window.dialogs.questions[-1].startswith(f"Move contract {NUMBER} to the Trash?")
    window.dialogs.answer = True
    window.delete_contract()
    assert window.model.rowCount() == 2
    assert exported(store, tmp_path / "deleted") != before
    undo = window.undo_delete_action  # Ctrl+Z while the list has the focus (offscreen has no focus to give)
    assert undo.shortcut().toString() == "Ctrl+Z" and undo in window.list_view.table.actions()
    assert undo.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    undo.trigger()
    assert window.model.rowCount() == 3
    assert window.list_view.current_contract_id() == contract_id(store)
    assert exported(store, tmp_path / "restored") == before  # every child row back, byte for byte


def change_elsewhere(store, title: str = "另一处改的名称") -> None:
    """Another editor, the command line or another process saves the contract."""
    with store.session() as session:
        data = contract_service.load_by_no(session, NUMBER)
        data.title = title
        contract_service.save(session, data, contract_id=contract_service.find_id(session, NUMBER))


def test_a_save_over_a_newer_version_is_refused_and_says_who_changed_what(window, store):
    editor = window.edit_contract(contract_id(store))
    editor.header.edit("title").setText("我改的名称")
    change_elsewhere(store)
    window.dialogs.choice = ["diff", None]  # look at the differences, then keep editing
    assert not editor.save()
    question, keys = window.dialogs.choices[0]
    assert keys == ["diff", "copy", "reload"]
    assert question.startswith(f"Contract {NUMBER} was changed by ")
    assert "\nTitle " in question and "另一处改的名称" in question and "(Saved)" in question  # in labels
    assert any("我改的名称" in info and "另一处改的名称" in info for info in window.dialogs.info_details)
    with store.session() as session:
        assert contract_service.load_by_no(session, NUMBER).title == "另一处改的名称"  # never overwritten
    assert editor.isVisible() and editor.header.edit("title").text() == "我改的名称"  # nothing lost


def test_save_as_a_copy_keeps_both(window, store):
    editor = window.edit_contract(contract_id(store))
    editor.header.edit("title").setText("我改的名称")
    change_elsewhere(store)
    window.dialogs.choice = ["copy"]
    assert not editor.save()  # refused first …
    with store.session() as session:  # … then saved under a new number
        assert contract_service.load_by_no(session, NUMBER).title == "另一处改的名称"
        assert contract_service.load_by_no(session, f"{NUMBER}-副本").title == "我改的名称"
    assert f"{NUMBER}-副本" in window.dialogs.infos[-1]
    assert not editor.isVisible()


def test_reload_drops_the_edits_and_opens_the_register_version(window, store):
    editor = window.edit_contract(contract_id(store))
    editor.header.edit("title").setText("我改的名称")
    change_elsewhere(store)
    window.dialogs.choice = ["reload"]
    editor.save()
    assert not editor.isVisible()
    again = window._editors[contract_id(store)]
    assert again is not editor and again.header.edit("title").text() == "另一处改的名称"
    assert not again.is_modified()


def test_a_contract_deleted_while_open_can_be_saved_as_new(window, store):
    editor = window.edit_contract(contract_id(store))
    editor.header.edit("title").setText("我改的名称")
    with store.session() as session:
        contract_service.delete_contract(session, contract_service.find_id(session, NUMBER))
    window.dialogs.choice = ["new"]
    editor.save()
    assert "was moved to the Trash after you opened it" in window.dialogs.choices[0][0]
    with store.session() as session:
        assert contract_service.load_by_no(session, f"{NUMBER}-副本").title == "我改的名称"


def test_the_editor_says_when_its_contract_changed_elsewhere(window, store):
    editor = window.edit_contract(contract_id(store))
    editor.header.edit("title").setText("我改的名称")
    assert not editor.stale_banner.isVisibleTo(editor)
    window.calendar_feature.show_agenda()
    panel = window.calendar_feature.agenda
    other = contract_id(store, "BJMEMC-2025174-ZC")
    item = next(d for d in panel.source.items if d.contract_id == other and d.state == "overdue")
    panel.write_done(other, item.key, item.due)  # another contract: this editor is not concerned
    assert not editor.stale_banner.isVisibleTo(editor)
    mine = next(d for d in panel.source.items if d.contract_id == editor.contract_id and d.kind == "installment")
    panel.write_done(editor.contract_id, mine.key, mine.due)  # pays an installment of this contract
    assert editor.stale_banner.isVisibleTo(editor)
    assert "changed elsewhere" in editor.stale_label.text()
    assert editor.header.edit("title").text() == "我改的名称"  # nothing typed is touched


def test_another_process_writing_is_noticed_and_announced(window, store, tmp_path):
    """A command-line import (another process) while the window is open: the list follows."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    announced = []
    window.context.changes.changed.connect(announced.append)
    window._check_other_writers()
    assert announced == []  # nothing happened yet
    folder = tmp_path / "one"
    folder.mkdir()
    lines = (SAMPLE_LEDGER / "contracts.csv").read_text("utf-8-sig").splitlines()
    (folder / "contracts.csv").write_text("\n".join([lines[0], lines[1].replace("BJMEMC-2025174-ZC", "CLI-1", 1)]),
                                          "utf-8")
    result = subprocess.run([sys.executable, "main.py", "import", str(folder), "--db", str(store.path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    window._check_other_writers()
    assert announced and not announced[-1].contract_ids  # the whole store may differ
    assert window.model.rowCount() == 4


def test_a_read_only_store_shows_why_and_disables_changes(qtbot, store, monkeypatch):
    from services import store_files
    from services.store import open_store

    store.close()
    monkeypatch.setattr(store_files, "_access", lambda path, mode: False)  # as a read-only file (tests run as root)
    read_only = open_store(store.path)
    try:
        main = MainWindow(read_only, dialogs=FakeDialogs())
        qtbot.addWidget(main)
        main._hand_over_store = True
        assert main.read_only_banner.isVisibleTo(main)
        assert main.read_only_banner.text().startswith("Read-only: ")
        assert "[STORE_READ_ONLY_" in main.read_only_banner.text()
        assert not main.new_action.isEnabled() and not main.import_action.isEnabled()
        assert main.export_action.isEnabled() and main.print_action.isEnabled()
    finally:
        read_only.close()
