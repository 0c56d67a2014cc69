"""The register's history on screen, read-only: File → History… (every contract, filtered) and the
contract editor's History tab (one contract, each changed field on its own line).

Both read ``services.history.history`` through ``AppContext.read`` and show it newest first, in
words (``ui.register.history_labels``): the time in local time, who, the action (保存, 移至回收站 …)
and what changed (服务明细 第3行：数量 12 → 24). Nothing here edits or deletes an entry; both
reload when ``context.changes.changed`` announces a write (at once when shown, else when next shown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from services import history as history_log
from services.changes import ChangeKind, Changes
from services.history import HistoryAction, HistoryRow
from ui.context import AppContext
from ui.register.history_labels import ACTIONS_SHOWN, action_text, change_texts
from ui.tasks import TaskControl

__all__ = ["ContractHistoryPanel", "HistoryDialog", "HistoryTableModel", "open_history"]

#: Entries the History dialog loads at most without a contract filter (the newest ones).
LIMIT = 5000

COL_WHEN, COL_WHO, COL_ACTION, COL_CONTRACT, COL_CHANGES = range(5)
#: The ``HistoryRow`` of a row.
EntryRole = Qt.ItemDataRole.UserRole + 1
#: What a column sorts by: the entry id for the time (entries are in the order written).
SortRole = Qt.ItemDataRole.UserRole + 2

QIndex = QModelIndex | QPersistentModelIndex


def local_time(at: dt.datetime) -> str:
    """An entry's aware UTC time in local time: ``2026-12-02 17:05``."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class _Shown:
    """A row with its texts, made once (not on every paint)."""

    row: HistoryRow
    texts: tuple[str, str, str, str]
    lines: tuple[str, ...]


class HistoryTableModel(QAbstractTableModel):
    """History entries, newest first: when (local), who, action, contract, what changed.
    ``one_line_per_change``: the changes' column has each change on its own line (the editor's
    tab); otherwise they are joined with "；" on one line and listed in full in the tooltip."""

    def __init__(self, parent: QObject | None = None, *, one_line_per_change: bool = False) -> None:
        super().__init__(parent)
        self._shown: list[_Shown] = []
        self._multiline = one_line_per_change

    def set_rows(self, rows: list[HistoryRow]) -> None:
        """Show ``rows`` (in the order given)."""
        self.beginResetModel()
        self._shown = [_Shown(row, (local_time(row.at), row.user, action_text(row.action), row.contract_no or ""),
                              tuple(change_texts(row))) for row in rows]
        self.endResetModel()

    def rows(self) -> list[HistoryRow]:
        return [shown.row for shown in self._shown]

    def rowCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Contract"),
                self.tr("What changed"))[section]

    def data(self, index: QIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        shown = self._shown[index.row()]
        column = index.column()
        if role == EntryRole:
            return shown.row
        if role == SortRole:
            return shown.row.id if column == COL_WHEN else self.data(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_CHANGES:
                return ("\n" if self._multiline else self.tr("; ")).join(shown.lines)
            return shown.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_CHANGES and shown.lines:
            return "\n".join(shown.lines)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


def _table(model: HistoryTableModel, parent: QWidget) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(COL_WHEN, Qt.SortOrder.DescendingOrder)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view, proxy


class HistoryReloading:
    """Mixed into a history widget: reloads it on every announced write that ``_concerns`` it while
    it is shown, and when next shown after one came while it was hidden. ``_work()`` makes the
    read (run by ``context.read``), ``_show(rows)`` shows its answer; only the newest read's answer
    is shown. Holds no reference to another widget (a closed editor's wrapper must not outlive it)."""

    context: AppContext
    _stale: bool
    _generation: int

    def _start_reloading(self, context: AppContext) -> None:
        self.context = context
        self._stale = True
        self._generation = 0
        context.changes.changed.connect(self._store_changed)

    def _concerns(self, _changes: Changes) -> bool:
        return True  # every write records an entry

    def _store_changed(self, changes: Changes) -> None:
        if not self._concerns(changes):
            return
        if self.isVisible():  # type: ignore[attr-defined]
            self.reload()
        else:
            self._stale = True

    def _reload_if_stale(self) -> None:
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the entries again (in the background; shown when read)."""
        self._stale = False
        self._generation += 1
        generation = self._generation

        def done(rows: list[HistoryRow]) -> None:
            if generation == self._generation:
                self._show(rows)

        label = QCoreApplication.translate("HistoryReloading", "Reading the history…")
        self.context.read(label, self._work(), done)

    def _work(self) -> Callable[[Session, TaskControl], list[HistoryRow]]:
        raise NotImplementedError

    def _show(self, rows: list[HistoryRow]) -> None:
        raise NotImplementedError


class HistoryDialog(HistoryReloading, QDialog):
    """File → History…: the register's history, newest first, filtered by contract number (part
    of it), action and a first day; Export CSV… writes what is shown. Non-modal, read-only."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History"))
        self._start_reloading(context)
        self.model = HistoryTableModel(self)
        self.view, self.proxy = _table(self.model, self)
        self.view.setWordWrap(False)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self._build_filters()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select an entry to see every field it changed."))
        self.summary = QLabel()
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.export_csv)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1100, 620)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reload_if_stale()

    def _build_filters(self) -> None:
        self.contract_edit = QLineEdit()
        self.contract_edit.setPlaceholderText(self.tr("Contract number"))
        self.contract_edit.setClearButtonEnabled(True)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self.apply_filters)
        self.contract_edit.textChanged.connect(lambda _text: self._typing.start())
        self.contract_edit.returnPressed.connect(self.apply_filters)
        self.action_box = QComboBox()
        self.action_box.addItem(self.tr("Every action"), "")
        for action in ACTIONS_SHOWN:
            self.action_box.addItem(action_text(action), str(action))
        self.action_box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.since_check = QCheckBox(self.tr("Since"))
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setEnabled(False)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.since_check.toggled.connect(lambda _on: self.apply_filters())
        self.since_edit.dateChanged.connect(lambda _d: self.apply_filters() if self.since_check.isChecked() else None)
        self.filters = QHBoxLayout()
        self.filters.addWidget(QLabel(self.tr("Contract:")))
        self.filters.addWidget(self.contract_edit)
        self.filters.addWidget(self.action_box)
        self.filters.addWidget(self.since_check)
        self.filters.addWidget(self.since_edit)
        self.filters.addStretch(1)

    def apply_filters(self) -> None:
        """Read again with the filters as set now (typing waits for a pause first)."""
        self._typing.stop()
        self.reload()

    def _work(self) -> Callable[[Session, TaskControl], list[HistoryRow]]:
        text = self.contract_edit.text().strip().casefold()
        action = self.action_box.currentData()
        since: dt.date | None = self.since_edit.date().toPython() if self.since_check.isChecked() else None  # type: ignore[assignment]

        def work(session: Session, _control: TaskControl) -> list[HistoryRow]:
            rows = history_log.history(session, since=since, actions=[HistoryAction(action)] if action else None,
                                       limit=None if text else LIMIT)
            if text:
                rows = [row for row in rows if text in (row.contract_no or "").casefold()]
            return rows[::-1]

        return work

    def _show(self, rows: list[HistoryRow]) -> None:
        current = self.view.currentIndex().data(EntryRole)
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(COL_CHANGES, max(self.view.columnWidth(COL_CHANGES), 200))
        if current is not None:
            self.select_row(current.id)
        self._show_details()
        if not rows:
            self.summary.setText(self.tr("No entries match."))
        elif len(rows) == LIMIT and not self.contract_edit.text().strip():
            self.summary.setText(self.tr("The newest {0} entries are shown; filter by contract or action to "
                                         "see older ones.").format(LIMIT))
        else:
            self.summary.setText(self.tr("{0} entries").format(len(rows)))

    def shown_rows(self) -> list[HistoryRow]:
        """The entries shown, in the order shown."""
        return [self.proxy.index(row, 0).data(EntryRole) for row in range(self.proxy.rowCount())]

    def select_row(self, entry_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(EntryRole).id == entry_id:
                self.view.selectRow(row)
                return True
        return False

    def _show_details(self) -> None:
        row: HistoryRow | None = self.view.currentIndex().data(EntryRole)
        if row is None:
            self.details.clear()
            return
        head = "  ".join(part for part in (local_time(row.at), row.user, action_text(row.action),
                                           row.contract_no or "") if part)
        self.details.setPlainText("\n".join([head, *change_texts(row)]))

    def export_csv(self) -> None:
        """Export CSV…: the entries shown (oldest first, one line per change) to a file the officer picks."""
        rows = sorted(self.shown_rows(), key=lambda row: row.id)
        path = self.context.dialogs.csv_to_save("history.csv")
        if path is None:
            return
        try:
            history_log.write_history_csv(rows, path)
        except OSError as exc:
            self.context.dialogs.error(self.tr("History"), self.tr("The CSV could not be written: {0}").format(exc))
            return
        self.context.dialogs.info(self.tr("History"),
                                  self.tr("{0} history entries written to {1}").format(len(rows), path))


class ContractHistoryPanel(HistoryReloading, QWidget):
    """The contract editor's History tab: this contract's entries, newest first, each changed field
    before → after on its own line. ``contract_id``: the contract (None while it is new; the
    editor's ``saved`` signal sets it with ``set_contract``)."""

    def __init__(self, context: AppContext, contract_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._contract = contract_id
        self._start_reloading(context)
        self.model = HistoryTableModel(self, one_line_per_change=True)
        self.view, self.proxy = _table(self.model, self)
        self.view.setWordWrap(True)
        self.view.setColumnHidden(COL_CONTRACT, True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reload_if_stale()

    def set_contract(self, contract_id: int) -> None:
        """The contract, once a new one is saved (``ContractEditor.saved``)."""
        if contract_id != self._contract:
            self._contract = contract_id
            self._stale = True

    def _concerns(self, changes: Changes) -> bool:
        contract_id = self._contract
        return contract_id is not None and (changes.touches(contract_id) or ChangeKind.STORE in changes.kinds)

    def _work(self) -> Callable[[Session, TaskControl], list[HistoryRow]]:
        contract_id = self._contract

        def work(session: Session, _control: TaskControl) -> list[HistoryRow]:
            if contract_id is None:
                return []
            return history_log.history(session, contract_id=contract_id)[::-1]

        return work

    def _show(self, rows: list[HistoryRow]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.view.resizeRowsToContents()
        if self._contract is None:
            self.note.setText(self.tr("The history of a contract starts when it is first saved."))
        else:
            self.note.setText(self.tr("{0} entries · read-only: the history cannot be edited.").format(len(rows)))

    def shown_rows(self) -> list[HistoryRow]:
        """The entries shown, in the order shown."""
        return [self.proxy.index(row, 0).data(EntryRole) for row in range(self.proxy.rowCount())]

    def shown_texts(self, column: int = COL_CHANGES) -> list[str]:
        """The texts of ``column`` as shown, top to bottom."""
        return [self.proxy.index(row, column).data() for row in range(self.proxy.rowCount())]


def open_history(context: AppContext, parent: QWidget) -> HistoryDialog:
    """File → History…: the parent's History dialog, opened (non-modal) or brought forward."""
    dialog = parent.findChild(HistoryDialog)
    if dialog is None:
        dialog = HistoryDialog(context, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
