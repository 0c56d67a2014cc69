"""The editor's Amendments tab (补充协议): the contract's amendments, the Compare view of each (old → new),
the terms in force on any date, and New amendment… — the editor's next Save records the edits as an
amendment (its changes, through ``services.amendments.register.record``) instead of overwriting.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from services.amendments import register
from services.amendments.changes import AmendmentData, ChangeError, diff
from services.amendments.printing import default_amendment_pdf_name, write_amendment_pdf
from services.changes import ChangeKind, Changes
from services.errors import UserError
from services.register import contracts as contract_service
from services.register.contract_data import ContractData
from services.register.versions import ConflictError, ContractDeletedError
from ui import i18n
from ui.amendments.editor_panel import EditorPanel
from ui.amendments.models import AmendmentsModel, ChangesModel
from ui.register.role_limits import limit, may_write
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from ui.editor.contract_editor import ContractEditor


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(True)
    return view


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def pending_text(waiting: list[AmendmentData]) -> str:
    """The note shown while amendments are pending: which terms the editor shows, which apply today."""
    names = ", ".join(QCoreApplication.translate("AmendmentsPanel", "{0} (effective {1})").format(
        a.amendment_no, a.effective.isoformat()) for a in waiting)
    return QCoreApplication.translate(
        "AmendmentsPanel", "Pending: {0}. The editor's tabs, the contract list, the agenda, the calendar and the "
                     "payments overview show the terms in force today; the amended terms apply from the "
                     "effective date (set “Terms in force on” below to see them). Save keeps the pending "
                     "amendment.").format(names)


class AmendmentsPanel(EditorPanel):
    """The Amendments tab of ``editor`` (a saved contract)."""

    def __init__(self, editor: ContractEditor) -> None:
        super().__init__(editor)
        self.amendments: list[AmendmentData] = []
        self.current: ContractData | None = None
        self.drafting = False

        self.new_button = QPushButton(self.tr("New amendment…"))
        self.new_button.setToolTip(self.tr("Edit the contract in the other tabs; Save then records the edits "
                                           "as this amendment instead of overwriting the contract"))
        self.new_button.clicked.connect(self.start_draft)
        limit(self.context, "amendments", self.new_button)  # read-only, or a role (issue 17)
        self.print_button = QPushButton(self.tr("Print amendment…"))
        self.print_button.clicked.connect(self.print_selected)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.print_button)
        top.addStretch(1)

        # The draft: what the amendment is (its changes come from the edits).
        self.draft = QWidget()
        form = QFormLayout(self.draft)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("e.g. {0}-补1").format(editor.data.contract_no))
        today = _qdate(dt.date.today())
        self.sign_edit = QDateEdit(today)
        self.sign_edit.setCalendarPopup(True)
        self.effective_edit = QDateEdit(today)
        self.effective_edit.setCalendarPopup(True)
        self.text_edit = QLineEdit()
        form.addRow(self.tr("Amendment No."), self.number_edit)
        form.addRow(self.tr("Signed on"), self.sign_edit)
        form.addRow(self.tr("Effective from"), self.effective_edit)
        form.addRow(self.tr("Text"), self.text_edit)
        self.draft_label = QLabel(self.tr("Recording an amendment: edit the contract in the other tabs, then "
                                          "Save records the edits as this amendment's changes."))
        self.draft_label.setWordWrap(True)
        self.draft_label.setStyleSheet("background: #fff4ce; padding: 4px;")
        cancel = QPushButton(self.tr("Cancel amendment"))
        cancel.clicked.connect(self.cancel_draft)
        form.addRow(self.draft_label)
        form.addRow(cancel)
        self.draft.setVisible(False)

        self.list_model = AmendmentsModel(self)
        self.list_view = _table(self.list_model)
        self.list_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.compare_model = ChangesModel(self)
        self.compare_view = _table(self.compare_model)
        compare_box = QWidget()
        compare_layout = QVBoxLayout(compare_box)
        compare_layout.setContentsMargins(0, 0, 0, 0)
        compare_layout.addWidget(QLabel(self.tr("Compare: what the selected amendment changed (old → new)")))
        compare_layout.addWidget(self.compare_view)

        # The terms in force on a date: what differs from today's.
        self.as_of_edit = QDateEdit(today)
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.dateChanged.connect(lambda _d: self._show_as_of())
        self.as_of_label = QLabel()
        self.as_of_label.setWordWrap(True)
        self.as_of_model = ChangesModel(self)
        self.as_of_model.headers = (self.tr("No."), self.tr("What"), self.tr("On that day"), self.tr("Today"))
        self.as_of_view = _table(self.as_of_model)
        as_of_box = QWidget()
        as_of_layout = QVBoxLayout(as_of_box)
        as_of_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Terms in force on")))
        row.addWidget(self.as_of_edit)
        row.addWidget(self.as_of_label, 1)
        as_of_layout.addLayout(row)
        as_of_layout.addWidget(self.as_of_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list_view)
        splitter.addWidget(compare_box)
        splitter.addWidget(as_of_box)
        splitter.setSizes([130, 230, 240])
        # Which terms the editor shows while an amendment is pending (issue 16).
        self.pending_label = QLabel()
        self.pending_label.setWordWrap(True)
        self.pending_label.setStyleSheet("background: #fff4ce; padding: 4px;")
        self.pending_label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.draft)
        layout.addWidget(splitter, 1)
        self.context.changes.changed.connect(self._store_changed)
    def title(self) -> str:
        """The tab's title."""
        return self.tr("Amendments")

    # ----- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the contract's amendments and its current terms again."""
        contract_id = self.editor.contract_id
        if contract_id is None:
            return

        def work(session: Session, _control: TaskControl) -> tuple[list[AmendmentData], ContractData]:
            return register.amendments(session, contract_id), contract_service.load(session, contract_id)

        self.context.read(self.tr("Reading the amendments…"), work, self._loaded)

    def _loaded(self, result: tuple[list[AmendmentData], ContractData]) -> None:
        self.amendments, self.current = result
        today = dt.date.today()
        self.list_model.set_amendments(self.amendments, today)
        waiting = [a for a in self.amendments if a.effective > today]
        self.pending_label.setVisible(bool(waiting))
        if waiting:
            self.pending_label.setText(pending_text(waiting))
        self.print_button.setEnabled(bool(self.amendments))
        if self.amendments:
            self.list_view.selectRow(len(self.amendments) - 1)
        self._show_selected()
        self._show_as_of()

    def _store_changed(self, changes: Changes) -> None:
        # A closed editor (about to be deleted) reads nothing more.
        editor = self._editor()
        if (self._loaded_once and editor is not None and editor.isVisible() and editor.contract_id is not None
                and changes.touches(editor.contract_id)):
            self.reload()

    def selected(self) -> AmendmentData | None:
        """The amendment selected in the list (the latest if none is)."""
        row = self.list_view.currentIndex().row()
        if 0 <= row < len(self.amendments):
            return self.amendments[row]
        return self.amendments[-1] if self.amendments else None

    def _show_selected(self) -> None:
        chosen = self.selected()
        self.compare_model.set_changes(chosen.changes if chosen else [], self.current)
        self.compare_view.resizeColumnsToContents()

    def _show_as_of(self) -> None:
        if self.current is None:
            return
        day = _pydate(self.as_of_edit.date())
        try:
            then = register.as_of(self.current, self.amendments, day)
        except ChangeError as error:  # amendments recorded out of order that change the same field
            self.as_of_label.setText(error.message(i18n.current_language()))
            self.as_of_model.set_changes([])
            return
        try:  # compared with the terms in force today, not with a pending amendment's
            today_terms = register.as_of(self.current, self.amendments, dt.date.today())
        except ChangeError:
            today_terms = self.current
        changed = diff(then, today_terms)
        applied = register.in_force(self.amendments, day)
        if not self.amendments:
            text = self.tr("No amendments: the contract as signed.")
        elif not applied:
            text = self.tr("The contract as signed (before any amendment took effect).")
        else:
            text = self.tr("As amended by {0}.").format(", ".join(a.amendment_no for a in applied))
        if changed:
            text += " " + self.tr("{0} field(s) differ from today's terms:").format(len(changed))
        self.as_of_label.setText(text)
        self.as_of_model.set_changes(changed, today_terms)
        self.as_of_view.resizeColumnsToContents()

    # ----- recording ---------------------------------------------------------------------------

    def start_draft(self) -> None:
        """New amendment…: show the draft form; the editor's Save now records an amendment."""
        self.drafting = True
        self.draft.setVisible(True)
        self.new_button.setEnabled(False)
        self.editor.setWindowTitle(self.tr("Contract {0} — new amendment").format(self.editor.data.contract_no))
        self.number_edit.setFocus()

    def cancel_draft(self) -> None:
        """Stop recording an amendment (the edits stay; Save would then overwrite as usual)."""
        self.drafting = False
        self.draft.setVisible(False)
        self.new_button.setEnabled(may_write(self.context, "amendments"))

    def draft_amendment(self, edited: ContractData) -> AmendmentData:
        """The amendment the draft form and the edits describe: the changes from the contract as opened."""
        effective = _pydate(self.effective_edit.date())
        return AmendmentData(amendment_no=self.number_edit.text().strip(), sign_date=_pydate(self.sign_edit.date()),
                             effective_date=effective, text=self.text_edit.text().strip() or None,
                             changes=diff(self.editor.data, edited))

    def record(self, edited: ContractData) -> bool:
        """Save while drafting: record the edits as an amendment (one transaction, announced). False
        when refused (no number, no change, a conflict); the reason is shown."""
        editor = self.editor
        amendment = self.draft_amendment(edited)
        if not amendment.amendment_no:
            editor._show_error(self.tr("The amendment needs its number (Amendments tab)."))
            self.editor.tabs.setCurrentWidget(self)
            return False
        if not amendment.changes:
            editor._show_error(self.tr("Nothing was changed: edit the contract in the other tabs first."))
            return False
        contract_id = editor.contract_id
        assert contract_id is not None
        version = editor.data.version
        outcome: list[bool] = []

        def work(session: Session, _control: TaskControl) -> tuple[int, Changes]:
            register.record(session, contract_id, amendment, version=version)
            return contract_id, Changes.of(ChangeKind.CONTRACTS, ChangeKind.DEADLINES, ChangeKind.HISTORY,
                                           ids=[contract_id])

        def done(saved_id: int) -> None:
            outcome.append(True)
            self.cancel_draft()
            editor.undo_stack.setClean()
            editor._clean_header = editor.header.snapshot()
            editor.saved.emit(saved_id)
            editor.accept()

        def failed(error: BaseException) -> None:
            outcome.append(False)
            if isinstance(error, (ConflictError, ContractDeletedError, ChangeError, UserError)):
                editor._show_error(error.message(i18n.current_language()) if isinstance(error, UserError)
                                   else str(error))
            else:
                raise error

        self.context.write(self.tr("Recording the amendment…"), work, done, failed)
        return outcome[0] if outcome else True

    # ----- printing ----------------------------------------------------------------------------

    def print_selected(self) -> None:
        """Print amendment…: the selected amendment as PDF, for signature."""
        chosen, current = self.selected(), self.current
        if chosen is None or current is None:
            return
        path = self.context.dialogs.pdf_to_save(default_amendment_pdf_name(chosen.amendment_no))
        if path is None:
            return

        def work(_session: Session, _control: TaskControl) -> str:
            return str(write_amendment_pdf(current, chosen, path).path)

        def failed(error: BaseException) -> None:
            if isinstance(error, OSError):
                self.editor._show_error(self.tr("Cannot write {0}: {1}").format(path, error))
            else:
                raise error

        self.context.read(self.tr("Printing the amendment…"), work,
                          lambda written: self.context.dialogs.info(self.tr("Printed"), written), failed)
