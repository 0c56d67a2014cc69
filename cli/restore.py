"""``main.py restore FILE``: replace the store's content by a backup's (after backing it up)."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.language import cli_language
from cli.words import META_FILE, say
from services.backup import contract_count, restore
from services.errors import define
from services.register.contracts import count
from services.store import is_server_url, open_store

HELP = define("CLI_HELP_RESTORE", "用备份替换台账内容（先备份当前内容）",
              "replace the store's content by a backup (the current content is backed up first)")
HELP_FILE = define("CLI_HELP_RESTORE_FILE", "要恢复的备份文件", "the backup to restore")
SAFETY = define("CLI_RESTORE_SAFETY", "台账原有内容已备份到 {path}",
                "the store's previous content was backed up to {path}")
RESTORED = define("CLI_RESTORED", "已从 {backup} 恢复 {count} 份合同到 {store}",
                  "restored {count} contract(s) from {backup} into {store}")

#: ``run`` gets the store's path: a damaged store cannot be opened but may be restored.
OPENS_STORE = False


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``FILE``: the backup to restore."""
    parser.add_argument("file", type=Path, metavar=say(META_FILE, language), help=say(HELP_FILE, language))


def run(store_path: Path, args: argparse.Namespace) -> int:
    """Check and restore ``args.file`` into the store; 0 (a refusal is a ``StoreError``)."""
    language = cli_language(args.lang)
    safety = restore(store_path, args.file)
    if safety is not None:
        print(say(SAFETY, language, path=safety))
    if is_server_url(str(store_path)):  # a pg_restore into a server register: count there
        store = open_store(store_path)
        try:
            with store.session() as session:
                restored: int | None = count(session)
        finally:
            store.close()
        print(say(RESTORED, language, count=restored, backup=args.file, store=store.location))
        return 0
    print(say(RESTORED, language, count=contract_count(store_path), backup=args.file, store=store_path))
    return 0
