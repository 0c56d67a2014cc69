"""The overview's (总览) figures kept per contract and per installment (issue 15, revision 0019).

Computing the overview from the contracts, installments and payments on every opening cannot be
fast at 100,000 contracts (bench/bench_overview.py: even one plain query per table takes over a
second), so the one writer keeps what the overview sums: ``services.payments.overview_keep``
rewrites a contract's rows in the transaction of every write that touches it, and the overview
(``services.payments.overview_kept``) sums these short rows, taking everything that depends on
the day (overdue, ageing, due within 30/90 days, the next 12 months, the derived status) from the
stored dates at query time. Only contracts outside the Trash have rows. Amounts in integer fen.
Revision 0021 adds ``OverviewSum``: the kept installments summed by due date and the keys of a
filter without a supplier, so that a broad year or status filter sums a few rows per date.

The tables' names start with ``payment`` so that the finance role, which records payments on a
server, may write them (``services.store_roles.is_payment_table``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.obligations import Bond


class OverviewContract(Base):
    """One contract outside the Trash as the overview counts it: its filter keys (``sign_date``,
    ``sign_year``, ``end_date``, stored ``status``, ``supplier`` = the list's counterparty column),
    ``value_fen`` (total), ``payments_fen`` (all its payments), and over its installments
    ``due_fen`` (stated amounts, else percent × total rounded half up), ``paid_fen``,
    ``out_fen`` (outstanding, each installment's max(due − paid, 0)) and ``n`` (how many)."""

    __tablename__ = "payment_overview_contracts"
    __table_args__ = (
        # Every statement on the contracts reads this index alone: grouped by year and supplier, filtered.
        Index("ix_payment_overview_contracts_groups", "sign_year", "supplier", "status", "end_date", "value_fen",
              "due_fen", "paid_fen", "out_fen", "n", "payments_fen"),
    )

    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), primary_key=True)
    sign_date: Mapped[dt.date | None] = mapped_column(Date)
    sign_year: Mapped[int | None] = mapped_column(Integer)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String(20))
    supplier: Mapped[str | None] = mapped_column(Text)
    value_fen: Mapped[int | None] = mapped_column(BigInteger)
    payments_fen: Mapped[int] = mapped_column(BigInteger)
    due_fen: Mapped[int] = mapped_column(BigInteger)
    paid_fen: Mapped[int] = mapped_column(BigInteger)
    out_fen: Mapped[int] = mapped_column(BigInteger)
    n: Mapped[int] = mapped_column(Integer)


#: The bonds lodged and not yet returned, by contract: the overview's "bonds held" reads these alone.
_HELD = "lodged_date IS NOT NULL AND returned_date IS NULL"
#: The partial indexes' predicates. Only the SQLite half is declared here: a ``postgresql_where`` would
#: load SQLAlchemy's whole PostgreSQL dialect (some 2 MB, with its drivers' modules) at every start, on
#: SQLite too (issue 18). A server register gets the same predicates from migration 0019, which creates
#: both halves; ``tests/test_store.py::test_partial_indexes_are_the_models_on_both_stores`` compares them.
PARTIAL_INDEXES = {"ix_bonds_held": _HELD, "ix_payment_overview_installments_open": "out_fen > 0"}
HELD_BONDS = Index("ix_bonds_held", Bond.contract_id, sqlite_where=text(_HELD))


class OverviewInstallment(Base):
    """One installment of a contract outside the Trash: its resolved ``due_date`` (None while its
    event has no date), ``due_fen`` (None: not measurable), ``paid_fen``, ``out_fen`` and its
    contract's ``sign_year``, ``supplier``, stored ``status`` and ``end_date`` (the overdue amounts by
year of signing and supplier; a filter without a supplier read from the installments alone)."""

    __tablename__ = "payment_overview_installments"
    __table_args__ = (
        Index("ix_payment_overview_installments_due", "due_date", "due_fen", "paid_fen", "out_fen", "sign_year",
              "status", "end_date"),
        Index("ix_payment_overview_installments_open", "sign_year", "supplier", "due_date", "out_fen", "status",
              "end_date", sqlite_where=text(PARTIAL_INDEXES["ix_payment_overview_installments_open"])),
        # SQLite: the rows clustered by contract (a filter reads each chosen contract's rows in one place).
        {"sqlite_with_rowid": False},
    )

    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    due_fen: Mapped[int | None] = mapped_column(BigInteger)
    paid_fen: Mapped[int] = mapped_column(BigInteger)
    out_fen: Mapped[int] = mapped_column(BigInteger)
    sign_year: Mapped[int | None] = mapped_column(Integer)
    supplier: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(20))
    end_date: Mapped[dt.date | None] = mapped_column(Date)


class OverviewSum(Base):
    """The kept installments summed by due date and the keys a filter without a supplier needs
    (revision 0021): ``due_date`` (None: no date yet), ``sign_year``, stored ``status`` and
    ``end_date`` of their contracts — so a year or status filter, however many contracts it
    matches, sums a few rows per due date instead of every installment. The derived status
    (completed when ``end_date`` is before the day) is still taken at query time from ``end_date``:
    nothing here depends on the day. Sums in fen: ``due_fen``, ``paid_fen``, ``out_fen``, ``n``
    (installments), and the same over those not fully paid (``open_*``). The writer rewrites every
    group of a due date its write touched (``services.payments.overview_keep``)."""

    __tablename__ = "payment_overview_sums"
    __table_args__ = (
        Index("ix_payment_overview_sums_due", "due_date", "sign_year", "status", "end_date", "due_fen", "paid_fen",
              "out_fen", "n", "open_due_fen", "open_paid_fen", "open_n"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    sign_year: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str | None] = mapped_column(String(20))
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    due_fen: Mapped[int | None] = mapped_column(BigInteger)
    paid_fen: Mapped[int] = mapped_column(BigInteger)
    out_fen: Mapped[int] = mapped_column(BigInteger)
    n: Mapped[int] = mapped_column(Integer)
    open_due_fen: Mapped[int] = mapped_column(BigInteger)
    open_paid_fen: Mapped[int] = mapped_column(BigInteger)
    open_n: Mapped[int] = mapped_column(Integer)
