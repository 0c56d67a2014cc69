"""``main.py export DIR``: the register as a ledger folder (contracts.csv, parties.csv, …)."""

from __future__ import annotations

import argparse
from pathlib import Path

from services.ledger.write import export_ledger
from services.store import Store

HELP = "export the register as a ledger folder"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``DIR``: the folder to write."""
    parser.add_argument("folder", type=Path)


def run(store: Store, args: argparse.Namespace) -> int:
    """Write every table of the ledger into ``args.folder`` (or a new ``ledger-…`` folder inside
    it when it holds other files, see ``export_ledger``); 0."""
    with store.session() as session:
        written = export_ledger(session, args.folder)
    print(f"exported {len(written)} files to {written[0].parent if written else args.folder}")
    return 0
