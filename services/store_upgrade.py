"""What happens around a store's upgrade and its opening on a new day, for an SQLite file
(``services.store``) and a PostgreSQL server (``services.store_pg``) alike.

* ``backup_before_upgrade``: the file copied aside before a migration touches it.
* ``register_after_upgrade`` / ``run_after_upgrade``: derived data a migration cannot compute
  (the checks' ``problem_level``, revision 0003), by hooks the application registers.
* ``refresh_list_status``: the list's stored status and terms in force moved to today.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from services.register import list_status, list_terms
from services.store_errors import StoreError
from services.store_files import copy_database

if TYPE_CHECKING:
    from services.store import Store

#: Run, each in its own transaction, after a store was upgraded to the newest revision.
_AFTER_UPGRADE: list[Callable[[Session], object] | str] = []
#: The derived data every entry point wants after an upgrade: the checks' ``problem_level``
#: (revision 0003). Named, not imported: the checks are heavy and an upgrade is rare.
CHECKS_AFTER_UPGRADE = "services.checks.run:refresh_problem_levels"


def register_after_upgrade(hook: Callable[[Session], object] | str) -> None:
    """Have ``hook(session)`` run after every upgrade of a store to head: derived data a migration
    cannot compute itself (``CHECKS_AFTER_UPGRADE``: the contracts' ``problem_level``).
    ``hook`` is a function or ``"module:function"``, imported only when an upgrade happens.
    Registering the same hook twice runs it once."""
    if hook not in _AFTER_UPGRADE:
        _AFTER_UPGRADE.append(hook)


def run_after_upgrade(store: Store) -> None:
    """Run every registered hook on ``store``, each in its own transaction (call after an upgrade
    to head). Whatever a hook raises propagates."""
    for hook in _AFTER_UPGRADE:
        with store.session() as session:
            _resolve(hook)(session)


def _resolve(hook: Callable[[Session], object] | str) -> Callable[[Session], object]:
    if not isinstance(hook, str):
        return hook
    module, _, name = hook.partition(":")
    function: Callable[[Session], object] = getattr(importlib.import_module(module), name)
    return function


def refresh_list_status(store: Store) -> None:
    """The list's stored status moved to today when the store opens on a new day (one small
    transaction; skipped — the list then derives the status itself — if another writer holds the store)."""
    try:
        with store.session() as session:
            today = dt.date.today()
            if list_status.stored_day(session) in (None, today) and not list_terms.stale(session, today):
                return
        with store.session(write=True) as session:
            list_status.refresh(session)
    except (DBAPIError, StoreError):
        return


def backup_before_upgrade(engine: Engine, path: Path, revision: str) -> Path:
    """Copy the SQLite store at ``path`` (at ``revision``) aside before a migration, as
    ``<name>.backup-<revision>-<YYYYmmdd-HHMMSS>.db`` beside it; returns that path.

    The SQLite online backup, so the WAL is included. Raises ``sqlite3.Error``/``OSError`` as the copy does."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.backup-{revision}-{stamp}{path.suffix or '.db'}")
    raw = engine.raw_connection()
    try:
        copy_database(raw.driver_connection, backup)  # type: ignore[arg-type]  # a sqlite3.Connection while open
    finally:
        raw.close()
    return backup
