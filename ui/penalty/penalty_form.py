"""The liquidated-damages calculator's form: its widgets and their layout.

Apart from ``ui.penalty.penalty_dialog`` to keep that module to reading the form, computing, saving
and printing. The widgets are kept on the dialog (``dialog.clause_box``, ``dialog.due_edit`` …): its
other parts read, enable and fill them. The texts keep the ``PenaltyDialog`` translation context
(written out: lupdate does not follow an alias of ``translate``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.contract import ROLES
from services.penalty.compute import BASES, KINDS, computable_clauses

if TYPE_CHECKING:
    from ui.penalty.penalty_dialog import PenaltyDialog

__all__ = ["build_form"]

translate = QCoreApplication.translate  # lupdate reads ``translate("PenaltyDialog", …)`` by this name


def build_form(dialog: PenaltyDialog) -> None:
    """Lay out ``dialog``: the clause and the inputs with the ad-hoc rule on the left, the result, the
    working and the saved calculations on the right, a status line and the buttons below; set the
    dialog's widget attributes. ``dialog.data`` and ``dialog.contract_id`` must be set."""
    _build_clause_box(dialog)
    _build_ad_hoc(dialog)
    left = _build_left(dialog)
    right = _build_right(dialog)
    columns = _build_columns(left, right)
    buttons = _build_buttons(dialog)
    dialog.status = QLabel()
    layout = QVBoxLayout(dialog)
    layout.addWidget(columns, 1)
    layout.addWidget(dialog.status)
    layout.addWidget(buttons)
    if dialog.contract_id is None:
        dialog.save_button.setToolTip(translate("PenaltyDialog", "Save the contract first"))


def _line(dialog: PenaltyDialog, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.textChanged.connect(dialog.inputs_changed)
    return edit


def _combo(dialog: PenaltyDialog, items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    for code, text in items:
        box.addItem(text, code)
    box.currentIndexChanged.connect(dialog.inputs_changed)
    return box


def _build_clause_box(dialog: PenaltyDialog) -> None:
    dialog.clause_box = box = QComboBox()
    for clause in computable_clauses(dialog.data):
        box.addItem(f"{clause.clause_ref} — {clause.trigger}", clause.clause_ref)
    box.addItem(translate("PenaltyDialog", "Statutory rate for late payment to an SME (保障中小企业款项支付条例 2025: "
                                           "0.05 %/day of the overdue amount)"), "statutory")
    box.addItem(translate("PenaltyDialog", "Ad-hoc rule…"), "ad-hoc")
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(24)
    box.currentIndexChanged.connect(lambda _index: dialog.clause_chosen())
    dialog.clause_text = QLabel()
    dialog.clause_text.setWordWrap(True)
    dialog.clause_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    dialog.clause_text.setStyleSheet("color: #404040;")


def _build_ad_hoc(dialog: PenaltyDialog) -> None:
    dialog.ad_hoc = QGroupBox(translate("PenaltyDialog", "Ad-hoc rule"))
    kinds = {"per_day": translate("PenaltyDialog", "Per day"), "one_off": translate("PenaltyDialog", "One-off"),
             "monthly_fee_coefficient": translate("PenaltyDialog", "Monthly fee × coefficient"),
             "fixed_amount": translate("PenaltyDialog", "Fixed amount")}
    bases = {"contract_total": translate("PenaltyDialog", "Contract total"),
             "overdue_amount": translate("PenaltyDialog", "Overdue amount"),
             "monthly_fee": translate("PenaltyDialog", "Monthly fee"),
             "daily_fee": translate("PenaltyDialog", "Daily fee")}
    dialog.kind_box = _combo(dialog, [(code, kinds[code]) for code in KINDS])
    dialog.rate_edit = _line(dialog, translate("PenaltyDialog", "percent, e.g. 0.05"))
    dialog.base_box = _combo(dialog, [(code, bases[code]) for code in BASES])
    dialog.fixed_edit = _line(dialog, translate("PenaltyDialog", "yuan"))
    dialog.payer_box = _combo(dialog, [(role, role) for role in ROLES])
    dialog.day_count_box = _combo(dialog, [("calendar", translate("PenaltyDialog", "Calendar days")),
                                           ("working", translate("PenaltyDialog", "Working days"))])
    dialog.part_day_box = _combo(dialog, [("whole", translate("PenaltyDialog", "A part of a day counts as a day")),
                                          ("prorate", translate("PenaltyDialog", "Pro rata"))])
    dialog.cap_rate_edit = _line(dialog, translate("PenaltyDialog", "percent of the contract total"))
    dialog.cap_amount_edit = _line(dialog, translate("PenaltyDialog", "yuan"))
    form = QFormLayout(dialog.ad_hoc)
    for label, widget in ((translate("PenaltyDialog", "Kind"), dialog.kind_box),
                          (translate("PenaltyDialog", "Rate (%)"), dialog.rate_edit),
                          (translate("PenaltyDialog", "Base"), dialog.base_box),
                          (translate("PenaltyDialog", "Fixed amount (元)"), dialog.fixed_edit),
                          (translate("PenaltyDialog", "Paid by"), dialog.payer_box),
                          (translate("PenaltyDialog", "Days"), dialog.day_count_box),
                          (translate("PenaltyDialog", "Part of a day"), dialog.part_day_box),
                          (translate("PenaltyDialog", "Cap (% of total)"), dialog.cap_rate_edit),
                          (translate("PenaltyDialog", "Cap (元)"), dialog.cap_amount_edit)):
        form.addRow(label, widget)


def _build_left(dialog: PenaltyDialog) -> QVBoxLayout:
    inputs = _build_inputs(dialog)
    left = QVBoxLayout()
    left.addLayout(inputs)
    left.addWidget(dialog.ad_hoc)
    left.addStretch(1)
    return left


def _build_inputs(dialog: PenaltyDialog) -> QFormLayout:
    modes = _build_count_modes(dialog)
    _build_input_edits(dialog)
    inputs = QFormLayout()
    inputs.addRow(translate("PenaltyDialog", "Clause"), dialog.clause_box)
    inputs.addRow("", dialog.clause_text)
    inputs.addRow(translate("PenaltyDialog", "Count by"), modes)
    inputs.addRow(translate("PenaltyDialog", "Due date"), dialog.due_edit)
    inputs.addRow(translate("PenaltyDialog", "Actual date"), dialog.actual_edit)
    inputs.addRow(translate("PenaltyDialog", "Days"), dialog.days_edit)
    inputs.addRow(translate("PenaltyDialog", "Overdue amount (元)"), dialog.overdue_edit)
    inputs.addRow(translate("PenaltyDialog", "Already charged under this clause (元)"), dialog.previous_clause_edit)
    inputs.addRow(translate("PenaltyDialog", "Already charged to this party (元)"), dialog.previous_party_edit)
    return inputs


def _build_count_modes(dialog: PenaltyDialog) -> QHBoxLayout:
    dialog.by_dates = QRadioButton(translate("PenaltyDialog", "Due and actual dates"))
    dialog.by_days = QRadioButton(translate("PenaltyDialog", "Number of days"))
    dialog.by_dates.setChecked(True)
    group = QButtonGroup(dialog)
    group.addButton(dialog.by_dates)
    group.addButton(dialog.by_days)
    dialog.by_dates.toggled.connect(dialog.inputs_changed)
    modes = QHBoxLayout()
    modes.addWidget(dialog.by_dates)
    modes.addWidget(dialog.by_days)
    modes.addStretch(1)
    return modes


def _build_input_edits(dialog: PenaltyDialog) -> None:
    dialog.due_edit = _line(dialog, "2026-05-15")
    dialog.actual_edit = _line(dialog, "2026-05-27")
    dialog.actual_edit.setText(dt.date.today().isoformat())
    dialog.days_edit = _line(dialog, translate("PenaltyDialog", "e.g. 12 or 2.5"))
    dialog.overdue_edit = _line(dialog, translate("PenaltyDialog", "yuan, when the base is the overdue amount"))
    dialog.previous_clause_edit = _line(dialog, "0.00")
    dialog.previous_party_edit = _line(dialog, "0.00")


def _build_right(dialog: PenaltyDialog) -> QVBoxLayout:
    dialog.result_label = QLabel()
    dialog.result_label.setStyleSheet("font-size: 20px; font-weight: bold;")
    dialog.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    dialog.error_label = QLabel()
    dialog.error_label.setStyleSheet("color: #b00020;")
    dialog.error_label.setWordWrap(True)
    dialog.working = QPlainTextEdit()
    dialog.working.setReadOnly(True)
    _build_saved_table(dialog)
    right = QVBoxLayout()
    right.addWidget(dialog.result_label)
    right.addWidget(dialog.error_label)
    right.addWidget(QLabel(translate("PenaltyDialog", "Working")))
    right.addWidget(dialog.working, 3)
    right.addWidget(QLabel(translate("PenaltyDialog", "Saved calculations")))
    right.addWidget(dialog.saved_table, 1)
    return right


def _build_saved_table(dialog: PenaltyDialog) -> None:
    dialog.saved_table = table = QTableWidget(0, 4)
    table.setHorizontalHeaderLabels([translate("PenaltyDialog", "Calculated on"), translate("PenaltyDialog", "Clause"),
                                     translate("PenaltyDialog", "Amount (元)"), translate("PenaltyDialog", "By")])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)


def _build_columns(left: QVBoxLayout, right: QVBoxLayout) -> QSplitter:
    columns = QSplitter(Qt.Orientation.Horizontal)
    for part in (left, right):
        holder = QWidget()
        holder.setLayout(part)
        columns.addWidget(holder)
    columns.setSizes([470, 610])
    return columns


def _build_buttons(dialog: PenaltyDialog) -> QDialogButtonBox:
    dialog.save_button = QPushButton(translate("PenaltyDialog", "Save to record"))
    dialog.save_button.clicked.connect(dialog.save_to_record)
    dialog.print_button = QPushButton(translate("PenaltyDialog", "Print…"))
    dialog.print_button.clicked.connect(dialog.print_pdf)
    dialog.copy_button = QPushButton(translate("PenaltyDialog", "Copy working"))
    dialog.copy_button.clicked.connect(dialog.copy_working)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    for button in (dialog.save_button, dialog.print_button, dialog.copy_button):
        buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.rejected.connect(dialog.close)
    return buttons
