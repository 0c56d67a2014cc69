"""The history of the register: who changed what, when — append-only and hash-chained.

Every writing service appends one entry per contract it changed with ``record()``, in the
caller's transaction, after its own writes (so the entry and the change commit or roll back
together). Entries are never updated or deleted (SQLite triggers refuse it, revision 0005);
each carries the hash of the one before, so ``verify()`` finds an entry changed, removed or
inserted behind the application's back.

What a write changed (``services.changes.Changes``): ``record()`` also adds the write's
``Changes`` to the session, and ``changes(session)`` returns their union — the one way every
writing service of ``services.register``, ``services.calendar``, ``services.penalty`` and
``services.ledger`` makes its Changes available. The caller reads it before the session ends::

    with store.session() as session:
        contracts.save(session, data, contract_id=contract_id)
        changed = history.changes(session)

Times are stored in UTC (ISO 8601 text) and returned as aware ``datetime``; show them with
``.astimezone()`` (local time). Qt-free.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select, text
from sqlalchemy.orm import Session

from models.history import HistoryEntry
from services.changes import ChangeKind, Changes
from services.errors import UserError, define

__all__ = [
    "CSV_COLUMNS",
    "TRIGGERS",
    "HistoryAction",
    "HistoryRow",
    "IntegrityProblem",
    "actor",
    "change_lines",
    "changes",
    "history",
    "json_value",
    "record",
    "utc_now",
    "verify",
    "write_history_csv",
]

#: Names of the triggers that keep the history append-only (migration 0005).
TRIGGERS = ("history_no_update", "history_no_delete")
_CHANGES_KEY = "contractdesk.changes"


class HistoryAction(StrEnum):
    """What an entry records."""

    CREATE = "create"  # a new contract saved
    SAVE = "save"  # a contract's data saved (details: field-level before → after)
    IMPORT = "import"  # a contract written by a ledger import (added or updated)
    DELETE = "delete"  # moved to the Trash
    RESTORE = "restore"  # brought back from the Trash
    PURGE = "purge"  # deleted permanently
    MARK_DONE = "mark_done"  # a deadline marked done / not done
    RECORD_EVENT = "record_event"  # an event's date recorded or removed
    PENALTY_SAVED = "penalty_saved"  # a liquidated-damages calculation saved
    PENALTY_DELETED = "penalty_deleted"  # a saved calculation removed (entered by mistake)
    HOLIDAYS = "holidays"  # the holiday table replaced (store-wide)
    AMENDMENT = "amendment"  # a supplementary agreement recorded (services.amendments)
    PAYMENT = "payment"  # a payment recorded, changed or removed (services.payments.record)
    ATTACHMENT = "attachment"  # a file kept with a contract added or removed (services.attachments)


#: The kinds of data each action changes (every action also changes the history itself).
_KINDS: dict[HistoryAction, tuple[ChangeKind, ...]] = {
    HistoryAction.MARK_DONE: (ChangeKind.DEADLINES, ChangeKind.CONTRACTS),
    HistoryAction.RECORD_EVENT: (ChangeKind.DEADLINES, ChangeKind.CONTRACTS),
    HistoryAction.PENALTY_SAVED: (ChangeKind.PENALTIES,),
    HistoryAction.PENALTY_DELETED: (ChangeKind.PENALTIES,),
    HistoryAction.HOLIDAYS: (ChangeKind.HOLIDAYS, ChangeKind.DEADLINES),
    HistoryAction.PAYMENT: (ChangeKind.CONTRACTS, ChangeKind.DEADLINES),
}
_CONTRACT_KINDS = (ChangeKind.CONTRACTS, ChangeKind.DEADLINES, ChangeKind.PENALTIES)


@dataclass(frozen=True)
class HistoryRow:
    """One history entry as plain data: ``at`` aware UTC datetime, ``details`` the decoded JSON
    (for saves and imports ``{"header": {field: [before, after]}, "children": {table:
    {"added": {key: row}, "removed": {key: row}, "changed": {key: {field: [before, after]}}}}}``,
    values as JSON text forms: money and decimals as strings, dates ISO)."""

    id: int
    at: dt.datetime
    user: str
    action: HistoryAction
    contract_id: int | None
    contract_no: str | None
    contract_version: int | None
    details: dict[str, Any]


NOT_FOLLOWING = define("HISTORY_NOT_FOLLOWING",
                       "与前一条记录衔接不上（有记录被删除、插入或改动）",
                       "does not follow the entry before it (an entry was removed, inserted or changed)")
HASH_MISMATCH = define("HISTORY_HASH_MISMATCH", "内容与其哈希值不符（写入后被改动）",
                       "content does not match its hash (changed after writing)")
TAIL_MISSING = define("HISTORY_TAIL_MISSING",
                      "合同 {number} 的版本为 {version}，但其历史记录止于版本 {last}：最新的记录缺失",
                      "contract {number} is at version {version} but its history ends at version {last}: "
                      "its latest entries are missing")
TRIGGER_MISSING = define("HISTORY_TRIGGER_MISSING", "只追加触发器 {name} 缺失",
                         "append-only trigger {name} is missing")
INTEGRITY = define("STORE_INTEGRITY_CHECK", "数据库完整性检查：{line}", "integrity check: {line}")
_ENTRY = {"en": "history entry {0}: ", "zh_CN": "历史记录 {0}："}


@dataclass(frozen=True)
class IntegrityProblem:
    """What ``verify`` found wrong: ``entry_id`` the history entry (None for the database itself),
    ``code`` and ``params`` the coded message (``services.errors``); ``problem`` its English text."""

    entry_id: int | None
    code: str
    params: tuple[tuple[str, object], ...] = ()

    @property
    def problem(self) -> str:
        """The English text, without the entry and the code."""
        return self.text("en")

    def text(self, language: str = "en") -> str:
        """The message in ``language`` (``zh_CN`` or ``en``), without the entry and the code."""
        return UserError(self.code, **dict(self.params)).message(language).rsplit(" [", 1)[0]

    def message(self, language: str = "en") -> str:
        """``history entry N: text [CODE]`` (or the database's own problem) in ``language``."""
        where = _ENTRY["zh_CN" if language.startswith("zh") else "en"].format(self.entry_id) \
            if self.entry_id is not None else ""
        return f"{where}{self.text(language)} [{self.code}]"

    def __str__(self) -> str:
        return self.message("en")


def utc_now() -> dt.datetime:
    """Now, aware, in UTC (microseconds kept: entries of one second stay in order)."""
    return dt.datetime.now(dt.UTC)


def current_user() -> str:
    """The OS user name (``getpass.getuser()``), or ``unknown`` when the system has none to give."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no LOGNAME/USER and no passwd entry (containers)
        return "unknown"


def actor(session: Session) -> str:
    """Who is writing: the OS user (``current_user``) on SQLite, the database user on any other
    engine (its URL's user name, else the OS user)."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind  # a Connection has no .url of its own
    if engine.dialect.name == "postgresql":  # the role the server checks (issue 17), even if the URL names none
        return str(session.scalar(text("SELECT current_user")))
    if engine.dialect.name != "sqlite" and engine.url.username:
        return engine.url.username
    return current_user()


def json_value(value: object) -> object:
    """A value in the history's JSON form: Decimal as its text (money keeps two decimals), dates
    ISO, everything else as is."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):  # datetime too
        return value.isoformat()
    return value


def _canonical(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=json_value)


def _entry_hash(at: str, user: str, action: str, contract_id: int | None, contract_no: str | None,
                contract_version: int | None, details: str, prev_hash: str) -> str:
    """sha256 hex over the canonical JSON of the entry's content and ``prev_hash``."""
    payload = _canonical({"at": at, "user": user, "action": action, "contract_id": contract_id,
                          "contract_no": contract_no, "contract_version": contract_version,
                          "details": details, "prev_hash": prev_hash})
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session, action: HistoryAction, *, contract_id: int | None = None, contract_no: str | None = None,
    contract_version: int | None = None, details: dict[str, Any] | None = None,
    user: str | None = None, at: dt.datetime | None = None,
) -> int:
    """Append one entry (in the caller's transaction) and add its ``Changes`` to the session;
    returns the entry's id. Call it after the write it records (the session then holds the
    store's write lock, so the last entry read here is the last one committed: the chain stays
    linear; a fork would break the unique ``prev_hash``). ``user`` defaults to ``actor()``,
    ``at`` to now (any aware datetime, stored as UTC)."""
    session.flush()
    stamp = (at or utc_now()).astimezone(dt.UTC).isoformat(timespec="microseconds")
    who = user if user is not None else actor(session)
    body = _canonical(details or {})
    prev = session.scalar(select(HistoryEntry.hash).order_by(HistoryEntry.id.desc()).limit(1)) or ""
    digest = _entry_hash(stamp, who, str(action), contract_id, contract_no, contract_version, body, prev)
    entry_id = session.execute(insert(HistoryEntry).values(
        at=stamp, user=who, action=str(action), contract_id=contract_id, contract_no=contract_no,
        contract_version=contract_version, details=body, prev_hash=prev, hash=digest,
    ).returning(HistoryEntry.id)).scalar_one()
    kinds = _KINDS.get(action, _CONTRACT_KINDS)
    ids = () if contract_id is None else (contract_id,)
    session.info[_CHANGES_KEY] = changes(session) | Changes.of(ChangeKind.HISTORY, *kinds, ids=ids)
    return entry_id


def record_many(
    session: Session, action: HistoryAction, entries: list[tuple[int, str, int, dict[str, Any]]],
) -> None:
    """``record`` of each of ``entries`` — (contract_id, contract_no, contract_version, details) — in
    that order, as one INSERT of many rows (an import writing a batch of new contracts): the same
    rows, chained the same way (each entry's ``prev_hash`` the one before it), each stamped when
    its row is built, and one union of their ``Changes`` instead of one per entry."""
    if not entries:
        return
    session.flush()
    who = actor(session)
    prev = session.scalar(select(HistoryEntry.hash).order_by(HistoryEntry.id.desc()).limit(1)) or ""
    rows = []
    for contract_id, contract_no, contract_version, details in entries:
        stamp = utc_now().astimezone(dt.UTC).isoformat(timespec="microseconds")
        body = _canonical(details or {})
        digest = _entry_hash(stamp, who, str(action), contract_id, contract_no, contract_version, body, prev)
        rows.append({"at": stamp, "user": who, "action": str(action), "contract_id": contract_id,
                     "contract_no": contract_no, "contract_version": contract_version, "details": body,
                     "prev_hash": prev, "hash": digest})
        prev = digest
    session.execute(insert(HistoryEntry), rows)
    kinds = _KINDS.get(action, _CONTRACT_KINDS)
    session.info[_CHANGES_KEY] = changes(session) | Changes.of(
        ChangeKind.HISTORY, *kinds, ids=(contract_id for contract_id, *_rest in entries))


def changes(session: Session) -> Changes:
    """The union of the ``Changes`` of every write recorded in this session so far (empty if none)."""
    found = session.info.get(_CHANGES_KEY)
    return found if isinstance(found, Changes) else Changes()


def _row(entry: HistoryEntry) -> HistoryRow:
    return HistoryRow(entry.id, dt.datetime.fromisoformat(entry.at), entry.user, HistoryAction(entry.action),
                      entry.contract_id, entry.contract_no, entry.contract_version, json.loads(entry.details))


def _since_text(since: dt.datetime | dt.date) -> str:
    if not isinstance(since, dt.datetime):
        since = dt.datetime.combine(since, dt.time())  # a day: from local midnight
    if since.tzinfo is None:
        since = since.astimezone()  # naive: local time
    return since.astimezone(dt.UTC).isoformat(timespec="microseconds")


def history(
    session: Session, contract_id: int | None = None, since: dt.datetime | dt.date | None = None,
    actions: list[HistoryAction] | None = None, limit: int | None = None, *,
    contract_no: str | None = None, after_version: int | None = None,
) -> list[HistoryRow]:
    """The history entries, oldest first: of one contract (``contract_id`` and/or ``contract_no``:
    entries of a contract deleted permanently are found by its number), at or after ``since``
    (an aware datetime; naive or a date: local time, a date from its midnight), of ``actions``
    only, of versions after ``after_version``; ``limit``: only the newest ``limit`` of those."""
    query = select(HistoryEntry)
    if contract_id is not None:
        query = query.where(HistoryEntry.contract_id == contract_id)
    if contract_no is not None:
        query = query.where(HistoryEntry.contract_no == contract_no)
    if since is not None:
        query = query.where(HistoryEntry.at >= _since_text(since))
    if actions is not None:
        query = query.where(HistoryEntry.action.in_([str(a) for a in actions]))
    if after_version is not None:
        query = query.where(HistoryEntry.contract_version > after_version)
    query = query.order_by(HistoryEntry.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [_row(entry) for entry in reversed(session.scalars(query).all())]


def _show(value: object) -> str:
    if value is None:
        return "∅"
    return value if isinstance(value, str) else _canonical(value)


def change_lines(row: HistoryRow) -> list[tuple[str, str, str]]:
    """(field, before, after) of an entry, one per change, as text (∅: empty): a header field
    ``title``; a child row's field ``line_items[2].quantity`` (rows keyed by seq, parties by role,
    penalty clauses by clause reference); a row added or removed ``line_items[3]`` with
    ``∅ → {…}`` or ``{…} → ∅``; other actions their details' keys (``key``, ``before``/``after``…).
    Empty for an entry with no field-level details (delete, restore, purge)."""
    details = row.details
    if "header" not in details and "children" not in details:
        if "before" in details or "after" in details:
            label = str(details.get("key") or details.get("event") or "")
            return [(label, _show(details.get("before")), _show(details.get("after")))]
        return [(key, "", _show(value)) for key, value in sorted(details.items())]
    lines = [(name, _show(before), _show(after)) for name, (before, after) in details.get("header", {}).items()]
    for table, diff in details.get("children", {}).items():
        for key, values in diff.get("removed", {}).items():
            lines.append((f"{table}[{key}]", _show(values), "∅"))
        for key, values in diff.get("added", {}).items():
            lines.append((f"{table}[{key}]", "∅", _show(values)))
        for key, fields in diff.get("changed", {}).items():
            lines += [(f"{table}[{key}].{name}", _show(before), _show(after))
                      for name, (before, after) in fields.items()]
    return lines


#: Columns of the history CSV (``write_history_csv``).
CSV_COLUMNS = ("entry", "time", "user", "action", "contract_no", "field", "before", "after")


def write_history_csv(rows: list[HistoryRow], path: Path) -> None:
    """Write ``rows`` as CSV like the ledger writer: UTF-8 with BOM, CRLF, RFC 4180 quoting;
    ``CSV_COLUMNS``, one line per change (``change_lines``; one line with empty field for an
    entry without any), time local ISO 8601 with its UTC offset. Raises ``OSError``."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            local = row.at.astimezone().isoformat(timespec="seconds")
            for field, before, after in change_lines(row) or [("", "", "")]:
                writer.writerow([row.id, local, row.user, str(row.action), row.contract_no or "", field, before, after])


def _missing_tail(session: Session) -> list[IntegrityProblem]:
    """Contracts whose stored version is above the last version their history records (every
    write that moves a version records it; a contract never written since revision 0005 is at 1)."""
    from models.contract import Contract

    recorded = (select(HistoryEntry.contract_id, func.max(HistoryEntry.contract_version).label("version"))
                .group_by(HistoryEntry.contract_id).subquery())
    query = (select(Contract.id, Contract.contract_no, Contract.version, recorded.c.version)
             .outerjoin(recorded, recorded.c.contract_id == Contract.id)
             .where(Contract.version > func.coalesce(recorded.c.version, 1)).order_by(Contract.id))
    return [IntegrityProblem(None, TAIL_MISSING, (("number", number), ("version", version), ("last", last or 1)))
            for _id, number, version, last in session.execute(query)]


def verify(session: Session) -> list[IntegrityProblem]:
    """Recompute the hash chain and run ``PRAGMA integrity_check``; the problems found, empty
    when the history is intact and the database sound. Reports an entry whose content does not
    match its hash, one that does not follow the entry before it (removed, inserted or
    reordered), a contract at a later version than its last entry records (its newest entries
    removed: the chain alone cannot see its tail cut), a missing append-only trigger, and every
    line the integrity check returns."""
    problems: list[IntegrityProblem] = []
    previous = ""
    for entry in session.scalars(select(HistoryEntry).order_by(HistoryEntry.id)):
        if entry.prev_hash != previous:
            problems.append(IntegrityProblem(entry.id, NOT_FOLLOWING))
        expected = _entry_hash(entry.at, entry.user, entry.action, entry.contract_id, entry.contract_no,
                               entry.contract_version, entry.details, entry.prev_hash)
        if expected != entry.hash:
            problems.append(IntegrityProblem(entry.id, HASH_MISMATCH))
        previous = entry.hash
    problems += _missing_tail(session)
    if session.get_bind().dialect.name == "sqlite":
        present = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
        problems += [IntegrityProblem(None, TRIGGER_MISSING, (("name", name),))
                     for name in TRIGGERS if name not in present]
        checked = list(session.scalars(text("PRAGMA integrity_check")))
        if checked != ["ok"]:
            problems += [IntegrityProblem(None, INTEGRITY, (("line", line),)) for line in checked]
    return problems
