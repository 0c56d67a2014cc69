"""``main.py restore-contract CONTRACT_NO``: bring a contract back from the Trash with all its rows."""

from __future__ import annotations

import argparse
import sys

from cli.language import cli_language
from cli.messages import fail
from cli.words import META_CONTRACT_NO, say
from services.errors import define
from services.register.contracts import ContractError
from services.register.trash import restore, trashed_by_no
from services.store import Store

HELP = define("CLI_HELP_RESTORE_CONTRACT", "从回收站还原一份合同", "bring a contract back from the Trash")
HELP_NUMBER = define("CLI_HELP_RESTORE_CONTRACT_NO", "回收站中合同的编号", "number of the contract in the Trash")
RESTORED = define("CLI_CONTRACT_RESTORED", "已还原 {contract_no}", "restored {contract_no}")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``CONTRACT_NO``: the number of the contract in the Trash."""
    parser.add_argument("contract_no", metavar=say(META_CONTRACT_NO, language), help=say(HELP_NUMBER, language))


def run(store: Store, args: argparse.Namespace) -> int:
    """0 when restored; 1 (message on stderr) when no contract has the number or it is not in the Trash."""
    try:
        with store.session() as session:
            restore(session, trashed_by_no(session, args.contract_no))
    except ContractError as exc:
        return fail(exc, args)
    print(say(RESTORED, cli_language(args.lang), contract_no=args.contract_no), file=sys.stderr)
    return 0
