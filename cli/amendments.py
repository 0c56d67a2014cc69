"""``main.py amendments CONTRACT_NO [--lang zh_CN|en]``: a contract's supplementary agreements and their changes."""

from __future__ import annotations

import argparse
import datetime as dt

from cli.language import cli_language
from cli.messages import fail
from cli.words import META_CONTRACT_NO, say, short_language
from services.amendments import register
from services.amendments.print_sections import state_words
from services.amendments.wording import day_units, sentence
from services.errors import define
from services.register import contracts
from services.store import Store

HELP = define("CLI_HELP_AMENDMENTS", "列出合同的补充协议及各自的变更内容",
              "list a contract's amendments (补充协议) and what each changed")
NONE = define("CLI_AMENDMENTS_NONE", "{contract_no}：没有补充协议", "{contract_no}: no amendments")
LINE = define("CLI_AMENDMENT_LINE", "{number}\t签订 {signed}\t生效 {effective}\t{state}",
              "{number}\tsigned {signed}\teffective {effective}\t{state}")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``CONTRACT_NO`` (``--lang`` is every command's: ``zh`` is read as ``zh_CN``, as this command took it)."""
    parser.add_argument("contract_no", metavar=say(META_CONTRACT_NO, language))


def run(store: Store, args: argparse.Namespace) -> int:
    """One block per amendment: number, signing and effective dates, in force or pending today, each
    change old → new, in the language of ``--lang`` or the locale; 1 if unknown."""
    language = short_language(cli_language(args.lang))
    try:
        with store.session() as session:
            data = contracts.load_by_no(session, args.contract_no)
            contract_id = contracts.find_id(session, args.contract_no)
            assert contract_id is not None  # load_by_no found it
            found = register.amendments(session, contract_id)
    except contracts.ContractError as exc:
        return fail(exc, args)
    if not found:
        print(say(NONE, language, contract_no=data.contract_no))
        return 0
    today = dt.date.today()
    for amendment in found:
        print(say(LINE, language, number=amendment.amendment_no, signed=amendment.sign_date,
                  effective=amendment.effective, state=state_words(amendment, today, language)))
        units = day_units(amendment.changes, data)  # a changed count with its unit: 30 working days
        for change in amendment.changes:
            print(f"  {change.seq}. {sentence(change, language, units.get(change.seq))}")
        if amendment.text:
            print(f"  {amendment.text}")
    return 0
