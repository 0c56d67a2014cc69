"""The contract header form: number, title, dates, total, tax … with errors shown at each field.

Every field is a line edit parsed by ``services.ledger.values`` as the officer types; a field that
does not parse shows the reason beside it, and ``errors()`` lists them so the dialog can
refuse to save.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from services.ledger import values
from services.register.contract_data import ContractData
from ui.error_text import error_text

# (field, kind, required); labels are translated in HeaderForm._labels().
_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("contract_no", "text", True),
    ("title", "text", True),
    ("title_en", "text", False),
    ("procurement_no", "text", False),
    ("status", "status", False),
    ("sign_date", "date", False),
    ("sign_place", "text", False),
    ("effective_date", "date", False),
    ("start_date", "date", False),
    ("end_date", "date", False),
    ("currency", "text", False),
    ("total_amount", "money", True),
    ("total_in_words", "text", False),
    ("tax_rate", "percent", False),
    ("amount_excl_tax", "money", False),
)
_STATUSES = ("", "draft", "active", "completed", "terminated")


def _parser(kind: str) -> Callable[[str], object]:
    return {
        "money": lambda text: values.parse_money_amount(text)[0],
        "date": values.parse_date,
        "percent": values.parse_percent,
    }.get(kind, lambda text: text)


class HeaderForm(QWidget):
    """Edits the header of a ``ContractData``; emits ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, data: ContractData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits: dict[str, QLineEdit] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._errors: dict[str, str] = {}
        form = QFormLayout(self)
        labels = self._labels()
        for name, kind, required in _FIELDS:
            if kind == "status":
                self.status = QComboBox()
                texts = [self.tr("(from the dates)"), self.tr("Draft"), self.tr("Active"),
                         self.tr("Completed"), self.tr("Terminated")]
                for code, text in zip(_STATUSES, texts, strict=True):
                    self.status.addItem(text, code)
                self.status.setCurrentIndex(max(0, self.status.findData(data.status or "")))
                self.status.currentIndexChanged.connect(self.changed)
                form.addRow(labels[name], self.status)
                continue
            edit = QLineEdit()
            edit.setObjectName(name)
            value = getattr(data, name)
            edit.setText(self._format(kind, value))
            if kind == "date":
                edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            if kind == "money":
                edit.setPlaceholderText("0.00")
            error = QLabel()
            error.setStyleSheet("color: #b00020;")
            error.setVisible(False)
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(error)
            label = labels[name] + (" *" if required else "")
            form.addRow(label, row)
            edit.textChanged.connect(lambda _text, n=name, k=kind, r=required: self._validate(n, k, r))
            self._edits[name] = edit
            self._error_labels[name] = error
        self.notes = QPlainTextEdit(data.notes or "")
        self.notes.setMaximumHeight(80)
        self.notes.textChanged.connect(self.changed)
        form.addRow(self.tr("Notes"), self.notes)
        for name, kind, required in _FIELDS:
            if kind != "status":
                self._validate(name, kind, required, emit=False)

    def snapshot(self) -> tuple[object, ...]:
        """Everything typed in the form, as typed (invalid text included): equal snapshots mean no
        edit since (``ContractEditor.is_modified``)."""
        return (*(edit.text() for edit in self._edits.values()), self.status.currentIndex(), self.notes.toPlainText())

    def _labels(self) -> dict[str, str]:
        return {
            "contract_no": self.tr("Contract No."), "title": self.tr("Title"),
            "title_en": self.tr("Title in English"),
            "procurement_no": self.tr("Procurement No."), "status": self.tr("Status"),
            "sign_date": self.tr("Signing date"), "sign_place": self.tr("Place of signing"),
            "effective_date": self.tr("Effective date"), "start_date": self.tr("Start of term"),
            "end_date": self.tr("End of term"), "currency": self.tr("Currency"),
            "total_amount": self.tr("Contract total (元, tax incl.)"),
            "total_in_words": self.tr("Total in capitals (大写金额)"), "tax_rate": self.tr("Tax rate (%)"),
            "amount_excl_tax": self.tr("Amount excl. tax (元)"),
        }

    @staticmethod
    def _format(kind: str, value: object) -> str:
        if value is None:
            return ""
        if kind == "money":
            return values.format_money(value)  # type: ignore[arg-type]
        if isinstance(value, Decimal):
            return values.format_decimal(value)
        if kind == "date":
            return values.format_date(value)  # type: ignore[arg-type]
        return str(value)

    def edit(self, name: str) -> QLineEdit:
        """The line edit of header field ``name`` (for focus and tests)."""
        return self._edits[name]

    def _validate(self, name: str, kind: str, required: bool, *, emit: bool = True) -> None:
        text = self._edits[name].text().strip()
        message = ""
        if not text:
            if required:
                message = self.tr("required")
        else:
            try:
                _parser(kind)(text)
                if name == "currency" and not (len(text) == 3 and text.isalpha()):
                    message = self.tr("a 3-letter code such as CNY")
            except ValueError as exc:
                message = error_text(exc)
        if message:
            self._errors[name] = message
        else:
            self._errors.pop(name, None)
        label = self._error_labels[name]
        label.setText(message)
        label.setVisible(bool(message))
        self._edits[name].setStyleSheet("border: 1px solid #b00020;" if message else "")
        self._edits[name].setToolTip(message)
        if emit:
            self.changed.emit()

    def errors(self) -> dict[str, str]:
        """Fields that do not parse, with the reason: ``{field: reason}``."""
        return dict(self._errors)

    def total_amount(self) -> Decimal | None:
        """The total as typed, or None while it does not parse."""
        try:
            return values.parse_money_amount(self._edits["total_amount"].text())[0]
        except ValueError:
            return None

    def tax_rate(self) -> Decimal | None:
        """The tax rate (percent) as typed, or None."""
        try:
            text = self._edits["tax_rate"].text()
            return values.parse_percent(text) if text.strip() else None
        except ValueError:
            return None

    def apply_to(self, data: ContractData, *, skip_invalid: bool = False) -> None:
        """Write the parsed fields into ``data``. Call only when ``errors()`` is empty, or with
        ``skip_invalid``: a field that does not parse is then written as None (the checks run on
        what parses)."""
        for name, kind, _required in _FIELDS:
            if kind == "status":
                data.status = self.status.currentData() or None
                continue
            if skip_invalid and name in self._errors:
                setattr(data, name, None)
                continue
            text = self._edits[name].text().strip()
            setattr(data, name, _parser(kind)(text) if text else None)
        data.currency = (data.currency or "CNY").upper()
        data.notes = self.notes.toPlainText().strip() or None
