"""Live preview of the printed page: A4 sheets on grey, the very pages print and PDF give.

The plan becomes the DOCX's blocks (``pages/blocks.py``), set into lines and
pages as a word processor sets the app's DOCX (``pages/typeset``, ``pages/paginate``)
and drawn by the print path's ``draw_page``. Each block's lines are cached by the
block itself, so a keystroke sets one paragraph again and the pagination is
arithmetic. Refreshes are debounced, and never postponed past a short maximum
while the user keeps typing.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from ..printing.draw import UNIT, draw_page
from ..printing.layout import PrintLayout

DEBOUNCE_MS = 150
MAX_WAIT_MS = 600  # while typing on, refresh at least this often
PAGE_GAP = 16  # px between pages (unscaled)
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
PX_PER_PT = 96 / 72  # the preview shows pages at 96 px per inch at zoom 1


@dataclass(frozen=True)
class PageGeometry:
    """The page in preview pixels (96 dpi, zoom 1)."""

    width: float
    height: float
    margin_top: float
    margin_left: float
    text_width: float

    @classmethod
    def of(cls, setup) -> "PageGeometry":
        k = PX_PER_PT
        return cls(setup.width * k, setup.height * k, setup.top * k, setup.left * k, setup.text_width * k)


@dataclass(frozen=True)
class PagePiece:
    """Laid item ``index`` shows at ``y`` px below the text top, ``bottom - top`` px high."""

    index: int
    y: float
    top: float
    bottom: float


class PagesView(QWidget):
    """Paints the pages; its size follows the page count and the zoom."""

    clicked = Signal(int)  # the index of the laid item under the mouse

    def __init__(self, parent=None):
        super().__init__(parent)
        self.geometry_ = None
        self.layout_ = None
        self.draft = False  # the DỰ THẢO mark (the print preview shows it when it will print)
        self.laid: list = []
        self.pages: list = [[]]
        self.turned: list = [False]  # per page: an appendix's landscape page, drawn turned
        self._tops: list = [PAGE_GAP]
        self.zoom = 1.0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_content(self, layout: PrintLayout, draft: bool = False):
        self.layout_, self.draft = layout, draft
        self.geometry_ = PageGeometry.of(layout.setup)
        self.laid = layout.items
        self.pages = [[PagePiece(p.index, p.top * PX_PER_PT, 0.0, (p.bottom - p.top) * PX_PER_PT)
                       for p in page.pieces] for page in layout.pages]
        self.turned = [page.landscape for page in layout.pages]
        self._tops, top = [], PAGE_GAP
        for number in range(len(self.pages)):
            self._tops.append(top)
            top += self.page_size(number)[1] + PAGE_GAP
        self._resize()
        self.update()

    def set_zoom(self, zoom: float):
        self.zoom = zoom
        self._resize()
        self.update()

    def _resize(self):
        g = self.geometry_
        if g is None:
            return
        w = (self.widest() + 2 * PAGE_GAP) * self.zoom
        last = len(self.pages) - 1
        h = (self.page_top(last) + self.page_size(last)[1] + PAGE_GAP) * self.zoom
        self.setFixedSize(int(w), int(h))

    def page_size(self, page: int) -> tuple[float, float]:
        """The sheet of page ``page`` in pixels at zoom 1: (width, height), turned for a landscape page."""
        g = self.geometry_
        if page < len(self.turned) and self.turned[page]:
            return g.height, g.width
        return g.width, g.height

    def widest(self) -> float:
        """The widest sheet in pixels at zoom 1 (a turned page is wider)."""
        return max(self.page_size(n)[0] for n in range(len(self.pages))) if self.geometry_ else 0.0

    def page_left(self, page: int) -> float:
        """Sheets are centred on the desk: a portrait page beside a turned one."""
        return PAGE_GAP + (self.widest() - self.page_size(page)[0]) / 2

    def block_at(self, x: float, y: float) -> int | None:
        """The laid item drawn at widget point (x, y), or None."""
        g = self.geometry_
        if g is None:
            return None
        x, y = x / self.zoom, y / self.zoom
        for number, pieces in enumerate(self.pages):
            top = self.page_top(number) + g.margin_top
            left = self.page_left(number) + g.margin_left
            across = g.text_width + self.page_size(number)[0] - g.width  # wider on a turned page
            for piece in pieces:
                if 0 <= x - left <= across and top + piece.y <= y < top + piece.y + piece.bottom - piece.top:
                    return piece.index
        return None

    def mousePressEvent(self, event):  # noqa: N802 (Qt name)
        index = self.block_at(event.position().x(), event.position().y())
        if index is not None:
            self.clicked.emit(index)
        super().mousePressEvent(event)

    def page_top(self, page: int) -> float:
        return self._tops[page] if page < len(self._tops) else PAGE_GAP

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(0x80, 0x84, 0x8a))
        g = self.geometry_
        if g is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(self.zoom, self.zoom)
        visible = QRectF(event.rect()).adjusted(-2, -2, 2, 2)
        visible = QRectF(visible.topLeft() / self.zoom, visible.size() / self.zoom)
        for number, page in enumerate(self.layout_.pages):
            rect = QRectF(self.page_left(number), self.page_top(number), *self.page_size(number))
            if not rect.intersects(visible):
                continue
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 90))
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(PX_PER_PT / UNIT, PX_PER_PT / UNIT)
            draw_page(painter, page, number, self.layout_.setup, draft=self.draft)
            painter.restore()
        painter.end()


def pages_in_scroll(name: str) -> tuple[QScrollArea, PagesView]:
    """A grey desk that scrolls, with a PagesView on it (the live preview and the print preview)."""
    scroll = QScrollArea()
    scroll.setObjectName(name)
    scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    scroll.setStyleSheet("QScrollArea { background: #80848a; border: none; }")
    view = PagesView()
    scroll.setWidget(view)
    return scroll, view


class PreviewWidget(QWidget):
    path_clicked = Signal(str)  # the part of the plan the user clicked on the page ("summary", ...)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("preview")
        self.document = document
        self._cache: dict = {}
        self._blocks = []
        self._fit = True
        self.last_refresh_ms = 0.0
        self._build_ui()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh_now)
        self._waiting = QElapsedTimer()
        document.changed.connect(self.schedule_refresh)
        document.replaced.connect(self.schedule_refresh)
        self.refresh_now()

    def _build_ui(self):
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(QLabel("Xem trước bản in"))
        bar.addStretch(1)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("previewZoom")
        for name, text, tip, slot, keys in (
                ("previewZoomOut", "−", "Thu nhỏ (Ctrl+-)", self.zoom_out, ("Ctrl+-",)),
                ("previewZoomIn", "+", "Phóng to (Ctrl+=)", self.zoom_in, ("Ctrl+=", "Ctrl++")),
                ("previewFit", "Vừa khung", "Vừa chiều rộng khung (Ctrl+0)", self.fit_width, ("Ctrl+0",))):
            button = QToolButton()
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            if name == "previewFit":
                bar.addWidget(self.zoom_label)
            bar.addWidget(button)
            action = QAction(tip, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        layout.addLayout(bar)
        self.scroll, self.pages_view = pages_in_scroll("previewScroll")
        self.pages_view.clicked.connect(lambda i: self.path_clicked.emit(self._blocks[i].path))
        self.pages_view.setToolTip("Nhấp vào một đoạn để sửa nó")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(self.scroll, 1)

    # ---- refreshing ------------------------------------------------------------------
    def schedule_refresh(self, *_):
        if not self._timer.isActive():
            self._waiting.start()
        elif self._waiting.elapsed() >= MAX_WAIT_MS - DEBOUNCE_MS:
            return  # keep the pending deadline: typing on does not postpone it forever
        self._timer.start(DEBOUNCE_MS)

    def refresh_now(self):
        """Rebuild the blocks, set only the new ones, paginate and repaint."""
        started = time.perf_counter()
        self._timer.stop()
        cache = self._cache
        self._cache = {}
        reuse = _Reuse(cache, self._cache)  # keeps only what the page shows now
        layout = PrintLayout(self.document.plan, cache=reuse)
        self._blocks = layout.items
        self.pages_view.set_content(layout)
        if self._fit:
            self._apply_fit()
        self.last_refresh_ms = (time.perf_counter() - started) * 1000

    # ---- what the page shows (for tests and tools) -------------------------------------
    @property
    def blocks(self):
        return list(self._blocks)

    @property
    def page_count(self) -> int:
        return len(self.pages_view.pages)

    def page_text(self) -> str:
        return "\n".join(page.text for page in self.pages_view.layout_.pages)

    def page_of(self, path: str) -> int | None:
        """The page (0-based) where the block showing ``path`` starts."""
        for number, pieces in enumerate(self.pages_view.pages):
            for piece in pieces:
                if self._blocks[piece.index].path == path:
                    return number
        return None

    # ---- zoom --------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.pages_view.zoom

    def set_zoom(self, zoom: float):
        self._fit = False
        self._set_zoom(max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom)))

    def _set_zoom(self, zoom: float):
        self.pages_view.set_zoom(zoom)
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    def zoom_in(self):
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self):
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 0.01), ZOOM_STEPS[0]))

    def fit_width(self):
        self._fit = True
        self._apply_fit()

    def _apply_fit(self):
        g = self.pages_view.geometry_
        if g is None:
            return
        width = self.scroll.viewport().width() - 2
        zoom = max(0.1, width / (self.pages_view.widest() + 2 * PAGE_GAP))
        if abs(zoom - self.zoom) > 0.001:
            self._set_zoom(zoom)
        else:
            self.zoom_label.setText(f"{round(zoom * 100)} %")

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self._fit:
            self._apply_fit()

    def sizeHint(self):  # noqa: N802 (Qt name)
        return QSize(520, 700)


class _Reuse(dict):
    """A block cache for one refresh: reads the last refresh's, keeps what is used again."""

    def __init__(self, old: dict, kept: dict):
        super().__init__()
        self.old, self.kept = old, kept

    def get(self, block, default=None):
        found = self.kept.get(block) or self.old.get(block)
        if found is not None:
            self.kept[block] = found
        return found if found is not None else default

    def __setitem__(self, block, laid):
        self.kept[block] = laid

