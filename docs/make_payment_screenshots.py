"""Render the payments screenshots (issue 15) offscreen from the sample ledger.

    uv run python docs/make_payment_screenshots.py

A temporary store from resources/sample_ledger with a few payments entered (2026-021: 100,000.00
of its first installment; WHZF-2026-ZWY: 700,000.00 of its second, due 30 September 2026, and
88.80 tied to no installment; the bonds of BJMEMC and WHZF lodged), as on 1 December 2026: the
editor's Payments tab on WHZF-2026-ZWY (``payments_tab``, ``payments_tab_zh``) and View → Overview
(``overview``, ``overview_zh``); the editor's Installments tab with its read-only paid columns
(``editor_installments_paid``, ``_zh``); the overview printed to PDF and rendered with pdftoppm
(``overview_pdf-1``, ``overview_pdf_zh-1`` …, as on 1 August 2026). Kept apart from
make_screenshots.py so the other screenshots are not re-rendered.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from services.calendar.agenda import mark_done  # noqa: E402
from services.ledger.importer import import_ledger  # noqa: E402
from services.payments.overview import overview as overview_figures  # noqa: E402
from services.payments.overview_pdf import write_overview_pdf  # noqa: E402
from services.payments.record import record_payment  # noqa: E402
from services.register import contracts  # noqa: E402
from services.register.contract_data import PaymentData  # noqa: E402
from services.store import open_store  # noqa: E402
from ui import i18n  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.payments.overview_window import OverviewWindow  # noqa: E402
from ui.payments.payments_tab import PaymentsTab  # noqa: E402
from ui.tasks import set_synchronous  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = dt.date(2026, 12, 1)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    set_synchronous(True)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "sample.db")
        import_ledger(store, ROOT / "resources" / "sample_ledger")
        with store.session(write=True) as session:
            ids = {no: contracts.find_id(session, no) for no in ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")}
            record_payment(session, ids["2026-021"], PaymentData(  # type: ignore[arg-type]
                0, dt.date(2026, 4, 20), Decimal("100000.00"), 1, invoice_no="No.04130012", voucher_no="记-0420"))
            record_payment(session, ids["WHZF-2026-ZWY"], PaymentData(  # type: ignore[arg-type]
                0, dt.date(2026, 10, 15), Decimal("700000.00"), 2, invoice_no="No.10080031", voucher_no="记-1015"))
            record_payment(session, ids["WHZF-2026-ZWY"], PaymentData(  # type: ignore[arg-type]
                0, dt.date(2026, 10, 20), Decimal("88.80"), None, note="电费分摊"))
            mark_done(session, ids["BJMEMC-2025174-ZC"], "bond:1:lodge", dt.date(2025, 8, 1))  # type: ignore[arg-type]
            mark_done(session, ids["WHZF-2026-ZWY"], "bond:1:lodge", dt.date(2026, 3, 20))  # type: ignore[arg-type]
        for language, suffix in (("en", ""), ("zh_CN", "_zh")):
            i18n.install(language)
            window = MainWindow(store)
            window._hand_over_store = True
            tab = PaymentsTab(window.context, ids["WHZF-2026-ZWY"], today=TODAY)  # type: ignore[arg-type]
            tab.resize(1100, 520)
            tab.show()
            tab.installment_view.selectRow(1)
            app.processEvents()
            tab.grab().save(str(OUT / f"payments_tab{suffix}.png"))
            tab.close()
            overview = OverviewWindow(window.context, today=TODAY)
            overview.resize(1400, 980)
            overview.show()
            app.processEvents()
            overview.grab().save(str(OUT / f"overview{suffix}.png"))
            overview.close()
            editor = window.edit_contract(ids["WHZF-2026-ZWY"])  # type: ignore[arg-type]
            editor.tabs.setCurrentWidget(editor.installments)
            editor.resize(1300, 520)
            editor.show()
            app.processEvents()
            editor.installments.grab().save(str(OUT / f"editor_installments_paid{suffix}.png"))
            editor.undo_stack.clear()
            editor.close()
            with store.session() as session:  # as on 1 August 2026: installment 2 of WHZF falls in the 12 months
                figures = overview_figures(session, dt.date(2026, 8, 1))
            with tempfile.TemporaryDirectory() as pdf_folder:
                pdf = write_overview_pdf(figures, Path(pdf_folder) / "o.pdf", language[:2])
                subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf.path), str(OUT / f"overview_pdf{suffix}")],
                               check=True)
            window.close()
        store.close()
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main()
