"""View → Overview (总览, Ctrl+O): the whole register at a glance (``services.payments.overview``).

Tables (QTableView + ``RowsModel``) of every figure, a bar chart of the next 12 months (due vs
paid: ``ui.payments.overview_chart``, pyqtgraph; solid blue vs hatched orange, Okabe–Ito) with the
table of its figures beside it, filters by year of signing, supplier and status. The figures are
computed off the GUI thread (``AppContext.read``) and again on every store-changed notification.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from services.changes import Changes
from services.payments.overview import Figures, Overview, OverviewFilter, overview
from services.payments.overview_detail import Selection
from services.payments.overview_tables import word
from services.register.contracts import find_id
from ui import i18n
from ui.context import AppContext
from ui.error_text import warning_lines
from ui.formatting import format_money
from ui.payments.overview_chart import MonthChart
from ui.payments.table_models import Column, RowsModel
from ui.tasks import TaskControl, run_task


class OverviewWindow(QWidget):
    """The overview window on the context's store (``today``: the day the figures are for)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None,
                 open_contract: Callable[[int], object] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.open_contract = open_contract  # a double-click on a contract opens it (the main window's editor)
        self.lists: list[QWidget] = []
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
        self.xlsx_button = QPushButton(self.tr("Export to Excel…"))
        self.xlsx_button.setToolTip(self.tr("The figures shown, one sheet per table (.xlsx)"))
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button = QPushButton(self.tr("Print to PDF…"))
        self.pdf_button.setToolTip(self.tr("The figures shown and the chart on landscape A4 pages"))
        self.pdf_button.clicked.connect(self.export_pdf)
        filters.addWidget(self.xlsx_button)
        filters.addWidget(self.pdf_button)
        self.totals = QLabel()
        self.totals.setStyleSheet("font-size: 15px; font-weight: bold;")
        money = lambda attr: (lambda f: format_money(getattr(f, attr)))  # noqa: E731 - a column getter

        def figures(first: str, value: bool = True, count: str = "") -> RowsModel:
            columns = [Column(first, lambda f: f.label)]
            if value:
                columns.append(Column(self.tr("Contract value"), money("value"), True))
            else:  # by budget year: what the installments due that year come to
                columns.append(Column(self.tr("Due (元)"), money("due"), True))
            columns += [Column(self.tr("Paid"), money("paid"), True),
                        Column(self.tr("Outstanding"), money("outstanding"), True),
                        Column(self.tr("Overdue"), money("overdue"), True)]
            if count:
                columns.append(Column(count, lambda f: str(f.count), True))
            return RowsModel(columns, parent=self)

        self.by_year = figures(self.tr("Year signed"), count=self.tr("Contracts"))
        self.by_budget = figures(self.tr("Budget year (due)"), value=False, count=self.tr("Installments"))
        self.by_supplier = figures(self.tr("Supplier"), count=self.tr("Contracts"))
        words = "zh" if i18n.current_language().startswith("zh") else "en"
        self.ageing = RowsModel([Column(self.tr("Days overdue"), lambda f: word(f.label, words)),
                                 Column(self.tr("Overdue"), money("overdue"), True),
                                 Column(self.tr("Installments"), lambda f: str(f.count), True)], parent=self)
        self.due_next = RowsModel([Column(self.tr("Due within"), lambda f: word(f.label, words)),
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
        self.bars = MonthChart()
        legend = QLabel(self.tr("Next 12 months: ■ due (solid blue) · ▨ paid (hatched orange)"))
        grid = QGridLayout()
        boxes = [(self.tr("By year of signing"), self.by_year), (self.tr("By budget year of the due dates"),
                                                                 self.by_budget),
                 (self.tr("By supplier"), self.by_supplier), (self.tr("Overdue by age"), self.ageing),
                 (self.tr("Due soon"), self.due_next), (self.tr("Bonds held, not returned"), self.bonds),
                 (self.tr("Contracts ending in the next 90 days"), self.ending)]
        self.views: dict[str, QTableView] = {}
        wide = {id(self.bonds): 4, id(self.ending): 1}  # "to return" and the title; else the label
        for index, (title, model) in enumerate(boxes):
            grid.addWidget(self._box(title, model, wide.get(id(model), 0)), index // 2, index % 2)
        # every figure opens what stands behind it: the installments, or the contract itself
        selections: list[tuple[RowsModel, Callable[[int, Any], Selection]]] = [
            (self.by_year, lambda _i, f: Selection(sign_year=f.label)),
            (self.by_budget, lambda _i, f: Selection(due_year=f.label)),
            (self.by_supplier, lambda _i, f: Selection(supplier=f.label)),
            (self.ageing, lambda i, _f: Selection(bucket=i)),
            (self.due_next, lambda _i, f: Selection(within=int(f.label))),
        ]
        for (title, model) in boxes:
            view = self.views[title]
            view.setToolTip(self.tr("Double-click a row to list what it counts"))
            for listed, select in selections:
                if listed is model:
                    view.doubleClicked.connect(
                        lambda index, m=model, f=select, t=title: self.show_list(t, m, f, index.row()))
            if model in (self.bonds, self.ending):
                view.doubleClicked.connect(
                    lambda index, m=model: self._open_contract_no(m.row(index.row()).contract_no))
        chart = QGroupBox(self.tr("Due vs paid by month"))
        chart_layout = QHBoxLayout(chart)
        chart_side = QVBoxLayout()
        chart_side.addWidget(self.bars, 1)
        chart_side.addWidget(legend)
        chart_layout.addLayout(chart_side, 3)
        month_view = self.month_view = QTableView()
        month_view.setModel(self.months)
        month_view.verticalHeader().setVisible(False)
        self.views[self.tr("Due vs paid by month")] = month_view
        month_view.doubleClicked.connect(lambda index: self.show_list(
            self.tr("Due vs paid by month"), self.months, lambda _i, f: Selection(month=f.label), index.row()))
        chart_layout.addWidget(month_view, 2)
        grid.addWidget(chart, 3, 1)
        grid.setColumnStretch(0, 1)  # the tables of figures as wide as the chart's side
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.totals)
        layout.addLayout(grid, 1)
        context.changes.changed.connect(self._store_changed)
        self.resize(1280, 900)
        self.reload()

    def _box(self, title: str, model: RowsModel, stretch: int = 0) -> QGroupBox:
        box = QGroupBox(title)
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        # One text column (``stretch``: the year, supplier, title …) takes the spare width; figures keep theirs.
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.views[title] = view
        QVBoxLayout(box).addWidget(view)
        return box

    def show_list(self, title: str, model: RowsModel, select: Callable[[int, Any], Selection], row: int) -> QWidget:
        """The installments behind row ``row`` of ``model`` (a non-modal window; returned for tests)."""
        from ui.payments.overview_list import FiguresList

        figures = model.row(row)
        shown = FiguresList(self.context, f"{title} — {self._row_label(model, row, figures)}", self.today,
                            self.current_filter(), select(row, figures), self.open_contract, self)
        shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        shown.show()
        self.lists.append(shown)
        return shown

    def _row_label(self, model: RowsModel, row: int, figures: Figures) -> str:
        text = model.data(model.index(row, 0))
        return str(text) if text else figures.label

    def _open_contract_no(self, contract_no: str) -> object:
        if self.open_contract is None:
            return None
        with self.context.store.session() as session:
            contract_id = find_id(session, contract_no)
        return None if contract_id is None else self.open_contract(contract_id)

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
                "{0} amendment(s) signed but not yet in force ({1}; first from {2}): the figures use the "
                "terms in force on {3}; a contract's Amendments tab shows the amended terms as of any date.").format(
                len(figures.pending), names, figures.pending[0][2].isoformat(), figures.today.isoformat()))
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
        months = self.month_view  # its twelve rows whole beside the chart, never scrolled sideways
        months.setMinimumWidth(sum(months.columnWidth(c) for c in range(self.months.columnCount()))
                               + months.verticalScrollBar().sizeHint().width() + 2 * months.frameWidth())

    def _language(self) -> str:
        return "zh" if i18n.current_language().startswith("zh") else "en"

    def _default_name(self, suffix: str) -> str:
        stem = "合同总览" if self._language() == "zh" else "overview"
        return f"{stem}-{self.today.isoformat()}{suffix}"

    def export_xlsx(self) -> Path | None:
        """Export to Excel…: the figures shown (and their filter) as a workbook; the path chosen, or None."""
        if self.figures is None:
            return None
        path = self.context.dialogs.xlsx_to_save(self._default_name(".xlsx"))
        if path is None:
            return None
        from services.payments.overview_export import write_overview_xlsx

        figures, flt, language = self.figures, self.current_filter(), self._language()
        run_task(self.context.parent, self.tr("Writing the overview…"),
                 lambda _control: write_overview_xlsx(figures, path, language, flt),
                 lambda written: self.context.status(self.tr("Wrote {0}").format(written)),
                 lambda error: self._failed(error, path), cancellable=False)
        return path

    def export_pdf(self) -> Path | None:
        """Print to PDF…: the figures shown and the chart, landscape A4, then opened; the path chosen, or None."""
        if self.figures is None:
            return None
        path = self.context.dialogs.pdf_to_save(self._default_name(".pdf"))
        if path is None:
            return None
        from services.payments.overview_pdf import write_overview_pdf
        from services.printing.common import PrintResult

        figures, flt, language, font_path = self.figures, self.current_filter(), self._language(), \
            self.context.font_path()

        def done(result: PrintResult) -> None:
            self.context.status(self.tr("Wrote {0} ({1} pages)").format(result.path, result.pages))
            self.context.open_file(result.path)
            if result.warnings:
                self.context.dialogs.info(self.tr("Printed with warnings"),
                                         self.tr("The PDF was written. Please check:"), warning_lines(result.warnings))

        run_task(self.context.parent, self.tr("Writing the overview…"),
                 lambda _control: write_overview_pdf(figures, path, language, flt, font_path=font_path),
                 done, lambda error: self._failed(error, path), cancellable=False)
        return path

    def _failed(self, error: BaseException, path: Path) -> None:
        if not isinstance(error, OSError):
            raise error
        self.context.dialogs.error(self.tr("Export failed"), self.tr("Cannot write {0}: {1}").format(
            path, error.strerror or str(error)))


def open_overview(context: AppContext, parent: QWidget) -> OverviewWindow:
    """View → Overview: a non-modal window (returned for tests)."""
    window = OverviewWindow(context, parent, open_contract=getattr(parent, "edit_contract", None))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
