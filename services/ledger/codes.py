"""The coded, translated messages of reading and importing a ledger (``services.errors``).

Each problem of a ledger is a ``LocatedProblem`` at ``file:row:column`` with one of these codes;
value problems carry the codes of ``services.ledger.values`` (``VALUE_NOT_NUMBER`` …). Columns are
named by ``column_term``: the English header and the Chinese one (spec ``csv-format.md``), so a
Chinese window shows 数量 where an English one shows the header as the file has it.
"""

from __future__ import annotations

import re
from functools import cache

from services.errors import ERROR, WARNING, LocatedProblem, Term, define
from services.ledger.schema import Column

__all__ = ["column_term", "problem", "warning"]

EMPTY_FILE = define("LEDGER_EMPTY_FILE", "文件为空（需要标题行）", "the file is empty (a header row is needed)")
UNKNOWN_COLUMN = define("LEDGER_UNKNOWN_COLUMN", "未知的列，已忽略", "unknown column, ignored")
DUPLICATE_COLUMN = define("LEDGER_DUPLICATE_COLUMN", "列 {name} 出现了两次", "column {name} appears twice")
MISSING_COLUMN = define("LEDGER_MISSING_COLUMN", "缺少必需的列", "required column missing")
NOT_CSV = define("LEDGER_NOT_CSV", "无法按 CSV 读取（{reason}）", "not readable as CSV ({reason})")
VALUE_REQUIRED = define("LEDGER_VALUE_REQUIRED", "必须填写", "a value is required")
DUPLICATE_KEY = define("LEDGER_DUPLICATE_KEY", "重复的键 {key}（与第 {other} 行相同）",
                       "duplicate key {key} (also on row {other})")
SHORT_ROW = define("LEDGER_SHORT_ROW", "本行只有 {cells} 个单元格，标题行有 {columns} 个（行被截断或少了分隔符）",
                   "the row has {cells} cells, the header {columns} (cut short or a separator missing)")
LONG_ROW = define("LEDGER_LONG_ROW", "本行有 {cells} 个单元格，标题行只有 {columns} 个（多出的单元格不会被读取）",
                  "the row has {cells} cells, the header only {columns} (the extra cells would be lost)")
WAN = define("LEDGER_WAN", "金额以万元书写（“{text}”），按 {amount} 元读取",
             "amount written in 万元 ({text!r}), read as {amount} yuan")
UNKNOWN_EVENT = define(
    "LEDGER_UNKNOWN_EVENT",
    "未知的事件“{text}”（可用 签订、生效、开始、结束、验收、发票、预算{also}、event:名称 或其他行的到期日："
    "installment:序号、milestone:序号、bond:序号；用 + 连接）",
    "unknown event {text!r} (use signing, effective, start, end, acceptance, invoice, budget{also}, event:NAME "
    "or another row's due date: installment:SEQ, milestone:SEQ, bond:SEQ; joined with +)")
NOT_CODE = define("LEDGER_NOT_CODE", "不是有效的{what}（{choices}）：“{text}”", "not a {what} ({choices}): {text!r}")
NOT_CURRENCY = define("LEDGER_NOT_CURRENCY", "不是 ISO 4217 币种代码（如 CNY）：“{text}”",
                      "not an ISO 4217 currency code (e.g. CNY): {text!r}")
NOT_RRULE = define("LEDGER_NOT_RRULE", "不是 RFC 5545 重复规则（如 FREQ=MONTHLY;BYMONTHDAY=5）：“{text}”",
                   "not an RFC 5545 RRULE (e.g. FREQ=MONTHLY;BYMONTHDAY=5): {text!r}")
OWN_EVENT = define("LEDGER_OWN_EVENT", "“{text}”是合同本身的日期：请在 contracts.csv 中填写",
                   "{text!r} is a date of the contract itself: give it in contracts.csv")
NOT_EVENT_NAME = define("LEDGER_NOT_EVENT_NAME", "不是事件名称（不含“+”的名称，如 budget_2027）：“{text}”",
                        "not an event name (a name without '+', e.g. budget_2027): {text!r}")
SECOND_FILE = define("LEDGER_SECOND_FILE", "同一台账中有第二个 {table}.csv", "a second {table}.csv in the same ledger")
NOT_STORED_YET = define("LEDGER_NOT_STORED_YET", "已跳过：此版本尚不保存 {table}",
                        "skipped — {table} is not stored by this version yet")
IGNORED_FILE = define("LEDGER_IGNORED_FILE", "不是台账文件，已忽略", "not a ledger file, ignored")
UNKNOWN_CONTRACT = define("LEDGER_UNKNOWN_CONTRACT", "未知的合同“{number}”（既不在 contracts.csv 中，也不在合同库中）",
                          "unknown contract {number!r} (not in contracts.csv nor in the store)")
INSTALLMENT_MARK = define("LEDGER_INSTALLMENT_MARK",
                          "第 {seq} 期付款的完成标记已跳过：付款以实付日期为准（installments.csv paid_date）",
                          "a done mark of installment {seq} is skipped: an installment is done when paid "
                          "(installments.csv paid_date)")
BOND_MARKED_TWICE = define("LEDGER_BOND_MARKED_TWICE",
                           "保证金 {seq} 已在第 {other} 行标记完成（保证金有效期只结束一次）",
                           "bond {seq} is already marked done on row {other} (a bond's validity ends once)")
TOO_MANY_PARTIES = define("LEDGER_TOO_MANY_PARTIES", "合同“{number}”有 {count} 个合同方；最多 5 个",
                          "contract {number!r} has {count} parties; at most 5")
ALREADY_IN_STORE = define("LEDGER_ALREADY_IN_STORE",
                          "合同“{number}”已在合同库中；使用 --replace（或在窗口中确认）以更新",
                          "contract {number!r} is already in the store; import with --replace to update it")
LINK_ITSELF = define("LEDGER_LINK_ITSELF", "{link} 指向本行自身", "{link} is this row itself")
LINK_MISSING = define("LEDGER_LINK_MISSING", "合同 {number} 的{kind}中没有序号 {seq}（{table}.csv）",
                      "contract {number} has no {kind} {seq} ({table}.csv)")
UNLABELLED_EVENT = define(
    "LEDGER_UNLABELLED_EVENT",
    "合同 {number} 的事件“{name}”没有名称，显示为“{shown}”——请在 events.csv 中填写 label、label_en",
    "event {name!r} of contract {number} has no label; shown as “{shown}” — give it a label in events.csv "
    "(label, label_en)")


def csv_reason(error: Exception) -> Term:
    """What Python's csv reader said (``csv.Error``), in both languages: the known reasons translated,
    any other one kept as said after a Chinese lead (``NOT_CSV``'s ``reason``)."""
    said = str(error)
    limit = re.match(r"field larger than field limit \((\d+)\)", said)
    if limit:
        return Term(said, f"单元格超过 CSV 字段长度上限（{limit.group(1)} 个字符）")
    known = {"unexpected end of data": "文件在引号内意外结束（文件不完整？）",
             "line contains NUL": "行中含有 NUL 字符",
             "new-line character seen in unquoted field": "未加引号的字段中出现换行符"}
    if said in known:
        return Term(said, known[said])
    if said.endswith("expected after '\"'"):
        return Term(said, "右引号后应为分隔符")
    return Term(said, f"CSV 格式错误：{said}")


@cache  # a Column and its Term are frozen: one Term per column, not one per cell read
def column_term(column: Column) -> Term:
    """The column named in both languages: its English header in words (``unit price``) and Chinese one (单价)."""
    return Term(column.name.replace("_", " "), column.alias)


def problem(file: str, row: int | None, column: Column | Term | str | None, code: str,
            header: str | None = None, **params: object) -> LocatedProblem:
    """An error (rejects the ledger) at ``file:row:column``; ``header``: the column as the file writes it."""
    if isinstance(column, Column):
        header = column.name if header is None else header
    term = column_term(column) if isinstance(column, Column) else column
    return LocatedProblem(file, row, term, code, params, severity=ERROR, header=header)


def warning(file: str, row: int | None, column: Column | Term | str | None, code: str,
            header: str | None = None, **params: object) -> LocatedProblem:
    """A warning (reported; the import goes on) at ``file:row:column``."""
    if isinstance(column, Column):
        header = column.name if header is None else header
    term = column_term(column) if isinstance(column, Column) else column
    return LocatedProblem(file, row, term, code, params, severity=WARNING, header=header)
