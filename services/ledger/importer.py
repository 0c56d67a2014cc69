"""Importing a ledger into the store: read everything, check everything, then write in one go.

A bad ledger is rejected as a whole with every problem — bad values, unknown contracts, duplicate
keys, missing links, all kinds together, in file and row order — listed as ``file:row:column: reason``
(``services.errors.LocatedProblem``: coded, ``localized(language)`` for the officer);
nothing is half-imported: the whole import is one transaction, and a cancelled import
rolls back. Which rows are replaced (spec ``csv-format.md``; our rule where it is silent):

* a contract already in the store — in ``contracts.csv``, or named by a child file — is
  updated only when ``replace`` is given (the window asks first; the command line needs
  ``--replace``), never duplicated;
* every child file present (parties, line items, installments, articles, …, events, done
  marks) is authoritative for the contracts it concerns — the contracts of ``contracts.csv``
  and those it names — and replaces their rows of that table; a child file that is absent
  leaves them alone. Events and done marks go to the store's recorded events and done marks
  (``services.register.events``); a done mark of an installment is reported and skipped (an
  installment is done when paid: ``installments.csv`` ``paid_date``);
* a contract whose number belongs to a contract in the Trash rejects the ledger
  (``CONTRACT_IN_TRASH``: restore or purge it first).

Each contract written takes its next version (an editor holding the older one gets
``ConflictError``) and gets one history entry, ``import``, with the field-level changes; the
``Changes`` are in the session (``services.history.changes``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.contract import ROLES, Contract
from services import history as history_log
from services import store_stats
from services.backup import backup_before
from services.checks.contract import Problem, wan_problem
from services.errors import LocatedProblem, localize
from services.history import HistoryAction
from services.ledger import apart, codes, damage, import_bulk
from services.ledger.event_warnings import missing_link_errors, unlabelled_event_warnings
from services.ledger.files import LedgerFileError, collect, decode
from services.ledger.read import Problems, Record, read_table
from services.ledger.schema import APART, CHILD_TABLES, CONTRACTS, SUPPORTED, TABLES_BY_NAME
from services.ledger.workbook import SIDE_ZIP
from services.payments.ledger import payments_from_installments
from services.payments.rows import refresh_installments, replace_payments
from services.register import contracts as contract_service
from services.register.contract_data import (
    ArticleData,
    BondData,
    ContractData,
    DoneMarkData,
    EventData,
    InstallmentData,
    LineItemData,
    MilestoneData,
    PartyData,
    PaymentData,
    PenaltyClauseData,
)
from services.register.diff import contract_diff
from services.register.events import done_mark_key, replace_done_marks, replace_events
from services.register.versions import IN_TRASH
from services.store import Store

_DATA_TYPES = {"parties": PartyData, "line_items": LineItemData, "installments": InstallmentData,
               "articles": ArticleData, "milestones": MilestoneData, "bonds": BondData,
               "penalty_clauses": PenaltyClauseData, "events": EventData, "done_marks": DoneMarkData,
               "payments": PaymentData}
#: Child tables kept apart from the contract's own rows (``services.register.events``, ``services.payments``).
_RECORDED = ("events", "done_marks", "payments")

Progress = Callable[[int, int], None]


class LedgerError(ValueError):
    """The ledger was rejected; ``problems`` lists every reason as ``file:row:column: reason``
    (``LocatedProblem``s, in file and row order; ``localized(language)`` for the officer)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems

    def localized(self, language: str) -> list[str]:
        """Every problem in ``language`` (``[CODE] file:row:column text``)."""
        return [localize(problem, language) for problem in self.problems]


class ImportCancelled(Exception):
    """The user cancelled the import; the store is unchanged."""


@dataclass
class LedgerPlan:
    """A ledger read and checked, not yet written.

    ``contracts``: the contracts of contracts.csv by number; ``children``: table → contract
    number → rows, for each child file present; ``existing``: numbers of the contracts the
    ledger would update (already in the store), with ``existing_in`` naming the file that
    names each; ``problems``: errors (reject) and warnings (report); ``wan``: contract number →
    the money cells written in 万元, as (table, seq or role, column, cell text, amount read).
    """

    contracts: dict[str, ContractData] = field(default_factory=dict)
    children: dict[str, dict[str, list[object]]] = field(default_factory=dict)
    existing: list[str] = field(default_factory=list)
    existing_in: dict[str, str] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    rows: dict[str, int] = field(default_factory=dict)
    wan: dict[str, list[tuple[str, object, str, str, Decimal]]] = field(default_factory=dict)
    kept_apart: apart.ApartPlan = field(default_factory=apart.ApartPlan)  # amendments, attachments

    @property
    def contract_numbers(self) -> list[str]:
        """Every contract this ledger writes to: those of contracts.csv, then those only named."""
        named = {no for rows in self.children.values() for no in rows}
        return list(self.contracts) + sorted(named - set(self.contracts))


@dataclass(frozen=True)
class ImportResult:
    """What an import did: contract numbers ``added`` and ``updated``, the warnings, and
    ``problems``: for every contract written, in ledger order, what the checks found
    (``services.checks.contract``), amounts written in 万元 first."""

    added: list[str]
    updated: list[str]
    warnings: list[str]
    problems: dict[str, list[Problem]] = field(default_factory=dict)

    @property
    def with_problems(self) -> list[str]:
        """Numbers of the contracts written with at least one problem, in ledger order."""
        return [no for no, found in self.problems.items() if found]


def read_ledger(path: Path, session: Session) -> LedgerPlan:
    """Read and check the ledger at ``path`` (folder, .zip or one CSV) against the store.

    Never raises for bad content: every problem is in ``plan.problems``. Raises
    ``LedgerFileError`` only when nothing can be read at all.
    """
    plan = LedgerPlan()
    files, ignored = collect(path)
    problems = plan.problems
    problems.warnings.extend(codes.warning(label, None, None, codes.IGNORED_FILE) for label in ignored
                             if "attachments/" not in label  # the attachments' files: read with attachments.csv
                             and not label.endswith(SIDE_ZIP))  # a workbook's files, read with its 附件 sheet
    records: dict[str, tuple[str, list[Record]]] = {}
    for file in files:
        if file.table in records:
            problems.errors.append(codes.problem(file.label, None, None, codes.SECOND_FILE, table=file.table))
            continue
        schema = TABLES_BY_NAME[file.table]
        if schema not in SUPPORTED and schema not in APART:
            problems.warnings.append(codes.warning(file.label, None, None, codes.NOT_STORED_YET, table=file.table))
            continue
        try:
            text = decode(file)
        except LedgerFileError as exc:
            problems.errors.append(LocatedProblem(file.label, *exc.where(), exc.code, exc.params))
            continue
        records[file.table] = (file.label, read_table(text, schema, file.label, problems))
        damage.scan(text, schema, file.label, records[file.table][1], problems)  # what a spreadsheet did to it
    # Go on whatever was found: every kind of problem is reported in one run. Rows with a bad
    # cell (``Record.bad``) are not taken; their contract number still counts as known.

    in_store = set(session.scalars(select(Contract.contract_no).where(contract_service.LIVE)))
    in_trash = set(session.scalars(select(Contract.contract_no).where(Contract.deleted_at.is_not(None))))
    in_ledger: set[str] = set()  # numbers of contracts.csv rows not taken for a bad cell
    trash_told: set[tuple[str, str]] = set()  # (file, contract in the Trash): once a file, not on each row
    if CONTRACTS.name in records:
        label, rows = records[CONTRACTS.name]
        for record in rows:
            number = record.values.get("contract_no")
            if isinstance(number, str) and number in in_trash:
                problems.errors.append(codes.problem(label, record.row, CONTRACTS.column("contract_no"),
                                                     IN_TRASH, contract_no=number))
                continue
            if record.bad:
                if isinstance(number, str):
                    in_ledger.add(number)
                continue
            data = ContractData(**record.values)  # type: ignore[arg-type]  # read_table typed each value per its column
            plan.contracts[data.contract_no] = data
            for column, cell in record.wan:
                plan.wan.setdefault(data.contract_no, []).append(
                    ("contracts", None, column, cell, record.values[column]))  # type: ignore[arg-type]  # 万元: a Decimal
            if data.contract_no in in_store:
                plan.existing.append(data.contract_no)
                plan.existing_in[data.contract_no] = label
        plan.rows[CONTRACTS.name] = len(rows)
    for table in CHILD_TABLES:
        if table not in records:
            continue
        label, rows = records[table]
        by_contract: dict[str, list[object]] = {no: [] for no in plan.contracts}
        number_column = TABLES_BY_NAME[table].column("contract_no")
        for record in rows:
            values = dict(record.values)
            if "contract_no" not in values:  # its own problem is reported
                continue
            contract_no = str(values.pop("contract_no"))
            if contract_no in in_trash:
                if (label, contract_no) not in trash_told:
                    problems.errors.append(codes.problem(label, record.row, number_column, IN_TRASH,
                                                         contract_no=contract_no))
                    trash_told.add((label, contract_no))
                continue
            if contract_no not in plan.contracts and contract_no not in in_store:
                if contract_no not in in_ledger:
                    problems.errors.append(codes.problem(label, record.row, number_column, codes.UNKNOWN_CONTRACT,
                                                         number=contract_no))
                continue
            if record.bad:
                continue
            if contract_no not in plan.contracts and contract_no not in plan.existing_in:
                plan.existing.append(contract_no)
                plan.existing_in[contract_no] = label
            by_contract.setdefault(contract_no, []).append(_DATA_TYPES[table](**values))
            for column, cell in record.wan:
                key = values.get("role", values.get("seq"))
                plan.wan.setdefault(contract_no, []).append((table, key, column, cell, values[column]))  # type: ignore[arg-type]  # 万元: a Decimal
        plan.children[table] = by_contract
        plan.rows[table] = len(rows)
    known = in_store | set(plan.contracts)
    plan.kept_apart = apart.read(records, known, path, problems.errors)
    _check_parties(plan, records)
    _check_done_marks(plan, records)
    _version_1_payments(plan, records, session)
    problems.errors.extend(missing_link_errors(records))
    problems.warnings.extend(unlabelled_event_warnings(session, records))
    order = {file.label: index for index, file in enumerate(files)}
    problems.errors.sort(key=lambda p: _place(p, order))
    problems.warnings.sort(key=lambda p: _place(p, order))
    return plan


def _place(problem: str, order: dict[str, int]) -> tuple[int, int]:
    """Sort key of a problem: its file in ledger order, then its row (whole-file problems first)."""
    if not isinstance(problem, LocatedProblem):
        return (len(order), 0)
    return (order.get(problem.file, len(order)), problem.row or 0)


def _version_1_payments(plan: LedgerPlan, records: dict[str, tuple[str, list[Record]]], session: Session) -> None:
    """Without payments.csv, installments.csv's paid_date/paid_amount read as one payment each
    (``services.payments.ledger``) for the contracts that have no payment in the store yet."""
    if "payments" in records or "installments" not in plan.children:
        return
    from models.payments import Payment  # the store's rows: only to see which contracts have payments

    label = records["installments"][0]
    paying = set(session.scalars(select(Contract.contract_no).join(Payment, Payment.contract_id == Contract.id)))
    derived: dict[str, list[object]] = {}
    for contract_no, rows in plan.children["installments"].items():
        if contract_no in paying:
            continue
        data = plan.contracts.get(contract_no)
        total = data.total_amount if data is not None else session.scalar(
            select(Contract.total_amount).where(Contract.contract_no == contract_no))
        payments, warnings = payments_from_installments(rows, total, label, contract_no)  # type: ignore[arg-type]  # installments.csv rows
        plan.problems.warnings.extend(warnings)
        derived[contract_no] = list(payments)
    plan.children["payments"] = derived


def _check_done_marks(plan: LedgerPlan, records: dict[str, tuple[str, list[Record]]]) -> None:
    """Installment marks are reported and dropped; two marks of one bond's validity are an error
    (a bond has one end of validity, whatever due date each names)."""
    if "done_marks" not in records:
        return
    label, rows = records["done_marks"]
    marks_table = TABLES_BY_NAME["done_marks"]
    by_contract = plan.children["done_marks"]
    seen: dict[tuple[object, str], int] = {}
    for record in rows:
        contract_no = record.values.get("contract_no")
        marks = by_contract.get(str(contract_no))
        if marks is None or record.bad:
            continue
        mark = DoneMarkData(**{k: v for k, v in record.values.items() if k != "contract_no"})  # type: ignore[arg-type]  # typed per column
        key = done_mark_key(mark)
        if key is None:
            plan.problems.warnings.append(codes.warning(label, record.row, marks_table.column("source"),
                                                        codes.INSTALLMENT_MARK, seq=mark.seq))
            marks.remove(mark)
            continue
        if (contract_no, key) in seen:
            plan.problems.errors.append(codes.problem(label, record.row, marks_table.column("due_date"),
                                                      codes.BOND_MARKED_TWICE, seq=mark.seq,
                                                      other=seen[(contract_no, key)]))
            continue
        seen[(contract_no, key)] = record.row


def _check_parties(plan: LedgerPlan, records: dict[str, tuple[str, list[Record]]]) -> None:
    """Roles a party table may not break: at most five parties, each role once (key check did that)."""
    if "parties" not in records:
        return
    label = records["parties"][0]
    for contract_no, parties in plan.children["parties"].items():
        if len(parties) > 5:
            plan.problems.errors.append(codes.problem(label, None, None, codes.TOO_MANY_PARTIES,
                                                      number=contract_no, count=len(parties)))


def apply_ledger(
    session: Session, plan: LedgerPlan, *, replace: bool,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write a checked plan into the store in the caller's transaction.

    An import that wrote a large share of the contracts analyzes the store in the same transaction
    (``services.store_stats.after_import``). Raises ``LedgerError`` if the plan has errors, or names
    contracts already in the store and ``replace`` is False; ``ImportCancelled`` when ``cancelled()``
    turns true (the caller's transaction then rolls back, leaving the store unchanged).
    """
    if plan.problems.errors:
        raise LedgerError(plan.problems.errors)
    if plan.existing and not replace:
        raise LedgerError([codes.problem(plan.existing_in.get(no, "contracts.csv"), None, None, codes.ALREADY_IN_STORE,
                                         number=no) for no in plan.existing])
    numbers = plan.contract_numbers
    added: list[str] = []
    updated: list[str] = []
    found: dict[str, list[Problem]] = {}
    # Runs of contracts new to the store go in bulk, a batch at a time (services.ledger.import_bulk);
    # the others one by one as before. Either way in ledger order, one history entry each.
    taken = set(session.scalars(select(Contract.contract_no)))  # also those in the Trash
    pending: list[import_bulk.NewContract] = []

    def written(contract_no: str, checked: list[Problem]) -> None:
        found[contract_no] = [*_wan_problems(plan, contract_no), *checked]
        if progress is not None:
            progress(len(found), len(numbers))

    def check_cancel() -> None:  # before each contract, as each one's progress comes after it
        if cancelled is not None and cancelled():
            raise ImportCancelled()

    def write_pending() -> None:
        import_bulk.write_new(session, pending, before=check_cancel, done=written)
        pending.clear()

    for contract_no in numbers:
        if import_bulk.BATCH and contract_no in plan.contracts and contract_no not in taken:
            added.append(contract_no)
            pending.append(import_bulk.NewContract(contract_no, plan.contracts[contract_no], {
                table: rows.get(contract_no, []) for table, rows in plan.children.items()}))
            if len(pending) >= import_bulk.BATCH:
                write_pending()
            continue
        write_pending()
        check_cancel()
        contract = session.scalar(select(Contract).where(Contract.contract_no == contract_no))
        (updated if contract is not None else added).append(contract_no)
        before = None
        if contract is None:
            contract = Contract(id=contract_service.new_contract_id(session), version=1)
            session.add(contract)
        else:
            if contract.deleted_at is not None:  # put in the Trash after the plan was read
                raise LedgerError([codes.problem(plan.existing_in.get(contract_no, "contracts.csv"), None, None,
                                                 IN_TRASH, contract_no=contract_no)])
            before = contract_service.load(session, contract.id)
            contract_service.claim_version(session, contract.id, None)
        data = plan.contracts.get(contract_no)
        if data is not None:
            contract_service.write_header(contract, data)
        tables = tuple(t for t in CHILD_TABLES if t in plan.children)
        if data is not None and before is None:
            tables = CHILD_TABLES  # a new contract gets exactly what the ledger has
        carrier = ContractData(contract_no=contract_no, title="", total_amount=contract.total_amount)
        for table in tables:
            setattr(carrier, table, plan.children.get(table, {}).get(contract_no, []))
        contract_service.replace_children(session, contract, carrier,
                                          tables=tuple(t for t in tables if t not in _RECORDED))
        if "events" in tables:
            replace_events(session, contract.id, carrier.events)
        if "done_marks" in tables:
            replace_done_marks(session, contract.id, carrier.done_marks)
        if "payments" in tables and contract_no in plan.children.get("payments", {}):
            replace_payments(session, contract.id, carrier.payments)
        elif "installments" in tables:
            refresh_installments(session, contract.id)
        checked = contract_service.refresh_list_columns(session, contract)
        session.flush()
        after = contract_service.load(session, contract.id)
        session.refresh(contract, ["version"])
        history_log.record(session, HistoryAction.IMPORT, contract_id=contract.id, contract_no=contract_no,
                           contract_version=contract.version, details=contract_diff(before, after))
        written(contract_no, checked)
    write_pending()
    late = apart.apply(session, plan.kept_apart, set(plan.contracts))
    if late:
        raise LedgerError(late)
    store_stats.after_import(session, len(added) + len(updated))  # the planner's statistics (issue 18)
    return ImportResult(added=added, updated=updated, warnings=list(plan.problems.warnings), problems=found)


def _wan_problems(plan: LedgerPlan, contract_no: str) -> list[Problem]:
    """The ``amount_in_wan`` warnings of one contract, each with the path of the field its cell
    went to (a child file present replaces that table, so the row's place is its rank there)."""
    problems = []
    for table, key, column, cell, amount in plan.wan.get(contract_no, []):
        path = column
        if table != "contracts":
            rows = plan.children.get(table, {}).get(contract_no, [])
            keys = sorted((getattr(row, "role", None) or getattr(row, "seq", 0) for row in rows),
                          key=lambda k: ROLES.index(k) if k in ROLES else k if isinstance(k, int) else 99)
            path = f"{table}[{keys.index(key) if key in keys else 0}].{column}"
        problems.append(wan_problem(path, table, key, column, cell, amount))
    return problems


def import_ledger(
    store: Store, path: Path, *, replace: bool = False,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Read, check and write the ledger at ``path`` in one transaction (the command line's import).

    With ``replace`` the store is backed up first (``services.backup.backup_before``, reason
    ``import``). The write lock is taken at the start (``Store.session(write=True)``).
    Raises ``LedgerFileError`` (unreadable), ``LedgerError`` (rejected, with every problem),
    ``ImportCancelled`` or ``StoreError`` (read-only, busy, backup failed); in every case the
    store is unchanged.
    """
    if replace:
        backup_before(store, "import")
    with store.session(write=True) as session:
        plan = read_ledger(path, session)
        return apply_ledger(session, plan, replace=replace, progress=progress, cancelled=cancelled)
