"""Time the print-outs against plain reportlab building the same content (issues 3 and 18).

    uv run python bench/bench_pdf.py            # median of 5 turns
    uv run python bench/bench_pdf.py --runs 9
    uv run python bench/bench_pdf.py --profile  # also cProfile one run of each print-out

Each case runs the app (A) and its floor (B) in turn, A B A B …, after one warm-up of each (the
Chinese font is parsed once per process, as in the app):

* ``summary``: ``write_summary_pdf`` of the sample BJMEMC-2025174-ZC, as the app calls it.
* ``contract-300``: ``write_contract_pdf`` of a five-party contract with 300 line items.

The floor builds **the same content**: the print-out's own story (every section, table, bilingual
cell and heading, made by the print-out's story function, captured from its call of
``services.printing.common.render``) and its footer text on every page, with a plain
``SimpleDocTemplate`` in the font the print-out chose, the page total known beforehand (taken from
the print-out). What the floor leaves out is what the app adds: the probe pass that chooses the
font for the text, the footer's two-pass page numbering, the seal band option, writing beside the
target and moving it into place. Both must give the same number of pages.

Targets: summary < 0.3 s, contract-300 < 2 s, each within 1.5x its floor. Exit status 1 when a
target is missed or the page counts differ.
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
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate

from services.ledger.importer import import_ledger
from services.printing import contract as contract_printout
from services.printing import summary as summary_printout
from services.printing.common import BOTTOM_MARGIN, MARGIN, Printer, PrintResult
from services.printing.contract import write_contract_pdf
from services.printing.summary import write_summary_pdf
from services.register import contracts
from services.store import open_store
from tests.conftest import SAMPLE_LEDGER
from tests.test_pdf_done import five_party_contract

SUMMARY_TARGET_S = 0.3
CONTRACT_TARGET_S = 2.0
RATIO_TARGET = 1.5
TODAY = dt.date(2025, 11, 1)


def interleaved_ms(ours: Callable[[], object], floor: Callable[[], object], runs: int) -> tuple[float, float]:
    """Medians (ms) of ``runs`` turns of ``ours`` and ``floor`` in turn, after one warm-up of each."""
    ours(), floor()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for side, run in enumerate((ours, floor)):
            start = time.perf_counter()
            run()
            times[side].append((time.perf_counter() - start) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


@dataclass
class Captured:
    """What a print-out hands to ``render``: its story maker and footer."""

    make_story: Callable[[Printer], list[Flowable]]
    footer: Callable[[int, int], tuple[str, str]]


def capture(write: Callable[[Path], PrintResult], module: ModuleType, folder: Path) -> tuple[Captured, PrintResult]:
    """Run ``write`` once with ``module.render`` wrapped, to capture the story maker and the footer."""
    found: list[Captured] = []
    real = module.render

    def spy(path: Any, make_story: Any, footer: Any, **options: Any) -> PrintResult:
        found.append(Captured(make_story, footer))
        return real(path, make_story, footer, **options)

    module.render = spy
    try:
        result = write(folder / "capture.pdf")
    finally:
        module.render = real
    return found[0], result


def floor_pdf(path: Path, captured: Captured, font: str, total_pages: int) -> int:
    """The same story and footer text in ``font``, plain reportlab; returns the page count."""
    story = captured.make_story(Printer(font))

    def on_page(canvas: Any, doc: Any) -> None:
        left, right = captured.footer(doc.page, total_pages)
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawString(MARGIN, 12 * mm, left)
        canvas.drawRightString(A4[0] - MARGIN, 12 * mm, right)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=BOTTOM_MARGIN)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return int(doc.page)


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

    cases = [
        ("summary (BJMEMC-2025174-ZC)", SUMMARY_TARGET_S, summary_printout,
         lambda path: write_summary_pdf(summary_data, path, today=TODAY)),
        ("contract, 5 parties, 300 lines", CONTRACT_TARGET_S, contract_printout,
         lambda path: write_contract_pdf(big, path)),
    ]
    failed = []
    print(f"median of {args.runs} turns (app and floor in turn), ms")
    print(f"{'print-out':34} {'ours':>8} {'floor':>8} {'ratio':>6} {'pages':>6}  target")
    for name, target_s, module, write in cases:
        captured, result = capture(write, module, folder)
        font = result.font.name
        pages = floor_pdf(folder / "floor.pdf", captured, font, result.pages)
        ours_ms, floor_ms = interleaved_ms(lambda write=write: write(folder / "ours.pdf"),
                                           lambda c=captured, f=font, n=result.pages: floor_pdf(
                                               folder / "floor.pdf", c, f, n), args.runs)
        ratio = ours_ms / floor_ms
        ok = ours_ms < target_s * 1000 and ratio <= RATIO_TARGET and pages == result.pages
        print(f"{name:34} {ours_ms:8.0f} {floor_ms:8.0f} {ratio:6.2f} {result.pages:>3}/{pages:<2}  "
              f"< {target_s * 1000:.0f} ms, <= {RATIO_TARGET}x  {'ok' if ok else 'MISSED'}")
        if not ok:
            failed.append(name)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(write, folder / "profile.pdf")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    if failed:
        print("targets missed:", ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
