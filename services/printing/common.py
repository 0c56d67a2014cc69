"""What the contract print-out and the bilingual summary share: styles, escaping, money and
number formats, the "第 X 页 共 Y 页" footer, and the two-pass build that picks the font.

Every piece of text goes through ``Printer.p`` (or ``Printer.record``), which escapes it for
reportlab's paragraph markup (a title ``A<b>&C`` prints literally) and records it, so the font
is chosen for exactly the characters printed (``services.printing.fonts``). Paragraphs wrap between
any two characters (``wordWrap='CJK'``), so mixed Chinese/Latin text never overflows a cell.

Money is ``Decimal`` yuan formatted by babel with the pattern ``¥#,##0.00`` in both languages
(babel's English symbol would be ``CN¥``); floats are never used.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from babel.numbers import format_currency
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import addMapping, tt2ps
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from models.base import decimal_text
from services.calendar.due_text import LOCALES
from services.errors import Notice, define
from services.money import round_yuan, yuan_symbol_text, yuan_text
from services.money.capitals import to_capitals
from services.printing.fonts import FontChoice, find_cjk_font
from services.printing.inline_bold import BOLD_STROKE, BoldRunsText, bold_alias
from services.register.contract_data import ContractData, InstallmentData

PAGE_SIZE = A4
MARGIN = 20 * mm
BOTTOM_MARGIN = 22 * mm
#: Width of the text column on an A4 page with 20 mm margins (points).
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN
GRID = colors.HexColor("#808080")
HEADER_FILL = colors.HexColor("#E6E6E6")
MUTED = colors.HexColor("#505050")

#: The parties' roles in English, for the bilingual summary.
ROLE_EN = {
    "甲方": "Party A (Purchaser)", "乙方": "Party B (Supplier)", "丙方": "Party C (Supplier)",
    "丁方": "Party D (Supplier)", "戊方": "Party E (Supplier)",
}
#: Party fields printed when filled: (attribute, Chinese label, English label).
PARTY_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("legal_rep", "法定代表人", "Legal representative"),
    ("address", "地址", "Address"),
    ("contact", "联系人", "Contact"),
    ("phone", "电话", "Phone"),
    ("email", "电子邮箱", "Email"),
    ("tax_id", "纳税人识别号", "Tax ID"),
    ("bank", "开户银行", "Bank"),
    ("account", "账号", "Account No."),
)


@dataclass
class PrintResult:
    """A written PDF: its ``path``, number of ``pages``, the ``font`` used, and ``warnings`` (coded ``Notice``s)
    the officer should see (the font's, and figures of the contract that do not add up)."""

    path: Path
    pages: int
    font: FontChoice
    warnings: list[str] = field(default_factory=list)


# ----- text -----------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape(text: str | None) -> str:
    """Plain text from the store → reportlab paragraph markup that prints it literally.

    ``&``, ``<``, ``>`` become entities; line breaks become ``<br/>`` (paragraphs kept); tabs
    become spaces; control characters (invalid in XML) are dropped.
    """
    if not text:
        return ""
    clean = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "))
    return xml_escape(clean).replace("\n", "<br/>")


def money(amount: Decimal, language: str = "zh", currency: str = "CNY") -> str:
    """``amount`` yuan as ``¥2,738,718.50`` (``-¥3.50``) in either language
    (``services.money.yuan_symbol_text``: rounded half up to the fen, never ``-¥0.00``).

    Another currency is written with babel's own symbol for it (``US$1,000.00``), in ``language``'s locale.
    """
    if currency == "CNY":
        return yuan_symbol_text(amount)
    return format_currency(amount, currency, locale=LOCALES[language])


def figures(amount: Decimal) -> str:
    """Yuan without a symbol, grouped, two decimals, rounded half up: ``2,738,718.50`` (table cells)."""
    return yuan_text(amount)


def capitals(amount: Decimal, currency: str = "CNY") -> str:
    """The amount in Chinese capitals, with 人民币 in front for renminbi (人民币贰佰…伍角整)."""
    return to_capitals(amount, prefix=currency == "CNY")


def exact_number(value: Decimal | None) -> str:
    """A unit price or quantity exactly as stored, grouped: ``1395800`` → ``1,395,800``, ``0.150`` → ``0.15``."""
    if value is None:
        return ""
    text = decimal_text(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}"
    return f"{sign}{grouped}.{fraction}" if fraction else f"{sign}{grouped}"


def percent_text(value: Decimal | None) -> str:
    """``Decimal("75")`` → ``75%``; None → empty."""
    return "" if value is None else f"{decimal_text(value)}%"


def installment_amount(item: InstallmentData, total: Decimal) -> Decimal | None:
    """The stated amount, else percent × total rounded half up to the fen (spec: "empty = percent ×
    total"), else None."""
    if item.amount is not None:
        return item.amount
    if item.percent is not None:
        return round_yuan(total * item.percent / 100)
    return None


def party_name(data: ContractData, role: str | None) -> str:
    """The name of the party with ``role``, or empty."""
    return next((p.name for p in data.parties if p.role == role), "")


def default_pdf_name(contract_no: str, summary: bool = False) -> str:
    """File name offered for a print-out: the contract number made safe for any file system,
    ``BJMEMC-2025174-ZC.pdf`` or ``BJMEMC-2025174-ZC-summary.pdf``."""
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", contract_no).strip("._") or "contract"
    return f"{stem}-summary.pdf" if summary else f"{stem}.pdf"


LINES_NOT_TOTAL = define("PRINT_LINES_NOT_TOTAL", "各行合价合计 {lines}，合同总额为 {total}：两者均按原样打印。",
                         "The line items add up to {lines}, the contract total is {total}: both are printed as stated.")


def line_total_warning(data: ContractData) -> list[str]:
    """A warning when the line items do not add up to the contract total (both are printed as stated)."""
    if not data.line_items:
        return []
    lines = sum((item.effective_amount for item in data.line_items), Decimal("0.00"))
    if lines == data.total_amount:
        return []
    return [Notice(LINES_NOT_TOTAL, lines=yuan_text(lines), total=yuan_text(data.total_amount))]


# ----- styles and the text recorder ---------------------------------------------------------------


class Printer:
    """Paragraph styles in one font, and a recorder of every text printed (for the glyph check).

    Styles (``size`` is the body size in points; 10.5 pt is 五号): ``title``, ``subtitle``, ``h1``,
    ``h2``, ``h3``, ``body``, ``center``, ``small``, ``cell``, ``cell_right``, ``cell_center``, ``cell_head``,
    ``label_en``.
    """

    def __init__(self, font_name: str, size: float = 10.5) -> None:
        self.font_name = font_name
        self.texts: list[str] = []
        _bold_family(font_name)

        def style(name: str, font_size: float, leading: float, **extra: object) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=font_name, fontSize=font_size, leading=leading,
                                  wordWrap="CJK", **extra)

        self.styles = {
            "title": style("title", 18, 26, alignment=TA_CENTER, spaceAfter=4 * mm),
            "subtitle": style("subtitle", size + 1, size * 1.7, alignment=TA_CENTER, spaceAfter=1 * mm),
            "h1": style("h1", 13, 19, spaceBefore=5 * mm, spaceAfter=2.5 * mm),
            "h2": style("h2", 11.5, 17, spaceBefore=3 * mm, spaceAfter=1.5 * mm),
            "h3": style("h3", size + 0.5, (size + 0.5) * 1.55, spaceBefore=2 * mm, spaceAfter=1 * mm),
            "body": style("body", size, size * 1.6, alignment=TA_LEFT, spaceAfter=1.2 * mm),
            "center": style("center", size, size * 1.6, alignment=TA_CENTER),
            "small": style("small", size - 1.5, (size - 1.5) * 1.45, textColor=MUTED),
            # CJK wrapping lets one closing mark (）。，) hang past the line end: keep room for it in the cell
            "cell": style("cell", 9, 12.5, rightIndent=9),
            "cell_right": style("cell_right", 9, 12.5, alignment=TA_RIGHT),
            "cell_center": style("cell_center", 9, 12.5, alignment=TA_CENTER),
            "cell_head": style("cell_head", 9, 12.5, alignment=TA_CENTER),
            "label_en": style("label_en", 7.5, 10, textColor=MUTED),
        }

    def record(self, text: str) -> str:
        """Note ``text`` as printed (for text drawn on the canvas directly); returns it."""
        self.texts.append(text)
        return text

    def p(self, text: str | None, style: str = "body") -> Flowable:
        """A paragraph printing ``text`` literally (escaped), in style ``style`` (a Flowable: the
        first pass of ``render`` gets an empty Spacer instead)."""
        self.record(text or "")
        return paragraph(escape(text), self.styles[style])

    def lines(self, parts: Sequence[tuple[str, str | None]], style: str = "cell", *,
              joiner: str = "<br/>") -> Flowable:
        """One paragraph of several lines, each ``(kind, text)``: kind ``"text"`` in the style's
        size, ``"en"`` smaller and grey (the English under a Chinese label). ``joiner`` " " runs
        them on in one line instead (wrapping as needed: a short name and its English)."""
        chunks = []
        # the English a little smaller than the style's text (7.5 pt at most)
        size = min(self.styles["label_en"].fontSize, self.styles[style].fontSize - 0.5)
        for kind, text in parts:
            if not text:
                continue
            self.record(text)
            if kind == "en":
                chunks.append(f'<font size="{size}" color="#505050">{escape(text)}</font>')
            else:
                chunks.append(escape(text))
        return paragraph(joiner.join(chunks), self.styles[style])

    def text(self) -> str:
        """Everything recorded so far."""
        return "\n".join(self.texts)


#: Styles printed bold (headings). The Chinese fonts found have no bold face (WenQuanYi Micro Hei,
#: SimSun …), so bold is drawn: each glyph filled and stroked with a line of ``BOLD_STROKE`` × the
#: font size (PDF text render mode 2, ISO 32000-1 §9.3.6) — what word processors call synthetic bold.
BOLD_STYLES = frozenset({"title", "title_compact", "subtitle", "h1", "h2", "h3", "section"})


class RunsParagraph(Paragraph):
    """A paragraph whose ``<b>`` runs (Markdown ``**…**``) are drawn in synthetic bold like the
    headings (``services.printing.inline_bold``): stroked in the text's colour."""

    def beginText(self, x: float, y: float) -> Any:  # reportlab's PDFTextObject
        return BoldRunsText(self.canv, x, y, direction=getattr(self.canv, "_direction", None))

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()  # the stroke's colour and joins end with the paragraph
        canvas.setStrokeColor(self.style.textColor)
        canvas.setLineJoin(1)
        try:
            super().draw()
        finally:
            canvas.restoreState()


class BoldParagraph(Paragraph):
    """A paragraph drawn in synthetic bold (``BOLD_STYLES``): its text filled and stroked in the
    text's colour (render mode 2), so a heading stands out in a font with a single face."""

    def beginText(self, x: float, y: float) -> Any:  # reportlab's PDFTextObject
        text = BoldRunsText(self.canv, x, y, direction=getattr(self.canv, "_direction", None))
        text.all_bold = True  # a run in the bold alias inside a heading keeps it bold after the run
        text.setTextRenderMode(2)
        return text

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()  # the stroke's width and colour, and the render mode, end with the paragraph
        canvas.setLineWidth(self.style.fontSize * BOLD_STROKE)
        canvas.setStrokeColor(self.style.textColor)
        canvas.setLineJoin(1)  # round joins: no spikes at sharp corners of the strokes
        try:
            super().draw()
        finally:
            canvas.restoreState()


#: Heading styles that never end a page: they go with what follows them (reportlab ``keepWithNext``; the
#: summary's "section" headings use ``CondPageBreak`` instead, so their tables may split to fit two pages).
KEEP_WITH_NEXT = frozenset({"h1", "h2", "h3"})


def paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """A ``Paragraph`` of ``markup`` in ``style``; bold (``BoldParagraph``) for the heading styles,
    kept with what follows for ``KEEP_WITH_NEXT``."""
    if style.name in BOLD_STYLES:
        made: Paragraph = BoldParagraph(markup, style)
    else:
        made = RunsParagraph(markup, style) if "<b>" in markup else Paragraph(markup, style)
    if style.name in KEEP_WITH_NEXT:
        made.keepWithNext = 1
    return made


def _bold_family(font_name: str) -> None:
    """Let ``<b>``/``<i>`` (Markdown bold in article text) work in a font registered without bold and
    italic faces: bold to its synthetic-bold alias (``inline_bold.bold_alias``), the rest to the font
    itself (the Chinese fonts found have one face)."""
    if bold_alias(font_name) is not None:
        return
    try:
        tt2ps(font_name, 1, 1)
    except ValueError:
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(font_name, bold, italic, font_name)


class _ProbePrinter(Printer):
    """Records the text a story prints without building its paragraphs: the first pass of
    ``render`` only needs the text to choose the font, and parsing every cell twice cost ~40 %
    of a summary (bench/bench_pdf.py)."""

    def p(self, text: str | None, style: str = "body") -> Flowable:
        self.record(text or "")
        return Spacer(0, 0)

    def lines(self, parts: Sequence[tuple[str, str | None]], style: str = "cell",
              *, joiner: str = "<br/>") -> Flowable:
        for _kind, text in parts:
            if text:
                self.record(text)
        return Spacer(0, 0)


def table_style(font_name: str, header_rows: int = 1, *, grid: bool = True,
                extra: list[tuple] | None = None) -> TableStyle:
    """Text cells in ``font_name`` (never reportlab's default Helvetica), a grid (unless ``grid`` is
    False), grey fill of the ``header_rows``, cells centred vertically; ``extra`` commands appended."""
    commands: list[tuple] = [("GRID", (0, 0), (-1, -1), 0.5, GRID)] if grid else []
    commands += [
        ("FONTNAME", (0, 0), (-1, -1), font_name),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    return TableStyle(commands + (extra or []))


# ----- footer and build ---------------------------------------------------------------------------

#: ``footer(page, total)`` → (left text, right text) of a page's footer.
Footer = Callable[[int, int], tuple[str, str]]


#: The text beside the seal band (``seam``): where the cross-page seal goes.
SEAM_TEXT = "骑缝章"


def draw_seam(canvas: Canvas, font_name: str) -> None:
    """The seal band of the cross-page seal (骑缝章) on the outer (right) margin of a page: a dashed
    band 14 mm wide, from 35 % to 65 % of the page height, reaching the paper's edge, with
    ``SEAM_TEXT`` upright in it. Stacked and fanned out, the pages' bands line up, so one seal across
    them touches every page (the usual way to show that no page was swapped)."""
    width, height = PAGE_SIZE
    band = 14 * mm
    low, high = height * 0.35, height * 0.65
    canvas.saveState()
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 2)
    canvas.line(width - band, low, width - band, high)
    canvas.line(width - band, low, width, low)
    canvas.line(width - band, high, width, high)
    canvas.setFillColor(MUTED)
    canvas.setFont(font_name, 9)
    middle = (low + high) / 2
    for index, character in enumerate(SEAM_TEXT):
        canvas.drawCentredString(width - band / 2, middle + (1 - index) * 12 - 3, character)
    canvas.restoreState()


def numbered_canvas(font_name: str, footer: Footer, seam: bool = False) -> type[Canvas]:
    """A canvas class that holds back every page until the end, then draws ``footer(page, total)`` on
    each: the two-pass "page X of Y" (reportlab's NumberedCanvas pattern); with ``seam`` also the
    seal band of the cross-page seal (``draw_seam``)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            # reportlab starts every canvas in Helvetica, listed (unembedded) even if never used
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font_name
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                left, right = footer(number, total)
                y = BOTTOM_MARGIN - 10 * mm
                self.setStrokeColor(GRID)
                self.setLineWidth(0.4)
                self.line(MARGIN, y + 4 * mm, PAGE_SIZE[0] - MARGIN, y + 4 * mm)
                self.setFillColor(colors.black)
                self.setFont(font_name, 8.5)
                self.drawString(MARGIN, y, left)
                self.drawRightString(PAGE_SIZE[0] - MARGIN, y, right)
                if seam:
                    draw_seam(self, font_name)
                super().showPage()
            super().save()

    return NumberedCanvas


def render(
    path: str | os.PathLike[str], make_story: Callable[[Printer], list[Flowable]], footer: Footer, *,
    title: str, subject: str, font_path: str | None = None, font: FontChoice | None = None, seam: bool = False,
) -> PrintResult:
    """Build the PDF at ``path`` from ``make_story(printer)`` with ``footer`` on every page (and with
    ``seam`` the seal band of the cross-page seal, ``draw_seam``).

    Without ``font``, the story is made once with a stand-in font to collect its text, the font is
    chosen for that text (``find_cjk_font(font_path, text)``), and the story is made again in it.
    The file is written beside ``path`` and moved into place, so a failed build leaves no half file.
    """
    if font is None:
        probe = _ProbePrinter("Helvetica")
        make_story(probe)
        left, right = footer(1, 1)
        font = find_cjk_font(font_path, probe.text() + left + right + (SEAM_TEXT if seam else ""))
    printer = Printer(font.name)
    story = make_story(printer)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".print-", suffix=".pdf", dir=target.parent)
    os.close(handle)
    try:
        doc = SimpleDocTemplate(
            temporary, pagesize=PAGE_SIZE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
            bottomMargin=BOTTOM_MARGIN, title=_plain(title), subject=_plain(subject), author="ContractDesk",
            creator="ContractDesk",
        )
        doc.build(story, canvasmaker=numbered_canvas(font.name, footer, seam))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return PrintResult(path=target, pages=doc.page, font=font, warnings=[font.warning] if font.warning else [])


def _plain(text: str) -> str:
    """Document-information text: no control or format characters."""
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
