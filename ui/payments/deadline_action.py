"""Record payment… on a payment deadline of the agenda or the calendar (issue 15).

A context-menu action on a deadline table (QTableView over deadlines, ``ObjectRole`` holding the
``Deadline``): on an installment's deadline it opens Record payment… with the amount outstanding
pre-filled; the deadline is done when the installment is fully paid (the payment writer sets the
installment's paid date, the store-changed notification refreshes the agenda and the calendar).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView

from services.calendar.deadlines import Deadline
from ui.calendar.deadline_models import ObjectRole
from ui.context import AppContext
from ui.payments.record_dialog import RecordPaymentDialog
from ui.register.role_limits import may_write


def record_payment_on(view: QTableView, context: AppContext,
                      today: Callable[[], dt.date]) -> RecordPaymentDialog | None:
    """Record payment… on the deadline selected in ``view`` (returned for tests); None, with a word
    to the officer, when it is not an installment's."""
    index = view.currentIndex()
    item: Deadline | None = index.data(ObjectRole) if index.isValid() else None
    if item is None or item.kind != "installment" or item.contract_id is None or item.seq is None:
        context.dialogs.info(QCoreApplication.translate("PaymentActions", "Record payment"),
                             QCoreApplication.translate("PaymentActions",
                                                        "Select a payment deadline (an installment) first."))
        return None
    dialog = RecordPaymentDialog(context, item.contract_id, item.seq, view, today=today())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def install_record_payment(view: QTableView, context: AppContext, today: Callable[[], dt.date]) -> QAction:
    """Add Record payment… to ``view``'s context menu (its actions menu); returns the action."""
    action = QAction(QCoreApplication.translate("PaymentActions", "Record payment…"), view)
    action.setEnabled(may_write(context, "payments"))  # read-only, or a role that may not (issue 17)
    action.triggered.connect(lambda: record_payment_on(view, context, today))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addAction(action)
    return action
