"""Every reason an amendment's change cannot apply is a coded message in the officer's language
(issue 12, "no English sentence in the Chinese window"): the Amendments tab and a rejected
amendments.csv show Chinese under a Chinese window — the column as its Chinese header (新值, not
new_value), the target as its Chinese name (服务明细, not line_item)."""

from __future__ import annotations

import re

import pytest

from services.amendments.changes import AmendmentData, ChangeData, ChangeError, apply
from tests.amendment_cases import AMENDMENT_NO, D, original

CASES = [
    (ChangeData(1, "invoice", field="x", new_value="1"), "target", "不是变更对象", "invoice"),
    (ChangeData(1, "contract", field="title", action="replace", new_value="x"), "action", "不是变更操作", "replace"),
    (ChangeData(1, "contract", field="title", action="add", new_value="x"), "action", "只能修改", ""),
    (ChangeData(1, "contract", new_value="x"), "field", "须写明所改的字段", ""),
    (ChangeData(1, "contract", field="nosuch", new_value="x"), "field", "没有字段", "nosuch"),
    (ChangeData(1, "line_item", target_key="99", field="name", new_value="x"), "target_key", "合同中没有服务明细", ""),
    (ChangeData(1, "line_item", target_key="1", action="add", new_value="name=x"), "target_key", "已存在", ""),
    (ChangeData(1, "line_item", action="add", new_value="name=x"), "target_key", "须有自己的序号", ""),
    (ChangeData(1, "line_item", target_key="7", action="add", new_value="name"), "new_value", "列=值", "name"),
    (ChangeData(1, "line_item", target_key="7", action="add", new_value="unit=台"), "new_value", "须写明", ""),
    (ChangeData(1, "contract", field="title", old_value="政务云资源租用服务", new_value=""), "new_value", "不能为空",
     ""),
    (ChangeData(1, "contract", field="total_amount", old_value="120000.00", new_value="12abc"), "new_value", "金额",
     "abc"),
    (ChangeData(1, "line_item", field="name", new_value="x"), "target_key", "须写明对象键", ""),
]


@pytest.mark.parametrize(("change", "column", "said", "typed"), CASES, ids=[c[2] or c[0].field for c in CASES])
def test_a_change_that_cannot_apply_says_why_in_chinese(change: ChangeData, column: str, said: str,
                                                        typed: str) -> None:
    with pytest.raises(ChangeError) as caught:
        apply(original(), AmendmentData(AMENDMENT_NO, D(2026, 5, 20), changes=[change]))
    error = caught.value
    assert error.column == column  # where the ledger reports it (amendments.csv:ROW:column)
    chinese = error.message("zh_CN")
    assert said in chinese and f"（{_header(column)}）" in chinese, chinese
    words = re.sub(r"\[[A-Z_]+\]$", "", chinese).replace(AMENDMENT_NO, "")
    if typed:
        words = words.replace(typed, "")
    english = re.findall(r"[A-Za-z]{3,}", words)
    assert not english, f"English in the Chinese message: {english} in {chinese!r}"
    assert re.search(r"[A-Za-z]{4,} ", error.message("en"))  # and the English window reads English


def _header(column: str) -> str:
    from services.ledger.schema import AMENDMENTS

    return AMENDMENTS.column(column).alias
