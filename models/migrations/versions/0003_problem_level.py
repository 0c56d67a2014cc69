"""Stored outcome of the contract checks: contracts.problem_level (0 none, 1 warnings, 2 errors).

The list shows an icon on contracts with problems and filters on them over 100,000
contracts, so the level is a column kept by ``services.register.contracts.refresh_list_columns`` on
every save and import, like counterparty and next_due.

Existing rows get NULL, meaning "not checked yet". The checks are Python
(``services.checks.contract``), over the whole contract; a migration must not run them through the
ORM models, which describe the newest schema, not this revision's. So ``services.store.open_store``
fills the NULL levels right after upgrading a store to head
(``services.checks.run.refresh_problem_levels``). A later revision whose checks change can set
the column back to NULL to have every contract checked again.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contracts") as batch:
        batch.add_column(sa.Column("problem_level", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("problem_level")
