"""Backups of the store: made with SQLite's online backup API, listed, pruned, restored.

A backup is a single SQLite file (journal mode DELETE, mode 0600) in the *backups folder*
beside the store, ``<store folder>/backups/`` (0700), named
``<store stem>-YYYYMMDD-HHMMSS[-<kind>][-<n>].db`` in local time, ``kind`` being:

* none — made on request (``backup_now``, ``main.py backup``): never pruned;
* ``daily`` — the first start of each day (``daily_backup``);
* ``before-<reason>`` — before an import with replace, a permanent delete, a restore
  (``backup_before``).

The automatic ones (daily and before-*) are pruned after each new one (``prune``): every
automatic backup of the ``keep_daily`` most recent days that have one is kept, and of the older
ones the newest of each of the ``keep_weekly`` most recent ISO weeks.

The backup API copies one consistent snapshot of the store, the WAL included, while other
connections keep writing; a plain file copy of a live WAL database could be torn. A backup is
written under a temporary name (``.<name>.<pid>.partial``) and renamed when complete, so a
crash never leaves a partial file with a backup's name; the next backup removes the partial
files of processes that are gone.

Attachments (documents filed with a contract) do not exist yet: when they do, they are backed
up and restored in ``_copy_attachments`` / ``_restore_attachments`` (one place each).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from services import store_stats
from services.errors import define
from services.store import (
    STORE_DAMAGED,
    STORE_HALF_CREATED,
    STORE_NOT_SQLITE,
    Store,
    StoreError,
    check_schema,
    head_revision,
    inspect_file,
    is_server_url,
    known_revisions,
    open_store,
)
from services.store_files import COMPANIONS, copy_database, make_private_folder, process_alive, sqlite_uri

BACKUP_FOLDER = "backups"
KEEP_DAILY = 14
KEEP_WEEKLY = 8
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<kind>daily|before-[a-z]+))?(?:-(?P<n>\d+))?\.db$")
_REASON = re.compile(r"^[a-z]+$")

BACKUP_FAILED = define(
    "BACKUP_FAILED",
    "无法备份台账数据库 {path} 到 {target}：{reason}",
    "Could not back up the store {path} to {target}: {reason}")
BACKUP_EXISTS = define(
    "BACKUP_EXISTS",
    "{target} 已存在；备份不会覆盖已有文件，请换一个文件名。",
    "{target} already exists; a backup never overwrites a file. Choose another name.")
BACKUP_UNREADABLE = define(
    "BACKUP_UNREADABLE",
    "{path} 不是可用的合同台账备份：{reason}",
    "{path} is not a usable ContractDesk backup: {reason}")
BACKUP_MISSING = define(
    "BACKUP_MISSING",
    "备份文件 {path} 不存在。",
    "The backup file {path} does not exist.")
BACKUP_EMPTY = define(
    "BACKUP_EMPTY",
    "{path} 是一个空的 SQLite 数据库，不含合同台账数据，未恢复。",
    "{path} is an empty SQLite database with no ContractDesk data; nothing was restored.")
BACKUP_DAMAGED = define(
    "BACKUP_DAMAGED",
    "备份 {path} 已损坏（完整性检查：{result}），未恢复。",
    "The backup {path} is damaged (integrity check: {result}); nothing was restored.")
BACKUP_IS_STORE = define(
    "BACKUP_IS_STORE",
    "{path} 就是台账数据库本身，不能用它恢复自己。",
    "{path} is the store itself; it cannot be restored from itself.")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: ``path``; ``taken_at`` (local time, from its name); ``size_bytes``;
    ``contract_count`` read from the file itself (None if it cannot be read); ``kind``
    (``"manual"``, ``"daily"`` or ``"before-<reason>"``)."""

    path: Path
    taken_at: dt.datetime
    size_bytes: int
    contract_count: int | None
    kind: str = "manual"

    @property
    def automatic(self) -> bool:
        """True for the backups that pruning may remove (daily and before-*)."""
        return self.kind != "manual"


def backups_folder(store_path: Path) -> Path:
    """``<store folder>/backups``: where a store's automatic and default backups go."""
    return Path(store_path).parent / BACKUP_FOLDER


def _now() -> dt.datetime:
    """The clock (a seam for tests)."""
    return dt.datetime.now()


def _free_name(folder: Path, stem: str, when: dt.datetime, kind: str | None) -> Path:
    base = f"{stem}-{when.strftime(_STAMP)}" + (f"-{kind}" if kind else "")
    candidate = folder / f"{base}.db"
    n = 2
    while candidate.exists():
        candidate = folder / f"{base}-{n}.db"
        n += 1
    return candidate


def _write_backup(store: Store, target: Path) -> Path:
    """Copy ``store`` into the new file ``target`` via a temporary name; ``target``.

    A register on a server is dumped instead (``services.backup_pg.dump``, a ``.dump`` archive)."""
    if store.on_server:
        from services.backup_pg import dump

        return dump(store, target.with_suffix(".dump") if target.suffix == ".db" else target)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    _remove_dead_partials(target.parent)
    raw = store.engine.raw_connection()
    try:
        copy_database(raw.driver_connection, partial)  # type: ignore[arg-type]
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(BACKUP_FAILED, path=store.path, target=target, reason=exc) from exc
    finally:
        raw.close()
    _copy_attachments(store.path, target)
    return target


def _remove_dead_partials(folder: Path) -> None:
    """Remove the ``.<name>.<pid>.partial`` files of backup processes that were killed."""
    for leftover in folder.glob(".*.partial"):
        pid = leftover.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not process_alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _copy_attachments(store_path: Path, backup: Path) -> None:
    """Attachments do not exist yet. When they do, copy them beside ``backup`` here."""


def _restore_attachments(backup: Path, store_path: Path) -> None:
    """Attachments do not exist yet. When they do, put the backup's ones back here."""


def backup_now(store: Store, target: Path | None = None) -> Path:
    """Back ``store`` up now; the path of the new backup file (0600).

    ``target``: the file to write (must not exist), else a new file in ``backups_folder``
    (created 0700), never pruned. Works on a read-only store too. Raises ``StoreError``
    ``BACKUP_EXISTS`` or ``BACKUP_FAILED`` (folder not writable, disk full).
    """
    if target is not None:
        target = Path(target)
        if target.exists():
            raise StoreError(BACKUP_EXISTS, target=target)
        try:
            make_private_folder(target.parent)
        except OSError as exc:
            raise StoreError(BACKUP_FAILED, path=store.path, target=target, reason=exc) from exc
        return _write_backup(store, target)
    return _automatic(store, None, prune_after=False)


def _automatic(store: Store, kind: str | None, *, prune_after: bool = True,
               keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY) -> Path:
    folder = backups_folder(store.path)
    try:
        make_private_folder(folder)
    except OSError as exc:
        raise StoreError(BACKUP_FAILED, path=store.path, target=folder, reason=exc) from exc
    made = _write_backup(store, _free_name(folder, store.path.stem, _now(), kind))
    if prune_after:
        prune(store.path, keep_daily=keep_daily, keep_weekly=keep_weekly)
    return made


def daily_backup(store: Store, *, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY) -> Path | None:
    """The first start of the day's backup: a ``daily`` backup unless one was taken today.

    Returns the new backup, or None (today's exists, or the store is read-only: it cannot
    have changed). Prunes the automatic backups afterwards. Raises ``StoreError``
    ``BACKUP_FAILED``.
    """
    if store.read_only or store.on_server:  # a server's backups are its administrator's (services.backup_pg)
        return None
    today = _now().date()
    if any(info.kind == "daily" and info.taken_at.date() == today
           for info in list_backups(store, count=False)):
        return None
    return _automatic(store, "daily", keep_daily=keep_daily, keep_weekly=keep_weekly)


def backup_before(store: Store, reason: str, *, keep_daily: int = KEEP_DAILY,
                  keep_weekly: int = KEEP_WEEKLY) -> Path | None:
    """A ``before-<reason>`` backup ahead of a destructive change; its path.

    ``reason``: lowercase letters, e.g. ``"import"`` (import with replace), ``"delete"``
    (permanent delete), ``"restore"``. Returns None on a read-only store (the change will be
    refused anyway). Prunes the automatic backups afterwards. Raises ``ValueError`` for a bad
    ``reason``, ``StoreError`` ``BACKUP_FAILED``.
    """
    if not _REASON.match(reason):
        raise ValueError(f"backup reason must be lowercase letters: {reason!r}")
    if store.read_only:
        return None
    return _automatic(store, f"before-{reason}", keep_daily=keep_daily, keep_weekly=keep_weekly)


def contract_count(path: Path) -> int | None:
    """The number of contracts in the backup (or store) file ``path`` as its list shows them (not
    those in the Trash), read-only; None if it cannot be read as a ContractDesk store."""
    try:
        connection = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True)
        try:
            columns = {row[1] for row in connection.execute("PRAGMA table_info(contracts)")}
            live = " WHERE deleted_at IS NULL" if "deleted_at" in columns else ""  # the Trash: not in the list
            return int(connection.execute(f"SELECT count(*) FROM contracts{live}").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def list_backups(store: Store | Path, *, count: bool = True) -> list[BackupInfo]:
    """The backups of ``store`` (a Store or a store path) in its backups folder, oldest first.

    ``count=False`` skips opening each file (``contract_count`` None). Files of other stores
    in the same folder and unrelated files are left out.
    """
    store_path = store.path if isinstance(store, Store) else Path(store)
    folder = backups_folder(store_path)
    found = []
    for path in folder.glob("*.db") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != store_path.stem:
            continue
        taken_at = dt.datetime.strptime(match["stamp"], _STAMP)
        found.append((int(match["n"] or 1), BackupInfo(
            path=path, taken_at=taken_at, size_bytes=path.stat().st_size,
            contract_count=contract_count(path) if count else None, kind=match["kind"] or "manual")))
    return [info for _, info in sorted(found, key=lambda pair: (pair[1].taken_at, pair[0], pair[1].path.name))]


def to_prune(backups: list[BackupInfo], *, keep_daily: int = KEEP_DAILY,
             keep_weekly: int = KEEP_WEEKLY) -> list[BackupInfo]:
    """The automatic backups that retention removes (manual ones are always kept).

    Kept: every automatic backup of the ``keep_daily`` most recent days that have one; of the
    older ones, the newest of each of the ``keep_weekly`` most recent ISO weeks.
    """
    automatic = sorted((info for info in backups if info.automatic), key=lambda info: info.taken_at, reverse=True)
    days = sorted({info.taken_at.date() for info in automatic}, reverse=True)[:keep_daily]
    kept = {info.path for info in automatic if info.taken_at.date() in days}
    weeks: set[tuple[int, int]] = set()
    for info in automatic:
        if info.path in kept:
            continue
        week = info.taken_at.isocalendar()[:2]
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.add(week)
            kept.add(info.path)
    return [info for info in reversed(automatic) if info.path not in kept]


def prune(store_path: Path, *, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY) -> list[Path]:
    """Remove the automatic backups of ``store_path`` that retention does not keep (``to_prune``);
    the files removed. A file that cannot be removed is skipped."""
    removed = []
    for info in to_prune(list_backups(store_path, count=False), keep_daily=keep_daily, keep_weekly=keep_weekly):
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError:
            continue
    return removed


def check_backup(path: Path) -> str:
    """Check that ``path`` is a sound ContractDesk backup this version can restore; its schema revision.

    Raises ``StoreError``: ``BACKUP_MISSING``, ``BACKUP_EMPTY``, ``BACKUP_UNREADABLE`` (an
    SQLite error while checking), ``STORE_NOT_SQLITE``,
    ``STORE_DAMAGED``, ``BACKUP_DAMAGED``
    (``PRAGMA integrity_check`` not ok), ``STORE_FOREIGN``/``STORE_HALF_CREATED``/``STORE_NEWER``.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(BACKUP_MISSING, path=path)
    revision, tables = inspect_file(path)
    try:
        connection = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise StoreError(BACKUP_UNREADABLE, path=path, reason=exc) from exc
    if result != [("ok",)]:
        raise StoreError(BACKUP_DAMAGED, path=path, result="; ".join(str(row[0]) for row in result[:3]))
    check_schema(path, revision, tables)
    if revision is None:  # an empty database: nothing of ours in it
        raise StoreError(BACKUP_EMPTY, path=path)
    return revision


#: Codes of a store that ``restore`` moves aside (it cannot be backed up) instead of refusing.
UNREADABLE = (STORE_NOT_SQLITE, STORE_DAMAGED, STORE_HALF_CREATED)


def set_aside(store_path: Path) -> Path:
    """Rename an unreadable store (and its ``-wal``/``-shm``) to ``<name>.unreadable-<stamp>``; the new name."""
    aside = store_path.with_name(f"{store_path.name}.unreadable-{_now().strftime(_STAMP)}")
    for suffix in ("", *COMPANIONS):
        companion = Path(f"{store_path}{suffix}")
        if companion.exists():
            companion.rename(Path(f"{aside}{suffix}"))
    return aside


def restore(store_path: Path, backup_file: Path) -> Path | None:
    """Replace the content of the store at ``store_path`` by that of ``backup_file``.

    First checks the backup (``check_backup``: integrity, a ContractDesk store, not newer than
    this version), then backs the current store up (``before-restore``; returned, None when
    the store did not exist), then copies the backup into the store with the backup API (so
    a store open elsewhere in WAL mode is replaced consistently) and migrates it to this
    version's schema if the backup is older. A store that is not SQLite, damaged or
    half-created cannot be backed up: it is renamed aside (``set_aside``) and the backup
    restored into a new file; another program's database is refused (``STORE_FOREIGN``).
    Raises ``StoreError`` (the codes of ``check_backup``, ``BACKUP_IS_STORE``,
    ``BACKUP_FAILED``, the store's own when it cannot be opened or written, e.g. read-only or
    busy).
    """
    if is_server_url(str(store_path)):
        return _restore_server(str(store_path), Path(backup_file))
    store_path, backup_file = Path(store_path), Path(backup_file)
    if backup_file.exists() and store_path.exists() and os.path.samefile(backup_file, store_path):
        raise StoreError(BACKUP_IS_STORE, path=backup_file)
    revision = check_backup(backup_file)
    assert revision in known_revisions()
    existed = store_path.exists()
    try:
        store = open_store(store_path)
    except StoreError as exc:
        if exc.code not in UNREADABLE:
            raise
        set_aside(store_path)
        existed = False
        store = open_store(store_path)
    try:
        if store.read_only:
            raise store.read_only_error()
        safety = backup_before(store, "restore") if existed else None
        # Wait (busy_timeout) for another writer to finish before copying: sqlite3's backup()
        # itself would retry a locked destination for ever.
        with store.session(write=True):
            pass
        source = sqlite3.connect(sqlite_uri(backup_file, read_only=True), uri=True)
        raw = store.engine.raw_connection()
        try:
            source.backup(raw.driver_connection)  # type: ignore[arg-type]
        except sqlite3.Error as exc:
            translated = store.translate(exc)
            if translated is exc:
                raise StoreError(BACKUP_FAILED, path=backup_file, target=store_path, reason=exc) from exc
            raise translated from exc
        finally:
            raw.close()
            source.close()
        _restore_attachments(backup_file, store_path)
    finally:
        store.close()
    if revision != head_revision():
        open_store(store_path).close()  # migrates (copying the restored file aside first)
    return safety


def _restore_server(url: str, archive: Path) -> Path | None:
    """``restore`` for a register on a server: a ``before-restore`` dump, then ``pg_restore`` of the
    ``pg_dump`` archive ``archive``, then the migrations and the roles' grants again."""
    from services.backup_pg import restore_dump
    from services.store_roles import grant_all

    if not archive.is_file():
        raise StoreError(BACKUP_MISSING, path=archive)
    store = open_store(url)
    try:
        safety = backup_before(store, "restore")
        restore_dump(url, archive)
    finally:
        store.close()
    store = open_store(url)
    try:
        with store.engine.begin() as connection:
            grant_all(connection)
            store_stats.refresh(connection)  # pg_restore leaves the tables without statistics (issue 18)
            from services.store_notify import notify_everything

            notify_everything(connection)  # other users' windows reload the restored register
    finally:
        store.close()
    return safety
