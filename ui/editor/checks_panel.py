"""The contract editor's Checks panel (核对): the problems ``services.checks.contract`` finds in the
contract as edited, re-run on every edit; clicking one shows the field concerned.

The messages come from the checks in both languages (``Problem.message_zh`` / ``message_en``);
the panel shows the one of the interface's current language (``ui.i18n.current_language``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.checks.contract import ERROR, Problem, check_contract
from services.register.contract_data import ContractData
from ui import i18n
from ui.editor.line_items_columns import COL_NAME, FIELDS

if TYPE_CHECKING:
    from ui.editor.contract_editor import ContractEditor

Index = QModelIndex | QPersistentModelIndex
# The role of a row's ``Problem``.
ProblemRole = Qt.ItemDataRole.UserRole + 1
COL_SEVERITY, COL_MESSAGE = 0, 1
_PATH = re.compile(r"^(?P<name>[a-z_]+)(?:\[(?P<index>\d+)\](?:\.(?P<field>[a-z_]+))?)?$")
_ERROR_COLOUR = QColor(176, 0, 32)
_WARNING_COLOUR = QColor(150, 80, 0)


def severity_icon(severity: str) -> QIcon:
    """The style's standard icon for an error (critical) or a warning."""
    pixmap = (QStyle.StandardPixmap.SP_MessageBoxCritical if severity == ERROR
              else QStyle.StandardPixmap.SP_MessageBoxWarning)
    return QApplication.style().standardIcon(pixmap)


class ChecksModel(QAbstractTableModel):
    """The problems of one contract: severity (icon and word) and message, one row each."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        self._icons: dict[str, QIcon] = {}

    def set_problems(self, problems: list[Problem]) -> None:
        """Show ``problems`` (in their order); a reset only when they changed."""
        if problems == self._problems:
            return
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problems(self) -> list[Problem]:
        """The problems shown, in row order."""
        return list(self._problems)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Severity"), self.tr("Problem"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self._problems[index.row()]
        if role == ProblemRole:
            return problem
        if index.column() == COL_SEVERITY:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Error") if problem.severity == ERROR else self.tr("Warning")
            if role == Qt.ItemDataRole.DecorationRole:
                if problem.severity not in self._icons:
                    self._icons[problem.severity] = severity_icon(problem.severity)
                return self._icons[problem.severity]
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_ERROR_COLOUR if problem.severity == ERROR else _WARNING_COLOUR)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return problem.message(i18n.current_language())
        return None


class ChecksPanel(QWidget):
    """A summary line over a table of the problems. ``problemActivated(Problem)`` when one is
    clicked (or entered with the keyboard)."""

    problemActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.model = ChecksModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip holds the whole message
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Two problems at least (the dialog stays small), five when there is room; the splitter gives more.
        self._table_height = lambda n: header.sizeHint().height() + n * rows.defaultSectionSize() + 6
        self.view.setMinimumHeight(self._table_height(2))
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.set_problems([])

    def sizeHint(self) -> QSize:
        """Room for the summary and five problems."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.summary.sizeHint().height() + self._table_height(5) + 8)

    def set_problems(self, problems: list[Problem]) -> None:
        """Show ``problems`` and count them in the summary line."""
        self.model.set_problems(problems)
        errors = sum(1 for p in problems if p.severity == ERROR)
        warnings = len(problems) - errors
        if problems:
            self.summary.setText(self.tr("Checks: {0} error(s), {1} warning(s) — click one to go to the field")
                                 .format(errors, warnings))
            colour = _ERROR_COLOUR if errors else _WARNING_COLOUR
        else:
            self.summary.setText(self.tr("Checks: no problems found"))
            colour = QColor(0, 110, 40)
        self.summary.setStyleSheet(f"color: {colour.name()}; font-weight: bold;")

    def problems(self) -> list[Problem]:
        """The problems shown."""
        return self.model.problems()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.problemActivated.emit(self.model.data(index, ProblemRole))


def current_contract(editor: ContractEditor) -> ContractData:
    """The contract as edited, for the checks: the editor's own builder (``collect``), header fields
    that do not parse None — every table included, bonds, milestones and penalty clauses too."""
    return editor.collect(skip_invalid=True)


def run_checks(editor: ContractEditor) -> list[Problem]:
    """``services.checks.contract.check_contract`` of the contract as edited (``current_contract``)."""
    return check_contract(current_contract(editor))


def show_field(editor: ContractEditor, path: str) -> bool:
    """Show the field at ``path`` (a ``Problem`` field path) in ``editor``: switch to its tab and
    focus the header field, or select the table cell (its row when the column is not shown).
    False when the editor has no such field (bonds, milestones, a row since deleted)."""
    match = _PATH.match(path)
    if match is None:
        return False
    name, index, field = match.group("name"), match.group("index"), match.group("field")
    tables = {"parties": editor.parties, "line_items": editor.line_items, "installments": editor.installments,
              "articles": editor.articles}
    if index is None:
        if name in tables:
            editor.tabs.setCurrentWidget(tables[name])
            return True
        widget: QWidget
        if name == "notes":
            widget = editor.header.notes
        else:
            try:
                widget = editor.header.edit(name)
            except KeyError:
                return False
        editor.tabs.setCurrentWidget(editor.header)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if hasattr(widget, "selectAll"):
            widget.selectAll()
        return True
    if name == "line_items":
        view, model = editor.line_items.view, editor.line_items.model
        column = FIELDS.index(field) if field in FIELDS else COL_NAME
    elif name in ("parties", "installments"):
        table = tables[name]
        view, model = table.view, table.model  # type: ignore[attr-defined]
        fields = [c.field for c in model.columns]
        column = fields.index(field) if field in fields else 0
    else:
        return False
    row = int(index)
    if row >= model.rowCount():
        return False
    editor.tabs.setCurrentWidget(tables[name])
    cell = model.index(row, column)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(cell, flags)
    view.scrollTo(cell)
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


def show_problem(editor: ContractEditor, problem: Problem) -> bool:
    """Show the first of ``problem.fields`` the editor has (see ``show_field``)."""
    return any(show_field(editor, path) for path in problem.fields)


def problem_lines(problems: dict[str, list[Problem]]) -> list[str]:
    """``CONTRACT_NO: Error: message`` for every problem of every contract (an import's details),
    in the interface's language."""
    language = i18n.current_language()
    words = {ERROR: QCoreApplication.translate("ChecksModel", "Error")}
    warning = QCoreApplication.translate("ChecksModel", "Warning")
    return [f"{number}: {words.get(p.severity, warning)}: {p.message(language)}"
            for number, found in problems.items() for p in found]
