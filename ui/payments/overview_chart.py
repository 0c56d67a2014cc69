"""The overview's bar chart of the next 12 months, due vs paid, drawn by pyqtgraph (MIT licence;
Qt Charts is GPLv3 and ContractDesk is proprietary).

Colours from the Okabe–Ito palette, safe for colour-blind readers, and told apart in greyscale print
by fill as well as hue: *due* is solid blue (#0072B2, dark in grey), *paid* hatched orange
(#E69F00, light, diagonal lines). Heights are in 万元 (10,000 元) — floats for drawing only; the
exact figures are in the table beside the chart (``services.payments.overview``). The chart is a
picture to read, not a plot to explore: no mouse panning, zooming or context menu.
"""

from __future__ import annotations

from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from services.payments.overview import Figures

#: Okabe–Ito blue, solid: what falls due.
DUE_COLOUR = QColor("#0072B2")
#: Okabe–Ito orange, hatched: what was paid.
PAID_COLOUR = QColor("#E69F00")
#: One bar's width, in months (two bars and a gap per month).
BAR = 0.38
_TEN_THOUSAND = Decimal(10_000)


def due_brush() -> QBrush:
    """Solid blue."""
    return QBrush(DUE_COLOUR)


def paid_brush() -> QBrush:
    """Orange diagonal hatching (reads as a lighter, striped bar in greyscale)."""
    return QBrush(PAID_COLOUR, Qt.BrushStyle.BDiagPattern)


class MonthChart(pg.PlotWidget):
    """Due vs paid per month as paired bars, the month (MM) under each pair, 万元 on the left axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.months: list[Figures] = []
        self.setMinimumHeight(160)
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=False, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen("#555555"))
            axis.setTextPen(pg.mkPen("#222222"))
        plot.getAxis("left").enableAutoSIPrefix(False)
        plot.setLabel("left", self.tr("10,000 元"))
        plot.addLegend(offset=(-8, 4), brush=pg.mkBrush("#ffffffe0"), pen=pg.mkPen("#888888"),
                       labelTextColor="#222222")
        self.due_bars = pg.BarGraphItem(x=[], height=[], width=BAR, brush=due_brush(), pen=pg.mkPen(DUE_COLOUR),
                                        name=self.tr("Amount due"))
        self.paid_bars = pg.BarGraphItem(x=[], height=[], width=BAR, brush=paid_brush(),
                                         pen=pg.mkPen(PAID_COLOUR.darker(150)), name=self.tr("Paid"))
        plot.addItem(self.due_bars)
        plot.addItem(self.paid_bars)

    def set_months(self, months: list[Figures]) -> None:
        """Show these months (label ``YYYY-MM``), in order."""
        self.months = months
        places = list(range(len(months)))
        self.due_bars.setOpts(x=[i - BAR / 2 for i in places], height=[_wan(m.due) for m in months])
        self.paid_bars.setOpts(x=[i + BAR / 2 for i in places], height=[_wan(m.paid) for m in months])
        self.getPlotItem().getAxis("bottom").setTicks([[(i, m.label[5:]) for i, m in zip(places, months,
                                                                                       strict=True)]])
        top = max((_wan(max(m.due, m.paid)) for m in months), default=0.0) or 1.0
        self.getPlotItem().setRange(xRange=(-0.6, max(len(months), 1) - 0.4), yRange=(0, top * 1.15), padding=0)

    def heights(self) -> list[tuple[str, float, float]]:
        """What is drawn: (month, due, paid) in 万元 (for tests)."""
        due = self.due_bars.opts["height"]
        paid = self.paid_bars.opts["height"]
        return [(m.label, float(d), float(p)) for m, d, p in zip(self.months, due, paid, strict=True)]


def _wan(amount: Decimal) -> float:
    return float(amount / _TEN_THOUSAND)  # drawing only; the table shows the exact 元
