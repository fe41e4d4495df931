"""Draw the app's icon (a page of a plan on a blue tile) and write resources/icons/kehoach.png
and kehoach.ico (the Windows program, installer and shortcuts). Run by hand when it changes:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icon.py
"""
from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    p.fillPath(tile, QColor("#1f5fa8"))
    page = QPolygonF([QPointF(62, 34), QPointF(162, 34), QPointF(200, 72), QPointF(200, 222), QPointF(62, 222)])
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    p.drawPolygon(page)
    p.setBrush(QColor("#c9d8ec"))
    p.drawPolygon(QPolygonF([QPointF(162, 34), QPointF(200, 72), QPointF(162, 72)]))
    p.setBrush(QColor("#d32f2f"))  # the red title line of an official document
    p.drawRect(QRectF(84, 92, 94, 14))
    pen = QPen(QColor("#5a6b80"), 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    for y, right in ((130, 178), (154, 178), (178, 150)):
        p.drawLine(QPointF(84, y), QPointF(right, y))
    p.setPen(QPen(QColor("#d32f2f"), 6))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(164, 198), 16, 16)  # the seal beside the signature
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[QImage]) -> bytes:
    """An .ico holding PNG images (Windows Vista and later read them at every size)."""
    pngs = [png_bytes(im) for im in images]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    for image, png in zip(images, pngs):
        side = image.width() % 256  # 256 is written as 0
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(pngs)


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "kehoach.png").write_bytes(png_bytes(draw(256)))
    (OUT / "kehoach.ico").write_bytes(ico_bytes([draw(s) for s in ICO_SIZES]))
    print(f"wrote {OUT / 'kehoach.png'} and {OUT / 'kehoach.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
