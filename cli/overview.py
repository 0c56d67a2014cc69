"""The command line's ``overview``: the figures of View → Overview, as text, .xlsx or PDF.

    main.py overview [--year Y] [--supplier NAME] [--status STATUS] [--today DATE]
                     [--xlsx FILE] [--pdf FILE] [--font TTF] [--lang zh_CN|en]

Prints every table of the overview (totals, by year of signing, by budget year, by supplier,
overdue by age, due in the next 30/90 days, the next 12 months, bonds held, contracts ending),
each money figure with two decimals; ``--xlsx``/``--pdf`` also write the workbook / the
landscape A4 print-out of the same figures. Exit status 1 for a date that does not parse or a
file that cannot be written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from cli.language import cli_language
from cli.messages import cannot_write, fail, option_error, warning_line
from services.ledger.values import parse_date
from services.payments.overview import OverviewFilter, overview
from services.payments.overview_tables import Sheet, cell_text, overview_sheets
from services.store import Store

HELP = "the overview of the register: value, paid, outstanding, overdue; ageing, due soon, bonds (text, .xlsx, PDF)"
STATUSES = ("draft", "active", "completed", "terminated")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--year``, ``--supplier``, ``--status``, ``--today``, ``--xlsx``, ``--pdf``, ``--font``, ``--lang``."""
    parser.add_argument("--year", type=int, metavar="Y", help="only contracts signed in year Y")
    parser.add_argument("--supplier", metavar="NAME", help="only suppliers whose name contains NAME")
    parser.add_argument("--status", choices=STATUSES, help="only contracts in this status")
    parser.add_argument("--today", metavar="DATE", help="the day the figures are for (default: today)")
    parser.add_argument("--xlsx", metavar="FILE", help="also write the overview as an .xlsx workbook")
    parser.add_argument("--pdf", metavar="FILE", help="also print the overview to a PDF (landscape A4)")
    parser.add_argument("--font", metavar="TTF", help="the Chinese TrueType font of the PDF")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the labels (default: the locale's)")


def table_lines(sheet: Sheet) -> list[str]:
    """One table as aligned text: its title, the header, a row per line (figures right-aligned)."""
    texts = [[c.header for c in sheet.columns]]
    texts += [[cell_text(value, column.kind) for column, value in zip(sheet.columns, row, strict=True)]
              for row in sheet.rows]
    widths = [max(_width(row[k]) for row in texts) for k in range(len(sheet.columns))]
    out = [sheet.title]
    for row in texts:
        cells = []
        for k, (column, text) in enumerate(zip(sheet.columns, row, strict=True)):
            pad = " " * (widths[k] - _width(text))
            cells.append(pad + text if column.kind in ("money", "int") else text + pad)
        out.append("  " + "  ".join(cells).rstrip())
    if not sheet.rows:
        out.append("  —")
    return out


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def run(store: Store, args: argparse.Namespace) -> int:
    """``main.py overview``: see the module docstring."""
    language = "zh" if cli_language(args.lang).startswith("zh") else "en"
    try:
        today = parse_date(args.today) if args.today else dt.date.today()
    except ValueError as exc:
        return fail(option_error("--today", exc), args)
    flt = OverviewFilter(year=args.year, supplier=args.supplier or None, status=args.status)
    with store.session() as session:
        view = overview(session, today, flt)
    blocks = ["\n".join(table_lines(sheet)) for sheet in overview_sheets(view, language, flt)]
    print("\n\n".join(blocks))
    target = args.xlsx
    try:
        if args.xlsx:
            from services.payments.overview_export import write_overview_xlsx

            print(f"wrote {write_overview_xlsx(view, args.xlsx, language, flt)}", file=sys.stderr)
        if args.pdf:
            from services.payments.overview_pdf import write_overview_pdf

            target = args.pdf
            result = write_overview_pdf(view, args.pdf, language, flt, font_path=args.font)
            for warning in result.warnings:
                print(warning_line(warning, args), file=sys.stderr)
            print(f"wrote {result.path} ({result.pages} page(s))", file=sys.stderr)
    except OSError as exc:
        return fail(cannot_write(target, exc), args)
    return 0
