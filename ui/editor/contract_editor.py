"""The contract editor: header, parties, line items, installments, milestones, bonds and articles in one dialog.

It edits a session-free copy (``ContractData``); Save writes it in one transaction through
``services.register.contracts.save`` and is refused while any field is invalid. Ctrl+Z / Ctrl+Shift+Z
undo and redo table edits; Ctrl+S saves.
"""

from __future__ import annotations

import copy
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from models.contract import ROLES
from services.amendments.editing import open_terms, save_terms
from services.changes import ChangeKind, Changes
from services.checks.base import ERROR
from services.errors import UserError
from services.register import contracts as contract_service
from services.register.contract_data import ArticleData, ContractData, InstallmentData, PartyData
from services.register.events import event_labels
from services.register.versions import ConflictError, ContractDeletedError, current_version
from ui import i18n
from ui.calendar.recurrence_dialog import RecurrenceDialog, edit_recurrence
from ui.calendar.routine_close import close_routine_with_contract
from ui.context import AppContext
from ui.editor.checks_panel import ChecksPanel, run_checks, show_problem
from ui.editor.conflicts import free_number, resolve_refused_save
from ui.editor.header_form import HeaderForm
from ui.editor.line_items_editor import LineItemsEditor
from ui.editor.lost_connection import ask_retry, is_lost_connection
from ui.editor.obligation_tables import (
    bonds_model,
    events_words,
    milestones_model,
    obligation_problems,
    unit_words,
    with_event_codes,
)
from ui.editor.penalty_clauses import clause_problems, penalty_clauses_model
from ui.editor.record_table_model import FieldColumn, RecordTableModel
from ui.error_text import error_text
from ui.register.history_view import ContractHistoryPanel
from ui.register.role_limits import limit, may_write
from ui.tasks import TaskControl


class RecordTable(QWidget):
    """A ``RecordTableModel`` in a view with Insert / Delete buttons and an error line."""

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.view.resizeColumnsToContents()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        model.invalidInput.connect(self._show_error)
        model.dataChanged.connect(lambda *_: self.error.clear())
        add = QPushButton(self.tr("Insert row"))
        add.clicked.connect(lambda: model.insert_row(self._current_row() + 1))
        remove = QPushButton(self.tr("Delete row"))
        remove.clicked.connect(lambda: model.remove_row(self._current_row()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)

    def _current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else self.model.rowCount() - 1

    def _show_error(self, row: int, column: int, message: str) -> None:
        header = self.model.columns[column].header
        self.error.setText(self.tr("Row {0}, {1}: {2}").format(row + 1, header, message))


class ContractEditor(QDialog):
    """Edit (``contract_id`` given) or create a contract in the context's store.

    Saving goes through the context's one writer, which announces the change;
    ``saved(contract_id)`` is emitted after a successful save. Errors and questions go to the
    context's dialogs (scripted in tests, so no modal ever blocks one).
    """

    saved = Signal(int)
    reloadRequested = Signal(int)  # Reload after a conflict: open this contract afresh

    def __init__(self, context: AppContext, contract_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = store = context.store
        self.contract_id = contract_id
        title = self.tr("ContractDesk")
        self._show_error = lambda text: context.dialogs.error(title, text)
        confirm = lambda text: context.dialogs.confirm(title, text)  # noqa: E731 - a one-line adapter
        #: Amendments signed but not yet in force today, taken back to show the terms in force today
        #: (issue 16); Save applies them again on top of the edits (services.amendments.editing).
        self.pending_amendments: list[str] = []
        if contract_id is None:
            self.data = ContractData(contract_no="", title="", total_amount=Decimal("0.00"),
                                     parties=[PartyData(role="甲方", name=""), PartyData(role="乙方", name="")])
        else:
            with store.session() as session:
                opened = open_terms(session, contract_id)  # the terms in force today
            self.data, self.pending_amendments = opened.data, opened.pending
        self.setWindowTitle(self.tr("Contract {0}").format(self.data.contract_no) if contract_id
                            else self.tr("New contract"))
        self.undo_stack = QUndoStack(self)
        self.header = HeaderForm(self.data)
        self.line_items = LineItemsEditor(copy.deepcopy(self.data.line_items), undo_stack=self.undo_stack,
                                          confirm=confirm)
        self.parties = RecordTable(self._parties_model())
        self.installments = RecordTable(self._installments_model())
        self.articles = RecordTable(self._articles_model())
        labels = event_labels(self.data.events)
        self.milestones = RecordTable(milestones_model(self.data.milestones, self.undo_stack, self, labels))
        self.repeats_button = QPushButton(self.tr("Repeats…"))
        self.repeats_button.clicked.connect(self.edit_recurrence)
        self.milestones.buttons.insertWidget(2, self.repeats_button)
        self.bonds = RecordTable(bonds_model(self.data.bonds, self.undo_stack, self, labels))
        self.penalties = RecordTable(penalty_clauses_model(self.data.penalty_clauses, self.undo_stack, self))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.header, self.tr("General"))
        self.tabs.addTab(self.parties, self.tr("Parties"))
        self.tabs.addTab(self.line_items, self.tr("Line items"))
        self.tabs.addTab(self.installments, self.tr("Installments"))
        self.tabs.addTab(self.milestones, self.tr("Milestones"))
        self.tabs.addTab(self.bonds, self.tr("Bonds"))
        self.tabs.addTab(self.articles, self.tr("Articles"))
        self.tabs.addTab(self.penalties, self.tr("Penalty clauses"))
        self.payments: QWidget | None = None
        if contract_id is not None:  # payments are recorded on a stored contract (issue 15)
            from ui.payments.payments_tab import PaymentsTab

            self.payments = PaymentsTab(context, contract_id)
            self.tabs.addTab(self.payments, self.tr("Payments"))
        self.history = ContractHistoryPanel(context, contract_id)  # read-only
        self.saved.connect(self.history.set_contract)
        self.tabs.addTab(self.history, self.tr("History"))
        self.amendments_panel = self.attachments_panel = None
        if contract_id is not None:  # 补充协议 and 附件 of a saved contract (issue 16)
            from ui.amendments.editor_tabs import add_tabs

            add_tabs(self)
        # The checks (核对) under the tabs, re-run on every edit; a click shows the field.
        self.checks = ChecksPanel()
        self.checks.problemActivated.connect(lambda problem: show_problem(self, problem))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.checks)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)

        self.problems = QLabel()
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.penalty_button = self.buttons.addButton(self.tr("Liquidated damages…"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.penalty_button.clicked.connect(self.open_penalty_calculator)
        self.event_button = self.buttons.addButton(self.tr("Record event…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.event_button.setToolTip(self.tr("Record the date of an event deadlines count from (acceptance, "
                                             "invoice received, budget approved …); saved at once"))
        self.event_button.setEnabled(contract_id is not None and not store.read_only)
        if store.read_only:  # a read-only store: look, print, calculate — not save
            for button in (self.buttons.button(QDialogButtonBox.StandardButton.Save),):
                button.setEnabled(False)
        self.event_button.clicked.connect(self.record_event)
        # a server register's role (issue 17): finance and viewers may not save terms nor record events;
        # the server would refuse — the buttons say so before the officer types
        limit(context, "contracts", self.buttons.button(QDialogButtonBox.StandardButton.Save))
        if contract_id is not None:
            limit(context, "contract_events", self.event_button)
        layout = QVBoxLayout(self)
        self.stale_banner = self._stale_banner()
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self._add_actions()
        self.header.changed.connect(self._refresh)
        context.changes.changed.connect(self._store_changed)
        self.undo_stack.indexChanged.connect(lambda _i: self._refresh())
        self.resize(1100, 700)
        self._clean_header = self.header.snapshot()
        self._refresh()

    def _add_actions(self) -> None:
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        save = QAction(self.tr("Save"), self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.triggered.connect(self.save)
        for action in (undo, redo, save):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_action, self.redo_action, self.save_action = undo, redo, save
        save.setEnabled(may_write(self.context, "contracts"))

    def _parties_model(self) -> RecordTableModel:
        columns = [
            FieldColumn("role", self.tr("Role"), "role"), FieldColumn("name", self.tr("Name")),
            FieldColumn("name_en", self.tr("English name")),
            FieldColumn("legal_rep", self.tr("Legal representative")),
            FieldColumn("signatory_title", self.tr("Signatory title")), FieldColumn("address", self.tr("Address")),
            FieldColumn("contact", self.tr("Contact")), FieldColumn("phone", self.tr("Phone")),
            FieldColumn("email", self.tr("E-mail")), FieldColumn("tax_id", self.tr("Tax ID")),
            FieldColumn("bank", self.tr("Bank")), FieldColumn("account", self.tr("Account")),
            FieldColumn("share_amount", self.tr("Share (元)"), "money"),
            FieldColumn("consortium_lead", self.tr("Consortium lead"), "flag"),
            FieldColumn("other_signatories", self.tr("Other signatories")),
        ]

        def blank(row: int) -> PartyData:
            used = {p.role for p in model.records}
            role = next((r for r in ROLES if r not in used), ROLES[-1])
            return PartyData(role=role, name="")

        model = RecordTableModel(self.data.parties, columns, blank, self.undo_stack, self)
        return model

    def _installments_model(self) -> RecordTableModel:
        columns = [
            FieldColumn("seq", self.tr("No."), "int"), FieldColumn("name", self.tr("Name")),
            FieldColumn("payee_role", self.tr("Payee"), "role"), FieldColumn("percent", self.tr("Percent"), "percent"),
            FieldColumn("amount", self.tr("Amount (元)"), "money"),
            FieldColumn("due_date", self.tr("Due date"), "date"),
            # derived from the payments (issue 15): shown, never typed here, so nothing typed is overwritten
            FieldColumn("paid_date", self.tr("Paid on"), "date", read_only=True,
                        tip=self.tr("Recorded in Payments: the date the payments reached the installment's amount")),
            FieldColumn("paid_amount", self.tr("Paid (元)"), "money", read_only=True,
                        tip=self.tr("Recorded in Payments: the sum of the payments of this installment")),
            # codes on screen as words (event:budget_2027 → its label, working_days → 工作日); editing shows codes
            FieldColumn("due_after", self.tr("Counted from"), words=events_words(event_labels(self.data.events))),
            FieldColumn("due_offset", self.tr("Within"), "int"),
            FieldColumn("due_unit", self.tr("Unit"), "choice", ("working_days", "days", "months"), words=unit_words),
            FieldColumn("condition", self.tr("Condition")),
        ]
        return RecordTableModel(self.data.installments, columns, lambda row: InstallmentData(seq=row + 1),
                                self.undo_stack, self)

    def _articles_model(self) -> RecordTableModel:
        columns = [FieldColumn("seq", self.tr("No."), "int"), FieldColumn("heading", self.tr("Heading")),
                   FieldColumn("body", self.tr("Text"))]
        return RecordTableModel(self.data.articles, columns, lambda row: ArticleData(seq=row + 1),
                                self.undo_stack, self)

    def _refresh(self) -> None:
        total = self.header.total_amount()
        self.line_items.set_contract_figures(total if total is not None else Decimal("0.00"), self.header.tax_rate())
        self.problems.setText("\n".join(self.problems_list()))
        self.checks.set_problems(run_checks(self))

    def problems_list(self) -> list[str]:
        """Everything that blocks saving, each naming where it is."""
        labels = self.header._labels()
        problems = [f"{labels.get(name, name)}: {reason}" for name, reason in self.header.errors().items()]
        problems += [self.tr("Line items: {0}").format(p) for p in self.line_items.validate()]
        parties = self.parties.model.records
        if not 2 <= len(parties) <= 5:
            problems.append(self.tr("Parties: a contract has two to five parties (甲方 … 戊方)"))
        roles = [p.role for p in parties]
        if len(set(roles)) != len(roles):
            problems.append(self.tr("Parties: each role (甲方 … 戊方) may appear only once"))
        if any(not p.name.strip() for p in parties):
            problems.append(self.tr("Parties: every party needs a name"))
        problems += clause_problems(self.penalties.model.records)
        problems += obligation_problems(self.milestones.model.records, self.bonds.model.records)
        return problems

    def collect(self, *, skip_invalid: bool = False) -> ContractData:
        """The contract as edited — the one builder, for saving and for the live checks.

        Without ``skip_invalid`` call only when ``problems_list()`` is empty (what is saved). With it
        (the checks, while typing): header fields that do not parse are None, event names that do
        not parse stay as typed."""
        data = copy.deepcopy(self.data)
        self.header.apply_to(data, skip_invalid=skip_invalid)
        data.parties = copy.deepcopy(self.parties.model.records)
        data.line_items = copy.deepcopy(self.line_items.items())
        data.installments = copy.deepcopy(self.installments.model.records)
        data.articles = copy.deepcopy(self.articles.model.records)
        data.milestones = with_event_codes(copy.deepcopy(self.milestones.model.records), keep_invalid=skip_invalid)
        data.bonds = with_event_codes(copy.deepcopy(self.bonds.model.records), keep_invalid=skip_invalid)
        data.penalty_clauses = copy.deepcopy(self.penalties.model.records)
        return data

    def _stale_banner(self) -> QWidget:
        """Shown when the register's copy of this contract changed after it was opened."""
        banner = QWidget()
        banner.setObjectName("staleBanner")
        banner.setStyleSheet("#staleBanner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; }")
        row = QHBoxLayout(banner)
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        reload_button = QPushButton(self.tr("Reload"))
        reload_button.clicked.connect(self._reload_asking)
        row.addWidget(self.stale_label, 1)
        row.addWidget(reload_button)
        banner.setVisible(False)
        return banner

    def _store_changed(self, changes: Changes) -> None:
        """Another part of the app (or another process) wrote: if it was this contract, say so —
        saving will then ask what to do; nothing typed here is touched."""
        if self.contract_id is None or self.data.version is None or not changes.touches(self.contract_id):
            return
        with self.store.session() as session:
            current = current_version(session, self.contract_id)
            if current is not None:  # a payment: the paid columns follow it at once (read-only here)
                self._show_paid_columns(session)
        if current == self.data.version:
            return
        self.stale_label.setText(
            self.tr("This contract was changed elsewhere after you opened it (or moved to the Trash). "
                    "Reload shows the register's version; saving asks what to do with yours.")
            if current is not None else
            self.tr("This contract was deleted after you opened it. Saving offers to save it as a new contract."))
        self.stale_banner.setVisible(True)

    def _show_paid_columns(self, session: Session) -> None:
        stored = open_terms(session, self.contract_id).data.installments  # type: ignore[arg-type]
        model = self.installments.model
        model.refresh_field("paid_date", {i.seq: i.paid_date for i in stored})
        model.refresh_field("paid_amount", {i.seq: i.paid_amount for i in stored})

    def _reload_asking(self) -> None:
        if self.is_modified() and not self.context.dialogs.confirm(
                self.tr("Reload"), self.tr("Drop your changes and show the register's version?"), default_no=True):
            return
        self.reload_from_store()

    def is_modified(self) -> bool:
        """True when something was typed since the contract was opened or last saved."""
        return not self.undo_stack.isClean() or self.header.snapshot() != self._clean_header

    def reject(self) -> None:
        """Esc, Cancel, the window's close button, or ``close()``: an edited contract asks Save /
        Discard / Cancel first (Save the default) — nothing typed is lost without that answer."""
        if self.isVisible() and self.is_modified():
            answer = self.context.dialogs.save_discard_cancel(
                self.tr("Unsaved changes"),
                self.tr("Contract {0} has changes that are not saved. Save them?").format(
                    self.data.contract_no or self.tr("(new)")))
            if answer == "save":
                self.save()  # closes the editor once saved; stays open, with the reason, if not
                return
            if answer != "discard":
                return
        super().reject()

    def edit_recurrence(self) -> RecurrenceDialog | None:
        """Repeats… on the selected milestone: the common shapes, the RRULE visible (issue 13)."""
        return edit_recurrence(self.milestones.model, self.milestones.view.currentIndex().row(), self,
                               start=self.data.start_date or self.data.effective_date or self.data.sign_date,
                               end=self.data.end_date)

    def save(self) -> bool:
        """Save in one transaction; refused (False) while problems remain or the store objects.
        Check errors do not block saving (a signed contract may contradict itself) but are named
        first with "Save anyway?"."""
        problems = self.problems_list()
        if problems:
            self.problems.setText("\n".join(problems))
            self._show_error(self.tr("The contract cannot be saved yet:") + "\n" + "\n".join(problems))
            return False
        errors = [p for p in run_checks(self) if p.severity == ERROR]
        if errors and not self.context.dialogs.confirm(
            self.tr("Save anyway?"),
            self.tr("The checks found {0} error(s) in this contract:").format(len(errors)) + "\n"
            + "\n".join(f"• {p.message(i18n.current_language())}" for p in errors[:10])
            + "\n\n" + self.tr("Save anyway?")):
            return False
        data = self.collect()
        close_routine_with_contract(self.context, self.contract_id, data)  # completed/terminated: asks once
        if self.amendments_panel is not None and self.amendments_panel.drafting:
            return self.amendments_panel.record(data)  # New amendment…: the edits become its changes
        return self._write(data, self.contract_id)

    def _write(self, data: ContractData, contract_id: int | None, *, as_new: bool = False,
               keep_number: bool = True) -> bool:
        """Hand ``data`` to the one writer (``contract_id`` None: a new contract; ``as_new``: the
        edited contract saved as a new one, under a free number derived from its own unless
        ``keep_number`` and free). True once written (or, in the app,
        handed over); a refused save asks what to do (``ui.editor.conflicts``)."""
        outcome: list[bool] = []
        before = (data.contract_no, data.version)  # a Retry after a lost connection starts from these

        def work(session: Session, _control: TaskControl) -> tuple[int, Changes]:
            if as_new:
                data.contract_no = free_number(session, data.contract_no, keep=keep_number)
            pending = self.pending_amendments if contract_id is not None and not as_new else []
            saved_id = save_terms(session, data, contract_id, pending)
            return saved_id, Changes.of(ChangeKind.CONTRACTS, ChangeKind.DEADLINES, ChangeKind.HISTORY, ids=[saved_id])

        def done(saved_id: int) -> None:
            if as_new:
                self.context.dialogs.info(self.tr("Saved as a new contract"),
                                          self.tr("Your version was saved as contract {0}.").format(data.contract_no))
            self.contract_id = saved_id
            self.undo_stack.setClean()
            self._clean_header = self.header.snapshot()
            self.saved.emit(saved_id)
            self.accept()
            outcome.append(True)

        def failed(error: BaseException) -> None:
            outcome.append(False)
            if isinstance(error, (ConflictError, ContractDeletedError)):
                resolve_refused_save(self, error, data)
            elif is_lost_connection(error):  # nothing written; the editor keeps its contents (issue 17)
                assert isinstance(error, UserError)
                if ask_retry(self.context.dialogs, error):
                    data.contract_no, data.version = before
                    outcome[0] = self._write(data, contract_id, as_new=as_new, keep_number=keep_number)
            elif isinstance(error, UserError):
                self._show_error(error.message(i18n.current_language()))
            elif isinstance(error, contract_service.ContractError):
                self._show_error(error_text(error))
            else:
                raise error

        self.context.write(self.tr("Saving the contract…"), work, done, failed)
        return outcome[0] if outcome else True  # True: handed to the writer (the app); tests run it inline

    def save_as_new(self, data: ContractData, *, keep_number: bool) -> bool:
        """Save ``data`` as a new contract (its number kept if ``keep_number`` and free, else
        ``NUMBER-副本``…): the way out of a conflict or of a contract deleted meanwhile."""
        fresh = copy.deepcopy(data)
        fresh.version = None
        return self._write(fresh, None, as_new=True, keep_number=keep_number)

    def reload_from_store(self) -> None:
        """Drop the edits and show the register's version: the window reopens this contract."""
        contract_id = self.contract_id
        self.undo_stack.setClean()
        self._clean_header = self.header.snapshot()
        self.reject()
        if contract_id is not None:
            self.reloadRequested.emit(contract_id)

    def record_event(self) -> QDialog | None:
        """Record event… for this (saved) contract: non-modal, stored at once (returned for tests)."""
        if self.contract_id is None:
            return None
        from ui.calendar.calendar_dialogs import RecordEventDialog

        dialog = RecordEventDialog(self.context, self.contract_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_penalty_calculator(self) -> QDialog:
        """The liquidated-damages calculator on this contract as edited (non-modal; returned for tests)."""
        from ui.penalty.penalty_dialog import open_for_editor

        return open_for_editor(self)

