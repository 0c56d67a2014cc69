"""The values of an amendment's changes as text, in the ledger's form (spec ``csv-format.md``,
``amendments.csv``): which tables a change may target, one field's value as the ledger writes
it and reads it back, and a whole row as ``column=value; …``.

A value inside a row text escapes ``\\`` and ``;`` with a backslash, so article bodies and
notes holding ``;`` survive. Qt-free.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from services.errors import InputError, Term, define
from services.ledger import values as ledger_values
from services.ledger.read import parse_value
from services.ledger.schema import (
    ARTICLES,
    BONDS,
    CONTRACTS,
    INSTALLMENTS,
    LINE_ITEMS,
    MILESTONES,
    PARTIES,
    PENALTY_CLAUSES,
    Column,
    Table,
)
from services.register.contract_data import (
    ArticleData,
    BondData,
    ContractData,
    InstallmentData,
    LineItemData,
    MilestoneData,
    PartyData,
    PenaltyClauseData,
    scalar_fields,
)

NO_FIELD = define("AMENDMENT_NO_FIELD", "{target}没有字段“{field}”", "{target} has no field {field!r}")
UNKNOWN_TARGET = define("AMENDMENT_UNKNOWN_TARGET", "不是变更对象（{choices}）：“{text}”",
                        "not a change target ({choices}): {text!r}")
NEEDS_KEY = define("AMENDMENT_NEEDS_KEY", "{target}的变更须写明对象键（{key}）",
                   "a {target} change needs target_key (its {key})")
NOT_PAIR = define("AMENDMENT_NOT_PAIR", "不是“列=值”的形式：“{text}”", "not column=value: {text!r}")
NEW_ROW_FIELDS = define("AMENDMENT_NEW_ROW_FIELDS", "新增的{target}须写明：{fields}",
                        "a new {target} needs {fields}")

#: Each target's name as the officer reads it (English, Chinese: the ledger's Chinese sheet names).
TARGET_LABELS: dict[str, Term] = {
    "contract": Term("contract", "合同"), "party": Term("party", "当事方"), "line_item": Term("line item", "服务明细"),
    "installment": Term("installment", "分期付款"), "milestone": Term("milestone", "履约事项"),
    "bond": Term("bond", "保证金"), "penalty_clause": Term("liquidated-damages clause", "违约条款"),
    "article": Term("article", "合同条款"),
}


def column_term(table: Table, name: str) -> Term:
    """The column ``name`` of ``table`` as a message names it (``seq`` / 序号); ``name`` itself if unknown."""
    found = next((c for c in table.columns if c.name == name), None)
    return Term(name, found.alias) if found is not None else Term(name, name)


@dataclass(frozen=True)
class Target:
    """What a change may target: ``name`` (``amendments.csv`` ``target``), the ``ContractData``
    list it lives in (None for the contract's own fields), its row class, key field and ledger table."""

    name: str
    attribute: str | None
    row_class: type
    key: str | None
    table: Table

    def fields(self) -> list[str]:
        """The fields a change may set, in the ledger's column order (the contract's number is its
        identity, not a term)."""
        own = set(scalar_fields(self.row_class))
        return [c.name for c in self.table.columns if c.name in own and c.name != "contract_no"]

    def column(self, field: str) -> Column:
        """The ledger column of ``field``. Raises ``ValueError`` for a field the table lacks."""
        if field not in self.fields():
            raise InputError(NO_FIELD, target=TARGET_LABELS[self.name], field=field)
        return self.table.column(field)


#: The targets in the order a diff lists them (spec ``amendments.csv`` ``target``).
TARGETS: dict[str, Target] = {t.name: t for t in (
    Target("contract", None, ContractData, None, CONTRACTS),
    Target("party", "parties", PartyData, "role", PARTIES),
    Target("line_item", "line_items", LineItemData, "seq", LINE_ITEMS),
    Target("installment", "installments", InstallmentData, "seq", INSTALLMENTS),
    Target("milestone", "milestones", MilestoneData, "seq", MILESTONES),
    Target("bond", "bonds", BondData, "seq", BONDS),
    Target("penalty_clause", "penalty_clauses", PenaltyClauseData, "clause_ref", PENALTY_CLAUSES),
    Target("article", "articles", ArticleData, "seq", ARTICLES),
)}
ACTIONS = ("set", "add", "remove")


def target(name: str) -> Target:
    """The target named ``name``. Raises ``ValueError`` naming the allowed ones."""
    try:
        return TARGETS[name]
    except KeyError:
        raise InputError(UNKNOWN_TARGET, choices=Term(", ".join(TARGETS), "、".join(
            label.zh for label in TARGET_LABELS.values())), text=name) from None


def value_text(value: object, column: Column) -> str | None:
    """The ledger's writer form of ``value`` (money 2 decimals, decimals shortest, ISO dates); None for None."""
    if value is None:
        return None
    if column.kind == "money":
        assert isinstance(value, Decimal)
        return ledger_values.format_money(value)
    if isinstance(value, Decimal):
        return ledger_values.format_decimal(value)
    if isinstance(value, dt.date):
        return ledger_values.format_date(value)
    return str(value)


def read_value(text: str | None, column: Column) -> object:
    """``text`` (any form the ledger reader accepts) as a typed value; empty or None is None.
    Raises ``ValueError``."""
    if text is None or not text.strip():
        return None
    return parse_value(text.strip(), column)


def key_text(row: object, spec: Target) -> str:
    """The row's key as ``target_key`` writes it (its seq, role or clause_ref)."""
    assert spec.key is not None
    return str(getattr(row, spec.key))


def read_key(text: str, spec: Target) -> object:
    """``target_key`` as the key field's value (seq an int, role 甲方…, clause_ref text). Raises ``ValueError``."""
    assert spec.key is not None
    value = read_value(text, spec.table.column(spec.key))
    if value is None:
        raise InputError(NEEDS_KEY, target=TARGET_LABELS[spec.name], key=column_term(spec.table, spec.key))
    return value


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;")


def row_text(row: object, spec: Target) -> str:
    """A whole row as ``column=value; …`` (fields with a value, in the table's column order)."""
    parts = []
    for name in spec.fields():
        text = value_text(getattr(row, name), spec.table.column(name))
        if text is not None:
            parts.append(f"{name}={_escape(text)}")
    return "; ".join(parts)


def _split(text: str) -> list[str]:
    parts, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ";":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part for part in parts if part.strip()]


def read_row(text: str | None, spec: Target) -> dict[str, object]:
    """``column=value; …`` as field → typed value (column names in English or as the Chinese alias).
    Raises ``ValueError`` for a part without ``=``, an unknown column or a bad value."""
    aliases = {c.alias: c.name for c in spec.table.columns}
    row: dict[str, object] = {}
    for part in _split(text or ""):
        name, equals, cell = part.partition("=")
        if not equals:
            raise InputError(NOT_PAIR, text=part.strip())
        field = aliases.get(name.strip(), name.strip())
        row[field] = read_value(cell, spec.column(field))
    return row


def make_row(fields: dict[str, object], spec: Target) -> object:
    """A row object of ``spec`` from field values. Raises ``ValueError`` naming a missing required field."""
    try:
        return spec.row_class(**fields)
    except TypeError:
        required = [c.name for c in spec.table.columns if c.required and c.name != "contract_no"]
        missing = [name for name in required if fields.get(name) is None]
        names = [column_term(spec.table, name) for name in missing]
        raise InputError(NEW_ROW_FIELDS, target=TARGET_LABELS[spec.name], fields=Term(
            ", ".join(t.en for t in names) or "its fields", "、".join(t.zh for t in names) or "各字段")) from None
