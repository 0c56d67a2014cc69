"""Completing or terminating a contract closes its open routine occurrences (issue 13), asking once.

Daily, weekly and monthly duties of a finished contract cannot be done any more; left open they
would count as overdue for ever. Saving a contract as completed (已完成) or terminated (已终止)
asks once whether to close them; yes marks each such series done through its last occurrence
(the milestone's ``done_date``) in the same save, so the history records it field by field.
Payments and bond returns stay open until settled (``services.calendar.series.routine_to_close``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from services.calendar import agenda
from services.calendar.series import routine_to_close
from services.register.contract_data import ContractData
from ui.context import AppContext

__all__ = ["CLOSING_STATUSES", "close_routine_with_contract"]

#: Statuses that end a contract's routine duties.
CLOSING_STATUSES = ("completed", "terminated")


def close_routine_with_contract(context: AppContext, contract_id: int | None, data: ContractData) -> int:
    """Ask once and, if agreed, mark ``data``'s open routine series done through their last date
    (before it is saved); returns how many occurrences that closes (0: none open, or declined)."""
    if contract_id is None or data.status not in CLOSING_STATUSES:
        return 0
    with context.store.session() as session:
        items = agenda.contract_deadlines(session, contract_id, today=dt.date.today(), reminder_days=0, data=data)
    closing = routine_to_close(items)
    if not closing:
        return 0
    translate = QCoreApplication.translate
    total = sum(count for _name, count, _last in closing.values())
    lines = "\n".join(f"• {name}: {count}" for name, count, _last in closing.values())
    text = translate("RoutineClose", "This contract is {0}: its routine duties end with it. Close their {1} "
                     "open occurrence(s)? Payments and bond returns stay open.").format(
        translate("RoutineClose", "completed") if data.status == "completed"
        else translate("RoutineClose", "terminated"), total)
    if not context.dialogs.confirm(translate("RoutineClose", "Close routine duties"), f"{text}\n\n{lines}"):
        return 0
    for milestone in data.milestones:
        if milestone.seq in closing:
            milestone.done_date = closing[milestone.seq][2]
    return total
