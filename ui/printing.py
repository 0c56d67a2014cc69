"""File → Print contract… / Print summary… (and the list's context menu): ask where to save the PDF,
write it off the GUI thread (``ui.tasks.run_task``), then open it in the system's PDF viewer.

The font set in the settings (``QSettings`` key ``pdf/font_path``) is tried before the system
fonts; when the print-out had to fall back to a non-embedded font, or has other warnings, the
officer is told through ``DialogService.info``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from services.register import contracts as contract_service
from ui.context import AppContext
from ui.tasks import TaskControl, run_task

if TYPE_CHECKING:
    from services.printing.common import PrintResult


class PdfPrinting(QObject):
    """The print actions on the contract ``selected()`` gives (its id and number, or None): the
    store, dialogs, PDF opener and font come from ``context``."""

    def __init__(self, context: AppContext, selected: Callable[[], tuple[int, str] | None]) -> None:
        super().__init__(context.parent)
        self.context = context
        self.selected = selected

    def print_contract(self) -> None:
        """Print the selected contract for signature."""
        self._print(summary=False)

    def print_summary(self) -> None:
        """Print the bilingual summary of the selected contract."""
        self._print(summary=True)

    def _print(self, *, summary: bool) -> None:
        from services.printing.common import default_pdf_name

        context = self.context
        selected = self.selected()
        if selected is None:
            context.status(self.tr("Select a contract to print first."))
            return
        contract_id, number = selected
        path = context.dialogs.pdf_to_save(default_pdf_name(number or "contract", summary=summary))
        if path is None:
            return
        font_path = context.font_path()
        store = context.store

        def work(_control: TaskControl) -> PrintResult:
            if summary:
                from services.printing.summary import write_summary_pdf as write
            else:
                from services.printing.contract import write_contract_pdf as write
            extra = {}
            with store.session() as session:
                data = contract_service.load(session, contract_id)
                if summary:  # "Next milestones" with the events and done marks recorded in the store
                    from services.calendar.agenda import contract_deadlines

                    extra["deadlines"] = contract_deadlines(session, contract_id, today=dt.date.today(),
                                                            reminder_days=0, data=data)
            return write(data, path, font_path=font_path, **extra)

        label = self.tr("Writing the summary…") if summary else self.tr("Writing the contract…")
        run_task(context.parent, label, work, self._printed, self._failed, cancellable=False)

    def _printed(self, result: PrintResult) -> None:
        self.context.status(self.tr("Wrote {0} ({1} pages)").format(result.path, result.pages))
        self.context.open_file(result.path)
        if not result.font.embedded:
            self.context.dialogs.info(
                self.tr("Fonts not embedded"),
                self.tr("No Chinese TrueType font was found, so none is embedded: the PDF depends on the "
                        "viewer's fonts and may print differently on other machines. Install a Chinese "
                        "font (for example WenQuanYi Micro Hei or SimSun) or set one in the settings."),
                "\n".join(result.warnings),
            )
        elif result.warnings:
            self.context.dialogs.info(self.tr("Printed with warnings"),
                                     self.tr("The PDF was written. Please check:"), "\n".join(result.warnings))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, (OSError, contract_service.ContractError)):
            self.context.dialogs.error(self.tr("Printing failed"), str(error))
            return
        raise error
