"""The editor's Amendments and Attachments tabs (issue 16; pytest-qt, no modals): New amendment → edit →
Save records the changes instead of overwriting, the Compare view lists them, the terms on an earlier
date; files added (twice: stored once), a temporary copy, Save as…, removal."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from services import history
from services.amendments import register as amendments
from services.history import HistoryAction
from services.register import contracts
from services.register.contract_data import LineItemData
from services.store import Store
from tests.amendment_cases import AMENDMENT_NO, original
from tests.conftest import FakeDialogs
from ui.context import AppContext
from ui.editor.contract_editor import ContractEditor

pytestmark = pytest.mark.usefixtures("synchronous_tasks")


@pytest.fixture
def editor(qtbot, store: Store) -> ContractEditor:
    with store.session() as session:
        contract_id = contracts.save(session, original())
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ContractEditor(AppContext(store, FakeDialogs(), parent), contract_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _amend(editor: ContractEditor) -> None:
    panel = editor.amendments_panel
    assert panel is not None
    panel.start_draft()
    panel.number_edit.setText(AMENDMENT_NO)
    panel.sign_edit.setDate(QDate(2026, 5, 20))
    panel.effective_edit.setDate(QDate(2026, 6, 1))
    editor.header.edit("end_date").setText("2026-09-30")
    editor.header.edit("total_amount").setText("135000.00")
    editor.header.edit("total_in_words").setText("壹拾叁万伍仟元整")
    editor.line_items.model.insert_lines(1, [LineItemData(seq=2, name="对象存储", unit="套·月",
                                                          unit_price=Decimal("5000"), quantity=Decimal("1"),
                                                          periods=3)])


def test_new_amendment_records_the_changes_not_an_overwrite(qtbot, editor: ContractEditor, store: Store) -> None:
    contract_id = editor.contract_id
    assert contract_id is not None
    _amend(editor)
    assert editor.save()
    with store.session() as session:
        recorded = amendments.amendments(session, contract_id)
        current = contracts.load(session, contract_id)
        entries = history.history(session, contract_id=contract_id)
    assert [a.amendment_no for a in recorded] == [AMENDMENT_NO]
    assert recorded[0].effective == dt.date(2026, 6, 1)
    assert [(c.target, c.field, c.action) for c in recorded[0].changes] == [
        ("contract", "end_date", "set"), ("contract", "total_amount", "set"), ("contract", "total_in_words", "set"),
        ("line_item", None, "add")]
    assert current.total_amount == Decimal("135000.00")
    assert entries[-1].action == HistoryAction.AMENDMENT  # not a plain save
    assert [e.action for e in entries].count(HistoryAction.SAVE) == 0

    reopened = ContractEditor(editor.context, contract_id)
    qtbot.addWidget(reopened)
    panel = reopened.amendments_panel
    assert panel is not None
    assert panel.list_model.rowCount() == 0  # read when the tab is first shown
    reopened.show()
    reopened.tabs.setCurrentWidget(panel)
    assert panel.list_model.rowCount() == 1
    compare = [panel.compare_model.rows[row] for row in range(panel.compare_model.rowCount())]
    assert compare[0] == ("1", "contract · end date", "30 June 2026", "30 September 2026")
    assert compare[1][2:] == ("¥120,000.00", "¥135,000.00")
    assert compare[3][1] == "line item 2" and "对象存储" in compare[3][3]
    panel.as_of_edit.setDate(QDate(2026, 5, 31))
    assert "as signed" in panel.as_of_label.text()
    assert panel.as_of_model.rowCount() == 4  # the four changes differ from today's terms
    panel.as_of_edit.setDate(QDate(2026, 6, 1))
    assert panel.as_of_model.rowCount() == 0


def test_a_draft_without_a_number_or_without_changes_is_refused(editor: ContractEditor, store: Store) -> None:
    panel = editor.amendments_panel
    assert panel is not None
    panel.start_draft()
    editor.header.edit("end_date").setText("2026-09-30")
    assert not editor.save()
    assert "number" in editor.context.dialogs.errors[-1]
    editor.header.edit("end_date").setText("2026-06-30")
    panel.number_edit.setText("补1")
    assert not editor.save()
    assert "Nothing was changed" in editor.context.dialogs.errors[-1]
    with store.session() as session:
        assert amendments.amendments(session, editor.contract_id) == []  # type: ignore[arg-type]


def test_attachments_add_twice_open_save_as_and_remove(editor: ContractEditor, store: Store, tmp_path: Path) -> None:
    panel = editor.attachments_panel
    assert panel is not None
    editor.tabs.setCurrentWidget(panel)  # the tab reads its files when first shown
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    panel.add_files([scan], kind="signed_copy")
    assert [row[:2] for row in panel.model.rows] == [("scan.pdf", "Signed copy")]
    panel.add_files([scan])
    assert "already keeps the same file" in panel.message.text()
    assert panel.model.rowCount() == 1
    copy = panel.temporary_copy(0)
    assert copy is not None and copy.read_bytes() == b"%PDF-1.4 scan" and copy != scan
    assert copy.stat().st_mode & 0o777 == 0o600
    panel.save_as(0, tmp_path / "saved.pdf")
    assert hashlib.sha256((tmp_path / "saved.pdf").read_bytes()).digest() == hashlib.sha256(scan.read_bytes()).digest()
    panel.remove(0)
    assert panel.model.rowCount() == 0


def test_a_file_over_200_mb_is_refused_with_a_message(editor: ContractEditor, tmp_path: Path) -> None:
    panel = editor.attachments_panel
    assert panel is not None
    editor.tabs.setCurrentWidget(panel)  # the tab reads its files when first shown
    big = tmp_path / "big.pdf"
    with open(big, "wb") as handle:
        handle.truncate(200 * 1024 * 1024 + 1)
    panel.add_files([big])
    assert "ATTACHMENT_TOO_LARGE" in editor.context.dialogs.errors[-1]
    assert panel.model.rowCount() == 0


def test_the_list_marks_a_signed_copy_and_filters_the_contracts_without_one(qtbot, store: Store,
                                                                            tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from services.attachments import files
    from ui.contracts.list_model import COL_NUMBER, COL_TITLE, ContractListModel

    other = original()
    other.contract_no = "ZFY-2026-002"
    with store.session() as session:
        signed_id = contracts.save(session, original())
        contracts.save(session, other)
        files.add_bytes(session, signed_id, b"%PDF scan", "scan.pdf", kind="signed_copy")
    model = ContractListModel(store)
    numbers = {model.data(model.index(r, COL_NUMBER)): r for r in range(model.rowCount())}
    signed_row, other_row = numbers["ZFY-2026-001"], numbers["ZFY-2026-002"]
    assert model.data(model.index(signed_row, COL_TITLE), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(other_row, COL_TITLE), Qt.ItemDataRole.DecorationRole) is None
    assert "Signed copy kept" in model.data(model.index(signed_row, COL_TITLE), Qt.ItemDataRole.ToolTipRole)
    model.set_unsigned_only(True)
    assert [model.data(model.index(r, COL_NUMBER)) for r in range(model.rowCount())] == ["ZFY-2026-002"]
    model.set_unsigned_only(False)
    assert model.rowCount() == 2


def test_the_history_shows_the_amendment_number_and_the_file(editor: ContractEditor, store: Store) -> None:
    from services.attachments import files
    from ui.register.history_labels import change_texts

    contract_id = editor.contract_id
    assert contract_id is not None
    _amend(editor)
    assert editor.save()
    with store.session() as session:
        files.add_bytes(session, contract_id, b"%PDF scan", "scan.pdf", kind="signed_copy")
        entries = history.history(session, contract_id=contract_id)
    assert change_texts(entries[-2])[:2] == [f"Amendment {AMENDMENT_NO}, effective 2026-06-01",
                                             "End of term 2026-06-30 → 2026-09-30"]
    assert change_texts(entries[-1]) == ["File “scan.pdf” added"]


def test_a_pending_amendment_is_listed_as_pending_and_the_editor_says_which_terms_it_shows(
        qtbot, editor: ContractEditor, store: Store) -> None:
    contract_id = editor.contract_id
    assert contract_id is not None
    item = amendments.AmendmentData(amendment_no="补2", sign_date=dt.date.today(),
                                    effective_date=dt.date(2099, 1, 1),
                                    changes=[amendments.ChangeData(seq=1, target="contract", field="end_date",
                                                                   old_value="2026-06-30", new_value="2026-09-30")])
    with store.session() as session:
        amendments.record(session, contract_id, item, version=1)
    reopened = ContractEditor(editor.context, contract_id)
    qtbot.addWidget(reopened)
    reopened.show()
    note = reopened.tabs.cornerWidget()
    assert note is not None and "补2" in note.text() and "2099-01-01" in note.text()  # type: ignore[attr-defined]
    panel = reopened.amendments_panel
    assert panel is not None
    reopened.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.list_model.rowCount() == 1)
    state = panel.list_model.index(0, 4).data()
    assert "2099-01-01" in state and state != panel.list_model.state_text(item, dt.date(2099, 1, 1))
    assert panel.pending_label.isVisibleTo(panel) and "补2" in panel.pending_label.text()
    # The "terms in force on" view compares with today's terms: today nothing differs from them.
    assert panel.as_of_model.rowCount() == 0


def test_removing_a_file_asks_with_its_name_can_be_undone_and_goes_to_the_trash(
        editor: ContractEditor, store: Store, tmp_path: Path) -> None:
    from services.attachments import files

    panel = editor.attachments_panel
    assert panel is not None
    editor.tabs.setCurrentWidget(panel)
    scan = tmp_path / "盖章版.pdf"
    scan.write_bytes(b"%PDF-1.4 both seals")
    panel.add_files([scan], kind="signed_copy")
    dialogs = editor.context.dialogs
    dialogs.answer = False  # type: ignore[attr-defined]
    panel.remove(0)
    assert "盖章版.pdf" in dialogs.questions[-1] and "Signed copy" in dialogs.questions[-1]  # type: ignore[attr-defined]
    assert panel.model.rowCount() == 1  # answered no: nothing removed
    dialogs.answer = True  # type: ignore[attr-defined]
    panel.remove(0)
    assert panel.model.rowCount() == 0 and panel.undo_button.isVisibleTo(panel)
    panel.undo_remove()
    assert [row[:2] for row in panel.model.rows] == [("盖章版.pdf", "Signed copy")]
    assert not panel.undo_button.isVisibleTo(panel)
    panel.remove(0)
    editor.reject()  # closing the editor: the undo is no longer offered here; the file is in the Trash
    from services.attachments import trash as file_trash

    with store.session() as session:
        assert files.blob_count(session) == 1  # the bytes stay while the Trash holds the file
        assert [(t.file_name, t.kind) for t in file_trash.trashed_files(session)] == [("盖章版.pdf", "signed_copy")]
        assert files.attachments(session, editor.contract_id) == []  # type: ignore[arg-type]


def test_the_contract_list_shows_todays_terms_and_names_the_pending_amendment(qtbot, store: Store) -> None:
    from PySide6.QtCore import Qt

    from tests.amendment_cases import amendment
    from ui.contracts.list_model import COL_STATUS, COL_TITLE, COL_TOTAL, ContractListModel

    with store.session() as session:
        contract_id = contracts.save(session, original())
    with store.session() as session:
        amendments.record(session, contract_id, amendment(), version=1)  # effective 2026-06-01
    before = ContractListModel(store, today=dt.date(2026, 5, 25))
    assert before.data(before.index(0, COL_TOTAL)) == "120,000.00"
    assert before.data(before.index(0, COL_STATUS)).endswith(" · amendment from 2026-06-01")
    tip = before.data(before.index(0, COL_TITLE), Qt.ItemDataRole.ToolTipRole)
    assert AMENDMENT_NO in tip and "2026-06-01" in tip and "Terms in force today" in tip
    after = ContractListModel(store, today=dt.date(2026, 6, 1))
    assert after.data(after.index(0, COL_TOTAL)) == "135,000.00"
    assert "amendment" not in after.data(after.index(0, COL_STATUS))


def test_while_an_amendment_is_pending_the_editor_shows_and_saves_the_terms_in_force_today(
        qtbot, editor: ContractEditor, store: Store) -> None:
    """补2 (effective 2099) moves the end to 2026-09-30 and the total to 135,000.00: the editor opens on
    the terms in force today (end 2026-06-30, 120,000.00); Save of another field keeps 补2 pending (stored
    as amended, in force today as signed); an edit of the end it changes is refused, nothing written."""
    from services.amendments import today as in_force
    from services.amendments.editing import PENDING_OVERLAP

    contract_id = editor.contract_id
    assert contract_id is not None
    item = amendments.AmendmentData(amendment_no="补2", sign_date=dt.date.today(), effective_date=dt.date(2099, 1, 1),
                                    changes=[
        amendments.ChangeData(seq=1, target="contract", field="end_date", old_value="2026-06-30",
                              new_value="2026-09-30"),
        amendments.ChangeData(seq=2, target="contract", field="total_amount", old_value="120000.00",
                              new_value="135000.00")])
    with store.session() as session:
        amendments.record(session, contract_id, item, version=1)
    reopened = ContractEditor(editor.context, contract_id)
    qtbot.addWidget(reopened)
    assert reopened.header.edit("end_date").text() == "2026-06-30"
    assert reopened.header.edit("total_amount").text().replace(",", "") == "120000.00"
    assert reopened.pending_amendments == ["补2"]

    reopened.header.edit("title").setText("政务云资源租用服务（二期）")
    assert reopened.save()
    with store.session() as session:
        stored = contracts.load(session, contract_id)
        today = amendments.load_as_of(session, contract_id, dt.date.today())
        assert in_force.pending_ids(session, dt.date.today()) == {contract_id}
    assert (stored.title, stored.end_date, stored.total_amount) == (
        "政务云资源租用服务（二期）", dt.date(2026, 9, 30), Decimal("135000.00"))  # 补2 still applies from 2099
    assert (today.title, today.end_date, today.total_amount) == (
        "政务云资源租用服务（二期）", dt.date(2026, 6, 30), Decimal("120000.00"))

    again = ContractEditor(editor.context, contract_id)
    qtbot.addWidget(again)
    again.header.edit("end_date").setText("2026-07-31")
    dialogs = editor.context.dialogs
    assert not again.save()
    assert PENDING_OVERLAP in dialogs.errors[-1] and "补2" in dialogs.errors[-1]  # type: ignore[attr-defined]
    with store.session() as session:
        assert contracts.load(session, contract_id).end_date == dt.date(2026, 9, 30)  # nothing written
