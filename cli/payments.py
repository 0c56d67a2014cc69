"""The command line's ``payments``: payments made and the state of each installment.

    main.py payments [CONTRACT_NO] [--overdue] [--from DATE --to DATE] [--today DATE] [--lang zh_CN|en]

For each contract (one, or every contract not in the Trash, in register order): its installments
with amount, due date, paid, outstanding and state (overdue: days), its payments, and the totals
paid / outstanding / overdue, each money figure with two decimals. ``--overdue``: only contracts
with an overdue installment, only those installments. ``--from``/``--to``: only payments made in
that span (both days included). Every word in the language of ``--lang`` or the locale (the
columns aligned for Chinese too). Exit status 1 for an unknown contract or a date that does not parse.
"""

from __future__ import annotations

import argparse
import datetime as dt

from sqlalchemy import select

from cli.language import cli_language
from cli.messages import fail, option_error
from cli.words import HELP_CONTRACT_NO, META_CONTRACT_NO, META_DATE, pad, say
from models.contract import Contract
from services.errors import Term, UserError, define
from services.ledger.values import parse_date
from services.money import from_fen, yuan_text
from services.payments.states import InstallmentState, state_label
from services.payments.summary import ContractPayments, contract_payments
from services.register import contracts
from services.store import Store

HELP = define("CLI_HELP_PAYMENTS", "已付款项和各期付款状态（已付、未付、逾期）",
              "payments made and the state of each installment (paid, outstanding, overdue)")
HELP_OVERDUE = define("CLI_HELP_PAYMENTS_OVERDUE", "只列逾期的分期", "only overdue installments")
HELP_FROM = define("CLI_HELP_PAYMENTS_FROM", "只列此日期及以后的付款", "payments made on or after DATE")
HELP_TO = define("CLI_HELP_PAYMENTS_TO", "只列此日期及以前的付款", "payments made on or before DATE")
HELP_TODAY = define("CLI_HELP_PAYMENTS_TODAY", "按哪一天计算状态（默认：今天）",
                    "the day the states are computed for (default: today)")
#: The installments' column headings, their widths in terminal columns (the last one open).
COLUMNS: tuple[tuple[Term, int], ...] = (
    (Term("installment", "期次"), 11), (Term("due", "到期日"), 10), (Term("amount", "金额（元）"), 16),
    (Term("paid", "已付（元）"), 16), (Term("outstanding", "未付（元）"), 16), (Term("state", "状态"), 0))
OVERDUE_DAYS = define("CLI_PAYMENTS_OVERDUE_DAYS", "{state} {days} 天", "{state} {days} days")
PAID_LATE = define("CLI_PAYMENTS_PAID_LATE", "（逾期 {days} 天付清）", " (paid late {days} days)")
PAYMENTS = define("CLI_PAYMENTS_HEADING", "付款记录：", "payments:")
NO_PAYMENTS = define("CLI_PAYMENTS_NONE", "付款记录：无", "payments: none")
FOR_INSTALLMENT = define("CLI_PAYMENTS_FOR_INSTALLMENT", "第 {seq} 期", "installment {seq}")
NO_INSTALLMENT = define("CLI_PAYMENTS_NO_INSTALLMENT", "不对应期次", "no installment")
#: A payment's further fields, by their words.
DETAILS = (("invoice_no", Term("invoice", "发票号")), ("voucher_no", Term("voucher", "凭证号")),
           ("note", Term("note", "备注")))
TOTALS = define("CLI_PAYMENTS_TOTALS", "已付 {paid}  未付 {outstanding}  逾期 {overdue}  逾期支付 {late} 期",
                "paid {paid}  outstanding {outstanding}  overdue {overdue}  paid late {late}")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``[CONTRACT_NO]``, ``--overdue``, ``--from``/``--to``, ``--today``."""
    date = say(META_DATE, language)
    parser.add_argument("contract_no", metavar=say(META_CONTRACT_NO, language), nargs="?",
                        help=say(HELP_CONTRACT_NO, language))
    parser.add_argument("--overdue", action="store_true", help=say(HELP_OVERDUE, language))
    parser.add_argument("--from", dest="start", metavar=date, help=say(HELP_FROM, language))
    parser.add_argument("--to", dest="end", metavar=date, help=say(HELP_TO, language))
    parser.add_argument("--today", metavar=date, help=say(HELP_TODAY, language))


def _date(option: str, text: str | None) -> dt.date | None:
    """``text`` as a date; None when not given. Raises ``UserError`` naming ``option`` (``option_error``)."""
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise option_error(option, exc) from None


def _status_text(state: InstallmentState, overdue_days: int, language: str) -> str:
    label = state_label(state, language)
    if state is InstallmentState.OVERDUE:
        return say(OVERDUE_DAYS, language, state=label, days=overdue_days)
    return label


def lines(picture: ContractPayments, language: str, *, overdue_only: bool = False,
          start: dt.date | None = None, end: dt.date | None = None) -> list[str]:
    """The text of one contract's payments in ``language`` (see the module docstring)."""
    data = picture.contract
    out = [f"{data.contract_no}  {data.title}"]
    out.append("  " + "  ".join(pad(term.label(language), width) for term, width in COLUMNS).rstrip())
    widths = [width for _term, width in COLUMNS]
    for line in picture.lines:
        status = line.status
        if overdue_only and status.state is not InstallmentState.OVERDUE:
            continue
        amount = "" if status.due_fen is None else yuan_text(from_fen(status.due_fen))
        due = status.due_date.isoformat() if status.due_date else "-"
        state = _status_text(status.state, status.overdue_days, language)
        if status.paid_on is not None:
            state += f" {status.paid_on.isoformat()}"
        if status.paid_late:
            state += say(PAID_LATE, language, days=status.paid_late_days)
        cells = [pad(str(line.installment.seq), widths[0]), pad(due, widths[1]), pad(amount, widths[2], right=True),
                 pad(yuan_text(from_fen(status.paid_fen)), widths[3], right=True),
                 pad(yuan_text(from_fen(status.outstanding_fen)), widths[4], right=True), state]
        out.append("  " + "  ".join(cells))
    shown = [p for p in picture.payments if (start is None or p.paid_date >= start)
             and (end is None or p.paid_date <= end)]
    if not overdue_only:
        out.append("  " + say(PAYMENTS if shown else NO_PAYMENTS, language))
        for p in shown:
            tied = say(FOR_INSTALLMENT, language, seq=p.installment_seq) if p.installment_seq is not None \
                else say(NO_INSTALLMENT, language)
            extra = "".join(f"  {label.label(language)} {getattr(p, field)}" for field, label in DETAILS
                            if getattr(p, field))
            out.append(f"  {p.seq:>3}  {p.paid_date.isoformat()}  {yuan_text(p.amount):>16}  "
                       f"{p.payer_role or '甲方'}→{p.payee_role or '乙方'}  {tied}{extra}")
    totals = picture.totals
    out.append("  " + say(TOTALS, language, paid=yuan_text(from_fen(totals.paid)),
                          outstanding=yuan_text(from_fen(totals.outstanding)),
                          overdue=yuan_text(from_fen(totals.overdue)), late=totals.paid_late))
    return out


def run(store: Store, args: argparse.Namespace) -> int:
    """``main.py payments``: see the module docstring."""
    language = cli_language(args.lang)
    try:
        start, end = _date("--from", args.start), _date("--to", args.end)
        today = _date("--today", args.today) or dt.date.today()
    except UserError as exc:
        return fail(exc, args)
    with store.session() as session:
        if args.contract_no:
            contract_id = contracts.find_id(session, args.contract_no)
            if contract_id is None:
                return fail(contracts.ContractNotFoundError(contract_no=args.contract_no), args)
            ids = [contract_id]
        else:
            ids = list(session.scalars(select(Contract.id).where(contracts.LIVE).order_by(Contract.id)))
        for contract_id in ids:
            picture = contract_payments(session, contract_id, today)
            if args.overdue and not picture.totals.overdue:
                continue
            print("\n".join(lines(picture, language, overdue_only=args.overdue, start=start, end=end)))
    return 0
