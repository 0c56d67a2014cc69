"""The Chinese font of the print-outs: a TrueType font found on this machine, embedded as a subset.

A PDF prints the same on every machine only when its fonts travel inside it. reportlab embeds a
subset (only the glyphs used) of any TrueType font (``.ttf``, or one face of a ``.ttc``) it is
given; it cannot read fonts with PostScript (CFF) outlines, such as Noto CJK or PingFang.

The font is looked for in this order: the path set by the officer (the window's setting
``pdf/font_path``, the command line's ``--font``), then the usual system fonts (Windows: SimSun,
SimHei, Microsoft YaHei; macOS: Songti, STHeiti, Hiragino Sans GB; Linux: WenQuanYi Micro/Zen Hei,
AR PL UMing/UKai, Droid Sans Fallback). A font is taken only if its character map (``cmap``) has a
glyph for every character to be printed, so a Latin-only font never prints boxes instead of
Chinese, and a font without ``¥`` (Droid Sans Fallback) is passed over.

When no candidate has every character, the one missing the fewest is used if it covers the
labels, figures and ``¥`` (``BASE_TEXT``), with a warning naming the missing characters. When no
TrueType font qualifies at all, the print-out falls back to reportlab's built-in CID font
``STSong-Light``: it is *not* embedded (the viewer supplies a Song typeface), and the warning
says so. The fallback is never silent.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from services.errors import Notice, define

__all__ = ["BASE_TEXT", "CID_FALLBACK", "FontChoice", "find_cjk_font", "missing_characters", "system_candidates"]

#: reportlab's built-in Adobe-GB1 CID font: always available, never embedded.
CID_FALLBACK = "STSong-Light"

FONT_SETTING_MISSING = define("PRINT_FONT_SETTING_MISSING", "设置中指定的字体 {path} 不存在。",
                              "The font set in the settings, {path}, does not exist.")
FONT_UNUSABLE = define("PRINT_FONT_UNUSABLE", "{path} 不是可用的 TrueType 字体（{reason}）。",
                       "{path}: not a usable TrueType font ({reason}).")
FONT_LACKS = define("PRINT_FONT_LACKS", "{path} 缺少字符：{chars}。", "{path} lacks {chars}.")
FONT_NOT_USED = define("PRINT_FONT_NOT_USED", "未使用设置中指定的字体（{preferred}），改用 {path}。{notes}",
                       "The font set in the settings ({preferred}) was not used; using {path}. {notes}")
FONT_MISSING_CHARACTERS = define(
    "PRINT_FONT_MISSING_CHARACTERS",
    "没有一种字体包含本文件的全部字符；使用 {path}，其中 {chars} 将印成空白方框。{notes}",
    "No font has every character of this document; using {path}, in which {chars} print as empty boxes. {notes}")
FONT_NONE_INSTALLED = define("PRINT_FONT_NONE_INSTALLED", "常用系统字体均未安装",
                             "none of the usual system fonts is installed")
FONT_FALLBACK = define(
    "PRINT_FONT_FALLBACK",
    "未找到中文 TrueType 字体（已尝试：{looked}）。PDF 使用内置的 {font} 字体，该字体不嵌入文件："
    "显示取决于 PDF 阅读器的字体，在其他电脑上可能印得不同。"
    "请安装中文 TrueType 字体（如 fonts-wqy-microhei），或在设置中指定。{notes}",
    "No Chinese TrueType font was found (tried: {looked}). The PDF uses the built-in {font} font, which is not "
    "embedded: it depends on the PDF viewer's fonts and may print differently on other machines. Install a Chinese "
    "TrueType font (e.g. fonts-wqy-microhei) or set one in the settings. {notes}")

#: Characters every print-out uses whatever the contract says: figures, ¥, the roles, the
#: capitals' digits and units, the footer and the common labels.
BASE_TEXT = (
    "0123456789,.%:;-+/()¥ ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    "甲乙丙丁戊方第页共合同编号名称人民币零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整年月日（）：、，。"
    "盖章法定代表人或授权签字期"
)

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"

#: (path, face index within a .ttc) of the system fonts tried, in order of preference.
_SYSTEM_FONTS: tuple[tuple[str, int], ...] = (
    # Windows
    (str(_WINDOWS_FONTS / "simsun.ttc"), 0),
    (str(_WINDOWS_FONTS / "simhei.ttf"), 0),
    (str(_WINDOWS_FONTS / "msyh.ttc"), 0),
    (str(_WINDOWS_FONTS / "msyh.ttf"), 0),
    # macOS
    ("/System/Library/Fonts/Supplemental/Songti.ttc", 0),
    ("/Library/Fonts/Songti.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("/System/Library/Fonts/Hiragino Sans GB.ttc", 0),
    # Linux (Debian/Ubuntu/UOS/Kylin paths, then Fedora's)
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
)


@dataclass(frozen=True)
class FontChoice:
    """The font a print-out uses, already registered with reportlab under ``name``.

    ``path`` is the TrueType file (None for the CID fallback); ``embedded`` is True when a subset
    of it travels in the PDF; ``warning`` (a coded ``Notice``, shown in the officer's language) is set when
    the officer should know something: the fallback, characters the font lacks, or a font set in
    the settings that could not be used. ``subfont_index`` is the face used within a ``.ttc``.
    """

    name: str
    path: str | None
    embedded: bool
    warning: Notice | None
    subfont_index: int = 0


_lock = threading.Lock()
_loaded: dict[tuple[str, int], TTFont | Notice] = {}  # (path, index) → the font, or why it cannot be used


def system_candidates() -> list[tuple[str, int]]:
    """The system fonts of ``_SYSTEM_FONTS`` that exist on this machine, in order of preference."""
    return [(path, index) for path, index in _SYSTEM_FONTS if Path(path).is_file()]


def _load(path: str, index: int) -> TTFont | Notice:
    """The registered TrueType font at ``path`` (face ``index``), or the reason it cannot be read.

    Loaded once per process: parsing a CJK font takes a few tenths of a second.
    """
    key = (str(Path(path).resolve()), index)
    with _lock:
        if key not in _loaded:
            name = f"CDCJK-{Path(path).stem}-{index}".replace(" ", "")
            try:
                font = TTFont(name, key[0], subfontIndex=index)
            except Exception as exc:  # TTFError, OSError, struct errors of a damaged file
                _loaded[key] = Notice(FONT_UNUSABLE, path=path, reason=str(exc))
            else:
                pdfmetrics.registerFont(font)
                _loaded[key] = font
        return _loaded[key]


def _needed(text: str) -> set[str]:
    """The printable characters of ``text`` (no whitespace, no control or format characters)."""
    return {ch for ch in text if not ch.isspace() and not unicodedata.category(ch).startswith("C")}


def missing_characters(font: TTFont, text: str) -> str:
    """The characters of ``text`` that ``font``'s cmap has no glyph for, sorted, each once."""
    cmap = font.face.charToGlyph
    return "".join(sorted(ch for ch in _needed(text) if ord(ch) not in cmap))


def _shorten(chars: str, limit: int = 20) -> str:
    shown = " ".join(chars[:limit])
    return shown + (f" … ({len(chars)})" if len(chars) > limit else "")


def find_cjk_font(
    preferred_path: str | None = None, text: str = "", *,
    candidates: Sequence[tuple[str, int]] | None = None,
) -> FontChoice:
    """Choose and register the font for printing ``text`` (see the module docstring for the rules).

    ``preferred_path``: a TrueType file set by the officer (face 0 of a ``.ttc``), tried first.
    ``text``: everything the print-out will show; ``BASE_TEXT`` is always added.
    ``candidates``: (path, face index) pairs to try after the preferred path; None means the
    system fonts (``system_candidates()``); tests pass ``[]`` to simulate a machine without any.
    """
    wanted = BASE_TEXT + text
    notes: list[Notice] = []
    tried: list[tuple[str, int]] = []
    if preferred_path:
        if Path(preferred_path).is_file():
            tried.append((str(preferred_path), 0))
        else:
            notes.append(Notice(FONT_SETTING_MISSING, path=str(preferred_path)))
    tried += [c for c in (system_candidates() if candidates is None else candidates) if c not in tried]

    usable: list[tuple[str, TTFont, str]] = []  # (path, font, missing characters)
    for path, index in tried:
        font = _load(path, index)
        if isinstance(font, Notice):
            notes.append(font)
            continue
        missing = missing_characters(font, wanted)
        if not missing:
            warning = None
            if preferred_path and path != str(preferred_path):
                warning = Notice(FONT_NOT_USED, preferred=str(preferred_path), path=path, notes=tuple(notes))
            return FontChoice(font.fontName, path, True, warning, index)
        usable.append((path, font, missing))
        notes.append(Notice(FONT_LACKS, path=path, chars=_shorten(missing)))

    base_ok = [(path, font, missing) for path, font, missing in usable if not missing_characters(font, BASE_TEXT)]
    if base_ok:
        path, font, missing = min(base_ok, key=lambda entry: len(entry[2]))
        index = next(i for p, i in tried if p == path)
        return FontChoice(
            font.fontName, path, True,
            Notice(FONT_MISSING_CHARACTERS, path=path, chars=_shorten(missing), notes=tuple(notes)),
            index,
        )

    with _lock:
        if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    looked: str | Notice = ", ".join(p for p, _ in tried) or Notice(FONT_NONE_INSTALLED)
    return FontChoice(CID_FALLBACK, None, False,
                      Notice(FONT_FALLBACK, looked=looked, font=CID_FALLBACK, notes=tuple(notes)))
