"""The contract editor's Milestones (履约事项) and Bonds (保证金) tabs: the ledger's ``milestones.csv``
and ``bonds.csv`` rows as editable tables (``ui.editor.record_table_model``), and what blocks saving them.

Deadline rules use the ledger's codes (spec ``csv-format.md``): ``due_after`` is ``signing``,
``effective``, ``start``, ``end``, ``acceptance``, ``invoice``, ``budget`` or ``event:NAME`` (or their
Chinese names), several joined with ``+`` for the latest of them; ``recurrence`` an RFC 5545 RRULE.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack

from services.calendar.due_text import Labels, event_text, unit_text
from services.ledger.read import _parse_events, _parse_return_events, _parse_rrule
from services.ledger.schema import BOND_KIND_ALIASES, MILESTONE_KIND_ALIASES, UNIT_ALIASES
from services.register.contract_data import BondData, MilestoneData
from ui import i18n
from ui.editor.record_table_model import FieldColumn, RecordTableModel
from ui.error_text import error_text

__all__ = ["bonds_model", "milestones_model", "obligation_problems", "with_event_codes"]

_UNITS = tuple(UNIT_ALIASES)


def _language() -> str:
    return "zh" if i18n.current_language() == "zh_CN" else "en"


def events_words(labels: Labels | None) -> Callable[[object], str]:
    """How "Counted from" reads on screen: each event by its label (``event:migration_start`` → 开始迁移),
    never its code; editing shows the codes."""
    def words(value: object) -> str:
        return " + ".join(event_text(code.strip(), _language(), labels) for code in str(value).split("+"))
    return words


def unit_words(value: object) -> str:
    """A unit on screen: ``working_days`` → 工作日 / working days."""
    return unit_text(str(value), _language())


def _alias_words(aliases: dict[str, str]) -> Callable[[object], str]:
    return lambda value: aliases.get(str(value), str(value)) if _language() == "zh" else str(value)


def _due_columns(labels: Labels | None = None) -> list[FieldColumn]:
    translate = QCoreApplication.translate
    return [
        FieldColumn("due_date", translate("ObligationTables", "Due date"), "date"),
        FieldColumn("due_after", translate("ObligationTables", "Counted from"), words=events_words(labels)),
        FieldColumn("due_offset", translate("ObligationTables", "Within"), "int"),
        FieldColumn("due_unit", translate("ObligationTables", "Unit"), "choice", _UNITS, words=unit_words),
    ]


def milestones_model(records: list[MilestoneData], undo_stack: QUndoStack,
                     parent: QObject | None = None, labels: Labels | None = None) -> RecordTableModel:
    """An editable table over ``records`` (copied), edits undoable on ``undo_stack``; ``labels``: the
    contract's event labels, shown instead of the codes."""
    translate = QCoreApplication.translate
    columns = [
        FieldColumn("seq", translate("MilestoneTable", "No."), "int"),
        FieldColumn("name", translate("MilestoneTable", "Obligation")),
        FieldColumn("kind", translate("MilestoneTable", "Kind"), "choice", tuple(MILESTONE_KIND_ALIASES),
                    words=_alias_words(MILESTONE_KIND_ALIASES)),
        FieldColumn("responsible_role", translate("MilestoneTable", "Responsible"), "role"),
        *_due_columns(labels),
        FieldColumn("recurrence", translate("MilestoneTable", "Repeats (RRULE)")),
        FieldColumn("done_date", translate("MilestoneTable", "Done on"), "date"),
        FieldColumn("note", translate("MilestoneTable", "Contract's words")),
    ]
    return RecordTableModel(records, columns, lambda row: MilestoneData(seq=row + 1, name=""), undo_stack, parent)


def bonds_model(records: list[BondData], undo_stack: QUndoStack, parent: QObject | None = None,
                labels: Labels | None = None) -> RecordTableModel:
    """An editable table over ``records`` (copied), edits undoable on ``undo_stack``; ``labels`` as for
    ``milestones_model``. "Returned after" may name ``valid_until`` (the bond's expiry); empty: the
    default of the bond's kind."""
    translate = QCoreApplication.translate
    columns = [
        FieldColumn("seq", translate("BondTable", "No."), "int"),
        FieldColumn("kind", translate("BondTable", "Kind"), "choice", tuple(BOND_KIND_ALIASES),
                    words=_alias_words(BOND_KIND_ALIASES)),
        FieldColumn("form", translate("BondTable", "Form")),
        FieldColumn("percent", translate("BondTable", "Percent"), "percent"),
        FieldColumn("amount", translate("BondTable", "Amount (元)"), "money"),
        *_due_columns(labels),
        FieldColumn("valid_until", translate("BondTable", "Valid until"), "date"),
        FieldColumn("lodged_date", translate("BondTable", "Lodged on"), "date"),
        FieldColumn("return_after", translate("BondTable", "Returned after"), words=events_words(labels)),
        FieldColumn("return_offset", translate("BondTable", "Return within"), "int"),
        FieldColumn("return_unit", translate("BondTable", "Return unit"), "choice", _UNITS, words=unit_words),
        FieldColumn("return_condition", translate("BondTable", "Return condition")),
        FieldColumn("returned_date", translate("BondTable", "Returned on"), "date"),
        FieldColumn("note", translate("BondTable", "Refund conditions")),
    ]
    return RecordTableModel(records, columns, lambda row: BondData(seq=row + 1, kind="performance"), undo_stack,
                            parent)


def obligation_problems(milestones: list[MilestoneData], bonds: list[BondData]) -> list[str]:
    """What blocks saving: a milestone without a name, an unknown event in "Counted from", a
    repeat rule that is not an RRULE."""
    translate = QCoreApplication.translate
    problems: list[str] = []
    if any(not m.name.strip() for m in milestones):
        problems.append(translate("MilestoneTable", "Milestones: every milestone needs a name"))
    for label, rows in ((translate("MilestoneTable", "Milestones"), milestones),
                        (translate("BondTable", "Bonds"), bonds)):
        for row in rows:
            if row.due_after:
                try:
                    _parse_events(row.due_after)
                except ValueError as exc:
                    problems.append(f"{label} {row.seq}: {error_text(exc)}")
    for bond in bonds:
        if bond.return_after:
            try:
                _parse_return_events(bond.return_after)
            except ValueError as exc:
                problems.append(f"{translate('BondTable', 'Bonds')} {bond.seq}: {error_text(exc)}")
    for m in milestones:
        if m.recurrence:
            try:
                _parse_rrule(m.recurrence)
            except ValueError as exc:
                problems.append(f"{translate('MilestoneTable', 'Milestones')} {m.seq}: {error_text(exc)}")
    return problems


def with_event_codes(rows: list[Any], *, keep_invalid: bool = False) -> list[Any]:
    """Copies of ``rows`` whose "Counted from" is written in codes (验收合格 → ``acceptance``), as saved.
    Raises ``ValueError`` on an unknown event, unless ``keep_invalid`` (the live checks): then it stays
    as typed."""
    result = []
    for row in rows:
        copied = copy.copy(row)
        if copied.due_after:
            try:
                copied.due_after = _parse_events(copied.due_after)
            except ValueError:
                if not keep_invalid:
                    raise
        if getattr(copied, "return_after", None):
            try:
                copied.return_after = _parse_return_events(copied.return_after)
            except ValueError:
                if not keep_invalid:
                    raise
        result.append(copied)
    return result
