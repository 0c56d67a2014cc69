"""The Chinese translation: complete, consistent with the code, compiled, and loaded by ``ui.i18n``.

A visible string added to ``ui/`` without translating it, a translation that drops a
placeholder, or a ``.qm`` not rebuilt after editing the ``.ts`` fails here. To fix: add the new
strings' translations to a list in ``resources/i18n/zh_CN/*.json`` and run
``uv run python packaging/translations.py`` (lupdate, fill from the lists, lrelease).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TS = I18N / "contractdesk_zh_CN.ts"
QM = I18N / "contractdesk_zh_CN.qm"

# {0}, {row}, {count} …; Qt's %n and %1 …; the yuan sign, which must survive translation.
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d+|¥")
# A menu accelerator: "&" before a letter ("&&" is a literal ampersand).
_ACCELERATOR = re.compile(r"(?<!&)&([A-Za-z0-9])")
_FOUND = re.compile(r"Found (\d+) source text\(s\) \((\d+) new and (\d+) already existing\)")


def _tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` of the environment running the tests."""
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.fail(f"pyside6-{name} not found next to {sys.executable} or on PATH")
    return found


def _messages() -> list[tuple[str, ET.Element]]:
    """(context name, <message>) of every message in the catalogue."""
    root = ET.parse(TS).getroot()
    return [(context.findtext("name", ""), message)
            for context in root.iter("context") for message in context.iter("message")]


def _translation_texts(message: ET.Element) -> list[str]:
    """The translation's text; for a numerus message, each <numerusform>."""
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _translations() -> dict[tuple[str, str], str]:
    """(context, source) → the (first) translation."""
    return {(context, message.findtext("source", "")): _translation_texts(message)[0]
            for context, message in _messages()}


# --- (a) every message is translated, placeholders kept ---------------------------------------


def test_catalogue_is_chinese_and_not_empty() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "zh_CN"
    assert len(_messages()) > 100


def test_every_message_is_translated() -> None:
    problems = []
    for context, message in _messages():
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None, (context, source)
        kind = translation.get("type")
        if kind is not None:
            problems.append(f"{context}: {source!r} is {kind}")
        texts = _translation_texts(message)
        if message.get("numerus") == "yes" and len(texts) != 1:
            problems.append(f"{context}: {source!r} needs exactly one numerus form for Chinese, has {len(texts)}")
        if not texts or any(not text.strip() for text in texts):
            problems.append(f"{context}: {source!r} has an empty translation")
    assert not problems, "\n".join(problems)


def test_context_names_are_classes() -> None:
    """A context named like a variable ("model") comes from ``something.tr()``, which
    lupdate cannot attribute: at run time Qt looks the text up under the class name and finds nothing."""
    contexts = {context for context, _ in _messages()}
    assert all(name[:1].isupper() for name in contexts), sorted(contexts)


def test_translations_keep_placeholders() -> None:
    problems = []
    for context, message in _messages():
        source = message.findtext("source", "")
        wanted = Counter(_PLACEHOLDER.findall(source))
        for text in _translation_texts(message):
            got = Counter(_PLACEHOLDER.findall(text))
            if got != wanted:
                problems.append(f"{context}: {source!r} → {text!r}: {dict(wanted)} ≠ {dict(got)}")
    assert not problems, "\n".join(problems)


def test_translations_keep_accelerators() -> None:
    """"&File" → "文件(&F)": the same key, in the Chinese convention of a bracketed letter."""
    problems = []
    for context, message in _messages():
        source = message.findtext("source", "")
        keys = [key.upper() for key in _ACCELERATOR.findall(source)]
        for text in _translation_texts(message):
            if [key.upper() for key in _ACCELERATOR.findall(text)] != keys:
                problems.append(f"{context}: {source!r} → {text!r}")
            elif keys and f"(&{keys[0]})" not in text:
                problems.append(f"{context}: {source!r} → {text!r}: write the key as (&{keys[0]})")
    assert not problems, "\n".join(problems)


# --- (b) the committed .qm is the compiled .ts -------------------------------------------------


def test_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    assert QM.exists(), f"{QM.name} missing: run pyside6-lrelease"
    fresh = tmp_path / "fresh.qm"
    result = subprocess.run([_tool("lrelease"), str(TS), "-qm", str(fresh)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 unfinished" in result.stdout, result.stdout
    assert fresh.read_bytes() == QM.read_bytes(), (
        f"{QM.name} is stale: run pyside6-lrelease {TS.relative_to(ROOT)} -qm {QM.relative_to(ROOT)}"
    )


# --- (c) the catalogue holds every string of the code ------------------------------------------


def test_catalogue_covers_the_code(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    sources = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "ui").rglob("*.py"))
    result = subprocess.run([_tool("lupdate"), *sources, "-ts", str(copy)],
                            cwd=ROOT, capture_output=True, text=True, timeout=30, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    found = _FOUND.search(output)
    assert found is not None, output
    total, new, _existing = (int(group) for group in found.groups())
    assert total > 0, output
    assert new == 0, (
        f"{new} source text(s) of ui/ are not in {TS.name}: run pyside6-lupdate ui/*.py ui/*/*.py -ts "
        f"{TS.relative_to(ROOT)}, translate them, then pyside6-lrelease\n{output}"
    )


# --- (d) ui.i18n installs and removes the translation ------------------------------------------


@pytest.fixture
def chinese(qapp):
    from ui import i18n

    yield i18n.install("zh_CN")
    i18n.install("en")


def test_install_chinese_then_english(qapp) -> None:
    from ui import i18n

    try:
        assert i18n.install("zh_CN") == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    finally:
        i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_loaded_qm_gives_the_ts_translations(chinese) -> None:
    expected = _translations()
    for context, source in [
        ("MainWindow", "&New contract…"),
        ("ContractEditor", "Line items"),
        ("ContractListModel", "Active"),
        ("LineItemsModel", "Computed"),
        ("LineItemsEditor", "Row {row}, {column}: {reason}"),
        ("WelcomePage", "The register is empty"),
    ]:
        assert QCoreApplication.translate(context, source) == expected[(context, source)], (context, source)


def test_plural_messages_fill_in_the_count(chinese) -> None:
    text = QCoreApplication.translate("LineItemsEditor", "Delete %n line(s)?", None, 3)
    assert "3" in text
    assert "%n" not in text
    assert text == _translations()[("LineItemsEditor", "Delete %n line(s)?")].replace("%n", "3")
