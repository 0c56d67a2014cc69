"""An amendment's changes: what they are, how two versions of a contract differ, and applying a
list of changes to a contract (forward) or taking them back (to see the terms before them).

Pure functions over ``ContractData`` (no store, no Qt). Values are in the ledger's text form
(``services.amendments.values``), so a change reads the same in the store, in ``amendments.csv``
and on the printed amendment.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from services.amendments.values import (
    TARGET_LABELS,
    TARGETS,
    Target,
    column_term,
    key_text,
    make_row,
    read_key,
    read_row,
    read_value,
    row_text,
    target,
    value_text,
)
from services.errors import InputError, Term, UserError, define
from services.ledger.schema import AMENDMENTS
from services.register.contract_data import ContractData

CHANGE_INVALID = define(
    "AMENDMENT_CHANGE_INVALID",
    "补充协议 {amendment_no} 第 {seq} 项变更（{column}）：{reason}",
    "Amendment {amendment_no}, change {seq} ({column}): {reason}",
)
NOT_ACTION = define("AMENDMENT_NOT_ACTION", "不是变更操作（修改、新增或删除）：“{text}”",
                    "not set, add or remove: {text!r}")
CONTRACT_SET_ONLY = define("AMENDMENT_CONTRACT_SET_ONLY", "合同本身的字段只能修改（不能新增或删除）",
                           "the contract's own fields can only be set")
ROW_EXISTS = define("AMENDMENT_ROW_EXISTS", "{target} {key} 已存在", "{target} {key} already exists")
NEW_ROW_KEY = define("AMENDMENT_NEW_ROW_KEY", "新增的{target}须有自己的{key}",
                     "a new {target} needs a {key} of its own")
NO_ROW = define("AMENDMENT_NO_ROW", "合同中没有{target} {key}", "the contract has no {target} {key}")
SET_NEEDS_FIELD = define("AMENDMENT_SET_NEEDS_FIELD", "修改须写明所改的字段", "a set change names the field it changes")
NOT_EMPTY = define("AMENDMENT_NOT_EMPTY", "{field}不能为空", "{field} cannot be empty")
OLD_VALUE_MISMATCH = define(
    "AMENDMENT_OLD_VALUE",
    "补充协议 {amendment_no} 第 {seq} 项变更：原值 {old!r} 与台账中的 {current!r} 不符",
    "Amendment {amendment_no}, change {seq}: old value {old!r} is not what the register holds ({current!r})",
)


@dataclass
class ChangeData:
    """One change (spec ``amendments.csv``): ``target`` (``contract``, ``line_item``, …), ``target_key``
    the row's seq / role / clause_ref (None for ``contract``), ``field`` the column (None for add and
    remove), ``action`` ``set`` / ``add`` / ``remove``, ``old_value`` / ``new_value`` in the ledger's
    text form (a whole row as ``column=value; …`` for add and remove), ``text`` the amendment's words."""

    seq: int
    target: str
    target_key: str | None = None
    field: str | None = None
    action: str = "set"
    old_value: str | None = None
    new_value: str | None = None
    text: str | None = None


@dataclass
class AmendmentData:
    """A supplementary agreement (补充协议): number, signing date, effective date (default: the
    signing date), its text and its changes in order. ``position`` is its order among the
    contract's amendments (set by the store)."""

    amendment_no: str
    sign_date: dt.date
    effective_date: dt.date | None = None
    text: str | None = None
    changes: list[ChangeData] = field(default_factory=list)
    position: int | None = None

    @property
    def effective(self) -> dt.date:
        """The day from which the changed terms apply."""
        return self.effective_date or self.sign_date


class ChangeError(UserError):
    """A change that cannot apply: ``seq`` the change, ``column`` the ``amendments.csv`` column at
    fault (``target``, ``target_key``, ``field``, ``action``, ``old_value``, ``new_value``)."""

    def __init__(self, code: str, *, seq: int, column: str, **params: object) -> None:
        self.seq = seq
        self.column = column
        super().__init__(code, seq=seq, column=column_term(AMENDMENTS, column), **params)  # 新值, not new_value


def diff(before: ContractData, after: ContractData) -> list[ChangeData]:
    """The changes that turn ``before`` into ``after``: the contract's fields first, then each table's
    rows (by key) — removed, changed field by field, added — numbered from 1."""
    changes: list[ChangeData] = []

    def add(**kwargs: object) -> None:
        changes.append(ChangeData(seq=len(changes) + 1, **kwargs))  # type: ignore[arg-type]

    for spec in TARGETS.values():
        if spec.attribute is None:
            for name in spec.fields():
                old, new = getattr(before, name), getattr(after, name)
                if old != new:
                    column = spec.column(name)
                    add(target=spec.name, field=name, old_value=value_text(old, column),
                        new_value=value_text(new, column))
            continue
        old_rows = {key_text(row, spec): row for row in getattr(before, spec.attribute)}
        new_rows = {key_text(row, spec): row for row in getattr(after, spec.attribute)}
        for key, row in old_rows.items():
            if key not in new_rows:
                add(target=spec.name, target_key=key, action="remove", old_value=row_text(row, spec))
        for key, row in new_rows.items():
            old_row = old_rows.get(key)
            if old_row is None:
                add(target=spec.name, target_key=key, action="add", new_value=row_text(row, spec))
                continue
            for name in spec.fields():
                old, new = getattr(old_row, name), getattr(row, name)
                if old != new:
                    column = spec.column(name)
                    add(target=spec.name, target_key=key, field=name, old_value=value_text(old, column),
                        new_value=value_text(new, column))
    return changes


def apply(contract: ContractData, amendment: AmendmentData) -> ContractData:
    """``contract`` with ``amendment``'s changes applied in order (a new object; ``contract`` is left
    as it was). Each ``set`` and ``remove`` checks ``old_value`` against the contract (compared as
    values: ``1,000`` equals ``1000.00``). Raises ``ChangeError`` naming the change and column."""
    result = copy.deepcopy(contract)
    for change in amendment.changes:
        _apply_one(result, change, amendment.amendment_no)
    return result


def revert(contract: ContractData, amendment: AmendmentData) -> ContractData:
    """``contract`` as it was before ``amendment`` (its changes taken back, last first): a new object.
    Raises ``ChangeError`` if the contract no longer holds what the amendment made of it."""
    result = copy.deepcopy(contract)
    for change in reversed(amendment.changes):
        _apply_one(result, inverse(change), amendment.amendment_no)
    return result


def inverse(change: ChangeData) -> ChangeData:
    """The change that undoes ``change`` (set new → old, add ↔ remove)."""
    action = {"set": "set", "add": "remove", "remove": "add"}[change.action]
    return ChangeData(seq=change.seq, target=change.target, target_key=change.target_key, field=change.field,
                      action=action, old_value=change.new_value, new_value=change.old_value, text=change.text)


def _apply_one(contract: ContractData, change: ChangeData, amendment_no: str) -> None:
    def fail(column: str, reason: ValueError) -> ChangeError:
        said = Term(reason.text("en"), reason.text("zh_CN")) if isinstance(reason, InputError) else str(reason)
        return ChangeError(CHANGE_INVALID, seq=change.seq, column=column, amendment_no=amendment_no, reason=said)

    try:
        spec = target(change.target)
    except ValueError as exc:
        raise fail("target", exc) from None
    if change.action not in ("set", "add", "remove"):
        raise fail("action", InputError(NOT_ACTION, text=change.action))
    if spec.attribute is None:
        if change.action != "set":
            raise fail("action", InputError(CONTRACT_SET_ONLY))
        _set(contract, spec, change, amendment_no, fail)
        return
    rows: list[object] = getattr(contract, spec.attribute)
    assert spec.key is not None
    try:
        key = None if change.action == "add" and not change.target_key else read_key(change.target_key or "", spec)
    except ValueError as exc:
        raise fail("target_key", exc) from None
    found = next((row for row in rows if getattr(row, spec.key) == key), None) if key is not None else None
    if change.action == "add":
        try:
            values = read_row(change.new_value, spec)
        except ValueError as exc:
            raise fail("new_value", exc) from None
        if key is not None:
            values[spec.key] = key
        if found is not None:
            raise fail("target_key", InputError(ROW_EXISTS, target=TARGET_LABELS[spec.name], key=str(key)))
        if values.get(spec.key) is None or any(getattr(r, spec.key) == values[spec.key] for r in rows):
            raise fail("target_key", InputError(NEW_ROW_KEY, target=TARGET_LABELS[spec.name],
                                                key=column_term(spec.table, spec.key)))
        try:
            rows.append(make_row(values, spec))
        except ValueError as exc:
            raise fail("new_value", exc) from None
        if spec.key == "seq":
            rows.sort(key=lambda row: getattr(row, "seq"))  # noqa: B009  # rows of any target class
        return
    if found is None:
        raise fail("target_key", InputError(NO_ROW, target=TARGET_LABELS[spec.name], key=change.target_key))
    if change.action == "remove":
        if change.old_value and change.old_value.strip():
            try:
                stated = read_row(change.old_value, spec)
            except ValueError as exc:
                raise fail("old_value", exc) from None
            current = {name: getattr(found, name) for name in stated}
            if current != stated:
                raise ChangeError(OLD_VALUE_MISMATCH, seq=change.seq, column="old_value", amendment_no=amendment_no,
                                  old=change.old_value, current=row_text(found, spec))
        rows.remove(found)
        return
    _set(found, spec, change, amendment_no, fail)


def _set(row: object, spec: Target, change: ChangeData, amendment_no: str,
         fail: Callable[[str, ValueError], ChangeError]) -> None:
    if not change.field:
        raise fail("field", InputError(SET_NEEDS_FIELD))
    try:
        column = spec.column(change.field)
    except ValueError as exc:
        raise fail("field", exc) from None
    try:
        old = read_value(change.old_value, column)
    except ValueError as exc:
        raise fail("old_value", exc) from None
    try:
        new = read_value(change.new_value, column)
    except ValueError as exc:
        raise fail("new_value", exc) from None
    current = getattr(row, change.field)
    if old != current:
        raise ChangeError(OLD_VALUE_MISMATCH, seq=change.seq, column="old_value", amendment_no=amendment_no,
                          old=change.old_value or "", current=value_text(current, column) or "")
    if new is None and column.required:
        raise fail("new_value", InputError(NOT_EMPTY, field=column_term(spec.table, change.field)))
    setattr(row, change.field, new)
