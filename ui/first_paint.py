"""The first painted list, before SQLAlchemy is imported (issue 18: start to the first painted list
≤ 2× a bare PySide6 window).

``ui.app.run_app`` reads the list's first screen with plain ``sqlite3``
(``services.register.first_screen``) and shows it in an ``EarlyWindow``: the main window's frame as it
first appears — its title, size, menu titles, search row, count, status line and the list's table
with the same columns, widths, texts and icons (a ``FirstScreenModel`` of the screen's rows, with as
many rows as the register has, so the scroll bar is already the real one). Once that window has
painted, ``run_app`` imports SQLAlchemy, the models and the services, opens the store as always and
shows the real ``ui.main_window.MainWindow`` in its place, at the same geometry, with the same current
row and scroll position (``hand_over``); the early window closes when the real one has painted.

Nothing here can act: the menus are titles only, the search row and the table's sorting are disabled —
the officer's first action reaches the real window. No module imported here imports SQLAlchemy
(``tests/test_first_paint.py`` checks).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.register.first_screen import FirstScreen, ScreenRow
from ui.contracts.list_table import COL_TITLE, COL_TOTAL, COLUMN_COUNT, setup_table

__all__ = ["EarlyWindow", "FirstScreenModel", "row_texts"]

_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
QIndex = QModelIndex | QPersistentModelIndex


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _money(amount: Decimal) -> str:
    """``services.money.yuan_text``: the amounts here are whole fen already (no rounding), never -0.00."""
    return f"{abs(amount) if amount.is_zero() else amount:,.2f}"


def _term(start: dt.date | None, end: dt.date | None) -> str:
    """``ui.contracts.list_rows.format_term``."""
    if start is None and end is None:
        return ""
    return f"{start.isoformat() if start else ''} \u2013 {end.isoformat() if end else ''}".strip()


def row_texts(row: ScreenRow) -> tuple[str, ...]:
    """The seven texts ``ContractListModel`` shows for ``row`` (``ui.contracts.list_rows.row_texts``, translated
    the same way)."""
    statuses = {"draft": "Draft", "active": "Active", "completed": "Completed", "terminated": "Terminated"}
    status = _tr("ContractListModel", statuses[row.status]) if row.status in statuses else row.status
    return (row.contract_no, row.title, row.counterparty, _money(row.total_amount),
            _term(row.start_date, row.end_date), status, row.next_due.isoformat() if row.next_due else "")


class FirstScreenModel(QAbstractTableModel):
    """The list of ``screen``: ``screen.count`` rows, those of the first screen with texts, icons and
    tool tips as ``ContractListModel`` shows them, the others blank until the real model takes over."""

    def __init__(self, screen: FirstScreen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.screen = screen
        self._texts = [row_texts(row) for row in screen.rows]
        self._icons: dict[str, QIcon] = {}

    def rowCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The register's count (not the screen's)."""
        return 0 if parent.isValid() else self.screen.count

    def columnCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The seven list columns."""
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The list's translated column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr("ContractListModel", ("Number", "Title", "Counterparty", "Total", "Term", "Status",
                                             "Next due")[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT if section == COL_TOTAL else _ALIGN_LEFT
        return None

    def _icon(self, name: str, pixmap: QStyle.StandardPixmap) -> QIcon:
        if name not in self._icons:
            self._icons[name] = QApplication.style().standardIcon(pixmap)
        return self._icons[name]

    def data(self, index: QIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts, alignment, tool tips and the checks' and signed copy's icons of the first screen."""
        if not index.isValid() or index.row() >= len(self._texts):
            return None
        row, column = self.screen.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT if column == COL_TOTAL else _ALIGN_LEFT
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and row.problem_level:
            critical = row.problem_level >= 2
            return self._icon("critical" if critical else "warning",
                              QStyle.StandardPixmap.SP_MessageBoxCritical if critical
                              else QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_TITLE and row.signed:
            return self._icon("signed", QStyle.StandardPixmap.SP_FileIcon)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TITLE and row.signed:
                return row.title + "\n" + _tr("ContractListModel", "Signed copy kept (Attachments)")
            return row.counterparty if column == 2 else row.title
        return None


class EarlyWindow(QMainWindow):
    """The main window's first look over ``screen`` of the store at ``location`` (see the module)."""

    def __init__(self, screen: FirstScreen, location: str) -> None:
        super().__init__()
        self.model = FirstScreenModel(screen, self)
        self.setWindowTitle(_tr("MainWindow", "ContractDesk — {0}").format(location))
        for title in ("&File", "&Edit", "&View", "&Settings", "&Tools", "&Help"):
            self.menuBar().addMenu(_tr("MainWindow", title)).setEnabled(False)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._list(screen), 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(_tr("MainWindow", "{0} contract(s) in {1}").format(screen.count, location))
        self.resize(1200, 720)

    def _list(self, screen: FirstScreen) -> QWidget:
        """``ContractListView``'s layout: search row over the table, set up as ``_setup_table`` does."""
        page = QWidget()
        search = QLineEdit(page)
        search.setPlaceholderText(_tr("ContractListView", "Search number, title or party (Ctrl+F)"))
        search.setEnabled(False)
        count = QLabel(_tr("ContractListView", "1 contract") if screen.count == 1 else
                       _tr("ContractListView", "{count} contracts").format(count=f"{screen.count:,}"), page)
        count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.setContentsMargins(6, 6, 8, 2)
        top.addWidget(search, 1)
        for text in ("Only contracts with problems", "No signed copy yet"):
            box = QCheckBox(_tr("ContractListView", text), page)
            box.setEnabled(False)
            top.addWidget(box)
        top.addWidget(count)
        self.table = table = QTableView(page)
        table.setModel(self.model)
        setup_table(table, self.model)
        header = table.horizontalHeader()
        order = Qt.SortOrder.DescendingOrder if screen.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(("contract_no", "title", "counterparty", "total_amount", "term", "status",
                                 "next_due").index(screen.sort), order)
        header.setSortIndicatorShown(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(table, 1)
        return page

    def hand_over(self, window: QMainWindow, table: QTableView) -> None:
        """Give ``window`` (the real main window, not shown yet) this window's geometry and state, and
        ``table`` (its list) this list's current row and scroll position; then show it. This window
        closes once ``window`` has painted (the caller arranges that)."""
        if self.isMaximized():
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        else:
            window.setGeometry(self.geometry())
        row = self.table.currentIndex().row()
        if 0 <= row < table.model().rowCount():
            table.setCurrentIndex(table.model().index(row, max(self.table.currentIndex().column(), 0)))
        window.show()
        table.verticalScrollBar().setValue(self.table.verticalScrollBar().value())
        table.horizontalScrollBar().setValue(self.table.horizontalScrollBar().value())
