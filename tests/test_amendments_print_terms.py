"""Print-outs print the terms in force on the day printed, with a note naming the amendments they
include (issue 16): the contract print-out and the bilingual summary of a contract amended by 补1
(effective 2026-06-01: total 120,000.00 → 135,000.00 元, end 2026-06-30 → 2026-09-30, each installment
60,000.00 → 67,500.00 元) and 补2 (effective 2027-01-01: end → 2026-12-31). A pending amendment is noted
as pending and not applied."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from services.amendments.print_sections import printed_terms, terms_note
from services.printing.contract import write_contract_pdf
from services.printing.summary import write_summary_pdf
from tests.amendment_cases import AMENDMENT_NO, amendment
from tests.test_amendments_print import PENDING, TODAY, _amended, _text

BEFORE = dt.date(2026, 5, 25)  # neither in force


def test_the_contract_print_out_prints_the_terms_in_force_and_says_which_amendments(tmp_path: Path) -> None:
    text = _text(write_contract_pdf(_amended(), tmp_path / "c.pdf", amendments=[amendment(), PENDING],
                                    today=TODAY).path)
    assert f"本文本金额及期限已按补充协议{AMENDMENT_NO}（2026年6月1日起生效）变更。" in text
    assert "补充协议ZFY-2026-001-补2（2027年1月1日起生效）尚未生效，本文本未按其变更。" in text
    assert "合同总价（小写）：¥135,000.00" in text and "合同总价（大写）：壹拾叁万伍仟元整" in text
    assert "¥67,500.00" in text and "¥60,000.00" not in text.split("附：补充协议")[0]  # installments as amended
    assert text.index("本文本金额及期限") < text.index("合同当事人")  # under the title, before the terms

    text = _text(write_contract_pdf(_amended(), tmp_path / "b.pdf", amendments=[amendment(), PENDING],
                                    today=BEFORE).path)
    assert "本文本金额及期限已按" not in text
    assert (f"补充协议{AMENDMENT_NO}（2026年6月1日起生效）、补充协议ZFY-2026-001-补2（2027年1月1日起生效）"
            "尚未生效") in text
    assert "合同总价（小写）：¥120,000.00" in text and "合同总价（大写）：壹拾贰万元整" in text
    assert "对象存储" not in text.split("附：补充协议")[0]  # 补1's line item not yet among the terms
    assert "¥60,000.00" in text and "¥67,500.00" not in text


def test_the_summary_prints_the_terms_in_force_with_the_note_in_both_languages(tmp_path: Path) -> None:
    text = _text(write_summary_pdf(_amended(), tmp_path / "s.pdf", amendments=[amendment(), PENDING],
                                   today=TODAY).path)
    assert f"AmountsanddatesasamendedbySupplementaryAgreement{AMENDMENT_NO},effective1June2026." in text
    assert "SupplementaryAgreementZFY-2026-001-补2,effective1January2027:pending,notapplied." in text
    assert "2026年1月1日至2026年9月30日" in text  # the end as amended by 补1, not yet by 补2
    assert "2026年12月31日" not in text.split("补充协议Amendments")[0]
    assert "¥135,000.00" in text and "壹拾叁万伍仟元整" in text
    text = _text(write_summary_pdf(_amended(), tmp_path / "b.pdf", amendments=[amendment(), PENDING],
                                   today=BEFORE).path)
    assert "¥120,000.00" in text.split("补充协议Amendments")[0] and "amendedby" not in text


def test_without_amendments_nothing_is_noted_and_the_terms_are_the_stored_ones() -> None:
    data = _amended()
    assert terms_note(data, [], TODAY) == []
    assert printed_terms(data, [], TODAY) is data
    on_day = printed_terms(data, [amendment(), PENDING], dt.date(2027, 1, 1))
    assert on_day is data and terms_note(data, [amendment(), PENDING], dt.date(2027, 1, 1))[0][1].count(
        "Supplementary Agreement") == 2
