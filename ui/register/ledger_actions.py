"""File → Import ledger… and Export ledger…: the ledger read, checked and written off the GUI thread,
the officer asked before contracts are updated, and the outcome (or every problem, located) told.

Used by ``ui.main_window.MainWindow``; the reading, checking and writing are ``services.ledger``'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from services.changes import Changes
from services.errors import UserError, localize
from services.register import contracts as contract_service
from ui import i18n
from ui.error_text import error_text
from ui.tasks import TaskControl, run_task

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from services.ledger.importer import ImportResult, LedgerPlan
    from ui.main_window import MainWindow


class LedgerActions(QObject):
    """The window's ledger import and export (``window``: the main window whose register, dialogs
    and list they use)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def import_from_file(self) -> None:
        """Ask for a ledger, read and check it off the GUI thread, ask before updating, then write it."""
        path = self.window.dialogs.ledger_to_import()
        if path is None:
            return
        if path.name.lower() == "contracts.csv":
            path = path.parent  # the whole ledger folder

        from services.ledger.importer import read_ledger

        def read(_control: TaskControl) -> LedgerPlan:
            with self.window.store.session() as session:
                return read_ledger(path, session)

        run_task(self.window, self.tr("Reading the ledger…"), read, lambda plan: self._confirm_import(path, plan),
                 self._import_failed, cancellable=False)

    def _confirm_import(self, path: Path, plan: LedgerPlan) -> None:
        from services.ledger.importer import LedgerError, apply_ledger

        if plan.problems.errors:
            self._import_failed(LedgerError(plan.problems.errors))
            return
        if plan.existing and not self.window.dialogs.confirm(
            self.tr("Update contracts?"),
            self.tr("{0} contract(s) of this ledger are already in the register:\n{1}\n\nUpdate them from the ledger?")
            .format(len(plan.existing), "\n".join(plan.existing)),
        ):
            return

        def work(session: Session, control: TaskControl) -> tuple[ImportResult, Changes]:
            result = apply_ledger(session, plan, replace=True, progress=control.progress, cancelled=control.cancelled)
            return result, Changes.everything()  # an import may touch every contract, events and holidays

        self.window.context.write(self.tr("Importing contracts…"), work, self._imported, self._import_failed,
                           cancellable=True)

    def _imported(self, result: ImportResult) -> None:
        with_problems = result.with_problems
        text = self.tr("{0} contract(s) added, {1} updated, {2} with problems.").format(
            len(result.added), len(result.updated), len(with_problems))
        from ui.editor.checks_panel import problem_lines

        details = [*(localize(w, i18n.current_language()) for w in result.warnings), *problem_lines(result.problems)]
        self.window.dialogs.info(self.tr("Import finished"), text, "\n".join(details))
        if with_problems:  # open the first, its Checks panel listing the problems
            with self.window.store.session() as session:
                contract_id = contract_service.find_id(session, with_problems[0])
            if contract_id is not None:
                self.window.list_view.select_contract(contract_id)
                self.window.edit_contract(contract_id)

    def _import_failed(self, error: BaseException) -> None:
        from services.ledger.importer import ImportCancelled, LedgerError

        if isinstance(error, ImportCancelled):
            self.window.statusBar().showMessage(self.tr("Import cancelled; the register is unchanged."))
            return
        if isinstance(error, LedgerError):
            lines = error.localized(i18n.current_language())  # [CODE] file:row:column text
            self.window.dialogs.error(self.tr("Ledger rejected"),
                               self.tr("Nothing was imported: the ledger has {0} problem(s).").format(
                                   len(error.problems)) + "\n\n" + "\n".join(lines[:12]), "\n".join(lines))
            return
        if isinstance(error, OSError):
            self.window.dialogs.error(self.tr("Ledger rejected"), error_text(error, writing=False))
            return
        if isinstance(error, UserError):  # busy or read-only store, a backup that failed, a number in the Trash
            self.window.dialogs.error(self.tr("Ledger rejected"), error.message(i18n.current_language()))
            return
        raise error

    def export_to_file(self) -> None:
        """Ask where (a .xlsx workbook, a .zip or a folder of CSV files) and write the register there
        as a ledger, off the GUI thread; a workbook has Chinese sheets and headers in the Chinese window."""
        folder = self.window.dialogs.ledger_export_target()
        if folder is None:
            return
        chinese = i18n.current_language().startswith("zh")
        from services.ledger.workbook_write import export_to
        from services.ledger.write import ExportCancelled

        def work(control: TaskControl) -> list[Path]:
            with self.window.store.session() as session:
                return export_to(session, folder, chinese=chinese,
                                 progress=control.progress, cancelled=control.cancelled)

        def failed(error: BaseException) -> None:
            if isinstance(error, ExportCancelled):
                self.window.statusBar().showMessage(self.tr("Export cancelled; nothing was written."))
            elif isinstance(error, OSError):
                self.window.dialogs.error(self.tr("Export failed"), error_text(error))
            else:
                raise error

        def done(files: list[Path]) -> None:
            if len(files) == 2 and files[0] == folder:  # a workbook and, beside it, the attached files
                text = self.tr("Ledger written to {0}; the contracts' attached files are in {1} beside it "
                               "(keep the two together)").format(files[0], files[1].name)
            elif files and files[0] == folder:
                text = self.tr("Ledger written to {0}").format(files[0])
            else:
                text = self.tr("{0} files written to {1}").format(len(files), files[0].parent if files else folder)
            self.window.dialogs.info(self.tr("Export finished"), text)

        run_task(self.window, self.tr("Exporting the register…"), work, done, failed)
