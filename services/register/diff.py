"""Field-level differences between two versions of a contract: the details of a history entry.

Child rows are matched by their key — parties by role, penalty clauses by clause reference,
every other table by ``seq`` — so a changed quantity on line 2 reads as
``line_items[2].quantity: 1.5 → 3`` rather than as a row removed and another added.
"""

from __future__ import annotations

from typing import Any

from services.history import json_value
from services.register.contract_data import ContractData, scalar_fields
from services.register.count_units import unit_of

#: The child tables of a contract and the field that keys their rows.
CHILD_KEYS: dict[str, str] = {
    "parties": "role", "line_items": "seq", "installments": "seq", "articles": "seq",
    "milestones": "seq", "bonds": "seq", "penalty_clauses": "clause_ref", "payments": "seq",
}


#: Types ``json_value`` returns as they are (looked up first: most fields hold one of them).
_PLAIN = frozenset({str, int, type(None)})


def _values(record: object) -> dict[str, object]:
    values = {}
    for name in _fields(type(record)):
        value = getattr(record, name)
        values[name] = value if type(value) in _PLAIN else json_value(value)
    return values


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple(scalar_fields(cls))
    return found


def _added(after: ContractData) -> dict[str, Any]:
    """``contract_diff(None, after)`` without comparing against an empty contract: every header
    field with a value, every child row added (rows with the same key: the last one's values at the
    first one's place, as the dict comprehension of ``contract_diff`` gives them)."""
    result: dict[str, Any] = {}
    header = {name: [None, value] for name, value in _values(after).items() if value is not None}
    if header:
        result["header"] = header
    children: dict[str, dict[str, dict[str, Any]]] = {}
    for table, key_field in CHILD_KEYS.items():
        rows = getattr(after, table)
        if rows:
            children[table] = {"added": {str(getattr(r, key_field)): _values(r) for r in rows}}
    if children:
        result["children"] = children
    return result


def contract_diff(before: ContractData | None, after: ContractData | None) -> dict[str, Any]:
    """What changed from ``before`` to ``after`` (None: the contract did not exist / no longer
    does), JSON-ready: ``{"header": {field: [before, after]}, "children": {table: {"added":
    {key: {field: value}}, "removed": {key: {…}}, "changed": {key: {field: [before, after]}}}}}``
    with only the fields, tables and parts that differ; values in ``json_value`` form (money
    and decimals as text, dates ISO), keys as text. A changed count of days or months also
    gives its units, so the history words it "20 个工作日 → 30 个工作日": ``{"units": {"installments[2].due_offset":
    [before, after]}}`` (``services.register.count_units``; only when there is such a change)."""
    if before is None and after is not None:
        return _added(after)
    return _compared(before, after)


def _compared(before: ContractData | None, after: ContractData | None) -> dict[str, Any]:
    """``contract_diff`` by comparing every field and row of the two versions (any two)."""
    header: dict[str, list[object]] = {}
    old = _values(before) if before is not None else {}
    new = _values(after) if after is not None else {}
    for name in scalar_fields(ContractData):
        if old.get(name) != new.get(name):
            header[name] = [old.get(name), new.get(name)]
    children: dict[str, dict[str, dict[str, Any]]] = {}
    units: dict[str, list[str | None]] = {}
    for table, key_field in CHILD_KEYS.items():
        old_rows = {str(getattr(r, key_field)): _values(r) for r in (getattr(before, table) if before else [])}
        new_rows = {str(getattr(r, key_field)): _values(r) for r in (getattr(after, table) if after else [])}
        diff: dict[str, dict[str, Any]] = {}
        added = {key: row for key, row in new_rows.items() if key not in old_rows}
        removed = {key: row for key, row in old_rows.items() if key not in new_rows}
        changed = {}
        for key in old_rows.keys() & new_rows.keys():
            fields = {name: [old_rows[key][name], value] for name, value in new_rows[key].items()
                      if old_rows[key].get(name) != value}
            if fields:
                changed[key] = fields
                for name in fields:
                    if unit_of(table, name, None) is not None:
                        units[f"{table}[{key}].{name}"] = [unit_of(table, name, old_rows[key]),
                                                           unit_of(table, name, new_rows[key])]
        if added:
            diff["added"] = added
        if removed:
            diff["removed"] = removed
        if changed:
            diff["changed"] = dict(sorted(changed.items(), key=lambda item: _sort_key(item[0])))
        if diff:
            children[table] = diff
    result: dict[str, Any] = {}
    if header:
        result["header"] = header
    if children:
        result["children"] = children
    if units:
        result["units"] = dict(sorted(units.items()))
    return result


def _sort_key(key: str) -> tuple[int, int | str]:
    return (0, int(key)) if key.isdigit() else (1, key)
