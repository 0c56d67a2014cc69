"""``main.py verify``: is the history intact and the database sound?

Prints ``history intact, integrity ok`` and exits 0; else one line per problem (``history entry
N: … [CODE]`` or the database's own) and exits 1 (``services.history.verify``). The lines are in
the language of ``--lang`` or the locale (``cli.language``).
"""

from __future__ import annotations

import argparse

from cli.language import cli_language
from services import history as history_log
from services.store import Store

HELP = "check the history's hash chain and the database's integrity; 1 on any problem"
INTACT = {"en": "history intact, integrity ok", "zh_CN": "历史记录完整，数据库完好"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--lang`` beside ``--db``."""
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the messages (default: the locale's)")


def run(store: Store, args: argparse.Namespace) -> int:
    """0 when nothing is wrong, else 1 with one line per problem on stdout."""
    language = cli_language(getattr(args, "lang", None))
    with store.session() as session:
        problems = history_log.verify(session)
    if not problems:
        print(INTACT[language])
        return 0
    for problem in problems:
        print(problem.message(language))
    return 1
