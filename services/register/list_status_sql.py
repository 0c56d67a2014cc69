"""The list's stored status (``services.register.list_status``): its SQL and whether a store keeps it.

Apart from ``list_status`` so that ``services.register.list_terms`` (which ``list_status.refresh``
calls) can derive the status in its own statements without importing ``list_status``. Qt-free.
"""

from __future__ import annotations

import weakref

from sqlalchemy import Connection, Engine, inspect, text

__all__ = ["DAY", "DERIVED", "TEMPLATE", "TRIGGERS", "complete", "forget", "kept"]

#: SQL template: the status of row ``{row}`` for the day ``{day}`` (``services.register.contracts.status_expr``).
TEMPLATE = ("CASE WHEN {row}.status IS NOT NULL THEN {row}.status WHEN {row}.sign_date IS NULL THEN 'draft' "
            "WHEN {row}.end_date < {day} THEN 'completed' ELSE 'active' END")
#: SQL: the stored day.
DAY = "(SELECT day FROM list_status_day WHERE id = 1)"
#: SQL: the status of the ``contracts`` row for the stored day (PostgreSQL's ``list_terms.keep``).
DERIVED = TEMPLATE.format(row="contracts", day=DAY)
#: The SQLite triggers that keep the column.
TRIGGERS = ("contracts_list_status_insert", "contracts_list_status_update")


def complete(connection: Connection) -> bool:
    """SQLite: the day table and both triggers are there."""
    names = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master"))}
    return "list_status_day" in names and set(TRIGGERS) <= names


#: Engine -> whether its store keeps the column. Only a yes is remembered on PostgreSQL: an upgrade adds it later.
_KEPT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def kept(connection: Connection) -> bool:
    """Whether the store keeps ``contracts.list_status``: SQLite from revision 0017 (triggers
    present), PostgreSQL from revision 0022 (the day table present)."""
    engine = connection.engine
    if not _KEPT.get(engine):
        if connection.dialect.name == "sqlite":
            if engine in _KEPT:
                return False
            _KEPT[engine] = complete(connection)
        else:
            _KEPT[engine] = inspect(connection).has_table("list_status_day")
    return _KEPT[engine]


def forget(connection: Connection) -> None:
    """Ask again at the next ``kept`` (after the triggers were made anew)."""
    _KEPT.pop(connection.engine, None)
