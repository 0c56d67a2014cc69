"""``main.py trash``: the contracts in the Trash, most recently deleted first.

One tab-separated line each: contract number, title, when deleted (local time), by whom; the
count on stderr in the language of ``--lang`` or the locale.
"""

from __future__ import annotations

import argparse
import sys

from cli.language import cli_language
from cli.words import say
from services.errors import define
from services.register.trash import trash_rows
from services.store import Store

HELP = define("CLI_HELP_TRASH", "列出回收站中的合同", "list the contracts in the Trash")
COUNT = define("CLI_TRASH_COUNT", "回收站中有 {count} 份合同", "{count} contract(s) in the Trash")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """No options beyond ``--db`` and ``--lang``."""


def run(store: Store, args: argparse.Namespace) -> int:
    """Print the Trash; 0."""
    with store.session() as session:
        rows = trash_rows(session)
    for row in rows:
        when = row.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{row.contract_no}\t{row.title}\t{when}\t{row.deleted_by or ''}")
    print(say(COUNT, cli_language(args.lang), count=len(rows)), file=sys.stderr)
    return 0
