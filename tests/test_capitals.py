"""Amounts in Chinese capitals (services/money/capitals.py): generation, parsing, malformed input."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.money.capitals import MAX_AMOUNT, CapitalsError, parse_capitals, to_capitals

FEN_AMOUNTS = st.integers(1, 99999999999999).map(lambda n: Decimal(n) / 100)
# Random integers rarely contain zero runs; these digit strings mostly do (零 placement, empty 万 sections).
ZERO_HEAVY_AMOUNTS = st.lists(st.one_of(st.just(0), st.integers(0, 9)), min_size=1, max_size=14).map(
    lambda digits: Decimal(int("".join(map(str, digits)))) / 100
)


@settings(deadline=None, max_examples=300)
@given(FEN_AMOUNTS)
def test_round_trip(amount: Decimal) -> None:
    assert parse_capitals(to_capitals(amount)) == amount
    assert parse_capitals(to_capitals(amount, prefix=True)) == amount
    assert parse_capitals(to_capitals(amount, zheng_after_jiao=False)) == amount
    assert parse_capitals(to_capitals(amount, prefix=True, zheng_after_jiao=False)) == amount


@settings(deadline=None, max_examples=300)
@given(ZERO_HEAVY_AMOUNTS)
def test_round_trip_with_zero_runs(amount: Decimal) -> None:
    text = to_capitals(amount)
    assert parse_capitals(text) == amount
    assert parse_capitals(to_capitals(amount, prefix=True, zheng_after_jiao=False)) == amount
    assert not text.endswith("分整")
    assert "零零" not in text


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("2738718.50", "贰佰柒拾叁万捌仟柒佰壹拾捌元伍角整"),
        ("415580", "肆拾壹万伍仟伍佰捌拾元整"),
        ("2557267.60", "贰佰伍拾伍万柒仟贰佰陆拾柒元陆角整"),
        ("273871.85", "贰拾柒万叁仟捌佰柒拾壹元捌角伍分"),
        ("1005.00", "壹仟零伍元整"),
        ("100000.10", "壹拾万元零壹角整"),
        ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
        ("1409.50", "壹仟肆佰零玖元伍角整"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("10.05", "壹拾元零伍分"),
        ("0.05", "伍分"),
        ("0.50", "伍角整"),
        ("0.55", "伍角伍分"),
        ("0", "零元整"),
        ("1.05", "壹元零伍分"),
        ("10", "壹拾元整"),
        ("15", "壹拾伍元整"),
        ("101000", "壹拾万壹仟元整"),
        ("107000", "壹拾万柒仟元整"),
        ("1000500", "壹佰万零伍佰元整"),
        ("100000000", "壹亿元整"),
        ("100000001", "壹亿零壹元整"),
        ("100500000", "壹亿零伍拾万元整"),
        ("1000010000", "壹拾亿零壹万元整"),
        ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_to_capitals(amount: str, expected: str) -> None:
    assert to_capitals(Decimal(amount)) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("1.005", "壹元零壹分"),  # half up, not cn2an's truncation nor banker's rounding
        ("1.015", "壹元零贰分"),
        ("1.004", "壹元整"),
        ("0.995", "壹元整"),
        ("0.004", "零元整"),
    ],
)
def test_to_capitals_rounds_half_up_to_the_fen(amount: str, expected: str) -> None:
    assert to_capitals(Decimal(amount)) == expected


def test_to_capitals_options() -> None:
    assert to_capitals(Decimal("415580"), prefix=True) == "人民币肆拾壹万伍仟伍佰捌拾元整"
    assert to_capitals(Decimal("2738718.5"), zheng_after_jiao=False) == "贰佰柒拾叁万捌仟柒佰壹拾捌元伍角"
    assert to_capitals(Decimal("100000.10"), zheng_after_jiao=False) == "壹拾万元零壹角"
    assert to_capitals(Decimal("0.5"), prefix=True, zheng_after_jiao=False) == "人民币伍角"
    assert to_capitals(Decimal("10"), zheng_after_jiao=False) == "壹拾元整"  # 整 after 元 regardless
    assert to_capitals(12) == "壹拾贰元整"


@pytest.mark.parametrize(
    ("amount", "error"),
    [
        (1.5, TypeError),
        ("1.5", TypeError),
        (Decimal("-0.01"), ValueError),
        (Decimal("999999999999.995"), ValueError),
        (MAX_AMOUNT + 1, ValueError),
        (Decimal("NaN"), ValueError),
        (Decimal("Infinity"), ValueError),
    ],
)
def test_to_capitals_rejects(amount: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        to_capitals(amount)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("贰佰柒拾叁万捌仟柒佰壹拾捌元伍角整", "2738718.50"),
        ("人民币肆拾壹万伍仟伍佰捌拾元整", "415580.00"),
        ("贰佰伍拾伍万柒仟贰佰陆拾柒元陆角", "2557267.60"),
        ("贰拾柒万叁仟捌佰柒拾壹元捌角伍分", "273871.85"),
        ("拾元整", "10.00"),  # leading 拾 without 壹
        ("拾伍万元整", "150000.00"),
        ("壹亿零伍拾万元整", "100500000.00"),
        ("壹万零伍元", "10005.00"),  # 整 left out
        ("叁佰圆整", "300.00"),
        ("壹仟圆", "1000.00"),
        ("壹元正", "1.00"),
        ("伍角正", "0.50"),
        ("伍角", "0.50"),
        ("伍角整", "0.50"),
        ("零元伍角", "0.50"),
        ("零元伍角整", "0.50"),
        ("伍分", "0.05"),
        ("零元伍分", "0.05"),
        ("零元零伍分", "0.05"),
        ("零元整", "0.00"),
        ("零元", "0.00"),
        # 零 written or left out where the rules allow both
        ("壹拾万元零壹角整", "100000.10"),
        ("壹拾万元壹角整", "100000.10"),
        ("壹仟陆佰捌拾元零叁角贰分", "1680.32"),
        ("壹仟陆佰捌拾元叁角贰分", "1680.32"),
        ("壹拾万零柒仟元整", "107000.00"),
        ("壹拾万柒仟元整", "107000.00"),
        ("壹亿零壹仟元整", "100001000.00"),
        ("壹亿壹仟元整", "100001000.00"),
        ("壹元零伍分", "1.05"),
        ("壹元伍分", "1.05"),  # 零 left out, unambiguous thanks to 分
        ("壹仟零伍拾元", "1050.00"),
        ("壹拾亿零壹万元整", "1000010000.00"),
        ("玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分", "999999999999.99"),
        # spaces and full-width spaces anywhere
        ("人民币 贰佰 柒拾叁万 捌仟柒佰壹拾捌元 伍角整", "2738718.50"),
        ("人民币\u3000肆拾壹万伍仟伍佰捌拾元整", "415580.00"),
        ("  人 民 币壹元\t整 ", "1.00"),
    ],
)
def test_parse_capitals(text: str, expected: str) -> None:
    result = parse_capitals(text)
    assert result == Decimal(expected)
    assert result.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param(" \u3000", id="only-spaces"),
        pytest.param("人民币", id="prefix-only"),
        pytest.param("12元", id="arabic-digits"),
        pytest.param("壹元5角", id="arabic-digit-inside"),
        pytest.param("两元整", id="liang"),
        pytest.param("一百元整", id="lowercase-numerals"),
        pytest.param("壹佰元整。", id="punctuation"),
        pytest.param("美元壹佰元整", id="other-prefix"),
        pytest.param("元整", id="yuan-without-digit"),
        pytest.param("整", id="zheng-alone"),
        pytest.param("万元整", id="wan-without-digit"),
        pytest.param("壹亿万元整", id="empty-wan-section"),
        pytest.param("壹亿零万元整", id="zero-wan-section"),
        pytest.param("壹佰拾元", id="shi-without-digit-inside"),
        pytest.param("零拾元", id="shi-after-zero"),
        pytest.param("壹仟壹仟元", id="repeated-unit"),
        pytest.param("伍佰伍仟元", id="units-out-of-order"),
        pytest.param("壹亿壹亿元", id="repeated-yi"),
        pytest.param("壹元壹元", id="repeated-yuan"),
        pytest.param("壹元伍角伍角", id="repeated-jiao"),
        pytest.param("壹贰元", id="two-digits"),
        pytest.param("伍零元", id="digit-then-zero"),
        pytest.param("壹仟零零伍元", id="double-zero"),
        pytest.param("壹元角", id="jiao-without-digit"),
        pytest.param("壹元分", id="fen-without-digit"),
        pytest.param("零角", id="jiao-after-zero"),
        pytest.param("壹元伍分叁角", id="fen-before-jiao"),
        pytest.param("伍分整", id="zheng-after-fen"),
        pytest.param("壹元伍角伍分整", id="zheng-after-jiao-fen"),
        pytest.param("壹佰整", id="zheng-without-yuan"),
        pytest.param("壹拾伍角", id="yuan-missing-before-jiao"),
        pytest.param("壹佰", id="yuan-missing"),
        pytest.param("壹元伍", id="digit-without-jiao-fen"),
        pytest.param("壹元拾角", id="integer-unit-after-yuan"),
        pytest.param("壹元整伍角", id="text-after-zheng"),
        pytest.param("壹元整整", id="double-zheng"),
        pytest.param("壹万亿元整", id="one-wan-yi"),
        pytest.param("壹拾万亿元整", id="above-wan-yi"),
        pytest.param("壹元零伍角", id="zero-without-zero-digit"),
        pytest.param("壹万零柒仟元", id="zero-without-zero-digit-wan"),
        pytest.param("零元零伍角", id="zero-after-zero-yuan"),
        pytest.param("零壹元", id="leading-zero"),
        pytest.param("零伍角", id="leading-zero-without-yuan"),
        pytest.param("壹佰零元", id="trailing-zero"),
        pytest.param("壹元伍角零", id="trailing-zero-fraction"),
        pytest.param("壹仟伍元", id="ambiguous-missing-zero"),
        pytest.param("壹亿伍万元", id="ambiguous-missing-zero-wan"),
    ],
)
def test_parse_capitals_rejects_malformed(text: str) -> None:
    with pytest.raises(CapitalsError):
        parse_capitals(text)


def test_capitals_error_names_text_and_position() -> None:
    with pytest.raises(CapitalsError) as info:
        parse_capitals("人民币 壹仟壹仟元整")
    error = info.value
    assert isinstance(error, ValueError)
    assert (error.text, error.position, error.char) == ("人民币 壹仟壹仟元整", 7, "仟")
    message = str(error)
    assert "人民币 壹仟壹仟元整" in message
    assert "第8个字符“仟”" in message  # Chinese, 1-based
    assert "position 7" in message  # English, 0-based


def test_capitals_error_at_end_of_text() -> None:
    with pytest.raises(CapitalsError) as info:
        parse_capitals("壹佰")
    assert (info.value.position, info.value.char) == (2, "")
    assert "末尾" in str(info.value)
    assert "元 missing" in str(info.value)
