"""``main.py print CONTRACT_NO --amendment NO [--out FILE.pdf] [--font PATH]``: a 补充协议 for signature."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.messages import cannot_write, fail, language_of, warning_line
from cli.words import WROTE_PAGES, say
from services.amendments import register
from services.amendments.printing import default_amendment_pdf_name, write_amendment_pdf
from services.errors import UserError
from services.register import contracts
from services.store import Store


def run(store: Store, args: argparse.Namespace) -> int:
    """The amendment ``args.amendment`` of ``args.contract_no`` as PDF; 1 if either is unknown or unwritable."""
    try:
        with store.session() as session:
            data = contracts.load_by_no(session, args.contract_no)
            contract_id = contracts.find_id(session, args.contract_no)
            assert contract_id is not None  # load_by_no found it
            amendment = register.find(session, contract_id, args.amendment)
    except (contracts.ContractError, UserError) as exc:
        return fail(exc, args)
    out = args.out or Path(default_amendment_pdf_name(amendment.amendment_no))
    try:
        result = write_amendment_pdf(data, amendment, out, font_path=args.font)
    except OSError as exc:
        return fail(cannot_write(out, exc), args)
    for warning in result.warnings:
        print(warning_line(warning, args), file=sys.stderr)
    print(say(WROTE_PAGES, language_of(args), path=result.path, pages=result.pages))
    return 0
