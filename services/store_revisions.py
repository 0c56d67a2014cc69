"""The schema revisions of a store: the migration scripts' ids (read from their text, so that opening a
current store never imports Alembic), the newest one, a store's own, and Alembic's configuration for
the stores that do need a migration (``services.store``, ``services.store_pg``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # no SQLAlchemy at import: the first screen reads the revision before it (issue 18)
    from alembic.config import Config
    from sqlalchemy import Engine

__all__ = ["MIGRATIONS", "alembic_config", "current_revision", "head_revision", "known_revisions", "revision_graph"]

MIGRATIONS = Path(__file__).resolve().parent.parent / "models" / "migrations"


def alembic_config(connection: object | None = None) -> Config:
    """Alembic's configuration for the migrations in ``MIGRATIONS``, on ``connection`` (or none)."""
    # Alembic (with mako) costs a good part of a second to import: only a store that needs a
    # migration pays it; opening a current store reads the revisions from the scripts' text.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


_REVISION = re.compile(r'^revision\s*(?::\s*str\s*)?=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN = re.compile(r'^down_revision\s*(?::[^=]+)?=\s*(?:["\']([^"\']+)["\']|None)', re.MULTILINE)


@cache
def revision_graph() -> dict[str, str | None]:
    """Revision id -> its down revision, read from the migration scripts' ``revision =`` lines.

    Why not Alembic's ``ScriptDirectory``: importing Alembic takes longer than the rest of
    opening a store; every command and the window's start-up need only these ids.
    ``tests/test_store.py`` checks this graph against Alembic's own.
    """
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision and down:
            graph[revision.group(1)] = down.group(1)
    return graph


def head_revision() -> str:
    """The newest schema revision this version of ContractDesk knows (one head, no branches)."""
    graph = revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    assert len(heads) == 1, f"migration heads: {sorted(heads)}"
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision, or None for a file with no ContractDesk schema."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revisions() -> set[str]:
    """Every schema revision this version of ContractDesk knows (can open or migrate)."""
    return set(revision_graph())
