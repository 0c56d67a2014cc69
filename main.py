"""ContractDesk (合同台账): start the window, or run a command over the same services.

    uv run main.py [--db PATH] [--lang zh_CN|en]      open the window
    uv run main.py import PATH [--replace] [--db PATH]
    uv run main.py export DIR [--db PATH]
    uv run main.py list [--db PATH]
    uv run main.py check [CONTRACT_NO] [--lang zh_CN|en] [--db PATH]
    uv run main.py print CONTRACT_NO [--out FILE.pdf] [--summary] [--font PATH] [--db PATH]
    uv run main.py penalty CONTRACT_NO CLAUSE_REF (--days N | --from DATE --to DATE) [--amount OVERDUE]
                   [--lang zh_CN|en] [--db PATH]
    uv run main.py calendar [--from DATE] [--to DATE] [--ics FILE] [--reminder-days N] [--lang zh_CN|en] [--db PATH]

Exit status: 0 success, 1 input rejected (problems on stderr, one per line), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

COMMANDS = ("import", "export", "list", "print", "check", "penalty", "calendar")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="contractdesk", description="ContractDesk contract register")
    db_help = "store file (default: $CONTRACTDESK_DB, else the user data folder)"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help=db_help)
    sub = parser.add_subparsers(dest="command")
    imp = sub.add_parser("import", parents=[common], help="import a ledger (folder, .zip or one CSV file)")
    imp.add_argument("path", type=Path)
    imp.add_argument("--replace", action="store_true", help="update contracts already in the store")
    exp = sub.add_parser("export", parents=[common], help="export the register as a ledger folder")
    exp.add_argument("folder", type=Path)
    sub.add_parser("list", parents=[common], help="list the contracts")
    chk = sub.add_parser("check", parents=[common], help="check figures, capitals, dates and parties; 1 on errors")
    chk.add_argument("contract_no", metavar="CONTRACT_NO", nargs="?", help="one contract (default: every one)")
    chk.add_argument("--lang", choices=("zh_CN", "en"), help="language of the messages (default: the locale's)")
    prt = sub.add_parser("print", parents=[common], help="write a contract for signature (or its summary) as PDF")
    prt.add_argument("contract_no", metavar="CONTRACT_NO")
    prt.add_argument("--out", metavar="FILE.pdf", type=Path,
                     help="the PDF to write (default: the contract number, in the current folder)")
    prt.add_argument("--summary", action="store_true", help="the bilingual summary instead of the contract")
    prt.add_argument("--font", metavar="PATH", help="a TrueType font with Chinese glyphs (default: a system font)")
    pen = sub.add_parser("penalty", parents=[common],
                         help="liquidated damages under a clause, with the working; the amount on the last line")
    pen.add_argument("contract_no", metavar="CONTRACT_NO")
    pen.add_argument("clause_ref", metavar="CLAUSE_REF", help="e.g. 8.1.2; statutory-sme for the statutory SME rate")
    pen.add_argument("--days", metavar="N", help="days late or interrupted (a fraction allowed)")
    pen.add_argument("--from", dest="due", metavar="DATE", help="the due date (with --to)")
    pen.add_argument("--to", dest="actual", metavar="DATE", help="the actual date")
    pen.add_argument("--amount", metavar="OVERDUE", help="the overdue amount in yuan, when the base needs it")
    pen.add_argument("--lang", choices=("zh_CN", "en"), help="language of the working (default: the locale's)")
    from cli.calendar import add_arguments as calendar_arguments

    calendar_arguments(sub.add_parser("calendar", parents=[common], help="deadlines of every contract in date order, "
                                      "or an .ics file (--ics)"))
    return parser


def run_command(argv: list[str]) -> int:
    """Run one command-line subcommand; returns the exit status."""
    args = _parser().parse_args(argv)
    from services.ledger.files import LedgerFileError
    from services.ledger.importer import LedgerError, import_ledger
    from services.store import StoreError, open_store, resolve_db_path

    try:
        store = open_store(resolve_db_path(args.db))
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        if args.command == "import":
            try:
                result = import_ledger(store, args.path, replace=args.replace)
            except LedgerFileError as exc:
                print(exc, file=sys.stderr)
                return 1
            except LedgerError as exc:
                for problem in exc.problems:
                    print(problem, file=sys.stderr)
                print(f"rejected: nothing imported ({len(exc.problems)} problem(s))", file=sys.stderr)
                return 1
            for warning in result.warnings:
                print(f"warning: {warning}", file=sys.stderr)
            print(f"imported {len(result.added)} new, {len(result.updated)} updated contract(s) into {store.path}")
            if result.with_problems:
                print(f"{len(result.with_problems)} with problems: see main.py check")
            return 0
        if args.command == "export":
            from services.ledger.write import export_ledger

            with store.session() as session:
                written = export_ledger(session, args.folder)
            print(f"exported {len(written)} files to {args.folder}")
            return 0
        if args.command == "print":
            return _print(store, args)
        if args.command == "penalty":
            from cli.penalty import penalty_command

            return penalty_command(store, args.contract_no, args.clause_ref, days=args.days, due=args.due,
                                   actual=args.actual, amount=args.amount, language=args.lang)
        if args.command == "calendar":
            from cli.calendar import calendar_command

            return calendar_command(store, args)
        if args.command == "check":
            from services.checks.run import check_command

            return check_command(store, args.contract_no, args.lang)
        return _list(store)
    finally:
        store.close()


def _list(store: object) -> int:
    from services.register import contracts

    with store.session() as session:  # type: ignore[attr-defined]
        ids = contracts.search_ids(session)
        rows = contracts.list_rows(session, ids)
    for contract_id in ids:
        row = rows[contract_id]
        term = f"{row.start_date or ''}..{row.end_date or ''}"
        print(f"{row.contract_no}\t{row.total_amount}\t{row.status}\t{term}\t{row.title}")
    return 0


def _print(store: object, args: argparse.Namespace) -> int:
    """``print``: the contract (or with ``--summary`` its bilingual summary) as PDF; 1 if unknown."""
    from services.printing.common import default_pdf_name
    from services.register import contracts

    extra = {}
    try:
        with store.session() as session:  # type: ignore[attr-defined]
            data = contracts.load_by_no(session, args.contract_no)
            if args.summary:  # "Next milestones" with the events and done marks recorded in the store
                import datetime as dt

                from services.calendar.agenda import contract_deadlines

                contract_id = contracts.find_id(session, args.contract_no)
                extra["deadlines"] = contract_deadlines(session, contract_id, today=dt.date.today(),
                                                        reminder_days=0, data=data)
    except contracts.ContractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.summary:
        from services.printing.summary import write_summary_pdf as write
    else:
        from services.printing.contract import write_contract_pdf as write
    out = args.out or Path(default_pdf_name(data.contract_no, summary=args.summary))
    try:
        result = write(data, out, font_path=args.font, **extra)
    except OSError as exc:
        print(f"error: cannot write {out}: {exc}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {result.path} ({result.pages} page(s))")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point: a subcommand if the first argument names one, else the window."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        return run_command(argv)
    if argv and not argv[0].startswith("-"):
        _parser().parse_args(argv)  # unknown command: argparse says so and exits 2
    from ui.app import run_app

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
