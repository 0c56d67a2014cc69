"""``main.py history [CONTRACT_NO] [--since DATE] [--csv FILE]``: who changed what, when.

One tab-separated line per change, oldest first: local time, user, action, contract number, and
for a change of a field ``field: before → after`` (``line_items[2].quantity: 1.5 → 3``; ∅ empty;
line breaks in a value shown as ``\n``).
An entry without field-level details (delete, restore, purge) is one line with the last column
empty. ``--csv FILE`` writes the same as CSV (UTF-8 with BOM, CRLF) instead of printing.
``CONTRACT_NO``: every entry recorded under that number (a contract deleted permanently included)
and every entry of the contract that has it now (under an earlier number too). Exit status 1 for a
contract number never seen (not in the register, the Trash or the history).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.calendar import _date
from cli.messages import cannot_write, fail
from services import history as history_log
from services.register import contracts
from services.register.trash import UnknownContractError
from services.store import Store

__all__ = ["HELP", "add_arguments", "history_lines", "run"]

HELP = "who changed what and when (the history), one line per change"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``CONTRACT_NO`` (optional), ``--since DATE`` (local day, YYYY-MM-DD) and ``--csv FILE``."""
    parser.add_argument("contract_no", metavar="CONTRACT_NO", nargs="?", help="one contract (default: every change)")
    parser.add_argument("--since", metavar="DATE", type=_date, help="changes on or after DATE (local time)")
    parser.add_argument("--csv", metavar="FILE", type=Path, help="write CSV (UTF-8 with BOM) instead of printing")


def history_lines(rows: list[history_log.HistoryRow]) -> list[str]:
    """The printed form of ``rows``: one tab-separated line per change (see the module docstring)."""
    lines = []
    for row in rows:
        prefix = "\t".join([row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), row.user, str(row.action),
                            row.contract_no or "-"])
        changes = history_log.change_lines(row)
        if not changes:
            lines.append(f"{prefix}\t")
        for field, before, after in changes:
            change = f"{field}: {before} → {after}".replace("\r", "").replace("\n", "\\n")  # one line per change
            lines.append(f"{prefix}\t{change}")
    return lines


def run(store: Store, args: argparse.Namespace) -> int:
    """Print (or with ``--csv`` write) the history; 0, or 1 for an unknown contract number or a
    file that cannot be written (message on stderr)."""
    with store.session() as session:
        contract_id = None
        if args.contract_no is not None:
            number = args.contract_no
            contract_id = contracts.find_id(session, number) or contracts.trashed_id(session, number)
            seen = history_log.history(session, contract_no=args.contract_no, limit=1)
            if contract_id is None and not seen:
                return fail(UnknownContractError(args.contract_no), args)
        rows = history_log.history(session, contract_no=args.contract_no, since=args.since)
        if contract_id is not None:  # also its entries under an earlier number
            by_id = {row.id: row for row in history_log.history(session, contract_id=contract_id, since=args.since)}
            rows = sorted({**by_id, **{row.id: row for row in rows}}.values(), key=lambda row: row.id)
    if args.csv is not None:
        try:
            history_log.write_history_csv(rows, args.csv)
        except OSError as exc:
            return fail(cannot_write(args.csv, exc), args)
        print(f"{len(rows)} history entries written to {args.csv}", file=sys.stderr)
        return 0
    for line in history_lines(rows):
        print(line)
    return 0
