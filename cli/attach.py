"""``main.py attach CONTRACT_NO FILE [--kind K] [--note TEXT]``: keep a file with a contract."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.messages import fail
from services.attachments import files
from services.register import contracts
from services.store import Store

HELP = "keep a file (scan, invoice, report …) with a contract"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``CONTRACT_NO``, ``FILE``, ``--kind``, ``--note``."""
    parser.add_argument("contract_no", metavar="CONTRACT_NO")
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("--kind", choices=tuple(files.KINDS), default="other",
                        help="what the file is (default other)")
    parser.add_argument("--note", help="a note kept with it")


def run(store: Store, args: argparse.Namespace) -> int:
    """Add the file; says when the store already held it (kept once). 1 if the contract is unknown;
    a file too large or unreadable is a ``UserError`` (``error: …``, 1)."""
    with store.session(write=True) as session:
        contract_id = contracts.find_id(session, args.contract_no)
        if contract_id is None:
            return fail(contracts.ContractNotFoundError(contract_no=args.contract_no), args)
        added = files.add_file(session, contract_id, args.file, kind=args.kind, note=args.note)
    row = added.row
    if added.already_here:
        print(f"{args.contract_no} already keeps this file as {row.file_name} ({row.sha256[:12]}…): nothing added")
    elif not added.stored:
        print(f"kept {row.file_name} with {args.contract_no} ({files.size_text(row.size)}); "
              f"the store already held the same file, stored once")
    else:
        print(f"kept {row.file_name} with {args.contract_no} ({files.size_text(row.size)}, sha256 {row.sha256})")
    return 0
