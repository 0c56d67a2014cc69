"""Deadlines linked to other rows (``installment:2``, ``milestone:3``, ``bond:1``, ``bond:1:return``,
``bond:1:valid``) and milestones that are a bond's own deadline (issue 13; rules in
``services.calendar.deadlines``).

``Known`` is the mapping of event dates a rule counts from, which answers a link code with that
row's due date, computed when first asked for (a link in a circle has none: it waits).
``link_labels`` words such codes for the texts; ``bond_links`` finds the milestones that describe
a bond's lodging, validity or return (listed once, as the bond's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Protocol

from services.ledger.schema import BOND_KIND_ALIASES
from services.register.contract_data import ContractData

__all__ = ["BOND_EN", "LINK_PREFIXES", "Known", "Overlay", "bond_links", "is_link", "link_labels"]

#: A bond's kind in English (the Chinese: ``BOND_KIND_ALIASES``).
BOND_EN = {"performance": "performance bond", "warranty": "warranty deposit", "bid": "bid bond"}


class _Dated(Protocol):
    """What a link's rule resolves to (``services.calendar.due_dates.Resolved``)."""

    @property
    def due(self) -> dt.date | None: ...


#: Prefixes of the codes that name another row's due date.
LINK_PREFIXES = ("installment:", "milestone:", "bond:")


def is_link(code: str) -> bool:
    """True for a code naming another row's due date (``installment:2``, ``bond:1:return``)."""
    return code.startswith(LINK_PREFIXES)


class Known(Mapping[str, dt.date]):
    """Event dates, and — computed when first asked for — the due dates of the rows a deadline may
    be linked to (``installment:SEQ`` …). A link in a circle has no date (it waits)."""

    def __init__(self, events: Mapping[str, dt.date], links: Mapping[str, Callable[[Mapping[str, dt.date]],
                                                                                 _Dated | None]]) -> None:
        self.events, self.links = events, links
        self._dates: dict[str, dt.date | None] = {}
        self._busy: set[str] = set()

    def _link(self, code: str) -> dt.date | None:
        if code in self._dates:
            return self._dates[code]
        rule = self.links.get(code)
        if rule is None or code in self._busy:
            return None
        self._busy.add(code)
        try:
            resolved = rule(self)
        finally:
            self._busy.discard(code)
        day = resolved.due if resolved is not None else None
        self._dates[code] = day
        return day

    def __getitem__(self, code: str) -> dt.date:
        if code in self.events:
            return self.events[code]
        day = self._link(code) if is_link(code) else None
        if day is None:
            raise KeyError(code)
        return day

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and (code in self.events or (is_link(code) and self._link(code) is not None))

    def __iter__(self) -> Iterator[str]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)


class Overlay(Mapping[str, dt.date]):
    """``base`` with a few more events (a bond's ``valid_until``)."""

    def __init__(self, base: Mapping[str, dt.date], extra: Mapping[str, dt.date]) -> None:
        self.base, self.extra = base, extra

    def __getitem__(self, code: str) -> dt.date:
        return self.extra[code] if code in self.extra else self.base[code]

    def __contains__(self, code: object) -> bool:
        return code in self.extra or code in self.base

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(self.base), **dict.fromkeys(self.extra)})

    def __len__(self) -> int:
        return len(set(self.base) | set(self.extra))




def link_labels(contract: ContractData, codes: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """Words for the linked rows ``codes`` name: ``installment:2`` → 第2期付款「进度款」到期日 / "the due
    date of payment 2 (进度款)"."""
    words: dict[str, tuple[str | None, str | None]] = {}
    installments = {i.seq: i for i in contract.installments}
    milestones = {m.seq: m for m in contract.milestones}
    bonds = {b.seq: b for b in contract.bonds}
    for code in codes:
        kind, _, rest = code.partition(":")
        seq_text, _, part = rest.partition(":")
        if not seq_text.isdigit():
            continue
        seq = int(seq_text)
        if kind == "installment":
            name = installments[seq].name if seq in installments else None
            words[code] = (f"第{seq}期付款" + (f"「{name}」" if name else "") + "到期日",
                           f"the due date of payment {seq}" + (f" ({name})" if name else ""))
        elif kind == "milestone":
            name = milestones[seq].name if seq in milestones else f"{seq}"
            words[code] = (f"履约事项「{name}」到期日", f"the due date of “{name}”")
        elif kind == "bond":
            bond_kind = bonds[seq].kind if seq in bonds else None
            zh = BOND_KIND_ALIASES.get(bond_kind or "", "保证金")
            en = BOND_EN.get(bond_kind or "", "bond")
            words[code] = {"return": (f"{zh}退还期限", f"the return deadline of the {en}"),
                           "valid": (f"{zh}有效期届满", f"the expiry of the {en}")}.get(
                part, (f"{zh}提交期限", f"the lodging deadline of the {en}"))
    return words


_BOND_WORDS = ("保证金", "保函")


def bond_links(contract: ContractData) -> dict[int, str]:
    """Milestone seq → the bond deadline key it is the same obligation as (module docstring)."""
    found: dict[int, str] = {}
    for m in contract.milestones:
        if m.recurrence:
            continue
        after = (m.due_after or "").strip()
        if after.startswith("bond:") and not m.due_offset and m.due_date is None:
            _prefix, _, rest = after.partition(":")
            seq_text, _, part = rest.partition(":")
            if seq_text.isdigit() and part in ("", "return", "valid"):
                found[m.seq] = f"bond:{seq_text}:{part or 'lodge'}"
            continue
        if not any(word in m.name for word in _BOND_WORDS):
            continue
        rule = (m.due_date, m.due_after, m.due_offset, m.due_unit)
        for bond in contract.bonds:
            if (bond.due_date, bond.due_after, bond.due_offset, bond.due_unit) == rule and "有效期" not in m.name:
                found[m.seq] = f"bond:{bond.seq}:lodge"
                break
            if m.due_date is not None and m.due_date == bond.valid_until and "有效期" in m.name:
                found[m.seq] = f"bond:{bond.seq}:valid"
                break
    return found


