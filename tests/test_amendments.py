"""Supplementary agreements (issue 16), without Qt: the changes of an amendment, the contract as of a
date, figures from the effective date, the penalty base before it, and recording in the store."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services import history
from services.amendments import register as amendments
from services.amendments.changes import AmendmentData, ChangeData, ChangeError, apply, diff, revert
from services.amendments.penalty import compute_in_force
from services.calendar.deadlines import deadlines
from services.calendar.workdays import WorkingCalendar
from services.changes import ChangeKind
from services.checks.contract import check_contract, installment_amount
from services.history import HistoryAction
from services.money.capitals import to_capitals
from services.penalty.types import PenaltyInput
from services.register import contracts
from services.register.contract_data import line_totals
from services.store import Store
from tests.amendment_cases import AMENDMENT_NO, D, amended_by_hand, amendment, original

CAL = WorkingCalendar()


def test_the_diff_of_the_edit_is_three_sets_and_one_added_row() -> None:
    changes = diff(original(), amended_by_hand())
    described = [(c.target, c.target_key, c.field, c.action, c.old_value, c.new_value) for c in changes]
    assert described == [
        ("contract", None, "end_date", "set", "2026-06-30", "2026-09-30"),
        ("contract", None, "total_amount", "set", "120000.00", "135000.00"),
        ("contract", None, "total_in_words", "set", "壹拾贰万元整", "壹拾叁万伍仟元整"),
        ("line_item", "2", None, "add", None,
         "seq=2; name=对象存储; unit=套·月; unit_price=5000; quantity=1; periods=3"),
    ]
    assert [c.seq for c in changes] == [1, 2, 3, 4]


def test_extending_by_three_months_and_adding_a_line_gives_the_hand_computed_figures() -> None:
    amended = apply(original(), amendment())
    # total: 2 × 10,000 × 6 + 1 × 5,000 × 3 = 120,000 + 15,000
    assert amended.total_amount == Decimal("135000.00")
    assert line_totals(amended.line_items, amended.tax_rate, amended.total_amount).difference == Decimal("0.00")
    assert to_capitals(amended.total_amount) == "壹拾叁万伍仟元整"
    # the two 50 % installments of 135,000.00
    assert [installment_amount(i, amended.total_amount) for i in amended.installments] == [
        Decimal("67500.00"), Decimal("67500.00")]
    # deadlines: the term ends 2026-09-30; the second installment is due 30 days later
    found = {d.key: d.due for d in deadlines(amended, {}, {}, CAL, D(2026, 6, 2))}
    assert found["term_end"] == D(2026, 9, 30)
    assert found["installment:2"] == D(2026, 10, 30)
    assert not [p for p in check_contract(amended) if p.severity == "error"]


def test_the_contract_before_the_effective_date_is_the_original() -> None:
    amended = apply(original(), amendment())
    recorded = [amendment()]
    assert amendments.as_of(amended, recorded, D(2026, 5, 31)) == original()
    assert amendments.as_of(amended, recorded, D(2026, 6, 1)) == amended
    before = amendments.as_of(amended, recorded, D(2026, 5, 31))
    assert [installment_amount(i, before.total_amount) for i in before.installments] == [
        Decimal("60000.00"), Decimal("60000.00")]
    found = {d.key: d.due for d in deadlines(before, {}, {}, CAL, D(2026, 5, 31))}
    assert found["installment:2"] == D(2026, 7, 30)


def test_a_penalty_for_a_breach_before_the_effective_date_uses_the_original_total() -> None:
    amended = apply(original(), amendment())
    recorded = [amendment()]
    early = compute_in_force(amended, recorded, "第八条", PenaltyInput(days=Decimal("5")), breach=D(2026, 5, 10),
                             calendar=CAL, language="en")
    assert early.amount == Decimal("600.00")  # 0.1 % × 120,000.00 × 5 days
    assert "120,000.00" in early.working()
    assert "the contract as signed" in early.working()
    late = compute_in_force(amended, recorded, "第八条", PenaltyInput(days=Decimal("5")), breach=D(2026, 7, 10),
                            calendar=CAL, language="zh")
    assert late.amount == Decimal("675.00")  # 0.1 % × 135,000.00 × 5 days
    assert AMENDMENT_NO in late.working()


def test_a_wrong_old_value_is_rejected_naming_the_change_and_column() -> None:
    wrong = amendment()
    wrong.changes[1].old_value = "110000.00"
    with pytest.raises(ChangeError) as caught:
        apply(original(), wrong)
    assert (caught.value.seq, caught.value.column) == (2, "old_value")
    assert "110000.00" in str(caught.value) and "120000.00" in str(caught.value)


def test_old_values_compare_as_values_not_text() -> None:
    lenient = amendment()
    lenient.changes[1].old_value = "¥120,000"
    assert apply(original(), lenient).total_amount == Decimal("135000.00")


@pytest.mark.parametrize(("change", "column"), [
    (ChangeData(seq=1, target="invoice", field="x"), "target"),
    (ChangeData(seq=1, target="contract", field="colour", old_value="a"), "field"),
    (ChangeData(seq=1, target="contract", field=None), "field"),
    (ChangeData(seq=1, target="contract", field="end_date", old_value="2026-06-30", new_value="2026-02-30"),
     "new_value"),
    (ChangeData(seq=1, target="contract", field="end_date", action="replace"), "action"),
    (ChangeData(seq=1, target="line_item", target_key="9", field="quantity", old_value="1", new_value="2"),
     "target_key"),
    (ChangeData(seq=1, target="line_item", target_key="1", action="add", new_value="name=重复"), "target_key"),
    (ChangeData(seq=1, target="line_item", target_key="3", action="add", new_value="unit=台"), "new_value"),
    (ChangeData(seq=1, target="line_item", target_key="3", action="add", new_value="name"), "new_value"),
    (ChangeData(seq=1, target="line_item", target_key="1", action="remove", old_value="name=别的"), "old_value"),
    (ChangeData(seq=1, target="contract", field="total_amount", old_value="120000.00", new_value=""), "new_value"),
])
def test_each_kind_of_bad_change_names_its_column(change: ChangeData, column: str) -> None:
    with pytest.raises(ChangeError) as caught:
        apply(original(), AmendmentData(amendment_no="补X", sign_date=D(2026, 5, 1), changes=[change]))
    assert caught.value.column == column


def test_remove_and_set_on_rows_and_their_inverse() -> None:
    edited = copy.deepcopy(original())
    edited.installments[0].percent = Decimal("30")
    edited.installments[1].percent = Decimal("70")
    edited.penalty_clauses = []
    edited.parties[1].name = "某云计算股份有限公司"
    item = AmendmentData(amendment_no="补2", sign_date=D(2026, 3, 1), changes=diff(original(), edited))
    assert {c.action for c in item.changes} == {"set", "remove"}
    after = apply(original(), item)
    assert after == edited
    assert revert(after, item) == original()


_DATES = st.dates(min_value=D(2025, 1, 1), max_value=D(2030, 12, 31))
_MONEY = st.integers(min_value=1, max_value=10**10).map(lambda fen: Decimal(fen) / 100)


@settings(max_examples=40, deadline=None)
@given(end=_DATES, total=_MONEY, quantity=st.integers(min_value=1, max_value=999), note=st.text(max_size=12),
       drop_clause=st.booleans())
def test_apply_of_a_diff_gives_the_edit_and_revert_gives_the_original(
    end: object, total: Decimal, quantity: int, note: str, drop_clause: bool,
) -> None:
    edited = copy.deepcopy(original())
    edited.end_date = end  # type: ignore[assignment]
    edited.total_amount = total.quantize(Decimal("0.01"))
    edited.line_items[0].quantity = Decimal(quantity)
    edited.line_items[0].note = note.strip() or None
    if drop_clause:
        edited.penalty_clauses = []
    item = AmendmentData(amendment_no="补P", sign_date=D(2026, 1, 1), changes=diff(original(), edited))
    assert apply(original(), item) == edited
    assert revert(edited, item) == original()


# ----- in the store --------------------------------------------------------------------------


def _saved(store: Store) -> int:
    with store.session() as session:
        return contracts.save(session, original())


@pytest.mark.both_stores
def test_recording_applies_the_changes_keeps_the_amendment_and_writes_one_history_entry(store: Store) -> None:
    contract_id = _saved(store)
    with store.session() as session:
        version = contracts.load(session, contract_id).version
        entries_before = len(history.history(session, contract_id=contract_id))
        amendments.record(session, contract_id, amendment(), version=version)
        announced = history.changes(session)
    assert contract_id in announced.contract_ids and ChangeKind.CONTRACTS in announced.kinds
    with store.session() as session:
        current = contracts.load(session, contract_id)
        recorded = amendments.amendments(session, contract_id)
        entries = history.history(session, contract_id=contract_id)
        row = contracts.list_rows(session, [contract_id])[contract_id]
    assert current.total_amount == Decimal("135000.00") and current.end_date == D(2026, 9, 30)
    assert row.total_amount == Decimal("135000.00")  # the list shows the contract as amended
    assert [a.amendment_no for a in recorded] == [AMENDMENT_NO]
    assert recorded[0].changes == amendment().changes and recorded[0].position == 1
    assert len(entries) == entries_before + 1
    assert entries[-1].action == HistoryAction.AMENDMENT
    assert entries[-1].details["amendment"]["amendment_no"] == AMENDMENT_NO
    assert entries[-1].details["header"]["total_amount"] == ["120000.00", "135000.00"]
    with store.session() as session:
        assert amendments.load_as_of(session, contract_id, D(2026, 5, 31)) == original()


def test_a_rejected_amendment_leaves_the_contract_and_history_as_they_were(store: Store) -> None:
    contract_id = _saved(store)
    wrong = amendment()
    wrong.changes[0].old_value = "2026-07-31"
    with pytest.raises(ChangeError), store.session() as session:
        amendments.record(session, contract_id, wrong, version=1)
    with store.session() as session:
        assert contracts.load(session, contract_id).end_date == D(2026, 6, 30)
        assert contracts.load(session, contract_id).version == 1
        assert amendments.amendments(session, contract_id) == []


@pytest.mark.both_stores
def test_a_stale_version_a_duplicate_number_an_empty_amendment_and_bad_dates_are_refused(store: Store) -> None:
    contract_id = _saved(store)
    with store.session() as session:
        amendments.record(session, contract_id, amendment(), version=1)
    with pytest.raises(contracts.ConflictError), store.session() as session:
        amendments.record(session, contract_id, AmendmentData("补2", D(2026, 7, 1), changes=[
            ChangeData(1, "contract", field="notes", new_value="x")]), version=1)
    for bad, code in [
        (AmendmentData(AMENDMENT_NO, D(2026, 7, 1), changes=[ChangeData(1, "contract", field="notes", new_value="x")]),
         "AMENDMENT_DUPLICATE"),
        (AmendmentData("补3", D(2026, 7, 1)), "AMENDMENT_EMPTY"),
        (AmendmentData("补4", D(2026, 7, 1), D(2026, 6, 1), changes=[ChangeData(1, "contract", field="notes",
                                                                              new_value="x")]), "AMENDMENT_DATES"),
    ]:
        with pytest.raises(amendments.UserError) as caught, store.session() as session:
            amendments.record(session, contract_id, bad, version=2)
        assert caught.value.code == code
