"""History entries in the officer's words: actions, field paths and coded values as labels, never codes.

``services.history`` stores an action code (``mark_done``) and field-level details keyed by the
data's field names (``line_items[3].quantity``); this module turns them into "标记完成" and
"服务明细 第3行：数量 12 → 24" (or "Marked done", "Line items, row 3: Quantity 12 → 24"). A field
or value this table does not know is shown as stored (the fall-back, so nothing is hidden).

Qt-free, so the window's History (``ui.register.history_labels``, in the language of the
interface) and ``main.py history`` (in the language of ``--lang`` or the locale) read the same
words: labels are ``Term(en, zh)``, the sentences around them messages of ``services.errors``
(``define``; shown with ``text_of``, without a code); coded values (status, units, kinds …) take
their Chinese names from ``services.ledger.schema``. Every function takes ``language``:
``zh``/``zh_CN`` Chinese, anything else English.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from models.base import decimal_text
from services.calendar.deadlines import kind_text
from services.calendar.due_text import event_text
from services.errors import Term, define, text_of
from services.history import HistoryAction, HistoryRow
from services.ledger import schema
from services.money import yuan_text
from services.register.count_units import count_text

__all__ = ["ACTIONS", "ACTIONS_SHOWN", "action_text", "change_texts", "deadline_text", "field_label",
           "grouped_decimal", "value_text"]

ACTIONS: dict[HistoryAction, Term] = {
    HistoryAction.CREATE: Term("New contract", "新建"),
    HistoryAction.SAVE: Term("Saved", "保存"),
    HistoryAction.IMPORT: Term("Imported", "导入"),
    HistoryAction.DELETE: Term("Moved to the Trash", "移至回收站"),
    HistoryAction.RESTORE: Term("Restored", "还原"),
    HistoryAction.PURGE: Term("Deleted permanently", "永久删除"),
    HistoryAction.MARK_DONE: Term("Marked done", "标记完成"),
    HistoryAction.RECORD_EVENT: Term("Event recorded", "登记事件"),
    HistoryAction.PENALTY_SAVED: Term("Liquidated damages calculation saved", "保存违约金计算"),
    HistoryAction.PENALTY_DELETED: Term("Liquidated damages calculation removed", "删除违约金计算"),
    HistoryAction.HOLIDAYS: Term("Working-day schedule changed", "修改工作日安排"),
    HistoryAction.AMENDMENT: Term("Amendment", "合同变更"),
    HistoryAction.PAYMENT: Term("Payment recorded", "登记付款"),
    HistoryAction.ATTACHMENT: Term("Attachment added or removed", "添加或移除附件"),
}
#: The actions a filter offers: those the register writes (payment is reserved).
ACTIONS_SHOWN: tuple[HistoryAction, ...] = tuple(a for a in HistoryAction if a is not HistoryAction.PAYMENT)

_TABLES: dict[str, Term] = {
    "parties": Term("Parties", "当事方"),
    "line_items": Term("Line items", "服务明细"),
    "installments": Term("Installments", "分期付款"),
    "articles": Term("Articles", "合同条款"),
    "milestones": Term("Milestones", "履约事项"),
    "bonds": Term("Bonds", "保证金"),
    "penalty_clauses": Term("Penalty clauses", "违约条款"),
}

#: Field name → label, for the header and every child table (``_TABLE_FIELDS`` overrides per table).
_FIELDS: dict[str, Term] = {
    "contract_no": Term("Contract No.", "合同编号"),
    "title": Term("Title", "合同名称"),
    "title_en": Term("Title in English", "英文名称"),
    "procurement_no": Term("Procurement No.", "采购编号"),
    "status": Term("Status", "状态"),
    "sign_date": Term("Signing date", "签订日期"),
    "sign_place": Term("Place of signing", "签订地点"),
    "effective_date": Term("Effective date", "生效日期"),
    "start_date": Term("Start of term", "服务开始日期"),
    "end_date": Term("End of term", "服务结束日期"),
    "currency": Term("Currency", "币种"),
    "total_amount": Term("Contract total", "合同总额"),
    "total_in_words": Term("Total in capitals", "大写金额"),
    "tax_rate": Term("Tax rate (%)", "税率（%）"),
    "amount_excl_tax": Term("Amount excl. tax", "不含税金额"),
    "notes": Term("Notes", "备注"),
    "role": Term("Role", "角色"),
    "name": Term("Name", "名称"),
    "name_en": Term("English name", "英文名称"),
    "legal_rep": Term("Legal representative", "法定代表人"),
    "signatory_title": Term("Signatory title", "签字人职务"),
    "other_signatories": Term("Other signatories", "其他签字人"),
    "address": Term("Address", "地址"),
    "contact": Term("Contact", "联系人"),
    "phone": Term("Phone", "电话"),
    "email": Term("E-mail", "电子邮箱"),
    "tax_id": Term("Tax ID", "纳税人识别号"),
    "bank": Term("Bank", "开户行"),
    "account": Term("Account", "账号"),
    "share_amount": Term("Share", "分摊金额"),
    "consortium_lead": Term("Consortium lead", "联合体牵头人"),
    "seq": Term("No.", "序号"),
    "unit": Term("Unit", "单位"),
    "unit_price": Term("Unit price", "单价"),
    "quantity": Term("Quantity", "数量"),
    "periods": Term("Months", "计费月数"),
    "amount": Term("Amount", "合价"),
    "party_role": Term("Party", "所属当事方"),
    "note": Term("Note", "备注"),
    "payee_role": Term("Payee", "收款方"),
    "percent": Term("Percent", "比例（%）"),
    "due_date": Term("Due date", "到期日"),
    "due_after": Term("Counted from", "起算事件"),
    "due_offset": Term("Within", "期限"),
    "due_unit": Term("Unit of time", "期限单位"),
    "condition": Term("Condition", "付款条件"),
    "paid_date": Term("Paid on", "实付日期"),
    "paid_amount": Term("Paid amount", "实付金额"),
    "heading": Term("Heading", "标题"),
    "body": Term("Text", "正文"),
    "kind": Term("Kind", "类型"),
    "responsible_role": Term("Responsible", "责任方"),
    "recurrence": Term("Repeats", "重复规则"),
    "done_date": Term("Done on", "完成日期"),
    "form": Term("Form", "形式"),
    "valid_until": Term("Valid until", "有效期至"),
    "lodged_date": Term("Lodged on", "提交日期"),
    "returned_date": Term("Returned on", "退还日期"),
    "clause_ref": Term("Clause", "条款"),
    "trigger": Term("Breach", "违约情形"),
    "payer_role": Term("Paid by", "违约方"),
    "rate": Term("Rate (%)", "比例（%）"),
    "base": Term("Base", "计算基数"),
    "cap_rate": Term("Cap (%)", "上限比例（%）"),
    "cap_base": Term("Cap base", "上限基数"),
    "cap_amount": Term("Cap amount", "上限金额"),
    "day_count": Term("Days", "天数"),
    "part_day": Term("Part of a day", "不足一日"),
    "terminate_after_days": Term("Termination after (days)", "解除阈值（天）"),
    "text": Term("Clause text", "原文"),
}
_TABLE_FIELDS: dict[tuple[str, str], Term] = {
    ("milestones", "name"): Term("Obligation", "履约事项"),
    ("milestones", "note"): Term("Contract's words", "合同原文"),
    ("bonds", "note"): Term("Refund conditions", "退还条件"),
    ("penalty_clauses", "kind"): Term("Calculation", "计算方式"),
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

# The sentences around the labels (codes of ``services.errors``, shown without the code).
_CLAUSE_ROW = define("HISTORY_TEXT_CLAUSE_ROW", "{table} 第 {key} 条", "{table}, clause {key}")
_ROW = define("HISTORY_TEXT_ROW", "{table} 第{key}行", "{table}, row {key}")
_EMPTY = Term("(empty)", "（空）")
_YES, _NO = Term("yes", "是"), Term("no", "否")
_A_ROW = Term("(a row)", "（一行）")
_ADDED = define("HISTORY_TEXT_ADDED", "{row}：新增", "{row}: added")
_REMOVED = define("HISTORY_TEXT_REMOVED", "{row}：删除", "{row}: removed")
_ADDED_NAMED = define("HISTORY_TEXT_ADDED_NAMED", "{row}：新增“{name}”", "{row}: added “{name}”")
_REMOVED_NAMED = define("HISTORY_TEXT_REMOVED_NAMED", "{row}：删除“{name}”", "{row}: removed “{name}”")
_AMENDMENT = define("HISTORY_TEXT_AMENDMENT", "补充协议 {number}，{date} 起生效",
                    "Amendment {number}, effective {date}")
_FILE_ADDED = define("HISTORY_TEXT_FILE_ADDED", "添加文件“{name}”", "File “{name}” added")
_FILE_REMOVED = define("HISTORY_TEXT_FILE_REMOVED", "移除文件“{name}”", "File “{name}” removed")
_DONE_ON = define("HISTORY_TEXT_DONE_ON", "{deadline} 完成日期", "{deadline}, done on")
_EVENT_DATE = define("HISTORY_TEXT_EVENT_DATE", "事件“{event}”日期", "Date of event “{event}”")
_PENALTY = define("HISTORY_TEXT_PENALTY", "条款 {clause} 违约金", "Clause {clause}: liquidated damages")
_PAYMENT = define("HISTORY_TEXT_PAYMENT", "第 {seq} 笔付款", "Payment {seq}")
_PAYMENT_REMOVED = define("HISTORY_TEXT_PAYMENT_REMOVED", "{payment}：删除（{what}）", "{payment} removed ({what})")
_PAYMENT_WHAT = define("HISTORY_TEXT_PAYMENT_WHAT", "{amount} 元，{date}，{installment}",
                       "{amount} on {date}, {installment}")
_FOR_INSTALLMENT = define("HISTORY_TEXT_FOR_INSTALLMENT", "第 {seq} 期", "installment {seq}")
_NO_INSTALLMENT = Term("no installment", "不对应期次")
_HOLIDAY_DAYS = {"added": Term("Days added", "新增日期"), "removed": Term("Days removed", "删除日期"),
                 "changed": Term("Days changed", "修改日期")}


def _short(language: str) -> str:
    return "zh" if language.startswith("zh") else "en"


def action_text(action: HistoryAction | str, language: str) -> str:
    """The action in words (新建, 保存, 移至回收站 … / New contract, Saved …); an unknown code as stored."""
    try:
        return ACTIONS[HistoryAction(action)].label(language)
    except (ValueError, KeyError):
        return str(action)


def _row_label(table: str, key: str, language: str) -> str:
    name = _TABLES[table].label(language) if table in _TABLES else table
    if table == "parties":  # the role: 甲方 …
        return f"{name} {key}" if language.startswith("zh") else f"{name}, {key}"
    if table == "penalty_clauses":
        return text_of(_CLAUSE_ROW, language, table=name, key=key)
    return text_of(_ROW, language, table=name, key=key)


def field_label(path: str, language: str) -> str:
    """A field of the details in words: ``title`` → 合同名称, ``line_items[3].quantity`` →
    "服务明细 第3行：数量", ``line_items[3]`` → "服务明细 第3行"; unknown names as stored."""
    table, key, name = _split(path)
    if table is None:
        return _FIELDS[name].label(language) if name in _FIELDS else name
    row = _row_label(table, key, language)
    if not name:
        return row
    label = _TABLE_FIELDS.get((table, name)) or _FIELDS.get(name)
    return _labelled(language, label=row, text=label.label(language) if label else name)


def _split(path: str) -> tuple[str | None, str, str]:
    """``line_items[3].quantity`` → (``line_items``, ``3``, ``quantity``); ``title`` → (None, "", ``title``)."""
    if "[" not in path or not path.split("[", 1)[0].isidentifier():
        return None, "", path
    table, rest = path.split("[", 1)
    key, _, name = rest.rpartition("]")
    return table, key, name.removeprefix(".")


def grouped_decimal(value: Decimal) -> str:
    """A unit price or quantity: shortest exact decimal with thousands separators.

    ``Decimal("1395800")`` → ``1,395,800``; ``Decimal("0.150")`` → ``0.15``.
    """
    text = decimal_text(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}"
    return f"{sign}{grouped}.{fraction}" if fraction else f"{sign}{grouped}"


def value_text(value: object, language: str, field: str = "", table: str | None = None) -> str:
    """A stored value as the officer reads it: money 2,738,718.50, decimals with separators, coded
    values by name (履行中, 工作日 …), events by name; empty as "(empty)"/"（空）"."""
    if value is None or value == "":
        return _EMPTY.label(language)
    if isinstance(value, bool):
        return (_YES if value else _NO).label(language)
    if isinstance(value, dict):
        return _A_ROW.label(language)
    if isinstance(value, list):
        return ", ".join(value_text(item, language) for item in value)
    text = str(value)
    short = _short(language)
    coded = _CODED.get((table, field)) or _CODED.get((None, field))
    if coded is not None:
        names = coded[0] if short == "zh" else coded[1]
        return names.get(text, text)
    if field == "due_after":
        return " + ".join(event_text(code.strip(), short) for code in text.split("+"))
    if field in _MONEY or field in _DECIMALS:
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text
        return yuan_text(number) if field in _MONEY else grouped_decimal(number)
    return text


def _labelled(language: str, label: str, text: str) -> str:
    """``label: text`` (``label：text`` in Chinese)."""
    return f"{label}：{text}" if language.startswith("zh") else f"{label}: {text}"


def _change(label: str, before: str, after: str) -> str:
    return f"{label} {before} → {after}"  # the same in both languages


def _row_change(table: str, key: str, row: dict[str, Any], added: bool, language: str) -> str:
    label = _row_label(table, key, language)
    field = _ROW_NAME.get(table, "")
    if row.get(field) in (None, ""):
        return text_of(_ADDED if added else _REMOVED, language, row=label)
    name = value_text(row.get(field), language, field, table)
    return text_of(_ADDED_NAMED if added else _REMOVED_NAMED, language, row=label, name=name)


def _by_key(rows: dict[str, Any]) -> list[tuple[str, Any]]:
    """Rows in their order in the contract: 2 before 10 (keys are text in the details)."""
    return sorted(rows.items(), key=lambda item: (0, int(item[0]), "") if item[0].isdigit() else (1, 0, item[0]))


def _in_form_order(items: dict[str, Any], order: dict[str, Term]) -> list[tuple[str, Any]]:
    """Fields and tables in the order the editor shows them (the history stores them by name)."""
    place = {name: index for index, name in enumerate(order)}
    return sorted(items.items(), key=lambda item: place.get(item[0], len(place)))


def _count(text: str, value: object, unit: str | None, language: str) -> str:
    """``text`` of a count ``value`` with its ``unit`` (``services.register.count_units``); as it is
    without a unit or a value."""
    return text if unit is None or value in (None, "") else count_text(value, unit, _short(language))


def _contract_changes(details: dict[str, Any], language: str) -> list[str]:
    units = details.get("units", {}) if isinstance(details.get("units"), dict) else {}
    header = dict(_in_form_order(details.get("header", {}), _FIELDS))
    new = bool(header) and all(before is None for before, _after in header.values())
    if new:  # a contract created or first imported: what it was entered with, not "(empty) →" each time
        lines = [_labelled(language, label=field_label(name, language),
                         text=value_text(after, language, name))
                 for name, (_before, after) in header.items() if after not in (None, "")]
    else:
        lines = [_change(field_label(name, language), value_text(before, language, name),
                         value_text(after, language, name))
                 for name, (before, after) in header.items()]
    for table, diff in _in_form_order(details.get("children", {}), _TABLES):
        for key, row in _by_key(diff.get("removed", {})):
            lines.append(_row_change(table, key, row, False, language))
        for key, row in _by_key(diff.get("added", {})):
            lines.append(_row_change(table, key, row, True, language))
        for key, fields in _by_key(diff.get("changed", {})):
            for name, (before, after) in fields.items():
                path = f"{table}[{key}].{name}"
                old_unit, new_unit = units.get(path) or (None, None)  # a count: 20 个工作日 → 30 个工作日
                lines.append(_change(
                    field_label(path, language),
                    _count(value_text(before, language, name, table), before, old_unit, language),
                    _count(value_text(after, language, name, table), after, new_unit, language)))
    return lines


def deadline_text(key: str, language: str) -> str:
    """A deadline's key in words: ``installment:1`` → "付款 1", ``bond:1:return`` → "退还保证金 1",
    ``milestone:3:2026-05-05`` → "履约事项 3 (2026-05-05)"; unknown keys as stored."""
    short = _short(language)
    parts = key.split(":")
    if parts[0] in ("term_end", "renewal"):
        return kind_text(parts[0], short)
    if parts[0] == "installment" and len(parts) == 2:
        return f"{kind_text('installment', short)} {parts[1]}"
    if parts[0] == "bond" and len(parts) == 3:
        kind = {"lodge": "bond_lodge", "return": "bond_return", "valid": "bond_valid"}.get(parts[2])
        return f"{kind_text(kind, short)} {parts[1]}" if kind else key
    if parts[0] == "milestone" and len(parts) in (2, 3):
        text = f"{kind_text('milestone', short)} {parts[1]}"
        return text if len(parts) == 2 else f"{text} ({parts[2]})"
    return key


def _payment_text(payment: dict[str, Any], language: str) -> str:
    """A payment of the details (``services.payments.record``: ``PaymentData`` as JSON) in words."""
    seq = payment.get("installment_seq")
    installment = (_NO_INSTALLMENT.label(language) if seq in (None, "")
                   else text_of(_FOR_INSTALLMENT, language, seq=seq))
    return text_of(_PAYMENT_WHAT, language, amount=value_text(payment.get("amount"), language, "amount"),
                   date=payment.get("paid_date", ""), installment=installment)


def _payment_changes(details: dict[str, Any], language: str) -> list[str]:
    """A payment recorded, changed or removed: "第 1 笔付款：100,000.00 元，2026-03-02，第 1 期"."""
    before, after = details.get("before"), details.get("after")
    if not isinstance(before, dict) and not isinstance(after, dict):
        return []
    seq = (after if isinstance(after, dict) else before or {}).get("seq", "")
    payment = text_of(_PAYMENT, language, seq=seq)
    if not isinstance(before, dict):
        return [_labelled(language, payment, _payment_text(after or {}, language))]
    if not isinstance(after, dict):
        return [text_of(_PAYMENT_REMOVED, language, payment=payment, what=_payment_text(before, language))]
    return [_change(payment, _payment_text(before, language), _payment_text(after, language))]


def change_texts(row: HistoryRow, language: str) -> list[str]:
    """What the entry changed, one line per field: "服务明细 第3行：数量 12 → 24"; empty for an
    entry without field-level details (moved to the Trash, restored, deleted permanently)."""
    details = row.details
    if "header" in details or "children" in details:
        lines = _contract_changes(details, language)
        amendment = details.get("amendment")
        if isinstance(amendment, dict):  # a 补充协议 recorded (issue 16): its number first
            lines.insert(0, text_of(_AMENDMENT, language, number=amendment.get("amendment_no", ""),
                                    date=amendment.get("effective_date", "")))
        return lines
    if row.action == HistoryAction.ATTACHMENT:
        return [text_of(_FILE_ADDED if verb == "added" else _FILE_REMOVED, language, name=item.get("file_name", ""))
                for verb, item in details.items() if isinstance(item, dict)]
    if row.action == HistoryAction.MARK_DONE:
        label = text_of(_DONE_ON, language, deadline=deadline_text(str(details.get("key", "")), language))
        return [_change(label, value_text(details.get("before"), language), value_text(details.get("after"), language))]
    if row.action == HistoryAction.RECORD_EVENT:
        event = event_text(str(details.get("event", "")), _short(language))
        label = text_of(_EVENT_DATE, language, event=event)
        return [_change(label, value_text(details.get("before"), language), value_text(details.get("after"), language))]
    if row.action in (HistoryAction.PENALTY_SAVED, HistoryAction.PENALTY_DELETED):
        label = text_of(_PENALTY, language, clause=details.get("clause_ref", ""))
        amount = value_text(details.get("amount"), language, "amount")
        empty = value_text(None, language)
        before, after = (empty, amount) if row.action == HistoryAction.PENALTY_SAVED else (amount, empty)
        return [_change(label, before, after)]
    if row.action == HistoryAction.PAYMENT:
        return _payment_changes(details, language)
    if row.action == HistoryAction.HOLIDAYS:
        return [_labelled(language, label=_HOLIDAY_DAYS[key].label(language) if key in _HOLIDAY_DAYS else key,
                        text=value_text(days, language))
                for key, days in details.items() if days]
    return [_labelled(language, label=field_label(key, language), text=value_text(value, language, key))
            for key, value in sorted(details.items())]
