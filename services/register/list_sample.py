"""Every ``STRIDE``-th entry of the list's order, for a far jump without a long ``OFFSET`` (issue 17, SQLite).

Why: a jump to the middle of an unfiltered list of 1,000,000 contracts (the scroll bar dragged down,
no cached block near) found the row before the page by ``OFFSET`` over the sort key's index
(``services.register.listing``): no row is read, but SQLite steps through every entry before it —
0.7 s at 500,000 on a loaded machine. A *sample* of the order — the (sort key, contract number) at
every ``STRIDE``-th position of the index, Trash included, as the ``OFFSET`` counts them — turns that
into a seek to the nearest sample entry (``(key, contract_no) > (v, n)``, ``services.register.list_seek``)
and an ``OFFSET`` of fewer than ``STRIDE`` entries.

The sample is taken off the GUI thread (the list model asks the store's worker, ``ui.tasks``) by
``walk``: one short seek per entry, each ``LIMIT 1 OFFSET STRIDE - 1`` after the previous entry —
the cost of one ``OFFSET`` over the whole index, in steps that a newer request can interrupt
(``cancelled``). It holds for one state of the store: ``walk`` notes the store's state before and
after and keeps the sample only when the two agree, and a jump uses it only while the state is still
that one after its statements have run (``services.register.listing.page``); after any commit the
list falls back to ``OFFSET`` until a new sample is taken. The state of an SQLite file is its change
counter (``services.store.data_version``: any other connection's commit moves it); on PostgreSQL
(where the same 0.1–0.3 s ``OFFSET`` over an index was the far jump) it is the server's snapshot
(``server_state``): any transaction that commits or starts writing anywhere on the server changes it
— more often than the register changes, never less. Qt-free.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, Text, func, select, true
from sqlalchemy.orm import Session

from models.contract import Contract
from services.register import list_seek

__all__ = ["SAMPLE_MIN", "STRIDE", "Sample", "forget", "lookup", "row_at", "server_state", "state", "taken", "walk"]

#: Positions between two sample entries: a jump skips fewer than this many index entries (~1.5 µs
#: each on a loaded 2-core machine: < 7 ms), and the sample of 1,000,000 rows holds 245 entries.
STRIDE = 4096
#: Lists of at least this many contracts are sampled (below, the ``OFFSET`` to the middle of the list
#: costs tens of milliseconds: the 10k and 100k lists keep their plan).
SAMPLE_MIN = 200_000


@dataclass(frozen=True)
class Sample:
    """The order's entries at positions ``0, stride, 2 * stride, …`` (every row of the table counted,
    Trash included), as ``(sort key value, contract number)``; ``version``: the store's change counter
    they hold for; ``total``: the rows counted."""

    version: Hashable
    stride: int
    entries: tuple[tuple[Any, str], ...]
    total: int


#: Engine -> {the order's key (``services.register.listing``): its sample}. Written by the worker,
#: read by the GUI thread (one assignment each, under the lock).
_SAMPLES: weakref.WeakKeyDictionary[Engine, dict[Hashable, Sample]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()
#: Orders kept per store (each sample is a few kB; the oldest is dropped past this).
_KEPT = 16


def lookup(engine: Engine, order: Hashable, version: Hashable) -> Sample | None:
    """The sample of ``order`` taken at change counter ``version``; None when there is none or only
    one of another state of the store."""
    with _LOCK:
        sample = _SAMPLES.get(engine, {}).get(order)
    return sample if sample is not None and sample.version == version else None


def taken(engine: Engine, order: Hashable) -> bool:
    """True when a sample of ``order`` is kept, for whatever state of the store (no state asked)."""
    with _LOCK:
        return order in _SAMPLES.get(engine, {})


def forget(engine: Engine) -> None:
    """Drop every sample of ``engine`` (tests)."""
    with _LOCK:
        _SAMPLES.pop(engine, None)


def _keep(engine: Engine, order: Hashable, sample: Sample) -> None:
    with _LOCK:
        kept = _SAMPLES.setdefault(engine, {})
        kept.pop(order, None)
        if len(kept) >= _KEPT:
            kept.pop(next(iter(kept)))
        kept[order] = sample


def walk(session: Session, order: Hashable, key: ColumnElement[Any], *, descending: bool, nullable: bool,
         version: Callable[[], Hashable], cancelled: Callable[[], bool] = lambda: False,
         stride: int | None = None) -> Sample | None:
    """Sample the order (``key`` in ``descending`` order, NULL keys last when ``nullable``, ties by
    contract number: ``list_seek.order_by``) of every contract, keep it for ``order`` and return it.
    ``key`` must be a column with an index on (key, contract_no) — else each step sorts the table.
    ``version()``: the store's change counter; None (nothing kept) when it moved during the walk or
    ``cancelled()`` turned true between two steps. ``stride``: ``STRIDE`` unless given."""
    stride = STRIDE if stride is None else stride
    before = version()
    entries: list[tuple[Any, str]] = []
    order_by = list_seek.order_by(key, descending=descending, nullable=nullable, split=True)
    position = 0  # rows of the order before the cursor (the last entry found, or the part's start)
    for part in list_seek.start_parts(key, nullable=nullable) or [true()]:
        anchor: ColumnElement[bool] = true()
        while True:
            if cancelled():
                return None
            need = -position % stride  # rows to pass before the next multiple of ``stride``
            found = session.execute(select(key, Contract.contract_no).where(part, anchor).order_by(*order_by)
                                    .limit(1).offset(need)).first()
            if found is None:  # the part ends within ``need`` rows: count them, go on with the next part
                position += _bounded_count(session, [part, anchor], order_by, need)
                break
            value, number = found
            entries.append((value, number))
            position += need + 1
            anchor = list_seek.after_parts(key, value, number, descending=descending, nullable=nullable)[0]
    if version() != before:
        return None
    sample = Sample(version=before, stride=stride, entries=tuple(entries), total=position)
    _keep(session.get_bind().engine, order, sample)
    return sample


def row_at(session: Session, key: ColumnElement[Any], sample: Sample, position: int, *, descending: bool,
           nullable: bool) -> tuple[Any, str] | None:
    """``(key value, contract number)`` of the row at ``position`` of the order (every row counted,
    Trash included, as ``sample``'s), found from the nearest sample entry at or before it: a seek and
    an ``OFFSET`` of fewer than ``sample.stride`` entries. None past the end."""
    if not 0 <= position < sample.total or not sample.entries:
        return None
    index = min(position // sample.stride, len(sample.entries) - 1)
    value, number = sample.entries[index]
    need = position - index * sample.stride - 1  # rows after the entry to pass
    if need < 0:
        return value, number
    order_by = list_seek.order_by(key, descending=descending, nullable=nullable, split=True)
    for part in list_seek.after_parts(key, value, number, descending=descending, nullable=nullable):
        found = session.execute(select(key, Contract.contract_no).where(part).order_by(*order_by)
                                .limit(1).offset(need)).first()
        if found is not None:
            return found[0], found[1]
        need -= _bounded_count(session, [part], order_by, need)
    return None


def _bounded_count(session: Session, conditions: list[ColumnElement[bool]], order_by: list[ColumnElement[Any]],
                   cap: int) -> int:
    """How many rows meet ``conditions``, counted up to ``cap`` (walking the index in the order)."""
    if cap <= 0:
        return 0
    rows = select(Contract.id).where(*conditions).order_by(*order_by).limit(cap).subquery()
    return int(session.scalar(select(func.count()).select_from(rows)) or 0)


def state(session: Session, version: Callable[[], Hashable]) -> Callable[[], Hashable]:
    """The store's state for a sample: ``version`` (an SQLite file's change counter), on PostgreSQL the
    server's snapshot (``server_state``; ``version`` is not asked)."""
    if session.get_bind().dialect.name == "postgresql":
        return lambda: server_state(session)
    return version


def server_state(session: Session) -> str:
    """PostgreSQL's current snapshot (``xmin:xmax:running xids``) as text: equal twice only when no
    transaction has committed, aborted or taken a transaction id in between, on any database of the
    server (a stricter test than the history's newest id: a writer that began earlier may commit a
    smaller id later)."""
    return str(session.execute(select(func.pg_current_snapshot().cast(Text))).scalar())
