"""Adds the Amendments and Attachments tabs to a contract editor (one call from ``ContractEditor``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.amendments.amendments_tab import AmendmentsPanel
from ui.amendments.attachments_tab import AttachmentsPanel

if TYPE_CHECKING:
    from ui.editor.contract_editor import ContractEditor


def add_tabs(editor: ContractEditor) -> None:
    """Give ``editor`` (a saved contract) its Amendments and Attachments tabs, as
    ``editor.amendments_panel`` and ``editor.attachments_panel``."""
    editor.amendments_panel = AmendmentsPanel(editor)
    editor.attachments_panel = AttachmentsPanel(editor)
    editor.tabs.addTab(editor.amendments_panel, editor.amendments_panel.title())
    editor.tabs.addTab(editor.attachments_panel, editor.attachments_panel.title())
