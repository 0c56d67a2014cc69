"""The text of an error or a warning in the window's language (``services.errors`` messages are coded)."""

from __future__ import annotations

from collections.abc import Iterable

from services.errors import UserError, file_error, localize
from ui import i18n


def error_text(error: BaseException, *, writing: bool = True) -> str:
    """``error.message(current language)`` (with its ``[CODE]``) for a coded error; an ``OSError`` as
    ``FILE_CANNOT_WRITE`` (``writing``) or ``FILE_CANNOT_READ`` with the system's reason; else ``str(error)``."""
    if isinstance(error, OSError):
        error = file_error(error, writing=writing)
    return error.message(i18n.current_language()) if isinstance(error, UserError) else str(error)


def warning_lines(warnings: Iterable[str]) -> str:
    """Warnings (coded ``Notice``s or located problems) one per line, in the window's language."""
    language = i18n.current_language()
    return "\n".join(localize(warning, language) for warning in warnings)
