"""A scrollable stack of printed pages, drawn by ``draw_page`` (the print preview's view)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from .draw import UNIT, draw_page

GAP = 16  # screen pixels between pages at zoom 1
SCREEN_PX_PER_PT = 96 / 72


class SheetsView(QWidget):
    """Paints the pages at ``zoom`` (1.0 = real size on a 96-dpi screen); only the visible ones."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_ = None
        self.draft = False
        self.zoom = 0.75
        self.setObjectName("printSheets")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_layout(self, layout, draft: bool):
        self.layout_, self.draft = layout, draft
        self._resize()
        self.update()

    def set_zoom(self, zoom: float):
        self.zoom = zoom
        self._resize()
        self.update()

    def page_size_px(self) -> QSize:
        setup = self.layout_.setup
        k = SCREEN_PX_PER_PT * self.zoom
        return QSize(round(setup.width * k), round(setup.height * k))

    def page_top(self, number: int) -> int:
        return GAP + number * (self.page_size_px().height() + GAP)

    def _resize(self):
        if self.layout_ is None:
            return
        size = self.page_size_px()
        count = self.layout_.page_count
        self.setFixedSize(size.width() + 2 * GAP, count * (size.height() + GAP) + GAP)

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(0x80, 0x84, 0x8a))
        if self.layout_ is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        size = self.page_size_px()
        scale = SCREEN_PX_PER_PT * self.zoom / UNIT
        for number, page in enumerate(self.layout_.pages):
            rect = QRectF(GAP, self.page_top(number), size.width(), size.height())
            if not rect.intersects(QRectF(event.rect())):
                continue
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 90))
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(scale, scale)
            draw_page(painter, page, number, self.layout_.setup, draft=self.draft)
            painter.restore()
        painter.end()
