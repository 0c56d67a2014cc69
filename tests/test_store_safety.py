"""Opening the store safely (services/store.py, services/store_files.py): user-only files, refusal
of files that are not ContractDesk stores, read-only stores, a store busy with another process's
write, ``data_version``, and bad ``--db`` paths on the command line.

Tests run as root, for whom ``chmod`` does not stop a write and ``os.access`` always says
writable: a read-only file or folder is simulated by monkeypatching ``services.store_files._access``
(the one place that asks); the store is then really opened with SQLite's ``mode=ro`` (and
``immutable=1`` for a read-only folder), which refuses writes even to root.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

import main
from services import store_files
from services.backup import backup_now
from services.errors import UserError
from services.ledger.importer import import_ledger
from services.ledger.schema import SUPPORTED
from services.ledger.write import export_ledger
from services.register import contracts as contract_service
from services.store import Store, StoreError, data_version, open_store
from tests.conftest import ROOT, SAMPLE_LEDGER
from tests.test_store import full_contract

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def cli(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = main.run_command([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


# -- permissions ---------------------------------------------------------------------------------


@posix_only
def test_new_store_folder_and_files_are_user_only(tmp_path: Path) -> None:
    path = tmp_path / "data" / "deep" / "contracts.db"
    store = open_store(path)
    try:
        import_ledger(store, SAMPLE_LEDGER)
        assert mode(tmp_path / "data") == 0o700
        assert mode(tmp_path / "data" / "deep") == 0o700
        assert mode(path) == 0o600
        for suffix in ("-wal", "-shm"):
            assert mode(Path(f"{path}{suffix}")) == 0o600, suffix
        backup = backup_now(store)
        assert mode(backup) == 0o600
        assert mode(backup.parent) == 0o700
    finally:
        store.close()


@posix_only
def test_an_existing_world_readable_store_is_made_user_only(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    path = tmp_path / "old.db"
    open_store(path).close()
    os.chmod(path, 0o644)
    open_store(path).close()
    assert mode(path) == 0o600
    assert mode(tmp_path) != 0o700  # a folder we did not create is left alone


@posix_only
def test_log_files_are_user_only(tmp_path: Path) -> None:
    from ui import crash

    handler = crash.setup_logging(tmp_path / "logs")
    try:
        crash.logger().info("hello")
        handler.flush()
        assert mode(tmp_path / "logs") == 0o700
        assert mode(tmp_path / "logs" / crash.LOG_FILE) == 0o600
        handler.doRollover()
        assert mode(tmp_path / "logs" / crash.LOG_FILE) == 0o600
        assert mode(tmp_path / "logs" / f"{crash.LOG_FILE}.1") == 0o600
    finally:
        crash.logger().removeHandler(handler)
        handler.close()
    fault = crash.enable_faulthandler(tmp_path / "logs")
    try:
        assert mode(fault) == 0o600
    finally:
        crash.disable_faulthandler()


# -- files that are not ContractDesk stores -------------------------------------------------------


def test_foreign_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert caught.value.code == "STORE_FOREIGN"
    assert "moz_places" in str(caught.value)
    assert "其他程序" in caught.value.message("zh_CN")
    assert path.read_bytes() == before
    tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    assert tables == [("moz_places",)]  # none of ours added


def test_half_created_store_gets_a_coded_message(store: Store) -> None:
    with store.engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    store.close()
    with pytest.raises(StoreError) as caught:
        open_store(store.path)
    assert caught.value.code == "STORE_HALF_CREATED"
    assert "already exists" not in str(caught.value)


def test_non_sqlite_file_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert caught.value.code == "STORE_NOT_SQLITE"
    assert str(caught.value) == f"{path} is not a ContractDesk store (not an SQLite database); " \
                                f"it was left unchanged. [STORE_NOT_SQLITE]"


def test_store_error_is_a_user_error_with_both_languages(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        open_store(tmp_path)  # a folder
    assert caught.value.code == "STORE_IS_FOLDER"
    assert "文件夹" in caught.value.message("zh_CN")


# -- read-only stores ------------------------------------------------------------------------------


def _deny_writes(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    real = store_files._access

    def access(path: Path, how: int) -> bool:
        if how == os.W_OK and Path(path) == denied:
            return False
        return real(path, how)

    monkeypatch.setattr(store_files, "_access", access)


@pytest.fixture
def loaded(store: Store) -> Store:
    import_ledger(store, SAMPLE_LEDGER)
    return store


@pytest.mark.parametrize("denied", ["file", "folder"])
def test_read_only_store_reads_and_refuses_writes(loaded: Store, monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path, denied: str) -> None:
    loaded.close()  # checkpointed: no -wal/-shm left, as in a folder copied from a CD
    path = loaded.path
    _deny_writes(monkeypatch, path if denied == "file" else path.parent)
    store = open_store(path)
    try:
        assert store.read_only
        assert store.read_only_reason == denied
        assert store.read_only_error().code == f"STORE_READ_ONLY_{denied.upper()}"
        with store.session() as session:  # list, export work
            assert contract_service.count(session) == 3
            written = export_ledger(session, tmp_path / "out")
        assert len(written) == len(SUPPORTED)  # every table of the ledger
        with pytest.raises(StoreError) as caught, store.session() as session:
            contract_service.save(session, full_contract("NEW-1"))
        assert caught.value.code == f"STORE_READ_ONLY_{denied.upper()}"
        with pytest.raises(StoreError) as caught, store.session() as session:
            session.execute(text("DELETE FROM contracts"))  # below the ORM: SQLite's mode=ro refuses
        assert caught.value.code == f"STORE_READ_ONLY_{denied.upper()}"
        assert "readonly database" not in str(caught.value)
        with pytest.raises(StoreError), store.session(write=True):
            pass
        with pytest.raises(StoreError) as caught:
            import_ledger(store, SAMPLE_LEDGER, replace=True)
        assert caught.value.code.startswith("STORE_READ_ONLY")
        with store.session() as session:
            assert contract_service.count(session) == 3
    finally:
        store.close()
    if denied == "folder":
        assert not Path(f"{path}-shm").exists()  # immutable: nothing created beside it


def test_read_only_on_request(loaded: Store) -> None:
    loaded.close()
    store = open_store(loaded.path, read_only=True)
    try:
        assert store.read_only_reason == "requested"
        with pytest.raises(StoreError) as caught, store.session() as session:
            contract_service.save(session, full_contract("NEW-1"))
        assert caught.value.code == "STORE_READ_ONLY_REQUESTED"
    finally:
        store.close()


def test_read_only_store_needing_an_upgrade_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    open_store(path, target="0001").close()
    _deny_writes(monkeypatch, path)
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert caught.value.code == "STORE_READ_ONLY_OLD"


def test_read_only_store_on_the_command_line(loaded: Store, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    loaded.close()
    _deny_writes(monkeypatch, loaded.path)
    status, out, _ = cli(capsys, "list", "--db", loaded.path)
    assert status == 0 and len(out.splitlines()) == 3
    assert cli(capsys, "export", tmp_path / "out", "--db", loaded.path)[0] == 0
    assert len(list((tmp_path / "out").iterdir())) == len(SUPPORTED)
    assert cli(capsys, "print", "2026-021", "--out", tmp_path / "c.pdf", "--db", loaded.path)[0] == 0
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    assert not (loaded.path.parent / "backups").exists()  # no daily backup of a store that cannot change
    status, out, err = cli(capsys, "import", SAMPLE_LEDGER, "--replace", "--db", loaded.path)
    assert status == 1
    assert err == f"error: The store {loaded.path} is open read-only (you may not write the file); " \
                  "changes cannot be saved. [STORE_READ_ONLY_FILE]\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes read-only files")
def test_really_read_only_file(loaded: Store) -> None:
    loaded.close()
    os.chmod(loaded.path, 0o400)
    store = open_store(loaded.path)
    try:
        assert store.read_only_reason == "file"
    finally:
        store.close()


# -- busy stores -----------------------------------------------------------------------------------

HOLDER = """
import sys, time
sys.path.insert(0, {root!r})
from services.store import open_store
store = open_store({path!r})
with store.session(write=True) as session:
    print("holding", flush=True)
    time.sleep(30)
"""


def test_busy_store_waits_then_names_the_writer(store: Store, tmp_path: Path) -> None:
    path = store.path
    store.close()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT), path=str(path))],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        waiting = open_store(path, busy_timeout=0.5)
        try:
            with waiting.session() as session:  # readers are not blocked (WAL)
                assert contract_service.count(session) == 0
            started = time.monotonic()
            with pytest.raises(StoreError) as caught, waiting.session() as session:
                contract_service.save(session, full_contract("NEW-1"))
            assert time.monotonic() - started >= 0.4  # it waited busy_timeout
            assert caught.value.code == "STORE_BUSY_BY"
            assert f"process {holder.pid} on " in str(caught.value)
            assert "database is locked" not in str(caught.value)
            with pytest.raises(StoreError) as caught, waiting.session(write=True):
                pass
            assert caught.value.code == "STORE_BUSY_BY"
        finally:
            waiting.close()
    finally:
        holder.kill()
        holder.wait()
    # the holder was killed: its note is stale and no longer named
    reopened = open_store(path, busy_timeout=0.5)
    try:
        with reopened.session() as session:
            contract_service.save(session, full_contract("NEW-1"))
    finally:
        reopened.close()


def test_busy_without_a_note_says_busy(store: Store) -> None:
    store.close()
    other = sqlite3.connect(store.path, timeout=0)  # a writer that leaves no note (another program)
    other.execute("BEGIN IMMEDIATE")
    waiting = open_store(store.path, busy_timeout=0.2)
    try:
        with pytest.raises(StoreError) as caught, waiting.session(write=True):
            pass
        assert caught.value.code == "STORE_BUSY"
        assert "within 0.2 s" in str(caught.value)
    finally:
        waiting.close()
        other.rollback()
        other.close()


def test_data_version_changes_when_another_connection_commits(loaded: Store) -> None:
    first = data_version(loaded)
    assert data_version(loaded) == first
    other = sqlite3.connect(loaded.path)
    other.execute("UPDATE contracts SET title = title || '!' WHERE contract_no = '2026-021'")
    other.commit()
    other.close()
    assert data_version(loaded) != first


# -- bad paths on the command line -----------------------------------------------------------------


def test_db_whose_parent_is_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    status, out, err = cli(capsys, "list", "--db", blocker / "contracts.db")
    assert status == 1 and out == ""
    assert err.startswith(f"error: Cannot use {blocker / 'contracts.db'} for the store: ")
    assert err.endswith("[STORE_BAD_PATH]\n") and err.count("\n") == 1


def test_db_folder_that_cannot_be_created(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)  # as root nothing is refused: simulate it
    status, out, err = cli(capsys, "list", "--db", tmp_path / "new" / "contracts.db")
    assert status == 1 and out == ""
    assert err == f"error: Cannot use {tmp_path / 'new' / 'contracts.db'} for the store: Permission denied. " \
                  "Name a writable place with --db. [STORE_BAD_PATH]\n"


def test_db_that_is_a_folder_in_chinese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = cli(capsys, "check", "--lang", "zh_CN", "--db", tmp_path)
    assert status == 1
    assert err == f"错误：{tmp_path} 是一个文件夹，不是台账数据库文件。 [STORE_IS_FOLDER]\n"


def test_an_interrupted_first_migration_leaves_no_half_made_store(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from alembic import command

    real = command.upgrade

    def upgrade_then_die(config: object, target: str) -> None:
        real(config, "0002")  # type: ignore[arg-type]
        raise KeyboardInterrupt  # stands for a crash half-way through the migrations

    monkeypatch.setattr(command, "upgrade", upgrade_then_die)  # the store imports it when migrating
    path = tmp_path / "new.db"
    with pytest.raises(KeyboardInterrupt):
        open_store(path)
    tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    assert tables == []  # rolled back whole: the next start creates the store afresh
    monkeypatch.setattr(command, "upgrade", real)
    open_store(path).close()
