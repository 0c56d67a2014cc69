"""The overview printed to PDF: landscape A4, one page (two when the lists of bonds and endings
are long), the tables of ``services.payments.overview_tables`` side by side in two columns, and
the next 12 months' due vs paid as a bar chart (reportlab's ``VerticalBarChart``) with its table
beside it. Bars: due solid Okabe–Ito blue, paid light orange with a dark outline — told apart by
lightness, so they read in grey print and for colour-blind readers (Okabe–Ito orange).

Fonts, escaping and table widths are the print-outs' (``services.printing``): a subset of a
Chinese TrueType font is embedded, chosen for exactly the text printed; figures never wrap.
The footer says ``第 X 页 共 Y 页`` / ``Page X of Y``. The file is replaced in one step.
"""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from services.payments.overview import Overview, OverviewFilter
from services.payments.overview_tables import Sheet, cell_text, filter_text, overview_sheets, word
from services.printing.common import GRID, Printer, PrintResult
from services.printing.fonts import FontChoice, find_cjk_font
from services.printing.tables import text_table

__all__ = ["DUE_FILL", "PAID_FILL", "write_overview_pdf"]

PAGE = landscape(A4)
MARGIN = 12 * mm
WIDTH = PAGE[0] - 2 * MARGIN
GAP = 6 * mm
HALF = (WIDTH - GAP) / 2
DUE_FILL = colors.HexColor("#0072b2")  # Okabe–Ito blue (dark in grey print), as the window's chart
PAID_FILL = colors.HexColor("#f5c26b")  # light orange (Okabe–Ito #e69f00, lightened for grey print)


def _table(printer: Printer, sheet: Sheet, width: float) -> list[Flowable]:
    rows = [[c.header for c in sheet.columns]]
    rows += [[cell_text(value, column.kind) for column, value in zip(sheet.columns, row, strict=True)]
             for row in sheet.rows]
    if not sheet.rows:
        rows.append(["—"] + [""] * (len(sheet.columns) - 1))
    return [printer.p(sheet.title, "h3"), text_table(printer, rows, width=width)]


def _pair(printer: Printer, left: list[Flowable], right: list[Flowable]) -> Table:
    table = Table([[left, right]], colWidths=[HALF + GAP / 2, HALF + GAP / 2], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), printer.font_name),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, -1), GAP / 2), ("RIGHTPADDING", (1, 0), (1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _chart(printer: Printer, view: Overview, language: str, width: float) -> Drawing:
    """Due vs paid per month, a bar pair per month, months under the bars."""
    height = 72 * mm
    drawing = Drawing(width, height, initialFontName=printer.font_name)  # never Helvetica, unembedded
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 14 * mm, 9 * mm, width - 16 * mm, height - 14 * mm
    chart.data = [[float(f.due) for f in view.by_month],  # drawing coordinates only; the figures are in the table
                  [float(f.paid) for f in view.by_month]]
    chart.categoryAxis.categoryNames = [printer.record(f.label[2:]) for f in view.by_month]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = printer.font_name
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    top = max((max(f.due, f.paid) for f in view.by_month), default=Decimal(0))
    if top == 0:  # nothing due in the 12 months: an empty axis, not "0" six times
        chart.valueAxis.valueMax = 1
        chart.valueAxis.visibleLabels = False
    elif top < 100000:
        chart.valueAxis.labelTextFormat = lambda v: printer.record(f"{v:,.0f}")
    elif language.startswith("zh"):
        chart.valueAxis.labelTextFormat = lambda v: printer.record(f"{v / 10000:,.0f}万")
    else:
        chart.valueAxis.labelTextFormat = lambda v: printer.record(f"{v / 1000:,.0f}k")
    chart.bars[0].fillColor, chart.bars[1].fillColor = DUE_FILL, PAID_FILL
    chart.bars[0].strokeColor = chart.bars[1].strokeColor = colors.HexColor("#333333")
    chart.bars.strokeWidth = 0.4
    chart.barSpacing, chart.groupSpacing = 1, 6
    drawing.add(chart)
    from reportlab.graphics.charts.legends import Legend

    legend = Legend()
    legend.x, legend.y = width - 48 * mm, height - 1 * mm
    legend.fontName, legend.fontSize = printer.font_name, 7
    legend.columnMaximum, legend.boxAnchor = 1, "ne"
    legend.colorNamePairs = [(DUE_FILL, printer.record(word("due", language))),
                             (PAID_FILL, printer.record(word("paid", language)))]
    legend.dx = legend.dy = 6
    legend.deltax = 30 * mm
    drawing.add(legend)
    return drawing


def _story(printer: Printer, view: Overview, language: str, flt: OverviewFilter | None) -> list[Flowable]:
    sheets = {sheet.key: sheet for sheet in overview_sheets(view, language, flt)}
    subtitle = f"{word('as_of', language)} {view.today.isoformat()} · {filter_text(flt, language)}"
    story: list[Flowable] = [printer.p(word("title", language), "subtitle"), printer.p(subtitle, "small"),
                             Spacer(1, 1 * mm)]
    totals = sheets["totals"]  # the day and the filter are in the subtitle
    story += _table(printer, Sheet(totals.key, totals.title, totals.columns[2:], [totals.rows[0][2:]]), WIDTH)[1:]
    gap = Spacer(1, 2 * mm)
    story += [gap, _pair(printer, _table(printer, sheets["by_year"], HALF), _table(printer, sheets["by_budget"], HALF))]
    story += [gap, _pair(printer, _table(printer, sheets["by_supplier"], HALF),
                         _table(printer, sheets["ageing"], HALF) + _table(printer, sheets["due_next"], HALF))]
    chart = [printer.p(sheets["by_month"].title, "h3"), _chart(printer, view, language, HALF)]
    story += [gap, _pair(printer, chart, _table(printer, sheets["by_month"], HALF))]
    story += [gap, _pair(printer, _table(printer, sheets["bonds"], HALF), _table(printer, sheets["ending"], HALF))]
    return story


def _canvas(font_name: str, left: str, language: str) -> type[Canvas]:
    """Pages held back until the end, then each gets the footer with "page X of Y"."""

    class OverviewCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["initialFontName"] = font_name  # never Helvetica listed unembedded
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                right = f"第 {number} 页 共 {total} 页" if language.startswith("zh") else f"Page {number} of {total}"
                y = 7 * mm
                self.setStrokeColor(GRID)
                self.setLineWidth(0.4)
                self.line(MARGIN, y + 3.5 * mm, PAGE[0] - MARGIN, y + 3.5 * mm)
                self.setFont(font_name, 8)
                self.drawString(MARGIN, y, left)
                self.drawRightString(PAGE[0] - MARGIN, y, right)
                super().showPage()
            super().save()

    return OverviewCanvas


def write_overview_pdf(view: Overview, path: str | os.PathLike[str], language: str,
                       flt: OverviewFilter | None = None, *, font_path: str | None = None,
                       font: FontChoice | None = None) -> PrintResult:
    """Print ``view`` (computed under ``flt``) in ``language`` to ``path``; ``font_path``/``font`` as
    in ``services.printing.contract.write_contract_pdf``. Raises ``OSError`` when it cannot be written."""
    left = f"ContractDesk · {word('title', language)} · {view.today.isoformat()}"
    if font is None:
        probe = Printer("Helvetica")  # a first pass collects the text the font must have
        _story(probe, view, language, flt)
        font = find_cjk_font(font_path, probe.text() + left + "第页共万")
    printer = Printer(font.name, size=9.5)
    story = _story(printer, view, language, flt)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".print-", suffix=".pdf", dir=target.parent)
    os.close(handle)
    try:
        doc = SimpleDocTemplate(temporary, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=14 * mm, title=word("title", language), author="ContractDesk",
                                creator="ContractDesk", subject=view.today.isoformat())
        doc.build(story, canvasmaker=_canvas(font.name, left, language))
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return PrintResult(path=target, pages=doc.page, font=font, warnings=[font.warning] if font.warning else [])
