"""Declarative base and the exact column types used for money and decimals.

Money is stored as integer fen (分); unit prices, quantities and percents as exact decimal
text. Neither ever passes through a binary float.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

#: One fen (分), 0.01 元. The money API is services.money, which re-exports this constant: it is
#: defined here, beside the Money column type, because models/ sits below services/ and must not import it.
FEN = Decimal("0.01")

# Stable constraint names so Alembic batch migrations on SQLite can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base of every ContractDesk table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    if TYPE_CHECKING:
        # SQLAlchemy types ``__table__`` as any FromClause (a model may map a join or a select);
        # every model here maps one Table, so ``Model.__table__`` can be updated and has ``.c``.
        __table__: ClassVar[Table]


class Money(TypeDecorator[Decimal]):
    """An amount in yuan (元) held as ``Decimal`` in Python and integer fen in SQLite.

    Binding a value with more than two decimals raises ``ValueError``: rounding is the
    caller's decision (half up, once, at the end), never the store's.
    """

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: object) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"money must be Decimal, got {type(value).__name__}")
        fen = value * 100
        if fen != fen.to_integral_value():
            raise ValueError(f"money {value} has more than two decimals")
        return int(fen)

    def process_result_value(self, value: int | None, dialect: object) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(value) / 100).quantize(FEN)


class DecimalText(TypeDecorator[Decimal]):
    """An exact decimal (unit price, quantity, percent) stored as its shortest text."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: object) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"decimal must be Decimal, got {type(value).__name__}")
        return decimal_text(value)

    def process_result_value(self, value: str | None, dialect: object) -> Decimal | None:
        return None if value is None else Decimal(value)


def decimal_text(value: Decimal) -> str:
    """Shortest exact plain text of ``value``: ``Decimal('0.150')`` → ``'0.15'``, 1E+3 → ``'1000'``."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text
