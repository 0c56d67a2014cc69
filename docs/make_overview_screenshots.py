"""Render the overview's screenshots offscreen from the sample ledger (issue 15).

    uv run python docs/make_overview_screenshots.py

The sample register as on 1 September 2026, with two events recorded (WHZF-2026-ZWY's budget
approved 2026-08-20: its 1st installment falls due 15 working days later; 2026-021's invoice
received 2026-08-25: its 1st installment is due that day) and one partial payment (600,000.00 元 on
WHZF's 1st installment, 2026-08-28): View → Overview in English and Chinese (``overview``,
``overview_zh``), and the overview printed to PDF, each page rendered by pdftoppm
(``overview_pdf-N``, ``overview_pdf_zh-N``).
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

from services.calendar.agenda import record_event  # noqa: E402
from services.ledger.importer import import_ledger  # noqa: E402
from services.payments.overview import overview  # noqa: E402
from services.payments.overview_pdf import write_overview_pdf  # noqa: E402
from services.payments.record import record_payment  # noqa: E402
from services.register import contracts  # noqa: E402
from services.register.contract_data import PaymentData  # noqa: E402
from services.store import open_store  # noqa: E402
from ui import i18n  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.payments.overview_window import OverviewWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = dt.date(2026, 9, 1)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "sample.db")
        import_ledger(store, ROOT / "resources" / "sample_ledger")
        with store.session(write=True) as session:
            whzf = contracts.find_id(session, "WHZF-2026-ZWY")
            red_cross = contracts.find_id(session, "2026-021")
            assert whzf is not None and red_cross is not None
            record_event(session, whzf, "budget", dt.date(2026, 8, 20))
            record_event(session, red_cross, "invoice", dt.date(2026, 8, 25))
            record_payment(session, whzf, PaymentData(0, dt.date(2026, 8, 28), Decimal("600000.00"), 1))
        for language, suffix in (("en", ""), ("zh_CN", "_zh")):
            i18n.install(language)
            main_window = MainWindow(store)
            main_window._hand_over_store = True
            window = OverviewWindow(main_window.context, today=TODAY)
            window.resize(1280, 900)
            window.show()
            for _ in range(50):  # the figures come from a background read
                app.processEvents()
                if window.figures is not None:
                    break
                QApplication.instance().thread().msleep(100)  # type: ignore[union-attr]
            app.processEvents()
            window.grab().save(str(OUT / f"overview{suffix}.png"))
            window.close()
            main_window.close()
            with store.session() as session:
                view = overview(session, TODAY)
            pdf = Path(folder) / f"overview{suffix}.pdf"
            write_overview_pdf(view, pdf, "zh" if suffix else "en")
            for old in OUT.glob(f"overview_pdf{suffix}-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(OUT / f"overview_pdf{suffix}")], check=True)
        store.close()


if __name__ == "__main__":
    main()
