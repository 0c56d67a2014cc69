"""``main.py list``: one tab-separated line per contract (number, total, status, term, title)."""

from __future__ import annotations

import argparse

from services.register import contracts
from services.store import Store

HELP = "list the contracts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options beyond ``--db``."""


def run(store: Store, args: argparse.Namespace) -> int:
    """Print the register in the list's default order; 0."""
    with store.session() as session:
        ids = contracts.search_ids(session)
        rows = contracts.list_rows(session, ids)
    for contract_id in ids:
        row = rows[contract_id]
        term = f"{row.start_date or ''}..{row.end_date or ''}"
        print(f"{row.contract_no}\t{row.total_amount}\t{row.status}\t{term}\t{row.title}")
    return 0
