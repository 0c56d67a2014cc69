"""Each contract's overdue and due-soon deadline counts, held compactly (issue 18: memory).

The window's start-up notice needs the register's totals, and after a change to a few contracts it
recounts those and replaces their counts, so the counts are kept per contract. A ``dict`` of
``(overdue, soon)`` tuples costs about 150 bytes a contract (the key, the tuple, the table slot): some
10 MB at 100,000 contracts, most of them with a deadline due. ``DueCounts`` keeps three arrays in id
order instead — 16 bytes a contract — and the totals. Qt-free.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator

__all__ = ["DueCounts"]


class DueCounts:
    """contract id → (overdue, due soon) deadline counts, for the contracts that have any.

    ``add`` takes the contracts in increasing id order (as the agenda reads them), or any order at a
    cost of a move of the later entries each. Counts are whole numbers ≥ 0; a contract whose counts are
    both 0 is not held."""

    def __init__(self) -> None:
        self._ids = array("q")
        self._overdue = array("I")
        self._soon = array("I")
        self._totals = [0, 0]

    def add(self, contract_id: int, overdue: int, soon: int) -> None:
        """Hold ``contract_id``'s counts (replacing any it had); nothing is held for (0, 0)."""
        self.remove(contract_id)
        if not (overdue or soon):
            return
        at = len(self._ids)
        if at and self._ids[-1] > contract_id:
            at = bisect_left(self._ids, contract_id)
        self._ids.insert(at, contract_id)
        self._overdue.insert(at, overdue)
        self._soon.insert(at, soon)
        self._totals[0] += overdue
        self._totals[1] += soon

    def remove(self, contract_id: int) -> None:
        """Forget ``contract_id``'s counts (nothing if none are held)."""
        at = bisect_left(self._ids, contract_id)
        if at < len(self._ids) and self._ids[at] == contract_id:
            self._totals[0] -= self._overdue.pop(at)
            self._totals[1] -= self._soon.pop(at)
            del self._ids[at]

    def replace(self, contract_ids: Iterable[int], fresh: DueCounts) -> None:
        """The counts of ``contract_ids`` recounted: theirs dropped, ``fresh``'s (of those contracts) held."""
        for contract_id in contract_ids:
            self.remove(contract_id)
        for contract_id, (overdue, soon) in fresh.items():
            self.add(contract_id, overdue, soon)

    def get(self, contract_id: int) -> tuple[int, int]:
        """(overdue, due soon) of ``contract_id``; (0, 0) when none is held."""
        at = bisect_left(self._ids, contract_id)
        if at < len(self._ids) and self._ids[at] == contract_id:
            return self._overdue[at], self._soon[at]
        return 0, 0

    def totals(self) -> tuple[int, int]:
        """(overdue, due soon) summed over the register."""
        return self._totals[0], self._totals[1]

    def items(self) -> Iterator[tuple[int, tuple[int, int]]]:
        """(contract id, (overdue, due soon)) in id order."""
        for at, contract_id in enumerate(self._ids):
            yield contract_id, (self._overdue[at], self._soon[at])

    def __len__(self) -> int:
        """How many contracts have a count."""
        return len(self._ids)

    def __repr__(self) -> str:
        return f"DueCounts({len(self)} contracts, totals {self.totals()})"
