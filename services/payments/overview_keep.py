"""The one writer keeps the overview's figures (issue 15): ``keep_figures`` rewrites the rows of
``models.overview_figures`` for some contracts (or all), set-based, from the contracts, their
installments (stated amount or percent, ``paid_amount``, ``resolved_due_date``) and payments —
the same SQL expressions the overview computed from scratch (``services.payments.overview_sql``).

Every write records its history entry, whose ``Changes`` name the contracts it touched
(``services.history.changes``). ``install`` makes every session of a store, just before it
commits, keep the figures of those contracts — so a contract saved, a payment recorded or
removed, an event recorded, an amendment, the Trash and back, a ledger import, a purge all keep
them in their own transaction, whatever path wrote. A write that names no contract (the holiday
table: every resolved due date may move; another store copied in) keeps every contract's.
The upgrade to revision 0019 computes them for an existing store. Nothing kept depends on the
day: the overview reads overdue, ageing, due-within and status from the stored dates.
Qt-free.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, bindparam, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from services import history
from services.changes import ChangeKind
from services.payments.overview_sql import due_fen, sign_year
from services.store_sql import Dialect, dialect

__all__ = ["CONTRACTS", "INSTALLMENTS", "SUMS", "install", "keep_changed", "keep_figures", "keep_sums", "present",
           "sums_present"]

CONTRACTS = "payment_overview_contracts"
INSTALLMENTS = "payment_overview_installments"
SUMS = "payment_overview_sums"
#: Kinds of change after which the figures of the named contracts (or of all) may differ.
_KINDS = frozenset({ChangeKind.CONTRACTS, ChangeKind.DEADLINES, ChangeKind.HOLIDAYS, ChangeKind.STORE})
#: Ids per statement (literal integers; well under any engine's limit on a statement's length).
_CHUNK = 5000

#: Engine -> whether its store has the tables (revision 0019 or later).
_PRESENT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
#: Engine -> whether its store has the sums by due date (revision 0021 or later).
_SUMS_PRESENT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def present(session: Session) -> bool:
    """Whether the session's store keeps the figures (revision 0019 or later)."""
    connection = session.connection()
    engine = connection.engine
    found = _PRESENT.get(engine)
    if not found:  # looked up again until found: an older store may be upgraded later
        found = _PRESENT[engine] = _has_tables(connection)
    return found


def sums_present(session: Session) -> bool:
    """Whether the session's store keeps the sums by due date (``SUMS``: revision 0021 or later)."""
    connection = session.connection()
    engine = connection.engine
    found = _SUMS_PRESENT.get(engine)
    if not found:  # looked up again until found, as ``present``
        found = _SUMS_PRESENT[engine] = SUMS in set(inspect(connection).get_table_names())
    return found


def _has_tables(connection: Connection) -> bool:
    names = set(inspect(connection).get_table_names())
    return CONTRACTS in names and INSTALLMENTS in names


def _insert_contracts(sql: Dialect, where: str) -> str:
    due = due_fen("i.amount", "i.percent", "c.total_amount", sql)
    out = sql.greatest(f"COALESCE({due}, 0) - COALESCE(i.paid_amount, 0)", "0")
    return f"""
INSERT INTO {CONTRACTS} (contract_id, sign_date, sign_year, end_date, status, supplier, value_fen, payments_fen,
                         due_fen, paid_fen, out_fen, n)
SELECT c.id, c.sign_date, {sign_year('c.sign_date', sql)}, c.end_date, c.status, c.counterparty, c.total_amount,
       COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.contract_id = c.id), 0),
       COALESCE(SUM({due}), 0), COALESCE(SUM(COALESCE(i.paid_amount, 0)), 0), COALESCE(SUM({out}), 0), COUNT(i.id)
FROM contracts c LEFT JOIN installments i ON i.contract_id = c.id
WHERE c.deleted_at IS NULL{where}
GROUP BY c.id, c.sign_date, c.end_date, c.status, c.counterparty, c.total_amount"""


def _insert_installments(sql: Dialect, where: str) -> str:
    due = due_fen("i.amount", "i.percent", "c.total_amount", sql)
    out = sql.greatest(f"COALESCE({due}, 0) - COALESCE(i.paid_amount, 0)", "0")
    return f"""
INSERT INTO {INSTALLMENTS} (contract_id, seq, due_date, due_fen, paid_fen, out_fen, sign_year, supplier, status,
                           end_date)
SELECT i.contract_id, i.seq, i.resolved_due_date, {due}, COALESCE(i.paid_amount, 0), {out},
       {sign_year('c.sign_date', sql)}, c.counterparty, c.status, c.end_date
FROM contracts c JOIN installments i ON i.contract_id = c.id
WHERE c.deleted_at IS NULL{where}"""


#: The kept installments of due dates ``{where}`` summed by due date and the keys of a filter without a supplier.
_INSERT_SUMS = f"""
INSERT INTO {SUMS} (due_date, sign_year, status, end_date, due_fen, paid_fen, out_fen, n, open_due_fen,
                    open_paid_fen, open_n)
SELECT due_date, sign_year, status, end_date, SUM(due_fen), SUM(paid_fen), SUM(out_fen), COUNT(*),
       COALESCE(SUM(CASE WHEN out_fen > 0 THEN due_fen ELSE 0 END), 0),
       SUM(CASE WHEN out_fen > 0 THEN paid_fen ELSE 0 END), SUM(CASE WHEN out_fen > 0 THEN 1 ELSE 0 END)
FROM {INSTALLMENTS} WHERE {{where}} GROUP BY due_date, sign_year, status, end_date"""


def keep_sums(session: Session, dates: Iterable[object] | None) -> None:
    """Rewrite the rows of ``SUMS`` for the due ``dates`` (as the store returns them; None in
    them: the installments without a date; ``dates`` None: every date) from the kept installments,
    in the session's transaction. Nothing on a store before 0021."""
    if not sums_present(session):
        return
    connection = session.connection()
    if dates is None:
        connection.execute(text(f"DELETE FROM {SUMS}"))
        connection.execute(text(_INSERT_SUMS.format(where="1 = 1")))
        return
    wanted = set(dates)
    if None in wanted:
        connection.execute(text(f"DELETE FROM {SUMS} WHERE due_date IS NULL"))
        connection.execute(text(_INSERT_SUMS.format(where="due_date IS NULL")))
    values = sorted((d for d in wanted if d is not None), key=str)
    for start in range(0, len(values), _CHUNK):
        chunk = {"dates": values[start:start + _CHUNK]}
        delete = text(f"DELETE FROM {SUMS} WHERE due_date IN :dates").bindparams(bindparam("dates", expanding=True))
        insert = text(_INSERT_SUMS.format(where="due_date IN :dates")).bindparams(bindparam("dates", expanding=True))
        connection.execute(delete, chunk)
        connection.execute(insert, chunk)


def _due_dates(connection: Connection, listed: str) -> set[object]:
    """The due dates of the kept installments of the contracts ``listed`` (ids, comma-separated)."""
    found = text(f"SELECT DISTINCT due_date FROM {INSTALLMENTS} WHERE contract_id IN ({listed})")
    return set(connection.scalars(found))


def keep_figures(session: Session, ids: Iterable[int] | None = None) -> None:
    """Rewrite the kept figures of the contracts ``ids`` (None: every contract) in the session's
    transaction: their rows go, and those outside the Trash get theirs anew from the store; the
    sums (``keep_sums``) of every due date they had or have are summed anew.
    A few statements per 5,000 contracts, whatever their number. Nothing on a store before 0019."""
    if not present(session):
        return
    session.flush()
    connection = session.connection()
    sql = dialect(session)
    if ids is None:
        connection.execute(text(f"DELETE FROM {INSTALLMENTS}"))
        connection.execute(text(f"DELETE FROM {CONTRACTS}"))
        connection.execute(text(_insert_contracts(sql, "")))
        connection.execute(text(_insert_installments(sql, "")))
        keep_sums(session, None)
        return
    wanted = sorted({int(i) for i in ids})
    sums = sums_present(session)
    for start in range(0, len(wanted), _CHUNK):
        listed = ", ".join(str(i) for i in wanted[start:start + _CHUNK])
        dates = _due_dates(connection, listed) if sums else set()
        connection.execute(text(f"DELETE FROM {INSTALLMENTS} WHERE contract_id IN ({listed})"))
        connection.execute(text(f"DELETE FROM {CONTRACTS} WHERE contract_id IN ({listed})"))
        connection.execute(text(_insert_contracts(sql, f" AND c.id IN ({listed})")))
        connection.execute(text(_insert_installments(sql, f" AND c.id IN ({listed})")))
        if sums:  # the groups of every due date the contracts had or have
            keep_sums(session, dates | _due_dates(connection, listed))


def keep_changed(session: Session) -> None:
    """Keep the figures of what the session's recorded writes changed (``history.changes``): of
    the contracts named, or of every contract when a write named none or changed the holiday
    table or the whole store. (A session committing twice keeps them twice: the Changes of a
    session are never emptied, and a contract written again must be kept again.)"""
    changed = history.changes(session)
    if not changed.kinds & _KINDS:
        return
    everything = not changed.contract_ids or bool(changed.kinds & {ChangeKind.HOLIDAYS, ChangeKind.STORE})
    keep_figures(session, None if everything else changed.contract_ids)


def install(sessions: sessionmaker[Session]) -> None:
    """Make every session of ``sessions`` keep the figures just before it commits (``keep_changed``)."""
    event.listen(sessions, "before_commit", keep_changed)
