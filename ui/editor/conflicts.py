"""When the register refuses a save: the contract was changed (or deleted) since the editor opened it.

Never a silent overwrite and never a silent loss: the officer is told what changed, when and by
whom (``services.register.versions.ConflictError``), and chooses — Show differences (the
register's version against theirs), Save as a copy (their version under a new number), or Reload
(the register's version, their edits dropped). A contract deleted meanwhile
(``ContractDeletedError``) offers Save as a new contract. Cancel keeps the editor as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from services.amendments.editing import open_terms
from services.errors import UserError
from services.history import HistoryAction, HistoryRow
from services.register import contracts as contract_service
from services.register.contract_data import ContractData
from services.register.diff import contract_diff
from services.register.versions import ConflictError, ContractDeletedError
from ui import i18n
from ui.register.history_labels import action_text, change_texts

if TYPE_CHECKING:
    from ui.editor.contract_editor import ContractEditor

__all__ = ["difference_lines", "free_number", "resolve_refused_save"]

#: Changes listed in the conflict message at most (the rest: Show differences, or the History).
MAX_LINES = 12


def free_number(session: Session, base: str, *, keep: bool) -> str:
    """A contract number not used in the register nor in the Trash: ``base`` itself when ``keep``
    and free, else ``base-副本``, ``base-副本2`` …"""
    def taken(number: str) -> bool:
        return (contract_service.find_id(session, number) is not None
                or contract_service.trashed_id(session, number) is not None)

    if keep and not taken(base):
        return base
    candidate, counter = f"{base}-副本", 1
    while taken(candidate):
        counter += 1
        candidate = f"{base}-副本{counter}"
    return candidate


def difference_lines(row: HistoryRow) -> list[str]:
    """What a history entry changed, one line per field, in labels ("服务明细 第1行：数量 1084 → 1200")."""
    return change_texts(row)


def _as_save(details: dict) -> HistoryRow:
    """A ``contract_diff`` dressed as a save entry, for ``change_texts``."""
    return HistoryRow(0, dt.datetime.now(dt.UTC), "", HistoryAction.SAVE, None, None, None, details)


def resolve_refused_save(editor: ContractEditor, error: ConflictError | ContractDeletedError,
                         data: ContractData) -> None:
    """Ask the officer what to do with ``data`` (the contract as edited) after ``error``."""
    dialogs = editor.context.dialogs
    language = i18n.current_language()
    if isinstance(error, ContractDeletedError):
        if dialogs.choose(QCoreApplication.translate("ContractConflict", "Contract deleted"), error.message(language),
                          [("new", QCoreApplication.translate("ContractConflict", "Save as a new contract"))]) == "new":
            editor.save_as_new(data, keep_number=not error.trashed)
        return
    changed = [line for row in error.changes for line in difference_lines(row)]
    shown: UserError = error
    if error.latest is not None:  # the action in words, not its code
        shown = UserError(error.code, **{**error.params, "action": action_text(error.latest.action)})
    text = shown.message(language)
    if changed:
        heading = QCoreApplication.translate("ContractConflict", "What was changed:")
        text += "\n\n" + heading + "\n" + "\n".join(changed[:MAX_LINES])
        if len(changed) > MAX_LINES:
            text += "\n…"
    while True:
        choice = dialogs.choose(QCoreApplication.translate("ContractConflict", "Changed since you opened it"), text, [
            ("diff", QCoreApplication.translate("ContractConflict", "Show differences")),
            ("copy", QCoreApplication.translate("ContractConflict", "Save as a copy")),
            ("reload", QCoreApplication.translate("ContractConflict", "Reload (drop my changes)"))])
        if choice == "diff":
            assert editor.contract_id is not None
            with editor.store.session() as session:
                stored = open_terms(session, editor.contract_id).data  # the terms in force today, as the editor shows
            lines = change_texts(_as_save(contract_diff(stored, data)))
            none = QCoreApplication.translate("ContractConflict", "(no difference in the contract's fields)")
            dialogs.info(QCoreApplication.translate("ContractConflict", "Differences"),
                         QCoreApplication.translate("ContractConflict", "The register's version → yours:"),
                         "\n".join(lines) or none)
            continue
        if choice == "copy":
            editor.save_as_new(data, keep_number=False)
        elif choice == "reload":
            editor.reload_from_store()
        return
