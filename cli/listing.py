"""``main.py list``: one tab-separated line per contract (number, total, status, term, title)."""

from __future__ import annotations

import argparse

from services.register import listing
from services.store import Store

HELP = "list the contracts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options beyond ``--db``."""


def run(store: Store, args: argparse.Namespace) -> int:
    """Print the register in the list's default order, each contract under the terms in force today
    (as the window's list shows it, not a pending amendment's); 0."""
    query = listing.ListQuery()
    with store.session() as session:
        rows = listing.page(session, query, 0, listing.count(session, query))
    for row in rows:
        term = f"{row.start_date or ''}..{row.end_date or ''}"
        print(f"{row.contract_no}\t{row.total_amount}\t{row.status}\t{term}\t{row.title}")
    return 0
