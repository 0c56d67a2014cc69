"""``main.py print CONTRACT_NO [--out FILE.pdf] [--summary] [--font PATH] [--force] [--seam] [--lang L]``.

A contract with check errors is not printed for signature unless ``--force`` is given; the errors
are listed on stderr either way (``services.printing.readiness``)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from cli.language import cli_language
from cli.messages import cannot_write, fail, warning_line
from services.amendments import register as amendment_register
from services.calendar.agenda import contract_deadlines
from services.printing.common import default_pdf_name
from services.printing.contract import write_contract_pdf
from services.printing.readiness import blockers_error, signature_blockers
from services.printing.summary import write_summary_pdf
from services.register import contracts
from services.store import Store

HELP = "write a contract for signature (or its summary) as PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``CONTRACT_NO``, ``--out``, ``--summary``, ``--font``, ``--force``, ``--seam``, ``--lang``."""
    parser.add_argument("contract_no", metavar="CONTRACT_NO")
    parser.add_argument("--out", metavar="FILE.pdf", type=Path,
                        help="the PDF to write (default: the contract number, in the current folder)")
    parser.add_argument("--summary", action="store_true", help="the bilingual summary instead of the contract")
    parser.add_argument("--font", metavar="PATH", help="a TrueType font with Chinese glyphs (default: a system font)")
    parser.add_argument("--force", action="store_true",
                        help="print the contract for signature even though its check finds errors")
    parser.add_argument("--seam", action="store_true",
                        help="a seal band for the cross-page seal (骑缝章) on the outer margin of every page")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the messages (default: the locale's)")
    parser.add_argument("--amendment", metavar="NO", help="the supplementary agreement (补充协议) numbered NO instead")


def run(store: Store, args: argparse.Namespace) -> int:
    """The contract (or with ``--summary`` its bilingual summary, with ``--amendment`` a supplementary
    agreement) as PDF; 1 if unknown or unwritable, or if the contract has check errors and ``--force``
    is not given (the errors on stderr)."""
    if args.amendment:
        from cli.print_amendment import run as print_amendment

        return print_amendment(store, args)
    deadlines = None
    try:
        with store.session() as session:
            data = contracts.load_by_no(session, args.contract_no)
            contract_id = contracts.find_id(session, args.contract_no)
            assert contract_id is not None  # load_by_no found it
            recorded = amendment_register.amendments(session, contract_id)  # listed, in force or pending
            if args.summary:  # "Next milestones" with the events and done marks recorded in the store,
                # under the terms in force today (not a pending amendment's)
                deadlines = contract_deadlines(session, contract_id, today=dt.date.today(), reminder_days=0)
    except contracts.ContractError as exc:
        return fail(exc, args)
    if not args.summary:
        blockers = signature_blockers(data)
        if blockers:
            error = blockers_error(data, blockers, cli_language(getattr(args, "lang", None)))
            text = error.message(cli_language(getattr(args, "lang", None)))
            if not getattr(args, "force", False):
                print(f"error: {text}", file=sys.stderr)
                return 1
            print(f"warning: {text} (printed: --force)", file=sys.stderr)
    out = args.out or Path(default_pdf_name(data.contract_no, summary=args.summary))
    try:
        if args.summary:
            result = write_summary_pdf(data, out, font_path=args.font, deadlines=deadlines, amendments=recorded)
        else:
            result = write_contract_pdf(data, out, font_path=args.font, seam=getattr(args, "seam", False),
                                        amendments=recorded)
    except OSError as exc:
        return fail(cannot_write(out, exc), args)
    for warning in result.warnings:
        print(warning_line(warning, args), file=sys.stderr)
    print(f"wrote {result.path} ({result.pages} page(s))")
    return 0
