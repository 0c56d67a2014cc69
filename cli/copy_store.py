"""``main.py copy-store FROM TO``: copy a whole register between an SQLite file and a PostgreSQL server.

FROM and TO are store paths or ``postgresql://user@host:port/dbname`` URLs; TO must be empty (it is
created if absent). Every table is verified by row count and checksum (``services.copy_store``); one
line per table is printed: name, rows, checksum.
"""

from __future__ import annotations

import argparse

from services.copy_store import copy_store

HELP = "copy a whole register FROM a store TO an empty one (SQLite file or postgresql:// URL), verified"

#: ``run`` gets the ``--db`` path, unused: FROM and TO are named on the command line.
OPENS_STORE = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``FROM`` and ``TO``: store paths or server URLs."""
    parser.add_argument("source", metavar="FROM")
    parser.add_argument("target", metavar="TO")


def run(_store_path: object, args: argparse.Namespace) -> int:
    """Copy and print the verified tables; 0 (a refusal is a ``UserError``)."""
    from services.store_pg import display_url

    copied = copy_store(args.source, args.target)
    for table in copied:
        print(f"{table.table}\t{table.rows}\t{table.checksum}")
    total = sum(table.rows for table in copied)
    print(f"copied {total} row(s) in {len(copied)} table(s) from {display_url(args.source)} to "
          f"{display_url(args.target)}; counts and checksums verified")
    return 0
