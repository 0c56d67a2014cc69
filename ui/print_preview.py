"""Print preview and printing to a printer of a written print-out PDF (issue 14).

The print-outs are PDFs (``services.printing``); the window shows and prints exactly those pages.
Each PDF page is rendered by PDFium (``pypdfium2``, the renderer of Chromium's PDF viewer) to an
image at the printer's resolution (at most ``MAX_DPI``) and painted on a ``QPrinter`` page, A4,
full page (the PDF carries its own 20 mm margins), two-sided along the long edge when the printer
offers it.

* ``PdfPreview.preview(path)``: Qt's ``QPrintPreviewDialog`` — zoom, fit, page navigation,
  single/facing pages, and its Print button opens the system's print dialog;
* ``PdfPreview.print(path)``: the system's ``QPrintDialog``, then the pages to the printer.

Both dialogs are opened with ``open()`` (window-modal, not blocking the caller), so tests drive
them; ``finished`` hands the dialog back to ``on_closed`` (the caller removes its temporary PDF).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

__all__ = ["MAX_DPI", "PdfPreview", "new_printer", "page_count", "paint_pdf"]

#: Highest resolution a page is rendered at (dots per inch): sharp on paper, bounded memory.
MAX_DPI = 300


def page_count(path: Path) -> int:
    """The number of pages of the PDF at ``path``. Raises ``pypdfium2.PdfiumError`` if unreadable."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def new_printer() -> QPrinter:
    """A high-resolution printer set to A4 portrait, full page, duplex (long edge) when the default
    printer offers it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    info = QPrinterInfo(printer)
    if not info.isNull() and QPrinter.DuplexMode.DuplexLongSide in info.supportedDuplexModes():
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    return printer


def paint_pdf(printer: QPrinter, path: Path) -> int:
    """Paint every page of the PDF at ``path`` on ``printer`` (one printer page per PDF page, scaled to
    the paper keeping its proportions); honours the printer's page range. Returns the pages painted."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    painter = QPainter()
    painted = 0
    try:
        if not painter.begin(printer):
            return 0
        first, last = printer.fromPage(), printer.toPage()
        numbers = [n for n in range(len(document)) if not first or first - 1 <= n <= (last or len(document)) - 1]
        dpi = min(printer.resolution(), MAX_DPI)
        for number in numbers:
            if painted:
                printer.newPage()
            page = document[number]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888)
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            target.moveCenter(area.center())
            painter.drawImage(target, image)
            page.close()
            painted += 1
    finally:
        if painter.isActive():
            painter.end()
        document.close()
    return painted


class PdfPreview(QObject):
    """Preview and printing of PDFs for the window ``parent``; ``on_closed(path)`` is called when a
    dialog for ``path`` closes (whether printed or not)."""

    def __init__(self, parent: QWidget, on_closed: Callable[[Path], None] | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.on_closed = on_closed
        self.dialog: QPrintPreviewDialog | QPrintDialog | None = None
        self._printer: QPrinter | None = None

    def preview(self, path: Path, title: str = "") -> QPrintPreviewDialog:
        """Open the preview of the PDF at ``path`` (window-modal, returns at once); the dialog."""
        printer = new_printer()
        printer.setDocName(title or path.stem)
        dialog = QPrintPreviewDialog(printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("Print preview — {0}").format(title or path.name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paintRequested.connect(lambda target: paint_pdf(target, path))
        dialog.resize(900, 1000)
        dialog.finished.connect(lambda _result: self._closed(path))
        self._printer = printer  # the dialog does not own its printer
        self.dialog = dialog
        dialog.open()
        return dialog

    def print(self, path: Path, title: str = "") -> QPrintDialog:
        """Open the system's print dialog for the PDF at ``path`` (window-modal, returns at once); when
        accepted the pages go to the printer chosen. The dialog."""
        printer = new_printer()
        printer.setDocName(title or path.stem)
        dialog = QPrintDialog(printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("Print — {0}").format(title or path.name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setMinMax(1, max(1, page_count(path)))
        dialog.accepted.connect(lambda: paint_pdf(printer, path))
        dialog.finished.connect(lambda _result: self._closed(path))
        self._printer = printer
        self.dialog = dialog
        QDialog.open(dialog)  # QPrintDialog.open() itself wants a receiver and a slot
        return dialog

    def _closed(self, path: Path) -> None:
        self.dialog = None
        if self.on_closed is not None:
            self.on_closed(path)
