"""Article bodies printed as formatted text, never as their marks (issue 14; csv-format.md v2,
``articles.csv`` ``body``).

A body is Markdown — CommonMark with pipe tables, parsed by markdown-it-py — as text converted from
a scan or a .docx usually is: headings (``#``…``######``) print as headings, numbered and bulleted
lists as lists with their own numbers (``1.``, ``1)``), ``**bold**`` as bold, pipe tables as real
tables (header row repeated on every page, widths from content: ``services.printing.tables``).
Bodies typed in the editor are plain lines: every line break is kept (markdown-it ``breaks``), so
a plain body prints as before. Runs of tab-separated lines (a price table pasted from Excel or
WPS) print as tables too. HTML in a body prints literally (``html`` off).

Before parsing, TeX residue becomes Unicode (``services.printing.tex``: ``\\geq`` → ``≥``); a lone
``*`` between two word characters (``7*24 小时``) is kept literally rather than read as emphasis.
The stored text is not changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from services.printing.common import CONTENT_WIDTH, BoldParagraph, Printer, RunsParagraph, escape
from services.printing.tables import text_table
from services.printing.tex import tex_to_unicode

__all__ = ["body_flowables", "plain_text"]

# entities (&amp;) print as typed: a body is a contract's text, not HTML
_PARSER = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable("table").disable("entity")
# a single * with a word character (or CJK) on both sides: literal, not emphasis
_LONE_STAR = re.compile(r"(?<=[0-9A-Za-z\u3400-\u9fff）)])\*(?=[0-9A-Za-z\u3400-\u9fff（(])")
_INDENT = 16.0  # points per list level


def _prepare(body: str) -> str:
    return tex_to_unicode(body.replace("\r\n", "\n").replace("\r", "\n"))


def _blocks(text: str) -> str:
    """A Markdown piece with every line its own block: contracts break lines between paragraphs, and
    ``1. 基本要求`` followed by its text is an item and a paragraph, not one item (CommonMark's lazy
    continuation). Lines of a pipe table stay together; a lone ``*`` inside a word stays literal."""
    out: list[str] = []
    previous = ""
    for line in text.split("\n"):
        if out and line.strip() and previous.strip() and not ("|" in line and "|" in previous):
            out.append("")
        out.append(line)
        previous = line
    return _LONE_STAR.sub(r"\\*", "\n".join(out))


def _segments(body: str) -> Iterator[tuple[str, str | list[list[str]]]]:
    """``("markdown", text)`` and ``("tabs", rows)`` pieces of a body, in order."""
    lines: list[str] = []
    rows: list[list[str]] = []
    for line in [*body.split("\n"), None]:
        if line is not None and "\t" in line:
            if lines:
                yield "markdown", "\n".join(lines)
                lines = []
            rows.append([cell.strip() for cell in line.split("\t")])
            continue
        if rows:
            yield "tabs", rows
            rows = []
        if line is not None:
            lines.append(line)
    if lines:
        yield "markdown", "\n".join(lines)


def _inline(token: Token, *, markup: bool = True) -> str:
    """An inline token's children as reportlab markup (``markup``) or as plain text."""
    parts: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            parts.append(escape(child.content) if markup else child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("<br/>" if markup else "\n")
        elif kind == "image":
            parts.append(escape(child.content) if markup else child.content)
        elif markup and kind == "strong_open":
            parts.append("<b>")
        elif markup and kind == "strong_close":
            parts.append("</b>")
        elif markup and kind == "em_open":
            parts.append("<i>")
        elif markup and kind == "em_close":
            parts.append("</i>")
    return "".join(parts)


def plain_text(body: str | None) -> str:
    """The text a body prints, without any mark: what a reader sees (tests, search). Lines joined by
    newlines; table cells by tabs; list numbers kept (``1. ``)."""
    if not body:
        return ""
    out: list[str] = []
    for kind, piece in _segments(_prepare(body)):
        if kind == "tabs":
            assert isinstance(piece, list)
            out += ["\t".join(row) for row in piece]
            continue
        assert isinstance(piece, str)
        prefix = ""
        for token in _PARSER.parse(_blocks(piece)):
            if token.type == "list_item_open":
                prefix = f"{token.info}{token.markup} " if token.info else "• "
            elif token.type == "inline":
                out.append(prefix + _inline(token, markup=False))
                prefix = ""
            elif token.type in ("code_block", "fence"):
                out.append(token.content.rstrip("\n"))
    return "\n".join(out)


class _Builder:
    """Walks markdown-it's token stream and makes the flowables of one body."""

    def __init__(self, printer: Printer, width: float) -> None:
        self.printer = printer
        self.width = width
        self.flow: list[Flowable] = []
        self.lists: list[list[int | None]] = []  # per open list: [next number or None (bullets)]
        self.bullet: str | None = None
        self.heading: int | None = None

    def style(self, name: str, level: int) -> ParagraphStyle:
        base = self.printer.styles[name]
        if not level:
            return base
        return ParagraphStyle(f"{name}{level}", parent=base, leftIndent=base.leftIndent + _INDENT * level,
                              bulletIndent=_INDENT * (level - 1), bulletFontName=base.fontName,
                              bulletFontSize=base.fontSize)

    def paragraph(self, markup: str, plain: str, style: str) -> None:
        self.printer.record(plain)
        bullet, self.bullet = self.bullet, None
        if bullet is not None:
            self.printer.record(bullet)
        # a Markdown heading prints bold, and so do the **bold** runs of any other paragraph
        kind = BoldParagraph if style == "h3" else RunsParagraph if "<b>" in markup else Paragraph
        paragraph = kind(markup, self.style(style, len(self.lists)), bulletText=bullet)
        if style == "h3":
            paragraph.keepWithNext = 1
        self.flow.append(paragraph)

    def run(self, tokens: Sequence[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                self.heading = int(token.tag[1:])
            elif kind == "heading_close":
                self.heading = None
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = token.attrGet("start")
                self.lists.append([int(start) if start is not None else 1] if kind == "ordered_list_open" else [None])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                self.bullet = f"{token.info}{token.markup}" if token.info else "•"
            elif kind == "inline":
                style = "body" if self.heading is None else "h3"  # under the article's own heading (h2)
                self.paragraph(_inline(token), _inline(token, markup=False), style)
            elif kind in ("code_block", "fence"):
                text = token.content.rstrip("\n")
                self.paragraph(escape(text), text, "body")
            elif kind == "hr":
                self.flow.append(Spacer(1, 4))
            elif kind == "table_open":
                index = self.table(tokens, index)
            index += 1

    def table(self, tokens: Sequence[Token], index: int) -> int:
        """A pipe table from ``tokens[index]`` (``table_open``); returns the index of ``table_close``."""
        rows: list[list[str]] = []
        aligns: list[str | None] = []
        header_rows = 0
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                style = str(token.attrGet("style") or "")
                if token.type == "th_open":
                    aligns.append(style.removeprefix("text-align:") or None)
            elif token.type == "inline":
                rows[-1].append(_inline(token, markup=False).replace("\n", " "))
            elif token.type == "thead_close":
                header_rows = len(rows)
            index += 1
        if rows:
            indent = _INDENT * len(self.lists)
            table = text_table(self.printer, rows, header_rows=header_rows, aligns=aligns, width=self.width - indent)
            self.flow.append(table)
            self.flow.append(Spacer(1, 3))
        return index


def body_flowables(body: str | None, printer: Printer, width: float = CONTENT_WIDTH) -> list[Flowable]:
    """The flowables printing an article body (see the module docstring); ``width`` in points."""
    if not body or not body.strip():
        return []
    builder = _Builder(printer, width)
    for kind, piece in _segments(_prepare(body)):
        if kind == "tabs":
            assert isinstance(piece, list)
            builder.flow.append(text_table(printer, piece, header_rows=1, width=width))
            builder.flow.append(Spacer(1, 3))
        else:
            assert isinstance(piece, str)
            builder.run(_PARSER.parse(_blocks(piece)))
    return builder.flow
