"""Other users' commits on a server register arrive by LISTEN/NOTIFY (issue 17): sent in the
writing transaction, heard by a listener thread of another store (another process, another
connection), not by the store that wrote; the window refreshes through its store-changed signal;
the listening connection is closed on stop. The PostgreSQL tests are skipped without a server
(``tests/pg_server.py``)."""

from __future__ import annotations

import queue
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from services.changes import ChangeKind, Changes
from services.ledger.importer import import_ledger
from services.register import contracts
from services.store import Store, open_store
from services.store_notify import ChangeListener, decode, encode, token
from tests.conftest import ROOT, SAMPLE_LEDGER, FakeDialogs

NUMBER = "2026-021"


def test_a_payload_names_its_sender_kinds_and_contracts() -> None:
    changes = Changes.of(ChangeKind.CONTRACTS, ChangeKind.HISTORY, ids=[3, 1])
    assert decode(encode("abc", changes)) == ("abc", changes)


def test_too_many_contracts_for_one_notification_mean_every_contract() -> None:
    sender, changes = decode(encode("abc", Changes.of(ChangeKind.CONTRACTS, ids=range(1, 5000))))
    assert sender == "abc" and changes.contract_ids == frozenset() and changes.touches(123456)
    assert len(encode("abc", Changes.of(ChangeKind.CONTRACTS, ids=range(1, 5000)))) < 8000


def test_a_payload_from_another_program_means_reload_everything() -> None:
    assert decode("hello") == (None, Changes.everything())
    assert decode('{"k": ["nonsense"], "i": null}') == (None, Changes.everything())


def test_a_file_register_has_no_notify_token(store: Store) -> None:
    assert token(store) is None


def _listen(store: Store) -> tuple[ChangeListener, queue.Queue[Changes]]:
    heard: queue.Queue[Changes] = queue.Queue()
    listener = ChangeListener(store, heard.put)
    listener.start()
    assert listener.listening.wait(10), "the listener did not connect"
    return listener, heard


def _listeners(store: Store) -> int:
    """Listening connections on the server, once a closed one's backend has had 2 s to go."""
    deadline = time.monotonic() + 2
    while True:
        with store.engine.connect() as connection:
            count = int(connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ContractDesk listener' "
                "AND datname = current_database()")).scalar() or 0)
        if count == 0 or time.monotonic() > deadline:
            return count
        time.sleep(0.05)


def test_another_process_saving_is_heard_within_seconds(pg_store: Store) -> None:
    import_ledger(pg_store, SAMPLE_LEDGER)
    with pg_store.session() as session:
        contract_id = contracts.find_id(session, NUMBER)
    listener, heard = _listen(pg_store)
    try:
        worker = subprocess.Popen([sys.executable, "-m", "tests.pg_save_worker", pg_store.location, NUMBER,
                                   "另一进程保存"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert worker.stdout is not None and worker.stdout.readline().strip() == "loaded"
            assert heard.empty()  # reading announces nothing
            out, _err = worker.communicate("go\n", timeout=60)
            assert '"saved": true' in out
            saved_at = time.monotonic()
        finally:
            if worker.poll() is None:
                worker.kill()
        changes = heard.get(timeout=5)
        assert time.monotonic() - saved_at < 2
        assert contract_id in changes.contract_ids and ChangeKind.CONTRACTS in changes.kinds
    finally:
        listener.stop()
    assert not listener.running and _listeners(pg_store) == 0  # the listening connection is closed


def test_a_store_does_not_hear_its_own_writes_but_another_connection_does(pg_store: Store) -> None:
    import_ledger(pg_store, SAMPLE_LEDGER)
    other = open_store(pg_store.location)  # another connection pool with its own token
    own, heard_own = _listen(pg_store)
    others, heard_other = _listen(other)
    try:
        with pg_store.session(write=True) as session:
            data = contracts.load_by_no(session, NUMBER)
            data.title = "改名"
            contract_id = contracts.save(session, data, contract_id=contracts.find_id(session, NUMBER))
        assert contract_id in heard_other.get(timeout=5).contract_ids
        with pytest.raises(queue.Empty):
            heard_own.get(timeout=0.5)
        with pg_store.session() as session:  # a rolled-back write announces nothing
            data = contracts.load_by_no(session, NUMBER)
        with pytest.raises(RuntimeError), pg_store.session(write=True) as session:
            data.title = "不会保存"
            contracts.save(session, data, contract_id=contract_id)
            raise RuntimeError("the officer's action failed")
        with pytest.raises(queue.Empty):
            heard_other.get(timeout=0.5)
    finally:
        own.stop()
        others.stop()
        other.close()


def test_a_lost_listening_connection_is_told_and_comes_back_announcing_everything(
        pg_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from services import store_notify

    monkeypatch.setattr(store_notify, "RETRY_SECONDS", 0.2)
    lost: queue.Queue[object] = queue.Queue()
    heard: queue.Queue[Changes] = queue.Queue()
    listener = ChangeListener(pg_store, heard.put, lost.put)
    listener.start()
    try:
        assert listener.listening.wait(10)
        with pg_store.engine.begin() as connection:
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                    "application_name = 'ContractDesk listener' AND datname = current_database()"))
        assert "STORE_CONNECTION_LOST" in str(lost.get(timeout=5))
        assert heard.get(timeout=10) == Changes.everything()  # back: what was missed is unknown
    finally:
        listener.stop()


def test_the_window_refreshes_when_another_user_saves(qtbot, pg_store: Store) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(pg_store, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window._hand_over_store = True
    assert window.model.rowCount() == 0
    assert window._other_writers.listener.listening.wait(10)  # type: ignore[union-attr]
    announced: list[Changes] = []
    window.context.changes.changed.connect(announced.append)
    other = open_store(pg_store.location)
    try:
        import_ledger(other, SAMPLE_LEDGER)  # another user imports three contracts
    finally:
        other.close()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=3000)
    assert announced and ChangeKind.CONTRACTS in announced[-1].kinds
    window.close()
    assert not window._other_writers.listener.running  # type: ignore[union-attr]
    assert _listeners(pg_store) == 0


def test_a_restore_on_the_server_is_heard_as_everything(pg_store: Store, tmp_path, monkeypatch) -> None:
    from services import backup_pg, store_pg
    from services.backup import backup_now, restore

    if backup_pg.tool("pg_restore") is None:
        pytest.skip("pg_restore is not installed")
    monkeypatch.setattr(store_pg, "local_path", lambda _url: tmp_path / "server" / "register.db")
    import_ledger(pg_store, SAMPLE_LEDGER)
    made = backup_now(pg_store, tmp_path / "before.dump")
    other = open_store(pg_store.location)  # another user's window on the same register
    listener, heard = _listen(other)
    try:
        restore(pg_store.location, made)
        assert heard.get(timeout=5) == Changes.everything()
    finally:
        listener.stop()
        other.close()
