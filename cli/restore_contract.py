"""``main.py restore-contract CONTRACT_NO``: bring a contract back from the Trash with all its rows."""

from __future__ import annotations

import argparse
import sys

from cli.messages import fail
from services.register.contracts import ContractError
from services.register.trash import restore, trashed_by_no
from services.store import Store

HELP = "bring a contract back from the Trash"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``CONTRACT_NO``: the number of the contract in the Trash."""
    parser.add_argument("contract_no", metavar="CONTRACT_NO", help="number of the contract in the Trash")


def run(store: Store, args: argparse.Namespace) -> int:
    """0 when restored; 1 (message on stderr) when no contract has the number or it is not in the Trash."""
    try:
        with store.session() as session:
            restore(session, trashed_by_no(session, args.contract_no))
    except ContractError as exc:
        return fail(exc, args)
    print(f"restored {args.contract_no}", file=sys.stderr)
    return 0
