"""Adds the Amendments and Attachments tabs to a contract editor (one call from ``ContractEditor``)."""

from __future__ import annotations

import datetime as dt
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from sqlalchemy.orm import Session

from services.amendments import register
from services.amendments.changes import AmendmentData
from ui.amendments.amendments_tab import AmendmentsPanel, pending_text
from ui.amendments.attachments_tab import AttachmentsPanel
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from ui.editor.contract_editor import ContractEditor


def add_tabs(editor: ContractEditor) -> None:
    """Give ``editor`` (a saved contract) its Amendments and Attachments tabs, as
    ``editor.amendments_panel`` and ``editor.attachments_panel``."""
    editor.amendments_panel = AmendmentsPanel(editor)
    editor.attachments_panel = AttachmentsPanel(editor)
    editor.tabs.addTab(editor.amendments_panel, editor.amendments_panel.title())
    editor.tabs.addTab(editor.attachments_panel, editor.attachments_panel.title())
    _mark_pending(editor)


def _mark_pending(editor: ContractEditor) -> None:
    """A note in the corner of the editor's tabs while an amendment of the contract is not yet in
    force: the tabs show the terms as amended by it, the register uses today's (issue 16)."""
    contract_id = editor.contract_id
    if contract_id is None:
        return
    holder = weakref.ref(editor)

    def work(session: Session, _control: TaskControl) -> list[AmendmentData]:
        return [a for a in register.amendments(session, contract_id) if a.effective > dt.date.today()]

    def done(waiting: list[AmendmentData]) -> None:
        target = holder()
        if target is None or not waiting:
            return
        panel = target.amendments_panel
        assert panel is not None
        text = QCoreApplication.translate("AmendmentsPanel", "{0} pending, from {1}")
        label = QLabel(text.format(waiting[0].amendment_no, waiting[0].effective.isoformat()))
        label.setStyleSheet("background: #fff4ce; padding: 2px 6px;")
        label.setToolTip(pending_text(waiting))
        target.tabs.setCornerWidget(label)
        label.show()
        target.pending_note = label

    editor.context.read(QCoreApplication.translate("AmendmentsPanel", "Reading the amendments…"), work, done)
