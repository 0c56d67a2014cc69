"""The list behind a figure of the overview (double-click a row of a table of View → Overview):
the installments it adds up (``services.payments.overview_detail``), read off the GUI thread and
again on every store-changed notification; double-click an installment to open its contract.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from services.changes import Changes
from services.payments.overview import OverviewFilter
from services.payments.overview_detail import LIMIT, InstallmentRow, Selection, installments_behind
from ui.context import AppContext
from ui.formatting import format_money
from ui.payments.table_models import Column, RowsModel
from ui.tasks import TaskControl


class FiguresList(QWidget):
    """The installments behind ``selection`` under ``flt`` on ``today``, in a window titled ``title``;
    ``open_contract(contract_id)`` (when given) opens a contract on a double-click."""

    def __init__(self, context: AppContext, title: str, today: dt.date, flt: OverviewFilter, selection: Selection,
                 open_contract: Callable[[int], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context, self.today, self.flt, self.selection = context, today, flt, selection
        self.open_contract = open_contract
        self.setWindowTitle(title)
        self.model = RowsModel([
            Column(self.tr("Contract"), lambda r: r.contract_no),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Supplier"), lambda r: r.counterparty or ""),
            Column(self.tr("Installment"), lambda r: f"{r.seq} {r.name or ''}".strip()),
            Column(self.tr("Due"), lambda r: r.due_date.isoformat() if r.due_date else "—"),
            Column(self.tr("Amount (元)"), lambda r: "" if r.due is None else format_money(r.due), True),
            Column(self.tr("Paid (元)"), lambda r: format_money(r.paid), True),
            Column(self.tr("Outstanding (元)"), lambda r: format_money(r.outstanding), True),
            Column(self.tr("Days overdue"), lambda r: str(r.overdue_days) if r.overdue_days else "", True),
        ], parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self.open_row)
        self.note = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Double-click an installment to open its contract.")))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self.rows: list[InstallmentRow] = []
        context.changes.changed.connect(self._store_changed)
        self.resize(1100, 480)
        self.reload()

    def _store_changed(self, _changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the installments again (off the GUI thread) and show them."""
        today, flt, selection = self.today, self.flt, self.selection

        def work(session: Session, _control: TaskControl) -> list[InstallmentRow]:
            return installments_behind(session, today, flt, selection)

        self.context.read(self.tr("Reading the installments…"), work, self.show_rows)

    def show_rows(self, rows: list[InstallmentRow]) -> None:
        """Show ``rows`` (and say when the list was cut at ``LIMIT``)."""
        self.rows = rows
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.note.setText(self.tr("The first {0} installments are shown.").format(LIMIT) if len(rows) >= LIMIT
                          else self.tr("{0} installment(s)").format(len(rows)))

    def open_row(self, index: QModelIndex) -> object:
        """Double-click: open the contract of the installment at ``index`` (its editor, when the window has one)."""
        if not index.isValid() or self.open_contract is None:
            return None
        return self.open_contract(self.model.row(index.row()).contract_id)
