"""The contract and amendment of issue 16's "Done when", shared by the amendment tests.

政务云资源租用服务, 2026-01-01 – 2026-06-30: one line of 2 cloud hosts at 10,000.00 元 a month for 6
months (120,000.00 元), two installments of 50 % (the second 30 days after the end of the term), a
0.1 %-a-day clause on the contract total. Amendment 补1 (signed 2026-05-20, effective 2026-06-01)
extends the term by 3 months to 2026-09-30 and adds object storage at 5,000.00 元 a month for those
3 months (15,000.00 元): the total becomes 135,000.00 元.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

from services.amendments.changes import AmendmentData, diff
from services.register.contract_data import (
    ContractData,
    InstallmentData,
    LineItemData,
    PartyData,
    PenaltyClauseData,
)

D = dt.date
AMENDMENT_NO = "ZFY-2026-001-补1"


def original() -> ContractData:
    """The contract as signed."""
    return ContractData(
        contract_no="ZFY-2026-001", title="政务云资源租用服务", total_amount=Decimal("120000.00"),
        total_in_words="壹拾贰万元整", sign_date=D(2025, 12, 20), start_date=D(2026, 1, 1), end_date=D(2026, 6, 30),
        tax_rate=Decimal("6"),
        parties=[PartyData(role="甲方", name="某市大数据中心"), PartyData(role="乙方", name="某云计算有限公司")],
        line_items=[LineItemData(seq=1, name="云主机", unit="台·月", unit_price=Decimal("10000"),
                                 quantity=Decimal("2"), periods=6)],
        installments=[
            InstallmentData(seq=1, name="首付款", percent=Decimal("50"), due_date=D(2026, 1, 15)),
            InstallmentData(seq=2, name="尾款", percent=Decimal("50"), due_after="end", due_offset=30, due_unit="days"),
        ],
        penalty_clauses=[PenaltyClauseData(clause_ref="第八条", trigger="逾期交付", kind="per_day", payer_role="乙方",
                                           rate=Decimal("0.1"), base="contract_total", day_count="calendar")],
    )


def amended_by_hand() -> ContractData:
    """What the officer types in the editor for 补1: the new end, the new line, the new total."""
    data = copy.deepcopy(original())
    data.end_date = D(2026, 9, 30)
    data.total_amount = Decimal("135000.00")
    data.total_in_words = "壹拾叁万伍仟元整"
    data.line_items.append(LineItemData(seq=2, name="对象存储", unit="套·月", unit_price=Decimal("5000"),
                                        quantity=Decimal("1"), periods=3))
    return data


def amendment() -> AmendmentData:
    """补1 as the changes between the original and the edited contract."""
    return AmendmentData(amendment_no=AMENDMENT_NO, sign_date=D(2026, 5, 20), effective_date=D(2026, 6, 1),
                         text="服务期延长3个月，增加对象存储。", changes=diff(original(), amended_by_hand()))
