"""The words of an amendment's changes, for the printed 补充协议 and the Compare view: 原约定 … 现变更为 …

Fields are named by the ledger's Chinese column names (结束日期, 合同总额 …), tables by theirs
(服务明细, 分期付款 …), and coded values by their labels (工作日, 按日 …): no internal code reaches
a page. English wording for the window in English and the command line. Qt-free.
"""

from __future__ import annotations

from decimal import Decimal

from services.amendments.changes import ChangeData
from services.amendments.values import Target, read_row, read_value, target, value_text
from services.calendar.due_text import date_text
from services.ledger.schema import (
    BOND_KIND_ALIASES,
    DAY_COUNT_ALIASES,
    EVENT_ALIASES,
    MILESTONE_KIND_ALIASES,
    PART_DAY_ALIASES,
    PENALTY_BASE_ALIASES,
    PENALTY_KIND_ALIASES,
    STATUS_ALIASES,
    UNIT_ALIASES,
)
from services.money import yuan_text
from services.money.capitals import to_capitals
from services.register.contract_data import ContractData
from services.register.count_units import count_text, unit_field, unit_of

#: A change's units: (unit of its old value, unit of its new value), ``days``/``working_days``/``months``.
Units = tuple[str | None, str | None]

#: The targets' names: (Chinese, English).
TARGET_NAMES: dict[str, tuple[str, str]] = {
    "contract": ("合同", "contract"), "party": ("当事方", "party"), "line_item": ("服务明细", "line item"),
    "installment": ("分期付款", "installment"), "milestone": ("履约事项", "milestone"), "bond": ("保证金", "bond"),
    "penalty_clause": ("违约条款", "liquidated-damages clause"), "article": ("合同条款", "article"),
}
_CODES: dict[str, dict[str, str]] = {
    "status": STATUS_ALIASES, "unit": UNIT_ALIASES, "milestone_kind": MILESTONE_KIND_ALIASES,
    "bond_kind": BOND_KIND_ALIASES, "penalty_kind": PENALTY_KIND_ALIASES, "penalty_base": PENALTY_BASE_ALIASES,
    "day_count": DAY_COUNT_ALIASES, "part_day": PART_DAY_ALIASES,
}
#: English labels of the codes whose words are not the code with spaces (``per_day`` → per day).
_CODES_EN = {"calendar": "calendar days", "working": "working days", "whole": "a part day counts as a day",
             "prorate": "pro rata", "performance": "performance bond", "warranty": "warranty deposit",
             "bid": "bid bond", "monthly_fee_coefficient": "monthly fee × coefficient"}
_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (article numbers; 1 ≤ n < 100)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + ("" if ones == 0 else _DIGITS[ones])


def field_name(spec: Target, field: str, language: str = "zh") -> str:
    """The column's name: its Chinese alias, or in English its words (``end_date`` → end date)."""
    return spec.table.column(field).alias if language == "zh" else field.replace("_", " ")


def value_words(text: str | None, spec: Target, field: str, language: str = "zh", unit: str | None = None) -> str:
    """A stored value text as a person reads it: money with its capitals, long dates, code labels, a
    count of days or months with its ``unit`` (``services.register.count_units``; None: the default
    of an empty unit field — calendar days, a line item's months)."""
    column = spec.table.column(field)
    try:
        value = read_value(text, column)
    except ValueError:
        return text or ""
    if value is None:
        return "（空）" if language == "zh" else "(empty)"
    if spec.attribute is not None and unit_of(spec.attribute, field, None) is not None:
        return count_text(value, unit or unit_of(spec.attribute, field, None), language)
    if column.kind == "money":
        assert isinstance(value, Decimal)
        figures = f"¥{yuan_text(value)}"
        return f"{figures}（大写：人民币{to_capitals(value)}）" if language == "zh" else figures
    if column.kind == "date":
        return date_text(value, language)  # type: ignore[arg-type]  # a date column
    if column.kind in _CODES:
        if language == "zh":
            return _CODES[column.kind].get(str(value), str(value))
        return _CODES_EN.get(str(value), str(value).replace("_", " "))  # a label, never the code
    if column.kind == "events" and language == "zh":
        return "＋".join(EVENT_ALIASES.get(code, code.removeprefix("event:")) for code in str(value).split("+"))
    if column.kind == "percent":
        return f"{text}%"
    return str(value) if not isinstance(value, Decimal) else (text or "")


def row_words(text: str | None, spec: Target, language: str = "zh") -> str:
    """A whole row (``column=value; …``) as ``名称：云主机；单价：5000 …``."""
    try:
        values = read_row(text, spec)
    except ValueError:
        return text or ""
    sep, colon = ("；", "：") if language == "zh" else ("; ", ": ")
    table = spec.attribute or ""

    def words(name: str, value: object) -> str:  # a count in its row's own unit
        return value_words(value_text(value, spec.table.column(name)), spec, name, language,
                           unit_of(table, name, values))

    return sep.join(f"{field_name(spec, name, language)}{colon}{words(name, value)}"
                    for name, value in values.items() if name != spec.key)


def day_units(changes: list[ChangeData], contract: ContractData | None) -> dict[int, Units]:
    """Change seq → (old unit, new unit) for each ``set`` of a count (days, months) in ``changes``:
    the unit its row has in ``contract`` (the terms as the caller shows them; None: the default),
    unless ``changes`` also set the row's unit field — then that change's old and new unit."""
    found: dict[int, Units] = {}
    for change in changes:
        spec = target(change.target)
        if change.action != "set" or spec.attribute is None or change.field is None:
            continue
        if unit_of(spec.attribute, change.field, None) is None:
            continue
        rows = getattr(contract, spec.attribute, []) if contract is not None else []
        row = next((r for r in rows if spec.key and str(getattr(r, spec.key)) == change.target_key), None)
        unit = unit_of(spec.attribute, change.field, row)
        units: Units = (unit, unit)
        source = unit_field(spec.attribute, change.field)
        both = next((c for c in changes if c.action == "set" and c.target == change.target
                     and c.target_key == change.target_key and c.field == source), None)
        if both is not None and source is not None:
            units = (unit_of(spec.attribute, change.field, {source: both.old_value}),
                     unit_of(spec.attribute, change.field, {source: both.new_value}))
        found[change.seq] = units
    return found


def _row_ref(spec: Target, key: str | None, language: str) -> str:
    name = TARGET_NAMES[spec.name][0 if language == "zh" else 1]
    if spec.key == "role":
        return key or "" if language == "zh" else f"party {key}"
    if spec.key == "clause_ref":
        return f"{name}{key}" if language == "zh" else f"{name} {key}"
    return f"{name}第{key}项" if language == "zh" else f"{name} {key}"


def sentence(change: ChangeData, language: str = "zh", units: Units | None = None) -> str:
    """One change as the article of a 补充协议 (``zh``) or a line for the officer (``en``)::

        原合同约定结束日期为2026年6月30日，现变更为2026年9月30日。
        原合同约定分期付款第2项的期限为20 个工作日，现变更为30 个工作日。
        增加服务明细第2项：名称：对象存储；单价：5000 …。

    ``units``: the count's units (old, new) when it sets a count (``day_units``)."""
    spec = target(change.target)
    zh = language == "zh"
    if change.action == "add":
        ref = _row_ref(spec, change.target_key, language)
        words = row_words(change.new_value, spec, language)
        return f"增加{ref}：{words}。" if zh else f"Add {ref}: {words}."
    if change.action == "remove":
        ref = _row_ref(spec, change.target_key, language)
        words = row_words(change.old_value, spec, language)
        return f"删除原合同{ref}（{words}）。" if zh else f"Remove {ref} ({words})."
    assert change.field is not None
    name = field_name(spec, change.field, language)
    where = "" if spec.attribute is None else _row_ref(spec, change.target_key, language) + ("的" if zh else " ")
    old_unit, new_unit = units or (None, None)
    old = value_words(change.old_value, spec, change.field, language, old_unit)
    new = value_words(change.new_value, spec, change.field, language, new_unit)
    if zh:
        if not change.old_value:
            return f"原合同未约定{where}{name}，现约定为{new}。"
        if not change.new_value:
            return f"原合同约定{where}{name}为{old}，现删除该约定。"
        return f"原合同约定{where}{name}为{old}，现变更为{new}。"
    return f"{where}{name}: {old} → {new}"
