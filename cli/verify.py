"""``main.py verify``: is the history intact and the database sound?

Prints ``history intact, integrity ok`` (历史记录完整，数据库完好) and exits 0; else one line per
problem (``history entry N: … [CODE]`` or the database's own) and exits 1
(``services.history.verify``). The lines are in the language of ``--lang`` or the locale (``cli.language``).
"""

from __future__ import annotations

import argparse

from cli.language import cli_language
from cli.words import say
from services import history as history_log
from services.errors import define
from services.store import Store

HELP = define("CLI_HELP_VERIFY", "校验历史记录的哈希链和数据库完整性；有问题时退出状态为 1",
              "check the history's hash chain and the database's integrity; 1 on any problem")
INTACT = define("CLI_VERIFY_INTACT", "历史记录完整，数据库完好", "history intact, integrity ok")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """No options beyond ``--db`` and ``--lang``."""


def run(store: Store, args: argparse.Namespace) -> int:
    """0 when nothing is wrong, else 1 with one line per problem on stdout."""
    language = cli_language(args.lang)
    with store.session() as session:
        problems = history_log.verify(session)
    if not problems:
        print(say(INTACT, language))
        return 0
    for problem in problems:
        print(problem.message(language))
    return 1
