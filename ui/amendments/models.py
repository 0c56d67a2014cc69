"""Table models of the Amendments and Attachments tabs: amendments, their changes (Compare, old → new)
and the files kept with a contract. Read-only; the words come from ``services.amendments.wording``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from services.amendments.changes import AmendmentData, ChangeData
from services.amendments.values import target
from services.amendments.wording import TARGET_NAMES, Units, day_units, field_name, row_words, value_words
from services.attachments.files import AttachmentRow, kind_label, size_text
from services.register.contract_data import ContractData
from ui import i18n

_Index = QModelIndex | QPersistentModelIndex


def _zh() -> bool:
    return i18n.current_language().startswith("zh")


class _ReadOnlyTable(QAbstractTableModel):
    """Rows of plain values; ``headers`` the column titles."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, ...]] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self.rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


class AmendmentsModel(_ReadOnlyTable):
    """One row per amendment: number, signed, effective, number of changes, and whether it is in force
    on ``today`` or pending (its terms apply from its effective date)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("Amendment No."), self.tr("Signed"), self.tr("Effective"), self.tr("Changes"),
                        self.tr("State"))
        self.amendments: list[AmendmentData] = []

    def state_text(self, amendment: AmendmentData, today: dt.date) -> str:
        """"In force" or "Pending, effective DATE" on ``today``."""
        if amendment.effective <= today:
            return self.tr("In force")
        return self.tr("Pending, effective {0}").format(amendment.effective.isoformat())

    def set_amendments(self, amendments: list[AmendmentData], today: dt.date | None = None) -> None:
        day = today or dt.date.today()
        self.amendments = amendments
        self.set_rows([(a.amendment_no, a.sign_date.isoformat(), a.effective.isoformat(), str(len(a.changes)),
                        self.state_text(a, day)) for a in amendments])


def change_row(change: ChangeData, zh: bool, units: Units | None = None) -> tuple[str, str, str, str]:
    """(No., what, old, new) of one change in the window's language; ``units`` (old, new) of a count."""
    language = "zh" if zh else "en"
    spec = target(change.target)
    what = TARGET_NAMES[spec.name][0 if zh else 1]
    if change.target_key:
        what += f" {change.target_key}"
    if change.action == "add":
        return str(change.seq), what, "—", ("新增：" if zh else "added: ") + row_words(change.new_value, spec, language)
    if change.action == "remove":
        return str(change.seq), what, row_words(change.old_value, spec, language), "删除" if zh else "removed"
    assert change.field is not None
    what += " · " + field_name(spec, change.field, language)
    old_unit, new_unit = units or (None, None)
    return (str(change.seq), what, value_words(change.old_value, spec, change.field, language, old_unit),
            value_words(change.new_value, spec, change.field, language, new_unit))


class ChangesModel(_ReadOnlyTable):
    """The Compare view: each change with its old and new value."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("No."), self.tr("What"), self.tr("Old"), self.tr("New"))

    def set_changes(self, changes: list[ChangeData], contract: ContractData | None = None) -> None:
        """Show ``changes``; ``contract`` gives the units of changed counts (30 个工作日)."""
        zh = _zh()
        units = day_units(changes, contract)
        self.set_rows([change_row(c, zh, units.get(c.seq)) for c in changes])


class AttachmentsModel(_ReadOnlyTable):
    """One row per file: name, kind, size, date added, note."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("Added"), self.tr("Note"))
        self.items: list[AttachmentRow] = []

    def set_items(self, items: list[AttachmentRow]) -> None:
        self.items = items
        zh = _zh()
        self.set_rows([(item.file_name, kind_label(item.kind, "zh" if zh else "en"), size_text(item.size),
                        item.added_date.isoformat() if item.added_date else "", item.note or "") for item in items])
