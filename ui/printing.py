"""File → Print contract… / Print summary… (and the list's context menu): ask where to save the PDF,
write it off the GUI thread (``ui.tasks.run_task``), then open it in the system's PDF viewer.
File → Print preview… / Print…: the contract's print-out written to a private temporary file, then
shown in Qt's print preview or sent to a printer through the system's dialog (``ui.print_preview``);
the temporary file is removed when the dialog closes.

Before a contract is printed for signature (PDF, preview or printer), its check errors are listed
and the officer chooses Print anyway or Cancel (``services.printing.readiness``); the summary is not
a signature copy and prints as it is.

The font set in the settings (``QSettings`` key ``pdf/font_path``) is tried before the system
fonts; when the print-out had to fall back to a non-embedded font, or has other warnings, the
officer is told through ``DialogService.info``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from services.register import contracts as contract_service
from ui import i18n
from ui.context import AppContext
from ui.error_text import error_text, warning_lines
from ui.tasks import TaskControl, run_task

if TYPE_CHECKING:
    from services.printing.common import PrintResult
    from ui.print_preview import PdfPreview


class PdfPrinting(QObject):
    """The print actions on the contract ``selected()`` gives (its id and number, or None): the
    store, dialogs, PDF opener and font come from ``context``."""

    def __init__(self, context: AppContext, selected: Callable[[], tuple[int, str] | None]) -> None:
        super().__init__(context.parent)
        self.context = context
        self.selected = selected
        self._preview: PdfPreview | None = None

    def print_contract(self) -> None:
        """Print the selected contract for signature (to a PDF file)."""
        self._print(summary=False)

    def print_summary(self) -> None:
        """Print the bilingual summary of the selected contract."""
        self._print(summary=True)

    def preview_contract(self) -> None:
        """Show the selected contract's print-out in the print preview (zoom, pages, Print)."""
        self._to_printer(preview=True)

    def print_to_printer(self) -> None:
        """Send the selected contract's print-out to a printer through the system's print dialog."""
        self._to_printer(preview=False)

    @property
    def preview(self) -> PdfPreview:
        """The preview and print dialogs' owner (made on first use)."""
        if self._preview is None:
            from ui.print_preview import PdfPreview

            self._preview = PdfPreview(self.context.parent, on_closed=_remove_temporary)
        return self._preview

    def seam(self) -> bool:
        """Whether contract print-outs carry the seal band of the cross-page seal (setting ``pdf/seam``)."""
        from ui import settings

        return settings.pdf_seam()

    def set_seam(self, on: bool) -> None:
        """Turn the seal band on or off (File → Seal band for 骑缝章)."""
        from ui import settings

        settings.set_pdf_seam(on)

    def _chosen(self, *, summary: bool) -> tuple[int, str] | None:
        """The selected contract, once the officer has agreed to print it despite its check errors."""
        selected = self.selected()
        if selected is None:
            self.context.status(self.tr("Select a contract to print first."))
            return None
        if summary or self._print_anyway(selected[0]):
            return selected
        return None

    def _print_anyway(self, contract_id: int) -> bool:
        """True when the contract has no check error, or the officer chose Print anyway."""
        from services.printing.readiness import signature_blockers

        with self.context.store.session() as session:
            data = contract_service.load(session, contract_id)
        blockers = signature_blockers(data)
        if not blockers:
            return True
        language = i18n.current_language()
        listed = "\n".join(f"• {problem.message(language)}" for problem in blockers)
        text = self.tr("Contract {0} has {1} check error(s); a copy for signature should not go out with "
                       "them:\n\n{2}\n\nCorrect them first, or print anyway?").format(
                           data.contract_no, len(blockers), listed)
        answer = self.context.dialogs.choose(self.tr("Check errors"), text, [("print", self.tr("Print anyway"))])
        return answer == "print"

    def _print(self, *, summary: bool) -> None:
        from services.printing.common import default_pdf_name

        chosen = self._chosen(summary=summary)
        if chosen is None:
            return
        contract_id, number = chosen
        path = self.context.dialogs.pdf_to_save(default_pdf_name(number or "contract", summary=summary))
        if path is None:
            return
        label = self.tr("Writing the summary…") if summary else self.tr("Writing the contract…")
        run_task(self.context.parent, label, self._work(contract_id, path, summary=summary), self._printed,
                 self._failed, cancellable=False)

    def _to_printer(self, *, preview: bool) -> None:
        from services.printing.common import default_pdf_name

        chosen = self._chosen(summary=False)
        if chosen is None:
            return
        contract_id, number = chosen
        folder = Path(tempfile.mkdtemp(prefix="contractdesk-print-"))  # 0700: the register's text
        path = folder / default_pdf_name(number or "contract")
        work = self._work(contract_id, path, summary=False)

        def done(result: PrintResult) -> None:
            self._warn(result)
            if preview:
                self.preview.preview(result.path, number)
            else:
                self.preview.print(result.path, number)

        def failed(error: BaseException) -> None:
            _remove_temporary(path)
            self._failed(error)

        run_task(self.context.parent, self.tr("Writing the contract…"), work, done, failed, cancellable=False)

    def _work(self, contract_id: int, path: Path, *, summary: bool) -> Callable[[TaskControl], PrintResult]:
        font_path = self.context.font_path()
        store = self.context.store
        seam = {} if summary else {"seam": self.seam()}

        def work(_control: TaskControl) -> PrintResult:
            if summary:
                from services.printing.summary import write_summary_pdf as write
            else:
                from services.printing.contract import write_contract_pdf as write
            extra: dict = dict(seam)
            with store.session() as session:
                data = contract_service.load(session, contract_id)
                if summary:  # "Next milestones" with the events and done marks recorded in the store
                    from services.calendar.agenda import contract_deadlines

                    # data=None: under the terms in force today (not a pending amendment's)
                    extra["deadlines"] = contract_deadlines(session, contract_id, today=dt.date.today(),
                                                            reminder_days=0)
                from services.amendments.register import amendments

                extra["amendments"] = amendments(session, contract_id)  # listed, in force or pending
            return write(data, path, font_path=font_path, **extra)

        return work

    def _printed(self, result: PrintResult) -> None:
        self.context.status(self.tr("Wrote {0} ({1} pages)").format(result.path, result.pages))
        self.context.open_file(result.path)
        self._warn(result)

    def _warn(self, result: PrintResult) -> None:
        if not result.font.embedded:
            self.context.dialogs.info(
                self.tr("Fonts not embedded"),
                self.tr("No Chinese TrueType font was found, so none is embedded: the PDF depends on the "
                        "viewer's fonts and may print differently on other machines. Install a Chinese "
                        "font (for example WenQuanYi Micro Hei or SimSun) or set one in the settings."),
                warning_lines(result.warnings),
            )
        elif result.warnings:
            self.context.dialogs.info(self.tr("Printed with warnings"),
                                     self.tr("The PDF was written. Please check:"), warning_lines(result.warnings))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, (OSError, contract_service.ContractError)):
            self.context.dialogs.error(self.tr("Printing failed"), error_text(error))
            return
        raise error


def _remove_temporary(path: Path) -> None:
    """Remove a temporary print-out and its private folder (made by ``_to_printer``)."""
    if path.parent.name.startswith("contractdesk-print-"):
        shutil.rmtree(path.parent, ignore_errors=True)
