"""File → Back up now… and File → Restore from backup…, over ``services.backup``.

Back up now asks where to write the copy (``<Documents>/contracts-YYYYMMDD-HHMM.db`` is offered; a
USB stick is the officer's choice), writes it with SQLite's online backup on the store's single
worker thread (so it never races a write), then tells where and how big.

Restore from backup… lists the backups in the store's backups folder (date taken, kind, size,
contract count; newest first), plus Other file… to pick one elsewhere. The chosen file is checked
first (a bad file is told with its coded message); then a question naming its date and count, No
the default; then the open editors are closed (each asks Save / Discard / Cancel, Cancel stops
everything), the store is closed and restored (``services.backup.restore`` backs it up first), and
the window is rebuilt over the reopened store, which tells the officer which safety backup was made.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
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
)

from services.backup import BackupInfo, backup_now, backups_folder, check_backup, contract_count, list_backups, restore
from services.changes import Changes
from services.errors import UserError
from services.store import open_store
from ui import i18n
from ui.tasks import TaskControl, run_task

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["BackupActions", "BackupsTableModel", "RestoreDialog", "default_backup_name", "human_size",
           "open_restore"]

COL_TAKEN_AT, COL_KIND, COL_SIZE, COL_COUNT, COL_FILE = range(5)
# (The ``BackupInfo`` of a row.)
BackupRole = Qt.ItemDataRole.UserRole + 1

QIndex = QModelIndex | QPersistentModelIndex


def human_size(size_bytes: int) -> str:
    """``512 B``, ``48 KB``, ``1.4 MB``, ``2.1 GB`` (1 KB = 1024 bytes)."""
    if size_bytes < 1024:
        return f"{size_bytes} B"
    size = size_bytes / 1024
    unit = "KB"
    for larger in ("MB", "GB"):
        if size < 1024:
            break
        size, unit = size / 1024, larger
    return f"{size:.1f} {unit}" if size < 10 else f"{size:.0f} {unit}"


def default_backup_name(now: dt.datetime | None = None) -> str:
    """The file name Back up now offers: ``contracts-YYYYMMDD-HHMM.db`` in local time."""
    return f"contracts-{(now or dt.datetime.now()).strftime('%Y%m%d-%H%M')}.db"


def _shown_time(at: dt.datetime) -> str:
    """A backup's local time (its name's): ``2026-12-02 17:05``."""
    return at.strftime("%Y-%m-%d %H:%M")


class BackupsTableModel(QAbstractTableModel):
    """Backups, newest first: taken on (local), kind (a label, never the file's code), size,
    contracts, file name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_rows(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        # list_backups gives oldest first (ties by their -2, -3 suffix): newest first, ties too
        self._rows = sorted(reversed(rows), key=lambda info: info.taken_at, reverse=True)
        self.endResetModel()

    def rows(self) -> list[BackupInfo]:
        return list(self._rows)

    def kind_label(self, kind: str) -> str:
        """手动 / 自动（每日） / 自动（…操作前）: what made the backup, in words."""
        if kind == "manual":
            return self.tr("Manual")
        if kind == "daily":
            return self.tr("Automatic, daily")
        reason = kind.removeprefix("before-")
        labels = {
            "restore": self.tr("Automatic, before a restore"),
            "import": self.tr("Automatic, before an import"),
            "delete": self.tr("Automatic, before a permanent delete"),
        }
        return labels.get(reason, self.tr("Automatic, before a change"))

    def rowCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Taken on"), self.tr("Kind"), self.tr("Size"), self.tr("Contracts"), self.tr("File"))[section]

    def data(self, index: QIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == BackupRole:
            return info
        if role == Qt.ItemDataRole.DisplayRole:
            count = self.tr("unreadable") if info.contract_count is None else str(info.contract_count)
            return (_shown_time(info.taken_at), self.kind_label(info.kind), human_size(info.size_bytes), count,
                    info.path.name)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_SIZE, COL_COUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupActions(QObject):
    """The two File-menu actions of ``window``: back up now, and restore (after the dialog's choice)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _language(self) -> str:
        return i18n.current_language()

    def _failed(self, title: str) -> Any:
        def failed(error: BaseException) -> None:
            if not isinstance(error, UserError):
                raise error
            self.window.dialogs.error(title, error.message(self._language()))
        return failed

    # ----- back up now
    def back_up_now(self) -> None:
        """Ask where, write the copy on the store's worker, tell where and how big."""
        window = self.window
        target = window.dialogs.backup_to_save(default_backup_name())
        if target is None:
            return
        store = window.store

        def work(_control: TaskControl) -> tuple[Path, int | None]:
            made = backup_now(store, target)
            return made, contract_count(made)

        def done(result: tuple[Path, int | None]) -> None:
            made, count = result
            window.dialogs.info(self.tr("Backup made"), self.tr(
                "The register ({0} contract(s)) was backed up to\n{1}\n({2}).").format(
                "?" if count is None else count, made, human_size(made.stat().st_size)))

        run_task(window, self.tr("Backing up the register…"), work, done, self._failed(self.tr("Back up now")),
                 cancellable=False)

    # ----- restore
    def restore_file(self, path: Path, taken: dt.datetime | None = None) -> None:
        """Check ``path``, ask (No the default) naming its date (``taken``, else the file's
        modification time) and contract count, close the editors and the Restore dialog, then
        restore it into the store and rebuild the window over the reopened store."""
        window = self.window

        def check(_control: TaskControl) -> tuple[dt.datetime, int | None]:
            check_backup(path)
            return taken or dt.datetime.fromtimestamp(path.stat().st_mtime), contract_count(path)

        run_task(window, self.tr("Checking the backup…"), check, lambda result: self._confirm(path, *result),
                 self._failed(self.tr("Restore from backup")), cancellable=False)

    def _confirm(self, path: Path, taken: dt.datetime, count: int | None) -> None:
        window = self.window
        question = self.tr(
            "Replace the whole register with the backup of {0} ({1} contract(s))?\n\n"
            "The register as it is now is backed up first; what was entered or changed since {0} "
            "will be only in that safety backup.\n\n{2}").format(
            _shown_time(taken), "?" if count is None else count, path)
        if not window.dialogs.confirm(self.tr("Restore from backup"), question, default_no=True):
            return
        if not window.close_editors():  # Cancel on an edited contract: nothing happens
            return
        for dialog in window.findChildren(RestoreDialog):
            dialog.close()
        store = window.store
        store_path = store.path
        window.release_store()  # released for the restore; the window is rebuilt over the reopened store

        def work(_control: TaskControl) -> Path | None:
            return restore(store_path, path)

        def done(safety: Path | None) -> None:
            try:
                reopened = open_store(store_path)
            except UserError as exc:
                window.dialogs.error(self.tr("Restore from backup"), exc.message(self._language()))
                return
            shown = window.set_store(reopened, home=window.home)  # the samples stay the samples
            if shown is window:  # not replaced: this window shows the restored store
                window.context.changes.announce(Changes.everything())
            where = (self.tr("The register as it was before is kept in the safety backup\n{0}").format(safety)
                     if safety is not None else self.tr("There was no register to back up first."))
            shown.dialogs.info(self.tr("Register restored"), self.tr(
                "The register was restored from the backup of {0} ({1} contract(s)).").format(
                _shown_time(taken), "?" if count is None else count) + "\n\n" + where)

        run_task(window, self.tr("Restoring the register…"), work, done,
                 self._failed(self.tr("Restore from backup")), cancellable=False)


class RestoreDialog(QDialog):
    """The backups of the store, newest first; Restore… the selected one, or Other file…."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.actions = window.findChild(BackupActions) or BackupActions(window)
        self.setWindowTitle(self.tr("Restore from backup"))
        self._stale = True
        self.model = BackupsTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.doubleClicked.connect(lambda _index: self.restore_selected())
        self.folder = QLabel(self.tr("Backups in {0}").format(backups_folder(window.store.path)))
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(self.tr("Restoring replaces the whole register with the backup. The register as it "
                                   "is now is backed up first, so a restore can itself be undone."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.summary = QLabel()
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button = QPushButton(self.tr("Other file…"))
        self.other_button.clicked.connect(self.restore_other)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self._update_buttons()
        self.resize(760, 400)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """List the backups again (each file opened for its count, off the GUI thread)."""
        self._stale = False
        store_path = self.window_.store.path
        run_task(self, self.tr("Reading the backups…"), lambda _control: list_backups(store_path), self._show,
                 self._list_failed, cancellable=False)

    def _list_failed(self, error: BaseException) -> None:
        if not isinstance(error, OSError):
            raise error
        self.summary.setText(self.tr("The backups folder cannot be read: {0}").format(error))

    def _show(self, rows: list[BackupInfo]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if rows:
            self.view.selectRow(0)
        self.summary.setText(self.tr("No backups yet; Other file… restores one kept elsewhere.") if not rows
                             else self.tr("{0} backup(s)").format(len(rows)))
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(BackupRole) if rows else None

    def select_backup(self, path: Path) -> bool:
        """Select the backup file ``path``; False if it is not listed."""
        for row, info in enumerate(self.model.rows()):
            if info.path == Path(path):
                self.view.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def restore_selected(self) -> None:
        """Restore the selected backup (after checking it and asking)."""
        info = self.selected()
        if info is not None:
            self.actions.restore_file(info.path, info.taken_at)

    def restore_other(self) -> None:
        """Pick a backup file anywhere (a USB stick), then restore it as a listed one."""
        path = self.window_.dialogs.backup_to_open(backups_folder(self.window_.store.path))
        if path is not None:
            self.actions.restore_file(Path(path))


def back_up_now(window: MainWindow) -> None:
    """File → Back up now… of ``window``."""
    (window.findChild(BackupActions) or BackupActions(window)).back_up_now()


def open_restore(window: MainWindow) -> RestoreDialog:
    """File → Restore from backup…: the window's dialog, opened (non-modal) or brought forward."""
    dialog = window.findChild(RestoreDialog)
    if dialog is None:
        dialog = RestoreDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    else:
        dialog.reload()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


