"""``main.py backup [--to FILE]``: a consistent copy of the store (SQLite online backup)."""

from __future__ import annotations

import argparse
from pathlib import Path

from services.backup import backup_now, contract_count
from services.store import Store

#: No automatic daily backup before this one: it is a backup.
DAILY_BACKUP = False

HELP = "back the store up (into the backups folder beside it, or --to FILE)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--to FILE``: the backup file to write (must not exist)."""
    parser.add_argument("--to", type=Path, metavar="FILE",
                        help="file to write (default: a new file in the backups folder beside the store)")


def run(store: Store, args: argparse.Namespace) -> int:
    """Write the backup and print its path and contract count; 0 (a refusal is a ``StoreError``)."""
    made = backup_now(store, args.to)
    if store.on_server:  # a pg_dump archive (services.backup_pg): count in the register itself
        from services.register.contracts import count

        with store.session() as session:
            print(f"backed up {count(session)} contract(s) of {store.location} to {made}")
        return 0
    print(f"backed up {contract_count(made)} contract(s) to {made}")
    return 0
