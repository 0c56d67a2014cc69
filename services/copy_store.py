"""Copying a whole register between stores: SQLite file ↔ PostgreSQL server (issue 17).

``copy_store(source, target)`` opens both (each migrated to this version's schema; the target is
created if absent), refuses a target that already holds rows, copies every table of the models'
metadata in foreign-key order (tables added by later features are copied without a list here),
resets the server's id sequences, then verifies each table: the same number of rows and the same
checksum (``table_checksum``) on both sides, and analyzes the target (``services.store_stats``: a
register just loaded has no statistics for the planner). The copy is one transaction on the target: a
failed check leaves the target as empty as it was. Values pass through the models' column types, so money
stays integer fen and decimals exact text on both engines, files' bytes (``attachment_blobs``) pass
as they are, one row at a time (``BLOB_BATCH``); the history is copied with its hash chain (its
entries keep their users and times).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, LargeBinary, Table, func, inspect, select, text

from services import store_stats
from services.errors import UserError, define
from services.store import Store, open_store

COPY_TARGET_NOT_EMPTY = define(
    "COPY_TARGET_NOT_EMPTY",
    "目标台账 {target} 已有数据（表 {table} 有 {rows} 行）；复制只写入空台账，未作任何改动。",
    "The target register {target} already holds data (table {table} has {rows} rows); a copy only goes into an "
    "empty register. Nothing was changed.")
COPY_MISMATCH = define(
    "COPY_MISMATCH",
    "复制校验失败：表 {table} 源 {source_rows} 行、目标 {target_rows} 行，校验和不同；目标台账未作任何改动。",
    "The copy did not verify: table {table} has {source_rows} rows in the source and {target_rows} in the target, "
    "with different checksums. The target was left unchanged.")
COPY_SAME = define(
    "COPY_SAME",
    "源台账与目标台账相同（{target}）。",
    "The source and the target are the same register ({target}).")

COPY_CANCELLED = define(
    "COPY_CANCELLED",
    "复制已取消；目标台账 {target} 未写入任何内容。",
    "The copy was cancelled; nothing was written to the target register {target}.")

#: Rows read and written per batch.
BATCH = 2000
#: Rows per batch of a table holding files' bytes (``LargeBinary``: up to 200 MB a row).
BLOB_BATCH = 1
#: Contracts whose list terms are derived per statement after the copy: one id is one bound parameter,
#: and PostgreSQL's protocol takes at most 65,535 (a register of 100,000 contracts failed to move).
TERMS_BATCH = 10_000


@dataclass(frozen=True)
class TableCopy:
    """One table copied: its name, rows and the sha256 hex checksum both sides share."""

    table: str
    rows: int
    checksum: str


def tables(connection: Connection) -> list[Table]:
    """The register's tables present in the store, parents before children (``models.Base``)."""
    import models

    present = set(inspect(connection).get_table_names())
    return [table for table in models.Base.metadata.sorted_tables if table.name in present]


def _plain(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):  # a file's bytes (attachment_blobs): their digest
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def batch_size(table: Table) -> int:
    """Rows of ``table`` held in memory at once: ``BLOB_BATCH`` for a table with files' bytes."""
    return BLOB_BATCH if any(isinstance(column.type, LargeBinary) for column in table.columns) else BATCH


def table_checksum(connection: Connection, table: Table) -> tuple[int, str]:
    """(rows, sha256 hex) of ``table``: its rows in primary-key order, each as canonical JSON of the
    values the models' column types give (Decimal as text, dates ISO 8601, bytes as their own
    sha256) — equal on SQLite and PostgreSQL for the same register."""
    digest = hashlib.sha256()
    rows = 0
    order = list(table.primary_key.columns) or list(table.columns)
    result = connection.execution_options(yield_per=batch_size(table)).execute(select(table).order_by(*order))
    for row in result:
        digest.update(json.dumps([_plain(value) for value in row], ensure_ascii=False,
                                 separators=(",", ":")).encode())
        digest.update(b"\n")
        rows += 1
    return rows, digest.hexdigest()


def _reset_sequences(connection: Connection, table: Table) -> None:
    """After inserting explicit ids on PostgreSQL: each serial column's sequence continues above them."""
    for column in table.primary_key.columns:
        sequence = connection.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                      {"t": table.name, "c": column.name}).scalar()
        if sequence:
            highest = connection.execute(select(func.max(column))).scalar()
            connection.execute(text("SELECT setval(:s, :v, :called)"),
                               {"s": sequence, "v": highest or 1, "called": highest is not None})


def copy_store(source_name: str, target_name: str) -> list[TableCopy]:
    """Copy the register ``source_name`` into the empty register ``target_name`` (paths or
    ``postgresql://`` URLs); the tables copied with their rows and checksums.

    Raises ``UserError`` ``COPY_SAME``, ``COPY_TARGET_NOT_EMPTY``, ``COPY_MISMATCH``, and the stores'
    own ``StoreError`` (cannot open, read-only, refused by the server).
    """
    source = open_store(source_name)
    try:
        target = open_store(target_name)
        try:
            if source.location == target.location:
                raise UserError(COPY_SAME, target=target.location)
            return _copy(source, target)
        finally:
            target.close()
    finally:
        source.close()


def copy_into(source: Store, target: Store, *, progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> list[TableCopy]:
    """Copy the open register ``source`` into the open, empty register ``target`` and verify it (as
    ``copy_store``); the window's "Move this register to a server…" (``ui.register.move_to_server``).

    ``progress(rows copied, rows in all)`` after each batch; ``cancelled()`` asked between batches:
    True ends the copy with ``COPY_CANCELLED`` and the target's transaction rolled back (nothing
    written). Raises as ``copy_store``, and ``COPY_CANCELLED``.
    """
    if source.location == target.location:
        raise UserError(COPY_SAME, target=target.location)
    return _copy(source, target, progress=progress, cancelled=cancelled)


def _keep_list_terms(connection: Connection) -> None:
    """The list's terms in force (``services.register.list_terms``, revision 0020) are columns outside
    the models, so they are not among the copied ones: derive them for every contract copied, in
    the copy's transaction (SQLite's triggers copied the stored terms; a server's need ``keep``),
    ``TERMS_BATCH`` contracts at a time."""
    from sqlalchemy.orm import Session

    from models.contract import Contract
    from services.register import contracts, list_terms

    with Session(bind=connection) as session:
        ids = list(session.scalars(select(Contract.id).order_by(Contract.id)))
        for start in range(0, len(ids), TERMS_BATCH):
            list_terms.keep(session, ids[start:start + TERMS_BATCH], contracts.load)
        session.flush()


def _copy(source: Store, target: Store, *, progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> list[TableCopy]:
    if target.read_only:
        raise target.read_only_error()
    done: list[TableCopy] = []
    try:
        with source.engine.connect() as reading, target.engine.begin() as writing:
            if not target.on_server:
                writing.exec_driver_sql("BEGIN IMMEDIATE")
            copied = tables(reading)
            for table in tables(writing):
                rows = writing.execute(select(func.count()).select_from(table)).scalar() or 0
                if rows:
                    raise UserError(COPY_TARGET_NOT_EMPTY, target=target.location, table=table.name, rows=rows)
            total = sum(reading.execute(select(func.count()).select_from(table)).scalar() or 0 for table in copied)
            moved = 0
            for table in copied:
                size = batch_size(table)
                result = reading.execution_options(yield_per=size).execute(select(table))
                for batch in result.mappings().partitions(size):
                    if cancelled is not None and cancelled():
                        raise UserError(COPY_CANCELLED, target=target.location)
                    writing.execute(table.insert(), [dict(row) for row in batch])
                    moved += len(batch)
                    if progress is not None:
                        progress(moved, total)
                if target.on_server:
                    _reset_sequences(writing, table)
            _keep_list_terms(writing)
            for table in copied:
                source_rows, source_sum = table_checksum(reading, table)
                target_rows, target_sum = table_checksum(writing, table)
                if (source_rows, source_sum) != (target_rows, target_sum):
                    raise UserError(COPY_MISMATCH, table=table.name, source_rows=source_rows,
                                    target_rows=target_rows)
                done.append(TableCopy(table.name, source_rows, source_sum))
            store_stats.refresh(writing)  # the planner's statistics, committed with the rows (issue 18)
    except Exception as exc:
        translated = target.translate(exc)
        if translated is exc:
            raise
        raise translated from exc
    return done
