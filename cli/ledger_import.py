"""``main.py import PATH [--replace]``: a ledger folder, a .zip of one, or one table's .csv into the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from services.ledger.files import LedgerFileError
from services.ledger.importer import LedgerError, import_ledger
from services.store import Store

HELP = "import a ledger (folder, .zip or one CSV file)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``PATH`` and ``--replace``."""
    parser.add_argument("path", type=Path)
    parser.add_argument("--replace", action="store_true", help="update contracts already in the store")


def run(store: Store, args: argparse.Namespace) -> int:
    """Import all or nothing: 1 with every problem on stderr (``file:row:column: reason``), else 0."""
    try:
        result = import_ledger(store, args.path, replace=args.replace)
    except LedgerFileError as exc:
        print(exc, file=sys.stderr)
        return 1
    except LedgerError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"rejected: nothing imported ({len(exc.problems)} problem(s))", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"imported {len(result.added)} new, {len(result.updated)} updated contract(s) into {store.path}")
    if result.with_problems:
        print(f"{len(result.with_problems)} with problems: see main.py check")
    return 0
