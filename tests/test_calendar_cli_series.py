"""``main.py calendar`` lists a routine series as one line (``--each``: every occurrence)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cli.app import run_command
from services.register import contracts as contract_service
from services.register.contract_data import ContractData, MilestoneData, PartyData
from services.store import Store

D = dt.date


def test_a_daily_series_is_one_line(capsys: pytest.CaptureFixture[str], store: Store) -> None:
    data = ContractData("DUTY-1", "值班服务合同", Decimal("1000.00"), sign_date=D(2026, 3, 20),
                        start_date=D(2026, 4, 1), end_date=D(2026, 6, 30),
                        parties=[PartyData("甲方", "甲"), PartyData("乙方", "乙")],
                        milestones=[MilestoneData(1, "值班日志", recurrence="FREQ=DAILY", done_date=D(2026, 4, 9))])
    with store.session() as session:
        contract_service.save(session, data)
    store.close()
    assert run_command(["calendar", "--db", str(store.path), "--today", "2026-04-20", "--lang", "zh_CN"]) == 0
    out, err = capsys.readouterr()
    lines = [line.split("\t") for line in out.splitlines()]
    logs = [fields for fields in lines if fields[1].startswith("值班日志")]
    assert logs == [["DUTY-1", "值班日志 · 每日", "2026-04-10",
                     "已逾期（未完成 82 次，逾期 10 次，已完成至 2026-04-09）"]]
    assert err.strip() == f"共 {len(lines)} 个期限"  # the count in the language of the run too
    assert run_command(["calendar", "--db", str(store.path), "--today", "2026-04-20", "--lang", "en", "--each"]) == 0
    every = [line for line in capsys.readouterr().out.splitlines() if "值班日志" in line]
    assert len(every) == 91 and every[0] == "DUTY-1\t值班日志\t2026-04-01\tdone"
