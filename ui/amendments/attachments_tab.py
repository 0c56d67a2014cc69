"""The editor's Attachments tab (附件): the files kept with the contract — add (Add file… or drag onto
the tab), open a temporary copy with the system's viewer, Save as…, remove. Reading and storing a
file (up to 200 MB) runs in the writer, off the GUI thread (``services.attachments.files``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)
from sqlalchemy.orm import Session

from services.attachments import files
from services.attachments import trash as file_trash
from services.changes import ChangeKind, Changes
from services.errors import UserError
from ui import i18n
from ui.amendments.editor_panel import EditorPanel
from ui.amendments.models import AttachmentsModel
from ui.register.role_limits import limit, may_write
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from ui.editor.contract_editor import ContractEditor


class AttachmentsPanel(EditorPanel):
    """The Attachments tab of ``editor`` (a saved contract)."""

    def __init__(self, editor: ContractEditor) -> None:
        super().__init__(editor)
        self.setAcceptDrops(may_write(self.context, "attachments"))  # read-only, or a role (issue 17)
        self.model = AttachmentsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda index: self.open_copy(index.row()))
        self.kind_box = QComboBox()
        zh = i18n.current_language().startswith("zh")
        for code, (label_zh, label_en) in files.KINDS.items():
            self.kind_box.addItem(label_zh if zh else label_en, code)
        self.kind_box.setCurrentIndex(self.kind_box.findData("signed_copy"))
        add = QPushButton(self.tr("Add file…"))
        add.clicked.connect(self.ask_files)
        open_button = QPushButton(self.tr("Open"))
        open_button.clicked.connect(lambda: self.open_copy(self._row()))
        save_as = QPushButton(self.tr("Save as…"))
        save_as.clicked.connect(self.ask_save_as)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.remove(self._row()))
        limit(self.context, "attachments", add, remove)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Kind of new files:")))
        buttons.addWidget(self.kind_box)
        # Undo of the last removal (its bytes stay in the store until the editor closes).
        self.undo_button = QPushButton(self.tr("Undo remove"))
        self.undo_button.clicked.connect(self.undo_remove)
        self.undo_button.setVisible(False)
        self.removed: files.AttachmentRow | None = None
        for button in (add, open_button, save_as, remove, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel(self.tr("Drag files here or use Add file… — each file up to 200 MB; the same "
                                      "file is stored once."))
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.context.changes.changed.connect(self._store_changed)
        editor.finished.connect(lambda _result: self.forget_removed())
    def title(self) -> str:
        """The tab's title."""
        return self.tr("Attachments")

    def _row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def reload(self) -> None:
        """Read the contract's files again."""
        contract_id = self.editor.contract_id
        if contract_id is None:
            return
        self.context.read(self.tr("Reading the attachments…"),
                          lambda session, _c: files.attachments(session, contract_id), self.model.set_items)

    def _store_changed(self, changes: Changes) -> None:
        # A closed editor (about to be deleted) reads nothing more.
        editor = self._editor()
        if (self._loaded_once and editor is not None and editor.isVisible() and editor.contract_id is not None
                and changes.touches(editor.contract_id)):
            self.reload()

    # ----- adding ------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def ask_files(self) -> None:
        """Add file…: choose files in the system's dialog."""
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add files to the contract"))
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path], kind: str | None = None) -> None:
        """Keep ``paths`` with the contract as ``kind`` (default: the kind chosen); one transaction.
        Says which were already kept and which the store already held; a refused file is named."""
        contract_id = self.editor.contract_id
        assert contract_id is not None
        chosen = kind or str(self.kind_box.currentData())

        def work(session: Session, _control: TaskControl) -> tuple[list[files.Added], Changes]:
            added = [files.add_file(session, contract_id, path, kind=chosen) for path in paths]
            return added, Changes.of(ChangeKind.CONTRACTS, ChangeKind.HISTORY, ids=[contract_id])

        def done(added: list[files.Added]) -> None:
            notes = []
            for item in added:
                if item.already_here:
                    notes.append(self.tr("{0}: this contract already keeps the same file; not added again")
                                 .format(item.row.file_name))
                elif not item.stored:
                    notes.append(self.tr("{0}: the store already held the same file; it is stored once")
                                 .format(item.row.file_name))
            self.message.setText("\n".join(notes) or self.tr("Added {0} file(s).").format(len(added)))

        def failed(error: BaseException) -> None:
            if isinstance(error, UserError):
                self.message.setText(error.message(i18n.current_language()))
                self.context.dialogs.error(self.tr("Attachments"), error.message(i18n.current_language()))
            else:
                raise error

        self.context.write(self.tr("Adding files…"), work, done, failed)

    # ----- opening, saving, removing -----------------------------------------------------------

    def _content(self, row: int) -> tuple[files.AttachmentRow, bytes] | None:
        if not 0 <= row < len(self.model.items):
            return None
        item = self.model.items[row]
        with self.context.store.session() as session:
            return item, files.content(session, item.sha256)

    def temporary_copy(self, row: int) -> Path | None:
        """A user-only temporary copy of the file on ``row`` (never the stored original)."""
        found = self._content(row)
        if found is None:
            return None
        item, data = found
        folder = Path(tempfile.mkdtemp(prefix="contractdesk-"))
        path = folder / (Path(item.file_name).name or item.sha256)
        path.write_bytes(data)
        path.chmod(0o600)
        return path

    def open_copy(self, row: int) -> Path | None:
        """Open: a temporary copy with the system's viewer (its choice for unknown types)."""
        path = self.temporary_copy(row)
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def ask_save_as(self) -> None:
        """Save as…: write the selected file where the officer says."""
        row = self._row()
        if not 0 <= row < len(self.model.items):
            return
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the file as"), self.model.items[row].file_name)
        if name:
            self.save_as(row, Path(name))

    def save_as(self, row: int, target: Path) -> None:
        """Write the file on ``row`` to ``target``."""
        found = self._content(row)
        if found is None:
            return
        try:
            target.write_bytes(found[1])
        except OSError as exc:
            self.context.dialogs.error(self.tr("Attachments"), self.tr("Cannot write {0}: {1}").format(target, exc))

    def remove(self, row: int) -> None:
        """Remove the file on ``row`` from the contract to the Trash, after asking with its name, kind and
        size; Undo remove puts it back, and the Trash window later (``services.attachments.trash``)."""
        if not 0 <= row < len(self.model.items):
            return
        item = self.model.items[row]
        kind = files.kind_label(item.kind, "zh" if i18n.current_language().startswith("zh") else "en")
        if not self.context.dialogs.confirm(
                self.tr("Remove file"),
                self.tr("Remove “{0}” ({1}, {2}) from this contract? It goes to the Trash, where you can "
                        "restore it.").format(item.file_name, kind, files.size_text(item.size)),
                default_no=True):
            return
        contract_id = item.contract_id

        def work(session: Session, _control: TaskControl) -> tuple[files.AttachmentRow, Changes]:
            removed = file_trash.to_trash(session, item.id)  # row and bytes kept, restorable
            return removed, Changes.of(ChangeKind.CONTRACTS, ChangeKind.HISTORY, ids=[contract_id])

        def done(removed: files.AttachmentRow) -> None:
            self.removed = removed
            self.undo_button.setVisible(True)
            self.undo_button.setToolTip(self.tr("Put “{0}” back").format(removed.file_name))
            self.message.setText(self.tr("Moved “{0}” to the Trash. Undo remove puts it back; later, the Trash "
                                         "window does.").format(removed.file_name))

        self.context.write(self.tr("Removing the file…"), work, done)

    def undo_remove(self) -> None:
        """Put the last removed file back (name, kind, date added, note as they were)."""
        removed = self.removed
        if removed is None:
            return

        def work(session: Session, _control: TaskControl) -> tuple[files.AttachmentRow, Changes]:
            row = file_trash.restore_file(session, removed.id)
            return row, Changes.of(ChangeKind.CONTRACTS, ChangeKind.HISTORY, ids=[removed.contract_id])

        def done(_row: files.AttachmentRow) -> None:
            self.removed = None
            self.undo_button.setVisible(False)
            self.message.setText(self.tr("“{0}” is back.").format(removed.file_name))

        def failed(error: BaseException) -> None:
            self.removed = None
            self.undo_button.setVisible(False)
            text = error.message(i18n.current_language()) if isinstance(error, UserError) else str(error)
            self.context.dialogs.error(self.tr("Attachments"), text)

        self.context.write(self.tr("Restoring the file…"), work, done, failed)

    def forget_removed(self) -> None:
        """The editor closes: the undo is no longer offered here; the removed file stays in the Trash."""
        self.removed = None
