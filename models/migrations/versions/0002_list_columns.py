"""Denormalised list columns on contracts: counterparty, search_text, next_due; sort indexes.

The contract list sorts by counterparty and next due date and filters on number, title and
party names over 100,000 contracts; a column each keeps that a single-table query, and an
index per sort key (with the contract number as tie-breaker) spares SQLite a full sort.

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
        batch.add_column(sa.Column("next_due", sa.Date))
    # Fill them for stores written by 0001 the way services.register.contracts.refresh_list_columns()
    # does: suppliers' names, the searchable text, the earliest unpaid fixed due date.
    if op.get_bind().dialect.name == "sqlite":  # a new PostgreSQL register has no rows to fill
        op.execute(
            """
            UPDATE contracts SET
              counterparty = coalesce((SELECT group_concat(name, '、') FROM
                  (SELECT name FROM parties p WHERE p.contract_id = contracts.id AND p.role != '甲方'
                   ORDER BY p.role_order)), ''),
              search_text = lower(contract_no || ' ' || title || ' ' || coalesce((SELECT group_concat(name, ' ')
                  FROM (SELECT name FROM parties p WHERE p.contract_id = contracts.id ORDER BY p.role_order)), '')),
              next_due = (SELECT min(due_date) FROM installments i
                  WHERE i.contract_id = contracts.id AND i.paid_date IS NULL)
            """
        )
    for name, column in (("title", "title"), ("counterparty", "counterparty"), ("total", "total_amount"),
                         ("start", "start_date"), ("next_due", "next_due")):
        op.create_index(f"ix_contracts_{name}_no", "contracts", [column, "contract_no"])


def downgrade() -> None:
    for name in ("title", "counterparty", "total", "start", "next_due"):
        op.drop_index(f"ix_contracts_{name}_no", "contracts")
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("next_due")
        batch.drop_column("search_text")
        batch.drop_column("counterparty")
