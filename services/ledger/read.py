"""Reading ledger CSV text into typed rows, listing every problem as ``file:row:column: reason``.

Each problem is a ``services.errors.LocatedProblem`` (a ``str``: ``file:row:column: text [CODE]``)
with its code and parameters, shown translated by ``localized(language)``; the codes are in
``services.ledger.codes``.

The reader is forgiving (spec ``csv-format.md``): comma, tab or semicolon; English or
Chinese headers in any order, case and spaces ignored; the value forms of the spec's
"reader also accepts" column. Rows are numbered as a spreadsheet shows them: the header is
row 1, the first record row 2.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.rrule import rrulestr

from services.errors import InputError, Term
from services.ledger import codes, values
from services.ledger.schema import (
    BOND_KIND_ALIASES,
    DAY_COUNT_ALIASES,
    DONE_SOURCE_ALIASES,
    EVENT_ALIASES,
    MILESTONE_KIND_ALIASES,
    PART_DAY_ALIASES,
    PENALTY_BASE_ALIASES,
    PENALTY_KIND_ALIASES,
    STATUS_ALIASES,
    UNIT_ALIASES,
    Column,
    Table,
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SEPARATORS = (",", "\t", ";")


@dataclass
class Problems:
    """Errors reject the ledger; warnings are reported and the import goes on."""

    errors: list[str] = field(default_factory=list)  # LocatedProblem (a str) for each
    warnings: list[str] = field(default_factory=list)


@dataclass
class Record:
    """One parsed row: ``values`` by column name (absent = empty cell) and its spreadsheet row number;
    ``wan``: (column, cell text) of the money cells written in 万元 (read × 10,000)."""

    row: int
    values: dict[str, object]
    wan: list[tuple[str, str]] = field(default_factory=list)
    #: Cells of this row that were rejected (their values are absent): the row is not taken.
    bad: int = 0


def _normalise(header: str) -> str:
    return re.sub(r"\s+", "", header).lower()


def _header_map(table: Table) -> dict[str, Column]:
    mapping: dict[str, Column] = {}
    for column in table.columns:
        mapping[_normalise(column.name)] = column
        mapping[_normalise(column.alias)] = column
    return mapping


def _sniff_separator(text: str, table: Table) -> str:
    """The separator under which the header line names the most known columns."""
    first_line = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]  # a bare \r (Mac Excel) would make csv raise
    known = _header_map(table)

    def hits(sep: str) -> int:
        cells = next(csv.reader([first_line], delimiter=sep), [])
        return sum(_normalise(cell) in known for cell in cells)

    return max(_SEPARATORS, key=hits)


def unguard(cell: str) -> str:
    """Strip the one apostrophe the writer puts before a cell that would start a formula."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in _FORMULA_START:
        return cell[1:]
    return cell


_LINK = re.compile(r"(installment|milestone):[1-9][0-9]*|bond:[1-9][0-9]*(:return|:valid)?")


def _parse_events(text: str, *, extra: tuple[str, ...] = ()) -> str:
    """``due_after``: standard events (code or Chinese name), ``event:NAME``, another row's due date
    (``installment:2``, ``milestone:3``, ``bond:1``, ``bond:1:return``, ``bond:1:valid``), joined
    with ``+``; ``extra``: further codes allowed (``valid_until`` in ``return_after``)."""
    parts = []
    for raw in text.split("+"):
        part = raw.strip()
        code = next((k for k, v in EVENT_ALIASES.items() if part in (k, v)), None)
        if code is None and ((part.startswith("event:") and len(part) > len("event:"))
                             or _LINK.fullmatch(part) or part in extra):
            code = part
        if code is None:
            also = "".join(f", {name}" for name in extra)
            raise InputError(codes.UNKNOWN_EVENT, text=part, also=Term(also, also.replace("valid_until", "有效期届满")))
        parts.append(code)
    return "+".join(parts)


def _parse_return_events(text: str) -> str:
    """``return_after``: as ``due_after``, and ``valid_until`` (有效期届满: the bond's expiry)."""
    return _parse_events(text.replace("有效期届满", "valid_until"), extra=("valid_until",))


def _parse_code(aliases: dict[str, str], what: str, zh: str = "") -> Callable[[str], str]:
    choices = Term(", ".join(aliases), "、".join(aliases.values()))

    def parse(text: str) -> str:
        body = text.strip()
        for code, alias in aliases.items():
            if body.lower() == code or body == alias:
                return code
        raise InputError(codes.NOT_CODE, what=Term(what, zh or what), choices=choices, text=text[:60])

    return parse


def _parse_currency(text: str) -> str:
    body = text.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", body):
        raise InputError(codes.NOT_CURRENCY, text=text[:60])
    return body


def _parse_rrule(text: str) -> str:
    """An RFC 5545 RRULE (``FREQ=MONTHLY;BYMONTHDAY=5``), checked with python-dateutil."""
    body = text.strip().removeprefix("RRULE:")
    try:
        rrulestr(body, dtstart=dt.datetime(2000, 1, 1))
    except (ValueError, TypeError, OverflowError) as exc:
        raise InputError(codes.NOT_RRULE, text=text[:60]) from exc
    return body


#: Events that are dates of the contract itself (contracts.csv), not rows of events.csv.
_OWN_EVENTS = ("signing", "effective", "start", "end")


def _parse_event_name(text: str) -> str:
    """An events.csv ``event``: a standard code (or its Chinese name) or the NAME of ``event:NAME``
    (the prefix may be given); returns the code as deadlines use it (``budget``, ``event:NAME``)."""
    body = text.strip()
    code = next((k for k, v in EVENT_ALIASES.items() if body in (k, v)), None)
    if code in _OWN_EVENTS:
        raise InputError(codes.OWN_EVENT, text=body)
    if code is not None:
        return code
    name = body.removeprefix("event:").strip()
    if not name or "+" in name:
        raise InputError(codes.NOT_EVENT_NAME, text=text[:60])
    return f"event:{name}"


_PARSERS: dict[str, Callable[[str], object]] = {
    "text": lambda text: text,
    "decimal": values.parse_decimal,
    "percent": values.parse_percent,
    "date": values.parse_date,
    "int": values.parse_int,
    "role": values.parse_role,
    "flag": values.parse_flag,
    "status": _parse_code(STATUS_ALIASES, "status", "状态"),
    "unit": _parse_code(UNIT_ALIASES, "deadline unit", "期限单位"),
    "events": _parse_events,
    "currency": _parse_currency,
    "milestone_kind": _parse_code(MILESTONE_KIND_ALIASES, "milestone kind", "里程碑类型"),
    "bond_kind": _parse_code(BOND_KIND_ALIASES, "bond kind", "保证金类型"),
    "penalty_kind": _parse_code(PENALTY_KIND_ALIASES, "penalty kind", "违约金类型"),
    "penalty_base": _parse_code(PENALTY_BASE_ALIASES, "penalty base", "违约金基数"),
    "day_count": _parse_code(DAY_COUNT_ALIASES, "day count", "天数计算"),
    "part_day": _parse_code(PART_DAY_ALIASES, "part-day rule", "不足一日的计法"),
    "rrule": _parse_rrule,
    "return_events": _parse_return_events,
    "event_name": _parse_event_name,
    "done_source": _parse_code(DONE_SOURCE_ALIASES, "done-mark source", "完成标记来源"),
}


def read_table(text: str, table: Table, label: str, problems: Problems) -> list[Record]:
    """Parse the CSV ``text`` of ``table`` (``label`` names the file in messages).

    Appends to ``problems``: errors for missing required columns or values, bad values and
    duplicate keys; warnings for unknown columns and amounts written in 万元.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_separator(text, table))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        problems.errors.append(codes.problem(label, 1, None, codes.NOT_CSV, reason=codes.csv_reason(exc)))
        return []
    if header is None:
        problems.errors.append(codes.problem(label, 1, None, codes.EMPTY_FILE))
        return []
    known = _header_map(table)
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = known.get(_normalise(cell))
        if column is None:
            if cell.strip():
                problems.warnings.append(codes.warning(label, 1, cell.strip()[:60], codes.UNKNOWN_COLUMN))
            continue
        if column.name in positions:
            problems.errors.append(codes.problem(label, 1, column, codes.DUPLICATE_COLUMN, cell.strip(),
                                                 name=codes.column_term(column)))
            continue
        positions[column.name] = index
    missing = [c.name for c in table.columns if c.required and c.name not in positions]
    for name in missing:
        problems.errors.append(codes.problem(label, 1, table.column(name), codes.MISSING_COLUMN))
    if missing:
        return []

    # per column once, not per cell: (name, position, column, its term, its header as written, its converter)
    fields = [(name, index, table.column(name), codes.column_term(table.column(name)), header[index].strip(),
               _converter(table.column(name), codes.column_term(table.column(name))))
              for name, index in positions.items()]
    titles = {name: title for name, _index, _column, _term, title, _convert in fields}
    records: list[Record] = []
    seen: dict[tuple[object, ...], int] = {}
    row_number = 1
    failures = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a cell beyond the field size limit, the file cut off inside quotes
            row_number += 1
            problems.errors.append(codes.problem(label, row_number, None, codes.NOT_CSV, reason=codes.csv_reason(exc)))
            failures += 1
            if failures > 20 or "end of data" in str(exc):  # the reader goes on after the bad record
                break
            continue
        row_number += 1
        joined = "".join(cells)
        if not joined.strip():  # every cell blank
            continue
        record = Record(row_number, {})
        short = len(cells) < len(header)
        if short or any(cell.strip() for cell in cells[len(header):]):  # empty trailing cells are harmless
            record.bad += 1
            problems.errors.append(codes.problem(label, row_number, None,
                                                 codes.SHORT_ROW if short else codes.LONG_ROW,
                                                 cells=len(cells), columns=len(header)))
        if _has_control(joined):  # the rare row: each cell checked and read as _read_cell says
            for _name, index, column, term, title, _convert in fields:
                cell = unguard(cells[index].strip()) if index < len(cells) else ""
                if cell or column.required:  # an empty optional cell is no value: nothing to read
                    _read_cell(cell, column, record, (label, row_number, title), problems, term)
        else:  # no control character but line breaks: only a line break outside a text cell can fail
            _read_clean_row(cells, fields, record, label, problems, breaks="\n" in joined or "\r" in joined)
        key = tuple(record.values.get(name) for name in table.key)
        if None not in key:
            if key in seen:
                record.bad += 1
                column = table.column(table.key[-1])
                problems.errors.append(codes.problem(
                    label, row_number, column, codes.DUPLICATE_KEY, titles[column.name],
                    key=" + ".join(map(str, key)), other=seen[key]))
            else:
                seen[key] = row_number
        records.append(record)
    return records


#: Kinds whose parser names the value (数量 / quantity) in its messages.
_NAMED: dict[str, Callable[[str, Term], object]] = {
    "decimal": values.parse_decimal, "percent": values.parse_percent, "int": values.parse_int}
#: Control characters (category Cc) but tab, LF and CR: what ``check_text`` refuses in every column.
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Distinct cell texts a column's converter remembers (dates, codes, rules repeat; amounts mostly do not).
_MEMO_LIMIT = 20_000


def _has_control(text: str) -> bool:
    """True when ``text`` holds a control character ``check_text`` refuses even in a text column
    (tab, CR and LF are allowed there; CR and LF elsewhere are looked at cell by cell)."""
    return _REFUSED.search(text) is not None


def _converter(column: Column, term: Term) -> Callable[[str], object]:
    """The parser of ``column``'s non-empty cells (what ``_read_cell`` calls for its kind, after
    ``check_text``), built once per file: text as it is; money as ``(amount, wan)``; every other kind
    remembers the values of the texts it has read (all immutable: ``str``, ``Decimal``, ``date``,
    ``int``, ``bool``), so a date or code repeated down the file — or the same RRULE — is parsed once.
    Raises ``InputError`` as the kind's parser does (a refused text is not remembered)."""
    kind = column.kind
    if kind == "text":
        return str
    parse: Callable[[str], object]
    if kind == "money":
        def parse(cell: str) -> object:
            return values.parse_money_amount(cell, term)
    elif kind in _NAMED:
        named = _NAMED[kind]

        def parse(cell: str) -> object:
            return named(cell, term)
    else:
        parse = _PARSERS[kind]
    memo: dict[str, object] = {}

    def convert(cell: str) -> object:
        try:
            return memo[cell]
        except KeyError:
            value = parse(cell)
            if len(memo) < _MEMO_LIMIT:
                memo[cell] = value
            return value

    return convert


def _read_clean_row(cells: list[str], fields: list[tuple[str, int, Column, Term, str, Callable[[str], object]]],
                    record: Record, label: str, problems: Problems, *, breaks: bool) -> None:
    """``_read_cell`` of each field of a row holding no control character but tab, CR and LF
    (``breaks``: some CR or LF): the same values, warnings and problems, each column's converter
    doing the parsing; an empty required cell, or a line break outside a text column, goes to
    ``_read_cell`` itself."""
    count = len(cells)
    found = record.values
    for name, index, column, term, title, convert in fields:
        cell = cells[index].strip() if index < count else ""
        if cell[:1] == "'":
            cell = unguard(cell)
        if not cell or (breaks and column.kind != "text" and ("\n" in cell or "\r" in cell)):
            if cell or column.required:
                _read_cell(cell, column, record, (label, record.row, title), problems, term)
            continue
        try:
            value = convert(cell)
        except InputError as exc:
            record.bad += 1
            problems.errors.append(codes.problem(label, record.row, term, exc.code, title, **exc.params))
            continue
        if column.kind == "money":
            amount: object
            wan: object
            amount, wan = value  # type: ignore[misc]  # the money converter's pair
            if wan:
                problems.warnings.append(codes.warning(label, record.row, term, codes.WAN, title, text=cell,
                                                       amount=amount))
                record.wan.append((column.name, cell))
            found[name] = amount
        else:
            found[name] = value


def _read_cell(cell: str, column: Column, record: Record, where: tuple[str, int, str], problems: Problems,
               term: Term | None = None) -> None:
    """Parse one cell into ``record``; a problem at ``where`` (file, row, header as written) if it is bad.
    ``term``: ``codes.column_term(column)`` when the caller has it."""
    label, row, header = where
    term = term if term is not None else codes.column_term(column)
    if not cell:
        if column.required:
            record.bad += 1
            problems.errors.append(codes.problem(label, row, term, codes.VALUE_REQUIRED, header))
        return
    try:
        values.check_text(cell, line_breaks=column.kind == "text")
        if column.kind == "money":
            amount, wan = values.parse_money_amount(cell, term)
            if wan:
                problems.warnings.append(codes.warning(label, row, term, codes.WAN, header, text=cell, amount=amount))
                record.wan.append((column.name, cell))
            record.values[column.name] = amount
        elif column.kind in _NAMED:
            record.values[column.name] = _NAMED[column.kind](cell, term)
        else:
            record.values[column.name] = _PARSERS[column.kind](cell)
    except InputError as exc:
        record.bad += 1
        problems.errors.append(codes.problem(label, row, term, exc.code, header, **exc.params))


def parse_value(cell: str, column: Column) -> object:
    """One non-empty cell of ``column`` as its typed value (money: ``Decimal`` yuan, 万元 multiplied
    out; dates ``datetime.date``; codes from their Chinese names). Raises ``InputError`` (a
    ``ValueError``) saying what is wrong (for ``amendments.csv`` old and new values, which name
    another table's column)."""
    term = codes.column_term(column)
    if column.kind == "money":
        return values.parse_money_amount(cell, term)[0]
    if column.kind in _NAMED:
        return _NAMED[column.kind](cell, term)
    return _PARSERS[column.kind](cell)
