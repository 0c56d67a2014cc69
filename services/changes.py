"""What a write changed: the one description every writing service makes available and the window announces.

A write (save, delete, restore, import, mark done, record event, penalty saved, holiday table…)
makes a ``Changes`` available — each records its history entry, and ``services.history.changes(session)``
gives the union of the Changes of the writes done in that session; the UI's single writer emits it
as its one store-changed signal, and every view refreshes what it shows of those contracts.
Qt-free: ``ui`` wraps it in a signal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class ChangeKind(StrEnum):
    """What kind of data a write touched; a view reloads only when a kind it shows changed."""

    CONTRACTS = "contracts"  # a contract's header or child rows (list columns included)
    DEADLINES = "deadlines"  # events, done marks, anything that moves a deadline or its state
    PENALTIES = "penalties"  # saved liquidated-damages calculations
    HOLIDAYS = "holidays"  # the working-day schedule (moves every working-day deadline)
    HISTORY = "history"  # the audit log (every write adds to it)
    STORE = "store"  # another store was opened, restored or changed by another process: reload all


@dataclass(frozen=True)
class Changes:
    """The contracts a write touched and the kinds of data it changed.

    ``contract_ids`` empty with ``ChangeKind.STORE`` (or ``HOLIDAYS``) means every contract.
    Combine with ``|``: one user action that does several writes announces their union once.
    """

    contract_ids: frozenset[int] = field(default_factory=frozenset)
    kinds: frozenset[ChangeKind] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *kinds: ChangeKind, ids: Iterable[int] = ()) -> Changes:
        """``Changes.of(ChangeKind.CONTRACTS, ids=[3])``: a shorthand for the frozensets."""
        return cls(frozenset(ids), frozenset(kinds))

    @classmethod
    def everything(cls) -> Changes:
        """The whole store may differ (another store opened, a restore, another process wrote)."""
        return cls(frozenset(), frozenset(ChangeKind))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.contract_ids | other.contract_ids, self.kinds | other.kinds)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def touches(self, contract_id: int) -> bool:
        """True if this change may concern ``contract_id`` (named, or the whole store)."""
        return contract_id in self.contract_ids or ChangeKind.STORE in self.kinds or not self.contract_ids
