"""The command line's parser and dispatcher: ``main.py COMMAND …`` over the same services as the window.

Each command is a module of ``cli`` with ``HELP`` (one line), ``add_arguments(parser)`` and
``run(store, args) -> int`` (the exit status); ``COMMANDS`` maps the command's name to it. A new
command is a new module and one line here. Exit status: 0 success, 1 input rejected (problems on
stderr, one per line), 2 wrong usage (argparse).
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
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(COMMANDS[name])


def parser() -> argparse.ArgumentParser:
    """The whole command line: ``--db PATH`` on every command, each command's own options."""
    top = argparse.ArgumentParser(prog="contractdesk", description="ContractDesk contract register")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH",
                        help="store file (default: $CONTRACTDESK_DB, else the user data folder)")
    sub = top.add_subparsers(dest="command")
    for name in COMMANDS:
        module = _module(name)
        module.add_arguments(sub.add_parser(name, parents=[common], help=module.HELP))
    return top


def run_command(argv: list[str]) -> int:
    """Parse ``argv`` (a subcommand and its options), open the store, run the command; the exit status."""
    args = parser().parse_args(argv)
    from services.store import StoreError, open_store, resolve_db_path

    try:
        store = open_store(resolve_db_path(args.db))
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        status: int = _module(args.command).run(store, args)
        return status
    finally:
        store.close()
