"""``main.py list``: one tab-separated line per contract (number, total, status, term, title),
written by ``cli.list_lines.list_lines`` in the run's language (the quick path prints the same)."""

from __future__ import annotations

import argparse

from cli.language import cli_language
from cli.list_lines import list_lines
from services.errors import define
from services.register import listing
from services.store import Store

HELP = define("CLI_HELP_LIST", "列出合同（编号、总额、状态、期限、名称，以制表符分隔）",
              "list the contracts (number, total, status, term, title; tab-separated)")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """No options beyond ``--db`` and ``--lang``."""


def run(store: Store, args: argparse.Namespace) -> int:
    """Print the register in the list's default order, each contract under the terms in force today
    (as the window's list shows it, not a pending amendment's); 0."""
    language = cli_language(args.lang)
    query = listing.ListQuery()
    with store.session() as session:
        rows = listing.page(session, query, 0, listing.count(session, query))
    for line in list_lines(rows, language):
        print(line)
    return 0
