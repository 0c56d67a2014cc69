"""TeX residue in article text → the Unicode it means, for print-outs (issue 14).

Text converted from a scan or a PDF often keeps TeX-style marks where the original had a symbol:
``主频 \\geq 2.0GHz``, ``$\\leq 5$``, ``10 \\times 20``, ``\\text{m}^2``. A contract printed for
signature must show ``主频 ≥ 2.0GHz``, ``≤ 5``, ``10 × 20``, ``m²``. The stored text is never
changed: ``tex_to_unicode`` is applied when printing, and ``tex_residue`` lets the contract check
warn that a body holds such marks (so the officer can correct the text itself).

Only the marks scans leave are handled (a closed list, ``SYMBOLS``); anything else that looks like
a command (``\\foo``) is reported by ``tex_residue`` and printed without its backslash.
Pure functions of ``str``; no reportlab, no Qt.
"""

from __future__ import annotations

import re

__all__ = ["SYMBOLS", "tex_residue", "tex_to_unicode"]

#: TeX commands and the character each means.
SYMBOLS: dict[str, str] = {
    "geq": "≥", "ge": "≥", "leq": "≤", "le": "≤", "neq": "≠", "ne": "≠", "times": "×", "div": "÷",
    "pm": "±", "mp": "∓", "cdot": "·", "approx": "≈", "sim": "~", "circ": "°", "degree": "°",
    "infty": "∞", "mu": "μ", "alpha": "α", "beta": "β", "Omega": "Ω", "omega": "ω", "pi": "π",
    "rightarrow": "→", "to": "→", "leftarrow": "←", "Rightarrow": "⇒", "%": "%", "$": "$",
    "&": "&", "_": "_", "{": "{", "}": "}", "quad": " ", "qquad": "  ", ",": " ",
    ";": " ", "!": "", " ": " ", "ldots": "…", "cdots": "⋯", "dots": "…",
}
#: Commands whose braced argument is printed as it is: ``\\text{m}`` → ``m``.
_WRAPPERS = ("text", "mathrm", "textrm", "mathbf", "textbf", "mbox", "rm", "operatorname", "mathit")
_SUPERSCRIPTS = str.maketrans("0123456789+-()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ⁿ")
_SUBSCRIPTS = str.maketrans("0123456789+-()", "₀₁₂₃₄₅₆₇₈₉₊₋₍₎")

_WRAPPER = re.compile(r"\\(?:" + "|".join(_WRAPPERS) + r")\s*\{([^{}]*)\}")
_COMMAND = re.compile(r"\\([A-Za-z]+|[%$&_{},;! ])")  # not \# nor \*: Markdown escapes
# ``$…$`` on one line, holding a TeX mark or short maths (never a price like "$5 and $6" in prose:
# the inside must hold a backslash, ^, _ or only digits/operators and no CJK text)
_MATH = re.compile(r"\$\$?([^$\n]{1,80}?)\$\$?")
_SUPER = re.compile(r"\^\{([0-9+\-()n]{1,6})\}|\^([0-9n])")
_SUB = re.compile(r"(?<=[A-Za-z)])_\{([0-9+\-()]{1,6})\}")
_MATHY = re.compile(r"^[\s0-9.,+\-*/=<>()×≥≤%]*$")


def _math(match: re.Match[str]) -> str:
    inner = match.group(1)
    if "\\" in inner or "^" in inner or "_" in inner or _MATHY.match(inner):
        return inner.strip()
    return match.group(0)


def tex_to_unicode(text: str) -> str:
    """``text`` with TeX residue replaced: ``\\geq`` → ``≥``, ``\\text{m}^2`` → ``m²``, ``$\\leq 5$`` →
    ``≤ 5``, ``H_{2}O`` → ``H₂O``; an unknown command loses its backslash (``\\foo`` → ``foo``).
    Text without a backslash, ``$`` or ``^`` is returned unchanged. Never raises."""
    if not any(mark in text for mark in ("\\", "$", "^", "_{")):
        return text
    text = _MATH.sub(_math, text)
    for _ in range(3):  # nested wrappers: \text{\mathrm{m}}
        text, count = _WRAPPER.subn(r"\1", text)
        if not count:
            break
    text = _SUPER.sub(lambda m: (m.group(1) or m.group(2)).translate(_SUPERSCRIPTS), text)
    text = _SUB.sub(lambda m: m.group(1).translate(_SUBSCRIPTS), text)
    text = _COMMAND.sub(lambda m: SYMBOLS.get(m.group(1), m.group(1)), text)
    # "\geq2.0GHz" → "≥2.0GHz"; a command's trailing "{}" (\times{}) is dropped
    return text.replace("{}", "")


def tex_residue(text: str | None) -> list[str]:
    """The TeX marks in ``text``, in order, each once: ``["\\geq", "$…$", "^2"]`` (empty when none).

    What the contract check reports (``services.checks.articles``); the same marks
    ``tex_to_unicode`` replaces.
    """
    if not text or not any(mark in text for mark in ("\\", "$", "^", "_{")):
        return []
    found: list[str] = []
    for match in _MATH.finditer(text):
        if _math(match) != match.group(0):
            found.append(match.group(0))
    found += [m.group(0) for m in _WRAPPER.finditer(text)]
    found += [m.group(0) for m in _SUPER.finditer(text)]
    found += [m.group(0) for m in _SUB.finditer(text)]
    found += [m.group(0) for m in re.finditer(r"\\[A-Za-z]+", text)]
    return list(dict.fromkeys(found))
