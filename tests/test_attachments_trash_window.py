"""The Trash window's files (issue 16; pytest-qt, no modals): a file removed in the editor is listed
with its contract, restored to it, or deleted permanently after a question answered Yes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from services.attachments import files
from services.attachments import trash as file_trash
from services.register import contracts
from services.store import Store
from tests.amendment_cases import original
from tests.conftest import FakeDialogs
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("synchronous_tasks")

PDF = b"%PDF-1.4 scan"


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(main)
    main._hand_over_store = True  # the store fixture closes the store
    main.show()
    return main


def _removed(store: Store) -> tuple[int, int]:
    with store.session() as session:
        contract_id = contracts.save(session, original())
    with store.session() as session:
        added = files.add_bytes(session, contract_id, PDF, "盖章版.pdf", kind="signed_copy").row
        file_trash.to_trash(session, added.id)
    return contract_id, added.id


def _select_all(panel: object) -> None:
    view = panel.view  # type: ignore[attr-defined]
    for row in range(view.model().rowCount()):
        view.selectionModel().select(view.model().index(row, 0),
                                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_a_removed_file_is_listed_and_restored_from_the_trash_window(window: MainWindow, store: Store) -> None:
    contract_id, _attachment_id = _removed(store)
    dialog = window.show_trash()
    panel = dialog.files_panel
    shown = [panel.model.index(0, column).data() for column in range(4)]
    assert shown == ["盖章版.pdf", "Signed copy", "13 B", "ZFY-2026-001"]
    assert panel.summary.text() == "1 file(s) in the Trash"
    _select_all(panel)
    panel.restore_selected()
    assert panel.model.rowCount() == 0 and panel.summary.text() == "No file in the Trash."
    with store.session() as session:
        assert [a.file_name for a in files.attachments(session, contract_id)] == ["盖章版.pdf"]


def test_a_file_is_deleted_permanently_only_after_yes(window: MainWindow, store: Store) -> None:
    _removed(store)
    dialog = window.show_trash()
    panel = dialog.files_panel
    _select_all(panel)
    window.dialogs.answer = False  # type: ignore[attr-defined]
    panel.purge_selected()
    assert "盖章版.pdf" in window.dialogs.questions[-1]  # type: ignore[attr-defined]
    assert panel.model.rowCount() == 1
    window.dialogs.answer = True  # type: ignore[attr-defined]
    panel.purge_selected()
    assert panel.model.rowCount() == 0
    with store.session() as session:
        assert files.blob_count(session) == 0 and file_trash.trashed_files(session) == []
