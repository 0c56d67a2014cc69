"""The list at 1,000,000 contracts on PostgreSQL (issue 17): the stored status and 1–2 character words.

* ``list_status_day`` and ``contracts.list_status`` (its column and index ``ix_contracts_list_status_no``
  exist since revision 0017) filled for today: sorting by status walks the index as on SQLite. No
  triggers: the one writer's ``services.register.list_terms.keep`` derives the status of what it
  writes, ``services.register.list_status.refresh`` moves the day (``services.register.list_status``).
* ``contract_grams(text)`` and the GIN index ``ix_contracts_grams`` on ``contract_grams(search_text)``:
  words of 1–2 characters by an index (``services.register.pg_grams``).

PostgreSQL only; nothing on SQLite (revision 0017 made both there).

Revision ID: 0022
Revises: 0020
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from services.register import list_status, pg_grams

    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    list_status.create_pg(bind, dt.date.today())
    pg_grams.create(bind)


def downgrade() -> None:
    from services.register import list_status, pg_grams

    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    pg_grams.drop(bind)
    list_status.drop(bind)
    bind.execute(sa.text("UPDATE contracts SET list_status = NULL"))  # no longer kept
