"""The window on a register on a PostgreSQL server shows which register and as whom (issue 17):
the status bar (a permanent label, not a message others replace) and Help → About."""

from __future__ import annotations

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
