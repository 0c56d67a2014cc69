"""Draw the app icon with QPainter: PNGs in several sizes and a Windows .ico (outputs are committed).

    uv run python packaging/make_icons.py

A contract sheet with text lines and a red seal on a blue tile; no font needed. Writes
``resources/icons/contractdesk-<size>.png`` and ``resources/icons/contractdesk.ico``.
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """The icon at ``size`` × ``size`` pixels (drawn on a 256 grid)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)
    # the tile
    tile = QLinearGradient(0, 0, 0, 256)
    tile.setColorAt(0, QColor("#2b6cb0"))
    tile.setColorAt(1, QColor("#1a4480"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(tile))
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    # the sheet with a folded corner
    sheet = QPainterPath()
    sheet.moveTo(62, 36)
    sheet.lineTo(160, 36)
    sheet.lineTo(196, 72)
    sheet.lineTo(196, 220)
    sheet.lineTo(62, 220)
    sheet.closeSubpath()
    painter.setBrush(QColor("#ffffff"))
    painter.drawPath(sheet)
    fold = QPainterPath()
    fold.moveTo(160, 36)
    fold.lineTo(160, 72)
    fold.lineTo(196, 72)
    fold.closeSubpath()
    painter.setBrush(QColor("#c9d6e8"))
    painter.drawPath(fold)
    # text lines (thicker at small sizes so they survive)
    line_pen = QPen(QColor("#7a8ca6"), 9 if size >= 48 else 14, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(line_pen)
    rows = (72, 100, 128, 156) if size >= 48 else (84, 124)
    for y in rows:
        painter.drawLine(QPointF(82, y), QPointF(140 if y == 72 else 176, y))
    # the seal: a red ring with a five-pointed star
    red = QColor("#d7263d")
    painter.setPen(QPen(red, 9 if size >= 48 else 12))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    centre = QPointF(168, 178)
    painter.drawEllipse(centre, 42, 42)
    star = QPainterPath()
    for point in range(10):
        radius = 22 if point % 2 == 0 else 9
        angle = -math.pi / 2 + point * math.pi / 5
        vertex = QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        if point == 0:
            star.moveTo(vertex)
        else:
            star.lineTo(vertex)
    star.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(red)
    painter.drawPath(star)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """A Windows .ico holding each image as PNG (supported since Windows Vista)."""
    blobs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return header + entries + b"".join(blobs)


def main() -> int:
    """Write the PNGs and the .ico; returns the exit status."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        (OUT / f"contractdesk-{size}.png").write_bytes(png_bytes(draw(size)))
    (OUT / "contractdesk.ico").write_bytes(ico_bytes([draw(size) for size in ICO_SIZES]))
    print(f"icons written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
