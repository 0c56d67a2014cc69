"""``main.py attachments CONTRACT_NO [--extract DIR]``: the files kept with a contract."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.messages import cannot_write, fail
from services.attachments import files
from services.register import contracts
from services.store import Store

HELP = "list the files kept with a contract (--extract DIR writes them out)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``CONTRACT_NO`` and ``--extract DIR``."""
    parser.add_argument("contract_no", metavar="CONTRACT_NO")
    parser.add_argument("--extract", metavar="DIR", type=Path, help="write the files into this folder")


def run(store: Store, args: argparse.Namespace) -> int:
    """One tab-separated line per file (name, kind, size, date added, sha256, note); with ``--extract``
    the files are written and their paths printed. 1 if the contract is unknown or the folder unwritable."""
    with store.session() as session:
        contract_id = contracts.find_id(session, args.contract_no)
        if contract_id is None:
            return fail(contracts.ContractNotFoundError(contract_no=args.contract_no), args)
        rows = files.attachments(session, contract_id)
        try:
            written = files.extract(session, contract_id, args.extract) if args.extract else []
        except OSError as exc:
            return fail(cannot_write(args.extract, exc), args)
    if not rows:
        print(f"{args.contract_no}: no files")
    for row in rows:
        print(f"{row.file_name}\t{files.kind_label(row.kind, 'en')}\t{files.size_text(row.size)}\t"
              f"{row.added_date or ''}\t{row.sha256}\t{row.note or ''}")
    for path in written:
        print(f"wrote {path}")
    return 0
