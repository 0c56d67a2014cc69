"""The command line's words: what it prints for a person to read, in Chinese and English.

Why: the officer reads Chinese first, finance and the auditors English; every line the command
line prints — an information line (``wrote …``), a heading, a table's column words, a ``--help``
text, the ``error:``/``warning:`` in front of a message — follows the language of the run
(``cli.language.cli_language``: ``--lang``, else the locale), as the coded errors do.

The texts are kept where the services keep theirs: ``services.errors.define(code, zh, en)``
registers them in ``MESSAGES`` (the command line's codes start with ``CLI_``; ``Term``s in the
parameters show in the language of the line); ``say(code, language, **params)`` gives the text
without the code — a line to read, not an error to look up. Each command module defines its own
words beside the code that prints them; the words several commands share are here.

Imports nothing beyond ``services.errors`` (no SQLAlchemy); the contract statuses' labels are
``cli.list_lines``' (re-exported here), which ``main.py list``'s quick path prints without even that.
"""

from __future__ import annotations

import argparse

from cli.list_lines import STATUS, status_label
from services.errors import define, text_of

__all__ = [
    "DESCRIPTION",
    "ERROR_LINE",
    "HELP_CONTRACT_NO",
    "HELP_DB",
    "HELP_LANG",
    "META_COMMAND",
    "META_CONTRACT_NO",
    "META_DATE",
    "META_DIR",
    "META_FILE",
    "META_PATH",
    "META_TEXT",
    "STATUS",
    "WARNING_LINE",
    "WROTE",
    "WROTE_PAGES",
    "add_common_options",
    "display_width",
    "is_chinese",
    "lang_value",
    "pad",
    "say",
    "short_language",
    "status_label",
]


def say(code: str, language: str, **params: object) -> str:
    """The text of ``code`` in ``language`` (``zh``… Chinese, anything else English) with its
    placeholders filled (a ``Term`` by its label in that language), without the code
    (``services.errors.text_of``). Raises ``KeyError`` for a code never ``define``d or a
    placeholder without a value."""
    return text_of(code, language, **params)


def is_chinese(language: str) -> bool:
    """True for ``zh_CN`` and ``zh`` (the two spellings the services take)."""
    return language.startswith("zh")


def short_language(language: str) -> str:
    """``zh`` or ``en``: the spelling of the services that compare ``language == "zh"``
    (agenda, amendments, penalty working, overview tables)."""
    return "zh" if is_chinese(language) else "en"


#: ``error: <message>`` / ``warning: <message>``: the word in front of every error and warning line.
ERROR_LINE = define("CLI_ERROR_LINE", "错误：{text}", "error: {text}")
WARNING_LINE = define("CLI_WARNING_LINE", "警告：{text}", "warning: {text}")

def lang_value(text: str) -> str:
    """``--lang``'s value: ``zh_CN`` (also written ``zh``, as ``amendments`` took it) or ``en``."""
    return "zh_CN" if text in ("zh", "zh_CN") else text


def add_common_options(parser: argparse.ArgumentParser, language: str, *, nested: bool = False) -> None:
    """``--db PATH`` and ``--lang zh_CN|en``, which every command takes, their help in ``language``.
    ``nested``: on a command's own subcommand (``admin role``), so they may follow it too; not given
    there, they leave the command's values alone (``argparse.SUPPRESS``)."""
    default: object = argparse.SUPPRESS if nested else None
    parser.add_argument("--db", metavar=say(META_PATH, language), help=say(HELP_DB, language), default=default)
    parser.add_argument("--lang", type=lang_value, choices=("zh_CN", "en"), help=say(HELP_LANG, language),
                        default=default)


#: The one-line description of the program, above the commands in ``--help``; the commands' word.
DESCRIPTION = define("CLI_DESCRIPTION", "合同台账：合同登记、付款、期限与打印", "ContractDesk contract register")
META_COMMAND = define("CLI_META_COMMAND", "命令", "COMMAND")
WINDOW_EPILOG = define("CLI_WINDOW_EPILOG",
                       "不带命令时打开合同台账窗口（可用 --db、--lang）。“main.py 命令 --help”列出该命令的选项。",
                       "Without a command, main.py opens the window (with --db, --lang). "
                       "'main.py COMMAND --help' lists a command's options.")

# --- words of the options every command shares (the parser: ``cli.app.parser``) ------------------
HELP_DB = define("CLI_HELP_DB",
                 "台账数据库文件，或 postgresql://用户@主机:端口/数据库"
                 "（默认：$CONTRACTDESK_DB，否则为用户数据文件夹中的台账）",
                 "store file or postgresql://user@host:port/dbname "
                 "(default: $CONTRACTDESK_DB, else the user data folder)")
HELP_LANG = define("CLI_HELP_LANG", "输出语言：zh_CN 中文，en 英文（默认：按系统区域设置）",
                   "language of the output: zh_CN Chinese, en English (default: the locale's)")
HELP_CONTRACT_NO = define("CLI_HELP_CONTRACT_NO", "一份合同（默认：全部合同）", "one contract (default: every one)")
META_PATH = define("CLI_META_PATH", "路径", "PATH")
META_FILE = define("CLI_META_FILE", "文件", "FILE")
META_DIR = define("CLI_META_DIR", "文件夹", "DIR")
META_DATE = define("CLI_META_DATE", "日期", "DATE")
META_CONTRACT_NO = define("CLI_META_CONTRACT_NO", "合同编号", "CONTRACT_NO")
META_TEXT = define("CLI_META_TEXT", "文字", "TEXT")

# --- lines several commands print ------------------------------------------------------------------
WROTE = define("CLI_WROTE", "已写入 {path}", "wrote {path}")
WROTE_PAGES = define("CLI_WROTE_PAGES", "已写入 {path}（{pages} 页）", "wrote {path} ({pages} page(s))")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a Chinese (wide or full-width) character takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (``display_width``), on the right
    (left-aligned), or on the left with ``right`` (right-aligned, figures); never cut."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill
