"""Amounts in Chinese capitals (中文大写金额) as Chinese contracts and vouchers write them.

The rules follow 中国人民银行《支付结算办法》附一《正确填写票据和结算凭证的基本规定》 (also
《会计基础工作规范》第五十二条):

* digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, 元 (or 圆), 角, 分;
* 整 (or 正) after 元 and, optionally, after 角; never after 分;
* 零 where a run of zero digits falls between non-zero digits (壹仟零伍元, 壹元零伍分); where the run
  includes the 万 or 元 digit and the next digit is 仟 or 角, 零 may be written or left out
  (壹拾万元零壹角 and 壹拾万元壹角 are both correct; this module writes the former).

Amounts are ``decimal.Decimal`` in 元 with two decimal places (fen); floats are never used.
"""

from __future__ import annotations

from decimal import Decimal

from services.money.amounts import MAX_AMOUNT, amount_for_words, from_fen, to_fen

__all__ = ["MAX_AMOUNT", "CapitalsError", "parse_capitals", "to_capitals"]

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = {"拾": 1, "佰": 2, "仟": 3}
_BIG_UNITS = {"万": 4, "亿": 8}
_YUAN = "元圆"
_FRACTION_UNITS = {"角": -1, "分": -2}
_ZHENG = "整正"
_PREFIX = "人民币"
_ALLOWED = (
    set(_DIGITS) | set(_SMALL_UNITS) | set(_BIG_UNITS) | set(_YUAN) | set(_FRACTION_UNITS) | set(_ZHENG)
)

_Token = tuple[str, int]  # (character, position in the original text)
_Item = tuple[int, int, int]  # (digit, exponent of 10 in 元, position); digit 0 stands for a written 零


class CapitalsError(ValueError):
    """A malformed amount in Chinese capitals (大写金额格式错误).

    Raised by :func:`parse_capitals`. The message is in Chinese and English and names the text, the
    0-based ``position`` in it (counting the original characters, spaces included) and the offending
    ``char`` (empty when the text ends too early).
    """

    def __init__(self, text: str, position: int, zh: str, en: str) -> None:
        self.text = text
        self.position = position
        self.char = text[position] if 0 <= position < len(text) else ""
        where = f"第{position + 1}个字符“{self.char}”处" if self.char else "末尾"
        super().__init__(
            f"大写金额“{text}”{where}有误：{zh}。"
            f" Malformed amount in capitals {text!r} at position {position}"
            f" ({self.char!r}): {en}."
        )


def to_capitals(amount: Decimal, *, prefix: bool = False, zheng_after_jiao: bool = True) -> str:
    """Write ``amount`` (元, a ``Decimal``) in Chinese capitals and return the text.

    E.g. ``Decimal("2738718.50")`` → 贰佰柒拾叁万捌仟柒佰壹拾捌元伍角整, ``Decimal("1.05")`` → 壹元零伍分.

    The amount is first rounded half up to the fen (``services.money.amounts.round_yuan``).
    ``prefix`` puts 人民币 in front; ``zheng_after_jiao`` writes 整 after a final 角 (整 always follows
    a final 元 and never a final 分). Output follows the rules in the module docstring, with 壹拾 for
    10–19 and 零 between 元 and a 角 when the 元 digit is zero.

    Raises ``TypeError`` unless ``amount`` is a ``Decimal`` or ``int``, and ``ValueError`` when it is
    not finite, negative or above ``MAX_AMOUNT`` after rounding (``amount_for_words``).
    """
    in_fen = to_fen(amount_for_words(amount))
    yuan, jiao, fen = in_fen // 100, in_fen // 10 % 10, in_fen % 10

    parts = [_PREFIX] if prefix else []
    if yuan or not (jiao or fen):
        parts.append(_yuan_capitals(yuan))
    if jiao:
        if yuan and yuan % 10 == 0:
            parts.append("零")
        parts.append(_DIGITS[jiao] + "角")
    if fen:
        if yuan and not jiao:
            parts.append("零")
        parts.append(_DIGITS[fen] + "分")
    elif not jiao or zheng_after_jiao:
        parts.append("整")
    return "".join(parts)


def _yuan_capitals(yuan: int) -> str:
    """The 元 part (ending in 元, without 整) of a whole number of 元 below 一万亿, via cn2an."""
    import cn2an  # imported on first use: it takes longer to import than a whole `list` command

    text = cn2an.an2cn(str(yuan), "rmb")  # a string: cn2an would otherwise go through float
    if not text.endswith("元整"):  # pragma: no cover - guards against a change in cn2an
        raise RuntimeError(f"unexpected cn2an output for {yuan}: {text!r}")
    return text[:-1]


def parse_capitals(text: str) -> Decimal:
    """Read an amount in Chinese capitals as contracts write it into a ``Decimal`` of 元 with 2 places.

    Accepts an optional 人民币 prefix, 元 or 圆, a final 整 or 正 (after 元 or 角 only), whitespace
    (including full-width spaces) anywhere, a leading 拾 for 壹拾 (拾元整 = 10), 零元 before 角/分
    (零元伍角), 零 written or left out where the rules allow both (壹拾万元零壹角, 壹拾万元壹角) and 零
    left out where the digit's own unit keeps the amount unambiguous (壹元伍分 = 1.05, 壹万伍佰元 = 10500).

    Examples: 贰佰柒拾叁万捌仟柒佰壹拾捌元伍角整 → 2738718.50; 伍角 → 0.50; 零元整 → 0.00.

    Raises :class:`CapitalsError` (a ``ValueError``) for anything else rather than guessing: an empty
    text, characters other than the above (Arabic digits included), a unit without its digit, units
    repeated or out of order, two digits in a row, 分 before 角, 整 after 分 or text after 整, yuan digits
    without 元, a 零 that stands for no zero digit, a missing 零 that makes the amount ambiguous
    (壹仟伍元), and amounts of 一万亿 or more.
    """
    tokens = [(ch, i) for i, ch in enumerate(text) if not ch.isspace()]
    if "".join(ch for ch, _ in tokens[: len(_PREFIX)]) == _PREFIX:
        tokens = tokens[len(_PREFIX) :]
    if not tokens:
        raise CapitalsError(text, len(text), "没有金额", "no amount")
    for ch, i in tokens:
        if ch not in _ALLOWED:
            raise CapitalsError(text, i, "不是大写金额用字", "not a character of amounts in capitals")

    zheng_at = next((k for k, (ch, _) in enumerate(tokens) if ch in _ZHENG), None)
    if zheng_at is not None:
        if zheng_at != len(tokens) - 1:
            raise CapitalsError(text, tokens[zheng_at + 1][1], "“整”后不能再有文字", "text after 整")
        if zheng_at == 0 or tokens[zheng_at - 1][0] not in _YUAN + "角":
            raise CapitalsError(
                text, tokens[zheng_at][1], "“整”只能写在“元”或“角”之后", "整 must follow 元 or 角"
            )
        tokens = tokens[:-1]

    yuan_at = [k for k, (ch, _) in enumerate(tokens) if ch in _YUAN]
    if len(yuan_at) > 1:
        raise CapitalsError(text, tokens[yuan_at[1]][1], "“元”重复", "元 repeated")
    if yuan_at:
        integer, fraction = tokens[: yuan_at[0]], tokens[yuan_at[0] + 1 :]
        if not integer:
            raise CapitalsError(text, tokens[0][1], "“元”前缺少数字", "no digit before 元")
    else:
        integer, fraction = [], tokens
        if not any(ch in _FRACTION_UNITS for ch, _ in tokens):
            raise CapitalsError(text, len(text), "缺少“元”", "元 missing")

    items: list[_Item] = []
    last_exponent: int | None = None
    if [ch for ch, _ in integer] == ["零"]:
        last_exponent = 0  # 零元: the 元 digit is written (as zero)
    elif integer:
        items += _integer_items(text, integer)
    items += _fraction_items(text, fraction, has_yuan=bool(yuan_at))

    fen = 0
    zero_at: int | None = None
    for digit, exponent, position in items:
        if digit == 0:
            if last_exponent is None:
                raise CapitalsError(text, position, "多余的“零”", "零 before any digit")
            zero_at = position
            continue
        gap = last_exponent is not None and last_exponent - exponent > 1
        if zero_at is not None and not gap:
            raise CapitalsError(text, zero_at, "多余的“零”：此处没有为零的数位", "零 where no digit is zero")
        if zero_at is None and gap and exponent % 4 == 0 and exponent >= 0:
            raise CapitalsError(text, position, "缺少“零”，金额有歧义", "零 missing, the amount is ambiguous")
        fen += digit * 10 ** (exponent + 2)
        last_exponent, zero_at = exponent, None
    amount = from_fen(fen)
    if amount > MAX_AMOUNT:  # pragma: no cover - the grammar admits nothing larger
        raise CapitalsError(text, 0, "金额须小于一万亿元", "the amount must be below 10^12 元")
    return amount


def _integer_items(text: str, tokens: list[_Token]) -> list[_Item]:
    """Split the 元 part into 亿, 万 and units sections and read each one."""
    items: list[_Item] = []
    start, seen = 0, 12
    for k, (ch, i) in enumerate(tokens):
        if ch in _BIG_UNITS:
            exponent = _BIG_UNITS[ch]
            if exponent >= seen:
                if seen == 4:  # 亿 after 万: 壹万亿 and above
                    raise CapitalsError(text, i, "金额须小于一万亿元", "the amount must be below 10^12 元")
                raise CapitalsError(text, i, f"“{ch}”重复", f"{ch} repeated")
            section = _section_items(text, tokens[start:k], exponent, is_first=start == 0)
            if not any(digit for digit, _, _ in section):
                raise CapitalsError(text, i, f"“{ch}”前缺少数字", f"no digit before {ch}")
            items += section
            start, seen = k + 1, exponent
    return items + _section_items(text, tokens[start:], 0, is_first=start == 0)


def _section_items(text: str, tokens: list[_Token], base: int, is_first: bool) -> list[_Item]:
    """Read one section below 一万 (digits with 仟佰拾, an optional bare units digit) at 10**base."""
    items: list[_Item] = []
    pending: tuple[int, int] | None = None  # a non-zero digit waiting for its unit
    last_unit = 4
    for k, (ch, i) in enumerate(tokens):
        if ch in _DIGITS:
            if pending is not None or (ch == "零" and items and items[-1][0] == 0):
                raise CapitalsError(text, i, "两个数字相连", "two digits in a row")
            if ch == "零":
                items.append((0, base, i))
            else:
                pending = (_DIGITS.index(ch), i)
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if pending is None and ch == "拾" and is_first and k == 0:
                pending = (1, i)  # 拾元整 = 壹拾元整
            if pending is None:
                raise CapitalsError(text, i, f"“{ch}”前缺少数字", f"no digit before {ch}")
            if unit >= last_unit:
                raise CapitalsError(text, i, f"“{ch}”重复或顺序错误", f"{ch} repeated or out of order")
            items.append((pending[0], base + unit, pending[1]))
            pending, last_unit = None, unit
        else:
            raise CapitalsError(text, i, f"“{ch}”前缺少“元”", f"元 missing before {ch}")
    if pending is not None:
        items.append((pending[0], base, pending[1]))
    elif items and items[-1][0] == 0:
        raise CapitalsError(text, items[-1][2], "“零”后缺少数字", "no digit after 零")
    return items


def _fraction_items(text: str, tokens: list[_Token], has_yuan: bool) -> list[_Item]:
    """Read the part after 元: [零] [digit 角] [零] [digit 分]."""
    items: list[_Item] = []
    pending: tuple[int, int] | None = None
    last_unit = 0
    for ch, i in tokens:
        if ch in _DIGITS:
            if pending is not None or (ch == "零" and items and items[-1][0] == 0):
                raise CapitalsError(text, i, "两个数字相连", "two digits in a row")
            if ch == "零":
                items.append((0, last_unit - 1, i))
            else:
                pending = (_DIGITS.index(ch), i)
        elif ch in _FRACTION_UNITS:
            unit = _FRACTION_UNITS[ch]
            if pending is None:
                raise CapitalsError(text, i, f"“{ch}”前缺少数字", f"no digit before {ch}")
            if unit >= last_unit:
                raise CapitalsError(text, i, f"“{ch}”重复或顺序错误", f"{ch} repeated or out of order")
            items.append((pending[0], unit, pending[1]))
            pending, last_unit = None, unit
        elif has_yuan:
            raise CapitalsError(text, i, f"“元”后不能有“{ch}”", f"{ch} after 元")
        else:
            raise CapitalsError(text, i, "缺少“元”", "元 missing")
    if pending is not None:
        raise CapitalsError(text, pending[1], "数字后缺少“角”或“分”", "digit without 角 or 分")
    if items and items[-1][0] == 0:
        raise CapitalsError(text, items[-1][2], "“零”后缺少数字", "no digit after 零")
    return items
