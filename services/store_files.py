"""The store's files on disk: user-only permissions, read-only detection, SQLite URIs, the writer note.

The store holds bank accounts and tax ids, so everything ContractDesk creates beside it is
readable by the user only: folders 0700, files 0600 (POSIX; on Windows the user profile's
ACLs already keep the data folder private, and ``chmod`` only toggles the read-only flag).

The *writer note* (``<store>.writer``, JSON ``{"user", "pid", "host", "since"}``) is written by a
process while it holds the store's write lock, so a process that finds the store busy can say
who holds it. It is advisory: a stale note (its process gone) is ignored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path

#: Mode of the folders ContractDesk creates (data folder, backups) and of its files.
FOLDER_MODE = 0o700
FILE_MODE = 0o600
#: Suffixes of SQLite's companion files of a store in WAL mode.
COMPANIONS = ("-wal", "-shm")

POSIX = os.name == "posix"


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) if absent; the folders created are 0700.

    An existing folder is left as it is (it may be shared on purpose). Raises ``OSError``
    (``FileExistsError``/``NotADirectoryError`` when a parent is a file, ``PermissionError``).
    """
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    if POSIX:
        for created in missing:
            os.chmod(created, FOLDER_MODE)


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty with mode 0600 if it does not exist; True if this call created it.

    SQLite gives the ``-wal``/``-shm`` files the mode of the database file, so a store created
    this way keeps all its files user-only. Raises ``OSError`` when it cannot be created.
    """
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    if POSIX:
        os.chmod(path, FILE_MODE)  # whatever the umask
    return True


def tighten(path: Path) -> None:
    """Make ``path`` and its ``-wal``/``-shm`` 0600 if they are readable by others and ours.

    Stores created before this version were 0644. Errors (not the owner, read-only file
    system) are ignored: tightening is a courtesy, not a condition of opening.
    """
    if not POSIX:
        return
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in COMPANIONS)):
        try:
            info = candidate.stat()
            if info.st_mode & 0o077 and info.st_uid == os.getuid():
                os.chmod(candidate, FILE_MODE)
        except OSError:
            continue


def _access(path: Path, mode: int) -> bool:
    """``os.access`` (a seam: tests run as root, for whom every file is writable)."""
    return os.access(path, mode)


def read_only_reason(path: Path) -> str | None:
    """Why the existing store at ``path`` can only be read, or None if it can be written.

    ``"file"``: the file is not writable; ``"folder"``: its folder is not writable (SQLite
    needs to create the ``-wal``/``-shm`` files beside it).
    """
    if not _access(path, os.W_OK):
        return "file"
    if not _access(path.parent, os.W_OK):
        return "folder"
    return None


def sqlite_uri(path: Path, *, read_only: bool, immutable: bool = False) -> str:
    """The ``file:`` URI of ``path`` for ``sqlite3.connect(uri, uri=True)``, percent-encoded.

    ``read_only`` adds ``mode=ro``; ``immutable`` adds ``immutable=1`` (no locking and no
    ``-shm``: for a store in a folder we cannot write, where SQLite could not create one).
    """
    uri = path.resolve().as_uri()
    options = []
    if read_only:
        options.append("mode=ro")
    if immutable:
        options.append("immutable=1")
    return uri + ("?" + "&".join(options) if options else "")


@dataclass(frozen=True)
class Writer:
    """Who holds (or last held) a store's write lock: login name, process id, host, since when."""

    user: str
    pid: int
    host: str
    since: str


def writer_note_path(store_path: Path) -> Path:
    """``<store>.writer``: the note of the process holding the write lock."""
    return store_path.with_name(store_path.name + ".writer")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (e.g. a container without a passwd entry)
        return str(os.getuid()) if POSIX else "?"


def write_writer_note(store_path: Path) -> None:
    """Record this process as the writer of ``store_path`` (best effort: errors ignored)."""
    note = {"user": _user(), "pid": os.getpid(), "host": socket.gethostname(),
            "since": dt.datetime.now().isoformat(timespec="seconds")}
    target = writer_note_path(store_path)
    try:
        create_private_file(target)
        target.write_text(json.dumps(note), encoding="utf-8")
    except OSError:
        pass


def clear_writer_note(store_path: Path) -> None:
    """Remove the writer note if it is this process's (best effort)."""
    target = writer_note_path(store_path)
    writer = read_writer_note(store_path, only_live=False)
    if writer is not None and writer.pid == os.getpid() and writer.host == socket.gethostname():
        with contextlib.suppress(OSError):
            target.unlink()


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` of this host still runs (always True where we cannot tell)."""
    if not POSIX:
        return True  # no cheap check; the note is only informative
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_writer_note(store_path: Path, *, only_live: bool = True) -> Writer | None:
    """The writer recorded for ``store_path``, or None (no note, unreadable, or — with
    ``only_live`` — its process on this host is gone)."""
    try:
        data = json.loads(writer_note_path(store_path).read_text(encoding="utf-8"))
        writer = Writer(user=str(data["user"]), pid=int(data["pid"]), host=str(data["host"]),
                        since=str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if only_live and writer.host == socket.gethostname() and not process_alive(writer.pid):
        return None
    return writer


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy the database of ``source`` into a new file ``target`` (0600) with SQLite's online
    backup API: one consistent snapshot, the WAL included, even while others write.

    The copy is a single file (journal mode DELETE). Raises ``sqlite3.Error`` / ``OSError``.
    """
    create_private_file(target)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
