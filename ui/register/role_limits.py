"""What this user's role lets the window's parts write on a server register (issue 17): the
payments, amendments and attachments tabs disable their writing buttons for a role the server would
refuse (``services.store_roles.may_write``), and say why in the button's tip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from services import store_roles
from ui.context import AppContext


def may_write(context: AppContext, table: str) -> bool:
    """False when the store is read-only or the window's role (``MainWindow.role``) may not write ``table``."""
    return not context.store.read_only and store_roles.may_write(getattr(context.parent, "role", None), table)


def limit(context: AppContext, table: str, *widgets: QWidget) -> None:
    """Enable ``widgets`` as ``may_write`` says; when the role is what forbids it, say so in their tips."""
    allowed = may_write(context, table)
    role = getattr(context.parent, "role", None)
    for widget in widgets:
        widget.setEnabled(allowed)
        if not allowed and not context.store.read_only and role is not None:
            label = getattr(context.parent, "_role_label", lambda r: r)(role)
            widget.setToolTip(QCoreApplication.translate(
                "MainWindow", "Your role on this server register ({0}) may not do this.").format(label))
