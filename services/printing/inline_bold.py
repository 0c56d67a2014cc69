"""Inline bold (Markdown ``**…**``, ``<b>``) drawn visibly bold in a font with one face (issue 14).

The Chinese fonts found (WenQuanYi Micro Hei, SimSun …) have no bold face, so ``<b>`` used to map to
the font itself and bold runs printed in normal weight. Here ``<b>`` maps to an alias of the same
TrueType font (``bold_alias``: a second name, ``…~SynthBold``, that reportlab resolves to the same
font object, so the PDF embeds the font once); the name changes at each bold run, and the text object
of every paragraph (``BoldRunsText``) draws the runs set in the alias as the headings are drawn
(``common.BoldParagraph``): filled and stroked (PDF text render mode 2, ISO 32000-1 §9.3.6) with a line
of ``BOLD_STROKE`` × the font size (``w``, a general graphics-state operator, allowed inside a text
object, §8.4.4), and back to fill only (``0 Tr``) when the run ends. A font that is not a TrueType font
(the CID fallback) gets no alias: its bold runs stay in normal weight, as before.
"""

from __future__ import annotations

import copy
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.textobject import PDFTextObject

__all__ = ["BOLD_STROKE", "SUFFIX", "BoldRunsText", "bold_alias"]

#: Width of the outline of synthetic bold, as a share of the font size (as the headings').
BOLD_STROKE = 0.035
#: The alias's name is the font's name and this.
SUFFIX = "~SynthBold"


def bold_alias(font_name: str) -> str | None:
    """Register (once) the synthetic-bold alias of the TrueType font ``font_name`` and map the font's
    bold and bold-italic to it (``<b>`` in a paragraph); its name, or None when ``font_name`` is not a
    registered TrueType font (the faces then all map to the font itself)."""
    alias = font_name + SUFFIX
    try:
        pdfmetrics.getFont(alias)
    except KeyError:
        try:
            font = pdfmetrics.getFont(font_name)
        except KeyError:
            return None
        if not isinstance(font, TTFont):
            return None
        twin = copy.copy(font)
        twin.fontName = alias
        # reportlab registers a second name of an already registered TrueType face as that font
        # itself (pdfmetrics.registerFont, ``_dynFaceNames``): one embedded font, one set of subsets
        pdfmetrics.registerFont(twin)
    for italic in (0, 1):
        addMapping(font_name, 1, italic, alias)
    addMapping(font_name, 0, 0, font_name)
    addMapping(font_name, 0, 1, font_name)
    addMapping(alias, 0, 0, alias)  # the alias's own family: reportlab looks it up for wrapped lines
    addMapping(alias, 1, 0, alias)
    addMapping(alias, 0, 1, alias)
    addMapping(alias, 1, 1, alias)
    return alias


class BoldRunsText(PDFTextObject):
    """A paragraph's text object that draws text set in a synthetic-bold alias (``bold_alias``) filled
    and stroked, and all other text filled only; the stroke's colour is set by the paragraph
    (``common.paragraph``: the style's text colour)."""

    def _bold(self, psfontname: str, size: float) -> None:
        if psfontname.endswith(SUFFIX):
            self._code.append(f"{fp_str(size * BOLD_STROKE)} w")
            self.setTextRenderMode(2)
        elif self._textRenderMode == 2 and not getattr(self, "all_bold", False):
            self.setTextRenderMode(0)

    def _setFont(self, psfontname: str, size: float) -> None:
        super()._setFont(psfontname, size)
        self._bold(psfontname, size)

    def setFont(self, psfontname: str, size: float, leading: Any = None) -> None:
        super().setFont(psfontname, size, leading)
        self._bold(psfontname, size)
