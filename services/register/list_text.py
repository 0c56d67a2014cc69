"""The list's text columns of a contract: its suppliers (counterparty) and its search text.

Kept apart from ``services.register.contracts`` (which re-exports ``list_columns``) so that
``services.register.list_terms`` derives them for the terms in force without importing the register.
"""

from __future__ import annotations

from models.contract import ROLES
from services.register.contract_data import PartyData

__all__ = ["list_columns"]


def list_columns(parties: list[PartyData], contract_no: str, title: str) -> tuple[str, str]:
    """(counterparty, search_text) kept on the contract row for the list.

    counterparty: the suppliers' names joined with 、; search_text: number, title and all party
    names, lower-cased. Migration 0002 fills both the same way for older stores.
    """
    ordered = sorted(parties, key=lambda p: ROLES.index(p.role) if p.role in ROLES else 99)
    counterparty = "、".join(p.name for p in ordered if p.role != "甲方")
    search = " ".join([contract_no, title, *(p.name for p in ordered)]).lower()
    return counterparty, search
