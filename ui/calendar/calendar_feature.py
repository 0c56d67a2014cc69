"""The milestone calendar in the main window: the Calendar (Ctrl+K) and Agenda (Ctrl+G) docks, File →
Export calendar (.ics)…, Settings → Working-day schedule… and Reminder days…, and the start-up notice.

The notice is non-blocking: a status-bar message and a clickable label in the status bar that opens
the agenda, shown when anything is overdue or due within 7 days. The deadlines are computed in a
background task once the window is up (``DeadlineSource``), and again when a dock is shown after
the store changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from services.changes import ChangeKind, Changes
from ui import settings
from ui.calendar.deadline_models import DeadlineSource, language
from ui.context import AppContext
from ui.error_text import error_text
from ui.tasks import TaskControl, after_first_paint, run_task

if TYPE_CHECKING:  # the panels, the .ics writer and the dialogs are imported on first use (issue 18)
    from ui.calendar.agenda_view import AgendaPanel
    from ui.calendar.calendar_dialogs import HolidayScheduleDialog
    from ui.calendar.calendar_view import CalendarPanel


class CalendarFeature(QObject):
    """Builds and drives the calendar parts in ``window`` over ``context``; ``edit_contract(id)``
    opens a contract from a deadline. ``today`` is injectable for tests.

    Listens to the store-changed signal: a change to a few contracts recomputes their deadlines at
    once (the agenda, the calendar and the status-bar notice follow); a wider one recomputes all.
    """

    def __init__(self, context: AppContext, window: QMainWindow, edit_contract: Callable[[int], object], *,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.store = context.store
        self.source = DeadlineSource(self.store, window, today=today)
        self.source.wanted = self.visible
        self._edit_contract = edit_contract
        self._panels: tuple[CalendarPanel, AgendaPanel, QDockWidget, QDockWidget] | None = None
        self.record_payment_actions: list[Any] = []
        context.changes.changed.connect(self._store_changed)
        self.calendar_action = self._action(self.tr("&Calendar"), self.show_calendar, "Ctrl+K")
        self.agenda_action = self._action(self.tr("A&genda"), self.show_agenda, "Ctrl+G")
        self.export_action = self._action(self.tr("Export &calendar (.ics)…"), self.export_ics)
        self.holidays_action = self._action(self.tr("&Working-day schedule…"), self.edit_holidays)
        self.reminder_action = self._action(self.tr("&Reminder days…"), self.edit_reminder_days)
        self.notice = QLabel()
        self.notice.setVisible(False)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setStyleSheet("QLabel { background: #fdecea; padding: 2px 8px; border-radius: 3px; }")
        self.notice.linkActivated.connect(lambda _link: self.show_agenda())
        self.notice.setToolTip(self.tr("Open the agenda"))
        window.statusBar().addPermanentWidget(self.notice)

    # ----- the docks, built when first wanted (the first paint needs neither, issue 18)
    def build_docks(self) -> None:
        """Build the Calendar and Agenda docks (hidden) if not yet built."""
        if self._panels is not None:
            return
        from services.calendar.holidays import working_calendar
        from ui.calendar.agenda_view import AgendaPanel
        from ui.calendar.calendar_view import CalendarPanel
        from ui.payments.deadline_action import install_record_payment  # issue 15: on a payment deadline

        with self.store.session() as session:
            working = working_calendar(session)
        calendar = CalendarPanel(self.source, working)
        agenda_panel = AgendaPanel(self.context, self.source)
        for panel in (calendar, agenda_panel):
            panel.contractActivated.connect(self._edit_contract)
        self.record_payment_actions = [install_record_payment(panel.view, self.context, self.source.today)
                                       for panel in (agenda_panel, calendar)]
        calendar_dock = self._dock(self.tr("Calendar"), "calendarDock", calendar)
        agenda_dock = self._dock(self.tr("Agenda"), "agendaDock", agenda_panel)
        self.window.tabifyDockWidget(calendar_dock, agenda_dock)
        self._panels = (calendar, agenda_panel, calendar_dock, agenda_dock)

    @property
    def docks_built(self) -> bool:
        return self._panels is not None

    def _built(self) -> tuple[CalendarPanel, AgendaPanel, QDockWidget, QDockWidget]:
        self.build_docks()
        assert self._panels is not None
        return self._panels

    @property
    def calendar(self) -> CalendarPanel:
        return self._built()[0]

    @property
    def agenda(self) -> AgendaPanel:
        return self._built()[1]

    @property
    def calendar_dock(self) -> QDockWidget:
        return self._built()[2]

    @property
    def agenda_dock(self) -> QDockWidget:
        return self._built()[3]

    def _dock(self, title: str, name: str, widget: Any) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        dock.visibilityChanged.connect(lambda shown: shown and self.source.ensure())
        return dock

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def visible(self) -> bool:
        return self._panels is not None and (self.calendar_dock.isVisible() or self.agenda_dock.isVisible())

    # ----- start-up
    def start(self) -> None:
        """After the window's first paint: compute the deadlines in the background, then the notice."""
        after_first_paint(self.window, self.check_due)

    def check_due(self) -> None:
        """Recompute the deadlines (only their counts while the docks were never shown), then the notice."""
        self.source.refresh(self._notify, counts_only=not self.visible())

    def _notify(self) -> None:
        overdue, soon = self.source.counts()
        if not overdue and not soon:
            self.notice.setVisible(False)
            return
        text = self.tr("{0} overdue, {1} due within 7 days").format(overdue, soon)
        self.notice.setText(f"<a href='agenda' style='color:#b71c1c; text-decoration:none'>⚠ {text} — "
                            + self.tr("open the agenda") + "</a>")
        self.notice.setVisible(True)
        self.window.statusBar().showMessage(text, 15000)

    # ----- views
    def show_calendar(self) -> CalendarPanel:
        self.calendar_dock.show()
        self.calendar_dock.raise_()
        self.source.ensure()
        return self.calendar

    def show_agenda(self) -> AgendaPanel:
        self.agenda_dock.show()
        self.agenda_dock.raise_()
        self.source.ensure()
        self.agenda.view.setFocus()
        return self.agenda

    def _store_changed(self, changes: Changes) -> None:
        """Deadlines of the changed contracts recomputed (all of them after a wide change), then the notice."""
        if ChangeKind.HOLIDAYS in changes.kinds and self._panels is not None:
            from services.calendar.holidays import working_calendar

            with self.store.session() as session:
                self.calendar.set_working_calendar(working_calendar(session))
        if not changes.kinds & {ChangeKind.CONTRACTS, ChangeKind.DEADLINES, ChangeKind.HOLIDAYS, ChangeKind.STORE}:
            return
        few = 0 < len(changes.contract_ids) <= 20 and not changes.kinds & {ChangeKind.HOLIDAYS, ChangeKind.STORE}
        if few and (self.source.loaded or self.source.due_counts is not None):
            for contract_id in sorted(changes.contract_ids):
                self.source.refresh_contract(contract_id)
            self._notify()
        else:
            self.source.stale = True
            self.source.refresh(self._notify, counts_only=not self.visible())

    # ----- export
    def export_ics(self) -> None:
        """Ask for a file and write every open dated deadline the agenda's contract, kind and responsible
        filters let through, with an alarm ``reminder_days`` before (a routine series as one event)."""
        path = self.context.dialogs.ics_to_save("contractdesk-deadlines.ics")
        if path is None:
            return
        days, lang, today = settings.reminder_days(), language(), self.source.today()
        accepts = self.agenda.proxy.accepts
        from services.calendar import agenda
        from services.calendar.ics import write_ics

        def work(control: TaskControl) -> int:
            with self.store.session() as session:
                items = agenda.all_deadlines(session, today=today, reminder_days=days, progress=control.progress)
            return write_ics(Path(path), [d for d in items if d.state != "done" and accepts(d)], days, lang)

        def failed(error: BaseException) -> None:
            if isinstance(error, OSError):
                self.context.dialogs.error(self.tr("Export failed"), error_text(error))
            else:
                raise error

        run_task(self.window, self.tr("Writing the calendar…"), work,
                 lambda count: self.window.statusBar().showMessage(
                     self.tr("{0} deadline(s) written to {1}, each with a reminder {2} day(s) before").format(
                         count, path, days)), failed, cancellable=False)

    # ----- settings
    def edit_holidays(self) -> HolidayScheduleDialog:
        """Settings → Working-day schedule… (non-modal; returned for tests)."""
        from ui.calendar.calendar_dialogs import HolidayScheduleDialog

        dialog = HolidayScheduleDialog(self.context, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def edit_reminder_days(self) -> None:
        """Settings → Reminder days…: the renewal reminder's and the calendar alarms' lead time."""
        days = self.context.dialogs.ask_int(
            self.tr("Reminder days"),
            self.tr("Remind this many days before each deadline (calendar alarms) and before the end of a "
                    "contract's term (renewal):"), settings.reminder_days(), 0, 365)
        if days is None:
            return
        settings.set_reminder_days(days)
        self.source.stale = True
        self.source.refresh()
