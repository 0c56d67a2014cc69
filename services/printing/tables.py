"""Tables of the print-outs whose figures never break (issue 14).

A figure split over two lines (``2557267.6`` / ``0``) or a header wrapped one character a line
(``序`` / ``号``) makes a print-out unreadable to an auditor. Column widths are therefore computed
from the text itself, measured in the print-out's font (``pdfmetrics.stringWidth``):

* a figure (``2,557,267.60``, ``75%``, ``1,084``) never wraps: its column is at least as wide as
  its widest figure;
* text wraps at word boundaries (Latin) or between characters (Chinese); a text column is at least
  two characters (or its longest Latin word, up to ``_LONG_WORD``) wide;
* a header wraps only between its words — at spaces, before an opening bracket, after a slash
  (``单价`` / ``（元）``) — and shrinks (9 pt down to ``MIN_HEADER_SIZE``) when a word does not fit;
* the width left after every column's minimum goes to the columns in proportion to how much more
  their text would need to be on one line, then (when all fit) in proportion to their width.

``column_widths`` does the arithmetic (points); ``header_cells`` makes the header paragraphs;
``text_table`` builds a whole table of plain-text cells (article tables: tab-separated or
Markdown pipe tables).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Table

from services.printing.common import CONTENT_WIDTH, Printer, escape, table_style

__all__ = ["MIN_HEADER_SIZE", "Column", "column_widths", "header_cells", "is_figure", "text_table"]

#: Cell text size and the smallest a header shrinks to (points).
CELL_SIZE = 9.0
MIN_HEADER_SIZE = 6.5
#: Left + right padding of a cell (``table_style``) and slack for rounding; text cells also keep
#: the ``cell`` style's right indent (room for a hanging closing mark).
_PAD = 6.0 + 1.5
_TEXT_PAD = _PAD + 9.0
#: A Latin word longer than this (points) may wrap inside (a URL, a long part number).
_LONG_WORD = 90.0
#: A text column on one line takes at most this share of the width before it wraps.
_NATURAL_CAP = 0.62

_FIGURE = re.compile(r"^[-+−]?[¥$€]?\s?\d[\d,，]*(?:[.．]\d+)?\s?(?:%|‰|元|万元)?$|^[—–-]$")
_HEADER_BREAK = re.compile(r"\s+|(?=[（(［\[])|(?<=[／/])")


def is_figure(text: str) -> bool:
    """True for a figure that must not wrap: ``2,557,267.60``, ``¥1,150,770.42``, ``75%``, ``1084``, ``—``."""
    return bool(_FIGURE.match(text.strip()))


@dataclass
class Column:
    """What one column holds: ``header`` text, ``figures`` (never wrapped) and ``texts`` (may wrap),
    all plain text as printed."""

    header: str
    figures: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


def _width(text: str, font: str, size: float) -> float:
    return max((pdfmetrics.stringWidth(line, font, size) for line in text.split("\n")), default=0.0)


def _header_words(text: str) -> list[str]:
    return [word for word in _HEADER_BREAK.split(text) if word and not word.isspace()]


def _longest_word(text: str, font: str, size: float) -> float:
    """The widest stretch of ``text`` that cannot wrap: a Latin word (capped at ``_LONG_WORD``), else
    two characters (Chinese wraps between any two)."""
    words = re.findall(r"[A-Za-z0-9.,:;%/_\-+¥$()]+", text)
    widest = max((_width(word, font, size) for word in words), default=0.0)
    two = _width(text[:2], font, size) if text else 0.0
    return max(min(widest, _LONG_WORD), two)


def column_widths(columns: Sequence[Column], font: str, total: float = CONTENT_WIDTH) -> list[float]:
    """Widths in points, summing to ``total``, for ``columns`` printed in ``font`` at ``CELL_SIZE``
    (rules in the module docstring). When even the minimums do not fit, they are scaled down
    together (a table of more figures than the page holds; never the case for the print-outs)."""
    minimum: list[float] = []
    natural: list[float] = []
    for size in (CELL_SIZE, MIN_HEADER_SIZE):
        minimum, natural = [], []
        for column in columns:
            figure = max((_width(text, font, CELL_SIZE) for text in column.figures), default=0.0)
            word = max((_longest_word(text, font, CELL_SIZE) for text in column.texts), default=0.0)
            head = max((_width(w, font, size) for w in _header_words(column.header)), default=0.0)
            low = max(figure + _PAD, word + _TEXT_PAD, head + _PAD)
            line = max((_width(text, font, CELL_SIZE) for text in column.texts), default=0.0) + _TEXT_PAD
            whole = _width(column.header, font, CELL_SIZE) + _PAD  # the header on one line, when there is room
            minimum.append(low)
            natural.append(max(low, whole, min(line, total * _NATURAL_CAP)))
        if sum(minimum) <= total:
            break
    if sum(minimum) > total:
        return [w * total / sum(minimum) for w in minimum]
    spare = total - sum(minimum)
    wanted = [n - m for n, m in zip(natural, minimum, strict=True)]
    if sum(wanted) >= spare and sum(wanted) > 0:
        return [m + spare * w / sum(wanted) for m, w in zip(minimum, wanted, strict=True)]
    widths = list(natural)
    left = total - sum(widths)
    wrapping = [k for k, column in enumerate(columns) if column.texts] or list(range(len(columns)))
    share = sum(widths[k] for k in wrapping)
    for k in wrapping:
        widths[k] += left * widths[k] / share
    return widths


def header_cells(printer: Printer, headers: Sequence[str], widths: Sequence[float],
                 alignment: int = TA_CENTER) -> list[Flowable]:
    """Header paragraphs: each wraps only between its words, at the largest size from 9 pt down to
    ``MIN_HEADER_SIZE`` at which every word fits its column (``widths`` in points)."""
    cells: list[Flowable] = []
    font = printer.font_name
    for text, width in zip(headers, widths, strict=True):
        printer.record(text)
        room = width - _PAD + 1.0
        words = _header_words(text)
        size = CELL_SIZE
        while size > MIN_HEADER_SIZE and any(_width(w, font, size) > room for w in words):
            size -= 0.5
        lines: list[str] = []
        for word in words:  # greedy: words on one line while they fit
            if lines and _width(lines[-1] + word, font, size) <= room:
                lines[-1] += word if not re.match(r"[A-Za-z0-9]", word) else f" {word}"
            else:
                lines.append(word)
        style = ParagraphStyle(f"head{size}", fontName=font, fontSize=size, leading=size * 1.35,
                               alignment=alignment, wordWrap=None, splitLongWords=0)
        cells.append(Paragraph("<br/>".join(escape(line) for line in lines), style))
    return cells


def text_table(printer: Printer, rows: Sequence[Sequence[str]], *, header_rows: int = 1,
               aligns: Sequence[str | None] | None = None, width: float = CONTENT_WIDTH) -> Table:
    """A table of plain-text cells (the first ``header_rows`` rows are headers, repeated on every
    page): figures right-aligned and never wrapped, text wrapping, widths from content.

    ``aligns``: per column ``"left"``/``"right"``/``"center"`` (a Markdown table's alignment row),
    None for automatic (figures right, text left). Short rows are padded with empty cells.
    """
    count = max(len(row) for row in rows)
    grid = [[*row, *[""] * (count - len(row))] for row in rows]
    header_rows = min(header_rows, len(grid))
    heads = [" ".join(grid[r][c] for r in range(header_rows)).strip() for c in range(count)]
    columns = [Column(heads[c]) for c in range(count)]
    for row in grid[header_rows:]:
        for c, text in enumerate(row):
            (columns[c].figures if is_figure(text) else columns[c].texts).append(text)
    widths = column_widths(columns, printer.font_name, width)
    styles = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}
    cells: list[list[Flowable]] = []
    if header_rows:
        cells.append(header_cells(printer, heads, widths))
    for row in grid[header_rows:]:
        line: list[Flowable] = []
        for c, text in enumerate(row):
            align = (aligns[c] if aligns and c < len(aligns) else None) or ("right" if is_figure(text) else "left")
            style = {TA_RIGHT: "cell_right", TA_CENTER: "cell_center"}.get(styles.get(align, TA_LEFT), "cell")
            line.append(printer.p(text, style))
        cells.append(line)
    table = Table(cells, colWidths=widths, repeatRows=min(1, header_rows), hAlign="LEFT")
    table.setStyle(table_style(printer.font_name, 1 if header_rows else 0))
    return table
