"""ORM models of the contract register (SQLAlchemy 2, SQLite).

Qt-free: nothing here imports PySide6 or ``ui``.
"""

from models.amendments import Amendment, AmendmentChange, Attachment, AttachmentBlob
from models.base import Base, DecimalText, Money
from models.contract import Article, Contract, Installment, LineItem, Party
from models.history import HistoryEntry
from models.obligations import Bond, ContractEvent, DeadlineDone, Holiday, Milestone
from models.overview_figures import OverviewContract, OverviewInstallment, OverviewSum
from models.payments import Payment
from models.penalty import PenaltyCalculation, PenaltyClause

__all__ = [
    "Amendment", "AmendmentChange", "Article", "Attachment", "AttachmentBlob", "Base", "Bond", "Contract",
    "ContractEvent", "DeadlineDone", "DecimalText", "HistoryEntry", "Holiday",
    "Installment", "LineItem", "Milestone", "Money", "OverviewContract", "OverviewInstallment", "OverviewSum",
    "Party", "Payment",
    "PenaltyCalculation", "PenaltyClause",
]
