"""The command line's parser and dispatcher: ``main.py COMMAND …`` over the same services as the window.

Each command is a module of ``cli`` with ``HELP`` (one line), ``add_arguments(parser)`` and
``run(store, args) -> int`` (the exit status); ``COMMANDS`` maps the command's name to it. A new
command is a new module and one line here. A module with ``OPENS_STORE = False`` gets the store's
path instead of an open store (``restore``: the store may be unopenable); the first command of
the day on a store backs it up first (``services.backup.daily_backup``) unless its module says
``DAILY_BACKUP = False`` (``backup``). Exit status: 0 success,
1 input rejected (problems on stderr, one per line; a store that cannot be opened or written and
any other ``UserError`` is one line ``error: …``), 2 wrong usage (argparse).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

#: Command name -> module of ``cli`` implementing it.
COMMANDS: dict[str, str] = {
    "import": "cli.ledger_import",
    "export": "cli.ledger_export",
    "list": "cli.listing",
    "print": "cli.printing",
    "check": "cli.check",
    "penalty": "cli.penalty",
    "calendar": "cli.calendar",
    "history": "cli.history",
    "verify": "cli.verify",
    "trash": "cli.trash",
    "restore-contract": "cli.restore_contract",
    "backup": "cli.backup",
    "restore": "cli.restore",
    "payments": "cli.payments",
    "pay": "cli.pay",
    "overview": "cli.overview",
    "amendments": "cli.amendments",
    "attach": "cli.attach",
    "attachments": "cli.attachments",
    "admin": "cli.admin",
    "copy-store": "cli.copy_store",
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(COMMANDS[name])


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line: ``--db PATH`` on every command, each command's own options.

    ``only``: build just that command's options (the others are listed without theirs) — each
    command module imports its services, so building all of them would cost every command the
    start-up time of all (``main.py list`` in well under a second, issue 18).
    """
    top = argparse.ArgumentParser(prog="contractdesk", description="ContractDesk contract register")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH",
                        help="store file or postgresql://user@host:port/dbname "
                        "(default: $CONTRACTDESK_DB, else the user data folder)")
    sub = top.add_subparsers(dest="command")
    for name in COMMANDS:
        if only is not None and name != only:
            sub.add_parser(name)
            continue
        module = _module(name)
        module.add_arguments(sub.add_parser(name, parents=[common], help=module.HELP))
    return top


def _daily_backup(store: object) -> None:
    """The day's first backup (``services.backup.daily_backup``); a failure is a warning only."""
    from cli.language import cli_language
    from services.backup import daily_backup
    from services.errors import UserError

    try:
        daily_backup(store)  # type: ignore[arg-type]
    except UserError as exc:
        print(f"warning: {exc.message(cli_language(None))}", file=sys.stderr)


def run_command(argv: list[str]) -> int:
    """Parse ``argv`` (a subcommand and its options), open the store, run the command; the exit status.

    A ``UserError`` (bad store path, foreign/newer/busy/read-only store, refused backup …) is
    printed as one line ``error: <text> [CODE]`` on stderr, in the language of ``--lang`` or the
    locale, with exit status 1.
    """
    if argv and argv[0] == "list":  # a SQLite register at head: plain sqlite3, no SQLAlchemy (issue 18)
        from cli.quick_list import run as quick_list

        quick = quick_list(argv[1:])
        if quick is not None:
            return quick
    args = parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    from cli.language import cli_language
    from services.errors import UserError
    from services.store import CHECKS_AFTER_UPGRADE, open_store, register_after_upgrade, resolve_db_path

    register_after_upgrade(CHECKS_AFTER_UPGRADE)

    module = _module(args.command)
    try:
        path = resolve_db_path(args.db)
        if not getattr(module, "OPENS_STORE", True):
            status: int = module.run(path, args)
            return status
        store = open_store(path)
        try:
            if getattr(module, "DAILY_BACKUP", True):
                _daily_backup(store)
            status = module.run(store, args)
            return status
        finally:
            store.close()
    except UserError as exc:
        print(f"error: {exc.message(cli_language(getattr(args, 'lang', None)))}", file=sys.stderr)
        return 1
