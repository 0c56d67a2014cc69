"""Record payment…: one payment of a stored contract, through the one writer.

The installment's outstanding amount is pre-filled; an amount above what remains asks first
(``services.payments.record.exceeds_remaining``); bad input is named by its field, never a
traceback. Non-modal; ``recorded(seq)`` after the write.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from models.contract import ROLES
from services import history as history_log
from services.changes import Changes
from services.errors import UserError
from services.ledger import values
from services.money import from_fen
from services.payments.record import exceeds_remaining, record_payment
from services.payments.summary import contract_payments
from services.register.contract_data import PaymentData
from ui import i18n
from ui.context import AppContext
from ui.error_text import error_text
from ui.formatting import format_money
from ui.tasks import TaskControl


class RecordPaymentDialog(QDialog):
    """Record a payment on contract ``contract_id``; ``installment``: the one it pays (pre-selected)."""

    recorded = Signal(int)

    def __init__(self, context: AppContext, contract_id: int, installment: int | None = None,
                 parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.context, self.contract_id = context, contract_id
        self.today = today or dt.date.today()
        with context.store.session() as session:
            self.picture = contract_payments(session, contract_id, self.today)
        self.setWindowTitle(self.tr("Record payment — {0}").format(self.picture.contract.contract_no))
        self.installment_box = QComboBox()
        self.installment_box.addItem(self.tr("(no installment)"), 0)
        for line in self.picture.lines:
            name = line.installment.name or ""
            self.installment_box.addItem(self.tr("Installment {0} {1}").format(line.installment.seq, name).strip(),
                                         line.installment.seq)
        self.amount_edit = QLineEdit()
        self.date_edit = QLineEdit(self.today.isoformat())
        self.invoice_edit = QLineEdit()
        self.voucher_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.payer_box = QComboBox()
        self.payee_box = QComboBox()
        for box, default in ((self.payer_box, "甲方"), (self.payee_box, "乙方")):
            for role in ROLES:
                box.addItem(role, role)
            box.setCurrentIndex(ROLES.index(default))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Installment"), self.installment_box)
        form.addRow(self.tr("Amount (元)"), self.amount_edit)
        form.addRow(self.tr("Paid on"), self.date_edit)
        form.addRow(self.tr("Invoice no. (发票号)"), self.invoice_edit)
        form.addRow(self.tr("Voucher no. (凭证号)"), self.voucher_edit)
        form.addRow(self.tr("Payer"), self.payer_box)
        form.addRow(self.tr("Payee"), self.payee_box)
        form.addRow(self.tr("Note"), self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.record)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.installment_box.currentIndexChanged.connect(lambda _i: self._prefill())
        if installment is not None:
            self.installment_box.setCurrentIndex(max(self.installment_box.findData(installment), 0))
        self._prefill()

    def _prefill(self) -> None:
        """The amount outstanding of the chosen installment."""
        line = self.picture.line(int(self.installment_box.currentData() or 0))
        if line is not None and line.status.outstanding_fen:
            self.amount_edit.setText(format_money(from_fen(line.status.outstanding_fen)))

    def payment(self) -> PaymentData:
        """The form as a payment. Raises ``ValueError`` naming the field that does not parse."""
        try:
            amount = values.parse_money(self.amount_edit.text())[0]
        except ValueError as exc:
            raise ValueError(self.tr("Amount: {0}").format(error_text(exc))) from None  # in the window's language
        try:
            day = values.parse_date(self.date_edit.text())
        except ValueError as exc:
            raise ValueError(self.tr("Paid on: {0}").format(error_text(exc))) from None
        seq = int(self.installment_box.currentData() or 0)
        return PaymentData(0, day, amount, seq or None, str(self.payer_box.currentData()),
                           str(self.payee_box.currentData()), self.invoice_edit.text().strip() or None,
                           self.voucher_edit.text().strip() or None, self.note_edit.text().strip() or None)

    def record(self) -> bool:
        """OK: check, ask when it exceeds what remains, write through the one writer."""
        try:
            payment = self.payment()
        except ValueError as exc:
            self.error.setText(error_text(exc))
            return False
        with self.context.store.session() as session:
            try:
                over = exceeds_remaining(session, self.contract_id, payment)
            except UserError as exc:
                self.error.setText(exc.message(i18n.current_language()))
                return False
        if over is not None and not self.context.dialogs.confirm(
                self.tr("Record payment"),
                self.tr("This payment is {0} more than what remains of installment {1}. Record it anyway?").format(
                    format_money(over), payment.installment_seq), default_no=True):
            return False
        outcome: list[bool] = []

        def work(session: Session, _control: TaskControl) -> tuple[int, Changes]:
            stored = record_payment(session, self.contract_id, payment, today=self.today)
            return stored.seq, history_log.changes(session)

        def done(seq: int) -> None:
            outcome.append(True)
            self.recorded.emit(seq)
            self.accept()

        def failed(error: BaseException) -> None:
            outcome.append(False)
            if isinstance(error, UserError):
                self.error.setText(error.message(i18n.current_language()))
            else:
                raise error

        self.context.write(self.tr("Recording the payment…"), work, done, failed)
        return outcome[0] if outcome else True
