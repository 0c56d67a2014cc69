"""View → Trash…: the contracts moved to the Trash, to restore or to delete permanently.

A non-modal dialog over ``services.register.trash``: number, title, when deleted (local time) and
by whom, most recently deleted first. Restore and Delete permanently… (asked first, No the
default) each write in one transaction through ``AppContext.write``; the list, the calendar and
the agenda follow through the change signal, and the dialog reloads on every announced write.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from services import history as history_log
from services.backup import backup_before
from services.changes import Changes
from services.errors import UserError
from services.register import trash
from services.register.trash import TrashRow
from services.register.versions import ContractError
from ui import i18n
from ui.context import AppContext
from ui.register.history_view import local_time
from ui.tasks import TaskControl

__all__ = ["TrashDialog", "TrashTableModel", "open_trash"]

COL_NUMBER, COL_TITLE, COL_DELETED_AT, COL_DELETED_BY = range(4)
#: The ``TrashRow`` of a row.
TrashRowRole = Qt.ItemDataRole.UserRole + 1

QIndex = QModelIndex | QPersistentModelIndex
_SELECT_ROW = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


class TrashTableModel(QAbstractTableModel):
    """The contracts in the Trash: number, title, deleted on (local time), deleted by."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TrashRow] = []

    def set_rows(self, rows: list[TrashRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[TrashRow]:
        return list(self._rows)

    def rowCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Contract No."), self.tr("Title"), self.tr("Deleted on"), self.tr("Deleted by"))[section]

    def data(self, index: QIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == TrashRowRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.contract_no, row.title, local_time(row.deleted_at), row.deleted_by or "")[index.column()]
        return None


class TrashDialog(QDialog):
    """The Trash. Select one or more contracts, then Restore or Delete permanently…."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Trash"))
        self._stale = True
        self.model = TrashTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.hint = QLabel(self.tr("Contracts in the Trash are out of the list, the calendar and the export; "
                                   "their numbers stay taken until they are deleted permanently."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.summary = QLabel()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(self.tr("Delete permanently…"))
        self.purge_button.clicked.connect(self.purge_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        from ui.amendments.trash_files import add_to  # the files removed from contracts (issue 16)

        self.files_panel = add_to(self, layout, context)
        context.changes.changed.connect(self._store_changed)
        self._update_buttons()
        self.resize(860, 560)

    # ----- reading
    def _store_changed(self, _changes: Changes) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the Trash again, keeping the selected contracts selected."""
        self._stale = False
        self.context.read(self.tr("Reading the Trash…"), lambda session, _control: trash.trash_rows(session),
                          self._show)

    def _show(self, rows: list[TrashRow]) -> None:
        selected = {row.id for row in self.selected()}
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        for index, row in enumerate(rows):
            if row.id in selected:
                self.view.selectionModel().select(self.model.index(index, 0), _SELECT_ROW)
        self.summary.setText(self.tr("The Trash is empty.") if not rows
                             else self.tr("{0} contract(s) in the Trash").format(len(rows)))
        self._update_buttons()

    def selected(self) -> list[TrashRow]:
        """The selected contracts, top to bottom."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.index(row, 0).data(TrashRowRole) for row in rows]

    def select_contract(self, contract_no: str) -> bool:
        """Select the contract numbered ``contract_no`` (only it); False if it is not in the Trash."""
        for row, item in enumerate(self.model.rows()):
            if item.contract_no == contract_no:
                self.view.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        chosen = bool(self.view.selectionModel().selectedRows())
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)

    # ----- writing
    def restore_selected(self) -> None:
        """Bring the selected contracts back into the register with every row they had."""
        rows = self.selected()
        if rows:
            self._write(self.tr("Restoring…"), rows, trash.restore,
                        self.tr("Restored: {0}").format(", ".join(row.contract_no for row in rows)))

    def purge_selected(self) -> None:
        """Delete the selected contracts permanently, after asking (No is the default)."""
        rows = self.selected()
        if not rows:
            return
        if len(rows) == 1:
            text = self.tr("Delete contract {0} “{1}” permanently, with all its lines, payments and records? "
                           "This cannot be undone; its history is kept.").format(rows[0].contract_no, rows[0].title)
        else:
            text = self.tr("Delete these {0} contracts permanently, with all their lines, payments and records?\n"
                           "{1}\nThis cannot be undone; their history is kept.").format(
                len(rows), "\n".join(row.contract_no for row in rows))
        if not self.context.dialogs.confirm(self.tr("Delete permanently"), text, default_no=True):
            return
        self._write(self.tr("Deleting permanently…"), rows, trash.purge,
                    self.tr("Deleted permanently: {0}").format(", ".join(row.contract_no for row in rows)),
                    backup_reason="delete")

    def _write(self, label: str, rows: list[TrashRow], action: Any, done_text: str, *,
               backup_reason: str | None = None) -> None:
        """``action(session, id)`` for each row in one transaction through the one writer; with
        ``backup_reason`` a consistent backup is taken first (a permanent delete can be undone only
        from a backup)."""
        ids = [row.id for row in rows]
        store = self.context.store

        def work(session: Session, _control: TaskControl) -> tuple[None, Changes]:
            if backup_reason is not None:
                backup_before(store, backup_reason)  # reads the committed store: nothing purged yet
            for contract_id in ids:
                action(session, contract_id)
            return None, history_log.changes(session)

        self.context.write(label, work, lambda _result: self.context.status(done_text), self._failed)

    def _failed(self, error: BaseException) -> None:
        """A contract no longer in the Trash (another window got there first) is told; nothing was written."""
        if isinstance(error, UserError):
            text = error.message(i18n.current_language())
        elif isinstance(error, ContractError):
            text = self.tr("The contract is no longer in the Trash.")
        else:
            raise error
        self.context.dialogs.error(self.tr("Trash"), text)
        self.reload()


def open_trash(context: AppContext, parent: QWidget) -> TrashDialog:
    """View → Trash…: the parent's Trash dialog, opened (non-modal) or brought forward."""
    dialog = parent.findChild(TrashDialog)
    if dialog is None:
        dialog = TrashDialog(context, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
