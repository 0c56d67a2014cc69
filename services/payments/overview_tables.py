"""The overview (``services.payments.overview.Overview``) as labelled tables of typed cells: what
the .xlsx export, the PDF and ``main.py overview`` all print, so they show the same figures.

A table (``Sheet``) has a title, columns (``SheetColumn``: header and kind) and rows of cells:
``str`` text, ``int`` counts and years, ``Decimal`` money in 元 (two decimals), ``datetime.date``
dates (kind ``date``) or the first day of a month (kind ``month``: shown ``YYYY-MM``), None empty.
Every label is a word in Chinese (``zh``) or English (``en``), never a code (``1-30``, ``performance``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from services.ledger.schema import BOND_KIND_ALIASES
from services.money import yuan_text
from services.payments.overview import Figures, Overview, OverviewFilter

__all__ = ["Cell", "Sheet", "SheetColumn", "cell_text", "filter_text", "overview_sheets", "word"]

Cell = str | int | Decimal | dt.date | None

#: Bond kinds in English (the Chinese: ``BOND_KIND_ALIASES``).
_BOND_KIND_EN = {"performance": "Performance bond", "warranty": "Warranty deposit", "bid": "Bid bond"}
_STATUS = {"draft": ("草稿", "draft"), "active": ("履行中", "active"), "completed": ("已完成", "completed"),
           "terminated": ("已终止", "terminated")}
#: key → (Chinese, English).
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("合同总览", "Contract overview"),
    "totals": ("总计", "Totals"), "by_year": ("按签订年度", "By year of signing"),
    "by_budget": ("按到期预算年度", "By budget year of the due dates"), "by_supplier": ("按供应商", "By supplier"),
    "ageing": ("逾期账龄", "Overdue by age"), "due_next": ("即将到期", "Due soon"),
    "by_month": ("未来 12 个月按月应付与已付", "Due vs paid, next 12 months"),
    "bonds": ("在押未退保证金", "Bonds held, not returned"),
    "ending": ("90 日内到期的合同（续签）", "Contracts ending in the next 90 days"),
    "as_of": ("统计日", "As of"), "contracts": ("合同数", "Contracts"), "installments": ("期数", "Installments"),
    "value": ("合同金额（元）", "Contract value (元)"), "due": ("应付（元）", "Due (元)"),
    "paid": ("已付（元）", "Paid (元)"), "outstanding": ("未付（元）", "Outstanding (元)"),
    "overdue": ("逾期（元）", "Overdue (元)"), "year": ("签订年度", "Year signed"),
    "budget_year": ("预算年度", "Budget year"), "supplier": ("供应商", "Supplier"),
    "days_overdue": ("逾期天数", "Days overdue"), "within": ("到期期限", "Due within"), "month": ("月份", "Month"),
    "contract_no": ("合同编号", "Contract No."), "bond": ("保证金序号", "Bond No."), "kind": ("类型", "Kind"),
    "amount": ("金额（元）", "Amount (元)"), "valid_until": ("有效期至", "Valid until"),
    "to_return": ("退还", "To return"), "late_return": ("应退未退", "return overdue"),
    "contract_title": ("合同名称", "Title"), "ends": ("结束日期", "Ends"),
    "1-30": ("1–30 天", "1–30 days"), "31-90": ("31–90 天", "31–90 days"), "91-180": ("91–180 天", "91–180 days"),
    "180+": ("180 天以上", "over 180 days"), "30": ("30 日内", "next 30 days"), "90": ("90 日内", "next 90 days"),
    "all": ("全部合同", "all contracts"), "filter_year": ("签订年度", "signed in"),
    "filter_supplier": ("供应商含", "supplier contains"), "filter_status": ("状态", "status"),
    "filter": ("范围", "Contracts counted"), "ending_sheet": ("90日内到期合同", "Ending in 90 days"),
}


def word(key: str, language: str) -> str:
    """The label ``key`` in ``language`` (``zh``… or ``en``)."""
    zh, en = _WORDS[key]
    return zh if language.startswith("zh") else en


@dataclass(frozen=True)
class SheetColumn:
    """A column: translated ``header`` and ``kind`` (``text``, ``int``, ``money``, ``date``, ``month``)."""

    header: str
    kind: str = "text"


@dataclass(frozen=True)
class Sheet:
    """One table of the overview: ``key`` (stable, for file and sheet names), translated ``title``."""

    key: str
    title: str
    columns: list[SheetColumn]
    rows: list[list[Cell]] = field(default_factory=list)
    #: The workbook's sheet name when the title is longer than a sheet name may be (31 characters).
    short_title: str = ""


def cell_text(value: Cell, kind: str) -> str:
    """How a cell reads printed: money ``2,738,718.50``, a month ``2026-12``, a date ISO, empty for None."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, Decimal):
        return yuan_text(value)
    if kind == "month" and isinstance(value, dt.date):
        return f"{value:%Y-%m}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def filter_text(flt: OverviewFilter | None, language: str) -> str:
    """The filter in words: ``全部合同`` / ``signed in 2026 · supplier contains 首信 · status active``."""
    if flt is None or (flt.year is None and not flt.supplier and not flt.status):
        return word("all", language)
    parts = []
    if flt.year is not None:
        parts.append(f"{word('filter_year', language)} {flt.year}")
    if flt.supplier:
        parts.append(f"{word('filter_supplier', language)} “{flt.supplier}”")
    if flt.status:
        zh, en = _STATUS.get(flt.status, (flt.status, flt.status))
        parts.append(f"{word('filter_status', language)} {zh if language.startswith('zh') else en}")
    return " · ".join(parts)


def _year(label: str) -> Cell:
    return int(label) if label.isdigit() else "—"


def _money_row(first: Cell, figures: Figures, *, value: bool = True) -> list[Cell]:
    return [first, figures.count, figures.value if value else figures.due, figures.paid, figures.outstanding,
            figures.overdue]


def overview_sheets(view: Overview, language: str, flt: OverviewFilter | None = None) -> list[Sheet]:
    """The tables of ``view`` (computed under ``flt``) in ``language``, in the order the window
    shows them (see the module docstring); the totals name the day and the filter."""
    w = lambda key: word(key, language)  # noqa: E731 - a short local alias
    money = lambda key: SheetColumn(w(key), "money")  # noqa: E731
    figures_of = [money("paid"), money("outstanding"), money("overdue")]
    t = view.totals
    sheets = [
        Sheet("totals", w("totals"), [SheetColumn(w("as_of"), "date"), SheetColumn(w("filter")),
                                      SheetColumn(w("contracts"), "int"), money("value"), money("due"), *figures_of],
              [[view.today, filter_text(flt, language), t.count, t.value, t.due, t.paid, t.outstanding,
                t.overdue]]),
        Sheet("by_year", w("by_year"), [SheetColumn(w("year"), "int"), SheetColumn(w("contracts"), "int"),
                                        money("value"), *figures_of],
              [_money_row(_year(f.label), f) for f in view.by_sign_year]),
        Sheet("by_budget", w("by_budget"), [SheetColumn(w("budget_year"), "int"),
                                            SheetColumn(w("installments"), "int"), money("due"), *figures_of],
              [_money_row(_year(f.label), f, value=False) for f in view.by_budget_year]),
        Sheet("by_supplier", w("by_supplier"), [SheetColumn(w("supplier")), SheetColumn(w("contracts"), "int"),
                                                money("value"), *figures_of],
              [_money_row(f.label, f) for f in view.by_supplier]),
        Sheet("ageing", w("ageing"), [SheetColumn(w("days_overdue")), SheetColumn(w("installments"), "int"),
                                      money("overdue")],
              [[w(f.label), f.count, f.overdue] for f in view.ageing]),
        Sheet("due_next", w("due_next"), [SheetColumn(w("within")), SheetColumn(w("installments"), "int"),
                                          money("outstanding")],
              [[w(f.label), f.count, f.outstanding] for f in view.due_next]),
        Sheet("by_month", w("by_month"), [SheetColumn(w("month"), "month"), money("due"), money("paid")],
              [[dt.date(int(f.label[:4]), int(f.label[5:7]), 1), f.due, f.paid] for f in view.by_month]),
        Sheet("bonds", w("bonds"), [SheetColumn(w("contract_no")), SheetColumn(w("bond"), "int"),
                                    SheetColumn(w("kind")), money("amount"), SheetColumn(w("valid_until"), "date"),
                                    SheetColumn(w("to_return"))],
              [[b.contract_no, b.seq, _bond_kind(b.kind, language), b.amount, b.valid_until,
                w("late_return") if b.overdue_return else ""] for b in view.bonds]),
        Sheet("ending", w("ending"), [SheetColumn(w("contract_no")), SheetColumn(w("contract_title")),
                                      SheetColumn(w("supplier")), SheetColumn(w("ends"), "date"), money("value")],
              [[e.contract_no, e.title, e.counterparty, e.end_date, e.total] for e in view.ending],
              short_title=w("ending_sheet")),
    ]
    return sheets


def _bond_kind(kind: str | None, language: str) -> str:
    if not kind:
        return ""
    return BOND_KIND_ALIASES.get(kind, kind) if language.startswith("zh") else _BOND_KIND_EN.get(kind, kind)
