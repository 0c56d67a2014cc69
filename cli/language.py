"""The language of the command line's messages."""

from __future__ import annotations

import os


def cli_language(choice: str | None) -> str:
    """The language of the command line's messages: ``choice`` (``--lang``), else the locale's
    (the first set of LC_ALL, LC_MESSAGES, LANG): ``zh_CN`` for any Chinese locale, else ``en``."""
    if choice:
        return choice
    locale = next((os.environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(name)), "")
    return "zh_CN" if locale.lower().startswith("zh") else "en"
