"""The main window: the contract list (or a welcome page on an empty store) and the menus."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from services.changes import ChangeKind, Changes
from services.errors import UserError
from services.register import contracts as contract_service
from services.store import Store, StoreError, data_version, open_store
from services.store_roles import store_role
from ui import i18n
from ui.calendar.calendar_feature import CalendarFeature
from ui.context import AppContext, Dialogs, StoreChanges, open_in_viewer
from ui.contracts.list_model import ContractListModel
from ui.contracts.list_view import ContractListView
from ui.contracts.welcome import WelcomePage
from ui.dialogs import DialogService
from ui.error_text import error_text
from ui.main_menus import build_menus
from ui.printing import PdfPrinting
from ui.register.samples import open_samples, samples_banner
from ui.tasks import TaskControl, run_task

if TYPE_CHECKING:  # feature modules are imported on first use: the first paint needs none (issue 18)
    from sqlalchemy.orm import Session

    from ui.about import AboutDialog
    from ui.editor.contract_editor import ContractEditor
    from ui.register.ledger_actions import LedgerActions
    from ui.register.live_changes import ServerChanges

_open_windows: list[QMainWindow] = []
#: How often the window looks for another process's writes (PRAGMA data_version), in milliseconds.
OTHER_WRITERS_POLL_MS = 2000


class MainWindow(QMainWindow):
    """The register's window over ``store``. ``dialogs`` asks and tells (a fake one in tests);
    ``open_file(path)`` shows a written PDF (default: the system viewer; a recorder in tests)."""

    # The menus' actions, set by ``ui.main_menus.build_menus``.
    new_action: QAction
    open_action: QAction
    import_action: QAction
    export_action: QAction
    backup_action: QAction
    restore_backup_action: QAction
    move_action: QAction
    samples_action: QAction
    home_action: QAction
    delete_action: QAction
    history_action: QAction
    trash_action: QAction
    print_action: QAction
    print_summary_action: QAction
    preview_action: QAction
    printer_action: QAction
    seam_action: QAction
    undo_delete_action: QAction
    find_action: QAction
    overview_action: QAction
    register_action: QAction
    penalty_action: QAction
    about_action: QAction

    def __init__(self, store: Store, *, dialogs: Dialogs | None = None,
                 open_file: Callable[[Path], None] | None = None, home: Path | None = None) -> None:
        super().__init__()
        self.store = store
        self.home = home  # showing the sample contracts: the officer's own register, to go back to
        self.dialogs: Dialogs = dialogs or DialogService(self)
        self._injected_dialogs = dialogs
        self._open_file = open_file
        self.context = AppContext(store, self.dialogs, self, StoreChanges(self), open_file=open_file or open_in_viewer,
                                  status=lambda text: self.statusBar().showMessage(text))
        self.context.changes.changed.connect(self._store_changed)
        # Another process writing the same store (a command-line import, a second user on a shared
        # folder): SQLite's data_version moves; the change is announced like any other.
        self._data_version = data_version(store)
        self._other_writers: QTimer | ServerChanges
        if store.on_server:  # a server tells: LISTEN/NOTIFY off the GUI thread (issue 17)
            from ui.register.live_changes import ServerChanges

            self._other_writers = ServerChanges(self, store, self.context.changes.announce,
                                                lambda text: self.statusBar().showMessage(text))
        else:
            self._other_writers = QTimer(self)
            self._other_writers.setInterval(OTHER_WRITERS_POLL_MS)
            self._other_writers.timeout.connect(self._check_other_writers)
        self._other_writers.start()
        self.printing = PdfPrinting(self.context, self._selected_contract)
        self._hand_over_store = False
        self._ledger: LedgerActions | None = None
        self._editors: dict[int, ContractEditor] = {}
        self._deleted: list[int] = []  # contracts this window moved to the Trash, for Ctrl+Z
        self.model = ContractListModel(store, parent=self)
        self.list_view = ContractListView(self.model)
        self.list_view.contractActivated.connect(self.edit_contract)
        self.welcome = WelcomePage(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.list_view)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        self.samples_banner = samples_banner(self)
        column.addWidget(self.samples_banner)
        self.read_only_banner = self._read_only_banner()
        column.addWidget(self.read_only_banner)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.model.countChanged.connect(lambda _n: self._update_page())
        # Calendar / Agenda docks, .ics, schedule, start-up notice
        self.calendar_feature = CalendarFeature(self.context, self, self.edit_contract)
        build_menus(self)
        if store.read_only:  # the banner says why; reading, printing and export stay
            for action in (self.new_action, self.import_action, self.delete_action, self.undo_delete_action,
                           self.calendar_feature.holidays_action):
                action.setEnabled(False)
        self._limit_to_role()
        self._update_page()
        self.calendar_feature.start()
        self.resize(1200, 720)

    def _read_only_banner(self) -> QWidget:
        """Shown over a store that cannot be written (a read-only file or folder): why, and that
        list, calendar, print and export still work."""
        label = QLabel()
        label.setObjectName("readOnlyBanner")
        label.setWordWrap(True)
        label.setStyleSheet("#readOnlyBanner { background: #fdecea; padding: 6px; border-bottom: 1px solid #e0a0a0; }")
        if self.store.read_only:
            label.setText(self.tr("Read-only: {0} The list, the calendar, printing and export work; changes are "
                                  "disabled.").format(self.store.read_only_error().message(i18n.current_language())))
        label.setVisible(self.store.read_only)
        return label

    def _check_other_writers(self) -> None:
        try:
            version = data_version(self.store)
        except sqlite3.Error:  # the file went away (a restore, a closed store): nothing to compare
            return
        except StoreError as exc:  # a server register out of reach: said, and asked again at the next poll
            self.statusBar().showMessage(exc.message(i18n.current_language()))
            return
        if version != self._data_version:
            self._data_version = version
            self.context.changes.announce(Changes.everything())

    def start_daily_backup(self) -> None:
        """At the first start of the day: a consistent backup of the store, off the GUI thread
        (a failure is a word in the status bar, never a stop)."""
        if self.store.read_only or self.home is not None:
            return

        def failed(error: BaseException) -> None:
            if not isinstance(error, (UserError, OSError)):
                raise error
            self.statusBar().showMessage(self.tr("The daily backup failed: {0}").format(
                error.message(i18n.current_language()) if isinstance(error, UserError) else error))

        from services.backup import daily_backup

        run_task(self, self.tr("Backing up the register…"), lambda _control: daily_backup(self.store),
                 lambda _path: None, failed, cancellable=False)

    def _role_label(self, role: str) -> str:
        return {"viewer": self.tr("viewer"), "officer": self.tr("contract officer"), "finance": self.tr("finance"),
                "admin": self.tr("administrator")}.get(role, role)

    def _limit_to_role(self) -> None:
        """On a server: disable what this user's role may not do (the server refuses it anyway) and
        say why in the action's tip (``services.store_roles``)."""
        self.role = store_role(self.store)
        if self.role is None or self.role == "admin":
            return
        why = self.tr("Your role on this server register ({0}) may not do this.").format(self._role_label(self.role))
        limited = [self.calendar_feature.holidays_action]
        if self.role in ("viewer", "finance"):
            limited += [self.new_action, self.import_action, self.delete_action, self.undo_delete_action]
        for action in limited:
            action.setEnabled(False)
            action.setToolTip(why)
            action.setStatusTip(why)

    def _update_page(self) -> None:
        empty = self.model.rowCount() == 0 and not self.model.search_text() and not self.model.problems_only()
        self.pages.setCurrentWidget(self.welcome if empty else self.list_view)
        self.setWindowTitle(self.tr("ContractDesk — {0}").format(self.store.location))
        if self.store.on_server:  # which server, and as whom: the permanent label below (issue 17)
            self.statusBar().showMessage(self.tr("{0} contract(s) on the server register").format(
                self.model.rowCount()))
        else:
            self.statusBar().showMessage(self.tr("{0} contract(s) in {1}").format(
                self.model.rowCount(), self.store.path))
        if not hasattr(self, "register_label"):  # always in view: other messages replace the one above
            self.register_label = QLabel(self)
            self.statusBar().addPermanentWidget(self.register_label)
        self.register_label.setVisible(self.store.on_server)
        role = getattr(self, "role", None)
        who = f"{self.store.who} ({self._role_label(role)})" if role else self.store.who
        self.register_label.setText(self.tr("Server register {0} · user {1}").format(
            self.store.location, who) if self.store.on_server else "")

    # ----- contracts
    def new_contract(self) -> ContractEditor:
        """Open the editor on a new contract (non-modal; returns it for tests)."""
        return self._open_editor(None)

    def _selected_contract(self) -> tuple[int, str] | None:
        """The contract selected in the list: its id and number, or None."""
        contract_id = self.list_view.current_contract_id()
        if contract_id is None:
            return None
        row = self.model.row_of(contract_id)
        return contract_id, (self.model.index(row, 0).data() if row is not None else "")

    def _store_changed(self, _changes: object) -> None:
        """Any write, from any part: the list shows the store as it is (next due, problem marks)."""
        if not self.store.on_server:  # a server's listener does not hear our own writes
            self._data_version = data_version(self.store)  # our own write: not another process's
        self.model.refresh()
        self._update_page()

    def edit_current(self) -> None:
        contract_id = self.list_view.current_contract_id()
        if contract_id is not None:
            self.edit_contract(contract_id)

    def edit_contract(self, contract_id: int) -> ContractEditor:
        """Open the editor on contract ``contract_id``."""
        return self._open_editor(contract_id)

    def _open_editor(self, contract_id: int | None) -> ContractEditor:
        """One editor per contract: opening it again brings the open one forward."""
        if contract_id is not None and contract_id in self._editors:
            editor = self._editors[contract_id]
            editor.show()
            editor.raise_()
            editor.activateWindow()
            return editor
        from ui.editor.contract_editor import ContractEditor

        editor = ContractEditor(self.context, contract_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self.list_view.select_contract)
        editor.reloadRequested.connect(self.edit_contract)
        if contract_id is not None:
            self._editors[contract_id] = editor
            # By id, not by the editor: nothing here may keep a deleted editor's wrapper alive.
            editor.finished.connect(lambda _result, key=contract_id: self._editors.pop(key, None))
        editor.show()
        return editor

    def delete_contract(self) -> None:
        """Move the selected contract to the Trash after a question whose default is No; View →
        Trash restores it, and Ctrl+Z in the list undoes the last delete."""
        selected = self._selected_contract()
        if selected is None:
            return
        contract_id, number = selected
        if not self.dialogs.confirm(self.tr("Move to the Trash"),
                                    self.tr("Move contract {0} to the Trash? It leaves the list, the calendar and "
                                            "the exports; Ctrl+Z or View → Trash brings it back.").format(number),
                                    default_no=True):
            return

        def work(session: Session, _control: TaskControl) -> tuple[int, Changes]:
            contract_service.delete_contract(session, contract_id)
            return contract_id, Changes.of(ChangeKind.CONTRACTS, ChangeKind.DEADLINES, ChangeKind.HISTORY,
                                           ids=[contract_id])

        self.context.write(self.tr("Moving the contract to the Trash…"), work, self._deleted.append)

    def undo_delete(self) -> None:
        """Ctrl+Z in the list: restore the contract deleted last (from the Trash, every row with it)."""
        if not self._deleted:
            self.statusBar().showMessage(self.tr("Nothing to undo."))
            return
        contract_id = self._deleted.pop()

        from services.register.trash import restore

        def work(session: Session, _control: TaskControl) -> tuple[int, Changes]:
            restore(session, contract_id)
            return contract_id, Changes.of(ChangeKind.CONTRACTS, ChangeKind.DEADLINES, ChangeKind.HISTORY,
                                           ids=[contract_id])

        def failed(error: BaseException) -> None:
            if not isinstance(error, UserError):
                raise error
            self.dialogs.error(self.tr("Undo delete"), error.message(i18n.current_language()))

        self.context.write(self.tr("Restoring the contract…"), work, self.list_view.select_contract, failed)

    # ----- import / export
    def import_ledger(self) -> None:
        """Ask for a ledger, read and check it off the GUI thread, ask before updating, then write it
        (``ui.register.ledger_actions``)."""
        self._ledger_actions().import_from_file()

    def export_ledger(self) -> None:
        """Ask where (a .xlsx workbook, a .zip or a folder of CSV files) and write the register there
        as a ledger, off the GUI thread (``ui.register.ledger_actions``)."""
        self._ledger_actions().export_to_file()

    def _ledger_actions(self) -> LedgerActions:
        if self._ledger is None:  # made on first use: the first paint needs no ledger code
            from ui.register.ledger_actions import LedgerActions

            self._ledger = LedgerActions(self)
        return self._ledger

    def back_up_now(self) -> None:
        """File → Back up now…: a copy of the register where the officer chooses (ui.register.backups_view)."""
        from ui.register.backups_view import back_up_now

        back_up_now(self)

    def restore_from_backup(self) -> QWidget:
        """File → Restore from backup… (non-modal; returned for tests)."""
        from ui.register.backups_view import open_restore

        return open_restore(self)

    def open_samples(self) -> None:
        """File → Open sample contracts (``ui.register.samples.open_samples``)."""
        open_samples(self)

    def back_to_register(self) -> MainWindow:
        """File → Back to my register: leave the samples for the officer's own store."""
        if self.home is None or not self.close_editors():
            return self
        try:
            store = open_store(self.home)
        except StoreError as exc:
            self.dialogs.error(self.tr("ContractDesk"), error_text(exc))
            return self
        return self._replace_with(store, hand_over=False, home=None)

    def set_store(self, store: Store, *, home: Path | None = None) -> MainWindow:
        """Show ``store`` in a new window in place of this one (whose store is closed); ``home``:
        ``store`` holds the samples and this is the officer's register to go back to."""
        return self._replace_with(store, hand_over=False, home=home)

    def release_store(self) -> None:
        """Close this window's store ahead of replacing it (a restore, a reset of the samples): the
        watch for other processes stops first, so nothing reopens the file meanwhile."""
        self._other_writers.stop()
        self.store.close()

    def close_editors(self) -> bool:
        """Close every open contract editor, each asking about unsaved changes; False as soon as
        the officer answers Cancel (that editor and the rest stay open)."""
        return all(editor.close() for editor in self._editor_widgets() if editor.isVisible())

    def _open_editor_ids(self) -> list[int]:
        return [e.contract_id for e in self._editor_widgets() if e.isVisible() and e.contract_id]

    def _editor_widgets(self) -> list[ContractEditor]:
        """The window's contract editors; none (and no import, at exit too) before the first was opened."""
        editor_module = sys.modules.get("ui.editor.contract_editor")
        return [] if editor_module is None else self.findChildren(editor_module.ContractEditor)

    def _replace_with(self, store: Store, *, hand_over: bool, home: Path | None = None,
                      reopen: list[int] | None = None) -> MainWindow:
        """A new window over ``store`` in place of this one, with the same docks, sort order,
        selection and (same store) open contracts (an edited one asks Save / Discard / Cancel first)."""
        reopen = self._open_editor_ids() if reopen is None else reopen
        if not self.close_editors():
            if not hand_over:
                store.close()
            return self
        same_store = store.path == self.store.path
        selected = self.list_view.current_contract_id()
        window = MainWindow(store, dialogs=self._injected_dialogs, open_file=self._open_file, home=home)
        window.setGeometry(self.geometry())
        if self.calendar_feature.docks_built:
            window.calendar_feature.build_docks()
        window.restoreState(self.saveState())  # the Calendar and Agenda docks as they were
        window.list_view.table.sortByColumn(self.model.sort_column(), self.model.sort_order())
        window.show()
        if same_store:
            if selected is not None:
                window.list_view.select_contract(selected)
            for contract_id in reopen:
                window.edit_contract(contract_id)
        _open_windows.append(window)
        self._hand_over_store = hand_over
        self.close()
        return window

    def choose_register(self, name: str | None = None) -> MainWindow:
        """Settings → Register…: a file or a server register in place of this one (``name``: for tests)."""
        from ui.register.register_dialog import choose_register

        return choose_register(self, name)

    def move_to_server(self, url: str | None = None) -> None:
        """File → Move this register to a server…: copy-store into an empty server register, verified,
        then the window may switch to it (``url``: for tests; ``ui.register.move_to_server``)."""
        from ui.register.move_to_server import move_to_server

        move_to_server(self, url)

    def open_penalty_calculator(self) -> QWidget | None:
        """Tools → Liquidated damages… on the selected contract (non-modal; returned for tests)."""
        from ui.penalty.penalty_dialog import open_on_contract

        selected = self._selected_contract()
        if selected is None:
            self.statusBar().showMessage(self.tr("Select a contract first."))
            return None
        return open_on_contract(self.context, selected[0], self)

    def show_history(self) -> QWidget:
        """File → History… (non-modal; returned for tests)."""
        from ui.register.history_view import open_history

        return open_history(self.context, self)

    def show_trash(self) -> QWidget:
        """View → Trash… (non-modal; returned for tests)."""
        from ui.register.trash_view import open_trash

        return open_trash(self.context, self)

    def show_overview(self) -> QWidget:
        """View → Overview (Ctrl+O): the register at a glance (non-modal; returned for tests)."""
        from ui.payments.overview_window import open_overview

        return open_overview(self.context, self)

    # ----- help
    def show_about(self) -> AboutDialog:
        """Help → About: version, this store's path, licences (non-modal; returned for tests)."""
        from ui.about import AboutDialog

        dialog = AboutDialog(self.store.location, self, user=self.store.who)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # ----- language
    def switch_language(self, language: str) -> MainWindow:
        """Save the choice and rebuild the window in ``language`` on the same store."""
        reopen = self._open_editor_ids()
        if not self.close_editors():  # asked first: Cancel leaves the language as it was
            return self
        i18n.settings().setValue("language", language)
        i18n.install(language)
        return self._replace_with(self.store, hand_over=True, home=self.home, reopen=reopen)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window (or File → Quit) first closes the editors, which ask about unsaved
        changes; Cancel there keeps everything open."""
        if not self.close_editors():
            event.ignore()
            return
        self._other_writers.stop()
        self.calendar_feature.source.stop()  # the start-up deadlines must not hold the exit
        if not self._hand_over_store:
            self.store.close()
        if self in _open_windows:
            _open_windows.remove(self)
        super().closeEvent(event)
