"""The command line's own coded messages, and how it prints an error in the officer's language.

Every error the command line prints carries a code and reads in the language of
``cli.language.cli_language`` (``--lang``, else the locale), as the window's messages do: the
services' ``UserError``s keep their own codes (a file it cannot write is ``FILE_CANNOT_WRITE``);
what only the command line says (an option it cannot read, a payment above what remains) is
defined here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.language import cli_language
from cli.words import ERROR_LINE, WARNING_LINE, say
from services.errors import InputError, UserError, define, file_error, localize

__all__ = ["OVER_REMAINING", "REQUIRED", "cannot_write", "fail", "language_of", "option_error", "warning_line"]

BAD_OPTION = define("CLI_BAD_OPTION", "选项 {option} 的值有误：{problem}", "{option}: {problem}")
REQUIRED = define("CLI_OPTION_REQUIRED", "{option}：不能为空", "{option}: give a value")
OVER_REMAINING = define(
    "PAYMENT_OVER_REMAINING",
    "--amount：{amount} 比第 {seq} 期剩余应付多 {over}；确要记录请加 --allow-over",
    "--amount: {amount} is {over} more than what remains of installment {seq}; give --allow-over to record it anyway",
)


def language_of(args: argparse.Namespace) -> str:
    """The language of the messages for this run: ``zh_CN`` or ``en`` (``--lang`` where the command has it)."""
    return cli_language(getattr(args, "lang", None))


def fail(error: Exception, args: argparse.Namespace) -> int:
    """Print ``error: <text> [CODE]`` (``错误：<text> [CODE]``) on standard error in the run's language
    (a ``UserError``; any other exception by its own text); returns exit status 1."""
    language = language_of(args)
    text = error.message(language) if isinstance(error, UserError) else str(error)
    print(say(ERROR_LINE, language, text=text), file=sys.stderr)
    return 1


def cannot_write(path: Path | str, exc: OSError) -> UserError:
    """``FILE_CANNOT_WRITE`` for ``path``, the reason as the system gives it (``Permission denied``)."""
    return file_error(exc, path)


def warning_line(warning: str, args: argparse.Namespace) -> str:
    """``warning: <text>`` (``警告：<text>``) of a print-out's or an import's warning, in the run's language."""
    language = language_of(args)
    return say(WARNING_LINE, language, text=localize(warning, language))


def option_error(option: str, exc: ValueError) -> UserError:
    """An option's value the command could not read: the parser's own coded error when it has one
    (an ``InputError``, its code kept, ``--date`` named in front), else ``CLI_BAD_OPTION``."""
    if isinstance(exc, InputError):
        return _OptionInputError(option, exc)
    return UserError(BAD_OPTION, option=option, problem=str(exc))


class _OptionInputError(InputError):
    """A parser's ``InputError`` with the option it came from named before its text."""

    def __init__(self, option: str, inner: InputError) -> None:
        self.option = option
        self.inner = inner
        super().__init__(inner.code, **inner.params)

    def text(self, language: str = "en") -> str:
        """``--date: <the parser's text>`` (``--date：…`` in Chinese)."""
        return f"{self.option}{'：' if language.startswith('zh') else ': '}{self.inner.text(language)}"
