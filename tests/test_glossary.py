"""The glossary of procurement terms (issue 14; ``services.glossary``): English names suggested for
line items and bond forms, composed from known terms, never half Chinese. No Qt."""

from __future__ import annotations

import csv
import json
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from services.glossary import GLOSSARY_PATH, english_term, load_glossary, suggest
from tests.conftest import SAMPLE_LEDGER

_CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize(("name", "english"), [
    ("云服务器（8核16G）", "Cloud server (8 vCPU, 16 GB)"),
    ("云服务器(8核16G)", "Cloud server (8 vCPU, 16 GB)"),
    ("云主机（８Ｃ１６Ｇ 500G存储）", "Cloud host (8 vCPU, 16 GB, 500 GB storage)"),
    ("公网IP带宽（100M）", "Public IP bandwidth (100 Mbps)"),
    ("对象存储", "Object storage"),
    ("负载均衡器", "Load balancer"),
    ("数据库审计服务", "Database audit service"),
    ("x86 平台云主机服务-内存", "x86 platform cloud host service: memory"),
    ("云端抗 DDOS 服务", "Cloud anti-DDOS service"),
    ("普通性能存储", "Standard-performance storage"),
    ("履约保函", "Performance guarantee (bank guarantee)"),
    ("履约保证金", "Performance bond"),
    ("月报", "Monthly report"),
    ("运维月报", "Operations and maintenance monthly report"),
])
def test_suggestions_compose_known_terms(name: str, english: str) -> None:
    assert suggest(name) == english


@pytest.mark.parametrize("name", [
    "形式不限（如为保函，有效期至2026年8月15日）",  # 形式不限 is no term: no half-English suggestion
    "中标麒麟操作系统",
    "云服务器（8核16G，含麒麟系统）",  # the part in brackets must be covered too
    "", None, "VPN", "x86",  # nothing Chinese: nothing to suggest
])
def test_no_suggestion_where_a_chinese_word_is_unknown(name: str | None) -> None:
    assert suggest(name) is None


def test_the_glossary_is_data_with_the_terms_asked_for() -> None:
    data = json.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))
    assert len(data["terms"]) >= 60
    for term in ("内存", "存储", "带宽", "公网IP", "负载均衡", "备份", "安全服务", "数据库", "对象存储",
                 "履约保函", "保证金", "月报"):
        assert term in data["terms"], term
    assert all(not _CJK.search(english) for english in data["terms"].values())
    assert "{n}" in data["units"]["核"]


def test_bond_forms_print_english_only_for_whole_terms() -> None:
    assert english_term("履约保函") == "Performance guarantee (bank guarantee)"
    assert english_term("银行保函 ") == "Bank guarantee"
    assert english_term("云服务器（8核16G）") is None  # composed names are suggestions, not print-outs
    assert english_term(None) is None


def test_most_sample_line_items_get_a_suggestion_and_none_is_mixed() -> None:
    with open(SAMPLE_LEDGER / "line_items.csv", encoding="utf-8-sig", newline="") as handle:
        names = [row["name"] for row in csv.DictReader(handle)]
    found = [suggest(name) for name in names]
    assert sum(1 for s in found if s) >= len(names) * 2 // 3
    assert all(not _CJK.search(s) for s in found if s)


_TERMS = sorted(load_glossary().terms)


def test_a_longer_term_gives_way_when_it_would_leave_a_character_uncovered() -> None:
    """安全服务器: the longest term at the start, 安全服务, would leave 器 alone; 安全 + 服务器 reads it all
    (found by the property below)."""
    assert suggest("安全服务器") == "Security server"
    assert suggest("安全服务") == "Security services"


@example(["安全", "服务器"])
@given(st.lists(st.sampled_from(_TERMS), min_size=1, max_size=5))
def test_any_run_of_known_terms_gets_an_english_name_without_chinese(terms: list[str]) -> None:
    english = suggest("".join(terms))
    if all(not load_glossary().terms[t] for t in terms) or not _CJK.search("".join(terms)):
        return  # only words English leaves out (的, 并), or nothing Chinese: no suggestion needed
    assert english is not None and not _CJK.search(english)
