"""History entries in the officer's words, in the language of the interface.

The words themselves — actions, field paths and coded values as labels, never codes — are
``services.history_text``'s, shared with ``main.py history``; this module gives them in the
language the window is in (``ui.i18n.current_language``).
"""

from __future__ import annotations

from services import history_text
from services.history import HistoryAction, HistoryRow
from ui import i18n

__all__ = ["ACTIONS_SHOWN", "action_text", "change_texts", "field_label"]

#: The actions a filter offers: those the register writes (payment is reserved).
ACTIONS_SHOWN: tuple[HistoryAction, ...] = history_text.ACTIONS_SHOWN


def action_text(action: HistoryAction | str) -> str:
    """The action in words (新建, 保存, 移至回收站 …); an unknown code as stored."""
    return history_text.action_text(action, i18n.current_language())


def field_label(path: str) -> str:
    """A field of the details in words: ``title`` → 合同名称, ``line_items[3].quantity`` →
    "服务明细 第3行：数量", ``line_items[3]`` → "服务明细 第3行"; unknown names as stored."""
    return history_text.field_label(path, i18n.current_language())


def change_texts(row: HistoryRow) -> list[str]:
    """What the entry changed, one line per field: "服务明细 第3行：数量 12 → 24"; empty for an
    entry without field-level details (moved to the Trash, restored, deleted permanently)."""
    return history_text.change_texts(row, i18n.current_language())
