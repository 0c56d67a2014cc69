"""Supplementary agreements (补充协议) and attachments (附件) (issue 16).

amendments (contract, amendment_no, sign/effective dates, position, text), amendment_changes
(one change each, in the ledger's ``amendments.csv`` form), attachment_blobs (a file's bytes by
SHA-256, stored once inside the store so a backup holds them) and attachments (a file kept with
a contract). ``models.amendments`` describes them.

Revision ID: 0014
Revises: 0011 (to be re-chained by the integrator)
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "amendments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_id", sa.Integer,
                  sa.ForeignKey("contracts.id", ondelete="CASCADE", name="fk_amendments_contract_id_contracts"),
                  nullable=False),
        sa.Column("amendment_no", sa.String(200), nullable=False),
        sa.Column("sign_date", sa.Date, nullable=False),
        sa.Column("effective_date", sa.Date, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_amendments"),
        sa.UniqueConstraint("contract_id", "amendment_no", name="uq_amendments_contract_id"),
    )
    op.create_index("ix_amendments_contract_id", "amendments", ["contract_id"])
    op.create_table(
        "amendment_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("amendment_id", sa.Integer,
                  sa.ForeignKey("amendments.id", ondelete="CASCADE",
                                name="fk_amendment_changes_amendment_id_amendments"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("target", sa.String(40), nullable=False),
        sa.Column("target_key", sa.String(200)),
        sa.Column("field", sa.String(60)),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("text", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_amendment_changes"),
        sa.UniqueConstraint("amendment_id", "seq", name="uq_amendment_changes_amendment_id"),
    )
    op.create_index("ix_amendment_changes_amendment_id", "amendment_changes", ["amendment_id"])
    op.create_table(
        "attachment_blobs",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_attachment_blobs"),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_id", sa.Integer,
                  sa.ForeignKey("contracts.id", ondelete="CASCADE", name="fk_attachments_contract_id_contracts"),
                  nullable=False),
        sa.Column("sha256", sa.String(64),
                  sa.ForeignKey("attachment_blobs.sha256", name="fk_attachments_sha256_attachment_blobs"),
                  nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("added_date", sa.Date),
        sa.Column("note", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
        sa.UniqueConstraint("contract_id", "sha256", name="uq_attachments_contract_id"),
    )
    op.create_index("ix_attachments_contract_id", "attachments", ["contract_id"])
    op.create_index("ix_attachments_sha256", "attachments", ["sha256"])


def downgrade() -> None:
    op.drop_table("attachments")
    op.drop_table("attachment_blobs")
    op.drop_table("amendment_changes")
    op.drop_table("amendments")
