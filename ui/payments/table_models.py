"""Read-only table models of the Payments tab and the overview (QAbstractTableModel over plain rows).

Each model holds a list of rows and a list of (header, getter, is_money) columns; ``set_rows``
replaces them. Money is right-aligned with two decimals; codes never reach a cell (labels only).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class Column:
    """A column: its translated ``header``, ``value(row) -> str``, ``money`` (right-aligned)."""

    def __init__(self, header: str, value: Callable[[Any], str], money: bool = False) -> None:
        self.header, self.value, self.money = header, value, money


class RowsModel(QAbstractTableModel):
    """Rows shown through ``columns``; ``row(i)`` gives the row object back (for a click)."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Any] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = list(rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Any:
        """The row object at ``index``."""
        return self.rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(self.rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.money:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None
