"""Deadlines in words: the kind, the state and what a waiting deadline waits for, in Chinese or English
(``services.calendar.deadlines`` re-exports these)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.calendar.due_text import Labels, event_text

if TYPE_CHECKING:
    from services.calendar.deadlines import Deadline

__all__ = ["LODGED", "kind_text", "state_text", "waiting_text"]

#: Pseudo-event a bond's return waits for until the bond is lodged.
LODGED = "lodged"

_KIND_TEXT = {
    "installment": ("付款", "Payment"), "bond_lodge": ("提交保证金", "Bond lodging"),
    "bond_return": ("退还保证金", "Bond return"), "milestone": ("履约事项", "Milestone"),
    "bond_valid": ("保证金有效期", "Bond validity"), "term_end": ("服务期满", "End of term"),
    "renewal": ("续约提醒", "Renewal reminder"),
}
_STATE_TEXT = {
    "done": ("已完成", "done"), "upcoming": ("未到期", "upcoming"), "due_soon": ("7日内到期", "due within 7 days"),
    "overdue": ("已逾期", "overdue"), "waiting": ("待起算", "waiting"), "estimate": ("估算", "estimate"),
}


def kind_text(kind: str, language: str) -> str:
    """A kind of deadline in words: ``bond_return`` → 退还保证金 / Bond return."""
    zh, en = _KIND_TEXT.get(kind, (kind, kind))
    return zh if language == "zh" else en


def state_text(deadline: Deadline, language: str) -> str:
    """The state in words; an overdue bond return reads 应退未退 / "not returned"."""
    if deadline.unreturned:
        return "应退未退" if language == "zh" else "not returned (overdue)"
    zh, en = _STATE_TEXT[deadline.state]
    return zh if language == "zh" else en


def waiting_text(codes: tuple[str, ...], language: str, labels: Labels | None = None) -> str:
    """The events a deadline waits for, in words: 等待：验收合格 / "waiting for: the acceptance is passed";
    an event with a label (``labels``, as ``Deadline.labels``) by its label."""
    words = [("保证金提交" if language == "zh" else "the bond is lodged") if code == LODGED
             else event_text(code, language, labels) for code in codes]
    return ("等待：" + "、".join(words)) if language == "zh" else "waiting for: " + "; ".join(words)
