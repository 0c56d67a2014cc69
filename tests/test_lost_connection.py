"""A lost connection to the server register mid-edit (issue 17): the save fails with the coded
``STORE_CONNECTION_LOST``, nothing of it is written, the editor keeps its contents and offers Retry,
and Retry once the server is back saves. The server "goes away" by terminating the register's
backends (``pg_terminate_backend``) and refusing new connections to its database until it "comes
back". Skipped without the test server (``tests/pg_server.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from services.history import HistoryAction, history
from services.ledger.importer import import_ledger
from services.register import contracts
from services.store import Store, StoreError
from services.store_pg import STORE_CONNECTION_LOST
from tests import pg_server
from tests.conftest import SAMPLE_LEDGER, FakeDialogs

NUMBER = "2026-021"
pytestmark = pytest.mark.usefixtures("synchronous_tasks")


class Server:
    """Takes the register's database away (``down``) and brings it back (``up``) as the test
    server's superuser, on another database of the server."""

    def __init__(self, database: str) -> None:
        url = pg_server.server_url()
        assert url is not None
        self.database = database
        self.engine = create_engine(url, isolation_level="AUTOCOMMIT")

    def down(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{self.database}" ALLOW_CONNECTIONS false'))
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": self.database})

    def up(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{self.database}" ALLOW_CONNECTIONS true'))

    def terminate(self, pid: int) -> None:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


@pytest.fixture
def server(pg_store: Store) -> Iterator[Server]:
    import_ledger(pg_store, SAMPLE_LEDGER)
    server = Server(str(pg_store.engine.url.database))
    yield server
    server.up()
    server.engine.dispose()


def _stored(store: Store) -> tuple[str, int]:
    """The contract's stored title and the number of saves in the history."""
    with store.session() as session:
        title = contracts.load_by_no(session, NUMBER).title
        saves = sum(1 for row in history(session) if row.action == HistoryAction.SAVE)
    return title, saves


def test_a_backend_terminated_mid_save_writes_nothing_and_says_so(pg_store: Store, server: Server) -> None:
    before = _stored(pg_store)
    with pytest.raises(StoreError) as lost, pg_store.session(write=True) as session:
        data = contracts.load_by_no(session, NUMBER)
        data.title = "只保存了一半？"
        contracts.save(session, data, contract_id=contracts.find_id(session, NUMBER))
        session.flush()  # the contract's rows and its history entry are written, not committed
        server.terminate(int(session.connection().execute(text("SELECT pg_backend_pid()")).scalar_one()))
    assert lost.value.code == STORE_CONNECTION_LOST
    assert "STORE_CONNECTION_LOST" in lost.value.message("zh_CN") and "连接中断" in lost.value.message("zh_CN")
    assert _stored(pg_store) == before  # nothing half-written
    with pg_store.session() as session:
        data = contracts.load_by_no(session, NUMBER)
    data.title = "连接恢复后保存"
    with pg_store.session(write=True) as session:  # the pool replaces the dead connection
        contracts.save(session, data, contract_id=contracts.find_id(session, NUMBER))
    assert _stored(pg_store) == ("连接恢复后保存", before[1] + 1)


class RetryWhenBack(FakeDialogs):
    """Answers the lost-connection question: first Cancel (the server still down), then — the
    server back — Retry."""

    def __init__(self, server: Server) -> None:
        super().__init__()
        self.server = server
        self.asked: list[str] = []

    def choose(self, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
        self.asked.append(text)
        assert [key for key, _label in choices] == ["retry"]
        if len(self.asked) == 1:
            return None  # Cancel: keep editing
        self.server.up()
        return "retry"


def test_the_editor_keeps_its_contents_and_retry_saves_once_the_server_is_back(
        qtbot, pg_store: Store, server: Server) -> None:
    from ui.main_window import MainWindow

    dialogs = RetryWhenBack(server)
    window = MainWindow(pg_store, dialogs=dialogs)
    qtbot.addWidget(window)
    window._hand_over_store = True
    before = _stored(pg_store)
    with pg_store.session() as session:
        editor = window.edit_contract(contracts.find_id(session, NUMBER))
    editor.header.edit("title").setText("断线时编辑的标题")
    server.down()

    assert editor.save() is False  # Cancel: nothing saved, the editor stays with what was typed
    assert "STORE_CONNECTION_LOST" in dialogs.asked[0] and "Traceback" not in dialogs.asked[0]
    assert editor.isVisible() and editor.header.edit("title").text() == "断线时编辑的标题"
    assert dialogs.errors == []

    assert editor.save() is True  # still down: asked again; the server is back; Retry saves
    assert len(dialogs.asked) == 2 and not editor.isVisible()
    assert _stored(pg_store) == ("断线时编辑的标题", before[1] + 1)
    window.close()
