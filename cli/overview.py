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
from cli.words import META_DATE, META_FILE, WROTE, WROTE_PAGES, display_width, is_chinese, pad, say, status_label
from services.errors import define
from services.ledger.values import parse_date
from services.payments.overview import OverviewFilter, overview
from services.payments.overview_tables import Sheet, cell_text, overview_sheets
from services.store import Store

HELP = define("CLI_HELP_OVERVIEW",
              "台账总览：合同金额、已付、未付、逾期；账龄、即将到期、保证金（文本、.xlsx、PDF）",
              "the overview of the register: value, paid, outstanding, overdue; ageing, due soon, bonds "
              "(text, .xlsx, PDF)")
STATUSES = ("draft", "active", "completed", "terminated")
HELP_YEAR = define("CLI_HELP_OVERVIEW_YEAR", "只计 Y 年签订的合同", "only contracts signed in year Y")
HELP_SUPPLIER = define("CLI_HELP_OVERVIEW_SUPPLIER", "只计名称含此文字的供应商",
                       "only suppliers whose name contains NAME")
HELP_STATUS = define("CLI_HELP_OVERVIEW_STATUS", "只计此状态的合同：{statuses}",
                     "only contracts in this status: {statuses}")
HELP_TODAY = define("CLI_HELP_OVERVIEW_TODAY", "按哪一天统计（默认：今天）",
                    "the day the figures are for (default: today)")
HELP_XLSX = define("CLI_HELP_OVERVIEW_XLSX", "同时把总览写成 .xlsx 工作簿",
                   "also write the overview as an .xlsx workbook")
HELP_PDF = define("CLI_HELP_OVERVIEW_PDF", "同时把总览打印成 PDF（A4 横向）",
                  "also print the overview to a PDF (landscape A4)")
HELP_FONT = define("CLI_HELP_OVERVIEW_FONT", "PDF 使用的中文 TrueType 字体", "the Chinese TrueType font of the PDF")
META_NAME = define("CLI_META_NAME", "名称", "NAME")
META_STATUS = define("CLI_META_STATUS", "状态", "STATUS")
META_YEAR = define("CLI_META_YEAR", "年份", "Y")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``--year``, ``--supplier``, ``--status``, ``--today``, ``--xlsx``, ``--pdf``, ``--font``; ``--status``'s
    help names each status by its label."""
    statuses = ("、" if is_chinese(language) else ", ").join(f"{code} {status_label(code, language)}"
                                                           for code in STATUSES)
    parser.add_argument("--year", type=int, metavar=say(META_YEAR, language), help=say(HELP_YEAR, language))
    parser.add_argument("--supplier", metavar=say(META_NAME, language), help=say(HELP_SUPPLIER, language))
    parser.add_argument("--status", choices=STATUSES, metavar=say(META_STATUS, language),
                        help=say(HELP_STATUS, language, statuses=statuses))
    parser.add_argument("--today", metavar=say(META_DATE, language), help=say(HELP_TODAY, language))
    parser.add_argument("--xlsx", metavar=say(META_FILE, language), help=say(HELP_XLSX, language))
    parser.add_argument("--pdf", metavar=say(META_FILE, language), help=say(HELP_PDF, language))
    parser.add_argument("--font", metavar="TTF", help=say(HELP_FONT, language))


def table_lines(sheet: Sheet) -> list[str]:
    """One table as aligned text: its title, the header, a row per line (figures right-aligned)."""
    texts = [[c.header for c in sheet.columns]]
    texts += [[cell_text(value, column.kind) for column, value in zip(sheet.columns, row, strict=True)]
              for row in sheet.rows]
    widths = [max(display_width(row[k]) for row in texts) for k in range(len(sheet.columns))]
    out = [sheet.title]
    for row in texts:
        cells = [pad(text, widths[k], right=column.kind in ("money", "int"))
                 for k, (column, text) in enumerate(zip(sheet.columns, row, strict=True))]
        out.append("  " + "  ".join(cells).rstrip())
    if not sheet.rows:
        out.append("  —")
    return out


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

            print(say(WROTE, language, path=write_overview_xlsx(view, args.xlsx, language, flt)), file=sys.stderr)
        if args.pdf:
            from services.payments.overview_pdf import write_overview_pdf

            target = args.pdf
            result = write_overview_pdf(view, args.pdf, language, flt, font_path=args.font)
            for warning in result.warnings:
                print(warning_line(warning, args), file=sys.stderr)
            print(say(WROTE_PAGES, language, path=result.path, pages=result.pages), file=sys.stderr)
    except OSError as exc:
        return fail(cannot_write(target, exc), args)
    return 0
