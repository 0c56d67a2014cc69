"""argparse's own words (``usage:``, ``options``, ``error:``, ``the following arguments are
required``) in Chinese, through argparse's gettext hook.

argparse looks every word of its own up with ``gettext`` when it uses it (the module's ``_`` and
``ngettext``, called at the time a parser is built, its help printed or an error raised).
``argparse_language("zh_CN")`` points those two names at the table below while the command line
builds and runs its parser, and puts gettext's back afterwards; under English nothing changes.
A message this table does not know (a newer Python's rewording, a programming error such as a
conflicting option) stays in argparse's English.

Why not a gettext catalogue (``.mo``): gettext picks its language from the environment, not from
``--lang``, and the command line's other words are in ``services.errors``' table; this is the same
one-to-one table of argparse's English message ids, with the placeholders argparse fills.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from cli.words import display_width, is_chinese

__all__ = ["ARGPARSE_ZH", "ChineseHelpFormatter", "argparse_language", "formatter_for", "wrap"]

#: argparse's message id (Python 3.11–3.13) → its Chinese, the same ``%`` placeholders.
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "须给出参数 %s 之一",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项有歧义：%(option)s 可以是 %(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "subcommands": "命令",
}


def _gettext(message: str) -> str:
    return ARGPARSE_ZH.get(message, message) if isinstance(message, str) else message


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


@contextmanager
def argparse_language(language: str) -> Iterator[None]:
    """While inside: argparse's own words in ``language`` (Chinese from ``ARGPARSE_ZH``; English
    as argparse has them). Restores argparse's gettext on the way out, an exception or
    ``SystemExit`` (``--help``, a usage error) included."""
    if not is_chinese(language):
        yield
        return
    # argparse's gettext hook: the two names its code calls (``from gettext import gettext as _, ngettext``)
    saved: tuple[Callable[..., str], Callable[..., str]] = (
        getattr(argparse, "_"), getattr(argparse, "ngettext"))  # noqa: B009
    setattr(argparse, "_", _gettext)  # noqa: B010
    setattr(argparse, "ngettext", _ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


def wrap(text: str, width: int) -> list[str]:
    """``text`` (runs of white space made one space) in lines of at most ``width`` terminal columns
    (``cli.words.display_width``: a Chinese character takes two), broken at a space or between two
    Chinese characters; a run of ASCII longer than ``width`` (a URL) stays whole."""
    lines: list[str] = []
    line = ""
    for token in re.findall(r" |[!-~]+|.", " ".join(text.split())):
        if token == " ":
            line += " " if line else ""
            continue
        if line.strip() and display_width(line + token) > width:
            lines.append(line.rstrip())
            line = token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's help with Chinese texts: wrapped and aligned by terminal columns, a Chinese
    character two wide (argparse counts characters, so Chinese help would run past the terminal
    and its columns would not line up)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        extra = display_width(header) - len(header)  # argparse padded it by characters, not columns
        first, newline, rest = text.partition("\n")
        start = first.find(header)
        if extra > 0 and start >= 0:
            end = start + len(header)
            spaces = len(first[end:]) - len(first[end:].lstrip(" "))
            if spaces >= extra + 2 and first[end + spaces:]:
                first = first[:end] + first[end + extra:]
        return first + newline + rest


def formatter_for(language: str) -> type[argparse.HelpFormatter]:
    """The help formatter of a parser whose texts are in ``language``."""
    return ChineseHelpFormatter if is_chinese(language) else argparse.HelpFormatter
