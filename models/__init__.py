"""ORM models of the contract register (SQLAlchemy 2, SQLite).

Qt-free: nothing here imports PySide6 or ``ui``.
"""

from models.base import Base, DecimalText, Money
from models.contract import Article, Contract, Installment, LineItem, Party

__all__ = ["Article", "Base", "Contract", "DecimalText", "Installment", "LineItem", "Money", "Party"]
