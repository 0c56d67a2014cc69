"""Milestones, bonds, recorded events, done marks and the holiday schedule; penalty clauses
and saved penalty calculations (the ledger's remaining tables).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _contract_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["contract_id"], ["contracts.id"], ondelete="CASCADE", name=f"fk_{table}_contract_id_contracts"
    )


def _due_columns() -> list[sa.Column]:
    return [
        sa.Column("due_date", sa.Date),
        sa.Column("due_after", sa.String(200)),
        sa.Column("due_offset", sa.Integer),
        sa.Column("due_unit", sa.String(20)),
    ]


def upgrade() -> None:
    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20)),
        sa.Column("responsible_role", sa.String(10)),
        *_due_columns(),
        sa.Column("recurrence", sa.String(200)),
        sa.Column("done_date", sa.Date),
        sa.Column("note", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_milestones"),
        _contract_fk("milestones"),
        sa.UniqueConstraint("contract_id", "seq", name="uq_milestones_contract_id"),
    )
    op.create_index("ix_milestones_contract_id", "milestones", ["contract_id"])
    op.create_table(
        "bonds",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20)),
        sa.Column("form", sa.Text),
        sa.Column("percent", sa.String(40)),
        sa.Column("amount", sa.Integer),
        *_due_columns(),
        sa.Column("valid_until", sa.Date),
        sa.Column("lodged_date", sa.Date),
        sa.Column("returned_date", sa.Date),
        sa.Column("note", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_bonds"),
        _contract_fk("bonds"),
        sa.UniqueConstraint("contract_id", "seq", name="uq_bonds_contract_id"),
    )
    op.create_index("ix_bonds_contract_id", "bonds", ["contract_id"])
    op.create_table(
        "contract_events",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("event_date", sa.Date, nullable=False),
        sa.Column("note", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_contract_events"),
        _contract_fk("contract_events"),
        sa.UniqueConstraint("contract_id", "name", name="uq_contract_events_contract_id"),
    )
    op.create_index("ix_contract_events_contract_id", "contract_events", ["contract_id"])
    op.create_table(
        "deadline_done",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("done_date", sa.Date, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_deadline_done"),
        _contract_fk("deadline_done"),
        sa.UniqueConstraint("contract_id", "key", name="uq_deadline_done_contract_id"),
    )
    op.create_index("ix_deadline_done_contract_id", "deadline_done", ["contract_id"])
    op.create_table(
        "holidays",
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("is_working_day", sa.Boolean, nullable=False),
        sa.Column("name", sa.Text),
        sa.PrimaryKeyConstraint("day", name="pk_holidays"),
    )
    op.create_table(
        "penalty_clauses",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("clause_ref", sa.String(100), nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("payer_role", sa.String(10)),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("rate", sa.String(40)),
        sa.Column("base", sa.String(40)),
        sa.Column("amount", sa.Integer),
        sa.Column("cap_rate", sa.String(40)),
        sa.Column("cap_base", sa.String(40)),
        sa.Column("cap_amount", sa.Integer),
        sa.Column("day_count", sa.String(20)),
        sa.Column("part_day", sa.String(20)),
        sa.Column("terminate_after_days", sa.Integer),
        sa.Column("text", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_penalty_clauses"),
        _contract_fk("penalty_clauses"),
        sa.UniqueConstraint("contract_id", "clause_ref", name="uq_penalty_clauses_contract_id"),
    )
    op.create_index("ix_penalty_clauses_contract_id", "penalty_clauses", ["contract_id"])
    op.create_table(
        "penalty_calculations",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("clause_ref", sa.String(100)),
        sa.Column("calculated_at", sa.DateTime, nullable=False),
        sa.Column("calculated_by", sa.Text),
        sa.Column("inputs", sa.Text, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("working", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_penalty_calculations"),
        _contract_fk("penalty_calculations"),
    )
    op.create_index("ix_penalty_calculations_contract_id", "penalty_calculations", ["contract_id"])


def downgrade() -> None:
    for table in ("penalty_calculations", "penalty_clauses", "holidays", "deadline_done", "contract_events",
                  "bonds", "milestones"):
        op.drop_table(table)
