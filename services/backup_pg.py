"""Backups of a register on a PostgreSQL server: ``pg_dump`` / ``pg_restore`` (issue 17).

A server register's backup is a ``pg_dump`` archive (custom format, ``.dump``, 0600) written into
its local backups folder (``services.store_pg.local_path``) or the file named. The dump is taken
by the server in one snapshot while others keep working. No daily automatic dump: the server's own
backups are its administrator's duty; ``main.py backup`` (and the backups before an import with
replace, a permanent delete, a restore) make one when ``pg_dump`` is installed, and say what to
install when it is not. The password, if any, reaches the tools through ``PGPASSWORD`` or
``~/.pgpass`` as for the app itself — never on a command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from services.errors import define
from services.store import Store, StoreError
from services.store_files import create_private_file, make_private_folder
from services.store_pg import display_url, engine_url

PG_TOOL_MISSING = define(
    "PG_TOOL_MISSING",
    "找不到 {tool}，无法备份或恢复服务器台账 {url}。请安装与服务器版本相同的 PostgreSQL 客户端"
    "（Debian/UOS：apt install postgresql-client），或请服务器管理员备份。",
    "{tool} was not found, so the server register {url} cannot be backed up or restored here. Install the "
    "PostgreSQL client of the server's version (Debian/UOS: apt install postgresql-client), or ask the "
    "server's administrator for a backup.")
PG_TOOL_FAILED = define(
    "PG_TOOL_FAILED",
    "{tool} 未能完成（{url}）：{reason}",
    "{tool} failed ({url}): {reason}")

#: Seconds a dump or restore may take before it is given up.
TIMEOUT = 3600


def tool(name: str) -> str | None:
    """The path of the PostgreSQL client program ``name`` (``pg_dump``, ``pg_restore``), or None."""
    return shutil.which(name)


def _environment(url: URL) -> dict[str, str]:
    """The libpq variables naming the server; the URL's password (if it has one) as ``PGPASSWORD``."""
    env = dict(os.environ)
    for key, value in (("PGHOST", url.host), ("PGPORT", url.port), ("PGUSER", url.username),
                       ("PGDATABASE", url.database), ("PGPASSWORD", url.password)):
        if value is not None:
            env[key] = str(value)
    return env


def _run(name: str, url_text: str, arguments: list[str]) -> None:
    program = tool(name)
    shown = display_url(url_text)
    if program is None:
        raise StoreError(PG_TOOL_MISSING, tool=name, url=shown)
    try:
        done = subprocess.run([program, *arguments], env=_environment(engine_url(url_text)), capture_output=True,
                              text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StoreError(PG_TOOL_FAILED, tool=name, url=shown, reason=exc) from exc
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise StoreError(PG_TOOL_FAILED, tool=name, url=shown, reason=reason)


def dump(store: Store, target: Path) -> Path:
    """``pg_dump`` the register of ``store`` into the new file ``target`` (0600; folder 0700); ``target``.

    Raises ``StoreError`` ``PG_TOOL_MISSING`` (no ``pg_dump``: the message says what to install) or
    ``PG_TOOL_FAILED`` (its last line of error, e.g. a server newer than the client).
    """
    assert store.url is not None, "dump is for a register on a server"
    make_private_folder(target.parent)
    create_private_file(target)
    try:
        _run("pg_dump", store.url, ["--format=custom", "--no-owner", "--no-privileges", "--file", str(target)])
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def restore_dump(url: str, archive: Path) -> None:
    """Replace the register at ``url`` by the ``pg_dump`` archive ``archive`` (one transaction:
    all or nothing). Raises ``StoreError`` ``PG_TOOL_MISSING`` / ``PG_TOOL_FAILED``."""
    _run("pg_restore", url, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                             "--dbname", str(engine_url(url).database), str(archive)])
