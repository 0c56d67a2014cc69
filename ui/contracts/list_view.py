"""The contract list widget: a search box (filters as you type), the count, and the table.

Thin by design: filtering and sorting live in ``ContractListModel`` (in SQL); this widget
only wires keys, the debounce timer and selection keeping across model resets.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.contracts.list_model import (
    COL_NUMBER,
    ContractListModel,
)
from ui.contracts.list_table import setup_table

#: Typing pauses shorter than this (ms) do not re-run the search: one query per burst.
SEARCH_DELAY_MS = 150



class ContractListView(QWidget):
    """Search box, count label and table over a ``ContractListModel``.

    Signals: ``contractActivated(int)`` — the id of the contract double-clicked or entered.
    """

    contractActivated = Signal(int)

    def __init__(self, model: ContractListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._keep_id: int | None = None

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search number, title or party (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.problems_only = QCheckBox(self.tr("Only contracts with problems"), self)
        self.problems_only.setToolTip(self.tr("Contracts whose checks (核对) found errors or warnings"))
        self.problems_only.toggled.connect(model.set_problems_only)
        self.unsigned_only = QCheckBox(self.tr("No signed copy yet"), self)
        self.unsigned_only.setToolTip(self.tr("Contracts without a signed and sealed copy among their attachments"))
        self.unsigned_only.toggled.connect(model.set_unsigned_only)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.table = QTableView(self)
        self.table.setModel(model)
        self._setup_table()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())  # restarts the wait
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(self._activate_index)
        model.countChanged.connect(self._show_count)
        model.countPending.connect(self._show_count_pending)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)

        top = QHBoxLayout()
        # The search row breathes like a tool bar; the table runs to the window's edges.
        top.setContentsMargins(6, 6, 8, 2)
        top.addWidget(self.search, 1)
        top.addWidget(self.problems_only)
        top.addWidget(self.unsigned_only)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        if model.counting():
            self._show_count_pending(model.rowCount())
        else:
            self._show_count(model.rowCount())

    def _setup_table(self) -> None:
        setup_table(self.table, self._model)
        # Show the model's own order before enabling sorting, which sorts by the indicator.
        self.table.horizontalHeader().setSortIndicator(self._model.sort_column(), self._model.sort_order())
        self.table.setSortingEnabled(True)

    # --- public API ------------------------------------------------------------------------

    def current_contract_id(self) -> int | None:
        """The id of the selected (current) contract, or None."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self._model.contract_id(index.row())

    def select_contract(self, contract_id: int) -> bool:
        """Make ``contract_id`` current and scroll to it; False when the filter hides it."""
        row = self._model.row_of(contract_id)
        if row is None:
            return False
        index = self._model.index(row, COL_NUMBER)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (for Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- slots -----------------------------------------------------------------------------

    def _apply_search(self) -> None:
        self._timer.stop()
        self._model.set_search(self.search.text())

    def _search_entered(self) -> None:
        # Enter in the search box: search now, then go to the list (first row if none chosen).
        self._apply_search()
        if self._model.rowCount() and not self.table.currentIndex().isValid():
            self.select_contract(self._model.contract_id(0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_count(self, count: int) -> None:
        if count == 1:
            self.count_label.setText(self.tr("1 contract"))
        else:
            self.count_label.setText(self.tr("{count} contracts").format(count=f"{count:,}"))

    def _show_count_pending(self, shown: int) -> None:
        # The first rows are shown, the exact count follows (issue 18): "256+ contracts".
        self.count_label.setText(self.tr("{count} contracts").format(count=f"{shown:,}+"))

    def _activate_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.contractActivated.emit(self._model.contract_id(index.row()))

    def _remember_current(self) -> None:
        self._keep_id = self.current_contract_id()

    def _restore_current(self) -> None:
        if self._keep_id is not None:
            self.select_contract(self._keep_id)
        self._keep_id = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the table activates the current contract; Down in the search box goes to the list."""
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate_index(self.table.currentIndex())
                return True
            if watched is self.search and key == Qt.Key.Key_Down and self._model.rowCount():
                self._search_entered()
                return True
        return super().eventFilter(watched, event)
