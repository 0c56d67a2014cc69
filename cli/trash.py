"""``main.py trash``: the contracts in the Trash, most recently deleted first.

One tab-separated line each: contract number, title, when deleted (local time), by whom.
"""

from __future__ import annotations

import argparse
import sys

from services.register.trash import trash_rows
from services.store import Store

HELP = "list the contracts in the Trash"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options beyond ``--db``."""


def run(store: Store, args: argparse.Namespace) -> int:
    """Print the Trash; 0."""
    with store.session() as session:
        rows = trash_rows(session)
    for row in rows:
        when = row.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{row.contract_no}\t{row.title}\t{when}\t{row.deleted_by or ''}")
    print(f"{len(rows)} contract(s) in the Trash", file=sys.stderr)
    return 0
