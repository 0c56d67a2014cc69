"""A store file at an older schema revision with the contracts of today's code in it: written at head
(through the one writer, so it holds what the writer writes), then downgraded by the migrations'
own ``downgrade()`` to ``revision``. Upgrade tests start from it; writing at the old revision with
today's models would fail on the columns added since."""

from __future__ import annotations

from pathlib import Path

from services.store import alembic_config, current_revision, make_engine


def downgrade_to(path: Path, revision: str) -> None:
    """Downgrade the (closed) store at ``path`` to ``revision`` in one transaction."""
    from alembic import command

    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), revision)
        assert current_revision(engine) == revision
    finally:
        engine.dispose()
