"""The contract list's columns and how its table is set up, shared by the list view and the early
window (``ui.first_paint``, painted before SQLAlchemy is imported: this module imports Qt only)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

__all__ = ["COLUMN_COUNT", "COL_COUNTERPARTY", "COL_NEXT_DUE", "COL_NUMBER", "COL_STATUS", "COL_TERM", "COL_TITLE",
           "COL_TOTAL", "setup_table"]

COL_NUMBER, COL_TITLE, COL_COUNTERPARTY, COL_TOTAL, COL_TERM, COL_STATUS, COL_NEXT_DUE = range(7)
COLUMN_COUNT = 7

# Widest typical content of each fixed column, to size it from the font rather than by
# measuring rows (ResizeToContents would fetch every row of 100,000).
_SAMPLE_TEXT = {
    COL_NUMBER: "GZCG-2025-000123-01",
    COL_COUNTERPARTY: "广州市某某信息科技有限公司",
    COL_TOTAL: "12,345,678.90",
    COL_TERM: "2025-10-16 \u2013 2026-05-15",
    COL_STATUS: "Terminated",
    COL_NEXT_DUE: "2025-10-16",
}


def setup_table(table: QTableView, model: QAbstractItemModel) -> None:
    """Rows selected whole, read-only, uniform row heights; the title column takes the spare width,
    the others sized from the font for their widest typical text or their header (``model``'s)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = table.verticalHeader()
    rows.hide()
    # Fixed, uniform row heights: the view never measures rows (that would fetch them).
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
    metrics = table.fontMetrics()
    for column, sample in _SAMPLE_TEXT.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + 16) + 20)
    header.setMinimumSectionSize(metrics.horizontalAdvance("0000") + 12)
