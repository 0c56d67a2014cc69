"""``main.py list`` without SQLAlchemy: the same lines as ``cli.listing``, read with plain ``sqlite3``.

Why: importing SQLAlchemy and the models alone takes longer than the command's goal of 0.5 s
(issue 18). ``cli.app.run_command`` asks ``run`` first; it answers only the plain case — the
arguments are at most ``--db PATH``, the register is a SQLite file at the newest revision
(``services.register.first_screen``) and today's automatic backup is already taken (the first
command of the day takes it, ``services.backup.daily_backup``) — and returns None for anything
else, which then takes the normal path (``cli.listing`` over ``services.store.open_store``):
a server register, a store to upgrade, a missing or foreign file, ``--help``, a wrong option.
Both paths print each line with ``cli.list_lines.list_lines``, in the language of ``--lang`` or the
locale.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cli.language import cli_language
from cli.list_lines import list_lines
from services.app_names import APP_AUTHOR, APP_NAME, DB_ENV
from services.register import first_screen

__all__ = ["db_name", "run"]


def _options(args: list[str]) -> dict[str, str] | None:
    """``--db PATH``/``--db=PATH`` and ``--lang zh_CN|zh|en``/``--lang=…``, each at most once, as
    {option: value}; None when ``args`` hold anything else (the normal path answers, or refuses)."""
    found: dict[str, str] = {}
    rest = list(args)
    while rest:
        option, equals, value = rest.pop(0).partition("=")
        if option not in ("--db", "--lang") or option in found:
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        found[option] = value
    if found.get("--lang", "en") not in ("zh_CN", "zh", "en"):
        return None
    return found


def db_name(args: list[str]) -> str | None:
    """The store named by ``args`` (the arguments after ``list``): ``--db PATH`` / ``--db=PATH``,
    else ``$CONTRACTDESK_DB``, else the default store (``services.store.resolve_db_path``);
    None when ``args`` hold anything but that and ``--lang zh_CN|en``."""
    options = _options(args)
    if options is None:
        return None
    name = options.get("--db") or os.environ.get(DB_ENV)
    if not name:
        import platformdirs

        return str(platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / "contracts.db")
    return name


def run(args: list[str]) -> int | None:
    """Print the register as ``cli.listing.run`` does (one tab-separated line per contract:
    number, total in yuan, status label, ``start..end``, title; ``cli.list_lines``) and return 0;
    None when the normal path must answer (see the module's docstring). Nothing is printed then."""
    name = db_name(args)
    if name is None or name.strip().startswith(("postgresql:", "postgres:")):
        return None
    options = _options(args) or {}
    language = cli_language(options.get("--lang"))
    path = Path(name).expanduser()
    if not first_screen.daily_backup_taken(path):
        return None
    rows = first_screen.read_all(path)
    if rows is None:
        return None
    write = sys.stdout.write
    for line in list_lines(rows, language):
        write(line + "\n")
    return 0
