"""The contract editor's Penalty clauses tab (违约条款): the ledger's ``penalty_clauses.csv`` rows as an
editable table (``ui.editor.record_table_model``), and what blocks saving them.

Each clause is keyed by its reference (条款号), which must be filled and unique within the
contract; kinds, bases and day rules are the ledger's codes (spec ``csv-format.md``), plus
``liability_cap`` for a cap on one party's total liability across all clauses.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack

from services.penalty.compute import BASES, KINDS, LIABILITY_CAP
from services.register.contract_data import PenaltyClauseData
from ui.editor.record_table_model import FieldColumn, RecordTableModel

__all__ = ["clause_problems", "penalty_clauses_model"]


def penalty_clauses_model(records: list[PenaltyClauseData], undo_stack: QUndoStack,
                          parent: QObject | None = None) -> RecordTableModel:
    """An editable table over ``records`` (copied), edits undoable on ``undo_stack``."""
    translate = QCoreApplication.translate
    columns = [
        FieldColumn("clause_ref", translate("PenaltyClauses", "Clause")),
        FieldColumn("trigger", translate("PenaltyClauses", "Breach")),
        FieldColumn("payer_role", translate("PenaltyClauses", "Paid by"), "role"),
        FieldColumn("kind", translate("PenaltyClauses", "Kind"), "choice", (*KINDS, LIABILITY_CAP)),
        FieldColumn("rate", translate("PenaltyClauses", "Rate (%)"), "percent"),
        FieldColumn("base", translate("PenaltyClauses", "Base"), "choice", BASES),
        FieldColumn("amount", translate("PenaltyClauses", "Amount (元)"), "money"),
        FieldColumn("cap_rate", translate("PenaltyClauses", "Cap (%)"), "percent"),
        FieldColumn("cap_base", translate("PenaltyClauses", "Cap base"), "choice", BASES),
        FieldColumn("cap_amount", translate("PenaltyClauses", "Cap (元)"), "money"),
        FieldColumn("day_count", translate("PenaltyClauses", "Days"), "choice", ("calendar", "working")),
        FieldColumn("part_day", translate("PenaltyClauses", "Part of a day"), "choice", ("whole", "prorate")),
        FieldColumn("terminate_after_days", translate("PenaltyClauses", "Termination after (days)"), "int"),
        FieldColumn("text", translate("PenaltyClauses", "Clause text")),
    ]

    def blank(_row: int) -> PenaltyClauseData:
        return PenaltyClauseData(clause_ref="", trigger="", kind="per_day", payer_role="乙方", base="contract_total")

    return RecordTableModel(records, columns, blank, undo_stack, parent)


def clause_problems(records: list[PenaltyClauseData]) -> list[str]:
    """Everything in the clauses that blocks saving: a missing reference, breach or kind, a
    reference used twice."""
    translate = QCoreApplication.translate
    problems = []
    if any(not c.clause_ref.strip() for c in records):
        problems.append(translate("PenaltyClauses", "Penalty clauses: every clause needs a reference (条款号)"))
    if any(not (c.trigger or "").strip() for c in records):
        problems.append(translate("PenaltyClauses", "Penalty clauses: every clause needs the breach it is for"))
    if any(not c.kind for c in records):
        problems.append(translate("PenaltyClauses", "Penalty clauses: every clause needs a kind"))
    counts = Counter(c.clause_ref.strip() for c in records if c.clause_ref.strip())
    for ref, count in counts.items():
        if count > 1:
            problems.append(translate("PenaltyClauses", "Penalty clauses: clause {0} appears {1} times")
                            .format(ref, count))
    return problems
