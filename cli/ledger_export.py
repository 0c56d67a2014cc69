"""``main.py export PATH``: the register as a ledger — a folder of CSV files, a ``.zip`` of them,
or a ``.xlsx`` workbook, chosen by the suffix of ``PATH``."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.language import cli_language
from services.ledger.workbook_write import export_to
from services.store import Store

HELP = "export the register as a ledger: a folder of CSV files, a .zip of them, or a .xlsx workbook (by suffix)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``PATH``: the folder, ``.zip`` or ``.xlsx`` to write; ``--chinese``: Chinese sheet names and headers."""
    parser.add_argument("folder", type=Path, metavar="PATH",
                        help="a folder (CSV files), NAME.zip (the CSV files zipped) or NAME.xlsx (a workbook)")
    parser.add_argument("--chinese", action="store_true", default=None,
                        help="workbook with Chinese sheet names and headers (default: when the language is Chinese)")


def run(store: Store, args: argparse.Namespace) -> int:
    """Write the ledger to ``args.folder`` in the form its suffix names (a folder holding other
    files gets a new ``ledger-…`` folder inside it, see ``export_ledger``); 0."""
    chinese = args.chinese if args.chinese is not None else cli_language(getattr(args, "lang", None)).startswith("zh")
    with store.session() as session:
        written = export_to(session, args.folder, chinese=chinese)
    if written and written[0].suffix.lower() in (".xlsx", ".zip") and written[0] == Path(args.folder):
        print(f"exported the ledger to {written[0]}")
        for side in written[1:]:  # a workbook's attached files, in the .zip beside it
            print(f"the contracts' attached files: {side} (keep it beside the workbook)")
    else:
        print(f"exported {len(written)} files to {written[0].parent if written else args.folder}")
    return 0
