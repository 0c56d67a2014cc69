"""The Trash window's files: the files removed from contracts (issue 16), with Restore and Delete
permanently… (``services.attachments.trash``). A panel added under the contracts by ``add_to``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from services import history as history_log
from services.attachments import trash as file_trash
from services.attachments.files import kind_label, size_text
from services.changes import Changes
from services.errors import UserError
from ui import i18n
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from ui.context import AppContext

_Index = QModelIndex | QPersistentModelIndex


class TrashFilesModel(QAbstractTableModel):
    """One row per file in the Trash: file, kind, size, contract, removed on, removed by."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[file_trash.TrashedFile] = []

    def set_rows(self, rows: list[file_trash.TrashedFile]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("Contract No."), self.tr("Removed on"),
                self.tr("Removed by"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        language = "zh" if i18n.current_language().startswith("zh") else "en"
        return (row.file_name, kind_label(row.kind, language), size_text(row.size), row.contract_no,
                row.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M"), row.deleted_by or "")[index.column()]


class TrashFilesPanel(QWidget):
    """Files removed from contracts: select, then Restore (back on its contract) or Delete permanently…."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = TrashFilesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.restore_button = QPushButton(self.tr("Restore file"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(self.tr("Delete file permanently…"))
        self.purge_button.clicked.connect(self.purge_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Files removed from contracts")))
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        for button in (self.restore_button, self.purge_button):
            button.setEnabled(not context.store.read_only)
        context.changes.changed.connect(lambda _changes: self.reload() if self.isVisible() else None)

    def reload(self) -> None:
        """Read the files in the Trash again."""
        self.context.read(self.tr("Reading the Trash…"),
                          lambda session, _control: file_trash.trashed_files(session), self._show)

    def _show(self, rows: list[file_trash.TrashedFile]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.summary.setText(self.tr("No file in the Trash.") if not rows
                             else self.tr("{0} file(s) in the Trash").format(len(rows)))

    def selected(self) -> list[file_trash.TrashedFile]:
        """The files selected in the table."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.rows[row] for row in rows if row < len(self.model.rows)]

    def restore_selected(self) -> None:
        """Put the selected files back on their contracts."""
        rows = self.selected()
        if rows:
            self._write(self.tr("Restoring…"), rows, file_trash.restore_file)

    def purge_selected(self) -> None:
        """Delete the selected files permanently, after asking with their names."""
        rows = self.selected()
        if not rows:
            return
        names = "\n".join(f"• {row.file_name} ({row.contract_no}, {size_text(row.size)})" for row in rows[:10])
        if not self.context.dialogs.confirm(
                self.tr("Delete permanently"),
                self.tr("Delete these {0} file(s) permanently? They cannot be restored afterwards.").format(len(rows))
                + "\n" + names, default_no=True):
            return
        self._write(self.tr("Deleting permanently…"), rows, file_trash.purge_file)

    def _write(self, label: str, rows: list[file_trash.TrashedFile], action: Any) -> None:
        ids = [row.id for row in rows]

        def work(session: Session, _control: TaskControl) -> tuple[None, Changes]:
            for attachment_id in ids:
                action(session, attachment_id)
            return None, history_log.changes(session)

        def failed(error: BaseException) -> None:
            if not isinstance(error, UserError):
                raise error
            self.context.dialogs.error(self.tr("Trash"), error.message(i18n.current_language()))
            self.reload()

        self.context.write(label, work, lambda _result: self.reload(), failed)


def add_to(dialog: QWidget, layout: QVBoxLayout, context: AppContext) -> TrashFilesPanel:
    """Add the files panel to the Trash ``dialog``'s ``layout`` (before its buttons); returns it, read."""
    panel = TrashFilesPanel(context, dialog)
    layout.insertWidget(layout.count() - 1, panel, 1)
    panel.reload()
    return panel
