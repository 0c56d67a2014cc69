"""The issue's "Done when" figures for the liquidated-damages calculator (issue 5), pinned on the
sample contracts' own clauses: one test per fact not already pinned with its exact figure in
tests/test_penalty.py or tests/test_penalty_dialog.py.

Already pinned elsewhere (not repeated here): a part day counted as a whole day
(test_penalty.py::test_part_days_whole_or_pro_rata), working days across the 2025 National Day
holiday = 2 (test_penalty.py::test_working_days_across_the_national_day_holiday), the money
properties (test_penalty.py::test_never_above_the_cap_and_monotone_in_days,
test_penalty.py::test_rounded_once_from_the_exact_value).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from services.calendar.workdays import WorkingCalendar
from services.ledger.importer import import_ledger
from services.penalty.compute import PenaltyInput, compute, find_clause
from services.register import contracts
from services.register.contract_data import ContractData
from services.store import open_store
from tests.conftest import CAP_LEDGER, FakeDialogs
from ui import tasks
from ui.main_window import MainWindow
from ui.penalty.penalty_dialog import PenaltyDialog

D = Decimal
CALENDAR = WorkingCalendar()


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ContractData]:
    store = open_store(tmp_path_factory.mktemp("pinned") / "samples.db")
    try:
        import_ledger(store, CAP_LEDGER)
        with store.session() as session:
            return {no: contracts.load_by_no(session, no) for no in ("BJMEMC-2025174-ZC", "WHZF-2026-ZWY")}
    finally:
        store.close()


def run(contract: ContractData, ref: str, **inputs: object):
    clause = find_clause(contract, ref)
    assert clause is not None, ref
    return compute(clause, contract, PenaltyInput(**inputs), calendar=CALENDAR, language="en")


# ----- the figures --------------------------------------------------------------------------------


def test_done_when_bjmemc_8_1_2_one_percent_for_3_days_is_82_161_56(samples):
    result = run(samples["BJMEMC-2025174-ZC"], "8.1.2", days=D(3))
    assert result.exact == D("82161.555")  # 1 % × 2,738,718.50 × 3
    assert result.amount == D("82161.56")  # half up, not half even (…555 → …56)
    assert result.steps == [
        "Days entered: 3 days",
        "1 % × contract total ¥2,738,718.50 × 3 days = ¥82,161.555",
        "Rounded half up to the fen, once: ¥82,161.56",
    ]
    assert result.working().splitlines()[-1] == "Liquidated damages: ¥82,161.56"
    assert not result.capped and not result.terminated


def test_done_when_whzf_11_3_point_01_percent_of_the_total_for_7_days_is_1_790_09(samples):
    result = run(samples["WHZF-2026-ZWY"], "第十一条3", days=D(7))
    assert result.exact == D("1790.08732")  # 0.01 % × 2,557,267.60 × 7
    assert result.amount == D("1790.09")
    assert "0.01 % × contract total ¥2,557,267.60 × 7 days = ¥1,790.08732" in result.steps
    assert result.steps[-1] == "Rounded half up to the fen, once: ¥1,790.09"


def test_done_when_whzf_11_3_seven_days_crosses_its_5_day_threshold(samples):
    result = run(samples["WHZF-2026-ZWY"], "第十一条3", days=D(7))
    assert result.terminated
    assert result.termination_leg is not None and result.termination_leg.amount == D("255726.76")
    assert result.amount == D("1790.09")  # the leg is beside the daily figure, not added to it


def test_done_when_whzf_11_2_per_day_on_the_overdue_amount_stops_at_its_5_percent_cap(samples):
    contract = samples["WHZF-2026-ZWY"]
    # 0.01 % × 2,557,267.60 × 600 = 153,436.056 > 5 % × 2,557,267.60 = 127,863.38
    result = run(contract, "第十一条2", days=D(600), overdue_amount=D("2557267.60"))
    assert result.capped
    assert result.amount == D("127863.38") == result.exact
    assert "0.01 % × overdue amount ¥2,557,267.60 × 600 days = ¥153,436.056" in result.steps
    assert ("Cap of the clause: 5 % of contract total ¥2,557,267.60 = ¥127,863.38; reached: the amount is limited "
            "to ¥127,863.38") in result.steps
    assert "Cap of the clause applied: ¥153,436.056 reduced to ¥127,863.38" in result.notes
    working = result.working()
    assert "Note: Cap of the clause applied" in working
    assert working.splitlines()[-1] == "Liquidated damages: ¥127,863.38"
    # exactly at the cap (500 days) the cap is reached but does not reduce anything
    at_cap = run(contract, "第十一条2", days=D(500), overdue_amount=D("2557267.60"))
    assert at_cap.amount == D("127863.38") and not at_cap.capped
    # more days never go past it
    assert run(contract, "第十一条2", days=D(3650), overdue_amount=D("2557267.60")).amount == D("127863.38")


def test_done_when_working_days_around_national_day_2025_count_the_make_up_days(samples):
    """The official 2025 schedule: 1–8 October holiday; Sunday 28 September and Saturday 11 October
    are make-up working days (调休). The 30 Sep → 10 Oct = 2 case is pinned in test_penalty.py;
    here the make-up days on either side count as working days."""
    contract = samples["BJMEMC-2025174-ZC"]
    clause = dataclasses.replace(find_clause(contract, "8.1.2"), day_count="working")

    def days(due: dt.date, actual: dt.date) -> Decimal:
        result = compute(clause, contract, PenaltyInput(due=due, actual=actual), calendar=CALENDAR, language="en")
        assert not any("estimate" in note for note in result.notes)
        return result.days

    assert days(dt.date(2025, 9, 30), dt.date(2025, 10, 8)) == 0  # all holiday
    assert days(dt.date(2025, 9, 30), dt.date(2025, 10, 10)) == 2  # 9, 10 October
    assert days(dt.date(2025, 9, 30), dt.date(2025, 10, 11)) == 3  # + Saturday 11 October (调休)
    assert days(dt.date(2025, 9, 27), dt.date(2025, 9, 30)) == 3  # Sunday 28 September (调休), 29, 30
    assert days(dt.date(2025, 10, 11), dt.date(2025, 10, 12)) == 0  # Sunday 12 October: an ordinary weekend


@pytest.mark.parametrize(("days", "terminated"), [(D(14), False), (D(15), False), (D(16), True), (D(17), True)])
def test_done_when_bjmemc_8_1_2_termination_is_crossed_on_day_16_not_day_15(samples, days, terminated):
    result = run(samples["BJMEMC-2025174-ZC"], "8.1.2", days=days)
    assert result.terminated is terminated
    assert (result.termination_leg is not None) is terminated
    if terminated:
        assert result.termination_leg.amount == D("547743.70")  # 8.1.2(解除): 20 % × 2,738,718.50
        assert f"more than 15 days late ({days} days): 甲方 may terminate the contract (8.1.2)" in result.notes
    else:
        assert f"termination threshold: more than 15 days; {days} days: not crossed" in result.notes


# ----- the dialog ---------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, store):
    tasks.set_synchronous(True)
    import_ledger(store, CAP_LEDGER)
    main = MainWindow(store, dialogs=FakeDialogs(), open_file=lambda _path: None)
    qtbot.addWidget(main)
    main._hand_over_store = True  # the store fixture closes the store
    yield main
    tasks.set_synchronous(False)


def test_done_when_dialog_choosing_a_clause_and_typing_days_shows_the_figure_and_working(window, qtbot):
    with window.store.session() as session:
        found = contracts.find_id(session, "BJMEMC-2025174-ZC")
    window.list_view.select_contract(found)
    dialog = window.open_penalty_calculator()
    assert isinstance(dialog, PenaltyDialog)
    qtbot.addWidget(dialog)
    dialog.select_clause("8.1.2")
    dialog.by_days.setChecked(True)
    dialog.days_edit.clear()
    qtbot.keyClicks(dialog.days_edit, "3")
    assert dialog.error_label.text() == ""
    assert dialog.result_label.text() == "Amount: ¥82,161.56"
    working = dialog.working.toPlainText()
    assert working.startswith("Clause 8.1.2 (乙方): ")
    assert "1 % × contract total ¥2,738,718.50 × 3 days = ¥82,161.555" in working
    assert "Rounded half up to the fen, once: ¥82,161.56" in working
    assert working.splitlines()[-1] == "Liquidated damages: ¥82,161.56"
    # more days: the figure and the working follow (past the 15-day threshold, with the termination leg)
    dialog.days_edit.setText("16")
    assert dialog.result_label.text() == "Amount: ¥438,194.96"
    assert "Termination leg (8.1.2(解除))" in dialog.working.toPlainText()
