"""The overview (services.payments.overview), no Qt: the sample contracts with a few payments
entered, every figure recomputed by hand from the sample ledger."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.calendar.agenda import mark_done
from services.ledger.importer import import_ledger
from services.payments.overview import OverviewFilter, overview
from services.payments.record import record_payment
from services.register import contracts
from services.register.contract_data import PaymentData
from services.store import Store
from tests.conftest import SAMPLE_LEDGER

D = Decimal
TODAY = dt.date(2026, 12, 15)
BJMEMC, RED_CROSS, WHZF = "BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY"


@pytest.fixture
def paid(store: Store) -> Store:
    """The sample register with three payments and two bonds lodged (SQLite, or PostgreSQL for the
    tests marked ``both_stores``)."""
    import_ledger(store, SAMPLE_LEDGER)
    with store.session(write=True) as session:
        ids = {no: contracts.find_id(session, no) for no in (BJMEMC, RED_CROSS, WHZF)}
        record_payment(session, ids[RED_CROSS], PaymentData(0, dt.date(2026, 3, 2), D("100000.00"), 1))  # type: ignore[arg-type]
        record_payment(session, ids[WHZF], PaymentData(0, dt.date(2026, 10, 1), D("700000.00"), 2))  # type: ignore[arg-type]
        record_payment(session, ids[WHZF], PaymentData(0, dt.date(2026, 10, 9), D("88.80"), None))  # type: ignore[arg-type]
        mark_done(session, ids[BJMEMC], "bond:1:lodge", dt.date(2025, 8, 1))  # type: ignore[arg-type]
        mark_done(session, ids[WHZF], "bond:1:lodge", dt.date(2026, 3, 20))  # type: ignore[arg-type]
    return store


@pytest.mark.both_stores
def test_sample_overview_by_hand(paid: Store) -> None:
    with paid.session() as session:
        view = overview(session, TODAY)
    # contract totals: 2,738,718.50 + 415,580.00 + 2,557,267.60; the installments add up to the same
    assert view.totals.value == D("5711566.10") and view.totals.due == D("5711566.10")
    assert view.totals.paid == D("800088.80")  # 100,000.00 + 700,000.00 + 88.80 tied to no installment
    assert view.totals.outstanding == D("4911566.10")  # 5,711,566.10 − 800,000.00
    # WHZF installment 2 (767,180.28, due 2026-09-30) has 67,180.28 left, 76 days overdue; BJMEMC's only
    # installment counts 20 working days from its effective date (= signing, 2025-07-24, a Thursday):
    # Fri 25 Jul is day 1, Thu 21 Aug 2025 day 20 (no holiday between) — 481 days before TODAY, unpaid
    assert view.totals.overdue == D("2805898.78")  # 67,180.28 + 2,738,718.50
    assert [(f.label, f.overdue, f.count) for f in view.ageing] == [
        ("1-30", D("0.00"), 0), ("31-90", D("67180.28"), 1), ("91-180", D("0.00"), 0), ("180+", D("2738718.50"), 1)]
    assert [(f.label, f.value, f.outstanding, f.count) for f in view.by_sign_year] == [
        ("2025", D("2738718.50"), D("2738718.50"), 1),
        ("2026", D("2972847.60"), D("2172847.60"), 2),  # 415,580.00 + 2,557,267.60; less 800,000.00 paid
    ]
    # by due year: BJMEMC's resolved date (2025), WHZF's fixed 2nd installment (2026); the rest wait for
    # events not recorded (invoice, invoice_2, budget, budget_2027: "—")
    assert [(f.label, f.due, f.paid, f.outstanding, f.overdue) for f in view.by_budget_year] == [
        ("2025", D("2738718.50"), D("0.00"), D("2738718.50"), D("2738718.50")),
        ("2026", D("767180.28"), D("700000.00"), D("67180.28"), D("67180.28")),
        # 311,685.00 + 103,895.00 + 1,150,770.42 + 639,316.90
        ("—", D("2205667.32"), D("100000.00"), D("2105667.32"), D("0.00")),
    ]
    assert [(f.label, f.value, f.count) for f in view.by_supplier] == [("首信云技术有限公司", D("5711566.10"), 3)]
    assert [f.due for f in view.due_next] == [D("0.00"), D("0.00")]
    assert [f.label for f in view.by_month][:2] == ["2026-12", "2027-01"] and len(view.by_month) == 12
    # bonds lodged, none returned: BJMEMC's valid until 2026-08-15 (应退未退, first); WHZF's 10 % of its total
    assert [(b.contract_no, b.amount, b.overdue_return) for b in view.bonds] == [
        (BJMEMC, D("273871.85"), True), (WHZF, D("255726.76"), False)]
    assert [(e.contract_no, e.end_date) for e in view.ending] == [(WHZF, dt.date(2027, 3, 9))]


@pytest.mark.both_stores
def test_filters(paid: Store) -> None:
    with paid.session() as session:
        only_2025 = overview(session, TODAY, OverviewFilter(year=2025))
        nobody = overview(session, TODAY, OverviewFilter(supplier="华为"))
        active = overview(session, TODAY, OverviewFilter(status="active"))
        done = overview(session, TODAY, OverviewFilter(status="completed"))
    assert (only_2025.totals.value, only_2025.totals.paid, only_2025.totals.count) == (D("2738718.50"), D("0.00"), 1)
    assert only_2025.bonds and only_2025.bonds[0].contract_no == BJMEMC
    assert (nobody.totals.value, nobody.totals.count, nobody.bonds) == (D("0.00"), 0, [])
    assert active.totals.count == 2 and done.totals.count == 1  # BJMEMC ended 2026-05-15


def test_percent_only_installment_is_exact(paid: Store) -> None:
    """An installment stated only as a percent counts percent × total rounded half up, in integers."""
    with paid.session(write=True) as session:
        contract_id = contracts.find_id(session, RED_CROSS)
        assert contract_id is not None
        data = contracts.load(session, contract_id)
        data.installments[0].amount = None
        data.installments[0].percent = D("33.335")  # 415,580.00 × 33.335 % = 138,533.593 → 138,533.59
        data.installments[1].amount = None
        data.installments[1].percent = D("0.0125")  # 415,580.00 × 0.0125 % = 51.9475 → 51.95
        contracts.save(session, data, contract_id=contract_id)
    with paid.session() as session:
        view = overview(session, TODAY, OverviewFilter(year=2026, supplier="首信"))
    assert view.totals.due == D("138533.59") + D("51.95") + D("2557267.60")


@pytest.mark.both_stores
def test_every_figure_opens_the_installments_behind_it(paid: Store) -> None:
    """The list behind a row adds up to the row: outstanding, overdue, paid and the count."""
    from services.payments.overview_detail import Selection, installments_behind

    with paid.session() as session:
        view = overview(session, TODAY)
        checks = [(Selection(bucket=k), f) for k, f in enumerate(view.ageing)]
        checks += [(Selection(due_year=f.label), f) for f in view.by_budget_year]
        checks += [(Selection(sign_year=f.label), f) for f in view.by_sign_year]
        checks += [(Selection(supplier=f.label), f) for f in view.by_supplier]
        checks += [(Selection(month=f.label), f) for f in view.by_month]
        checks += [(Selection(within=int(f.label)), f) for f in view.due_next]
        for selection, figures in checks:
            rows = installments_behind(session, TODAY, None, selection)
            outstanding = sum((r.outstanding for r in rows), D("0.00"))
            overdue = sum((r.outstanding for r in rows if r.overdue_days), D("0.00"))
            if selection.bucket is not None:
                assert (len(rows), overdue) == (figures.count, figures.overdue), selection
            else:
                assert (outstanding, overdue) == (figures.outstanding, figures.overdue), selection
                assert sum((r.paid for r in rows), D("0.00")) == figures.paid, selection
                if selection.sign_year is None and selection.supplier is None:  # those count contracts
                    assert len(rows) == figures.count, selection
        behind = installments_behind(session, TODAY, None, Selection(bucket=1))
        only_2025 = installments_behind(session, TODAY, OverviewFilter(year=2025), Selection(bucket=1))
    assert [(r.contract_no, r.seq, r.due_date, r.outstanding, r.overdue_days) for r in behind] == [
        (WHZF, 2, dt.date(2026, 9, 30), D("67180.28"), 76)]  # 2026-09-30 → 2026-12-15
    assert only_2025 == []  # the window's filter holds for the list too
