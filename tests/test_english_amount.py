"""English words for amounts (banking convention): examples from the samples, edge cases, and a
round trip through an independent reader of the words for any amount (hypothesis)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.money.english_amount import MAX_AMOUNT, integer_words, to_english_words

_SMALL_WORDS = (
    "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE",
    "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN",
)
_SMALL = {word: value for value, word in enumerate(_SMALL_WORDS)}
_TENS = {word: 10 * k for k, word in enumerate(
    ("", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY")) if word}
_SCALES = {"THOUSAND": 10**3, "MILLION": 10**6, "BILLION": 10**9}


def read_number(words: list[str]) -> int:
    """Independent reader: short-scale English words → int (the inverse of what is tested)."""
    total = group = 0
    for word in words:
        if word in _SCALES:
            total += group * _SCALES[word]
            group = 0
        elif word == "HUNDRED":
            group *= 100
        elif "-" in word:
            tens, ones = word.split("-")
            group += _TENS[tens] + _SMALL[ones]
        elif word in _TENS:
            group += _TENS[word]
        else:
            group += _SMALL[word]
    return total + group


def read_amount(text: str) -> Decimal:
    match = re.fullmatch(r"SAY RMB (?:(.+) YUAN)?(?: AND)? ?(?:(.+) FEN)? ONLY", text)
    assert match, text
    yuan = read_number(match.group(1).split()) if match.group(1) else 0
    fen = read_number(match.group(2).split()) if match.group(2) else 0
    return Decimal(yuan) + Decimal(fen) / 100


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("2738718.50", "SAY RMB TWO MILLION SEVEN HUNDRED THIRTY-EIGHT THOUSAND SEVEN HUNDRED EIGHTEEN YUAN "
                       "AND FIFTY FEN ONLY"),
        ("415580.00", "SAY RMB FOUR HUNDRED FIFTEEN THOUSAND FIVE HUNDRED EIGHTY YUAN ONLY"),
        ("2557267.60", "SAY RMB TWO MILLION FIVE HUNDRED FIFTY-SEVEN THOUSAND TWO HUNDRED SIXTY-SEVEN YUAN "
                       "AND SIXTY FEN ONLY"),
        ("0.05", "SAY RMB FIVE FEN ONLY"),
        ("0.00", "SAY RMB ZERO YUAN ONLY"),
        ("1000000000.01", "SAY RMB ONE BILLION YUAN AND ONE FEN ONLY"),
        ("1.10", "SAY RMB ONE YUAN AND TEN FEN ONLY"),
        ("100019.99", "SAY RMB ONE HUNDRED THOUSAND NINETEEN YUAN AND NINETY-NINE FEN ONLY"),
        ("999999999999.99", "SAY RMB NINE HUNDRED NINETY-NINE BILLION NINE HUNDRED NINETY-NINE MILLION NINE "
                            "HUNDRED NINETY-NINE THOUSAND NINE HUNDRED NINETY-NINE YUAN AND NINETY-NINE FEN ONLY"),
    ],
)
def test_examples(amount: str, words: str) -> None:
    assert to_english_words(Decimal(amount)) == words


def test_rounds_half_up_to_the_fen_and_takes_int() -> None:
    assert to_english_words(Decimal("0.005")) == "SAY RMB ONE FEN ONLY"
    assert to_english_words(Decimal("2.994")) == "SAY RMB TWO YUAN AND NINETY-NINE FEN ONLY"
    assert to_english_words(12) == "SAY RMB TWELVE YUAN ONLY"


@pytest.mark.parametrize("bad", [Decimal("-0.01"), MAX_AMOUNT + Decimal("0.01"), Decimal("NaN"), Decimal("Infinity")])
def test_out_of_range_is_refused(bad: Decimal) -> None:
    with pytest.raises(ValueError):
        to_english_words(bad)


@pytest.mark.parametrize("bad", [1.5, "12", True])
def test_floats_and_text_are_refused(bad: object) -> None:
    with pytest.raises(TypeError):
        to_english_words(bad)  # type: ignore[arg-type]


amounts = st.integers(min_value=0, max_value=int(MAX_AMOUNT * 100)).map(lambda fen: Decimal(fen) / 100)


@given(amounts)
def test_words_read_back_to_the_amount(amount: Decimal) -> None:
    text = to_english_words(amount)
    assert read_amount(text) == amount


@given(amounts)
def test_structure(amount: Decimal) -> None:
    text = to_english_words(amount)
    assert text.startswith("SAY RMB ") and text.endswith(" ONLY")
    assert text == text.upper() and "  " not in text
    words = text.split()
    assert words.count("AND") <= 1  # only between yuan and fen, never inside a number
    assert ("AND" in words) == (amount % 1 != 0 and amount >= 1)
    assert ("YUAN" in words) == (amount >= 1 or amount == 0)
    assert ("FEN" in words) == (amount % 1 != 0)
    allowed = set(_SMALL) | set(_TENS) | set(_SCALES) | {"HUNDRED", "SAY", "RMB", "YUAN", "AND", "FEN", "ONLY"}
    for word in words:
        assert all(part in allowed for part in word.split("-")), word
        if "-" in word:  # hyphens only in 21–99
            tens, ones = word.split("-")
            assert tens in _TENS and 1 <= _SMALL[ones] <= 9


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_integer_words_read_back(n: int) -> None:
    assert read_number(integer_words(n).split()) == n
