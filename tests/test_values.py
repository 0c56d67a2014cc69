"""The value syntax of the ledger (services/ledger/values.py): every reader form of the spec, the writer
forms, and what is rejected."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.ledger.values import (
    format_date,
    format_decimal,
    format_money,
    parse_date,
    parse_decimal,
    parse_int,
    parse_money,
    parse_percent,
    parse_role,
)

FEN_AMOUNTS = st.integers(0, 10**14 - 1).map(lambda fen: Decimal(fen) / 100)  # up to MAX_AMOUNT
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


# --- money -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2738718.50", Decimal("2738718.50")),
        ("2738718.5", Decimal("2738718.50")),
        ("2738718", Decimal("2738718.00")),
        ("¥2738718.50", Decimal("2738718.50")),
        ("￥2738718.50", Decimal("2738718.50")),
        ("¥ 2,738,718.50", Decimal("2738718.50")),
        ("RMB 2738718.5", Decimal("2738718.50")),
        ("RMB2,738,718.50", Decimal("2738718.50")),
        ("2,738,718.50", Decimal("2738718.50")),
        ("415,580", Decimal("415580.00")),
        ("2738718.50元", Decimal("2738718.50")),
        ("¥2,738,718.50 元", Decimal("2738718.50")),
        ("  415580.00  ", Decimal("415580.00")),
        ("0.01", Decimal("0.01")),
        ("0", Decimal("0.00")),
    ],
)
def test_parse_money_reader_forms(text: str, expected: Decimal) -> None:
    amount, wan = parse_money(text)
    assert amount == expected
    assert amount.as_tuple().exponent == -2  # always two decimals
    assert wan is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("273.871850万元", Decimal("2738718.50")),
        ("273.87185万元", Decimal("2738718.50")),
        ("41.558万元", Decimal("415580.00")),
        ("¥ 255.726760 万元", Decimal("2557267.60")),
        ("1,000万元", Decimal("10000000.00")),
        ("12万", Decimal("120000.00")),
    ],
)
def test_parse_money_wan_is_multiplied_and_flagged(text: str, expected: Decimal) -> None:
    assert parse_money(text) == (expected, True)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "元",
        "abc",
        "一百元",
        "12.345",  # three decimals: no silent rounding
        "2738718.505",
        "0.0000001万元",  # 0.001 yuan after scaling
        "1,2345.00",  # misplaced thousands separator
        "12,34",
        "1.2.3",
        "¥",
        "$100",
        "100 USD",
        "1e5",
    ],
)
def test_parse_money_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="money amount"):
        parse_money(text)


def test_parse_money_error_names_the_text() -> None:
    with pytest.raises(ValueError, match=r"more than two decimals: '12\.345'"):
        parse_money("12.345")
    with pytest.raises(ValueError, match="not a money amount: 'abc'"):
        parse_money("abc")


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("2738718.5"), "2738718.50"),
        (Decimal("415580"), "415580.00"),
        (Decimal("3.50"), "3.50"),
        (Decimal("0"), "0.00"),
        (Decimal("0.125"), "0.13"),  # half up
        (Decimal("0.135"), "0.14"),
        (Decimal("1E+3"), "1000.00"),
    ],
)
def test_format_money(amount: Decimal, text: str) -> None:
    assert format_money(amount) == text


@settings(max_examples=200, deadline=None)
@given(FEN_AMOUNTS)
def test_money_round_trip(amount: Decimal) -> None:
    written = format_money(amount)
    parsed, wan = parse_money(written)
    assert parsed == amount
    assert not wan
    assert format_money(parsed) == written


@settings(max_examples=200, deadline=None)
@given(FEN_AMOUNTS, st.sampled_from(["¥{}", "￥{}", "RMB {}", "{}元", "¥{} 元"]))
def test_money_decorated_forms_read_back(amount: Decimal, pattern: str) -> None:
    with_separators = pattern.format(f"{amount:,.2f}")
    assert parse_money(with_separators) == (amount, False)


# --- unit price, quantity ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.15", Decimal("0.15")),
        ("8", Decimal("8")),
        ("1395800", Decimal("1395800")),
        ("1,395,800", Decimal("1395800")),
        ("57,880.5", Decimal("57880.5")),
        ("0.0001", Decimal("0.0001")),
        ("12.3450", Decimal("12.345")),
        (" 36000 ", Decimal("36000")),
        ("0", Decimal("0")),
    ],
)
def test_parse_decimal(text: str, expected: Decimal) -> None:
    assert parse_decimal(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0.00001", "more than 4 decimals"),
        ("-1", "negative"),
        ("-0.5", "negative"),
        ("abc", "not a quantity"),
        ("", "not a quantity"),
        ("1,39,58", "not a quantity"),
        ("12核", "not a quantity"),
    ],
)
def test_parse_decimal_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_decimal(text, "quantity")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("0.150"), "0.15"),
        (Decimal("1.3958E+6"), "1395800"),
        (Decimal("8"), "8"),
        (Decimal("0.0001"), "0.0001"),
        (Decimal("0.000"), "0"),
    ],
)
def test_format_decimal_is_shortest_exact(value: Decimal, text: str) -> None:
    assert format_decimal(value) == text


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**12).map(lambda n: Decimal(n) / 10000))
def test_decimal_round_trip(value: Decimal) -> None:
    assert parse_decimal(format_decimal(value)) == value


# --- percent -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("75", Decimal("75")),
        ("75%", Decimal("75")),
        ("75 %", Decimal("75")),
        ("75％", Decimal("75")),
        ("0.01", Decimal("0.01")),
        ("0.01%", Decimal("0.01")),
        ("100", Decimal("100")),
        ("200", Decimal("200")),
        ("6", Decimal("6")),
    ],
)
def test_parse_percent(text: str, expected: Decimal) -> None:
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text", ["", "%", "abc", "七十五", "75%%", "-5", "-5%"])
def test_parse_percent_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="percent"):
        parse_percent(text)


# --- integer -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [("20", 20), ("-7", -7), ("+3", 3), (" 15 ", 15), ("0", 0)])
def test_parse_int(text: str, expected: int) -> None:
    assert parse_int(text) == expected


@pytest.mark.parametrize("text", ["", "2a", "1.0", "1,000", "十", "1e3"])
def test_parse_int_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not an integer"):
        parse_int(text)


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2025-10-16",
        "2025/10/16",
        "2025.10.16",
        "2025年10月16日",
        "2025 年 10 月 16 日",
        "2025年10月16",
        " 2025-10-16 ",
        "2025 - 10 - 16",
    ],
)
def test_parse_date_reader_forms(text: str) -> None:
    assert parse_date(text) == dt.date(2025, 10, 16)


@pytest.mark.parametrize(
    "text", ["2025-7-4", "2025/7/4", "2025.7.4", "2025年7月4日", "2025 年 7 月 4 日", "2025-07-04", "2025-7-04"]
)
def test_parse_date_single_digits(text: str) -> None:
    assert parse_date(text) == dt.date(2025, 7, 4)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-02-30", "no such date"),
        ("2025-13-01", "no such date"),
        ("2025-00-10", "no such date"),
        ("2024-02-30", "no such date"),
        ("16/10/2025", "not a date"),
        ("10/16/2025", "not a date"),
        ("25-10-16", "not a date"),
        ("2025-10", "not a date"),
        ("2025年7月", "not a date"),
        ("20251016", "not a date"),
        ("", "not a date"),
        ("2025-10-16 12:00", "not a date"),
    ],
)
def test_parse_date_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(text)


def test_parse_date_accepts_leap_day_only_in_leap_years() -> None:
    assert parse_date("2024-02-29") == dt.date(2024, 2, 29)
    with pytest.raises(ValueError, match="no such date: '2025-02-29'"):
        parse_date("2025-02-29")


def test_format_date() -> None:
    assert format_date(dt.date(2025, 7, 4)) == "2025-07-04"


@settings(max_examples=200, deadline=None)
@given(DATES)
def test_date_round_trip(day: dt.date) -> None:
    assert parse_date(format_date(day)) == day


@settings(max_examples=200, deadline=None)
@given(DATES, st.sampled_from(["{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日", "{y} 年 {m} 月 {d} 日", "{y}-{m}-{d}"]))
def test_date_reader_forms_property(day: dt.date, pattern: str) -> None:
    assert parse_date(pattern.format(y=day.year, m=day.month, d=day.day)) == day


# --- roles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲方", "甲方"),
        ("乙方", "乙方"),
        ("丙方", "丙方"),
        ("丁方", "丁方"),
        ("戊方", "戊方"),
        ("A", "甲方"),
        ("B", "乙方"),
        ("C", "丙方"),
        ("D", "丁方"),
        ("E", "戊方"),
        ("a", "甲方"),
        ("Party A", "甲方"),
        ("Party B", "乙方"),
        ("Party C", "丙方"),
        ("Party D", "丁方"),
        ("Party E", "戊方"),
        ("party e", "戊方"),
        ("PARTY  b", "乙方"),
        (" 乙方 ", "乙方"),
    ],
)
def test_parse_role(text: str, expected: str) -> None:
    assert parse_role(text) == expected


@pytest.mark.parametrize("text", ["Party F", "F", "己方", "", "PartyA", "Party", "甲", "supplier"])
def test_parse_role_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a party role"):
        parse_role(text)
