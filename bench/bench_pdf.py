"""Time the print-outs against bare reportlab rendering the same tables (issue 3).

    uv run python bench/bench_pdf.py            # median of 5 runs
    uv run python bench/bench_pdf.py --runs 9
    uv run python bench/bench_pdf.py --profile  # also cProfile one run of each print-out

Timed, each after one warm-up run (the Chinese font is parsed once per process, as in the app):

* ``summary``: ``write_summary_pdf`` of the sample BJMEMC-2025174-ZC, as the app calls it (font
  chosen from the text, footer, every section). Baseline: a bare ``SimpleDocTemplate`` with the
  summary's key-facts table and line-item table (the same texts, as ``Paragraph`` cells in the
  same CJK TrueType font, A4, no footer, no probe pass).
* ``contract-300``: ``write_contract_pdf`` of a five-party contract with 300 line items.
  Baseline: a bare ``SimpleDocTemplate`` with one ``Table`` of the same 301 rows (header repeated,
  ``Paragraph`` cells with CJK wrapping in the same font, A4).

Targets: summary < 0.3 s, contract-300 < 2 s, each within 1.5x its baseline. Exit status 1 when a
target is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from services.ledger.importer import import_ledger
from services.money.english_amount import to_english_words
from services.printing.common import capitals, exact_number, figures, money
from services.printing.contract import LINE_ITEM_HEADER, write_contract_pdf
from services.printing.fonts import find_cjk_font
from services.printing.summary import write_summary_pdf
from services.register import contracts
from services.register.contract_data import ContractData
from services.store import open_store
from tests.conftest import SAMPLE_LEDGER
from tests.test_pdf_done import five_party_contract

SUMMARY_TARGET_S = 0.3
CONTRACT_TARGET_S = 2.0
RATIO_TARGET = 1.5
TODAY = dt.date(2025, 11, 1)


def median_ms(run: Callable[[], object], runs: int) -> float:
    run()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bare_doc(path: Path, tables: list[Table]) -> None:
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=22 * mm)
    doc.build(tables)


def bare_style(font: str) -> TableStyle:
    return TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#808080"), ("FONTNAME", (0, 0), (-1, -1), font),
                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])


def bare_line_table(data: ContractData, font: str) -> Table:
    """The contract's line-item table, bare: same rows, same column widths, Paragraph cells."""
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12.5, wordWrap="CJK")
    rows = [[Paragraph(text, cell) for text in LINE_ITEM_HEADER]]
    for item in data.line_items:
        rows.append([Paragraph(text, cell) for text in (
            str(item.seq), item.name, item.unit, exact_number(item.unit_price), exact_number(item.quantity),
            "" if item.periods is None else str(item.periods), figures(item.effective_amount))])
    table = Table(rows, colWidths=[w * mm for w in (10, 70, 12, 20, 19, 11, 28)], repeatRows=1)
    table.setStyle(bare_style(font))
    return table


def bare_summary_tables(data: ContractData, font: str) -> list[Table]:
    """The summary's key-facts table and line-item table, bare (same texts, Paragraph cells)."""
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12.5, wordWrap="CJK")
    facts = [("合同编号 Contract No.", data.contract_no), ("合同名称 Contract Title", data.title)]
    facts += [(party.role, party.name) for party in data.parties]
    facts += [("合同总价（含税） Total Amount", money(data.total_amount)),
              ("大写金额 In Chinese Capitals", capitals(data.total_amount)),
              ("英文金额 In Words", to_english_words(data.total_amount))]
    key = Table([[Paragraph(a, cell), Paragraph(b, cell)] for a, b in facts], colWidths=[46 * mm, 124 * mm])
    key.setStyle(bare_style(font))
    items = [[Paragraph("序号 No.", cell), Paragraph("名称 Item", cell), Paragraph("金额 Amount", cell)]]
    items += [[Paragraph(str(i.seq), cell), Paragraph(i.name, cell), Paragraph(money(i.effective_amount), cell)]
              for i in data.line_items]
    lines = Table(items, colWidths=[12 * mm, 118 * mm, 40 * mm], repeatRows=1)
    lines.setStyle(bare_style(font))
    return [key, lines]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile one run of each print-out")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    store = open_store(folder / "store.db")
    try:
        import_ledger(store, SAMPLE_LEDGER)
        with store.session() as session:
            summary_data = contracts.load_by_no(session, "BJMEMC-2025174-ZC")
    finally:
        store.close()
    big = five_party_contract(300)
    font = find_cjk_font(None, "").name  # the same TrueType font the print-outs choose (parsed once)

    cases = [
        ("summary (BJMEMC-2025174-ZC)", SUMMARY_TARGET_S,
         lambda: write_summary_pdf(summary_data, folder / "s.pdf", today=TODAY),
         lambda: bare_doc(folder / "s-bare.pdf", bare_summary_tables(summary_data, font))),
        ("contract, 5 parties, 300 lines", CONTRACT_TARGET_S,
         lambda: write_contract_pdf(big, folder / "c.pdf"),
         lambda: bare_doc(folder / "c-bare.pdf", [bare_line_table(big, font)])),
    ]
    failed = []
    print(f"median of {args.runs} runs, ms")
    print(f"{'print-out':34} {'ours':>8} {'bare':>8} {'ratio':>6}  target")
    for name, target_s, ours, bare in cases:
        ours_ms, bare_ms = median_ms(ours, args.runs), median_ms(bare, args.runs)
        ratio = ours_ms / bare_ms
        ok = ours_ms < target_s * 1000 and ratio <= RATIO_TARGET
        print(f"{name:34} {ours_ms:8.0f} {bare_ms:8.0f} {ratio:6.2f}  "
              f"< {target_s * 1000:.0f} ms, <= {RATIO_TARGET}x  {'ok' if ok else 'MISSED'}")
        if not ok:
            failed.append(name)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(ours)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    if failed:
        print("targets missed:", ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
