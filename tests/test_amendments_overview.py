"""The payments overview while an amendment is pending (issue 16): its figures use the terms in force on
its day, the amended terms from the effective date on. No Qt.

Figures by hand (``tests.amendment_cases``, plus a payment and a bond): as signed the total is
120,000.00 元, installment 1 (50 %, due 2026-01-15) is 60,000.00 and was paid 60,000.00 on 2026-01-10
(paid in full), installment 2 (50 %, due 30 days after the end: no fixed date, year "—") is
60,000.00; the 5 % bond lodged 2026-01-05, valid until 2026-07-31, is 6,000.00; the term ends
2026-06-30. Amendment 补1 (effective 2026-06-01): total 135,000.00, so installment 1 is 67,500.00
(7,500.00 outstanding, due 2026-01-15: on 2026-06-01 137 days late, bucket 91–180), installment 2
67,500.00, the bond 6,750.00, the term ends 2026-09-30 (121 days after 2026-06-01: not ending within 90).
"""

from __future__ import annotations

import copy
from decimal import Decimal

from services.amendments import register as amendments
from services.payments.overview import BondRow, EndingRow, OverviewFilter, overview
from services.payments.overview_detail import Selection, installments_behind
from services.payments.record import record_payment
from services.register import contracts, trash
from services.register.contract_data import BondData, PaymentData
from services.store import Store
from tests.amendment_cases import AMENDMENT_NO, D, amendment, original

BEFORE = D(2026, 5, 25)
FROM = D(2026, 6, 1)
NO = "ZFY-2026-001"
SUPPLIER = "某云计算有限公司"


def _store(store: Store) -> int:
    data = copy.deepcopy(original())
    data.bonds = [BondData(seq=1, percent=Decimal("5"), lodged_date=D(2026, 1, 5), valid_until=D(2026, 7, 31))]
    item = amendment()
    with store.session() as session:
        contract_id = contracts.save(session, data)
    with store.session() as session:
        record_payment(session, contract_id, PaymentData(seq=0, paid_date=D(2026, 1, 10), amount=Decimal("60000.00"),
                                                         installment_seq=1))
    with store.session() as session:
        amendments.record(session, contract_id, item, version=None)
    return contract_id


def test_before_the_effective_date_the_figures_use_the_terms_as_signed(store: Store) -> None:
    _store(store)
    with store.session() as session:
        view = overview(session, BEFORE)
    t = view.totals
    assert (t.count, t.value, t.due, t.paid, t.outstanding, t.overdue) == (
        1, Decimal("120000.00"), Decimal("120000.00"), Decimal("60000.00"), Decimal("60000.00"), Decimal("0.00"))
    assert [(f.label, f.due, f.paid, f.outstanding) for f in view.by_budget_year] == [
        ("2026", Decimal("60000.00"), Decimal("60000.00"), Decimal("0.00")),
        ("—", Decimal("60000.00"), Decimal("0.00"), Decimal("60000.00"))]
    assert [(f.label, f.value, f.count) for f in view.by_sign_year] == [("2025", Decimal("120000.00"), 1)]
    assert [(f.label, f.value) for f in view.by_supplier] == [(SUPPLIER, Decimal("120000.00"))]
    assert all(f.overdue == 0 and f.count == 0 for f in view.ageing)
    assert view.bonds == [BondRow(NO, 1, None, Decimal("6000.00"), D(2026, 7, 31), False)]
    assert view.ending == [EndingRow(NO, "政务云资源租用服务", SUPPLIER, D(2026, 6, 30), Decimal("120000.00"))]
    assert view.pending == [(NO, AMENDMENT_NO, FROM)]


def test_from_the_effective_date_the_figures_use_the_amended_terms(store: Store) -> None:
    _store(store)
    with store.session() as session:
        view = overview(session, FROM)
    t = view.totals
    assert (t.count, t.value, t.due, t.paid, t.outstanding, t.overdue) == (
        1, Decimal("135000.00"), Decimal("135000.00"), Decimal("60000.00"), Decimal("75000.00"), Decimal("7500.00"))
    assert [(f.label, f.overdue, f.count) for f in view.ageing] == [
        ("1-30", 0, 0), ("31-90", 0, 0), ("91-180", Decimal("7500.00"), 1), ("180+", 0, 0)]
    assert view.bonds == [BondRow(NO, 1, None, Decimal("6750.00"), D(2026, 7, 31), False)]
    assert view.ending == [] and view.pending == []


def test_the_lists_behind_the_figures_follow_the_same_terms(store: Store) -> None:
    contract_id = _store(store)
    with store.session() as session:
        late_before = installments_behind(session, BEFORE, None, Selection(bucket=2))
        late_after = installments_behind(session, FROM, None, Selection(bucket=2))
        undated = installments_behind(session, BEFORE, None, Selection(due_year="—"))
        by_supplier = installments_behind(session, BEFORE, OverviewFilter(supplier="某云"),
                                          Selection(supplier=SUPPLIER))
    assert late_before == []
    assert [(r.contract_id, r.seq, r.due, r.paid, r.outstanding, r.overdue_days) for r in late_after] == [
        (contract_id, 1, Decimal("67500.00"), Decimal("60000.00"), Decimal("7500.00"), 137)]
    assert [(r.seq, r.due, r.outstanding) for r in undated] == [(2, Decimal("60000.00"), Decimal("60000.00"))]
    assert [(r.seq, r.due, r.paid, r.outstanding) for r in by_supplier] == [
        (1, Decimal("60000.00"), Decimal("60000.00"), Decimal("0.00")),
        (2, Decimal("60000.00"), Decimal("0"), Decimal("60000.00"))]


def test_the_filters_apply_to_the_terms_in_force(store: Store) -> None:
    _store(store)
    with store.session() as session:
        signed_2025 = overview(session, BEFORE, OverviewFilter(year=2025, status="active"))
        other_supplier = overview(session, BEFORE, OverviewFilter(supplier="首信"))
        completed = overview(session, BEFORE, OverviewFilter(status="completed"))
    assert (signed_2025.totals.count, signed_2025.totals.value) == (1, Decimal("120000.00"))
    assert other_supplier.totals.count == completed.totals.count == 0
    assert other_supplier.totals.value == completed.totals.value == Decimal("0.00")


def test_a_contract_in_the_trash_is_not_counted_under_any_terms(store: Store) -> None:
    contract_id = _store(store)
    with store.session() as session:
        trash.move_to_trash(session, contract_id)
    with store.session() as session:
        view = overview(session, BEFORE)
        behind = installments_behind(session, BEFORE, None, Selection(due_year="—"))
    assert (view.totals.count, view.totals.value, view.totals.due) == (0, Decimal("0.00"), Decimal("0.00"))
    assert view.bonds == [] and view.ending == [] and behind == []


def test_every_figure_adds_up_to_the_list_behind_it_while_pending(store: Store) -> None:
    _store(store)
    with store.session() as session:
        view = overview(session, BEFORE)
        for figures in view.by_budget_year:
            rows = installments_behind(session, BEFORE, None, Selection(due_year=figures.label))
            assert sum((r.outstanding for r in rows), Decimal("0.00")) == figures.outstanding
            assert sum((r.paid for r in rows), Decimal("0.00")) == figures.paid
            assert len(rows) == figures.count


def test_the_payments_tab_picture_follows_the_terms_in_force(store: Store) -> None:
    from services.payments.states import InstallmentState
    from services.payments.summary import contract_payments

    contract_id = _store(store)
    with store.session() as session:
        before = contract_payments(session, contract_id, BEFORE)
        after = contract_payments(session, contract_id, FROM)
    first_before, second_before = (line.status for line in before.lines)
    first_after, second_after = (line.status for line in after.lines)
    assert (first_before.state, first_before.due_fen, first_before.outstanding_fen) == (
        InstallmentState.PAID, 6_000_000, 0)
    assert (second_before.due_fen, second_before.due_date) == (6_000_000, D(2026, 7, 30))  # 30 days after 06-30
    assert (first_after.state, first_after.due_fen, first_after.outstanding_fen, first_after.overdue_days) == (
        InstallmentState.OVERDUE, 6_750_000, 750_000, 137)
    assert (second_after.due_fen, second_after.due_date) == (6_750_000, D(2026, 10, 30))  # 30 days after 09-30
    assert before.contract.total_amount == Decimal("120000.00") and after.contract.total_amount == Decimal("135000.00")


def test_what_remains_of_an_installment_follows_the_terms_in_force_on_the_day(store: Store) -> None:
    """Installment 1 was paid 60,000.00 in full as signed; 补1 raises it to 67,500.00 from 2026-06-01."""
    from services.payments.record import exceeds_remaining, remaining

    contract_id = _store(store)
    more = PaymentData(seq=0, paid_date=BEFORE, amount=Decimal("7500.00"), installment_seq=1)
    with store.session() as session:
        assert remaining(session, contract_id, 1, today=BEFORE) == Decimal("0.00")
        assert exceeds_remaining(session, contract_id, more, today=BEFORE) == Decimal("7500.00")
        assert remaining(session, contract_id, 1, today=FROM) == Decimal("7500.00")
        assert exceeds_remaining(session, contract_id, more, today=FROM) is None
        assert remaining(session, contract_id, 2, today=BEFORE) == Decimal("60000.00")
        assert remaining(session, contract_id, 2, today=FROM) == Decimal("67500.00")
