"""The text of an input error in the window's language (``services.errors.InputError`` is coded)."""

from __future__ import annotations

from services.errors import UserError
from ui import i18n


def error_text(error: Exception) -> str:
    """``error.message(current language)`` (with its ``[CODE]``) for a coded error, else ``str(error)``."""
    return error.message(i18n.current_language()) if isinstance(error, UserError) else str(error)
