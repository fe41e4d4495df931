"""Send laid-out pages to a printer: the same drawing as the PDF, scaled to the printer."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QPainter

from .draw import UNIT, draw_page
from .layout import PrintLayout
from .pdf import page_layout, shows_draft_mark


def has_printer() -> bool:
    from PySide6.QtPrintSupport import QPrinterInfo

    return bool(QPrinterInfo.availablePrinterNames())


def new_printer(layout: PrintLayout, copies: int):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # the pages carry their own margins
    printer.setPageLayout(page_layout(layout))
    printer.setCopyCount(max(1, copies))
    printer.setDocName(" ".join(layout.plan.summary.split())[:80] or "Kế hoạch")
    return printer


def print_layout(layout: PrintLayout, printer, progress: Callable[[int, int], None] | None = None) -> int:
    """Paint every page (or the chosen range) on ``printer``; the number of pages sent."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer did not start")
    first, last = printer.fromPage(), printer.toPage()
    numbers = [n for n in range(layout.page_count) if not first or first - 1 <= n <= last - 1]
    draft = shows_draft_mark(layout)
    scale = printer.resolution() / 72 / UNIT
    try:
        for i, number in enumerate(numbers):
            page = layout.pages[number]
            if i:
                if page.landscape != layout.pages[numbers[i - 1]].landscape:
                    printer.setPageLayout(page_layout(layout, page.landscape))  # a landscape appendix
                printer.newPage()
            elif page.landscape:
                printer.setPageLayout(page_layout(layout, True))
            painter.save()
            painter.scale(scale, scale)
            draw_page(painter, page, number, layout.setup, draft=draft)
            painter.restore()
            if progress:
                progress(i + 1, len(numbers))
    finally:
        painter.end()
    return len(numbers)
