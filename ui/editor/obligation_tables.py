"""The contract editor's Milestones (履约事项) and Bonds (保证金) tabs: the ledger's ``milestones.csv``
and ``bonds.csv`` rows as editable tables (``ui.editor.record_table_model``), and what blocks saving them.

Deadline rules use the ledger's codes (spec ``csv-format.md``): ``due_after`` is ``signing``,
``effective``, ``start``, ``end``, ``acceptance``, ``invoice``, ``budget`` or ``event:NAME`` (or their
Chinese names), several joined with ``+`` for the latest of them; ``recurrence`` an RFC 5545 RRULE.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack

from services.ledger.read import _parse_events, _parse_rrule
from services.ledger.schema import BOND_KIND_ALIASES, MILESTONE_KIND_ALIASES, UNIT_ALIASES
from services.register.contract_data import BondData, MilestoneData
from ui.editor.record_table_model import FieldColumn, RecordTableModel

__all__ = ["bonds_model", "milestones_model", "obligation_problems", "with_event_codes"]

_UNITS = tuple(UNIT_ALIASES)


def _due_columns() -> list[FieldColumn]:
    translate = QCoreApplication.translate
    return [
        FieldColumn("due_date", translate("ObligationTables", "Due date"), "date"),
        FieldColumn("due_after", translate("ObligationTables", "Counted from")),
        FieldColumn("due_offset", translate("ObligationTables", "Within"), "int"),
        FieldColumn("due_unit", translate("ObligationTables", "Unit"), "choice", _UNITS),
    ]


def milestones_model(records: list[MilestoneData], undo_stack: QUndoStack,
                     parent: QObject | None = None) -> RecordTableModel:
    """An editable table over ``records`` (copied), edits undoable on ``undo_stack``."""
    translate = QCoreApplication.translate
    columns = [
        FieldColumn("seq", translate("MilestoneTable", "No."), "int"),
        FieldColumn("name", translate("MilestoneTable", "Obligation")),
        FieldColumn("kind", translate("MilestoneTable", "Kind"), "choice", tuple(MILESTONE_KIND_ALIASES)),
        FieldColumn("responsible_role", translate("MilestoneTable", "Responsible"), "role"),
        *_due_columns(),
        FieldColumn("recurrence", translate("MilestoneTable", "Repeats (RRULE)")),
        FieldColumn("done_date", translate("MilestoneTable", "Done on"), "date"),
        FieldColumn("note", translate("MilestoneTable", "Contract's words")),
    ]
    return RecordTableModel(records, columns, lambda row: MilestoneData(seq=row + 1, name=""), undo_stack, parent)


def bonds_model(records: list[BondData], undo_stack: QUndoStack, parent: QObject | None = None) -> RecordTableModel:
    """An editable table over ``records`` (copied), edits undoable on ``undo_stack``."""
    translate = QCoreApplication.translate
    columns = [
        FieldColumn("seq", translate("BondTable", "No."), "int"),
        FieldColumn("kind", translate("BondTable", "Kind"), "choice", tuple(BOND_KIND_ALIASES)),
        FieldColumn("form", translate("BondTable", "Form")),
        FieldColumn("percent", translate("BondTable", "Percent"), "percent"),
        FieldColumn("amount", translate("BondTable", "Amount (元)"), "money"),
        *_due_columns(),
        FieldColumn("valid_until", translate("BondTable", "Valid until"), "date"),
        FieldColumn("lodged_date", translate("BondTable", "Lodged on"), "date"),
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
                    problems.append(f"{label} {row.seq}: {exc}")
    for m in milestones:
        if m.recurrence:
            try:
                _parse_rrule(m.recurrence)
            except ValueError as exc:
                problems.append(f"{translate('MilestoneTable', 'Milestones')} {m.seq}: {exc}")
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
        result.append(copied)
    return result
