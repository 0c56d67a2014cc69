"""A safe system of record: contract versions (optimistic concurrency), the Trash
(``deleted_at``/``deleted_by``) and the append-only, hash-chained history with triggers that
refuse UPDATE and DELETE on it.

Contracts already in the store start at version 1, not in the Trash; the history starts empty
(the first entry's ``prev_hash`` is ``""``).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: The append-only guards, also checked by ``services.history.verify``.
TRIGGERS = {
    "history_no_update": "BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END",
    "history_no_delete": "BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END",
}

#: The same guard on PostgreSQL (issue 17): one PL/pgSQL function raising, called by both triggers.
PG_GUARD = """
CREATE OR REPLACE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only';
END $$
"""


def upgrade() -> None:
    op.add_column("contracts", sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.add_column("contracts", sa.Column("deleted_at", sa.DateTime))
    op.add_column("contracts", sa.Column("deleted_by", sa.Text))
    # the Trash is found by index: the list leaves its few ids out without losing its covering sort indexes
    op.create_index("ix_contracts_deleted_at", "contracts", ["deleted_at"])
    op.create_table(
        "history",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user", sa.Text, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("contract_id", sa.Integer),
        sa.Column("contract_no", sa.String(100)),
        sa.Column("contract_version", sa.Integer),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_history"),
        sa.UniqueConstraint("prev_hash", name="uq_history_prev_hash"),
    )
    op.create_index("ix_history_action", "history", ["action"])
    op.create_index("ix_history_contract_id", "history", ["contract_id"])
    op.create_index("ix_history_contract_no", "history", ["contract_no"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_GUARD)
        for name in TRIGGERS:
            event = "UPDATE" if "update" in name else "DELETE"
            op.execute(f"CREATE TRIGGER {name} BEFORE {event} ON history "
                       "FOR EACH ROW EXECUTE FUNCTION history_append_only()")
        return
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (" ON history" if op.get_bind().dialect.name == "postgresql" else ""))
    op.drop_table("history")
    op.drop_index("ix_contracts_deleted_at", "contracts")
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("deleted_by")
        batch.drop_column("deleted_at")
        batch.drop_column("version")
