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
from cli.words import ERROR_LINE, META_CONTRACT_NO, META_PATH, WARNING_LINE, WROTE_PAGES, say
from services.amendments import register as amendment_register
from services.calendar.agenda import contract_deadlines
from services.errors import define
from services.printing.common import default_pdf_name
from services.printing.contract import write_contract_pdf
from services.printing.readiness import blockers_error, signature_blockers
from services.printing.summary import write_summary_pdf
from services.register import contracts
from services.store import Store

HELP = define("CLI_HELP_PRINT", "把合同（供签字）或其摘要写成 PDF",
              "write a contract for signature (or its summary) as PDF")
HELP_OUT = define("CLI_HELP_PRINT_OUT", "要写入的 PDF（默认：以合同编号命名，写在当前文件夹）",
                  "the PDF to write (default: the contract number, in the current folder)")
HELP_SUMMARY = define("CLI_HELP_PRINT_SUMMARY", "写中英双语摘要，而不是合同",
                      "the bilingual summary instead of the contract")
HELP_FONT = define("CLI_HELP_PRINT_FONT", "含中文字形的 TrueType 字体（默认：系统字体）",
                   "a TrueType font with Chinese glyphs (default: a system font)")
HELP_FORCE = define("CLI_HELP_PRINT_FORCE", "即使检查发现错误，也打印供签字的合同",
                    "print the contract for signature even though its check finds errors")
HELP_SEAM = define("CLI_HELP_PRINT_SEAM", "在每页外侧页边留出骑缝章位置",
                   "a seal band for the cross-page seal (骑缝章) on the outer margin of every page")
HELP_AMENDMENT = define("CLI_HELP_PRINT_AMENDMENT", "改为打印编号为 NO 的补充协议",
                        "the supplementary agreement (补充协议) numbered NO instead")
META_PDF = define("CLI_META_PDF", "文件.pdf", "FILE.pdf")
PRINTED_ANYWAY = define("CLI_PRINTED_FORCE", "{text}（已按 --force 打印）", "{text} (printed: --force)")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``CONTRACT_NO``, ``--out``, ``--summary``, ``--font``, ``--force``, ``--seam``, ``--amendment``."""
    parser.add_argument("contract_no", metavar=say(META_CONTRACT_NO, language))
    parser.add_argument("--out", metavar=say(META_PDF, language), type=Path, help=say(HELP_OUT, language))
    parser.add_argument("--summary", action="store_true", help=say(HELP_SUMMARY, language))
    parser.add_argument("--font", metavar=say(META_PATH, language), help=say(HELP_FONT, language))
    parser.add_argument("--force", action="store_true", help=say(HELP_FORCE, language))
    parser.add_argument("--seam", action="store_true", help=say(HELP_SEAM, language))
    parser.add_argument("--amendment", metavar="NO", help=say(HELP_AMENDMENT, language))


def run(store: Store, args: argparse.Namespace) -> int:
    """The contract (or with ``--summary`` its bilingual summary, with ``--amendment`` a supplementary
    agreement) as PDF; 1 if unknown or unwritable, or if the contract has check errors and ``--force``
    is not given (the errors on stderr)."""
    if args.amendment:
        from cli.print_amendment import run as print_amendment

        return print_amendment(store, args)
    language = cli_language(args.lang)
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
            text = blockers_error(data, blockers, language).message(language)
            if not args.force:
                print(say(ERROR_LINE, language, text=text), file=sys.stderr)
                return 1
            print(say(WARNING_LINE, language, text=say(PRINTED_ANYWAY, language, text=text)), file=sys.stderr)
    out = args.out or Path(default_pdf_name(data.contract_no, summary=args.summary))
    try:
        if args.summary:
            result = write_summary_pdf(data, out, font_path=args.font, deadlines=deadlines, amendments=recorded)
        else:
            result = write_contract_pdf(data, out, font_path=args.font, seam=args.seam, amendments=recorded)
    except OSError as exc:
        return fail(cannot_write(out, exc), args)
    for warning in result.warnings:
        print(warning_line(warning, args), file=sys.stderr)
    print(say(WROTE_PAGES, language, path=result.path, pages=result.pages))
    return 0
