"""The questions and messages the window puts to the officer, behind one injectable object.

Views call a ``DialogService`` instead of ``QMessageBox``/``QFileDialog`` directly, so tests
hand in a scripted one and no modal ever blocks a test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget


class DialogService:
    """Real dialogs, parented to ``parent``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ledger_to_import(self) -> Path | None:
        """A .zip, a folder's contracts.csv (meaning the whole folder) or one table's CSV."""
        path, _ = QFileDialog.getOpenFileName(
            self.parent,
            QCoreApplication.translate(
                "DialogService", "Import ledger: choose a .xlsx workbook, a .zip, or contracts.csv of a ledger folder"
            ),
            "",
            QCoreApplication.translate("DialogService", "Ledger (*.xlsx *.xls *.et *.zip *.csv);;All files (*)"),
        )
        return Path(path) if path else None

    def ledger_export_target(self) -> Path | None:
        """Where to export the ledger and in which form: ``NAME.xlsx`` (a workbook), ``NAME.zip`` (the
        CSV files zipped) or a folder of CSV files, as the chosen file type says; None when cancelled."""
        workbook = QCoreApplication.translate("DialogService", "Excel workbook (*.xlsx)")
        archive = QCoreApplication.translate("DialogService", "Zip of CSV files (*.zip)")
        folder = QCoreApplication.translate("DialogService", "Folder of CSV files (*)")
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, chosen_filter = QFileDialog.getSaveFileName(
            self.parent, QCoreApplication.translate("DialogService", "Export ledger"),
            str(Path(documents) / "ledger.xlsx") if documents else "ledger.xlsx",
            ";;".join((workbook, archive, folder)),
        )
        if not path:
            return None
        chosen = Path(path)
        if chosen_filter == folder:
            return chosen.with_suffix("") if chosen.suffix.lower() in (".xlsx", ".zip") else chosen
        wanted = ".zip" if chosen_filter == archive else ".xlsx"
        return chosen if chosen.suffix.lower() == wanted else chosen.with_suffix(wanted)

    def folder_to_export(self) -> Path | None:
        """The folder to write the ledger's CSV files into."""
        path = QFileDialog.getExistingDirectory(
            self.parent, QCoreApplication.translate("DialogService", "Export ledger to folder")
        )
        return Path(path) if path else None

    def pdf_to_save(self, default_name: str) -> Path | None:
        """Where to write a print-out: ``default_name`` in the Documents folder is offered; ``.pdf``
        is added when the name has no suffix. None when cancelled."""
        return self._save_in_documents(
            default_name, QCoreApplication.translate("DialogService", "Save PDF"),
            QCoreApplication.translate("DialogService", "PDF (*.pdf)"), ".pdf",
        )

    def ics_to_save(self, default_name: str) -> Path | None:
        """Where to write the deadlines as an iCalendar file (``.ics`` added when no suffix); None when cancelled."""
        return self._save_in_documents(
            default_name, QCoreApplication.translate("DialogService", "Export calendar"),
            QCoreApplication.translate("DialogService", "iCalendar (*.ics)"), ".ics",
        )

    def csv_to_save(self, default_name: str) -> Path | None:
        """Where to write a CSV export (``.csv`` added when the name has no suffix); None when cancelled."""
        return self._save_in_documents(
            default_name, QCoreApplication.translate("DialogService", "Export CSV"),
            QCoreApplication.translate("DialogService", "CSV (*.csv)"), ".csv",
        )

    def xlsx_to_save(self, default_name: str) -> Path | None:
        """Where to write a workbook (``.xlsx`` added when the name has no suffix); None when cancelled."""
        return self._save_in_documents(
            default_name, QCoreApplication.translate("DialogService", "Export to Excel"),
            QCoreApplication.translate("DialogService", "Excel workbook (*.xlsx)"), ".xlsx",
        )

    def backup_to_save(self, default_name: str) -> Path | None:
        """Where to write a backup of the register: ``default_name`` in the Documents folder is
        offered (a USB stick is the officer's choice); ``.db`` added when no suffix. None when cancelled."""
        return self._save_in_documents(
            default_name, QCoreApplication.translate("DialogService", "Back up the register"),
            QCoreApplication.translate("DialogService", "ContractDesk backup (*.db)"), ".db",
        )

    def backup_to_open(self, folder: Path | None = None) -> Path | None:
        """A backup file to restore from, the chooser opening in ``folder``; None when cancelled."""
        path, _ = QFileDialog.getOpenFileName(
            self.parent,
            QCoreApplication.translate("DialogService", "Restore from backup: choose a backup file"),
            str(folder) if folder is not None and folder.is_dir() else "",
            QCoreApplication.translate("DialogService", "ContractDesk backup (*.db);;All files (*)"),
        )
        return Path(path) if path else None

    def _save_in_documents(self, default_name: str, title: str, file_filter: str, suffix: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self.parent, title, str(Path(folder) / default_name) if folder else default_name, file_filter,
        )
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix else chosen.with_suffix(suffix)

    def holiday_csv_to_open(self) -> Path | None:
        """A working-day schedule CSV (date, is_working_day, name) to import; None when cancelled."""
        path, _ = QFileDialog.getOpenFileName(
            self.parent,
            QCoreApplication.translate("DialogService", "Import working-day schedule"),
            "",
            QCoreApplication.translate("DialogService", "CSV (*.csv);;All files (*)"),
        )
        return Path(path) if path else None

    def holiday_csv_to_save(self) -> Path | None:
        """Where to export the working-day schedule as CSV; None when cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            self.parent, QCoreApplication.translate("DialogService", "Export working-day schedule"),
            "holidays.csv", QCoreApplication.translate("DialogService", "CSV (*.csv)"),
        )
        return Path(path) if path else None

    def ask_date(self, title: str, label: str, default: dt.date) -> dt.date | None:
        """A date (a calendar pops up), ``default`` preselected; None when cancelled."""
        from ui.calendar.calendar_dialogs import DateDialog

        dialog = DateDialog(title, label, default, self.parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_int(self, title: str, label: str, value: int, minimum: int, maximum: int) -> int | None:
        """A whole number in [minimum, maximum]; None when cancelled."""
        number, ok = QInputDialog.getInt(self.parent, title, label, value, minimum, maximum)
        return number if ok else None

    def confirm(self, title: str, text: str, *, default_no: bool = False) -> bool:
        """Yes/No question; True for Yes. ``default_no``: No is the default button (Enter), for
        questions whose Yes destroys something."""
        default = QMessageBox.StandardButton.No if default_no else QMessageBox.StandardButton.Yes
        answer = QMessageBox.question(self.parent, title, text, defaultButton=default)
        return answer == QMessageBox.StandardButton.Yes

    def save_discard_cancel(self, title: str, text: str) -> str:
        """Unsaved changes: Qt's standard Save / Discard / Cancel, Save the default (Esc = Cancel).
        Returns ``"save"``, ``"discard"`` or ``"cancel"``."""
        buttons = QMessageBox.StandardButton
        answer = self.unsaved_box(title, text).exec()
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(buttons(answer), "cancel")

    def unsaved_box(self, title: str, text: str) -> QMessageBox:
        """The Save / Discard / Cancel box of ``save_discard_cancel``, not shown (screenshots use it)."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, buttons.Save | buttons.Discard | buttons.Cancel,
                          self.parent)
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)
        return box

    def choose(self, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
        """One of ``choices`` (key, button text), the first the default; None when cancelled."""
        box, keys = self.choice_box(title, text, choices)
        box.exec()
        return keys.get(id(box.clickedButton()))

    def choice_box(self, title: str, text: str, choices: list[tuple[str, str]]) -> tuple[QMessageBox, dict[int, str]]:
        """The box of ``choose``, not shown, and its buttons' keys by ``id(button)``."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self.parent)
        keys = {}
        for index, (key, label) in enumerate(choices):
            button = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
            keys[id(button)] = key
            if index == 0:
                box.setDefaultButton(button)
        return box, keys

    def info(self, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    def error(self, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.parent)
        if details:
            box.setDetailedText(details)
        box.exec()
