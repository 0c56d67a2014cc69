"""The command line's ``payments``: payments made and the state of each installment.

    main.py payments [CONTRACT_NO] [--overdue] [--from DATE --to DATE] [--today DATE] [--lang zh_CN|en]

For each contract (one, or every contract not in the Trash, in register order): its installments
with amount, due date, paid, outstanding and state (overdue: days), its payments, and the totals
paid / outstanding / overdue, each money figure with two decimals. ``--overdue``: only contracts
with an overdue installment, only those installments. ``--from``/``--to``: only payments made in
that span (both days included). Exit status 1 for an unknown contract or a date that does not parse.
"""

from __future__ import annotations

import argparse
import datetime as dt

from sqlalchemy import select

from cli.language import cli_language
from cli.messages import fail
from models.contract import Contract
from services.ledger.values import parse_date
from services.money import from_fen, yuan_text
from services.payments.states import InstallmentState, state_label
from services.payments.summary import ContractPayments, contract_payments
from services.register import contracts
from services.store import Store

HELP = "payments made and the state of each installment (paid, outstanding, overdue)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``[CONTRACT_NO]``, ``--overdue``, ``--from``/``--to``, ``--today``, ``--lang``."""
    parser.add_argument("contract_no", metavar="CONTRACT_NO", nargs="?", help="one contract (default: all)")
    parser.add_argument("--overdue", action="store_true", help="only overdue installments")
    parser.add_argument("--from", dest="start", metavar="DATE", help="payments made on or after DATE")
    parser.add_argument("--to", dest="end", metavar="DATE", help="payments made on or before DATE")
    parser.add_argument("--today", metavar="DATE", help="the day the states are computed for (default: today)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the states (default: the locale's)")


def _date(option: str, text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise SystemExit(f"error: {option}: {exc}") from None


def _status_text(state: InstallmentState, overdue_days: int, language: str) -> str:
    label = state_label(state, language)
    if state is InstallmentState.OVERDUE:
        return f"{label} {overdue_days}" + (" 天" if language.startswith("zh") else " days")
    return label


def lines(picture: ContractPayments, language: str, *, overdue_only: bool = False,
          start: dt.date | None = None, end: dt.date | None = None) -> list[str]:
    """The text of one contract's payments (see the module docstring)."""
    data = picture.contract
    out = [f"{data.contract_no}  {data.title}"]
    out.append("  installment  due         amount            paid              outstanding       state")
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
            state += f" (paid late {status.paid_late_days} days)"
        out.append(f"  {line.installment.seq:<11}  {due:<10}  {amount:>16}  {yuan_text(from_fen(status.paid_fen)):>16}"
                   f"  {yuan_text(from_fen(status.outstanding_fen)):>16}  {state}")
    shown = [p for p in picture.payments if (start is None or p.paid_date >= start)
             and (end is None or p.paid_date <= end)]
    if not overdue_only:
        out.append("  payments:" if shown else "  payments: none")
        for p in shown:
            tied = f"installment {p.installment_seq}" if p.installment_seq is not None else "no installment"
            extra = "".join(f"  {label} {value}" for label, value in
                            (("invoice", p.invoice_no), ("voucher", p.voucher_no), ("note", p.note)) if value)
            out.append(f"  {p.seq:>3}  {p.paid_date.isoformat()}  {yuan_text(p.amount):>16}  "
                       f"{p.payer_role or '甲方'}→{p.payee_role or '乙方'}  {tied}{extra}")
    totals = picture.totals
    out.append(f"  paid {yuan_text(from_fen(totals.paid))}  outstanding {yuan_text(from_fen(totals.outstanding))}"
               f"  overdue {yuan_text(from_fen(totals.overdue))}  paid late {totals.paid_late}")
    return out


def run(store: Store, args: argparse.Namespace) -> int:
    """``main.py payments``: see the module docstring."""
    language = cli_language(args.lang)
    start, end = _date("--from", args.start), _date("--to", args.end)
    today = _date("--today", args.today) or dt.date.today()
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
