"""Installment states and contract totals (services.payments.states), no Qt: hand-checked cases
for partial, late, early and over-payments across a year end, and hypothesis properties in fen."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.payments.states import (
    InstallmentState,
    PaidAmount,
    contract_totals,
    installment_status,
    late_payment_days,
    state_label,
)

DUE = dt.date(2026, 12, 20)  # due before the year end; payments run into 2027


def test_partial_then_final_payment_across_the_year_end() -> None:
    first = PaidAmount(dt.date(2026, 12, 15), 30_000_00, 1)
    second = PaidAmount(dt.date(2027, 1, 5), 70_000_00, 2)
    before = installment_status(100_000_00, DUE, [first], dt.date(2026, 12, 16))
    assert before.state is InstallmentState.PARTLY_PAID
    assert (before.paid_fen, before.outstanding_fen) == (30_000_00, 70_000_00)
    overdue = installment_status(100_000_00, DUE, [first], dt.date(2027, 1, 3))
    assert overdue.state is InstallmentState.OVERDUE
    assert overdue.overdue_days == 14  # 11 days left of December + 3 of January
    assert overdue.outstanding_fen == 70_000_00
    paid = installment_status(100_000_00, DUE, [second, first], dt.date(2027, 2, 1))
    assert paid.state is InstallmentState.PAID
    assert paid.paid_on == dt.date(2027, 1, 5)
    assert paid.paid_late_days == 16 and paid.paid_late
    assert paid.outstanding_fen == 0 and paid.overdue_days == 0


def test_early_payment_is_paid_and_not_late() -> None:
    status = installment_status(5_000_00, DUE, [PaidAmount(dt.date(2026, 11, 1), 5_000_00)], dt.date(2026, 11, 2))
    assert status.state is InstallmentState.PAID
    assert status.paid_on == dt.date(2026, 11, 1)
    assert not status.paid_late


def test_over_payment_is_counted_and_nothing_is_outstanding() -> None:
    status = installment_status(1_000_00, DUE, [PaidAmount(dt.date(2026, 12, 1), 600_00, 1),
                                                PaidAmount(dt.date(2026, 12, 2), 600_00, 2)], dt.date(2027, 3, 1))
    assert status.state is InstallmentState.PAID
    assert status.paid_on == dt.date(2026, 12, 2)
    assert (status.outstanding_fen, status.overpaid_fen, status.paid_fen) == (0, 200_00, 1_200_00)


def test_due_and_not_yet_due() -> None:
    assert installment_status(100, DUE, [], DUE - dt.timedelta(days=30)).state is InstallmentState.DUE
    assert installment_status(100, DUE, [], DUE).state is InstallmentState.DUE
    assert installment_status(100, DUE, [], DUE - dt.timedelta(days=31)).state is InstallmentState.NOT_YET_DUE
    assert installment_status(100, None, [], DUE).state is InstallmentState.NOT_YET_DUE  # waiting for an event
    assert installment_status(None, DUE, [], DUE + dt.timedelta(days=5)).state is InstallmentState.NOT_YET_DUE


def test_labels_are_words_not_codes() -> None:
    assert state_label(InstallmentState.PARTLY_PAID, "zh_CN") == "部分支付"
    assert state_label(InstallmentState.OVERDUE, "en") == "overdue"


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(ValueError):
        installment_status(-1, DUE, [], DUE)
    with pytest.raises(ValueError):
        installment_status(100, DUE, [PaidAmount(DUE, -5)], DUE)


def test_contract_totals_by_hand() -> None:
    today = dt.date(2027, 1, 10)
    statuses = [
        installment_status(300_000_00, dt.date(2026, 6, 30), [PaidAmount(dt.date(2026, 7, 10), 300_000_00)], today),
        installment_status(200_000_00, dt.date(2026, 12, 31), [PaidAmount(dt.date(2026, 12, 30), 50_000_00)], today),
        installment_status(100_000_00, dt.date(2027, 6, 30), [], today),
    ]
    totals = contract_totals(statuses, untied_fen=1_234_56)
    assert totals.paid == 350_000_00 + 1_234_56
    assert totals.outstanding == 150_000_00 + 100_000_00
    assert totals.overdue == 150_000_00  # the second, 10 days overdue
    assert totals.paid_late == 1  # the first, paid 10 days after 30 June
    assert late_payment_days(statuses[0], today) == 10
    assert late_payment_days(statuses[1], today) == 10


dates = st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31))
payments = st.lists(st.builds(PaidAmount, dates, st.integers(1, 10**10), st.integers(0, 50)), max_size=6)


@given(st.integers(0, 10**11), dates, payments, dates)
def test_sums_in_fen_balance(due: int, due_date: dt.date, paid: list[PaidAmount], today: dt.date) -> None:
    status = installment_status(due, due_date, paid, today)
    total = sum(p.fen for p in paid)
    assert status.paid_fen == total
    assert status.paid_fen + status.outstanding_fen - status.overpaid_fen == due
    assert status.outstanding_fen >= 0 and status.overpaid_fen >= 0
    assert min(status.outstanding_fen, status.overpaid_fen) == 0


@given(st.integers(1, 10**11), dates, payments, dates)
def test_state_follows_the_rules(due: int, due_date: dt.date, paid: list[PaidAmount], today: dt.date) -> None:
    status = installment_status(due, due_date, paid, today)
    total = sum(p.fen for p in paid)
    assert (status.state is InstallmentState.PAID) == (total >= due)
    if status.state is InstallmentState.PAID:
        assert status.paid_on is not None
        reached = sum(p.fen for p in paid if p.paid_date <= status.paid_on)
        assert reached >= due
        assert sum(p.fen for p in paid if p.paid_date < status.paid_on) < due
        assert status.paid_late == (status.paid_on > due_date)
    elif status.state is InstallmentState.OVERDUE:
        assert today > due_date and status.overdue_days == (today - due_date).days > 0
        assert status.outstanding_fen == due - total > 0
    else:
        assert status.overdue_days == 0 and today <= due_date
        assert (status.state is InstallmentState.PARTLY_PAID) == (total > 0)


@given(st.lists(st.tuples(st.integers(0, 10**9), dates, payments), max_size=5), dates, st.integers(0, 10**8))
def test_contract_totals_are_the_sums(rows: list[tuple[int, dt.date, list[PaidAmount]]], today: dt.date,
                                      untied: int) -> None:
    statuses = [installment_status(due, day, paid, today) for due, day, paid in rows]
    totals = contract_totals(statuses, untied)
    assert totals.paid == untied + sum(p.fen for _, _, paid in rows for p in paid)
    assert totals.outstanding == sum(max(due - sum(p.fen for p in paid), 0) for due, _, paid in rows)
    assert 0 <= totals.overdue <= totals.outstanding
