"""The liquidated-damages calculator (违约金计算): a non-modal dialog over one contract.

Choose one of the contract's clauses, the statutory rate for late payment to an SME, or an
ad-hoc rule; enter the due and actual dates (or a number of days) and, when the base needs it,
the overdue amount. The result and the working (``services.penalty.compute``, in the interface's
language) update as you type. Save to record writes a ``PenaltyCalculation`` (who: the OS user);
Print writes the one-page 违约金计算书 (``services.printing.penalty``) off the GUI thread and opens it;
Copy working puts the working on the clipboard. Amounts already charged under the clause and to
the paying party (the caps' "累计") are filled in from the saved calculations and may be changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from sqlalchemy.orm import Session

from cli.penalty import parse_days
from services.changes import ChangeKind, Changes
from services.errors import InputError
from services.ledger import values
from services.penalty.compute import (
    PenaltyInput,
    PenaltyInputError,
    PenaltyResult,
    compute,
    statutory_sme_clause,
)
from services.penalty.records import (
    current_user,
    list_calculations,
    previous_amounts,
    save_calculation,
    store_calendar,
)
from services.register import contracts as contract_service
from services.register.contract_data import ContractData, PenaltyClauseData
from ui import i18n
from ui.context import AppContext
from ui.error_text import error_text, warning_lines
from ui.formatting import format_money
from ui.penalty.penalty_form import build_form
from ui.tasks import TaskControl, run_task

if TYPE_CHECKING:
    from services.printing.common import PrintResult
    from ui.editor.contract_editor import ContractEditor

#: clause_ref of an ad-hoc rule in the saved calculations.
AD_HOC_REF = "ad-hoc"


class PenaltyDialog(QDialog):
    """The calculator for contract ``contract_id`` of the context's store (``data``: the contract as
    the editor holds it, else it is loaded; ``contract_id`` None: nothing can be saved). The context's
    dialogs ask where to write the PDF and tell about problems, its ``open_file(path)`` shows the
    written PDF and ``font_path()`` gives the preferred print font; ``user`` who calculates (default:
    the OS user). Saving goes through the context's writer; ``saved(calculation_id)`` follows."""

    saved = Signal(int)

    # The form's widgets, made by ``ui.penalty.penalty_form.build_form``.
    clause_box: QComboBox
    clause_text: QLabel
    ad_hoc: QGroupBox
    kind_box: QComboBox
    rate_edit: QLineEdit
    base_box: QComboBox
    fixed_edit: QLineEdit
    payer_box: QComboBox
    day_count_box: QComboBox
    part_day_box: QComboBox
    cap_rate_edit: QLineEdit
    cap_amount_edit: QLineEdit
    by_dates: QRadioButton
    by_days: QRadioButton
    due_edit: QLineEdit
    actual_edit: QLineEdit
    days_edit: QLineEdit
    overdue_edit: QLineEdit
    previous_clause_edit: QLineEdit
    previous_party_edit: QLineEdit
    result_label: QLabel
    error_label: QLabel
    working: QPlainTextEdit
    saved_table: QTableWidget
    save_button: QPushButton
    print_button: QPushButton
    copy_button: QPushButton
    status: QLabel

    def __init__(
        self, context: AppContext, contract_id: int | None, parent: QWidget | None = None, *,
        data: ContractData | None = None, user: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.context, self.contract_id = context, contract_id
        self.store = store = context.store
        with store.session() as session:
            if data is None:
                assert contract_id is not None
                data = contract_service.load(session, contract_id)
            self.calendar = store_calendar(session)
        self.data = data
        self.dialogs = context.dialogs
        self.open_file = context.open_file
        self.font_path = context.font_path
        self.user = user or current_user()
        self.language = "zh" if i18n.current_language().startswith("zh") else "en"
        self.result: PenaltyResult | None = None
        self._saved_at: dt.datetime | None = None
        self._built = False  # no recalculation while the form is being built
        self.setWindowTitle(self.tr("Liquidated damages — {0}").format(data.contract_no))
        build_form(self)  # the widgets: ui.penalty.penalty_form
        self._refresh_saved()
        self._built = True
        self.clause_chosen()
        self.resize(1080, 680)

    # ----- reading the form
    def choice(self) -> str:
        """What the clause box holds: a clause reference, ``statutory`` or ``ad-hoc``."""
        return str(self.clause_box.currentData())

    def select_clause(self, clause_ref: str) -> None:
        """Choose the clause ``clause_ref`` (or ``statutory`` / ``ad-hoc``)."""
        index = self.clause_box.findData(clause_ref)
        if index >= 0:
            self.clause_box.setCurrentIndex(index)

    def _parse(self, edit: QLineEdit, label: str, parser: Callable[[str], object]) -> object:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parser(text)
        except ValueError as exc:  # an InputError: coded, shown in the dialog's language
            reason = exc.message(self.language) if isinstance(exc, InputError) else str(exc)
            raise ValueError(self.tr("{0}: {1}").format(label, reason)) from None

    def current_clause(self) -> PenaltyClauseData:
        """The clause chosen, or the ad-hoc rule as entered (``ValueError`` for a value that does not parse)."""
        choice = self.choice()
        if choice == "statutory":
            return statutory_sme_clause()
        if choice != "ad-hoc":
            return next(c for c in self.data.penalty_clauses if c.clause_ref == choice)
        money = _money
        cap_rate = self._parse(self.cap_rate_edit, self.tr("Cap (% of total)"), values.parse_percent)
        return PenaltyClauseData(
            clause_ref=AD_HOC_REF, trigger=self.tr("Ad-hoc rule"), kind=str(self.kind_box.currentData()),
            payer_role=str(self.payer_box.currentData()),
            rate=self._parse(self.rate_edit, self.tr("Rate (%)"), values.parse_percent),  # type: ignore[arg-type]
            base=str(self.base_box.currentData()),
            amount=self._parse(self.fixed_edit, self.tr("Fixed amount (元)"), money),  # type: ignore[arg-type]
            cap_rate=cap_rate, cap_base="contract_total" if cap_rate is not None else None,  # type: ignore[arg-type]
            cap_amount=self._parse(self.cap_amount_edit, self.tr("Cap (元)"), money),  # type: ignore[arg-type]
            day_count=str(self.day_count_box.currentData()), part_day=str(self.part_day_box.currentData()),
        )

    def counts_days(self) -> bool:
        """True when the chosen clause (or ad-hoc kind) is charged per day: only then are the dates
        or the number of days read."""
        choice = self.choice()
        if choice == "ad-hoc":
            return self.kind_box.currentData() == "per_day"
        if choice == "statutory":
            return True
        return next(c.kind for c in self.data.penalty_clauses if c.clause_ref == choice) == "per_day"

    def current_inputs(self) -> PenaltyInput:
        """The entries as ``PenaltyInput`` (``ValueError`` for a value that does not parse)."""
        money = _money
        counts = self.counts_days()
        by_dates = counts and self.by_dates.isChecked()
        by_days = counts and not by_dates
        days = self._parse(self.days_edit, self.tr("Days"), parse_days) if by_days else None
        due = self._parse(self.due_edit, self.tr("Due date"), values.parse_date) if by_dates else None
        actual = self._parse(self.actual_edit, self.tr("Actual date"), values.parse_date) if by_dates else None
        return PenaltyInput(
            days=days, due=due, actual=actual,  # type: ignore[arg-type]
            overdue_amount=self._parse(self.overdue_edit, self.tr("Overdue amount (元)"), money),  # type: ignore[arg-type]
            previous_liability=self._parse(self.previous_party_edit, self.tr("Already charged to this party (元)"),
                                           money) or Decimal("0"),  # type: ignore[arg-type]
            previous_clause=self._parse(self.previous_clause_edit, self.tr("Already charged under this clause (元)"),
                                        money) or Decimal("0"),  # type: ignore[arg-type]
        )

    # ----- reacting
    def clause_chosen(self) -> None:
        """Show the chosen clause's text, fill in the amounts already charged under it and to its
        paying party (from the saved calculations), recalculate."""
        choice = self.choice()
        self.ad_hoc.setVisible(choice == "ad-hoc")
        clause = statutory_sme_clause() if choice in ("statutory", "ad-hoc") else self.current_clause()
        text = clause.text if choice != "ad-hoc" else ""
        self.clause_text.setText(f"“{text}”" if text else "")
        under_clause = for_payer = Decimal("0")
        if self.contract_id is not None:
            ref = AD_HOC_REF if choice == "ad-hoc" else clause.clause_ref
            payer = str(self.payer_box.currentData()) if choice == "ad-hoc" else clause.payer_role
            with self.store.session() as session:
                under_clause, for_payer = previous_amounts(session, self.contract_id, ref, payer)
        for edit, amount in ((self.previous_clause_edit, under_clause), (self.previous_party_edit, for_payer)):
            edit.blockSignals(True)
            edit.setText(values.format_money(amount) if amount else "")
            edit.blockSignals(False)
        self.recalculate()

    def inputs_changed(self, *_args: object) -> None:
        """An entry changed: recalculate (not while the form is being built)."""
        if self._built:
            self.recalculate()

    def recalculate(self) -> PenaltyResult | None:
        """Compute from the form; show the result and working, or what is missing or wrong."""
        counts = self.counts_days()
        by_dates = self.by_dates.isChecked()
        for widget in (self.by_dates, self.by_days):
            widget.setEnabled(counts)
        self.due_edit.setEnabled(counts and by_dates)
        self.actual_edit.setEnabled(counts and by_dates)
        self.days_edit.setEnabled(counts and not by_dates)
        self._saved_at = None
        self.status.clear()
        try:
            clause = self.current_clause()
            self.overdue_edit.setEnabled("overdue_amount" in (clause.base, clause.cap_base))
            self.result = compute(clause, self.data, self.current_inputs(), calendar=self.calendar,
                                  language=self.language)
        except PenaltyInputError as exc:
            self._show_problem(exc.message(self.language))
        except ValueError as exc:
            self._show_problem(error_text(exc))
        else:
            self.error_label.clear()
            self.result_label.setText(self.tr("Amount: ¥{0}").format(format_money(self.result.amount)))
            self.working.setPlainText(self.result.working())
        has_result = self.result is not None
        self.save_button.setEnabled(has_result and self.contract_id is not None)
        self.print_button.setEnabled(has_result)
        self.copy_button.setEnabled(has_result)
        return self.result

    def _show_problem(self, text: str) -> None:
        self.result = None
        self.result_label.setText(self.tr("Amount: —"))
        self.error_label.setText(text)
        self.working.clear()

    # ----- actions
    def save_to_record(self) -> int | None:
        """Save the calculation to the contract's record in one transaction; returns its id."""
        if self.result is None or self.contract_id is None:
            return None
        at = dt.datetime.now().replace(microsecond=0)
        contract_id, clause, result = self.contract_id, self.current_clause(), self.result
        inputs = self.current_inputs()
        user = self.user
        saved: list[int] = []

        def work(session: Session, _control: TaskControl) -> tuple[int, Changes]:
            calculation_id = save_calculation(session, contract_id, clause, inputs, result,
                                              calculated_by=user, calculated_at=at)
            return calculation_id, Changes.of(ChangeKind.PENALTIES, ids=[contract_id])

        def done(calculation_id: int) -> None:
            self._saved_at = at
            self._refresh_saved()
            self.status.setText(self.tr("Saved to the contract's record."))
            self.saved.emit(calculation_id)
            saved.append(calculation_id)

        self.context.write(self.tr("Saving the calculation…"), work, done)
        return saved[0] if saved else None  # None while the writer is still at it (the app); tests run inline

    def _refresh_saved(self) -> None:
        if self.contract_id is None:
            return
        with self.store.session() as session:
            saved = list_calculations(session, self.contract_id)
        self.saved_table.setRowCount(len(saved))
        for row, calculation in enumerate(saved):
            cells = (calculation.calculated_at.strftime("%Y-%m-%d %H:%M"), calculation.clause_ref or "",
                     format_money(calculation.amount), calculation.calculated_by or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(calculation.working)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.saved_table.setItem(row, column, item)
        self.saved_table.resizeColumnsToContents()

    def copy_working(self) -> None:
        """Put the working on the clipboard."""
        if self.result is not None:
            QGuiApplication.clipboard().setText(self.result.working())
            self.status.setText(self.tr("Working copied."))

    def print_pdf(self) -> None:
        """Ask where to save, write the 违约金计算书 off the GUI thread, then open it."""
        from services.printing.penalty import default_penalty_pdf_name, write_penalty_pdf

        if self.result is None:
            return
        clause, inputs, result = self.current_clause(), self.current_inputs(), self.result
        path = self.dialogs.pdf_to_save(default_penalty_pdf_name(self.data.contract_no, clause.clause_ref))
        if path is None:
            return
        data, at, user, font_path = self.data, self._saved_at, self.user, self.font_path()

        def work(_control: TaskControl) -> PrintResult:
            return write_penalty_pdf(data, clause, inputs, result, path, calculated_at=at, calculated_by=user,
                                     font_path=font_path)

        run_task(self, self.tr("Writing the calculation…"), work, self._printed, self._print_failed,
                 cancellable=False)

    def _printed(self, result: PrintResult) -> None:
        self.status.setText(self.tr("Wrote {0}").format(result.path))
        self.open_file(result.path)
        if result.warnings:
            self.dialogs.info(self.tr("Printed with warnings"), self.tr("The PDF was written. Please check:"),
                              warning_lines(result.warnings))

    def _print_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.dialogs.error(self.tr("Printing failed"), error_text(error))
            return
        raise error


def _money(text: str) -> Decimal:
    """Yuan as typed (``¥1,000.00``, ``1000元``…; ``services.ledger.values.parse_money``)."""
    return values.parse_money(text)[0]


def _show(dialog: PenaltyDialog) -> PenaltyDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_for_editor(editor: ContractEditor) -> PenaltyDialog:
    """The calculator from the contract editor's button, on the contract as edited (its clauses
    included, saved or not; the store's copy while the editor has problems)."""
    data = editor.collect() if not editor.problems_list() else editor.data
    return _show(PenaltyDialog(editor.context, editor.contract_id, editor, data=data))


def open_on_contract(context: AppContext, contract_id: int, parent: QWidget) -> PenaltyDialog:
    """Tools → Liquidated damages…: the calculator on stored contract ``contract_id``."""
    return _show(PenaltyDialog(context, contract_id, parent))
