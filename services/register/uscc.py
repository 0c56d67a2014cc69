"""Unified social credit codes (统一社会信用代码), GB 32100-2015.

A code has 18 characters: the registration authority (1), the kind of body (1), the
administrative division of the registering office (6 digits, GB/T 2260), the body's
identifier (9, the organisation code of GB 11714) and a check character (1). Characters are
the digits and the capital letters except I, O, Z, S and V (31 in all, in this order:
``0123456789ABCDEFGHJKLMNPQRTUWXY``, valued 0 … 30).

The check character (GB 32100-2015 §4.4, the MOD 31 scheme of GB/T 17710): the 17 values are
weighted by 3^(i−1) mod 31 (1, 3, 9, 27, 19, 26, …); the check value is 31 − (sum mod 31),
with 31 written as 0. This is the tax id (纳税人识别号) of every body registered since 2015.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CHARSET", "UsccProblem", "check_character", "uscc_problem"]

#: The 31 characters of a code, in the order of their values (GB 32100-2015 Table 1).
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: value for value, ch in enumerate(CHARSET)}
_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
LENGTH = 18


@dataclass(frozen=True)
class UsccProblem:
    """Why a text is not a valid code: ``reason_zh`` / ``reason_en`` (no final stop)."""

    reason_zh: str
    reason_en: str


def normalise(code: str) -> str:
    """The code as compared: spaces removed, letters upper-cased (``91110108 ma01cgbc5p`` → ``91110108MA01CGBC5P``)."""
    return "".join(code.split()).upper()


def check_character(first17: str) -> str:
    """The check character (18th) of the 17 characters ``first17`` (GB 32100-2015 §4.4).

    Raises ``ValueError`` unless ``first17`` is 17 characters of ``CHARSET``.
    """
    if len(first17) != LENGTH - 1 or any(ch not in _VALUE for ch in first17):
        raise ValueError(f"not the first 17 characters of a unified social credit code: {first17!r}")
    total = sum(_VALUE[ch] * weight for ch, weight in zip(first17, _WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def uscc_problem(code: str) -> UsccProblem | None:
    """None if ``code`` (after ``normalise``) is an 18-character code with a valid check character,
    else what is wrong: the length, a character outside ``CHARSET``, a non-digit in the
    administrative division (positions 3–8), or the check character (with the expected one)."""
    text = normalise(code)
    if len(text) != LENGTH:
        return UsccProblem(f"应为18位，实为{len(text)}位", f"it has {len(text)} characters, not 18")
    bad = next((i for i, ch in enumerate(text) if ch not in _VALUE), None)
    if bad is not None:
        return UsccProblem(
            f"第{bad + 1}位“{text[bad]}”不是代码字符（数字及除I、O、Z、S、V外的大写字母）",
            f"character {bad + 1} ({text[bad]!r}) is not a code character (digits and capitals except I, O, Z, S, V)",
        )
    if not text[2:8].isdigit():
        return UsccProblem("第3–8位（行政区划码）应为数字",
                           "characters 3–8 (the administrative division) must be digits")
    expected = check_character(text[:17])
    if text[17] != expected:
        return UsccProblem(
            f"校验码应为“{expected}”，实为“{text[17]}”", f"the check character should be {expected!r}, not {text[17]!r}"
        )
    return None
