"""Laid-out pages → a PDF/A-1b file in memory: real text, embedded fonts, A4, title and author."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter

from ...pages.blocks import is_draft
from .draw import UNIT, draw_page
from .layout import PrintLayout

CREATOR = "Soạn Kế hoạch (kehoach_desktop)"
POINTS_PER_MM = 72 / 25.4


def document_title(plan) -> str:
    return " ".join(plan.summary.split()) or "Kế hoạch"


def document_author(plan) -> str:
    return " ".join(plan.header.issuer.split())


def shows_draft_mark(layout: PrintLayout) -> bool:
    options = layout.options
    if options.for_signing:
        return False
    if options.draft_mark is None:
        return is_draft(layout.plan)
    return options.draft_mark


def page_layout(layout: PrintLayout, landscape: bool = False) -> QPageLayout:
    """The sheet, no margins (the pages carry their own); turned for a landscape appendix."""
    setup = layout.setup
    size = QPageSize(QSizeF(setup.width / POINTS_PER_MM, setup.height / POINTS_PER_MM),
                     QPageSize.Unit.Millimeter, "A4", QPageSize.SizeMatchPolicy.FuzzyMatch)
    turn = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(size, turn, QMarginsF(0, 0, 0, 0))


def pdf_bytes(layout: PrintLayout, progress: Callable[[int, int], None] | None = None) -> bytes:
    """The PDF of the pages; ``progress(done, total)`` after each page."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setResolution(round(72 * UNIT))  # one device pixel per drawing unit
    first = layout.pages[0].landscape if layout.pages else False
    writer.setPageLayout(page_layout(layout, first))
    writer.setTitle(document_title(layout.plan))
    writer.setAuthor(document_author(layout.plan))
    writer.setCreator(CREATOR)
    painter = QPainter(writer)
    draft = shows_draft_mark(layout)
    total = layout.page_count
    for number, page in enumerate(layout.pages):
        if number:
            if page.landscape != layout.pages[number - 1].landscape:
                writer.setPageLayout(page_layout(layout, page.landscape))  # applies from the next page
            writer.newPage()
        draw_page(painter, page, number, layout.setup, draft=draft)
        if progress:
            progress(number + 1, total)
    painter.end()
    buffer.close()
    return bytes(data.data())
