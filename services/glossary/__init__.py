"""English names suggested from a glossary of procurement terms (issue 14): a line item's or a bond
form's Chinese name → an English name the officer accepts or edits (``suggest``).

The glossary is data, ``resources/glossary/procurement.json`` (``terms``: Chinese → English as it
reads mid-phrase; ``units``: a figure's unit → English with ``{n}``; ``joiners``: separators between
segments). The name is read left to right (after Unicode NFKC, so full-width ``（８核）`` reads as
``(8核)``), each time taking the longest known term, else a figure with a unit (``8核`` → ``8 vCPU``,
``16G`` → ``16 GB``), else a run of Latin letters and digits kept as written (``x86``, ``VPN``),
else a joiner; consecutive figures are separated by commas and a closing parenthesised part becomes
`` (…)``. A Chinese character no term covers means no suggestion (None): a half-English name is never
offered. E.g. ``云服务器（8核16G）`` → ``Cloud server (8 vCPU, 16 GB)``; ``履约保函`` →
``Performance guarantee (bank guarantee)``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["GLOSSARY_PATH", "Glossary", "english_term", "load_glossary", "suggest"]

GLOSSARY_PATH = Path(__file__).resolve().parents[2] / "resources" / "glossary" / "procurement.json"
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.]*(?:-[A-Za-z0-9][A-Za-z0-9.]*)*")  # x86, QD-MSSP-S, 3000-20000
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Glossary:
    """``terms``: lower-cased Chinese (or mixed) term → English; ``units``: lower-cased unit → English
    pattern with ``{n}``; ``joiners``: separator → its English form."""

    terms: dict[str, str]
    units: dict[str, str]
    joiners: dict[str, str]

    @property
    def longest(self) -> int:
        return max((len(term) for term in self.terms), default=0)

    @property
    def figure(self) -> re.Pattern[str]:
        """A figure followed by one of the units (longest unit first, not running into a word)."""
        units = "|".join(re.escape(u) for u in sorted(self.units, key=len, reverse=True))
        return re.compile(rf"(\d+(?:\.\d+)?)\s*({units})(?![a-z])", re.IGNORECASE)


@cache
def load_glossary(path: Path = GLOSSARY_PATH) -> Glossary:
    """The glossary at ``path`` (JSON, see the module docstring). Raises ``OSError`` or ``ValueError``
    (``json.JSONDecodeError``) when the file is missing or not JSON."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    fold = {key: unicodedata.normalize("NFKC", key).lower() for key in data["terms"]}
    return Glossary(terms={fold[k]: v for k, v in data["terms"].items()},
                    units={unicodedata.normalize("NFKC", k).lower(): v for k, v in data["units"].items()},
                    joiners={unicodedata.normalize("NFKC", k): v for k, v in data["joiners"].items()})


def _coverable(text: str, lower: str, glossary: Glossary) -> list[bool]:
    """For each position i (0 … len), whether ``text[i:]`` can be read to its end without a Chinese
    character no term covers (terms, figures, joiners, Latin words, spaces and punctuation)."""
    size = len(text)
    ok = [False] * (size + 1)
    ok[size] = True
    for i in range(size - 1, -1, -1):
        char = text[i]
        ends = [i + n for n in range(1, min(glossary.longest, size - i) + 1) if lower[i:i + n] in glossary.terms]
        if char.isdigit() and (found := glossary.figure.match(text, i)) is not None:
            ends.append(found.end())
        if any(ok[end] for end in ends):
            ok[i] = True
        elif (latin := _LATIN.match(text, i)) is not None:
            ok[i] = ok[latin.end()]
        elif char.isspace() or char in glossary.joiners or not _CJK.match(char):
            ok[i] = ok[i + 1]
    return ok


def _phrase(text: str, glossary: Glossary) -> str | None:
    """``text`` in English token by token (see the module docstring), or None when a Chinese
    character is left that no term covers."""
    out: list[str] = []  # English pieces; joiners are kept as they are, words get spaces between
    kinds: list[str] = []  # "word", "figure" or "join", one per piece
    lower = text.lower()
    figure = glossary.figure
    covered = _coverable(text, lower, glossary)
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
            continue
        terms = [lower[i:i + n] for n in range(min(glossary.longest, len(text) - i), 0, -1)
                 if lower[i:i + n] in glossary.terms]
        # the longest term that leaves a rest the glossary covers: 安全服务器 is 安全 + 服务器,
        # not 安全服务 + an uncovered 器
        term = next((t for t in terms if covered[i + len(t)]), terms[0] if terms else None)
        found = figure.match(text, i) if char.isdigit() else None
        if found is not None and (term is None or found.end() - i >= len(term)):
            english = glossary.units[found.group(2).lower()].format(n=found.group(1))
            if kinds and kinds[-1] == "figure":
                out.append(", ")
                kinds.append("join")
            out.append(english)
            kinds.append("figure")
            i = found.end()
        elif term is not None:
            if glossary.terms[term]:  # an empty English form: a word English leaves out (的, 并 …)
                out.append(glossary.terms[term])
                kinds.append("word")
            i += len(term)
        elif char in glossary.joiners:
            out.append(glossary.joiners[char])
            kinds.append("join")
            i += 1
        elif (latin := _LATIN.match(text, i)) is not None:
            out.append(latin.group())
            kinds.append("word")
            i = latin.end()
        elif _CJK.match(char):
            return None
        else:
            i += 1  # punctuation with no English of its own
    english = ""
    for piece, kind, before in zip(out, kinds, ["join", *kinds][: len(kinds)], strict=True):
        glue = "" if kind == "join" or before == "join" or english.endswith("-") or not english else " "
        english += glue + piece
    return " ".join(english.split()) or None


def english_term(text: str | None, glossary: Glossary | None = None) -> str | None:
    """The glossary's English for ``text`` when the whole text is one known term (``履约保函`` →
    ``Performance guarantee (bank guarantee)``), first letter capitalised; else None. What a
    print-out may print as the English of a bond form: a standard term, never a composed guess."""
    if not text:
        return None
    found = (glossary or load_glossary()).terms.get(unicodedata.normalize("NFKC", text).strip().lower())
    return found[0].upper() + found[1:] if found else None


def suggest(name: str | None, glossary: Glossary | None = None) -> str | None:
    """An English name for the Chinese ``name`` of a line item or a bond form, from the glossary
    (``load_glossary()`` by default), its first letter capitalised when the first word is plain
    lower case; None when ``name`` is empty, has no Chinese, or holds a Chinese character no term
    covers. Pure: reads nothing but the glossary."""
    if not name or not _CJK.search(name):
        return None
    glossary = glossary or load_glossary()
    text = unicodedata.normalize("NFKC", name).strip()
    whole = glossary.terms.get(text.lower())
    if whole:
        english: str | None = whole
    else:
        parts = re.fullmatch(r"(.*?)\s*\(([^()]*)\)\s*", text)
        head, spec = (parts.group(1), parts.group(2)) if parts else (text, None)
        english = _phrase(head, glossary)
        if english is not None and spec:
            inner = _phrase(spec, glossary)
            english = None if inner is None else f"{english} ({inner})"
    if english is None:
        return None
    first = english.split(" ", 1)[0]
    plain = first.replace("-", "")
    return english[0].upper() + english[1:] if plain.isalpha() and plain.islower() else english
