"""The window on a register on a PostgreSQL server shows which register and as whom (issue 17):
the status bar (a permanent label, not a message others replace) and Help → About."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from services.ledger.importer import import_ledger
from tests.conftest import SAMPLE_LEDGER, FakeDialogs
from ui.main_window import MainWindow


def test_the_window_names_the_server_register_and_the_user(qtbot, pg_store) -> None:
    import_ledger(pg_store, SAMPLE_LEDGER)
    window = MainWindow(pg_store, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window._hand_over_store = True
    assert pg_store.location in window.windowTitle()
    assert "secret" not in window.windowTitle()
    label = window.register_label.text()
    assert pg_store.location in label and pg_store.db_user in label and window.register_label.isVisibleTo(window)
    assert window.model.rowCount() == 3
    dialog = window.show_about()
    qtbot.addWidget(dialog)
    assert dialog.paths["store"] == pg_store.location and dialog.paths["user"] == pg_store.db_user


def test_a_file_register_has_no_server_label(qtbot, store) -> None:
    window = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window._hand_over_store = True
    assert not window.register_label.isVisibleTo(window)
    assert str(store.path) in window.windowTitle()


def test_a_viewer_finds_the_editing_actions_disabled_and_told_why(qtbot, pg_store) -> None:
    from sqlalchemy.engine import make_url

    from services import store_roles
    from services.store import open_store

    # Kept after the test (the window's timers may still poll as this user until Qt deletes it); the
    # CI server is thrown away, and granting it again next time changes nothing.
    user = "cd_window_viewer"
    with pg_store.engine.begin() as connection:
        store_roles.grant(connection, user, "viewer", create_login=True)
    viewer = open_store(make_url(pg_store.location).set(username=user).render_as_string(hide_password=False))
    try:
        window = MainWindow(viewer, dialogs=FakeDialogs())
        qtbot.addWidget(window)
        window._hand_over_store = True
        assert window.role == "viewer"
        assert not window.new_action.isEnabled() and not window.delete_action.isEnabled()
        assert "viewer" in window.new_action.toolTip()
        assert f"{user} (viewer)" in window.register_label.text()
        window.close()
    finally:
        viewer.close()


def test_a_server_out_of_reach_while_polling_is_a_status_message(qtbot, pg_store, monkeypatch) -> None:
    from services import store_pg
    from services.store import StoreError

    window = MainWindow(pg_store, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window._hand_over_store = True

    def lost(_store: object) -> int:
        raise StoreError(store_pg.STORE_CONNECTION_LOST, url=pg_store.location,
                         reason="terminating connection due to administrator command")

    monkeypatch.setattr(store_pg, "change_counter", lost)
    window._check_other_writers()  # no exception out of the timer's slot
    assert "STORE_CONNECTION_LOST" in window.statusBar().currentMessage()


def test_the_tabs_of_payments_amendments_and_files_follow_the_role(qtbot, pg_store) -> None:
    """Finance records payments but no amendment or file; a viewer none of them (the buttons say why)."""
    from sqlalchemy.engine import make_url

    from services import store_roles
    from services.register import contracts
    from services.store import open_store

    import_ledger(pg_store, SAMPLE_LEDGER)
    with pg_store.session() as session:
        contract_id = contracts.find_id(session, "2026-021")
    for role, payments in (("finance", True), ("viewer", False)):
        user = f"cd_window_{role}"  # kept, as in the test above
        with pg_store.engine.begin() as connection:
            store_roles.grant(connection, user, role, create_login=True)
        other = open_store(make_url(pg_store.location).set(username=user).render_as_string(hide_password=False))
        try:
            window = MainWindow(other, dialogs=FakeDialogs())
            qtbot.addWidget(window)
            window._hand_over_store = True
            editor = window.edit_contract(contract_id)
            qtbot.addWidget(editor)
            assert editor.payments.record_button.isEnabled() is payments
            assert editor.amendments_panel is not None and editor.attachments_panel is not None
            assert not editor.amendments_panel.new_button.isEnabled()
            assert role in editor.amendments_panel.new_button.toolTip() or "finance" in \
                editor.amendments_panel.new_button.toolTip()
            assert not editor.attachments_panel.acceptDrops()
            save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
            assert not save.isEnabled() and not editor.save_action.isEnabled()  # neither may change terms
            assert role in save.toolTip() or "finance" in save.toolTip()
            assert not editor.event_button.isEnabled()
            editor.close()
            window.close()
        finally:
            other.close()


def test_deadlines_that_cannot_be_read_from_the_server_are_a_status_message(qtbot, store) -> None:
    """The calendar's background read meeting a lost server: a message, tried again later — not a traceback."""
    from services.store import StoreError
    from services.store_pg import STORE_CONNECTION_LOST

    window = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window._hand_over_store = True
    source = window.calendar_feature.source
    source._failed(StoreError(STORE_CONNECTION_LOST, url="postgresql://li@db/contracts", reason="server closed"))
    assert source.stale and "STORE_CONNECTION_LOST" in window.statusBar().currentMessage()
    with pytest.raises(ZeroDivisionError):  # anything else is still a bug, reported as one
        source._failed(ZeroDivisionError("bug"))
