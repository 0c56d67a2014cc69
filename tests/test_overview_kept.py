"""The overview's kept figures (revision 0019, ``services.payments.overview_keep``) equal the figures
computed from scratch (the overview's own SQL over contracts, installments and payments: the oracle)
after any sequence of writes — a contract saved, a payment recorded and removed, an event recorded
(moving a resolved due date), an amendment recorded and then taking effect, the Trash and back, a
ledger import — on days before and after the amendment's effective date, under each filter. No Qt."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.orm import Session

from services.amendments import register as amendments
from services.amendments.changes import ChangeError
from services.amendments.paid import PaidInstallmentError
from services.calendar.agenda import record_event
from services.calendar.stored import OWN_EVENTS
from services.ledger.importer import import_ledger
from services.payments.overview import OverviewFilter, overview
from services.payments.overview_keep import CONTRACTS, INSTALLMENTS, SUMS, keep_figures, present
from services.payments.record import payments_of, record_payment, remove_payment
from services.register import contracts, trash
from services.register.contract_data import PaymentData
from services.store import Store, current_revision, head_revision, open_store
from tests.amendment_cases import amendment, original
from tests.conftest import SAMPLE_LEDGER
from tests.store_revisions import downgrade_to

D = dt.date
#: Before 补1's effective date (2026-06-01), on it, and a day when much is overdue.
DAYS = (D(2026, 5, 25), D(2026, 6, 1), D(2027, 3, 1))
FILTERS = (None, OverviewFilter(year=2026), OverviewFilter(supplier="云"), OverviewFilter(status="active"),
           OverviewFilter(status="completed"), OverviewFilter(year=2025, supplier="首信", status="active"),
           OverviewFilter(status="terminated"), OverviewFilter(status="draft"),
           OverviewFilter(year=2026, status="completed"), OverviewFilter(supplier="云", status="completed"))
#: The sums by due date (revision 0021) in an order independent of their ids.
_SUMS = (f"SELECT due_date, sign_year, status, end_date, due_fen, paid_fen, out_fen, n, open_due_fen, open_paid_fen,"
         f" open_n FROM {SUMS} ORDER BY due_date IS NULL, due_date, sign_year IS NULL, sign_year, status IS NULL,"
         f" status, end_date IS NULL, end_date")


Rows = tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[tuple[object, ...]]]


def _rows(session: Session) -> Rows:
    return ([tuple(r) for r in session.execute(text(f"SELECT * FROM {CONTRACTS} ORDER BY contract_id"))],
            [tuple(r) for r in session.execute(text(f"SELECT * FROM {INSTALLMENTS} ORDER BY contract_id, seq"))],
            [tuple(r) for r in session.execute(text(_SUMS))])


def kept_rows(store: Store) -> Rows:
    """The three tables' rows (contracts, installments, sums by due date), sorted."""
    with store.session() as session:
        return _rows(session)


def recomputed_rows(store: Store) -> Rows:
    """The three tables' rows as computing them anew for every contract gives (rolled back afterwards)."""
    session = store.sessions()
    try:
        keep_figures(session)
        return _rows(session)
    finally:
        session.rollback()
        session.close()


def assert_kept(store: Store, days: tuple[dt.date, ...] = DAYS, filters: tuple[OverviewFilter | None, ...] = FILTERS
                ) -> None:
    assert kept_rows(store) == recomputed_rows(store)
    with store.session() as session:
        assert present(session)
        for day in days:
            for flt in filters:
                assert overview(session, day, flt, kept=True) == overview(session, day, flt, kept=False), (day, flt)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding 补1's contract as signed, with a partial payment on its first installment."""
    path = tmp_path_factory.mktemp("kept") / "prepared.db"
    store = open_store(path)
    with store.session() as session:
        contract_id = contracts.save(session, copy.deepcopy(original()))
        record_payment(session, contract_id, PaymentData(seq=0, paid_date=D(2026, 1, 10),
                                                         amount=Decimal("60000.00"), installment_seq=1))
    store.close()
    return path


OPS = st.lists(st.tuples(st.sampled_from(("pay", "unpay", "event", "save", "trash", "amend", "import")),
                         st.integers(0, 3), st.integers(0, 400)), min_size=1, max_size=7)


def _live_ids(store: Store) -> list[int]:
    with store.session() as session:
        return list(session.scalars(text("SELECT id FROM contracts ORDER BY id")))


def _apply(store: Store, op: str, pick: int, amount: int) -> None:
    ids = _live_ids(store)
    contract_id = ids[pick % len(ids)]
    day = D(2026, 1, 1) + dt.timedelta(days=amount)
    with store.session() as session:
        in_trash = contract_id in {row.id for row in trash.trash_rows(session)}
    if op == "import":
        with store.session() as session:
            imported = contracts.find_id(session, "2026-021") is not None or any(
                row.contract_no == "2026-021" for row in trash.trash_rows(session))
        if not imported:
            import_ledger(store, SAMPLE_LEDGER)
        return
    if op == "trash":
        with store.session() as session:
            (trash.restore if in_trash else trash.move_to_trash)(session, contract_id)
        return
    if in_trash:
        return
    try:
        _write(store, op, contract_id, amount, day)
    except (ChangeError, PaidInstallmentError):  # 补1 no longer applies (a save changed the total it
        # starts from), or would leave an installment worth less than was paid on it: refused, nothing written
        assert op == "amend"


def _write(store: Store, op: str, contract_id: int, amount: int, day: dt.date) -> None:
    with store.session() as session:
        data = contracts.load(session, contract_id)
        if op == "pay":
            seqs = [i.seq for i in data.installments]
            seq = seqs[amount % len(seqs)] if seqs and amount % 5 else None  # sometimes tied to none
            record_payment(session, contract_id, PaymentData(  # type: ignore[arg-type]
                seq=0, paid_date=day, amount=Decimal(amount * 97) + Decimal("0.35"), installment_seq=seq))
        elif op == "unpay":
            paid = payments_of(session, contract_id)
            if paid:
                remove_payment(session, contract_id, paid[amount % len(paid)].seq)
        elif op == "event":
            names = sorted({i.due_after for i in data.installments if i.due_after and i.due_after not in OWN_EVENTS}
                           | {"acceptance"})
            record_event(session, contract_id, names[amount % len(names)], day if amount % 7 else None)
        elif op == "save":
            data.total_amount = (data.total_amount or Decimal(0)) + Decimal(amount)
            if amount % 3 == 0:
                data.sign_date = D(2025, 3, 1) + dt.timedelta(days=amount)
            if amount % 4 == 0 and data.parties:
                data.parties[-1].name = f"{data.parties[-1].name}分公司"
            if amount % 5 == 0:
                data.status = "terminated" if data.status is None else None
            contracts.save(session, data, contract_id=contract_id)
        elif op == "amend" and data.contract_no == original().contract_no and not amendments.amendments(
                session, contract_id):
            amendments.record(session, contract_id, amendment(), version=None)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=(Phase.explicit, Phase.reuse, Phase.generate))  # no shrinking: each example writes a store
@given(ops=OPS)
# Two payments on installment 1, then 补1 would leave it worth less than was paid: refused (AMENDMENT_BELOW_PAID).
@example(ops=[("pay", 1, 225), ("pay", 0, 86), ("amend", 2, 113), ("amend", 0, 226), ("save", 0, 31),
              ("import", 1, 361), ("trash", 1, 28)])
def test_the_kept_figures_equal_the_figures_computed_from_scratch(prepared: Path, tmp_path: Path,
                                                                  ops: list[tuple[str, int, int]]) -> None:
    path = tmp_path / f"kept-{abs(hash(tuple(ops)))}.db"
    shutil.copyfile(prepared, path)
    store = open_store(path)
    try:
        assert_kept(store, DAYS[:2], FILTERS[:2])
        for op, pick, amount in ops:
            _apply(store, op, pick, amount)
            assert kept_rows(store) == recomputed_rows(store), (op, pick, amount)
        assert_kept(store)
    finally:
        store.close()
        path.unlink()


def test_a_fixed_sequence_of_every_kind_of_write(prepared: Path, tmp_path: Path) -> None:
    path = tmp_path / "fixed.db"
    shutil.copyfile(prepared, path)
    store = open_store(path)
    try:
        for step in (("import", 0, 0), ("pay", 1, 61), ("pay", 0, 9), ("event", 2, 200), ("amend", 0, 0),
                     ("trash", 0, 0), ("save", 3, 60), ("unpay", 1, 0), ("trash", 0, 0), ("event", 3, 14)):
            _apply(store, *step)
            assert kept_rows(store) == recomputed_rows(store), step
        contracts_rows, installment_rows, _sums = kept_rows(store)
        assert len(contracts_rows) == 4 and len(installment_rows) >= 8  # all four back from the Trash, kept
        assert_kept(store)
    finally:
        store.close()


def test_a_contract_in_the_trash_has_no_kept_rows(prepared: Path, tmp_path: Path) -> None:
    path = tmp_path / "trash.db"
    shutil.copyfile(prepared, path)
    store = open_store(path)
    try:
        (contract_id,) = _live_ids(store)
        assert len(kept_rows(store)[1]) == 2
        with store.session() as session:
            trash.move_to_trash(session, contract_id)
        assert kept_rows(store) == ([], [], [])
        with store.session() as session:
            trash.restore(session, contract_id)
        (row,), installments, sums = kept_rows(store)
        # 120,000.00 total; 50 % + 50 %; 60,000.00 paid on the first: outstanding 60,000.00 (the second,
        # due 30 days after the end of the term, 2026-06-30)
        assert row[0] == contract_id and row[6:] == (12_000_000, 6_000_000, 12_000_000, 6_000_000, 6_000_000, 2)
        assert [r[1:6] for r in installments] == [(1, "2026-01-15", 6_000_000, 6_000_000, 0),
                                                      (2, "2026-07-30", 6_000_000, 0, 6_000_000)]
        # summed by due date (one installment each): due, paid, outstanding, n, and the same of the open ones
        assert [(r[0], *r[4:]) for r in sums] == [("2026-01-15", 6_000_000, 6_000_000, 0, 1, 0, 0, 0),
                                                  ("2026-07-30", 6_000_000, 0, 6_000_000, 1, 6_000_000, 0, 1)]
    finally:
        store.close()


def test_a_store_at_0018_upgrades_and_computes_the_figures(prepared: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(prepared, path)
    store = open_store(path)
    import_ledger(store, SAMPLE_LEDGER)
    expected = kept_rows(store)
    store.close()
    downgrade_to(path, "0018")
    old = open_store(path, target="0018")
    with old.session() as session:
        assert not present(session)
        names = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'")))
    assert CONTRACTS not in names and INSTALLMENTS not in names
    old.close()
    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert kept_rows(store) == expected and len(expected[0]) == 4
        assert_kept(store, DAYS, FILTERS[:3])
    finally:
        store.close()


def test_a_store_at_0020_upgrades_and_sums_the_kept_installments(prepared: Path, tmp_path: Path) -> None:
    path = tmp_path / "at-0020.db"
    shutil.copyfile(prepared, path)
    store = open_store(path)
    import_ledger(store, SAMPLE_LEDGER)
    expected = kept_rows(store)
    store.close()
    assert expected[2] and sum(int(r[7]) for r in expected[2]) == len(expected[1])  # every installment, once
    downgrade_to(path, "0020")
    old = open_store(path, target="0020")
    with old.session() as session:
        assert present(session)
        assert SUMS not in set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'")))
    old.close()
    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert kept_rows(store) == expected
        assert_kept(store, DAYS, FILTERS[3:5] + FILTERS[6:9])
    finally:
        store.close()
