"""The contract register: contracts, parties, line items, installments, articles.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contracts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_no", sa.String(100), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("procurement_no", sa.String(200)),
        sa.Column("status", sa.String(20)),
        sa.Column("sign_date", sa.Date),
        sa.Column("sign_place", sa.Text),
        sa.Column("effective_date", sa.Date),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("total_amount", sa.Integer, nullable=False),
        sa.Column("total_in_words", sa.Text),
        sa.Column("tax_rate", sa.String(40)),
        sa.Column("amount_excl_tax", sa.Integer),
        sa.Column("notes", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_contracts"),
        sa.UniqueConstraint("contract_no", name="uq_contracts_contract_no"),
    )
    op.create_table(
        "parties",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("role_order", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("legal_rep", sa.Text),
        sa.Column("address", sa.Text),
        sa.Column("contact", sa.Text),
        sa.Column("phone", sa.Text),
        sa.Column("email", sa.Text),
        sa.Column("tax_id", sa.String(40)),
        sa.Column("bank", sa.Text),
        sa.Column("account", sa.Text),
        sa.Column("share_amount", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_parties"),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], ondelete="CASCADE", name="fk_parties_contract_id_contracts"
        ),
        sa.UniqueConstraint("contract_id", "role", name="uq_parties_contract_id"),
    )
    op.create_index("ix_parties_contract_id", "parties", ["contract_id"])
    op.create_table(
        "line_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("unit", sa.String(40)),
        sa.Column("unit_price", sa.String(40)),
        sa.Column("quantity", sa.String(40)),
        sa.Column("periods", sa.Integer),
        sa.Column("amount", sa.Integer),
        sa.Column("party_role", sa.String(10)),
        sa.Column("note", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_line_items"),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], ondelete="CASCADE", name="fk_line_items_contract_id_contracts"
        ),
        sa.UniqueConstraint("contract_id", "seq", name="uq_line_items_contract_id"),
    )
    op.create_index("ix_line_items_contract_id", "line_items", ["contract_id"])
    op.create_table(
        "installments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("payee_role", sa.String(10)),
        sa.Column("percent", sa.String(40)),
        sa.Column("amount", sa.Integer),
        sa.Column("due_date", sa.Date),
        sa.Column("due_after", sa.String(200)),
        sa.Column("due_offset", sa.Integer),
        sa.Column("due_unit", sa.String(20)),
        sa.Column("condition", sa.Text),
        sa.Column("paid_date", sa.Date),
        sa.Column("paid_amount", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_installments"),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], ondelete="CASCADE", name="fk_installments_contract_id_contracts"
        ),
        sa.UniqueConstraint("contract_id", "seq", name="uq_installments_contract_id"),
    )
    op.create_index("ix_installments_contract_due", "installments", ["contract_id", "due_date"])
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("heading", sa.Text),
        sa.Column("body", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], ondelete="CASCADE", name="fk_articles_contract_id_contracts"
        ),
        sa.UniqueConstraint("contract_id", "seq", name="uq_articles_contract_id"),
    )
    op.create_index("ix_articles_contract_id", "articles", ["contract_id"])


def downgrade() -> None:
    for table in ("articles", "installments", "line_items", "parties", "contracts"):
        op.drop_table(table)
