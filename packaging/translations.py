"""Refresh the Chinese catalogue: lupdate, fill new messages from the JSON word lists, lrelease.

Usage: ``uv run python packaging/translations.py``

Why: several people add window strings at once; the ``.ts`` file is generated XML that merges
badly. Each piece of work keeps its new translations in ``resources/i18n/zh_CN/<topic>.json``
(``{"Context": {"English source": "中文"}}``, or ``{"*": {...}}`` for any context), which merges
cleanly; this script rebuilds the catalogue from the code and those lists. Messages already
translated in the ``.ts`` keep their translation. Prints what is still unfinished and exits 1
if anything is.
"""

from __future__ import annotations

import glob
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TS = I18N / "contractdesk_zh_CN.ts"
QM = I18N / "contractdesk_zh_CN.qm"
LISTS = I18N / "zh_CN"


def _word_lists() -> dict[str, dict[str, str]]:
    """Context → source → translation, merged from every JSON list (later files win)."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(LISTS.glob("*.json")):
        for context, words in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(context, {}).update(words)
    return merged


def _fill(words: dict[str, dict[str, str]]) -> list[str]:
    """Fill unfinished messages of the .ts in place; return the (context, source) still missing."""
    tree = ET.parse(TS)
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source", "")
            text = words.get(name, {}).get(source) or words.get("*", {}).get(source)
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            del translation.attrib["type"]
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def main() -> int:
    """Run the three steps; 1 when some message has no translation yet."""
    sources = sorted(glob.glob(str(ROOT / "ui" / "*.py")) + glob.glob(str(ROOT / "ui" / "*" / "*.py")))
    subprocess.run(["pyside6-lupdate", "-no-obsolete", *sources, "-ts", str(TS)], check=True,
                   stdout=subprocess.DEVNULL)
    missing = _fill(_word_lists())
    # lupdate again: it writes the catalogue back in its own layout, so diffs stay small.
    subprocess.run(["pyside6-lupdate", "-no-obsolete", *sources, "-ts", str(TS)], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(QM)], check=True, stdout=subprocess.DEVNULL)
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
