"""``main.py verify``: is the history intact and the database sound?

Prints ``history intact, integrity ok`` and exits 0; else one line per problem (``history entry
N: …`` or the database's own) and exits 1 (``services.history.verify``).
"""

from __future__ import annotations

import argparse

from services import history as history_log
from services.store import Store

HELP = "check the history's hash chain and the database's integrity; 1 on any problem"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options beyond ``--db``."""


def run(store: Store, args: argparse.Namespace) -> int:
    """0 when nothing is wrong, else 1 with one line per problem on stdout."""
    with store.session() as session:
        problems = history_log.verify(session)
    if not problems:
        print("history intact, integrity ok")
        return 0
    for problem in problems:
        print(problem)
    return 1
