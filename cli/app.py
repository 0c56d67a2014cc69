"""The command line's parser and dispatcher: ``main.py COMMAND …`` over the same services as the window.

Each command is a module of ``cli`` with ``HELP`` (the code of its one-line help, ``cli.words``),
``add_arguments(parser, language)`` (its options, their help in ``language``) and
``run(store, args) -> int`` (the exit status); ``COMMANDS`` maps the command's name to it. A new
command is a new module and one line here. A module with ``OPENS_STORE = False`` gets the store's
path instead of an open store (``restore``: the store may be unopenable); the first command of
the day on a store backs it up first (``services.backup.daily_backup``) unless its module says
``DAILY_BACKUP = False`` (``backup``). Exit status: 0 success,
1 input rejected (problems on stderr, one per line; a store that cannot be opened or written and
any other ``UserError`` is one line ``error: …``), 2 wrong usage (argparse). Every line — help,
usage, information, errors — is in the language of ``--lang`` (any command takes it) or the locale.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

# The command line's words (``cli.words``, ``cli.argparse_words``) are imported where they are used:
# ``main.py list``'s quick path imports this module and must start in well under a second (issue 18).

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


#: The one-line description of the program, above the commands in ``--help``.


def argv_language(argv: list[str]) -> str:
    """The language of a run before its options are parsed (argparse's own words, ``--help``):
    the last ``--lang X`` / ``--lang=X`` in ``argv`` when it names one, else the locale's
    (``cli.language.cli_language``)."""
    from cli.language import cli_language
    from cli.words import lang_value

    choice: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            choice = lang_value(argv[index + 1])
        elif arg.startswith("--lang="):
            choice = lang_value(arg.removeprefix("--lang="))
    return cli_language(choice if choice in ("zh_CN", "en") else None)


def parser(only: str | None = None, language: str = "en") -> argparse.ArgumentParser:
    """The command line: ``--db PATH`` and ``--lang zh_CN|en`` on every command, each command's own
    options; help texts in ``language``.

    ``only``: build just that command's options (the others are listed without theirs) — each
    command module imports its services, so building all of them would cost every command the
    start-up time of all (``main.py list`` in well under a second, issue 18). Build and use it
    inside ``argparse_language(language)`` for argparse's own words in the same language.
    """
    from cli.argparse_words import formatter_for
    from cli.words import DESCRIPTION, META_COMMAND, WINDOW_EPILOG, add_common_options, say

    formatter = formatter_for(language)
    top = argparse.ArgumentParser(prog="contractdesk", description=say(DESCRIPTION, language),
                                  epilog=say(WINDOW_EPILOG, language), formatter_class=formatter)
    common = argparse.ArgumentParser(add_help=False)
    add_common_options(common, language)
    sub = top.add_subparsers(dest="command", metavar=say(META_COMMAND, language))
    for name in COMMANDS:
        if only is not None and name != only:
            sub.add_parser(name)
            continue
        module = _module(name)
        help_text = say(module.HELP, language)
        command = sub.add_parser(name, parents=[common], help=help_text, description=help_text,
                                 formatter_class=formatter)
        module.add_arguments(command, language)
    return top


def parse(argv: list[str]) -> argparse.Namespace:
    """``argv`` parsed (a subcommand and its options), every word of the parser — help, usage,
    errors — in the run's language (``argv_language``). Exits 2 on wrong usage, 0 after ``--help``."""
    from cli.argparse_words import argparse_language

    language = argv_language(argv)
    with argparse_language(language):
        return parser(argv[0] if argv and argv[0] in COMMANDS else None, language).parse_args(argv)


def print_help(argv: list[str]) -> None:
    """The program's help — its commands, and that without one the window opens — on stdout, in the
    language of ``--lang`` in ``argv`` or the locale (``main.py --help``, which the window's own
    options would otherwise answer)."""
    from cli.argparse_words import argparse_language

    language = argv_language(argv)
    with argparse_language(language):
        parser(None, language).print_help()


def _daily_backup(store: object, language: str) -> None:
    """The day's first backup (``services.backup.daily_backup``); a failure is a warning only."""
    from cli.words import WARNING_LINE, say
    from services.backup import daily_backup
    from services.errors import UserError

    try:
        daily_backup(store)  # type: ignore[arg-type]
    except UserError as exc:
        print(say(WARNING_LINE, language, text=exc.message(language)), file=sys.stderr)


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
    args = parse(argv)
    from cli.language import cli_language
    from cli.words import ERROR_LINE, say
    from services.errors import UserError

    language = cli_language(args.lang)
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
                _daily_backup(store, language)
            status = module.run(store, args)
            return status
        finally:
            store.close()
    except UserError as exc:
        print(say(ERROR_LINE, language, text=exc.message(language)), file=sys.stderr)
        return 1
