"""View → Overview (总览, Ctrl+O): the whole register at a glance (``services.payments.overview``).

Tables (QTableView + ``RowsModel``) of every figure, a bar chart of the next 12 months (due vs
paid, drawn with QPainter — Qt Charts is GPLv3, so not used; two patterns that read in
grey print and for colour-blind readers: solid dark blue vs hatched orange), filters by year
of signing, supplier and status. The figures are computed off the GUI thread (``AppContext.read``)
and again on every store-changed notification.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from services.changes import Changes
from services.payments.overview import Figures, Overview, OverviewFilter, overview
from ui.context import AppContext
from ui.formatting import format_money
from ui.payments.table_models import Column, RowsModel
from ui.tasks import TaskControl

DUE_COLOUR = QColor("#1f4e79")  # dark blue, solid
PAID_COLOUR = QColor("#e69f00")  # orange (Okabe–Ito), hatched


class MonthBars(QWidget):
    """Due vs paid per month as paired bars, with the month under each pair."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[Figures] = []
        self.setMinimumHeight(160)

    def set_months(self, months: list[Figures]) -> None:
        """Show these months (label ``YYYY-MM``)."""
        self.months = months
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(8, 8, -8, -22)
        top = max((max(m.due, m.paid) for m in self.months), default=Decimal(0)) or Decimal(1)
        painter.setPen(QPen(QColor("#555555")))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if not self.months:
            painter.end()
            return
        slot = rect.width() / len(self.months)
        bar = max(slot * 0.35, 2.0)
        for index, month in enumerate(self.months):
            x = rect.left() + index * slot + slot * 0.12
            for offset, amount, brush in ((0.0, month.due, QBrush(DUE_COLOUR)),
                                          (bar, month.paid, QBrush(PAID_COLOUR, Qt.BrushStyle.BDiagPattern))):
                height = float(amount / top) * rect.height()
                box = QRectF(x + offset, rect.bottom() - height, bar, height)
                painter.fillRect(box, QColor("white"))
                painter.fillRect(box, brush)
                painter.setPen(QPen(DUE_COLOUR if offset == 0 else PAID_COLOUR.darker(150)))
                painter.drawRect(box)
            painter.setPen(QPen(QColor("#222222")))
            painter.drawText(QRectF(rect.left() + index * slot, rect.bottom() + 2, slot, 18),
                             int(Qt.AlignmentFlag.AlignCenter),
                             month.label[5:])  # the month; the table beside gives the year
        painter.end()


class OverviewWindow(QWidget):
    """The overview window on the context's store (``today``: the day the figures are for)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.today = today or dt.date.today()
        self.setWindowTitle(self.tr("Overview"))
        self.figures: Overview | None = None
        self.year_box = QComboBox()
        self.year_box.addItem(self.tr("All years"), 0)
        for year in range(self.today.year + 1, self.today.year - 10, -1):
            self.year_box.addItem(str(year), year)
        self.supplier_edit = QLineEdit()
        self.supplier_edit.setPlaceholderText(self.tr("Supplier (part of the name)"))
        self.status_box = QComboBox()
        for code, label in (("", self.tr("All statuses")), ("draft", self.tr("Draft")), ("active", self.tr("Active")),
                            ("completed", self.tr("Completed")), ("terminated", self.tr("Terminated"))):
            self.status_box.addItem(label, code)
        for signal in (self.year_box.currentIndexChanged, self.status_box.currentIndexChanged,
                       self.supplier_edit.editingFinished):
            signal.connect(lambda *_: self.reload())
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Year signed"), self.year_box), (self.tr("Supplier"), self.supplier_edit),
                              (self.tr("Status"), self.status_box)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        self.totals = QLabel()
        self.totals.setStyleSheet("font-size: 15px; font-weight: bold;")
        money = lambda attr: (lambda f: format_money(getattr(f, attr)))  # noqa: E731 - a column getter

        def figures(first: str, value: bool = True, count: str = "") -> RowsModel:
            columns = [Column(first, lambda f: f.label)]
            if value:
                columns.append(Column(self.tr("Contract value"), money("value"), True))
            columns += [Column(self.tr("Paid"), money("paid"), True),
                        Column(self.tr("Outstanding"), money("outstanding"), True),
                        Column(self.tr("Overdue"), money("overdue"), True)]
            if count:
                columns.append(Column(count, lambda f: str(f.count), True))
            return RowsModel(columns, parent=self)

        self.by_year = figures(self.tr("Year signed"), count=self.tr("Contracts"))
        self.by_budget = figures(self.tr("Budget year (due)"), value=False, count=self.tr("Installments"))
        self.by_supplier = figures(self.tr("Supplier"), count=self.tr("Contracts"))
        self.ageing = RowsModel([Column(self.tr("Days overdue"), lambda f: f.label),
                                 Column(self.tr("Overdue"), money("overdue"), True),
                                 Column(self.tr("Installments"), lambda f: str(f.count), True)], parent=self)
        self.due_next = RowsModel([Column(self.tr("Due within (days)"), lambda f: f.label),
                                   Column(self.tr("Outstanding"), money("outstanding"), True),
                                   Column(self.tr("Installments"), lambda f: str(f.count), True)], parent=self)
        self.months = RowsModel([Column(self.tr("Month"), lambda f: f.label),
                                 Column(self.tr("Due (元)"), money("due"), True),
                                 Column(self.tr("Paid"), money("paid"), True)], parent=self)
        self.bonds = RowsModel([
            Column(self.tr("Contract"), lambda b: b.contract_no),
            Column(self.tr("Bond"), lambda b: str(b.seq)),
            Column(self.tr("Amount"), lambda b: format_money(b.amount), True),
            Column(self.tr("Valid until"), lambda b: b.valid_until.isoformat() if b.valid_until else ""),
            Column(self.tr("To return"), lambda b: self.tr("Not returned, return overdue") if b.overdue_return else ""),
        ], parent=self)
        self.ending = RowsModel([
            Column(self.tr("Contract"), lambda e: e.contract_no),
            Column(self.tr("Title"), lambda e: e.title),
            Column(self.tr("Supplier"), lambda e: e.counterparty),
            Column(self.tr("Ends"), lambda e: e.end_date.isoformat()),
            Column(self.tr("Value"), lambda e: format_money(e.total), True),
        ], parent=self)
        self.bars = MonthBars()
        legend = QLabel(self.tr("Next 12 months: ■ due (solid blue) · ▨ paid (hatched orange)"))
        grid = QGridLayout()
        boxes = [(self.tr("By year of signing"), self.by_year), (self.tr("By budget year of the due dates"),
                                                                 self.by_budget),
                 (self.tr("By supplier"), self.by_supplier), (self.tr("Overdue by age"), self.ageing),
                 (self.tr("Due soon"), self.due_next), (self.tr("Bonds held, not returned"), self.bonds),
                 (self.tr("Contracts ending in the next 90 days"), self.ending)]
        self.views: dict[str, QTableView] = {}
        for index, (title, model) in enumerate(boxes):
            grid.addWidget(self._box(title, model), index // 2, index % 2)
        chart = QGroupBox(self.tr("Due vs paid by month"))
        chart_layout = QHBoxLayout(chart)
        chart_side = QVBoxLayout()
        chart_side.addWidget(self.bars, 1)
        chart_side.addWidget(legend)
        chart_layout.addLayout(chart_side, 2)
        month_view = QTableView()
        month_view.setModel(self.months)
        month_view.verticalHeader().setVisible(False)
        chart_layout.addWidget(month_view, 1)
        grid.addWidget(chart, 3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.totals)
        layout.addLayout(grid, 1)
        context.changes.changed.connect(self._store_changed)
        self.resize(1280, 900)
        self.reload()

    def _box(self, title: str, model: RowsModel) -> QGroupBox:
        box = QGroupBox(title)
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        self.views[title] = view
        QVBoxLayout(box).addWidget(view)
        return box

    def current_filter(self) -> OverviewFilter:
        """The filter the controls hold."""
        return OverviewFilter(year=int(self.year_box.currentData() or 0) or None,
                              supplier=self.supplier_edit.text().strip() or None,
                              status=str(self.status_box.currentData() or "") or None)

    def _store_changed(self, _changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        """Compute the figures again (off the GUI thread) and show them."""
        flt, today = self.current_filter(), self.today

        def work(session: Session, _control: TaskControl) -> Overview:
            return overview(session, today, flt)

        self.context.read(self.tr("Computing the overview…"), work, self.show_figures)

    def show_figures(self, figures: Overview) -> None:
        """Fill every table and the chart."""
        self.figures = figures
        t = figures.totals
        self.totals.setText(self.tr("{0} contracts · value {1} · paid {2} · outstanding {3} · overdue {4} (元)").format(
            t.count, format_money(t.value), format_money(t.paid), format_money(t.outstanding),
            format_money(t.overdue)))
        if figures.pending:  # say plainly which terms the figures use (issue 16)
            names = ", ".join(f"{number} {amendment}" for number, amendment, _day in figures.pending)
            self.totals.setText(self.totals.text() + "\n" + self.tr(
                "Including {0} amendment(s) signed but not yet in force ({1}; first from {2}): "
                "the figures use the contracts as amended.").format(
                len(figures.pending), names, figures.pending[0][2].isoformat()))
        self.by_year.set_rows(figures.by_sign_year)
        self.by_budget.set_rows(figures.by_budget_year)
        self.by_supplier.set_rows(figures.by_supplier)
        self.ageing.set_rows(figures.ageing)
        self.due_next.set_rows(figures.due_next)
        self.months.set_rows(figures.by_month)
        self.bonds.set_rows(figures.bonds)
        self.ending.set_rows(figures.ending)
        self.bars.set_months(figures.by_month)
        for view in self.views.values():
            view.resizeColumnsToContents()


def open_overview(context: AppContext, parent: QWidget) -> OverviewWindow:
    """View → Overview: a non-modal window (returned for tests)."""
    window = OverviewWindow(context, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
