"""Nothing the officer typed is lost without their answer: every way of leaving an edited contract
asks Save / Discard / Cancel (pytest-qt, scripted answers, no modal)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from services.store import open_store
from tests.conftest import SAMPLE_LEDGER, FakeDialogs
from ui import main_window as main_window_module
from ui.main_window import MainWindow
from ui.register import samples as samples_module

pytestmark = pytest.mark.usefixtures("synchronous_tasks")
NUMBER = "2026-021"


@pytest.fixture
def window(qtbot, store):
    import_ledger(store, SAMPLE_LEDGER)
    main = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(main)
    main._hand_over_store = True  # the store fixture closes the store
    return main


def open_edited(window: MainWindow, store, title: str = "改过的名称"):
    with store.session() as session:
        contract_id = contract_service.find_id(session, NUMBER)
    editor = window.edit_contract(contract_id)
    editor.header.edit("title").setText(title)
    assert editor.is_modified()
    return editor, contract_id


def stored_title(store) -> str:
    with store.session() as session:
        return contract_service.load_by_no(session, NUMBER).title


@pytest.mark.parametrize("leave", ["escape", "cancel_button", "close"])
def test_leaving_an_edited_contract_asks_and_cancel_keeps_it(window, store, qtbot, leave):
    editor, _ = open_edited(window, store)
    before = stored_title(store)
    window.dialogs.unsaved = "cancel"
    if leave == "escape":
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    elif leave == "cancel_button":
        editor.buttons.rejected.emit()
    else:
        assert not editor.close()
    assert window.dialogs.unsaved_questions == [f"Contract {NUMBER} has changes that are not saved. Save them?"]
    assert editor.isVisible() and editor.header.edit("title").text() == "改过的名称"
    window.dialogs.unsaved = "save"
    assert editor.close()
    assert stored_title(store) == "改过的名称" != before


def test_discard_closes_without_saving_and_an_unedited_contract_never_asks(window, store):
    editor, contract_id = open_edited(window, store)
    before = stored_title(store)
    window.dialogs.unsaved = "discard"
    assert editor.close()
    assert stored_title(store) == before
    clean = window.edit_contract(contract_id)
    assert not clean.is_modified()
    assert clean.close()
    assert len(window.dialogs.unsaved_questions) == 1  # only the edited one asked


def test_an_edited_line_item_counts_as_a_change(window, store):
    with store.session() as session:
        contract_id = contract_service.find_id(session, NUMBER)
    editor = window.edit_contract(contract_id)
    editor.line_items.model.setData(editor.line_items.model.index(0, 4), "2")  # quantity
    assert editor.is_modified()
    window.dialogs.unsaved = "cancel"
    assert not editor.close()


def test_quit_and_closing_the_window_ask_first(window, store):
    window.show()
    editor, _ = open_edited(window, store)
    window.dialogs.unsaved = "cancel"
    assert not window.close()  # File → Quit is window.close
    assert window.isVisible()
    assert editor.isVisible()
    window.dialogs.unsaved = "save"
    assert window.close()
    assert stored_title(store) == "改过的名称"


def test_language_switch_asks_then_keeps_docks_sort_selection_and_open_contracts(window, store, qtbot, monkeypatch):
    from ui import i18n

    monkeypatch.setattr(i18n, "settings", lambda: type("S", (), {"setValue": lambda self, k, v: None,
                                                               "value": lambda self, *a: ""})())
    window.show()
    editor, contract_id = open_edited(window, store)
    window.calendar_feature.show_agenda()
    window.list_view.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    window.list_view.select_contract(contract_id)
    window.dialogs.unsaved = "cancel"
    assert window.switch_language("zh_CN") is window  # cancelled: nothing changes
    assert i18n.current_language() == "en" and editor.isVisible()
    window.dialogs.unsaved = "save"
    try:
        new = window.switch_language("zh_CN")
        qtbot.addWidget(new)
        new._hand_over_store = True
        assert new is not window
        assert stored_title(store) == "改过的名称"
        assert new.calendar_feature.agenda_dock.isVisible()
        assert (new.model.sort_column(), new.model.sort_order()) == (3, Qt.SortOrder.DescendingOrder)
        assert new.list_view.current_contract_id() == contract_id
        assert list(new._editors) == [contract_id]  # the contract that was open is open again
    finally:
        i18n.install("en")


def test_one_editor_per_contract(window, store):
    editor, contract_id = open_edited(window, store)
    assert window.edit_contract(contract_id) is editor
    assert editor.header.edit("title").text() == "改过的名称"


def test_save_with_check_errors_asks_save_anyway(window, store):
    with store.session() as session:
        contract_id = contract_service.find_id(session, NUMBER)
    editor = window.edit_contract(contract_id)
    editor.header.edit("total_in_words").setText("壹元整")  # contradicts the total
    window.dialogs.answer = False
    assert not editor.save()
    assert window.dialogs.questions[-1].startswith("The checks found 1 error(s) in this contract:\n• ")
    assert window.dialogs.questions[-1].endswith("Save anyway?")
    assert editor.isVisible()
    window.dialogs.answer = True
    assert editor.save()
    with store.session() as session:
        assert contract_service.load_by_no(session, NUMBER).total_in_words == "壹元整"


def test_samples_open_in_their_own_store_and_are_never_wiped_silently(window, store, qtbot, tmp_path, monkeypatch):
    samples = tmp_path / "data" / "sample-contracts.db"
    samples.parent.mkdir()
    monkeypatch.setattr(samples_module, "samples_store_path", lambda: samples)
    open_edited(window, store)
    window.dialogs.unsaved = "save"
    window.open_samples()
    assert stored_title(store) == "改过的名称"  # the register's edit was saved first
    shown = main_window_module._open_windows[-1]
    qtbot.addWidget(shown)
    assert shown.store.path == samples and shown.home == store.path
    assert shown.samples_banner.isVisibleTo(shown) and shown.home_action.isEnabled()
    assert not window.samples_banner.isVisibleTo(window)
    with shown.store.session() as session:  # edit the samples
        data = contract_service.load_by_no(session, NUMBER)
        data.notes = "示例里改的"
        contract_service.save(session, data, contract_id=contract_service.find_id(session, NUMBER))
    shown.dialogs.choice = "open"  # reopening: as they were left
    shown.open_samples()
    assert shown.dialogs.choices[-1][1] == ["open", "reset"]
    again = main_window_module._open_windows[-1]
    qtbot.addWidget(again)
    with again.store.session() as session:
        assert contract_service.load_by_no(session, NUMBER).notes == "示例里改的"
    again.dialogs.choice = None  # Cancel: nothing happens
    again.open_samples()
    assert main_window_module._open_windows[-1] is again
    again.dialogs.choice = "reset"
    again.open_samples()
    reset = main_window_module._open_windows[-1]
    qtbot.addWidget(reset)
    with reset.store.session() as session:
        assert contract_service.load_by_no(session, NUMBER).notes != "示例里改的"
        assert contract_service.count(session) == 3
    home = reset.back_to_register()
    qtbot.addWidget(home)
    assert home.store.path == store.path and home.home is None
    assert not home.samples_banner.isVisibleTo(home)
    home.store.close()
    for window_left in list(main_window_module._open_windows):
        window_left._hand_over_store = True
        window_left.close()


def test_opening_another_store_asks_the_same(window, store, tmp_path):
    editor, _ = open_edited(window, store)
    other = open_store(tmp_path / "other.db")
    window.dialogs.unsaved = "cancel"
    assert window.set_store(other) is window  # Cancel: the window stays on its store, the edit open
    assert window.store is store and editor.isVisible()
    assert editor.header.edit("title").text() == "改过的名称"
