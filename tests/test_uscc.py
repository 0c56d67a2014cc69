"""Unified social credit codes (services/register/uscc.py), GB 32100-2015: the check character of real
codes, malformed codes, and the MOD 31 scheme's guarantees as properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.register.uscc import CHARSET, check_character, normalise, uscc_problem

#: Real codes: the purchasers of BJMEMC-2025174-ZC and 2026-021, the supplier of WHZF-2026-ZWY.
REAL = ("12110000400709393P", "12110000760901469N", "91110108MA01CGBC5P")


@pytest.mark.parametrize("code", REAL)
def test_real_codes_are_valid(code: str) -> None:
    assert uscc_problem(code) is None
    assert check_character(code[:17]) == code[17]


def test_the_weights_are_powers_of_three_mod_31() -> None:
    # GB 32100-2015 Table 3, written out: a hand-computed check character
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    values = [CHARSET.index(ch) for ch in "91110108MA01CGBC5"]
    assert CHARSET[(31 - sum(v * w for v, w in zip(values, weights, strict=True)) % 31) % 31] == "P"


def test_spaces_and_lower_case_are_normalised() -> None:
    assert normalise(" 9111 0108ma01 cgbc5p ") == "91110108MA01CGBC5P"
    assert uscc_problem("9111 0108 ma01 cgbc 5p") is None


@pytest.mark.parametrize(("code", "reason_zh"), [
    ("12110000400709393X", "校验码应为“P”，实为“X”"),
    ("1211000040070939", "应为18位，实为16位"),
    ("1211000040070939OP", "第17位“O”不是代码字符"),
    ("12110000400709393P1", "应为18位，实为19位"),
    ("121A0000400709393P", "第3–8位"),
    ("", "应为18位，实为0位"),
])
def test_malformed_codes(code: str, reason_zh: str) -> None:
    problem = uscc_problem(code)
    assert problem is not None
    assert reason_zh in problem.reason_zh
    assert problem.reason_en


def test_check_character_refuses_what_is_not_17_code_characters() -> None:
    for first17 in ("9111010", "91110108MA01CGBCI", "91110108MA01CGBC5P"):
        with pytest.raises(ValueError):
            check_character(first17)


CODE_CHARS = st.sampled_from(CHARSET)
FIRST17 = st.tuples(st.lists(CODE_CHARS, min_size=2, max_size=2), st.lists(st.sampled_from("0123456789"),
                    min_size=6, max_size=6), st.lists(CODE_CHARS, min_size=9, max_size=9)).map(
    lambda parts: "".join(parts[0] + parts[1] + parts[2]))


@settings(max_examples=300, deadline=None)
@given(FIRST17, CODE_CHARS)
def test_exactly_one_check_character_is_valid(first17: str, last: str) -> None:
    expected = check_character(first17)
    assert uscc_problem(first17 + expected) is None
    assert (uscc_problem(first17 + last) is None) == (last == expected)


@settings(max_examples=300, deadline=None)
@given(FIRST17, st.integers(0, 16), st.integers(1, 30))
def test_any_single_substitution_is_detected(first17: str, position: int, shift: int) -> None:
    code = first17 + check_character(first17)
    ch = CHARSET[(CHARSET.index(code[position]) + shift) % 31]
    if 2 <= position <= 7 and not ch.isdigit():
        return  # caught earlier, as a non-digit division code
    altered = code[:position] + ch + code[position + 1:]
    assert uscc_problem(altered) is not None
