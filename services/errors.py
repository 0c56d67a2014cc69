"""Coded, translated messages for the officer: every error a service raises for a person to read.

A ``UserError`` carries a stable ``code`` (``STORE_FOREIGN``, ``CONTRACT_CONFLICT`` …) and the
values of its placeholders; its text in Chinese and English comes from ``MESSAGES``, which the
module that raises it fills with ``define()``. The window shows ``message(language)`` with the
code; the command line prints ``message(language)`` in the language of ``--lang`` or the locale
(``cli.messages``). Qt-free, so the
same message reaches a screen, the command line and a log.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MESSAGES", "InputError", "LocatedProblem", "Message", "Notice", "Term", "UserError", "define",
           "file_error", "localize", "localized_params", "text_of"]


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


def text_of(code: str, language: str, **params: object) -> str:
    """The text of ``code`` in ``language`` (``zh_CN``/``zh`` Chinese, anything else English), its
    placeholders filled from ``params`` (``Term``s and ``Notice``s in that language), without the
    code: a line or label to read rather than a problem to look up (the command line's
    information lines, the history's wording). Raises ``KeyError`` for a code never ``define``d
    or a placeholder without a value."""
    texts = MESSAGES[code]
    template = texts.zh_CN if language.startswith("zh") else texts.en
    return template.format(**localized_params(params, language))


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
        return f"{template.format(**localized_params(self.params, language))} [{self.code}]"


def _is_chinese(language: str) -> bool:
    return language.startswith("zh")


@dataclass(frozen=True)
class Term:
    """A field or thing named in a message, by its label in each language (``Term("quantity", "数量")``).

    Placed in ``params``, it is shown as ``zh`` under a Chinese window and ``en`` otherwise, so a
    message names the header the officer sees (数量, not ``quantity``). ``str()`` is ``en``.
    """

    en: str
    zh: str

    def __str__(self) -> str:
        return self.en

    def label(self, language: str) -> str:
        """The label in ``language`` (``zh_CN``/``zh`` → Chinese, else English)."""
        return self.zh if _is_chinese(language) else self.en


def localized_params(params: dict[str, object], language: str) -> dict[str, object]:
    """``params`` with every ``Term`` replaced by its label in ``language``, every ``Notice`` by its
    text there, and a tuple of notices by their texts joined (a note's further notes)."""
    return {k: _localized_value(v, language) for k, v in params.items()}


def _localized_value(value: object, language: str) -> object:
    if isinstance(value, Term):
        return value.label(language)
    if isinstance(value, Notice):
        return value.text(language)
    if isinstance(value, tuple) and all(isinstance(v, Notice) for v in value):
        return ("" if _is_chinese(language) else " ").join(v.text(language) for v in value)
    return value


class InputError(UserError, ValueError):
    """Bad input the officer typed, pasted or imported: a coded, translated ``UserError``.

    Also a ``ValueError``, so parsers keep their contract (``except ValueError`` still catches
    it). ``params`` may hold ``Term``s, shown in the message's language. Raises ``KeyError`` at
    construction for an undefined ``code``.
    """

    def message(self, language: str = "en") -> str:
        """The text in ``language`` followed by the code in brackets (``… [LEDGER_BAD_QUANTITY]``)."""
        return f"{self.text(language)} [{self.code}]"

    def text(self, language: str = "en") -> str:
        """The text in ``language`` without the code."""
        texts = MESSAGES[self.code]
        template = texts.zh_CN if _is_chinese(language) else texts.en
        return template.format(**localized_params(self.params, language))


ERROR = "error"
WARNING = "warning"


class LocatedProblem(str):
    """One problem of an input file at ``file:row:column``, coded and translated.

    A ``str`` (its English form ``file:row:column: text [CODE]``, ``column`` as the file's own
    header) so lists of problems keep working as text; ``localized(language)`` gives
    ``[CODE] file:row:column text`` with the column's label in ``language`` (数量 under a Chinese
    window). ``row`` is the spreadsheet row (header = 1) or None for the whole file; ``column``
    a ``Term`` or None; ``severity`` ``"error"`` (rejects) or ``"warning"`` (reported). An empty
    ``file`` is a block pasted into a table: ``row 2, column 单价: …`` / ``第 2 行，“单价”列：…``.
    """

    file: str
    row: int | None
    column: Term | None
    header: str | None
    code: str
    params: dict[str, object]
    severity: str

    def __new__(cls, file: str, row: int | None, column: Term | str | None, code: str,
                params: dict[str, object] | None = None, *, severity: str = ERROR,
                header: str | None = None) -> LocatedProblem:
        params = dict(params or {})
        term = Term(column, column) if isinstance(column, str) else column
        shown = header if header is not None else (term.en if term is not None else None)
        english = InputError(code, **params).text("en")
        self = super().__new__(cls, f"{_where(file, row, shown, 'en')}: {english} [{code}]")
        self.file, self.row, self.column, self.header = file, row, term, shown
        self.code, self.params, self.severity = code, params, severity
        return self

    def __reduce__(self) -> tuple[object, ...]:  # pickling/copying keeps the structure
        return (_rebuild, (self.file, self.row, self.column, self.code, self.params, self.severity, self.header))

    def localized(self, language: str = "en") -> str:
        """``[CODE] file:row:column text`` in ``language``; the column named by its label there."""
        column = self.column.label(language) if self.column is not None and _is_chinese(language) else self.header
        text = InputError(self.code, **self.params).text(language)
        where = _where(self.file, self.row, column, language)
        if not self.file:
            return f"[{self.code}] {where}{'：' if _is_chinese(language) else ': '}{text}"
        return f"[{self.code}] {where} {text}"


def _rebuild(file: str, row: int | None, column: Term | None, code: str, params: dict[str, object],
             severity: str, header: str | None) -> LocatedProblem:
    return LocatedProblem(file, row, column, code, params, severity=severity, header=header)


def _where(file: str, row: int | None, column: str | None, language: str) -> str:
    if not file:  # a pasted block
        chinese = _is_chinese(language)
        where = f"第 {row} 行" if chinese else f"row {row}"
        if column:
            where += f"，“{column}”列" if chinese else f", column {column}"
        return where
    where = file
    if row is not None:
        where += f":{row}"
        if column:
            where += f":{column}"
    return where


class Notice(str):
    """A coded, translated warning that is not about a place in a file: "the line items do not add up
    to the total", "no font has every character" (print-outs).

    A ``str`` — its English text and code, ``… [PRINT_LINES_NOT_TOTAL]`` — so lists of warnings keep
    working as text (a log, a test); ``message(language)`` gives it in ``zh_CN`` or ``en`` with the
    code, ``text(language)`` without. ``params`` may hold ``Term``s, ``Notice``s and tuples of
    notices (shown in the same language). Raises ``KeyError`` for a code never ``define``d.
    """

    code: str
    params: dict[str, object]

    def __new__(cls, code: str, **params: object) -> Notice:
        texts = MESSAGES[code]
        english = texts.en.format(**localized_params(params, "en")).rstrip()
        self = super().__new__(cls, f"{english} [{code}]")
        self.code, self.params = code, params
        return self

    def __reduce__(self) -> tuple[object, ...]:  # pickling/copying keeps the structure
        return (_notice, (self.code, self.params))

    def text(self, language: str = "en") -> str:
        """The text in ``language`` without the code."""
        texts = MESSAGES[self.code]
        template = texts.zh_CN if _is_chinese(language) else texts.en
        return template.format(**localized_params(self.params, language)).rstrip()

    def message(self, language: str = "en") -> str:
        """The text in ``language`` followed by the code in brackets."""
        return f"{self.text(language)} [{self.code}]"

    def localized(self, language: str = "en") -> str:
        """As ``message``: the name ``localize`` calls."""
        return self.message(language)


def _notice(code: str, params: dict[str, object]) -> Notice:
    return Notice(code, **params)


def localize(problem: str, language: str) -> str:
    """A problem or warning line in ``language``: ``localized`` of a ``LocatedProblem`` or ``Notice``,
    else the text as is."""
    return problem.localized(language) if isinstance(problem, LocatedProblem | Notice) else problem


FILE_CANNOT_WRITE = define("FILE_CANNOT_WRITE", "无法写入 {path}：{reason}", "Cannot write {path}: {reason}")
FILE_CANNOT_READ = define("FILE_CANNOT_READ", "无法读取 {path}：{reason}", "Cannot read {path}: {reason}")


def file_error(exc: OSError, path: object = None, *, writing: bool = True) -> UserError:
    """A file the officer chose that could not be written (``FILE_CANNOT_WRITE``) or read
    (``FILE_CANNOT_READ``): ``path`` (else the error's own file name) and the system's reason
    (``exc.strerror``, e.g. "Permission denied", as the system gives it)."""
    where = path if path is not None else (exc.filename if exc.filename is not None else "")
    return UserError(FILE_CANNOT_WRITE if writing else FILE_CANNOT_READ, path=str(where),
                     reason=exc.strerror or str(exc))
