"""The base of the contract editor's tabs that read the store themselves (amendments, attachments):
the editor held weakly, and the first read deferred until the tab is first shown."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ui.editor.contract_editor import ContractEditor


class EditorPanel(QWidget):
    """A tab of ``editor`` (a saved contract) that reads what it shows with ``reload()``, the first time
    when it is first shown — not when the editor opens."""

    def __init__(self, editor: ContractEditor) -> None:
        super().__init__()
        # Weakly: the editor holds this tab; a strong reference back would keep the editor's wrapper
        # alive in a cycle after Qt deleted it (WA_DeleteOnClose).
        self._editor = weakref.ref(editor)
        self.context = editor.context
        self._loaded_once = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    @property
    def editor(self) -> ContractEditor:
        """The editor this tab belongs to."""
        editor = self._editor()
        assert editor is not None  # the tab dies with its editor
        return editor

    def reload(self) -> None:
        """Read what the tab shows from the store (each tab its own)."""
        raise NotImplementedError
