"""``main.py history [CONTRACT_NO] [--since DATE] [--csv FILE]``: who changed what, when.

One tab-separated line per change, oldest first: local time, user, action, contract number, and
what changed — in the words of the window's History (``services.history_text``), in the language
of ``--lang`` or the locale: ``保存	2026-021	服务明细 第1行：数量 1 → 2`` / ``Saved	2026-021	Line
items, row 1: Quantity 1 → 2``; line breaks in a value shown as ``\\n``. An entry without
field-level details (moved to the Trash, restored, deleted permanently) is one line with the last
column empty. ``--csv FILE`` writes the entries as stored instead (action codes, field paths, values
as recorded: UTF-8 with BOM, CRLF; ``services.history.write_history_csv``), for machines.
``CONTRACT_NO``: every entry recorded under that number (a contract deleted permanently included)
and every entry of the contract that has it now (under an earlier number too). Exit status 1 for a
contract number never seen (not in the register, the Trash or the history).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.calendar import date_type
from cli.language import cli_language
from cli.messages import cannot_write, fail
from cli.words import META_CONTRACT_NO, META_DATE, META_FILE, say
from services import history as history_log
from services.errors import define
from services.history_text import action_text, change_texts
from services.register import contracts
from services.register.trash import UnknownContractError
from services.store import Store

__all__ = ["HELP", "add_arguments", "history_lines", "run"]

HELP = define("CLI_HELP_HISTORY", "谁在何时改了什么（历史记录），每项改动一行",
              "who changed what and when (the history), one line per change")
HELP_NUMBER = define("CLI_HELP_HISTORY_CONTRACT_NO", "一份合同（默认：全部改动）",
                     "one contract (default: every change)")
HELP_SINCE = define("CLI_HELP_HISTORY_SINCE", "此日期（本地时间）及以后的改动", "changes on or after DATE (local time)")
HELP_CSV = define("CLI_HELP_HISTORY_CSV", "写成 CSV（UTF-8，带 BOM），而不是打印",
                  "write CSV (UTF-8 with BOM) instead of printing")
WRITTEN = define("CLI_HISTORY_WRITTEN", "已将 {count} 条历史记录写入 {path}",
                 "{count} history entries written to {path}")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``CONTRACT_NO`` (optional), ``--since DATE`` (local day, YYYY-MM-DD) and ``--csv FILE``."""
    parser.add_argument("contract_no", metavar=say(META_CONTRACT_NO, language), nargs="?",
                        help=say(HELP_NUMBER, language))
    parser.add_argument("--since", metavar=say(META_DATE, language), type=date_type(language),
                        help=say(HELP_SINCE, language))
    parser.add_argument("--csv", metavar=say(META_FILE, language), type=Path, help=say(HELP_CSV, language))


def history_lines(rows: list[history_log.HistoryRow], language: str = "en") -> list[str]:
    """The printed form of ``rows`` in ``language``: one tab-separated line per change (see the
    module docstring)."""
    lines = []
    for row in rows:
        prefix = "\t".join([row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), row.user,
                            action_text(row.action, language), row.contract_no or "-"])
        changes = change_texts(row, language)
        if not changes:
            lines.append(f"{prefix}\t")
        for change in changes:
            lines.append(f"{prefix}\t" + change.replace("\r", "").replace("\n", "\\n"))  # one line per change
    return lines


def run(store: Store, args: argparse.Namespace) -> int:
    """Print (or with ``--csv`` write) the history; 0, or 1 for an unknown contract number or a
    file that cannot be written (message on stderr)."""
    language = cli_language(args.lang)
    with store.session() as session:
        contract_id = None
        if args.contract_no is not None:
            number = args.contract_no
            contract_id = contracts.find_id(session, number) or contracts.trashed_id(session, number)
            seen = history_log.history(session, contract_no=args.contract_no, limit=1)
            if contract_id is None and not seen:
                return fail(UnknownContractError(args.contract_no), args)
        rows = history_log.history(session, contract_no=args.contract_no, since=args.since)
        if contract_id is not None:  # also its entries under an earlier number
            by_id = {row.id: row for row in history_log.history(session, contract_id=contract_id, since=args.since)}
            rows = sorted({**by_id, **{row.id: row for row in rows}}.values(), key=lambda row: row.id)
    if args.csv is not None:
        try:
            history_log.write_history_csv(rows, args.csv)
        except OSError as exc:
            return fail(cannot_write(args.csv, exc), args)
        print(say(WRITTEN, language, count=len(rows), path=args.csv), file=sys.stderr)
        return 0
    for line in history_lines(rows, language):
        print(line)
    return 0
