"""Denormalised list columns: counterparty and search_text on contracts.

The contract list sorts by counterparty and filters on number, title and party names over
100,000 contracts; one indexed column each keeps that a single-table query.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contracts") as batch:
        batch.add_column(sa.Column("counterparty", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("search_text", sa.Text, nullable=False, server_default=""))
    # Fill both for stores written by 0001: suppliers' names, and the searchable text,
    # built the same way services.contracts.list_columns() builds them.
    op.execute(
        """
        UPDATE contracts SET
          counterparty = coalesce((SELECT group_concat(name, '、') FROM
              (SELECT name FROM parties p WHERE p.contract_id = contracts.id AND p.role != '甲方'
               ORDER BY p.role_order)), ''),
          search_text = lower(contract_no || ' ' || title || ' ' || coalesce((SELECT group_concat(name, ' ')
              FROM (SELECT name FROM parties p WHERE p.contract_id = contracts.id ORDER BY p.role_order)), ''))
        """
    )
    op.create_index("ix_contracts_counterparty", "contracts", ["counterparty"])


def downgrade() -> None:
    op.drop_index("ix_contracts_counterparty", "contracts")
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("search_text")
        batch.drop_column("counterparty")
