"""Live preview of the printed page: A4 sheets on grey, laid out from the layout rules.

The plan becomes blocks of HTML (``plan/page_html.py``); each block is laid
out once in its own QTextDocument, cached by its HTML, so a keystroke lays out
one paragraph again and the pagination (``plan/page_flow.py``) is arithmetic.
Refreshes are debounced, and never postponed past a short maximum while the
user keeps typing.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QImage, QKeySequence, QPainter, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from ...plan.layout import rules_for
from ...plan.page_flow import FlowBlock, paginate, turned_pages
from ...plan.page_html import DPI, page_blocks, page_geometry, pt_px
from ...plan.page_tables import CELL_PADDING_PX

DEBOUNCE_MS = 150
MAX_WAIT_MS = 600  # while typing on, refresh at least this often
PAGE_GAP = 16  # px between pages (unscaled)
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)


def _layout_device() -> QImage:
    """A 96-dpi device, so that the layout is the same on every screen."""
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dpm = round(DPI / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    return image


class LaidBlock:
    """One block's QTextDocument, laid out at the text width, with its allowed break points."""

    def __init__(self, html: str, width: float, font: QFont, device: QImage,
                 before: float = 0.0, after: float = 0.0, header_rows: int | None = None):
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setUseDesignMetrics(True)  # line breaks independent of the zoom and the screen
        doc.setUndoRedoEnabled(False)
        doc.setHtml(html)
        doc.setTextWidth(width)
        self.doc = doc
        self.before = before  # the block's own spacing, kept outside the document
        self.height = before + doc.size().height() + after
        self.width = width
        self.repeat = 0.0  # a table's header rows, drawn again atop each page it runs onto
        if header_rows is None:
            self.breaks = tuple(before + y for y in self._breaks())
        else:
            tops = self._row_tops()
            body = [y for r, y in tops if r >= max(1, header_rows)]
            self.breaks = tuple(before + y for y in body)
            head = next((y for r, y in tops if r == header_rows), None) if header_rows else None
            self.repeat = before + head if head else 0.0

    def _row_tops(self) -> list:
        """(row, top) of every row of the block's table where a page may end (no cell merged across it)."""
        from PySide6.QtGui import QTextTable

        table = next((f for f in self.doc.rootFrame().childFrames() if isinstance(f, QTextTable)), None)
        if table is None:
            return []
        layout = self.doc.documentLayout()
        out = []
        for r in range(1, table.rows()):
            cells = [table.cellAt(r, c) for c in range(table.columns())]
            if any(cell.row() != r for cell in cells):
                continue  # a cell merged down runs through this line
            top = min(layout.blockBoundingRect(cell.firstCursorPosition().block()).top() for cell in cells)
            out.append((r, top - CELL_PADDING_PX - 1))
        return out

    def _breaks(self) -> tuple:
        tops = []
        block = self.doc.begin()
        layout = self.doc.documentLayout()
        while block.isValid():
            origin = layout.blockBoundingRect(block).top()
            lines = block.layout()
            tops.extend(origin + lines.lineAt(k).y() for k in range(lines.lineCount()))
            block = block.next()
        if len(tops) < 4:
            return ()
        return tuple(tops[2:len(tops) - 1])  # two lines at least on each side


class PagesView(QWidget):
    """Paints the pages; its size follows the page count and the zoom."""

    clicked = Signal(int)  # the index of the block under the mouse

    def __init__(self, parent=None):
        super().__init__(parent)
        self.geometry_ = None
        self.laid: list[LaidBlock] = []
        self.pages: list = [[]]
        self.turned: list = []  # per page: landscape (a wide appendix)
        self.zoom = 1.0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_content(self, geometry, laid, pages, turned=None):
        self.geometry_, self.laid, self.pages = geometry, laid, pages
        self.turned = list(turned or [False] * len(pages))
        self._resize()
        self.update()

    def page_size(self, page: int) -> tuple[float, float]:
        g = self.geometry_
        turned = page < len(self.turned) and self.turned[page]
        return (g.height, g.width) if turned else (g.width, g.height)

    def set_zoom(self, zoom: float):
        self.zoom = zoom
        self._resize()
        self.update()

    def _resize(self):
        g = self.geometry_
        if g is None:
            return
        w = (max([g.width] + [g.height for t in self.turned if t]) + 2 * PAGE_GAP) * self.zoom
        h = self.page_top(len(self.pages)) * self.zoom
        self.setFixedSize(int(w), int(h))

    def block_at(self, x: float, y: float) -> int | None:
        """The block drawn at widget point (x, y), or None."""
        g = self.geometry_
        if g is None:
            return None
        x, y = x / self.zoom - PAGE_GAP - g.margin_left, y / self.zoom
        for number, pieces in enumerate(self.pages):
            top = self.page_top(number) + g.margin_top
            text_width = self.page_size(number)[0] - g.margin_left - g.margin_right
            for piece in pieces:
                if 0 <= x <= text_width and top + piece.y <= y < top + piece.y + piece.bottom - piece.top:
                    return piece.index
        return None

    def mousePressEvent(self, event):  # noqa: N802 (Qt name)
        index = self.block_at(event.position().x(), event.position().y())
        if index is not None:
            self.clicked.emit(index)
        super().mousePressEvent(event)

    def page_top(self, page: int) -> float:
        return PAGE_GAP + sum(self.page_size(k)[1] + PAGE_GAP for k in range(page))

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
        for number, pieces in enumerate(self.pages):
            width, height = self.page_size(number)
            page = QRectF(PAGE_GAP, self.page_top(number), width, height)
            if not page.intersects(visible):
                continue
            painter.fillRect(page.translated(3, 3), QColor(0, 0, 0, 90))
            painter.fillRect(page, Qt.GlobalColor.white)
            if number > 0:  # page numbers from page 2, centred in the top margin
                font = QFont(g.font)
                font.setPixelSize(round(g.page_number_pt * DPI / 72))
                painter.setFont(font)
                painter.setPen(Qt.GlobalColor.black)
                box = QRectF(page.left(), page.top() + g.header_distance - font.pixelSize(),
                             width, font.pixelSize() * 1.4)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number + 1))
            for piece in pieces:
                laid = self.laid[piece.index]
                painter.save()
                painter.translate(page.left() + g.margin_left,
                                  page.top() + g.margin_top + piece.y - piece.top + laid.before)
                clip = QRectF(-4, piece.top - laid.before, laid.width + 8, piece.bottom - piece.top)
                laid.doc.drawContents(painter, clip)
                painter.restore()
        painter.end()


class PreviewWidget(QWidget):
    path_clicked = Signal(str)  # the part of the plan the user clicked on the page ("summary", ...)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("preview")
        self.document = document
        self._cache: dict[str, LaidBlock] = {}
        self._device = _layout_device()
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
        self.scroll = QScrollArea()
        self.scroll.setObjectName("previewScroll")
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #80848a; border: none; }")
        self.pages_view = PagesView()
        self.pages_view.clicked.connect(lambda i: self.path_clicked.emit(self._blocks[i].path))
        self.pages_view.setToolTip("Nhấp vào một đoạn để sửa nó")
        self.scroll.setWidget(self.pages_view)
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
        """Rebuild the blocks, lay out only the new ones, paginate and repaint."""
        started = time.perf_counter()
        self._timer.stop()
        plan = self.document.plan
        rules = rules_for(plan.regime)
        geometry = page_geometry(rules)
        font = QFont(geometry.font)
        font.setPointSizeF(rules.body.paragraph.size)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        blocks = page_blocks(plan)
        cache, laid = {}, []
        turned_width = geometry.height - geometry.margin_left - geometry.margin_right
        for block in blocks:
            width = turned_width if block.landscape else geometry.text_width
            key = f"{width:.1f}|{block.header_rows}|{block.key}"
            item = self._cache.get(key) or cache.get(key)
            if item is None:
                item = LaidBlock(block.html, width, font, self._device,
                                 pt_px(block.before_pt), pt_px(block.after_pt), block.header_rows)
            cache[key] = item
            laid.append(item)
        self._cache = cache  # only what the page shows now
        self._blocks = blocks
        flow = [FlowBlock(item.height, item.breaks, b.keep_with_next, b.splittable, item.repeat,
                          b.new_page, b.landscape) for item, b in zip(laid, blocks)]
        pages = paginate(flow, geometry.text_height,
                         geometry.width - geometry.margin_top - geometry.margin_bottom)
        self.pages_view.set_content(geometry, laid, pages, turned_pages(flow, pages))
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
        return "\n".join(item.doc.toPlainText() for item in self.pages_view.laid)

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
        zoom = max(0.1, width / (g.width + 2 * PAGE_GAP))
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
