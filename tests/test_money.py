"""The money helpers (services/money/amounts.py): the one rounding rule, the text forms, fen, the
range of amounts written out in words; and the formatters elsewhere that now call them."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from babel.numbers import format_currency
from hypothesis import given, settings
from hypothesis import strategies as st

from models.contract import line_amount
from services import money
from services.checks.base import yuan as check_yuan
from services.ledger.values import format_money as writer_money
from services.ledger.values import parse_money
from services.money import (
    FEN,
    MAX_AMOUNT,
    amount_for_words,
    capitals,
    english_amount,
    from_fen,
    round_yuan,
    to_fen,
    yuan_symbol_text,
    yuan_text,
)
from services.penalty.types import yuan as penalty_yuan
from services.printing.common import figures
from services.printing.common import money as print_money
from tests.conftest import ROOT
from ui.formatting import format_money as screen_money

# Any decimal a computation may hand over: signs, zeros, many places, up to a trillion yuan.
AMOUNTS = st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, allow_infinity=False, places=None)
# Amounts as the store holds them: whole fen.
FEN_AMOUNTS = st.integers(-(10**14 - 1), 10**14 - 1).map(from_fen)  # within ±MAX_AMOUNT
NEAR_ZERO = st.integers(-9, 9).map(lambda n: Decimal(n).scaleb(-3))  # -0.009 … 0.009


@pytest.mark.parametrize(
    ("value", "text", "plain", "symbol"),
    [
        ("2738718.5", "2,738,718.50", "2738718.50", "¥2,738,718.50"),
        ("0", "0.00", "0.00", "¥0.00"),
        ("-0", "0.00", "0.00", "¥0.00"),
        ("-0.00", "0.00", "0.00", "¥0.00"),
        ("-0.004", "0.00", "0.00", "¥0.00"),
        ("-0.005", "-0.01", "-0.01", "-¥0.01"),
        ("0.125", "0.13", "0.13", "¥0.13"),
        ("-3.5", "-3.50", "-3.50", "-¥3.50"),
        ("1E+3", "1,000.00", "1000.00", "¥1,000.00"),
        ("999999999999.99", "999,999,999,999.99", "999999999999.99", "¥999,999,999,999.99"),
    ],
)
def test_text_forms(value: str, text: str, plain: str, symbol: str) -> None:
    amount = Decimal(value)
    assert yuan_text(amount) == text
    assert yuan_text(amount, thousands=False) == plain
    assert yuan_symbol_text(amount) == symbol


@settings(deadline=None, max_examples=300)
@given(st.one_of(AMOUNTS, NEAR_ZERO))
def test_yuan_text_never_shows_a_negative_zero(value: Decimal) -> None:
    for text in (yuan_text(value), yuan_text(value, thousands=False)):
        assert text != "-0.00"
        assert re.fullmatch(r"-?\d{1,3}(,\d{3})*\.\d\d|-?\d+\.\d\d", text)
        assert Decimal(text.replace(",", "")) == round_yuan(value)
        assert text.startswith("-") == (round_yuan(value) < 0)
    assert "-¥0.00" not in yuan_symbol_text(value) and "¥-" not in yuan_symbol_text(value)


@settings(deadline=None, max_examples=300)
@given(AMOUNTS)
def test_round_yuan_is_the_one_rule(value: Decimal) -> None:
    rounded = round_yuan(value)
    assert round_yuan(rounded) == rounded  # idempotent
    assert rounded.as_tuple().exponent == -2
    assert abs(rounded - value) <= Decimal("0.005")
    assert rounded == value.quantize(FEN, rounding=ROUND_HALF_UP)
    assert round_yuan(-value) == -rounded  # half up = away from zero, symmetric


@settings(deadline=None, max_examples=300)
@given(AMOUNTS)
def test_fen_conversions(value: Decimal) -> None:
    assert from_fen(to_fen(value)) == round_yuan(value)
    assert to_fen(from_fen(to_fen(value))) == to_fen(value)


@settings(deadline=None, max_examples=300)
@given(FEN_AMOUNTS)
def test_ledger_writer_round_trips(amount: Decimal) -> None:
    written = writer_money(amount)
    assert written == yuan_text(amount, thousands=False)
    assert parse_money(written) == (amount, False)
    assert parse_money(yuan_text(amount)) == (amount, False)  # the screen form reads back too


@settings(deadline=None, max_examples=300)
@given(st.one_of(AMOUNTS, NEAR_ZERO))
def test_the_other_formatters_call_the_money_module(value: Decimal) -> None:
    assert screen_money(value) == yuan_text(value)
    assert figures(value) == yuan_text(value)
    assert check_yuan(value) == yuan_symbol_text(value)
    assert print_money(value) == print_money(value, "en") == yuan_symbol_text(value)
    if value == round_yuan(value):
        assert penalty_yuan(value) == f"¥{yuan_text(value)}"


@settings(deadline=None, max_examples=300)
@given(FEN_AMOUNTS.filter(lambda amount: not amount.is_zero()))
def test_print_form_is_the_one_babel_wrote(amount: Decimal) -> None:
    # The print-outs used babel's ¥#,##0.00 pattern; on whole fen it wrote the same bytes.
    for locale in ("zh_CN", "en_GB"):
        assert yuan_symbol_text(amount) == format_currency(
            amount, "CNY", format="¥#,##0.00", locale=locale, currency_digits=False)


@settings(deadline=None, max_examples=200)
@given(st.decimals(min_value=0, max_value=10**6, places=4), st.decimals(min_value=0, max_value=10**4, places=4),
       st.one_of(st.none(), st.integers(1, 120)))
def test_line_amount_rounds_by_the_same_rule(price: Decimal, quantity: Decimal, periods: int | None) -> None:
    assert line_amount(price, quantity, periods) == round_yuan(price * quantity * (periods or 1))


@settings(deadline=None, max_examples=300)
@given(st.one_of(AMOUNTS, st.decimals(min_value=MAX_AMOUNT - 1, max_value=MAX_AMOUNT + 1, places=3)))
def test_capitals_and_english_words_accept_the_same_amounts(value: Decimal) -> None:
    try:
        expected = amount_for_words(value)
    except ValueError:
        with pytest.raises(ValueError):
            capitals.to_capitals(value)
        with pytest.raises(ValueError):
            english_amount.to_english_words(value)
        return
    assert 0 <= expected <= MAX_AMOUNT
    assert capitals.parse_capitals(capitals.to_capitals(value)) == expected
    english_amount.to_english_words(value)


@pytest.mark.parametrize("bad", [1.5, True, "1.00", None])
def test_amount_for_words_refuses_non_decimals(bad: object) -> None:
    with pytest.raises(TypeError):
        amount_for_words(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-0.01", "-0.005", "1000000000000", "999999999999.995"])
def test_amount_for_words_range(bad: str) -> None:
    with pytest.raises(ValueError):
        amount_for_words(Decimal(bad))


def test_amount_for_words_bounds() -> None:
    assert amount_for_words(Decimal("-0.004")) == 0
    assert amount_for_words(7) == Decimal("7.00")
    assert amount_for_words(Decimal("999999999999.994")) == MAX_AMOUNT
    assert capitals.MAX_AMOUNT is english_amount.MAX_AMOUNT is MAX_AMOUNT


def test_the_package_exports_the_helpers() -> None:
    assert money.__doc__
    assert set(money.__all__) == {"FEN", "MAX_AMOUNT", "amount_for_words", "from_fen", "round_yuan", "to_fen",
                                  "yuan_symbol_text", "yuan_text"}
    assert Decimal("0.01") == FEN


def test_no_other_module_defines_the_fen_or_rounds_money_itself() -> None:
    """FEN is defined once (models/base.py, re-exported by services.money) and money is rounded
    half up to the fen by round_yuan (models/contract.py's line_amount, below services, excepted)."""
    defines = re.compile(r"""^\s*\w+\s*=\s*Decimal\(["']0\.01["']\)""", re.MULTILINE)
    rounds = re.compile(r"quantize\(\s*(FEN|Decimal\([\"']0\.01[\"']\))\s*,\s*rounding=ROUND_HALF_UP")
    found_defines, found_rounds = [], []
    for layer in ("models", "services", "cli", "ui"):
        for path in sorted((ROOT / layer).rglob("*.py")):
            text = path.read_text("utf-8")
            name = path.relative_to(ROOT).as_posix()
            found_defines += [name] * len(defines.findall(text))
            found_rounds += [name] * len(rounds.findall(text))
    assert found_defines == ["models/base.py"]
    assert found_rounds == ["models/contract.py", "services/money/amounts.py"]
