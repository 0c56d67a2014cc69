"""The line-item tab of the contract editor: line actions, paste, live totals (the table: ``line_items_view``).

Every change goes through ``LineItemsModel`` and its undo stack. Problems never open a
dialog: paste errors and refused cell input are listed in red under the table (and the
cell gets a tooltip); the only modal is the delete confirmation, which is injectable.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from services.errors import localize
from services.register.contract_data import LineItemData, Totals, line_totals
from services.register.paste import parse_block
from ui import i18n
from ui.editor.glossary_fill import fill_english_names
from ui.editor.line_items_columns import COL_NAME, FIELDS, column_title
from ui.editor.line_items_model import LineItemsModel
from ui.editor.line_items_view import make_table
from ui.formatting import format_money, format_percent

_CONTEXT = "LineItemsEditor"
CELL_ERROR = QT_TRANSLATE_NOOP("LineItemsEditor", "Row {row}, {column}: {reason}")
EMPTY_NAME = QT_TRANSLATE_NOOP("LineItemsEditor", "Row {row}: the line has no name")
PASTE_REFUSED = QT_TRANSLATE_NOOP("LineItemsEditor", "Nothing was pasted:")
NOTHING_TO_PASTE = QT_TRANSLATE_NOOP("LineItemsEditor", "Nothing to paste: no table cells.")
MORE_PROBLEMS = QT_TRANSLATE_NOOP("LineItemsEditor", "… and %n more")
#: How many problems the status line lists before summing up the rest.
SHOWN_PROBLEMS = 8
_RED = "color: #b00020;"
# Ctrl+Shift+= arrives as "=" or as "+" depending on the keyboard layout and platform.
_INSERT_KEYS = [QKeySequence("Ctrl+Shift+="), QKeySequence("Ctrl++"), QKeySequence("Ctrl+Shift++")]


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, None, n)


class LineItemsEditor(QWidget):
    """Editor of a contract's line items.

    ``items``: the lines (copied; read the result with ``items()``). ``undo_stack``: shared
    with the dialog, or a new one. ``confirm(question) -> bool`` asks before deleting
    (default: a ``QMessageBox.question``; tests pass a lambda). ``undo_shortcuts``: give the
    widget its own Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, Ctrl+Y) actions; default True only
    when the editor made its own stack, because a dialog sharing its stack has its own
    actions, and two actions on one key inside the same window cancel each other.

    Attributes: ``model``, ``view``, ``undo_stack``, the actions ``insert_action``,
    ``append_action``, ``delete_action``, ``move_up_action``, ``move_down_action``,
    ``paste_action``, ``undo_action``, ``redo_action``; labels ``totals_label``,
    ``difference_label`` (red, hidden while lines = total), ``error_label`` (red problems).

    Signals: ``totalsChanged(Totals)`` after every recomputation; ``errorsChanged()`` when
    the refused-input or paste problems change.
    """

    totalsChanged = Signal(object)
    errorsChanged = Signal()

    def __init__(
        self,
        items: Iterable[LineItemData] = (),
        *,
        undo_stack: QUndoStack | None = None,
        confirm: Callable[[str], bool] | None = None,
        undo_shortcuts: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        own_stack = undo_stack is None
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._confirm = confirm or self._ask
        self._total_amount = Decimal("0.00")
        self._tax_rate: Decimal | None = None
        self._paste_problems: list[str] = []
        self._shown_errors: tuple[str, ...] = ()

        self.model = LineItemsModel(items, self.undo_stack, self)
        self.view = make_table(self, self.model)  # ui.editor.line_items_view
        self._build_toolbar()
        self._build_undo_actions(undo_shortcuts if undo_shortcuts is not None else own_stack)
        self._build_labels()
        self._build_layout()
        self._connect()
        self._update_totals()
        self._update_actions()

    # --- building -------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._build_line_actions()
        for action in (
            self.insert_action,
            self.append_action,
            self.delete_action,
            self.move_up_action,
            self.move_down_action,
            self.paste_action,
            self.fill_names_action,
        ):
            self.toolbar.addAction(action)
            # Keyboard users reach every button by its shortcut; Tab should land in the table.
            self.toolbar.widgetForAction(action).setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusProxy(self.view)

    def _build_line_actions(self) -> None:
        self.insert_action = self._action(
            self.tr("Insert line"),
            [QKeySequence(Qt.Key.Key_Insert), *_INSERT_KEYS],
            self.insert_line,
            self.tr("Insert an empty line above the selected line, or at the end (Ins)"),
        )
        self.append_action = self._action(
            self.tr("Add line at end"),
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")],
            self.append_line,
            self.tr("Append an empty line after the last one (Ctrl+Enter)"),
        )
        self.delete_action = self._action(
            self.tr("Delete line(s)"),
            [QKeySequence(Qt.Key.Key_Delete)],
            self.delete_lines,
            self.tr("Delete the selected lines (Delete)"),
        )
        self.move_up_action = self._action(
            self.tr("Move up"),
            [QKeySequence("Alt+Up")],
            self.move_up,
            self.tr("Move the selected lines up (Alt+↑)"),
        )
        self.move_down_action = self._action(
            self.tr("Move down"),
            [QKeySequence("Alt+Down")],
            self.move_down,
            self.tr("Move the selected lines down (Alt+↓)"),
        )
        self.paste_action = self._action(
            self.tr("Paste lines"),
            [QKeySequence(QKeySequence.StandardKey.Paste)],
            self.paste,
            self.tr("Insert lines copied from Excel or WPS above the selected line, or at the end (Ctrl+V)"),
        )

        self.fill_names_action = self._action(
            self.tr("Fill English names from glossary"), [], self.fill_english_names,
            self.tr("Fill each empty English name with the glossary's suggestion shown in grey (one Undo step)"),
        )

    def fill_english_names(self) -> int:
        """Accept the glossary's suggestion for every empty English name (``ui.editor.glossary_fill``):
        one undoable edit; the number of names filled."""
        return fill_english_names(self.model)

    def _build_undo_actions(self, shortcuts: bool) -> None:
        """Undo/Redo actions; with ``shortcuts`` the widget also answers their keys itself."""
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        if shortcuts:
            for action in (self.undo_action, self.redo_action):
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(action)

    def _build_labels(self) -> None:
        self.totals_label = QLabel(self)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.difference_label = QLabel(self)
        self.difference_label.setStyleSheet(_RED + " font-weight: bold;")
        self.difference_label.setToolTip(self.tr("Sum of the line amounts minus the contract total"))
        self.difference_label.hide()
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(_RED)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.difference_label)
        layout.addWidget(self.error_label)
        for label in (self.totals_label, self.difference_label, self.error_label):
            label.setContentsMargins(4, 1, 4, 1)

    def _connect(self) -> None:
        self.model.totalsChanged.connect(self._update_totals)
        self.model.invalidInput.connect(self._on_invalid_input)
        for signal in (
            self.model.dataChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.rowsMoved,
            self.model.modelReset,
        ):
            signal.connect(self._on_model_changed)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.view.selectionModel().currentChanged.connect(self._update_actions)

    # --- data in and out ------------------------------------------------------------------

    def items(self) -> list[LineItemData]:
        """Copies of the edited lines, ``seq`` 1..n in table order."""
        return [copy.copy(line) for line in self.model.items()]

    def set_items(self, items: Iterable[LineItemData]) -> None:
        """Show other lines (copied). Clears the undo stack: its steps refer to the old lines."""
        self._paste_problems = []
        self.model.set_items(items)

    def set_contract_figures(self, total_amount: Decimal, tax_rate: Decimal | None) -> None:
        """The contract's total (yuan, tax included) and VAT rate (percent, None: unknown)."""
        self._total_amount = total_amount
        self._tax_rate = tax_rate
        self._update_totals()

    def totals(self) -> Totals:
        """Totals of the current lines against the contract figures (yuan).

        A rate that cannot split the sum (−100 %) is treated as unknown rather than raising.
        """
        try:
            return line_totals(self.model.items(), self._tax_rate, self._total_amount)
        except ArithmeticError:
            return line_totals(self.model.items(), None, self._total_amount)

    # --- problems -------------------------------------------------------------------------

    def errors(self) -> list[str]:
        """Refused cell input still in the table, as "Row R, Column: reason" (1-based rows)."""
        return [
            _tr(CELL_ERROR).format(row=row + 1, column=column_title(column), reason=reason)
            for row, column, reason in self.model.cell_errors()
        ]

    def has_errors(self) -> bool:
        """True while some cell holds refused input (the dialog must not save)."""
        return self.model.has_errors()

    def validate(self) -> list[str]:
        """Everything about the lines that blocks saving: refused input, lines without a name."""
        problems = self.errors()
        problems += [
            _tr(EMPTY_NAME).format(row=row + 1)
            for row, line in enumerate(self.model.items())
            if not (line.name or "").strip()
        ]
        return problems

    # --- actions --------------------------------------------------------------------------

    def insert_line(self) -> None:
        """Insert an empty line at the first selected line (pushing it down), or at the end."""
        self._insert_at(self._insertion_row())

    def append_line(self) -> None:
        """Add an empty line after the last one."""
        self._insert_at(self.model.rowCount())

    def delete_lines(self) -> bool:
        """Delete the selected lines once ``confirm`` agrees; True if deleted."""
        rows = self.selected_rows()
        if not rows:
            return False
        question = self.tr("Delete %n line(s)?", "", len(rows))
        if not self._confirm(question):
            return False
        self.model.remove_lines(rows)
        if self.model.rowCount():
            self._select_rows(min(rows[0], self.model.rowCount() - 1), 1)
        return True

    def move_up(self) -> bool:
        """Move the selected block of lines one up; False at the top or for a scattered selection."""
        return self._move(-1)

    def move_down(self) -> bool:
        """Move the selected block of lines one down; False at the bottom or for a scattered selection."""
        return self._move(1)

    def paste(self) -> bool:
        """Paste the clipboard's text as lines (see ``paste_text``)."""
        return self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Insert the lines of a block copied from Excel/WPS at the first selected line, or at the end.

        A header row maps cells by column name; otherwise cells fill the columns from the
        current one rightwards. If any cell is bad nothing is pasted and the problems are
        listed under the table. Returns True when lines were inserted (one undo step).
        """
        labels = {name: column_title(column) for column, name in enumerate(FIELDS)}
        current = self.view.currentIndex()
        start = current.column() if current.isValid() else 0
        result = parse_block(text, self.model.columns(), start, labels)
        if result.errors:
            language = i18n.current_language()
            self._paste_problems = [_tr(PASTE_REFUSED), *(localize(error, language) for error in result.errors)]
        elif not result.rows:
            self._paste_problems = [_tr(NOTHING_TO_PASTE)]
        else:
            self._paste_problems = []
        if self._paste_problems:
            self._refresh_errors()
            return False
        row = self._insertion_row()
        self.model.paste_rows(row, result.rows)
        self._select_rows(row, len(result.rows))
        return True

    def selected_rows(self) -> list[int]:
        """Rows of the selected lines, ascending.

        Only the selection counts, never a bare current cell: the view makes its first cell
        current on mere focus, and Delete must not then offer to delete line 1.
        """
        return sorted({index.row() for index in self.view.selectionModel().selectedRows()})

    # --- internals ------------------------------------------------------------------------

    def _action(self, text: str, keys: list[QKeySequence], slot: Callable[[], object], tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        # Only while focus is in this editor: the dialog's other tables have their own keys.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete lines"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _insertion_row(self) -> int:
        rows = self.selected_rows()
        return rows[0] if rows else self.model.rowCount()

    def _insert_at(self, row: int) -> None:
        self.model.insert_lines(row, [LineItemData(seq=0, name="")])
        self._select_rows(row, 1, COL_NAME)

    def _move(self, delta: int) -> bool:
        rows = self.selected_rows()
        if not rows or rows[-1] - rows[0] + 1 != len(rows):
            return False
        if not self.model.move_lines(rows[0], rows[-1], delta):
            return False
        column = max(self.view.currentIndex().column(), 0)
        self._select_rows(rows[0] + delta, len(rows), column)
        return True

    def _select_rows(self, first: int, count: int, column: int | None = None) -> None:
        if count < 1 or first >= self.model.rowCount():
            return
        last = min(first + count, self.model.rowCount()) - 1
        if column is None:
            current = self.view.currentIndex()
            column = current.column() if current.isValid() else COL_NAME
        selection = self.view.selectionModel()
        selection.setCurrentIndex(self.model.index(first, column), QItemSelectionModel.SelectionFlag.NoUpdate)
        last_column = self.model.columnCount() - 1
        block = QItemSelection(self.model.index(first, 0), self.model.index(last, last_column))
        selection.select(
            block, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(self.model.index(first, column))

    def _on_model_changed(self, *_args: object) -> None:
        if self._paste_problems:
            self._paste_problems = []  # a later change makes the failed paste's report stale
        self._refresh_errors()
        self._update_actions()

    def _on_invalid_input(self, row: int, column: int, message: str) -> None:
        index = self.model.index(row, column)
        self.view.scrollTo(index)
        self._refresh_errors()

    def _refresh_errors(self) -> None:
        problems = [*self._paste_problems, *self.errors()]
        if len(problems) > SHOWN_PROBLEMS:
            problems = [*problems[:SHOWN_PROBLEMS], _tr(MORE_PROBLEMS, len(problems) - SHOWN_PROBLEMS)]
        self.error_label.setText("\n".join(problems))
        self.error_label.setVisible(bool(problems))
        if tuple(problems) != self._shown_errors:
            self._shown_errors = tuple(problems)
            self.errorsChanged.emit()

    def _update_totals(self) -> None:
        totals = self.totals()
        if totals.excl_tax is None or totals.tax is None or self._tax_rate is None:
            text = self.tr("Lines: ¥{lines}").format(lines=format_money(totals.lines))
        else:
            text = self.tr("Lines: ¥{lines} · excl. tax: ¥{excl} · tax ({rate}%): ¥{tax}").format(
                lines=format_money(totals.lines),
                excl=format_money(totals.excl_tax),
                rate=format_percent(self._tax_rate),
                tax=format_money(totals.tax),
            )
        self.totals_label.setText(text)
        if totals.difference:
            self.difference_label.setText(
                self.tr("Difference from contract total: ¥{difference}").format(
                    difference=format_money(totals.difference)
                )
            )
        else:
            self.difference_label.clear()
        self.difference_label.setVisible(bool(totals.difference))
        self.totalsChanged.emit(totals)

    def _update_actions(self, *_args: object) -> None:
        rows = self.selected_rows()
        contiguous = bool(rows) and rows[-1] - rows[0] + 1 == len(rows)
        self.delete_action.setEnabled(bool(rows))
        self.move_up_action.setEnabled(contiguous and rows[0] > 0)
        self.move_down_action.setEnabled(contiguous and rows[-1] < self.model.rowCount() - 1)
