"""``main.py backup [--to FILE]``: a consistent copy of the store (SQLite online backup)."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.language import cli_language
from cli.words import META_FILE, say
from services.backup import backup_now, contract_count
from services.errors import define
from services.store import Store

#: No automatic daily backup before this one: it is a backup.
DAILY_BACKUP = False

HELP = define("CLI_HELP_BACKUP", "备份台账（到台账旁的 backups 文件夹，或 --to 文件）",
              "back the store up (into the backups folder beside it, or --to FILE)")
HELP_TO = define("CLI_HELP_BACKUP_TO", "要写入的文件（默认：台账旁 backups 文件夹中的新文件）",
                 "file to write (default: a new file in the backups folder beside the store)")
BACKED_UP = define("CLI_BACKED_UP", "已将 {count} 份合同备份到 {path}", "backed up {count} contract(s) to {path}")
BACKED_UP_SERVER = define("CLI_BACKED_UP_SERVER", "已将 {location} 的 {count} 份合同备份到 {path}",
                          "backed up {count} contract(s) of {location} to {path}")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``--to FILE``: the backup file to write (must not exist)."""
    parser.add_argument("--to", type=Path, metavar=say(META_FILE, language), help=say(HELP_TO, language))


def run(store: Store, args: argparse.Namespace) -> int:
    """Write the backup and print its path and contract count; 0 (a refusal is a ``StoreError``)."""
    language = cli_language(args.lang)
    made = backup_now(store, args.to)
    if store.on_server:  # a pg_dump archive (services.backup_pg): count in the register itself
        from services.register.contracts import count

        with store.session() as session:
            print(say(BACKED_UP_SERVER, language, count=count(session), location=store.location, path=made))
        return 0
    print(say(BACKED_UP, language, count=contract_count(made), path=made))
    return 0
