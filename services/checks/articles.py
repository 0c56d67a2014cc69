"""Article checks: TeX residue left in an article body by a scan (issue 14).

A body converted from a scan may keep TeX marks (``\\geq 2.0GHz``, ``\\text{m}^2``, ``$\\leq 5$``).
The print-outs show the Unicode they mean (``services.printing.tex``), but the stored text still
holds them — in exports, searches and the editor — so the check warns, naming the article and the
marks, and the officer corrects the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from services.checks.base import Problem, short, warning
from services.printing.tex import tex_residue, tex_to_unicode
from services.register.contract_data import ArticleData

__all__ = ["check_articles"]


def check_articles(articles: Sequence[ArticleData]) -> list[Problem]:
    """One warning ``article_tex_residue`` per article whose heading or body holds TeX marks, naming
    up to three of them with what they print as; field ``articles[i].body`` (0-based position)."""
    found: list[Problem] = []
    for index, article in enumerate(articles):
        marks = tex_residue(article.heading) + tex_residue(article.body)
        if not marks:
            continue
        shown = "、".join(f"{mark} → {tex_to_unicode(mark)}" for mark in dict.fromkeys(marks[:3]))
        shown_en = ", ".join(f"{mark} → {tex_to_unicode(mark)}" for mark in dict.fromkeys(marks[:3]))
        name = short(article.heading) or f"第 {article.seq} 条"
        name_en = short(article.heading) or f"article {article.seq}"
        found.append(warning(
            "article_tex_residue",
            f"条款“{name}”的正文含有扫描留下的排版记号（{shown}）：打印时显示为对应符号，但存储的文本未改，请改正。",
            f"The text of “{name_en}” holds typesetting marks left by a scan ({shown_en}): the print-outs show "
            "the symbols they mean, but the stored text still has the marks; please correct it.",
            f"articles[{index}].body",
        ))
    return found
