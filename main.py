"""ContractDesk (合同台账): start the window, or run a command over the same services.

    uv run main.py [--db PATH] [--lang zh_CN|en]      open the window
    uv run main.py import PATH [--replace]
    uv run main.py export DIR
    uv run main.py list
    uv run main.py check [CONTRACT_NO]
    uv run main.py print CONTRACT_NO [--out FILE.pdf] [--summary] [--font PATH]
    uv run main.py penalty CONTRACT_NO CLAUSE_REF (--days N | --from DATE --to DATE) [--amount OVERDUE]
    uv run main.py calendar [--from DATE] [--to DATE] [--ics FILE] [--reminder-days N]
    uv run main.py history [CONTRACT_NO] [--since DATE] [--csv FILE]
    uv run main.py verify | trash | restore-contract CONTRACT_NO | backup [--to FILE] | restore FILE
    uv run main.py payments | pay | overview | amendments | attach | attachments | admin | copy-store …

Every command takes ``--db PATH`` and ``--lang zh_CN|en`` (the language of everything it prints;
default: the locale's); ``main.py COMMAND --help`` lists its options. Exit status: 0 success,
1 input rejected (problems on stderr, one per line), 2 wrong usage.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from cli import COMMANDS, parse, print_help, run_command

__all__ = ["COMMANDS", "main", "run_command"]


def main(argv: list[str] | None = None) -> int:
    """Entry point: a subcommand if the first argument names one, else the window."""
    argv = _command_first(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return _quiet_broken_pipe(run_command, argv)
    if argv and not argv[0].startswith("-"):
        parse(argv)  # unknown command: argparse says so (in the run's language) and exits 2
    if any(arg in ("-h", "--help") for arg in argv):
        print_help(argv)  # the commands, and the window's options, in the run's language
        return 0
    from ui.app import run_app

    return run_app(argv)


def _quiet_broken_pipe(run: Callable[[list[str]], int], argv: list[str]) -> int:
    """``run(argv)``, but a reader that stops early (``main.py list | head``) ends the command quietly
    with status 141 (128 + SIGPIPE, as a Unix tool killed by the signal) instead of a traceback.
    The recipe of the Python documentation (``signal`` module, "Note on SIGPIPE")."""
    try:
        status = run(argv)
        sys.stdout.flush()  # a broken pipe found while flushing is raised here, not at exit
        return status
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at devnull so that flush cannot fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _command_first(argv: list[str]) -> list[str]:
    """``--db X --lang zh_CN import PATH`` → ``import PATH --db X --lang zh_CN``: the options every
    command takes may come before the subcommand too. Any other argv is returned unchanged."""
    rest, moved = list(argv), []
    while rest and rest[0].split("=")[0] in ("--db", "--lang"):
        option = rest.pop(0)
        moved.append(option)
        if "=" not in option and rest:
            moved.append(rest.pop(0))
    if moved and rest and rest[0] in COMMANDS:
        return [*rest, *moved]
    return argv


if __name__ == "__main__":
    sys.exit(main())
