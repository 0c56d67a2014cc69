"""The editor shows and saves the English names of ledger v2 (title_en, parties' and line items'
name_en); saving a contract leaves its recorded events and done marks alone."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from services.calendar import agenda
from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from services.store import Store
from tests.conftest import SAMPLE_LEDGER, FakeDialogs
from ui.context import AppContext
from ui.editor.contract_editor import ContractEditor
from ui.editor.line_items_model import COL_NAME_EN

NUMBER = "2026-021"
pytestmark = pytest.mark.usefixtures("synchronous_tasks")


@pytest.fixture
def editor(qtbot, store: Store) -> ContractEditor:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        contract_id = contract_service.find_id(session, NUMBER)
        agenda.mark_done(session, contract_id, "milestone:3:2027-04-20", dt.date(2027, 4, 19))
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ContractEditor(AppContext(store, FakeDialogs(), parent), contract_id)
    qtbot.addWidget(dialog)
    return dialog


def column_of(model, title: str) -> int:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def test_english_names_are_shown_edited_and_saved(editor: ContractEditor, store: Store) -> None:
    assert editor.header.edit("title_en").text().startswith("Beijing Red Cross Emergency Service Center")
    parties = editor.parties.model
    name_en = column_of(parties, "English name")
    assert parties.index(1, name_en).data() == "Capinfo Cloud Technology Co., Ltd."
    lines = editor.line_items.model
    assert lines.headerData(COL_NAME_EN, Qt.Orientation.Horizontal) == "English name"
    assert lines.index(0, COL_NAME_EN).data() == "Cloud anti-DDoS service"

    editor.header.edit("title_en").setText("Security services contract")
    assert parties.setData(parties.index(1, name_en), "Capinfo Cloud")
    assert lines.setData(lines.index(0, COL_NAME_EN), "Anti-DDoS")
    assert editor.save()

    with store.session() as session:
        saved = contract_service.load_by_no(session, NUMBER)
    assert saved.title_en == "Security services contract"
    assert saved.parties[1].name_en == "Capinfo Cloud"
    assert saved.line_items[0].name_en == "Anti-DDoS"
    assert [e.event for e in saved.events][:2] == ["event:force_majeure", "event:invoice_2"]
    assert saved.events[1].label == "收到第二期发票"
    assert [(m.source, m.seq) for m in saved.done_marks] == [("milestone", 3)]
