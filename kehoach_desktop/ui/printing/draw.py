"""Paint laid-out pages with QPainter: text as text, lines as vector lines, never images.

One function draws a page for the PDF writer, the printer and the print
preview alike. Drawing units are tenths of a point (``UNIT`` per point); the
caller scales the painter to its device.
"""
from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from ...pages.blocks import PageSetup
from ...pages.paginate import Page
from ...pages.typeset import ascent
from ...plan.layout import TextStyle
from .fonts import qfont

UNIT = 10.0  # drawing units per point
DRAFT_TEXT = "DỰ THẢO"


def _font(style: TextStyle):
    return qfont(style, UNIT)


def draw_page(painter: QPainter, page: Page, number: int, setup: PageSetup, *, draft: bool = False):
    """Draw page ``number`` (0-based) in drawing units, origin at the sheet's top-left corner.

    Runs are drawn grouped by font: one ``setFont`` per face and size, not per word
    (PySide6 6.12 on Python 3.11 loses a reference to None on each such setter call).
    A landscape page (an appendix) is drawn on the turned sheet: the caller turns the device.
    """
    if page.landscape:
        setup = setup.turned()
    painter.setPen(QPen(QColor(0, 0, 0)))
    by_style: dict = {}
    for run in page.runs:
        by_style.setdefault(run.style, []).append(run)
    for style, runs in by_style.items():
        plain = _font(style)
        painter.setFont(plain)
        for run in sorted(runs, key=lambda r: r.spacing != 0):
            if run.spacing:  # a justified line: its spaces widened by the font's word spacing
                font = QFont(plain)
                font.setWordSpacing(run.spacing * UNIT)
                painter.setFont(font)
            painter.drawText(QPointF(run.x * UNIT, run.y * UNIT), run.text)
    for rule in page.rules:
        painter.fillRect(QRectF(rule.x1 * UNIT, (rule.y - rule.thickness / 2) * UNIT,
                                (rule.x2 - rule.x1) * UNIT, rule.thickness * UNIT), QColor(0, 0, 0))
    _draw_edges(painter, page.edges)
    if number > 0 or setup.number_first_page:
        style = setup.page_number
        painter.setFont(_font(style))
        text = str(number + 1)
        width = painter.fontMetrics().horizontalAdvance(text)
        x = (setup.left + setup.text_width / 2) * UNIT - width / 2
        painter.drawText(QPointF(x, (setup.header_distance + ascent(style.size)) * UNIT), text)
    if draft:
        _draw_draft_mark(painter, setup)


def _draw_edges(painter: QPainter, edges: list):
    """Table borders as vector lines, one pen per thickness."""
    by_thickness: dict = {}
    for edge in edges:
        by_thickness.setdefault(edge.thickness, []).append(
            QLineF(edge.x1 * UNIT, edge.y1 * UNIT, edge.x2 * UNIT, edge.y2 * UNIT))
    for thickness, lines in by_thickness.items():
        pen = QPen(QColor(0, 0, 0))
        pen.setWidthF(thickness * UNIT)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        painter.setPen(pen)
        painter.drawLines(lines)
    painter.setPen(QPen(QColor(0, 0, 0)))


def _draw_draft_mark(painter: QPainter, setup: PageSetup):
    """"DỰ THẢO" in a box in the top margin, at the left: where a văn thư looks for it."""
    style = TextStyle(13, bold=True)
    painter.setFont(_font(style))
    width = painter.fontMetrics().horizontalAdvance(DRAFT_TEXT)
    pad = 4 * UNIT
    box = QRectF(setup.left * UNIT, (setup.header_distance - 4) * UNIT,
                 width + 2 * pad, (style.size + 8) * UNIT)
    pen = QPen(QColor(0, 0, 0))
    pen.setWidthF(0.75 * UNIT)
    painter.setPen(pen)
    painter.drawRect(box)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, DRAFT_TEXT)
    painter.setPen(QPen(QColor(0, 0, 0)))
