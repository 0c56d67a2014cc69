"""The editor's Payments tab: each installment's state, every payment, the contract's totals.

Reads the stored contract (``services.payments.summary``) and reloads on the store-changed
notification for this contract. Record payment… and Remove payment write through the one
writer; Late-payment interest… opens the penalty calculator on an overdue installment with the
statutory SME rate, the outstanding amount and the days from the due date to its payment (or today).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from services import history as history_log
from services.changes import Changes
from services.errors import UserError
from services.money import from_fen
from services.payments.late_interest import late_payment_inputs
from services.payments.record import remove_payment
from services.payments.rows import paid_amounts
from services.payments.states import InstallmentState, state_label
from services.payments.summary import ContractPayments, InstallmentLine, contract_payments
from ui import i18n
from ui.context import AppContext
from ui.formatting import format_money
from ui.payments.record_dialog import RecordPaymentDialog
from ui.payments.table_models import Column, RowsModel
from ui.register.role_limits import limit
from ui.tasks import TaskControl


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else "—"


class PaymentsTab(QWidget):
    """Payments of stored contract ``contract_id`` on ``today`` (default: the real today)."""

    def __init__(self, context: AppContext, contract_id: int, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.context, self.contract_id = context, contract_id
        self.today = today or dt.date.today()
        language = i18n.current_language()
        days = self.tr("{0} days")

        def state(line: InstallmentLine) -> str:
            status = line.status
            text = state_label(status.state, language)
            if status.state is InstallmentState.OVERDUE:
                text += " " + days.format(status.overdue_days)
            elif status.paid_on is not None:
                text += " " + status.paid_on.isoformat()
                if status.paid_late:
                    text += " (" + self.tr("paid late") + " " + days.format(status.paid_late_days) + ")"
            return text

        self.installments = RowsModel([
            Column(self.tr("No."), lambda line: str(line.installment.seq)),
            Column(self.tr("Installment"), lambda line: line.installment.name or ""),
            Column(self.tr("Amount (元)"), lambda line: "" if line.status.due_fen is None
                   else format_money(from_fen(line.status.due_fen)), True),
            Column(self.tr("Due"), lambda line: _date(line.status.due_date)),
            Column(self.tr("Paid (元)"), lambda line: format_money(from_fen(line.status.paid_fen)), True),
            Column(self.tr("Outstanding (元)"), lambda line: format_money(from_fen(line.status.outstanding_fen)), True),
            Column(self.tr("State"), state),
        ], parent=self)
        self.payments = RowsModel([
            Column(self.tr("No."), lambda p: str(p.seq)),
            Column(self.tr("Paid on"), lambda p: p.paid_date.isoformat()),
            Column(self.tr("Amount (元)"), lambda p: format_money(p.amount), True),
            Column(self.tr("Installment"), lambda p: "" if p.installment_seq is None else str(p.installment_seq)),
            Column(self.tr("Payer"), lambda p: p.payer_role or "甲方"),
            Column(self.tr("Payee"), lambda p: p.payee_role or "乙方"),
            Column(self.tr("Invoice no."), lambda p: p.invoice_no or ""),
            Column(self.tr("Voucher no."), lambda p: p.voucher_no or ""),
            Column(self.tr("Note"), lambda p: p.note or ""),
        ], parent=self)
        self.installment_view = self._view(self.installments)
        self.payment_view = self._view(self.payments)
        self.totals = QLabel()
        self.totals.setStyleSheet("font-weight: bold;")
        self.record_button = QPushButton(self.tr("Record payment…"))
        self.record_button.clicked.connect(self.record_payment)
        self.remove_button = QPushButton(self.tr("Remove payment"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.interest_button = QPushButton(self.tr("Late-payment interest…"))
        self.interest_button.setToolTip(self.tr("The statutory rate for late payment to a small or medium "
                                                "supplier, on the selected overdue or late-paid installment"))
        self.interest_button.clicked.connect(self.late_payment_interest)
        limit(context, "payments", self.record_button, self.remove_button)  # read-only, or a role (issue 17)
        buttons = QHBoxLayout()
        for button in (self.record_button, self.remove_button, self.interest_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Installments")))
        layout.addWidget(self.installment_view, 1)
        layout.addWidget(QLabel(self.tr("Payments made")))
        layout.addWidget(self.payment_view, 1)
        layout.addWidget(self.totals)
        self.picture: ContractPayments | None = None
        context.changes.changed.connect(self._store_changed)
        self.reload()

    def _view(self, model: RowsModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _store_changed(self, changes: Changes) -> None:
        if changes.touches(self.contract_id):
            self.reload()

    def reload(self) -> None:
        """Read the contract's payments again (small: one contract)."""
        with self.context.store.session() as session:
            self.picture = picture = contract_payments(session, self.contract_id, self.today)
        self.installments.set_rows(picture.lines)
        self.payments.set_rows(picture.payments)
        for view in (self.installment_view, self.payment_view):
            view.resizeColumnsToContents()
        totals = picture.totals
        text = self.tr("Paid {0} · outstanding {1} · overdue {2}").format(
            format_money(picture.paid), format_money(picture.outstanding), format_money(picture.overdue))
        if totals.paid_late:
            text += " · " + self.tr("{0} installment(s) paid late").format(totals.paid_late)
        self.totals.setText(text + " " + self.tr("(元)"))

    def selected_installment(self) -> InstallmentLine | None:
        """The installment selected in the upper table, or None."""
        index = self.installment_view.currentIndex()
        return self.installments.row(index.row()) if index.isValid() else None

    def record_payment(self) -> RecordPaymentDialog:
        """Record payment… (non-modal; returned for tests), on the selected installment."""
        line = self.selected_installment()
        dialog = RecordPaymentDialog(self.context, self.contract_id, line.installment.seq if line else None, self,
                                     today=self.today)
        dialog.open()
        return dialog

    def remove_selected(self) -> bool:
        """Remove the selected payment (asks first); True when removed."""
        index = self.payment_view.currentIndex()
        if not index.isValid():
            return False
        payment = self.payments.row(index.row())
        if not self.context.dialogs.confirm(
                self.tr("Remove payment"),
                self.tr("Remove payment {0} of {1} on {2}?").format(payment.seq, format_money(payment.amount),
                                                                     payment.paid_date.isoformat()),
                default_no=True):
            return False

        def work(session: Session, _control: TaskControl) -> tuple[int, Changes]:
            remove_payment(session, self.contract_id, payment.seq)
            return payment.seq, history_log.changes(session)

        def failed(error: BaseException) -> None:
            if not isinstance(error, UserError):
                raise error
            self.context.dialogs.error(self.tr("Remove payment"), error.message(i18n.current_language()))

        self.context.write(self.tr("Removing the payment…"), work, None, failed)
        return True

    def late_payment_interest(self) -> QWidget | None:
        """The penalty calculator with the statutory SME rate, the amount and the days of
        ``services.payments.late_interest.late_payment_inputs`` (outstanding to today; paid late:
        what was unpaid on the due date, to the day it was paid)."""
        line = self.selected_installment()
        inputs = None
        if line is not None and self.picture is not None:
            paid = paid_amounts(self.picture.payments).get(line.installment.seq, [])
            inputs = late_payment_inputs(line.status, paid, self.today)
        if line is None or inputs is None or inputs.due is None or inputs.actual is None \
                or inputs.overdue_amount is None:
            self.context.dialogs.info(self.tr("Late-payment interest"),
                                      self.tr("Select an overdue or late-paid installment first."))
            return None
        from ui.penalty.penalty_dialog import open_on_contract

        dialog = open_on_contract(self.context, self.contract_id, self)
        dialog.select_clause("statutory")  # the calculator's item for the SME rule (STATUTORY_SME_REF)
        dialog.due_edit.setText(inputs.due.isoformat())
        dialog.actual_edit.setText(inputs.actual.isoformat())
        dialog.overdue_edit.setText(format_money(inputs.overdue_amount).replace(",", ""))
        return dialog
