"""Backups (services/backup.py): made with the online backup API, listed, pruned with fake dates,
restored (an export after restore equals the one at backup time), refused when unsound; the
backup before an import with replace; ``main.py backup`` / ``restore``; the export's swap of
the ledger folder (services/ledger/write.py)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

import main
from services import backup as backup_service
from services.backup import (
    BackupInfo,
    backup_before,
    backup_now,
    backups_folder,
    check_backup,
    daily_backup,
    list_backups,
    prune,
    restore,
    to_prune,
)
from services.ledger.importer import import_ledger
from services.ledger.write import export_ledger
from services.register import contracts as contract_service
from services.store import Store, StoreError, head_revision, open_store
from tests.conftest import SAMPLE_LEDGER
from tests.test_store import full_contract


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def export_bytes(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        return {path.name: path.read_bytes() for path in export_ledger(session, folder)}


def count(store: Store) -> int:
    with store.session() as session:
        return contract_service.count(session)


@pytest.fixture
def loaded(store: Store) -> Store:
    import_ledger(store, SAMPLE_LEDGER)
    return store


class Clock:
    """A fake ``services.backup._now`` that tests move forward."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock(dt.datetime(2026, 3, 2, 9, 0, 0))
    monkeypatch.setattr(backup_service, "_now", fake)
    return fake


# -- making and listing ----------------------------------------------------------------------------


def test_backup_now_into_the_backups_folder(loaded: Store, clock: Clock) -> None:
    made = backup_now(loaded)
    assert made == loaded.path.parent / "backups" / "store-20260302-090000.db"
    assert integrity(made) == "ok"
    assert not Path(f"{made}-wal").exists()  # a single file, journal mode DELETE
    again = backup_now(loaded)  # same second: a new name, never overwritten
    assert again.name == "store-20260302-090000-2.db"
    infos = list_backups(loaded)
    assert [(info.path, info.contract_count, info.kind) for info in infos] == [
        (made, 3, "manual"), (again, 3, "manual")]
    assert infos[0].taken_at == dt.datetime(2026, 3, 2, 9, 0, 0)
    assert infos[0].size_bytes == made.stat().st_size
    assert list(made.parent.glob(".*")) == []  # no partial file left


def test_backup_to_a_file_refuses_to_overwrite(loaded: Store, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "copy.db"
    assert backup_now(loaded, target) == target
    assert integrity(target) == "ok"
    with pytest.raises(StoreError) as caught:
        backup_now(loaded, target)
    assert caught.value.code == "BACKUP_EXISTS"
    with pytest.raises(StoreError) as caught:
        backup_now(loaded, loaded.path)  # the store itself
    assert caught.value.code == "BACKUP_EXISTS"


def test_daily_backup_once_a_day(loaded: Store, clock: Clock) -> None:
    first = daily_backup(loaded)
    assert first is not None and first.name == "store-20260302-090000-daily.db"
    clock.now = dt.datetime(2026, 3, 2, 17, 0)
    assert daily_backup(loaded) is None
    clock.now = dt.datetime(2026, 3, 3, 8, 0)
    assert daily_backup(loaded).name == "store-20260303-080000-daily.db"  # type: ignore[union-attr]


def test_backup_before_a_destructive_change(loaded: Store, clock: Clock) -> None:
    made = backup_before(loaded, "delete")
    assert made is not None and made.name == "store-20260302-090000-before-delete.db"
    assert list_backups(loaded)[0].kind == "before-delete"
    with pytest.raises(ValueError):
        backup_before(loaded, "../x")


def test_import_with_replace_backs_up_first(loaded: Store, clock: Clock) -> None:
    import_ledger(loaded, SAMPLE_LEDGER, replace=True)
    [info] = list_backups(loaded)
    assert info.kind == "before-import" and info.contract_count == 3


def test_import_without_replace_makes_no_backup(store: Store) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    assert list_backups(store) == []


# -- retention -------------------------------------------------------------------------------------


def fake(day: dt.datetime, kind: str = "daily") -> BackupInfo:
    return BackupInfo(path=Path(f"/b/x-{day:%Y%m%d-%H%M%S}-{kind}.db"), taken_at=day, size_bytes=0,
                      contract_count=None, kind=kind)


def test_retention_keeps_14_days_and_8_weeks() -> None:
    start = dt.datetime(2025, 1, 1, 9, 0)  # a Wednesday
    dailies = [fake(start + dt.timedelta(days=n)) for n in range(120)]
    extra = [fake(start + dt.timedelta(days=119, hours=2), "before-import")]
    manual = [fake(start, "manual")]
    pruned = {info.path for info in to_prune(dailies + extra + manual)}
    kept = [info for info in dailies + extra + manual if info.path not in pruned]
    kept_days = sorted({info.taken_at.date() for info in kept if info.kind != "manual"})
    recent = [start.date() + dt.timedelta(days=n) for n in range(106, 120)]
    assert kept_days[-14:] == recent  # the last 14 days, each whole (the before-import too)
    older = kept_days[:-14]
    assert len(older) == 8  # one per week for 8 weeks
    assert len({day.isocalendar()[:2] for day in older}) == 8
    assert all(day.isoweekday() == 7 or day == max(older) for day in older)  # the newest of each week
    assert manual[0].path not in pruned  # manual backups are never pruned
    assert extra[0].path not in pruned


def test_prune_removes_files_with_parameters(loaded: Store, clock: Clock) -> None:
    for n in range(6):
        clock.now = dt.datetime(2026, 3, 2, 9, 0) + dt.timedelta(days=n)
        daily_backup(loaded, keep_daily=3, keep_weekly=0)
    assert [info.taken_at.day for info in list_backups(loaded)] == [5, 6, 7]
    manual = backup_now(loaded)
    removed = prune(loaded.path, keep_daily=1, keep_weekly=0)
    assert sorted(path.name for path in removed) == ["store-20260305-090000-daily.db", "store-20260306-090000-daily.db"]
    assert sorted(info.path.name for info in list_backups(loaded)) == [
        "store-20260307-090000-daily.db", manual.name]


# -- restore ---------------------------------------------------------------------------------------


def test_backup_change_restore_gives_the_same_export(loaded: Store, tmp_path: Path) -> None:
    at_backup = export_bytes(loaded, tmp_path / "at-backup")
    made = backup_now(loaded)
    with loaded.session() as session:
        contract_service.save(session, full_contract("LATER-1"))
        contract_service.delete_contract(session, contract_service.find_id(session, "2026-021"))
    assert export_bytes(loaded, tmp_path / "changed") != at_backup

    safety = restore(loaded.path, made)
    assert safety is not None and safety.name.endswith("-before-restore.db")
    assert export_bytes(loaded, tmp_path / "restored") == at_backup  # the open store sees it too
    reopened = open_store(loaded.path)
    try:
        assert export_bytes(reopened, tmp_path / "reopened") == at_backup
        assert integrity(reopened.path) == "ok"
    finally:
        reopened.close()
    restore(loaded.path, safety)  # and back again
    assert count(loaded) == 3
    with loaded.session() as session:
        assert contract_service.find_id(session, "LATER-1") is not None


def test_restore_an_older_schema_migrates_it(loaded: Store, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    store = open_store(old, target="0001")
    store.close()
    restore(loaded.path, old)
    check = open_store(loaded.path)
    try:
        assert count(check) == 0
        with check.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    finally:
        check.close()


def test_restore_refusals(loaded: Store, tmp_path: Path) -> None:
    made = backup_now(loaded)
    cases: dict[str, Path] = {}
    cases["BACKUP_MISSING"] = tmp_path / "missing.db"
    cases["BACKUP_EMPTY"] = tmp_path / "empty.db"
    sqlite3.connect(cases["BACKUP_EMPTY"]).close()
    cases["STORE_NOT_SQLITE"] = tmp_path / "text.db"
    cases["STORE_NOT_SQLITE"].write_text("hello " * 1000)
    foreign = tmp_path / "foreign.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (x)")
    connection.commit()
    connection.close()
    cases["STORE_FOREIGN"] = foreign
    newer = tmp_path / "newer.db"
    shutil.copyfile(made, newer)
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    cases["STORE_NEWER"] = newer
    damaged = tmp_path / "damaged.db"
    data = bytearray(made.read_bytes())
    page = 4096
    for start in range(page, len(data), page):
        data[start] = 0xFF  # every page but the schema's: not a b-tree page type any more
    damaged.write_bytes(bytes(data))
    cases["damaged"] = damaged
    cases["BACKUP_IS_STORE"] = loaded.path
    before = export_bytes(loaded, tmp_path / "before")
    for code, path in cases.items():
        with pytest.raises(StoreError) as caught:
            restore(loaded.path, path)
        if code == "damaged":
            assert caught.value.code in ("BACKUP_DAMAGED", "STORE_DAMAGED"), caught.value
        else:
            assert caught.value.code == code, caught.value
    assert export_bytes(loaded, tmp_path / "after") == before
    assert [info.kind for info in list_backups(loaded)] == ["manual"]  # refused before any backup


def test_check_backup_names_its_revision(loaded: Store) -> None:
    assert check_backup(backup_now(loaded)) == head_revision()


def test_restore_over_an_unreadable_store_sets_it_aside(loaded: Store, tmp_path: Path) -> None:
    made = backup_now(loaded, tmp_path / "good.db")
    broken = tmp_path / "broken" / "contracts.db"
    broken.parent.mkdir()
    broken.write_bytes(b"garbage" * 100)
    assert restore(broken, made) is None
    assert [p.name.startswith("contracts.db.unreadable-") for p in broken.parent.iterdir()].count(True) == 1
    assert backup_service.contract_count(broken) == 3


# -- a backup while another thread writes ---------------------------------------------------------


def big_ledger(folder: Path, n: int) -> Path:
    lines = (SAMPLE_LEDGER / "contracts.csv").read_text(encoding="utf-8-sig").splitlines()
    header, row = lines[0], lines[1]
    first = row.split(",", 1)[1]
    folder.mkdir()
    body = "\r\n".join(f"BIG-{i:05d},{first}" for i in range(n))
    (folder / "contracts.csv").write_text(f"{header}\r\n{body}\r\n", encoding="utf-8")
    return folder


def test_backup_while_an_import_runs_is_consistent(store: Store, tmp_path: Path) -> None:
    ledger = big_ledger(tmp_path / "big", 200)
    failures: list[BaseException] = []

    def importing() -> None:
        try:
            for _ in range(2):
                import_ledger(store, ledger, replace=True)
        except BaseException as exc:  # reported below
            failures.append(exc)

    worker = threading.Thread(target=importing)
    worker.start()
    made = []
    while worker.is_alive():
        made.append(backup_now(store, tmp_path / "during" / f"{len(made)}.db"))
        time.sleep(0.05)
    worker.join()
    assert failures == []
    assert made
    for path in made:
        assert integrity(path) == "ok"
    counts = {backup_service.contract_count(path) for path in made}
    assert counts == {0, 200}  # taken during the first import and after it: all or nothing of it
    for info in list_backups(store):  # the before-import ones
        assert integrity(info.path) == "ok"


# -- command line ----------------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = main.run_command([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_backup_and_restore_on_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "data" / "contracts.db"
    assert cli(capsys, "import", SAMPLE_LEDGER, "--db", db)[0] == 0
    status, out, err = cli(capsys, "backup", "--db", db)
    assert status == 0 and err == ""
    daily, info = sorted(list_backups(db), key=lambda b: b.kind)  # may be taken in the same second
    assert daily.kind == "daily" and daily.contract_count == 0  # the day's first command made it
    assert info.kind == "manual"
    assert out == f"backed up 3 contract(s) to {info.path}\n"
    assert info.path.parent == backups_folder(db) == tmp_path / "data" / "backups"
    status, out, _ = cli(capsys, "backup", "--to", tmp_path / "mine.db", "--db", db)
    assert status == 0 and (tmp_path / "mine.db").exists()
    status, _, err = cli(capsys, "backup", "--to", tmp_path / "mine.db", "--db", db)
    assert status == 1 and err.endswith("[BACKUP_EXISTS]\n") and err.count("\n") == 1

    empty = tmp_path / "empty.db"
    open_store(empty).close()
    status, out, err = cli(capsys, "restore", empty, "--db", db)
    assert status == 0, err
    assert "previous content was backed up to" in out
    assert out.endswith(f"restored 0 contract(s) from {empty} into {db}\n")
    status, out, _ = cli(capsys, "restore", tmp_path / "mine.db", "--db", db)
    assert status == 0 and out.endswith(f"restored 3 contract(s) from {tmp_path / 'mine.db'} into {db}\n")
    status, _, err = cli(capsys, "restore", tmp_path / "nothing.db", "--db", db)
    assert status == 1 and err == f"error: The backup file {tmp_path / 'nothing.db'} does not exist. [BACKUP_MISSING]\n"


# -- the export swaps the ledger in as a set -------------------------------------------------------


def test_export_replaces_the_ledger_folder_as_a_set(loaded: Store, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    first = export_bytes(loaded, out)
    with loaded.session() as session:
        contract_service.save(session, full_contract("LATER-1"))
    second = export_bytes(loaded, out)
    assert second != first
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # nothing stray

    # killed between moving the old set aside and moving the new one in: the next export tidies up
    real_rename = Path.rename

    def crash_on_second(self: Path, target: Path) -> Path:
        if ".export-new-" in self.name:
            raise KeyboardInterrupt  # stands for the kill
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        export_bytes(loaded, out)
    monkeypatch.setattr(Path, "rename", real_rename)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == second  # old set put back whole
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_leftovers_of_a_kill_are_tidied(loaded: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = export_bytes(loaded, out)
    out.rename(tmp_path / ".out.export-old-1-dead")  # as if killed between the two renames
    (tmp_path / ".out.export-new-1-dead").mkdir()
    (tmp_path / ".out.export-new-1-dead" / "contracts.csv").write_bytes(b"half")
    assert export_bytes(loaded, out) == first
    assert sorted(p.name for p in tmp_path.iterdir() if "out" in p.name) == ["out"]


def test_export_into_a_folder_with_other_files_uses_a_new_folder(loaded: Store, tmp_path: Path) -> None:
    desktop = tmp_path / "Desktop"
    desktop.mkdir()
    (desktop / "notes.txt").write_text("mine")
    with loaded.session() as session:
        written = export_ledger(session, desktop)
        plain = export_ledger(session, tmp_path / "plain")  # an empty folder takes the ledger itself
    assert (desktop / "notes.txt").read_text() == "mine"
    assert written[0].parent.parent == desktop and written[0].parent.name.startswith("ledger-")
    assert [path.name for path in written] == [path.name for path in plain] and len(plain) >= 8
