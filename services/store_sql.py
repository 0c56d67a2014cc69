"""SQL fragments that differ between the two stores, SQLite and PostgreSQL (issue 17), for the few
services that write raw SQL (the overview's aggregates, ``services.payments.overview``).

SQLite keeps a ``Date`` column as ISO text ``YYYY-MM-DD`` and has ``julianday``, ``instr`` and a
two-argument ``max``; PostgreSQL has a ``date`` type, ``to_char``, date subtraction, ``strpos``
and ``greatest``. ``dialect(session)`` gives the fragments for the session's store; each takes SQL
expressions (column names, ``:params``) as text and returns SQL text. Bind dates with ``day``
and read them back with ``read_day``: ISO text on SQLite, ``datetime.date`` on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Dialect:
    """The fragments for one store: ``name`` ``"sqlite"`` or ``"postgresql"``."""

    name: str

    @property
    def server(self) -> bool:
        """True on PostgreSQL."""
        return self.name == "postgresql"

    def year(self, date: str) -> str:
        """The year of the date expression ``date`` as text ``YYYY`` (NULL for NULL)."""
        return f"to_char({date}, 'YYYY')" if self.server else f"substr({date}, 1, 4)"

    def month(self, date: str) -> str:
        """The month of ``date`` as text ``YYYY-MM`` (NULL for NULL)."""
        return f"to_char({date}, 'YYYY-MM')" if self.server else f"substr({date}, 1, 7)"

    def days_between(self, earlier: str, later: str) -> str:
        """Whole calendar days from ``earlier`` to ``later`` (both date expressions), an integer."""
        if self.server:
            return f"({later} - {earlier})"
        return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"

    def greatest(self, first: str, second: str) -> str:
        """The larger of two numbers."""
        return f"greatest({first}, {second})" if self.server else f"max({first}, {second})"

    def position(self, needle: str, text: str) -> str:
        """The 1-based position of ``needle`` in ``text``, 0 when absent."""
        return f"strpos({text}, {needle})" if self.server else f"instr({text}, {needle})"

    def day(self, value: dt.date) -> object:
        """``value`` as a bind parameter compared with ``Date`` columns."""
        return value if self.server else value.isoformat()

    @staticmethod
    def read_day(value: object) -> dt.date | None:
        """A ``Date`` column's value read through raw SQL: ``datetime.date`` or None."""
        if value is None or isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value))


#: The fragments for an SQLite file (the default of helpers written before the server store).
SQLITE = Dialect("sqlite")


def dialect(session: Session) -> Dialect:
    """The fragments for the store ``session`` is bound to."""
    return Dialect(session.get_bind().dialect.name)
