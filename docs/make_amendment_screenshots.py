"""Render the screenshots of issue 16 (supplementary agreements and attachments) into docs/screenshots/.

    uv run python docs/make_amendment_screenshots.py

A store with the contract of ``tests/amendment_cases.py`` (政务云资源租用服务) and its amendment 补1
(term extended by 3 months, object storage added), a scan and an invoice kept with it; the
editor's Amendments tab (the Compare view of 补1, the terms in force on 31 May 2026) and its
Attachments tab, in English and Chinese (``editor_amendments``, ``editor_attachments``); and the
printed amendment's first page (``print_amendment-01``, and 补2's ``print_amendment_2-01``, needs
pdftoppm). A second amendment 补2, in force only from 1 January 2027, shows as pending (the tab's
note, the editor's corner note, the summary's last page with the amendments: ``print_summary_amendments``).
The first pages of the summary and of the contract print-out on 3 December 2026 print the terms in force
(补1 applied, 补2 pending and not applied) with the note under the title that says so
(``print_summary_terms_in_force``, ``print_contract_terms_in_force``).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDate  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from services.amendments import register  # noqa: E402
from services.amendments.changes import AmendmentData, ChangeData  # noqa: E402
from services.amendments.printing import write_amendment_pdf  # noqa: E402
from services.attachments import files  # noqa: E402
from services.printing.contract import write_contract_pdf  # noqa: E402
from services.printing.summary import write_summary_pdf  # noqa: E402
from services.register import contracts  # noqa: E402
from services.store import open_store  # noqa: E402
from tests.amendment_cases import amendment, original  # noqa: E402
from tests.conftest import FakeDialogs  # noqa: E402
from ui import i18n, tasks  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.editor.contract_editor import ContractEditor  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
#: A second amendment, signed but in force only from 1 January 2027.
PENDING = AmendmentData("ZFY-2026-001-补2", dt.date(2026, 11, 20), dt.date(2027, 1, 1), changes=[
    ChangeData(1, "installment", target_key="2", field="due_offset", old_value="30", new_value="15"),
    ChangeData(2, "penalty_clause", target_key="第八条", field="day_count", old_value="calendar", new_value="working"),
])


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    tasks.set_synchronous(True)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        store = open_store(base / "store.db")
        (base / "合同签字盖章版.pdf").write_bytes(b"%PDF-1.4 scan\n" + bytes(range(256)) * 900)
        (base / "2026年1月发票.ofd").write_bytes(b"<ofd/>" * 3000)
        with store.session() as session:
            contract_id = contracts.save(session, original())
        with store.session() as session:
            register.record(session, contract_id, amendment(), version=1)
        with store.session() as session:  # 补2: signed, not yet in force (shown as pending)
            register.record(session, contract_id, PENDING, version=None)
        with store.session() as session:
            files.add_file(session, contract_id, base / "合同签字盖章版.pdf", kind="signed_copy", note="双方盖章",
                           today=dt.date(2026, 1, 5))
            files.add_file(session, contract_id, base / "2026年1月发票.ofd", kind="invoice", today=dt.date(2026, 2, 3))
        for language, suffix in (("en", ""), ("zh_CN", "_zh")):
            i18n.install(language)
            parent = QWidget()
            editor = ContractEditor(AppContext(store, FakeDialogs(), parent), contract_id)
            editor.resize(1100, 760)
            panel = editor.amendments_panel
            assert panel is not None and editor.attachments_panel is not None
            panel.as_of_edit.setDate(QDate(2026, 5, 31))
            editor.tabs.setCurrentWidget(panel)
            editor.show()
            app.processEvents()
            panel.compare_view.resizeColumnsToContents()
            panel.as_of_view.resizeColumnsToContents()
            app.processEvents()
            editor.grab().save(str(OUT / f"editor_amendments{suffix}.png"))
            editor.tabs.setCurrentWidget(editor.attachments_panel)
            editor.attachments_panel.view.resizeColumnsToContents()
            app.processEvents()
            editor.grab().save(str(OUT / f"editor_attachments{suffix}.png"))
            editor.hide()
        with store.session() as session:
            data = contracts.load(session, contract_id)
        pdf = base / "amendment.pdf"
        write_amendment_pdf(data, amendment(), pdf)
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(OUT / "print_amendment-01")], check=True)
        write_amendment_pdf(data, PENDING, pdf)  # 补2: a count of days changed, worded with its unit
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(OUT / "print_amendment_2-01")], check=True)
        with store.session() as session:
            recorded = register.amendments(session, contract_id)
        summary = base / "summary.pdf"
        pages = write_summary_pdf(data, summary, amendments=recorded, today=dt.date(2026, 12, 3)).pages
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(pages), "-l", str(pages), "-singlefile",
                        str(summary), str(OUT / "print_summary_amendments")], check=True)
        # The first pages: the terms in force on 3 December 2026 (补1 applied, 补2 pending) and the note
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(summary),
                        str(OUT / "print_summary_terms_in_force")], check=True)
        printed = base / "contract.pdf"
        write_contract_pdf(data, printed, amendments=recorded, today=dt.date(2026, 12, 3))
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(printed),
                        str(OUT / "print_contract_terms_in_force")], check=True)
        store.close()


if __name__ == "__main__":
    main()
