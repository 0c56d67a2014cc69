"""Render the screenshots in docs/screenshots/ offscreen from the sample ledger.

    uv run python docs/make_screenshots.py

Builds a temporary store from resources/sample_ledger, opens the main window and the
contract editor on BJMEMC-2025174-ZC, and saves each in English and Chinese; then the
editor's Checks panel on the same contract with three typos made (``editor_checks``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from services import contracts  # noqa: E402
from services.ledger_import import import_ledger  # noqa: E402
from services.store import open_store  # noqa: E402
from ui import i18n  # noqa: E402
from ui.checks_panel import show_problem  # noqa: E402
from ui.line_items_model import COL_AMOUNT  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "sample.db")
        import_ledger(store, ROOT / "resources" / "sample_ledger")
        with store.session() as session:
            contract_id = contracts.find_id(session, "BJMEMC-2025174-ZC")
        for language, suffix in (("en", ""), ("zh_CN", "_zh")):
            i18n.install(language)
            window = MainWindow(store)
            window._hand_over_store = True
            window.resize(1200, 420)
            window.show()
            app.processEvents()
            window.grab().save(str(OUT / f"contract_list{suffix}.png"))
            editor = window.edit_contract(contract_id)
            editor.resize(1100, 560)
            for index, name in ((2, "editor_line_items"), (0, "editor_general")):
                editor.tabs.setCurrentIndex(index)
                app.processEvents()
                editor.grab().save(str(OUT / f"{name}{suffix}.png"))
            editor.close()
            editor = window.edit_contract(contract_id)  # typos for the checks to find; never saved
            editor.resize(1100, 760)
            editor.header.edit("sign_date").setText("2015-07-24")
            editor.line_items.model.setData(editor.line_items.model.index(3, COL_AMOUNT), "60775")
            editor.parties.model.setData(editor.parties.model.index(0, 7), "12110000400709393X")
            show_problem(editor, editor.checks.problems()[0])
            app.processEvents()
            editor.grab().save(str(OUT / f"editor_checks{suffix}.png"))
            editor.undo_stack.setClean()
            editor.close()
            window.close()
        empty = open_store(Path(folder) / "empty.db")
        window = MainWindow(empty)
        window.resize(900, 420)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "welcome_zh.png"))
        window.close()
        store.close()
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main()
