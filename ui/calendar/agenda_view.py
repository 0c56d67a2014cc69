"""The agenda: deadlines across all contracts — overdue, the next 30 or 90 days, waiting, or all —
filterable by contract, kind and responsible party, sortable; mark done with the actual date
(undoable, each change one transaction), record an event, open the contract.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from models.contract import ROLES
from services.calendar import agenda
from services.calendar.deadlines import KINDS, Deadline, kind_text
from services.calendar.series import group_routine
from services.changes import ChangeKind, Changes
from services.errors import UserError
from ui.calendar.calendar_dialogs import RecordEventDialog, mark_done_label
from ui.calendar.deadline_models import DeadlineFilter, DeadlineSource, DeadlineTableModel, ObjectRole, language
from ui.context import AppContext
from ui.error_text import error_text
from ui.tasks import TaskControl


class MarkDone(QUndoCommand):
    """Mark one deadline done on a date (or not done: ``day`` None); undo restores what it was."""

    def __init__(self, panel: AgendaPanel, item: Deadline, day: dt.date | None) -> None:
        translate = QCoreApplication.translate
        text = (translate("AgendaPanel", "Mark done: {0}") if day
                else translate("AgendaPanel", "Mark not done: {0}")).format(mark_done_label(item))
        super().__init__(text)
        self._panel, self._contract_id, self._key, self._day = panel, item.contract_id, item.key, day
        self._previous: dt.date | None = None

    def redo(self) -> None:
        self._panel.write_done(self._contract_id, self._key, self._day, self._remember)

    def undo(self) -> None:
        self._panel.write_done(self._contract_id, self._key, self._previous)

    def _remember(self, previous: dt.date | None) -> None:
        # The writer hands back what the mark was before, once written: what undo restores.
        self._previous = previous


def help_text() -> str:
    """How the dates are counted (the UI's help; also the agenda's tooltip)."""
    return QCoreApplication.translate(
        "AgendaPanel",
        "How dates are counted: working days follow the official calendar of the PRC — public holidays and "
        "make-up working days (调休). The day of the event is not counted: the first working day after it is "
        "day 1, so “within 15 working days of signing” ends on the 15th working day after the signing day. "
        "A period in days or months that ends on a weekend or holiday ends on the next working day (Civil Code "
        "art. 203); 31 January + 1 month is the last day of February. For a year whose official schedule is not "
        "known yet (2027 at the time of writing) the dates are estimates from weekends and the statutory "
        "holidays (春节, 清明, 端午, 中秋 …); an estimate cannot place the make-up working days (调休). Enter "
        "that year's schedule under Settings → Working-day schedule… to make them firm.")


class AgendaPanel(QWidget):
    """The agenda over a ``DeadlineSource``; writes go through ``context`` (whose dialogs ask for
    dates and show errors); ``contractActivated(contract_id)`` on a double-click."""

    contractActivated = Signal(int)

    def __init__(self, context: AppContext, source: DeadlineSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.store, self.source, self.dialogs = context, context.store, source, context.dialogs
        self.undo_stack = QUndoStack(self)
        self.model = DeadlineTableModel(self)
        self.proxy = DeadlineFilter(self, today=source.today)
        self.proxy.setSourceModel(self.model)
        filters = self._build_filters()
        self._build_view()
        self._build_action_buttons()
        undo_button, redo_button = self._build_undo_redo()
        self._build_context_menu()
        buttons = self._button_row(undo_button, redo_button)
        self._build_labels()
        self._build_layout(filters, buttons)
        self._connect(source)
        self.reload()

    def _build_filters(self) -> QHBoxLayout:
        self.window_box = QComboBox()
        texts = (self.tr("Overdue and next 30 days"), self.tr("Next 30 days"), self.tr("Next 90 days"),
                 self.tr("Overdue"), self.tr("Waiting for an event"), self.tr("All, done in the past year included"))
        for code, text in zip(DeadlineFilter.WINDOWS, texts, strict=True):
            self.window_box.addItem(text, code)
        self.window_box.currentIndexChanged.connect(lambda _i: self.proxy.set_filter(
            window=self.window_box.currentData()))
        self.contract_edit = QLineEdit()
        self.contract_edit.setPlaceholderText(self.tr("Contract number"))
        self.contract_edit.setClearButtonEnabled(True)
        self.contract_edit.textChanged.connect(lambda text: self.proxy.set_filter(contract=text.strip()))
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("Every kind"), "")
        for kind in KINDS:
            self.kind_box.addItem(kind_text(kind, language()), kind)
        self.kind_box.currentIndexChanged.connect(lambda _i: self.proxy.set_filter(kind=self.kind_box.currentData()))
        self.role_box = QComboBox()
        self.role_box.addItem(self.tr("Any responsible party"), "")
        for role in ROLES:
            self.role_box.addItem(role, role)
        self.role_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(responsible=self.role_box.currentData()))
        self.each_box = QCheckBox(self.tr("Each occurrence"))
        self.each_box.setToolTip(self.tr("List every occurrence of a routine series (daily, weekly, monthly) "
                                         "instead of one row per series"))
        self.each_box.toggled.connect(lambda _on: self.reload())
        filters = QHBoxLayout()
        for widget in (self.window_box, self.contract_edit, self.kind_box, self.role_box, self.each_box):
            filters.addWidget(widget)
        filters.addStretch(1)
        return filters

    def _build_view(self) -> None:
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.view.doubleClicked.connect(self._activated)
        self.view.setToolTip(help_text())

    def _build_action_buttons(self) -> None:
        self.mark_button = QPushButton(self.tr("Mark done / done through…"))
        self.mark_button.clicked.connect(self.mark_selected_done)
        self.event_button = QPushButton(self.tr("Record event…"))
        self.event_button.clicked.connect(self.record_event)

    def _build_undo_redo(self) -> tuple[QPushButton, QPushButton]:
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        undo_button, redo_button = QPushButton(self.tr("Undo")), QPushButton(self.tr("Redo"))
        undo_button.clicked.connect(self.undo_stack.undo)
        redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo_button.setEnabled)
        undo_button.setEnabled(False)
        redo_button.setEnabled(False)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        return undo_button, redo_button

    def _build_context_menu(self) -> None:
        open_action = QAction(self.tr("Open contract"), self)
        open_action.triggered.connect(lambda: self._activated(self.view.currentIndex()))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        mark_action = QAction(self.tr("Mark done…"), self)
        mark_action.triggered.connect(self.mark_selected_done)
        event_action = QAction(self.tr("Record event…"), self)
        event_action.triggered.connect(self.record_event)
        self.view.addActions([open_action, mark_action, event_action])

    def _button_row(self, undo_button: QPushButton, redo_button: QPushButton) -> QHBoxLayout:
        buttons = QHBoxLayout()
        for button in (self.mark_button, self.event_button, undo_button, redo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def _build_labels(self) -> None:
        self.summary = QLabel()
        self.help = QLabel(help_text())
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #555;")

    def _build_layout(self, filters: QHBoxLayout, buttons: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.help)

    def _connect(self, source: DeadlineSource) -> None:
        source.changed.connect(self.reload)
        self.proxy.modelReset.connect(self._update_summary)
        self.proxy.layoutChanged.connect(self._update_summary)
        self.proxy.rowsInserted.connect(self._update_summary)
        self.proxy.rowsRemoved.connect(self._update_summary)

    def reload(self) -> None:
        """Show the source's deadlines again, keeping the selected one selected."""
        current = self.selected()
        if self.each_box.isChecked():
            self.model.set_items(self.source.items)
        else:
            self.model.set_rows(group_routine(self.source.items))
        self.view.resizeColumnsToContents()
        self._fit_columns()
        if current is not None:
            self.select(current.contract_id, current.key)
        self._update_summary()

    def _fit_columns(self) -> None:
        """Every column readable without scrolling sideways (1366×768): long texts are cut, whole in
        the tooltip."""
        header = self.view.horizontalHeader()
        for column, widest in ((2, 320), (6, 420)):
            if header.sectionSize(column) > widest:
                header.resizeSection(column, widest)

    def selected_summary(self) -> object | None:
        """The series summary of the selected row (None: not a series row)."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.summary(self.proxy.mapToSource(index).row())

    def set_window(self, code: str) -> None:
        """Choose the dates shown (one of ``DeadlineFilter.WINDOWS``)."""
        self.window_box.setCurrentIndex(self.window_box.findData(code))

    def rows(self) -> list[Deadline]:
        """The deadlines shown, in the order shown."""
        return [self.proxy.index(row, 0).data(ObjectRole) for row in range(self.proxy.rowCount())]

    def select(self, contract_id: int | None, key: str) -> bool:
        for row in range(self.proxy.rowCount()):
            item: Deadline = self.proxy.index(row, 0).data(ObjectRole)
            if item.contract_id == contract_id and item.key == key:
                self.view.selectRow(row)
                return True
        return False

    def selected(self) -> Deadline | None:
        index = self.view.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def _update_summary(self, *_args: object) -> None:
        overdue, soon = self.source.counts()
        self.summary.setText(self.tr("{0} shown · {1} overdue · {2} due within 7 days").format(
            self.proxy.rowCount(), overdue, soon))

    def write_done(self, contract_id: int | None, key: str, day: dt.date | None,
                   then: Callable[[dt.date | None], None] | None = None) -> None:
        """Mark ``key`` of a contract done on ``day`` (None: not done) in one transaction through the
        one writer; ``then(previous)`` gets the value it had. The change is announced, so the list's
        next due, the agenda and the status bar's counts follow."""
        assert contract_id is not None

        def work(session: Session, _control: TaskControl) -> tuple[dt.date | None, Changes]:
            previous = agenda.mark_done(session, contract_id, key, day)
            return previous, Changes.of(ChangeKind.DEADLINES, ChangeKind.CONTRACTS, ids=[contract_id])

        def failed(error: BaseException) -> None:  # the contract or its row gone meanwhile: say so, nothing written
            if not isinstance(error, UserError):
                raise error
            self.dialogs.error(self.tr("Mark done"), error_text(error))
            self.source.refresh()

        self.context.write(self.tr("Marking done…"), work, then, failed)

    def mark_selected_done(self) -> None:
        """Ask for the actual date (today offered) and mark the selected deadline done (undoable)."""
        item = self.selected()
        if item is None or item.contract_id is None:
            return
        if item.state == "done":
            self.undo_stack.push(MarkDone(self, item, None))
            return
        if self.selected_summary() is not None:
            day = self.dialogs.ask_date(self.tr("Mark done through"),
                                        self.tr("Every occurrence up to this date is done:"), self.source.today())
            if day is not None:
                self.undo_stack.push(MarkDone(self, item, day))
            return
        day = self.dialogs.ask_date(self.tr("Mark done"), self.tr("Done on (the actual date):"), self.source.today())
        if day is not None:
            self.undo_stack.push(MarkDone(self, item, day))

    def record_event(self) -> RecordEventDialog | None:
        """Record an event of the selected deadline's contract — the one it waits for, if any."""
        item = self.selected()
        if item is None or item.contract_id is None:
            return None
        waiting = next((code for code in item.waiting_for if code not in agenda.OWN_EVENTS and code != "lodged"),
                       None)
        dialog = RecordEventDialog(self.context, item.contract_id, self, event=waiting, today=self.source.today())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _activated(self, index: QModelIndex) -> None:
        item = index.data(ObjectRole) if index.isValid() else None
        if item is not None and item.contract_id is not None:
            self.contractActivated.emit(item.contract_id)
