"""Coded, translated messages for the officer: every error a service raises for a person to read.

A ``UserError`` carries a stable ``code`` (``STORE_FOREIGN``, ``CONTRACT_CONFLICT`` …) and the
values of its placeholders; its text in Chinese and English comes from ``MESSAGES``, which the
module that raises it fills with ``define()``. The window shows ``message(language)`` with the
code; the command line prints ``str(error)`` (English, as its other messages). Qt-free, so the
same message reaches a screen, the command line and a log.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MESSAGES", "Message", "UserError", "define"]


@dataclass(frozen=True)
class Message:
    """One message in both languages; ``{name}`` placeholders filled from ``UserError.params``."""

    zh_CN: str
    en: str


#: code -> its texts. Filled by ``define`` at import time of the module that raises the code.
MESSAGES: dict[str, Message] = {}


def define(code: str, zh_cn: str, en: str) -> str:
    """Register the texts of ``code``; returns ``code`` (``CONFLICT = define("…", …)``).

    Raises ``ValueError`` if ``code`` is already defined with other texts (two meanings, one code).
    """
    message = Message(zh_cn, en)
    if MESSAGES.get(code, message) != message:
        raise ValueError(f"message code {code} defined twice")
    MESSAGES[code] = message
    return code


class UserError(Exception):
    """An error meant for the officer: ``code`` names it, ``params`` fill its placeholders.

    ``str(error)`` is the English text followed by the code in brackets; ``message("zh_CN")`` the
    Chinese. Raises ``KeyError`` at construction if ``code`` was never ``define``d.
    """

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        MESSAGES[code]
        super().__init__(self.message("en"))

    def message(self, language: str = "en") -> str:
        """The text in ``language`` (``zh_CN`` or ``zh`` for Chinese, anything else English), with the code."""
        texts = MESSAGES[self.code]
        template = texts.zh_CN if language.startswith("zh") else texts.en
        return f"{template.format(**self.params)} [{self.code}]"
