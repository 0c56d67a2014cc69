"""The tables and columns of the ledger CSV format, version 2 (spec ``csv-format.md``) — the tables
this version stores.

Each column has its English name (the writer's header), its Chinese alias (also accepted
by the reader), whether it is required, and the kind of value it holds.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Kinds of value; each has a parser in ``services.ledger.read`` and a writer in ``ledger_write``.
KINDS = ("text", "money", "decimal", "percent", "date", "int", "role", "status", "unit", "events", "currency",
         "milestone_kind", "bond_kind", "penalty_kind", "penalty_base", "day_count", "part_day", "rrule",
         "event_name", "done_source", "return_events", "flag")


@dataclass(frozen=True)
class Column:
    """One column: ``name`` (English header), ``alias`` (Chinese header), ``kind``, ``required``;
    ``extension``: a column this program reads and writes that spec version 2 does not list — the
    writer writes it only when some exported row has a value, so ordinary exports are exactly v2."""

    name: str
    alias: str
    kind: str = "text"
    required: bool = False
    extension: bool = False


@dataclass(frozen=True)
class Table:
    """One ledger file: ``name`` (file stem), its ``key`` columns and ``columns`` in writer order."""

    name: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _c(name: str, alias: str, kind: str = "text", required: bool = False) -> Column:
    return Column(name, alias, kind, required)


_NO = _c("contract_no", "合同编号", required=True)
_SEQ = _c("seq", "序号", "int", required=True)
_DUE = (
    _c("due_date", "到期日", "date"),
    _c("due_after", "起算事件", "events"),
    _c("due_offset", "期限", "int"),
    _c("due_unit", "期限单位", "unit"),
)

CONTRACTS = Table("contracts", ("contract_no",), (
    _NO,
    _c("title", "合同名称", required=True),
    _c("title_en", "英文名称"),
    _c("procurement_no", "采购编号"),
    _c("status", "状态", "status"),
    _c("sign_date", "签订日期", "date"),
    _c("sign_place", "签订地点"),
    _c("effective_date", "生效日期", "date"),
    _c("start_date", "开始日期", "date"),
    _c("end_date", "结束日期", "date"),
    _c("currency", "币种", "currency"),
    _c("total_amount", "合同总额", "money", required=True),
    _c("total_in_words", "大写金额"),
    _c("tax_rate", "税率", "percent"),
    _c("amount_excl_tax", "不含税金额", "money"),
    _c("notes", "备注"),
))
PARTIES = Table("parties", ("contract_no", "role"), (
    _NO,
    _c("role", "角色", "role", required=True),
    _c("name", "名称", required=True),
    _c("name_en", "英文名称"),
    _c("legal_rep", "法定代表人"),
    _c("signatory_title", "签字人职务"),
    _c("address", "地址"),
    _c("contact", "联系人"),
    _c("phone", "电话"),
    _c("email", "电子邮箱"),
    _c("tax_id", "纳税人识别号"),
    _c("bank", "开户行"),
    _c("account", "账号"),
    _c("share_amount", "分摊金额", "money"),
    _c("consortium_lead", "联合体牵头人", "flag"),
    Column("other_signatories", "其他签字人", extension=True),  # not in spec v2 (docs/ledger-extensions.md)
))
LINE_ITEMS = Table("line_items", ("contract_no", "seq"), (
    _NO, _SEQ,
    _c("name", "名称", required=True),
    _c("name_en", "英文名称"),
    _c("unit", "单位"),
    _c("unit_price", "单价", "decimal"),
    _c("quantity", "数量", "decimal"),
    _c("periods", "计费月数", "int"),
    _c("amount", "合价", "money"),
    _c("party_role", "承担方", "role"),
    _c("note", "备注"),
))
INSTALLMENTS = Table("installments", ("contract_no", "seq"), (
    _NO, _SEQ,
    _c("name", "款项名称"),
    _c("payee_role", "收款方", "role"),
    _c("percent", "比例", "percent"),
    _c("amount", "金额", "money"),
    *_DUE,
    _c("condition", "付款条件"),
    _c("paid_date", "实付日期", "date"),
    _c("paid_amount", "实付金额", "money"),
))
MILESTONES = Table("milestones", ("contract_no", "seq"), (
    _NO, _SEQ,
    _c("name", "名称", required=True),
    _c("kind", "类型", "milestone_kind"),
    _c("responsible_role", "责任方", "role"),
    *_DUE,
    _c("recurrence", "重复规则", "rrule"),
    _c("done_date", "完成日期", "date"),
    _c("note", "备注"),
))
BONDS = Table("bonds", ("contract_no", "seq"), (
    _NO, _SEQ,
    _c("kind", "类型", "bond_kind"),
    _c("form", "形式"),
    _c("percent", "比例", "percent"),
    _c("amount", "金额", "money"),
    *_DUE,
    _c("valid_until", "有效期至", "date"),
    _c("lodged_date", "提交日期", "date"),
    _c("return_after", "退还起算事件", "return_events"),
    _c("return_offset", "退还期限", "int"),
    _c("return_unit", "退还期限单位", "unit"),
    _c("return_condition", "退还条件"),
    _c("returned_date", "退还日期", "date"),
    _c("note", "备注"),
))
PENALTY_CLAUSES = Table("penalty_clauses", ("contract_no", "clause_ref"), (
    _NO,
    _c("clause_ref", "条款号", required=True),
    _c("trigger", "违约情形", required=True),
    _c("payer_role", "违约方", "role"),
    _c("kind", "计算方式", "penalty_kind", required=True),
    _c("rate", "比例", "percent"),
    _c("base", "计算基数", "penalty_base"),
    _c("amount", "金额", "money"),
    _c("cap_rate", "上限比例", "percent"),
    _c("cap_base", "上限基数", "penalty_base"),
    _c("cap_amount", "上限金额", "money"),
    _c("day_count", "计日方式", "day_count"),
    _c("part_day", "不足一日", "part_day"),
    _c("terminate_after_days", "解除阈值天数", "int"),
    _c("text", "原文"),
))
ARTICLES = Table("articles", ("contract_no", "seq"), (
    _NO, _SEQ,
    _c("heading", "标题"),
    _c("body", "正文"),
))
EVENTS = Table("events", ("contract_no", "event"), (
    _NO,
    _c("event", "事件", "event_name", required=True),
    _c("label", "名称"),
    _c("label_en", "英文名称"),
    _c("date", "日期", "date"),
))
DONE_MARKS = Table("done_marks", ("contract_no", "source", "seq", "due_date"), (
    _NO,
    _c("source", "来源", "done_source", required=True),
    _SEQ,
    _c("due_date", "到期日", "date", required=True),
    _c("done_date", "完成日期", "date", required=True),
    _c("note", "备注"),
))
PAYMENTS = Table("payments", ("contract_no", "seq"), (
    _NO, _SEQ,
    _c("installment_seq", "对应期次", "int"),
    _c("payer_role", "付款方", "role"),
    _c("payee_role", "收款方", "role"),
    _c("paid_date", "付款日期", "date", required=True),
    _c("amount", "金额", "money", required=True),
    _c("invoice_no", "发票号"),
    _c("voucher_no", "凭证号"),
    _c("note", "备注"),
))

AMENDMENTS = Table("amendments", ("contract_no", "amendment_no", "seq"), (
    _NO,
    _c("amendment_no", "补充协议编号", required=True),
    _c("sign_date", "签订日期", "date", required=True),
    _c("effective_date", "生效日期", "date"),
    _SEQ,
    _c("target", "变更对象", required=True),
    _c("target_key", "对象键"),
    _c("field", "字段"),
    _c("action", "操作"),
    _c("old_value", "原值"),
    _c("new_value", "新值"),
    _c("text", "原文"),
))
ATTACHMENTS = Table("attachments", ("contract_no", "sha256"), (
    _NO,
    _c("sha256", "校验值", required=True),
    _c("file_name", "文件名", required=True),
    _c("kind", "类型"),
    _c("added_date", "添加日期", "date"),
    _c("note", "备注"),
))

#: Every table of the format, in the order the writer writes them.
ALL_TABLES: tuple[Table, ...] = (
    CONTRACTS, PARTIES, LINE_ITEMS, INSTALLMENTS, MILESTONES, BONDS, PENALTY_CLAUSES, ARTICLES, EVENTS, DONE_MARKS,
    PAYMENTS, AMENDMENTS, ATTACHMENTS,
)
#: Tables whose rows are not rows of a contract's data but kept by their own services
#: (``services.ledger.apart``: amendments, attachments with their files under ``attachments/``).
APART: tuple[Table, ...] = (AMENDMENTS, ATTACHMENTS)
#: Tables of the contracts' own data this version stores; with ``APART`` every table of the format.
SUPPORTED: tuple[Table, ...] = tuple(t for t in ALL_TABLES if t not in APART)
#: Child tables (all but contracts) this version stores, by name.
CHILD_TABLES: tuple[str, ...] = tuple(t.name for t in SUPPORTED if t is not CONTRACTS)
TABLES_BY_NAME = {t.name: t for t in ALL_TABLES}

#: ``status`` values: code → Chinese alias.
STATUS_ALIASES = {"draft": "草稿", "active": "履行中", "completed": "已完成", "terminated": "已终止"}
#: ``due_unit`` values: code → Chinese alias.
UNIT_ALIASES = {"working_days": "工作日", "days": "日", "months": "月"}
#: Coded values of the remaining tables: code → Chinese alias (spec ``csv-format.md``).
MILESTONE_KIND_ALIASES = {"deliverable": "交付", "acceptance": "验收", "report": "报告", "drill": "演练",
                          "notice": "通知", "other": "其他"}
BOND_KIND_ALIASES = {"performance": "履约保证金", "warranty": "质保金", "bid": "投标保证金"}
PENALTY_KIND_ALIASES = {"per_day": "按日", "one_off": "一次性", "monthly_fee_coefficient": "月服务费×系数",
                        "fixed_amount": "固定金额", "liability_cap": "责任上限"}
PENALTY_BASE_ALIASES = {"contract_total": "合同总额", "overdue_amount": "逾期金额", "monthly_fee": "月服务费",
                        "daily_fee": "日服务费"}
DAY_COUNT_ALIASES = {"calendar": "自然日", "working": "工作日"}
PART_DAY_ALIASES = {"whole": "按一日计", "prorate": "按比例"}
#: ``done_marks.csv`` sources: code → Chinese alias (our alias; the spec names none).
DONE_SOURCE_ALIASES = {"installment": "分期付款", "milestone": "履约事项", "bond": "保证金"}
#: Events a deadline counts from (``due_after``): code → Chinese alias.
EVENT_ALIASES = {
    "signing": "签订", "effective": "生效", "start": "服务开始", "end": "服务结束",
    "acceptance": "验收合格", "invoice": "收到发票", "budget": "预算批复或资金到账",
}
