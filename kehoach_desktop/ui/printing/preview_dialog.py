"""Print preview (Ctrl+P): the pages exactly as they print, the page count, zoom, copies.

The pages are those of the PDF (``PrintLayout``), drawn by the same function.
"In…" opens the system print dialog with the copies proposed from Nơi nhận;
with no printer installed the dialog says so and offers the PDF.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QToolButton, QVBoxLayout

from ...errors import KehoachError
from ...pages.blocks import PrintOptions
from ...pages.copies import proposed_copies
from .. import vi
from ..background import run_in_background
from .fonts import font_notice
from .layout import PrintLayout
from .pdf import shows_draft_mark

from ..widgets.preview import PAGE_GAP, PX_PER_PT, pages_in_scroll

ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0)
NO_PRINTER = ("Máy tính này chưa cài máy in nào nên chưa in được. Bạn có thể xuất PDF "
              "rồi in ở máy khác, hoặc cài máy in rồi in lại.")


class PrintPreviewDialog(QDialog):
    def __init__(self, plan, parent=None, folder: Path | None = None):
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle("Xem trước khi in")
        self.plan, self.folder = plan, folder
        self.layout_ = PrintLayout(plan, PrintOptions())
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(900, int(screen.width() * 0.9)), min(760, int(screen.height() * 0.9)))
        self._build()
        self.sheets.set_content(self.layout_, shows_draft_mark(self.layout_))
        self.fit_width()

    def _build(self):
        box = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.pages_label = QLabel()
        self.pages_label.setObjectName("pageCount")
        bar.addWidget(self.pages_label)
        bar.addSpacing(16)
        for name, text, tip, slot in (("zoomOut", "−", "Thu nhỏ", self.zoom_out),
                                      ("zoomIn", "+", "Phóng to", self.zoom_in),
                                      ("zoomFit", "Vừa khung", "Vừa chiều rộng khung", self.fit_width)):
            button = QToolButton()
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        bar.addWidget(self.zoom_label)
        bar.addStretch(1)
        bar.addWidget(QLabel("Số bản:"))
        self.copies = QSpinBox()
        self.copies.setObjectName("copies")
        self.copies.setRange(1, 999)
        self.copies.setValue(proposed_copies(self.plan.recipients))
        self.copies.setToolTip("Mỗi nơi nhận một bản (Nghị định 30/2020/NĐ-CP); sửa được")
        bar.addWidget(self.copies)
        self.print_button = QPushButton("In…")
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pages)
        bar.addWidget(self.print_button)
        pdf = QPushButton("Xuất PDF…")
        pdf.setObjectName("exportButton")
        pdf.clicked.connect(self.export_pdf)
        bar.addWidget(pdf)
        close = QPushButton("Đóng")
        close.setObjectName("closeButton")
        close.clicked.connect(self.reject)
        bar.addWidget(close)
        box.addLayout(bar)
        self.scroll, self.sheets = pages_in_scroll("printScroll")
        self.sheets.setObjectName("printSheets")
        self.scroll.verticalScrollBar().valueChanged.connect(self._update_page_label)
        box.addWidget(self.scroll, 1)
        notice = font_notice()
        if notice:
            note = QLabel(notice)
            note.setObjectName("fontNotice")
            note.setWordWrap(True)
            box.addWidget(note)

    # ---- what the user sees -----------------------------------------------------------
    @property
    def page_count(self) -> int:
        return self.layout_.page_count

    def current_page(self) -> int:
        middle = (self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3) / self.sheets.zoom
        passed = sum(1 for n in range(1, self.page_count) if self.sheets.page_top(n) <= middle)
        return max(1, min(self.page_count, passed + 1))  # (turned pages are shorter)

    def _update_page_label(self, *_):
        self.pages_label.setText(f"Trang {self.current_page()} / {self.page_count}  ·  "
                                 f"{self.page_count} trang")

    def set_zoom(self, zoom: float):
        self.sheets.set_zoom(max(ZOOMS[0], min(ZOOMS[-1], zoom)))
        self.zoom_label.setText(f"{round(self.sheets.zoom * 100)} %")
        self._update_page_label()

    def zoom_in(self):
        self.set_zoom(next((z for z in ZOOMS if z > self.sheets.zoom + 0.01), ZOOMS[-1]))

    def zoom_out(self):
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < self.sheets.zoom - 0.01), ZOOMS[0]))

    def fit_width(self):
        width = max(200, self.scroll.viewport().width() - 4)
        self.set_zoom(width / (self.sheets.widest() + 2 * PAGE_GAP))  # (a turned page is wider)

    # ---- print and PDF ---------------------------------------------------------------
    def print_pages(self) -> bool:
        from . import printer as printing

        if not printing.has_printer():
            choice = vi.ask(self, "Chưa có máy in", NO_PRINTER,
                            [("pdf", "Xuất PDF…", vi.ACCEPT), ("close", "Đóng", vi.REJECT)],
                            icon="warning", default="pdf")
            if choice == "pdf":
                self.export_pdf()
            return False
        printer = printing.new_printer(self.layout_, self.copies.value())
        if not self.ask_print_dialog(printer):
            return False
        try:
            sent = run_in_background(self, "Đang gửi tới máy in…", lambda progress: printing.print_layout(
                self.layout_, printer, lambda done, total: progress(f"Đang in trang {done}/{total}…")))
        except (KehoachError, OSError, RuntimeError) as exc:
            vi.error(self, "Không in được", f"Máy in báo lỗi ({exc.__class__.__name__}). "
                     "Hãy xuất PDF rồi in tệp PDF.")
            return False
        vi.inform(self, "Đã gửi lệnh in", f"Đã gửi {sent} trang × {printer.copyCount()} bản tới máy in "
                  f"“{printer.printerName()}”.")
        return True

    def ask_print_dialog(self, printer) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In kế hoạch")
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def export_pdf(self):
        from .actions import export_pdf

        return export_pdf(self, self.plan, self.folder)
