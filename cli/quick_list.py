"""``main.py list`` without SQLAlchemy: the same lines as ``cli.listing``, read with plain ``sqlite3``.

Why: importing SQLAlchemy and the models alone takes longer than the command's goal of 0.5 s
(issue 18). ``cli.app.run_command`` asks ``run`` first; it answers only the plain case — the
arguments are at most ``--db PATH``, the register is a SQLite file at the newest revision
(``services.register.first_screen``) and today's automatic backup is already taken (the first
command of the day takes it, ``services.backup.daily_backup``) — and returns None for anything
else, which then takes the normal path (``cli.listing`` over ``services.store.open_store``):
a server register, a store to upgrade, a missing or foreign file, ``--help``, a wrong option.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from services.app_names import APP_AUTHOR, APP_NAME, DB_ENV
from services.register import first_screen

__all__ = ["db_name", "run"]


def db_name(args: list[str]) -> str | None:
    """The store named by ``args`` (the arguments after ``list``): ``--db PATH`` / ``--db=PATH``,
    else ``$CONTRACTDESK_DB``, else the default store (``services.store.resolve_db_path``);
    None when ``args`` hold anything else."""
    name: str | None = None
    if len(args) == 2 and args[0] == "--db":
        name = args[1]
    elif len(args) == 1 and args[0].startswith("--db="):
        name = args[0].removeprefix("--db=")
    elif args:
        return None
    name = name or os.environ.get(DB_ENV)
    if not name:
        import platformdirs

        return str(platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / "contracts.db")
    return name


def run(args: list[str]) -> int | None:
    """Print the register as ``cli.listing.run`` does (one tab-separated line per contract:
    number, total in yuan, status code, ``start..end``, title) and return 0; None when the
    normal path must answer (see the module's docstring). Nothing is printed then."""
    name = db_name(args)
    if name is None or name.strip().startswith(("postgresql:", "postgres:")):
        return None
    path = Path(name).expanduser()
    if not first_screen.daily_backup_taken(path):
        return None
    rows = first_screen.read_all(path)
    if rows is None:
        return None
    write = sys.stdout.write
    for row in rows:
        term = f"{row.start_date or ''}..{row.end_date or ''}"
        write(f"{row.contract_no}\t{row.total_amount}\t{row.status}\t{term}\t{row.title}\n")
    return 0
