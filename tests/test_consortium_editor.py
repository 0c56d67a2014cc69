"""The Parties tab's "Consortium lead" check box (issue 14): checking it is one undoable edit that
Save records (and the history names it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from services.store import Store
from tests.conftest import SAMPLE_LEDGER, FakeDialogs
from ui.context import AppContext
from ui.editor.contract_editor import ContractEditor
from ui.register.history_labels import field_label

NUMBER = "2026-021"
pytestmark = pytest.mark.usefixtures("synchronous_tasks")


@pytest.fixture
def editor(qtbot, store: Store) -> ContractEditor:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        contract_id = contract_service.find_id(session, NUMBER)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ContractEditor(AppContext(store, FakeDialogs(), parent), contract_id)
    qtbot.addWidget(dialog)
    return dialog


def test_lead_check_box_is_undoable_and_saved(editor: ContractEditor, store: Store) -> None:
    model = editor.parties.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = titles.index("Consortium lead")
    index = model.index(1, column)
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    editor.undo_stack.undo()
    assert model.records[1].consortium_lead is False
    editor.undo_stack.redo()
    assert editor.save()
    with store.session() as session:
        assert [p.consortium_lead for p in contract_service.load_by_no(session, NUMBER).parties] == [False, True]
    assert field_label("parties[乙方].consortium_lead").endswith("Consortium lead")
