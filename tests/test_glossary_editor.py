"""Accepting the glossary's English names in the editor (issue 14): "Fill English names from
glossary" fills only empty English names, through the editor's edit path — one Undo step, recorded
by Save, dropped by closing without saving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from services.register import contracts as contract_service
from services.register.contract_data import ContractData, LineItemData, PartyData
from services.store import Store
from tests.conftest import FakeDialogs
from ui.context import AppContext
from ui.editor.contract_editor import ContractEditor
from ui.editor.glossary_fill import suggestion
from ui.editor.line_items_columns import COL_NAME_EN

pytestmark = pytest.mark.usefixtures("synchronous_tasks")
NUMBER = "GL-2026-1"
LINES = [("云服务器（8核16G）", None), ("对象存储", "OSS (as the contract says)"), ("中标麒麟操作系统", None),
         ("公网IP带宽（100M）", None)]


@pytest.fixture
def editor(qtbot, store: Store) -> ContractEditor:
    from decimal import Decimal

    data = ContractData(contract_no=NUMBER, title="词汇表测试", total_amount=Decimal("4.00"),
                        parties=[PartyData(role="甲方", name="某中心"), PartyData(role="乙方", name="某公司")],
                        line_items=[LineItemData(seq=k, name=name, name_en=en, amount=Decimal("1.00"))
                                    for k, (name, en) in enumerate(LINES, start=1)])
    with store.session() as session:
        contract_id = contract_service.save(session, data)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ContractEditor(AppContext(store, FakeDialogs(), parent), contract_id)
    qtbot.addWidget(dialog)
    return dialog


def english(editor: ContractEditor) -> list[str]:
    model = editor.line_items.model
    return [model.index(row, COL_NAME_EN).data(Qt.ItemDataRole.EditRole) for row in range(model.rowCount())]


def test_suggestions_show_only_where_the_english_name_is_empty(editor: ContractEditor) -> None:
    model = editor.line_items.model
    assert [suggestion(model, row) for row in range(4)] == [
        "Cloud server (8 vCPU, 16 GB)", None, None, "Public IP bandwidth (100 Mbps)"]
    assert english(editor) == ["", "OSS (as the contract says)", "", ""]  # a suggestion is not a value
    editor.line_items.view.grab()  # the grey suggestion is painted without error


def test_fill_is_one_undo_step_and_save_records_it(editor: ContractEditor, store: Store) -> None:
    editor.line_items.fill_names_action.trigger()
    assert english(editor) == ["Cloud server (8 vCPU, 16 GB)", "OSS (as the contract says)", "",
                               "Public IP bandwidth (100 Mbps)"]
    editor.undo_stack.undo()
    assert english(editor) == ["", "OSS (as the contract says)", "", ""]
    editor.undo_stack.redo()
    assert editor.line_items.fill_english_names() == 0  # nothing empty with a suggestion is left
    assert editor.save()
    with store.session() as session:
        saved = contract_service.load_by_no(session, NUMBER).line_items
    assert [line.name_en for line in saved] == ["Cloud server (8 vCPU, 16 GB)", "OSS (as the contract says)", None,
                                                "Public IP bandwidth (100 Mbps)"]


def test_fill_counts_as_a_change_and_discard_leaves_the_register_alone(editor: ContractEditor, store: Store) -> None:
    editor.show()
    assert not editor.is_modified()
    assert editor.line_items.fill_english_names() == 2
    assert editor.is_modified()
    editor.context.dialogs.unsaved = "discard"  # type: ignore[attr-defined]  # FakeDialogs' scripted answer
    assert editor.close()
    assert editor.context.dialogs.unsaved_questions  # type: ignore[attr-defined]  # it asked first
    with store.session() as session:
        assert [line.name_en for line in contract_service.load_by_no(session, NUMBER).line_items] == [
            None, "OSS (as the contract says)", None, None]
