"""``main.py restore FILE``: replace the store's content by a backup's (after backing it up)."""

from __future__ import annotations

import argparse
from pathlib import Path

from services.backup import contract_count, restore
from services.register.contracts import count
from services.store import is_server_url, open_store

HELP = "replace the store's content by a backup (the current content is backed up first)"

#: ``run`` gets the store's path: a damaged store cannot be opened but may be restored.
OPENS_STORE = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``FILE``: the backup to restore."""
    parser.add_argument("file", type=Path, metavar="FILE")


def run(store_path: Path, args: argparse.Namespace) -> int:
    """Check and restore ``args.file`` into the store; 0 (a refusal is a ``StoreError``)."""
    safety = restore(store_path, args.file)
    if safety is not None:
        print(f"the store's previous content was backed up to {safety}")
    if is_server_url(str(store_path)):  # a pg_restore into a server register: count there
        store = open_store(store_path)
        try:
            with store.session() as session:
                restored: int | None = count(session)
        finally:
            store.close()
        print(f"restored {restored} contract(s) from {args.file} into {store.location}")
        return 0
    print(f"restored {contract_count(store_path)} contract(s) from {args.file} into {store_path}")
    return 0
