"""History entries in the officer's words: actions, field paths and coded values as labels, never codes.

``services.history`` stores an action code (``mark_done``) and field-level details keyed by the
data's field names (``line_items[3].quantity``); this module turns them into "标记完成" and
"服务明细 第3行：数量 12 → 24". A field or value this table does not know is shown as stored
(the fall-back, so nothing is hidden). Labels are translated in the ``HistoryLabels`` context;
coded values (status, units, kinds …) take their Chinese names from ``services.ledger.schema``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from services.calendar.deadlines import kind_text
from services.calendar.due_text import event_text
from services.history import HistoryAction, HistoryRow
from services.ledger import schema
from services.register.count_units import count_text
from ui import i18n
from ui.formatting import format_decimal, format_money

__all__ = ["ACTIONS_SHOWN", "action_text", "change_texts", "field_label"]

_CONTEXT = "HistoryLabels"

_ACTIONS: dict[HistoryAction, str] = {
    HistoryAction.CREATE: QT_TRANSLATE_NOOP("HistoryLabels", "New contract"),
    HistoryAction.SAVE: QT_TRANSLATE_NOOP("HistoryLabels", "Saved"),
    HistoryAction.IMPORT: QT_TRANSLATE_NOOP("HistoryLabels", "Imported"),
    HistoryAction.DELETE: QT_TRANSLATE_NOOP("HistoryLabels", "Moved to the Trash"),
    HistoryAction.RESTORE: QT_TRANSLATE_NOOP("HistoryLabels", "Restored"),
    HistoryAction.PURGE: QT_TRANSLATE_NOOP("HistoryLabels", "Deleted permanently"),
    HistoryAction.MARK_DONE: QT_TRANSLATE_NOOP("HistoryLabels", "Marked done"),
    HistoryAction.RECORD_EVENT: QT_TRANSLATE_NOOP("HistoryLabels", "Event recorded"),
    HistoryAction.PENALTY_SAVED: QT_TRANSLATE_NOOP("HistoryLabels", "Liquidated damages calculation saved"),
    HistoryAction.PENALTY_DELETED: QT_TRANSLATE_NOOP("HistoryLabels", "Liquidated damages calculation removed"),
    HistoryAction.HOLIDAYS: QT_TRANSLATE_NOOP("HistoryLabels", "Working-day schedule changed"),
    HistoryAction.AMENDMENT: QT_TRANSLATE_NOOP("HistoryLabels", "Amendment"),
    HistoryAction.PAYMENT: QT_TRANSLATE_NOOP("HistoryLabels", "Payment recorded"),
    HistoryAction.ATTACHMENT: QT_TRANSLATE_NOOP("HistoryLabels", "Attachment added or removed"),
}
#: The actions a filter offers: those the register writes (payment is reserved).
ACTIONS_SHOWN: tuple[HistoryAction, ...] = tuple(a for a in HistoryAction
                                                 if a is not HistoryAction.PAYMENT)

_TABLES: dict[str, str] = {
    "parties": QT_TRANSLATE_NOOP("HistoryLabels", "Parties"),
    "line_items": QT_TRANSLATE_NOOP("HistoryLabels", "Line items"),
    "installments": QT_TRANSLATE_NOOP("HistoryLabels", "Installments"),
    "articles": QT_TRANSLATE_NOOP("HistoryLabels", "Articles"),
    "milestones": QT_TRANSLATE_NOOP("HistoryLabels", "Milestones"),
    "bonds": QT_TRANSLATE_NOOP("HistoryLabels", "Bonds"),
    "penalty_clauses": QT_TRANSLATE_NOOP("HistoryLabels", "Penalty clauses"),
}

#: Field name → label, for the header and every child table (``_TABLE_FIELDS`` overrides per table).
_FIELDS: dict[str, str] = {
    "contract_no": QT_TRANSLATE_NOOP("HistoryLabels", "Contract No."),
    "title": QT_TRANSLATE_NOOP("HistoryLabels", "Title"),
    "title_en": QT_TRANSLATE_NOOP("HistoryLabels", "Title in English"),
    "procurement_no": QT_TRANSLATE_NOOP("HistoryLabels", "Procurement No."),
    "status": QT_TRANSLATE_NOOP("HistoryLabels", "Status"),
    "sign_date": QT_TRANSLATE_NOOP("HistoryLabels", "Signing date"),
    "sign_place": QT_TRANSLATE_NOOP("HistoryLabels", "Place of signing"),
    "effective_date": QT_TRANSLATE_NOOP("HistoryLabels", "Effective date"),
    "start_date": QT_TRANSLATE_NOOP("HistoryLabels", "Start of term"),
    "end_date": QT_TRANSLATE_NOOP("HistoryLabels", "End of term"),
    "currency": QT_TRANSLATE_NOOP("HistoryLabels", "Currency"),
    "total_amount": QT_TRANSLATE_NOOP("HistoryLabels", "Contract total"),
    "total_in_words": QT_TRANSLATE_NOOP("HistoryLabels", "Total in capitals"),
    "tax_rate": QT_TRANSLATE_NOOP("HistoryLabels", "Tax rate (%)"),
    "amount_excl_tax": QT_TRANSLATE_NOOP("HistoryLabels", "Amount excl. tax"),
    "notes": QT_TRANSLATE_NOOP("HistoryLabels", "Notes"),
    "role": QT_TRANSLATE_NOOP("HistoryLabels", "Role"),
    "name": QT_TRANSLATE_NOOP("HistoryLabels", "Name"),
    "name_en": QT_TRANSLATE_NOOP("HistoryLabels", "English name"),
    "legal_rep": QT_TRANSLATE_NOOP("HistoryLabels", "Legal representative"),
    "signatory_title": QT_TRANSLATE_NOOP("HistoryLabels", "Signatory title"),
    "other_signatories": QT_TRANSLATE_NOOP("HistoryLabels", "Other signatories"),
    "address": QT_TRANSLATE_NOOP("HistoryLabels", "Address"),
    "contact": QT_TRANSLATE_NOOP("HistoryLabels", "Contact"),
    "phone": QT_TRANSLATE_NOOP("HistoryLabels", "Phone"),
    "email": QT_TRANSLATE_NOOP("HistoryLabels", "E-mail"),
    "tax_id": QT_TRANSLATE_NOOP("HistoryLabels", "Tax ID"),
    "bank": QT_TRANSLATE_NOOP("HistoryLabels", "Bank"),
    "account": QT_TRANSLATE_NOOP("HistoryLabels", "Account"),
    "share_amount": QT_TRANSLATE_NOOP("HistoryLabels", "Share"),
    "consortium_lead": QT_TRANSLATE_NOOP("HistoryLabels", "Consortium lead"),
    "seq": QT_TRANSLATE_NOOP("HistoryLabels", "No."),
    "unit": QT_TRANSLATE_NOOP("HistoryLabels", "Unit"),
    "unit_price": QT_TRANSLATE_NOOP("HistoryLabels", "Unit price"),
    "quantity": QT_TRANSLATE_NOOP("HistoryLabels", "Quantity"),
    "periods": QT_TRANSLATE_NOOP("HistoryLabels", "Months"),
    "amount": QT_TRANSLATE_NOOP("HistoryLabels", "Amount"),
    "party_role": QT_TRANSLATE_NOOP("HistoryLabels", "Party"),
    "note": QT_TRANSLATE_NOOP("HistoryLabels", "Note"),
    "payee_role": QT_TRANSLATE_NOOP("HistoryLabels", "Payee"),
    "percent": QT_TRANSLATE_NOOP("HistoryLabels", "Percent"),
    "due_date": QT_TRANSLATE_NOOP("HistoryLabels", "Due date"),
    "due_after": QT_TRANSLATE_NOOP("HistoryLabels", "Counted from"),
    "due_offset": QT_TRANSLATE_NOOP("HistoryLabels", "Within"),
    "due_unit": QT_TRANSLATE_NOOP("HistoryLabels", "Unit of time"),
    "condition": QT_TRANSLATE_NOOP("HistoryLabels", "Condition"),
    "paid_date": QT_TRANSLATE_NOOP("HistoryLabels", "Paid on"),
    "paid_amount": QT_TRANSLATE_NOOP("HistoryLabels", "Paid amount"),
    "heading": QT_TRANSLATE_NOOP("HistoryLabels", "Heading"),
    "body": QT_TRANSLATE_NOOP("HistoryLabels", "Text"),
    "kind": QT_TRANSLATE_NOOP("HistoryLabels", "Kind"),
    "responsible_role": QT_TRANSLATE_NOOP("HistoryLabels", "Responsible"),
    "recurrence": QT_TRANSLATE_NOOP("HistoryLabels", "Repeats"),
    "done_date": QT_TRANSLATE_NOOP("HistoryLabels", "Done on"),
    "form": QT_TRANSLATE_NOOP("HistoryLabels", "Form"),
    "valid_until": QT_TRANSLATE_NOOP("HistoryLabels", "Valid until"),
    "lodged_date": QT_TRANSLATE_NOOP("HistoryLabels", "Lodged on"),
    "returned_date": QT_TRANSLATE_NOOP("HistoryLabels", "Returned on"),
    "clause_ref": QT_TRANSLATE_NOOP("HistoryLabels", "Clause"),
    "trigger": QT_TRANSLATE_NOOP("HistoryLabels", "Breach"),
    "payer_role": QT_TRANSLATE_NOOP("HistoryLabels", "Paid by"),
    "rate": QT_TRANSLATE_NOOP("HistoryLabels", "Rate (%)"),
    "base": QT_TRANSLATE_NOOP("HistoryLabels", "Base"),
    "cap_rate": QT_TRANSLATE_NOOP("HistoryLabels", "Cap (%)"),
    "cap_base": QT_TRANSLATE_NOOP("HistoryLabels", "Cap base"),
    "cap_amount": QT_TRANSLATE_NOOP("HistoryLabels", "Cap amount"),
    "day_count": QT_TRANSLATE_NOOP("HistoryLabels", "Days"),
    "part_day": QT_TRANSLATE_NOOP("HistoryLabels", "Part of a day"),
    "terminate_after_days": QT_TRANSLATE_NOOP("HistoryLabels", "Termination after (days)"),
    "text": QT_TRANSLATE_NOOP("HistoryLabels", "Clause text"),
}
_TABLE_FIELDS: dict[tuple[str, str], str] = {
    ("milestones", "name"): QT_TRANSLATE_NOOP("HistoryLabels", "Obligation"),
    ("milestones", "note"): QT_TRANSLATE_NOOP("HistoryLabels", "Contract's words"),
    ("bonds", "note"): QT_TRANSLATE_NOOP("HistoryLabels", "Refund conditions"),
    ("penalty_clauses", "kind"): QT_TRANSLATE_NOOP("HistoryLabels", "Calculation"),
}

_MONEY = {"total_amount", "amount_excl_tax", "share_amount", "amount", "paid_amount", "cap_amount"}
_DECIMALS = {"unit_price", "quantity", "percent", "rate", "cap_rate", "tax_rate"}
#: Coded values: field → (code → Chinese name, code → English name).
_EN_STATUS = {"draft": "draft", "active": "active", "completed": "completed", "terminated": "terminated"}
_EN_UNITS = {"working_days": "working days", "days": "days", "months": "months"}
_EN_BONDS = {"performance": "performance bond", "warranty": "warranty deposit", "bid": "bid bond"}
_EN_MILESTONES = {"deliverable": "deliverable", "acceptance": "acceptance", "report": "report", "drill": "drill",
                  "notice": "notice", "other": "other"}
_EN_PENALTY = {"per_day": "per day", "one_off": "one-off", "monthly_fee_coefficient": "monthly fee × coefficient",
               "fixed_amount": "fixed amount", "liability_cap": "liability cap"}
_EN_BASES = {"contract_total": "contract total", "overdue_amount": "overdue amount", "monthly_fee": "monthly fee",
             "daily_fee": "daily fee"}
_EN_DAYS = {"calendar": "calendar days", "working": "working days"}
_EN_PART = {"whole": "a whole day", "prorate": "pro rata"}
_CODED: dict[tuple[str | None, str], tuple[dict[str, str], dict[str, str]]] = {
    (None, "status"): (schema.STATUS_ALIASES, _EN_STATUS),
    (None, "due_unit"): (schema.UNIT_ALIASES, _EN_UNITS),
    ("bonds", "kind"): (schema.BOND_KIND_ALIASES, _EN_BONDS),
    ("milestones", "kind"): (schema.MILESTONE_KIND_ALIASES, _EN_MILESTONES),
    ("penalty_clauses", "kind"): (schema.PENALTY_KIND_ALIASES, _EN_PENALTY),
    (None, "base"): (schema.PENALTY_BASE_ALIASES, _EN_BASES),
    (None, "cap_base"): (schema.PENALTY_BASE_ALIASES, _EN_BASES),
    (None, "day_count"): (schema.DAY_COUNT_ALIASES, _EN_DAYS),
    (None, "part_day"): (schema.PART_DAY_ALIASES, _EN_PART),
}
#: What names a child row added or removed: its table's most telling field.
_ROW_NAME = {"parties": "name", "line_items": "name", "installments": "name", "articles": "heading",
             "milestones": "name", "bonds": "kind", "penalty_clauses": "trigger"}


translate = QCoreApplication.translate


def _tr(text: str) -> str:
    """A label of the tables above (marked with QT_TRANSLATE_NOOP) in the language of the interface."""
    return translate(_CONTEXT, text)


def _language() -> str:
    return "zh" if i18n.current_language() == "zh_CN" else "en"


def action_text(action: HistoryAction | str) -> str:
    """The action in words (新建, 保存, 移至回收站 …); an unknown code as stored."""
    try:
        return _tr(_ACTIONS[HistoryAction(action)])
    except (ValueError, KeyError):
        return str(action)


def _row_label(table: str, key: str) -> str:
    name = _tr(_TABLES[table]) if table in _TABLES else table
    if table == "parties":
        return translate("HistoryLabels", "{0}, {1}").format(name, key)  # the role: 甲方 …
    if table == "penalty_clauses":
        return translate("HistoryLabels", "{0}, clause {1}").format(name, key)
    return translate("HistoryLabels", "{0}, row {1}").format(name, key)


def field_label(path: str) -> str:
    """A field of the details in words: ``title`` → 合同名称, ``line_items[3].quantity`` →
    "服务明细 第3行：数量", ``line_items[3]`` → "服务明细 第3行"; unknown names as stored."""
    table, key, name = _split(path)
    if table is None:
        return _tr(_FIELDS[name]) if name in _FIELDS else name
    row = _row_label(table, key)
    if not name:
        return row
    label = _TABLE_FIELDS.get((table, name)) or _FIELDS.get(name)
    return translate("HistoryLabels", "{0}: {1}").format(row, _tr(label) if label else name)


def _split(path: str) -> tuple[str | None, str, str]:
    """``line_items[3].quantity`` → (``line_items``, ``3``, ``quantity``); ``title`` → (None, "", ``title``)."""
    if "[" not in path or not path.split("[", 1)[0].isidentifier():
        return None, "", path
    table, rest = path.split("[", 1)
    key, _, name = rest.rpartition("]")
    return table, key, name.removeprefix(".")


def value_text(value: object, field: str = "", table: str | None = None) -> str:
    """A stored value as the officer reads it: money 2,738,718.50, decimals with separators, coded
    values by name (履行中, 工作日 …), events by name; empty as "(empty)"."""
    if value is None or value == "":
        return translate("HistoryLabels", "(empty)")
    if isinstance(value, bool):
        return translate("HistoryLabels", "yes") if value else translate("HistoryLabels", "no")
    if isinstance(value, dict):
        return translate("HistoryLabels", "(a row)")
    if isinstance(value, list):
        return ", ".join(value_text(item) for item in value)
    text = str(value)
    language = _language()
    coded = _CODED.get((table, field)) or _CODED.get((None, field))
    if coded is not None:
        names = coded[0] if language == "zh" else coded[1]
        return names.get(text, text)
    if field == "due_after":
        return " + ".join(event_text(code.strip(), language) for code in text.split("+"))
    if field in _MONEY or field in _DECIMALS:
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text
        return format_money(number) if field in _MONEY else format_decimal(number)
    return text


def _change(label: str, before: str, after: str) -> str:
    return translate("HistoryLabels", "{0} {1} → {2}").format(label, before, after)


def _row_change(table: str, key: str, row: dict[str, Any], added: bool) -> str:
    label = _row_label(table, key)
    field = _ROW_NAME.get(table, "")
    if row.get(field) in (None, ""):
        return (translate("HistoryLabels", "{0}: added") if added
                else translate("HistoryLabels", "{0}: removed")).format(label)
    name = value_text(row.get(field), field, table)
    return (translate("HistoryLabels", "{0}: added “{1}”") if added
            else translate("HistoryLabels", "{0}: removed “{1}”")).format(label, name)


def _by_key(rows: dict[str, Any]) -> list[tuple[str, Any]]:
    """Rows in their order in the contract: 2 before 10 (keys are text in the details)."""
    return sorted(rows.items(), key=lambda item: (0, int(item[0]), "") if item[0].isdigit() else (1, 0, item[0]))


def _in_form_order(items: dict[str, Any], order: dict[str, str]) -> list[tuple[str, Any]]:
    """Fields and tables in the order the editor shows them (the history stores them by name)."""
    place = {name: index for index, name in enumerate(order)}
    return sorted(items.items(), key=lambda item: place.get(item[0], len(place)))


def _count(text: str, value: object, unit: str | None) -> str:
    """``text`` of a count ``value`` with its ``unit`` (``services.register.count_units``); as it is
    without a unit or a value."""
    return text if unit is None or value in (None, "") else count_text(value, unit, _language())


def _contract_changes(details: dict[str, Any]) -> list[str]:
    units = details.get("units", {}) if isinstance(details.get("units"), dict) else {}
    header = dict(_in_form_order(details.get("header", {}), _FIELDS))
    new = bool(header) and all(before is None for before, _after in header.values())
    if new:  # a contract created or first imported: what it was entered with, not "(empty) →" each time
        lines = [translate("HistoryLabels", "{0}: {1}").format(field_label(name), value_text(after, name))
                 for name, (_before, after) in header.items() if after not in (None, "")]
    else:
        lines = [_change(field_label(name), value_text(before, name), value_text(after, name))
                 for name, (before, after) in header.items()]
    for table, diff in _in_form_order(details.get("children", {}), _TABLES):
        for key, row in _by_key(diff.get("removed", {})):
            lines.append(_row_change(table, key, row, added=False))
        for key, row in _by_key(diff.get("added", {})):
            lines.append(_row_change(table, key, row, added=True))
        for key, fields in _by_key(diff.get("changed", {})):
            for name, (before, after) in fields.items():
                path = f"{table}[{key}].{name}"
                old_unit, new_unit = units.get(path) or (None, None)  # a count: 20 个工作日 → 30 个工作日
                lines.append(_change(field_label(path), _count(value_text(before, name, table), before, old_unit),
                                     _count(value_text(after, name, table), after, new_unit)))
    return lines


def deadline_text(key: str) -> str:
    """A deadline's key in words: ``installment:1`` → "付款 1", ``bond:1:return`` → "退还保证金 1",
    ``milestone:3:2026-05-05`` → "履约事项 3 (2026-05-05)"; unknown keys as stored."""
    language = _language()
    parts = key.split(":")
    if parts[0] in ("term_end", "renewal"):
        return kind_text(parts[0], language)
    if parts[0] == "installment" and len(parts) == 2:
        return f"{kind_text('installment', language)} {parts[1]}"
    if parts[0] == "bond" and len(parts) == 3:
        kind = {"lodge": "bond_lodge", "return": "bond_return", "valid": "bond_valid"}.get(parts[2])
        return f"{kind_text(kind, language)} {parts[1]}" if kind else key
    if parts[0] == "milestone" and len(parts) in (2, 3):
        text = f"{kind_text('milestone', language)} {parts[1]}"
        return text if len(parts) == 2 else f"{text} ({parts[2]})"
    return key


def change_texts(row: HistoryRow) -> list[str]:
    """What the entry changed, one line per field: "服务明细 第3行：数量 12 → 24"; empty for an
    entry without field-level details (moved to the Trash, restored, deleted permanently)."""
    details = row.details
    if "header" in details or "children" in details:
        lines = _contract_changes(details)
        amendment = details.get("amendment")
        if isinstance(amendment, dict):  # a 补充协议 recorded (issue 16): its number first
            lines.insert(0, translate("HistoryLabels", "Amendment {0}, effective {1}").format(
                amendment.get("amendment_no", ""), amendment.get("effective_date", "")))
        return lines
    if row.action == HistoryAction.ATTACHMENT:
        return [(translate("HistoryLabels", "File “{0}” added") if verb == "added"
                 else translate("HistoryLabels", "File “{0}” removed")).format(item.get("file_name", ""))
                for verb, item in details.items() if isinstance(item, dict)]
    if row.action == HistoryAction.MARK_DONE:
        label = translate("HistoryLabels", "{0}, done on").format(deadline_text(str(details.get("key", ""))))
        return [_change(label, value_text(details.get("before")), value_text(details.get("after")))]
    if row.action == HistoryAction.RECORD_EVENT:
        event = event_text(str(details.get("event", "")), _language())
        label = translate("HistoryLabels", "Date of event “{0}”").format(event)
        return [_change(label, value_text(details.get("before")), value_text(details.get("after")))]
    if row.action in (HistoryAction.PENALTY_SAVED, HistoryAction.PENALTY_DELETED):
        label = translate("HistoryLabels", "Clause {0}: liquidated damages").format(details.get("clause_ref", ""))
        amount = value_text(details.get("amount"), "amount")
        empty = value_text(None)
        before, after = (empty, amount) if row.action == HistoryAction.PENALTY_SAVED else (amount, empty)
        return [_change(label, before, after)]
    if row.action == HistoryAction.HOLIDAYS:
        names = {"added": translate("HistoryLabels", "Days added"),
                 "removed": translate("HistoryLabels", "Days removed"),
                 "changed": translate("HistoryLabels", "Days changed")}
        return [translate("HistoryLabels", "{0}: {1}").format(names.get(key, key), value_text(days))
                for key, days in details.items() if days]
    return [translate("HistoryLabels", "{0}: {1}").format(field_label(key), value_text(value, key))
            for key, value in sorted(details.items())]
