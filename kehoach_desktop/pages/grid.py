"""A bordered table (a plan's table) set row by row, as LibreOffice sets the writer's ``w:tbl`` (no Qt).

Measured on LibreOffice's pages of the app's DOCX: a row is as high as its
tallest cell plus one border; inside a cell two paragraphs are apart by the
larger of the first's space after and the second's space before; text is
centred in the row (``w:vAlign center``). A merged cell's text is set over the
rows it covers, the last of them growing if it needs more room. The borders are
edges, drawn as vector lines.
"""
from __future__ import annotations

from .blocks import Table
from .typeset import Edge, LaidRow, Metrics, set_para

# LibreOffice fits a little more in a cell than its width less the margins (measured: a bold
# "hoàn thành" 0.08 pt over that width stays on one line); 0.1 pt agrees best on generated plans.
CELL_SLACK = 0.1


def _set_cell(cell, inner: float, metrics: Metrics):
    """(height, runs with y from the cell's content top)."""
    runs, y, after = [], 0.0, None
    for para in cell.paras:
        laid = set_para(para, inner, metrics)
        y += laid.before if after is None else max(after, laid.before)
        for line in laid.lines:
            runs += [r.moved(0.0, y) for r in line.runs]
            y += line.height
        after = laid.after
    return y + (after or 0.0), runs


def set_grid(table: Table, metrics: Metrics) -> list[LaidRow]:
    border, margin = table.border, table.cell_margin
    cells = []  # (row, x, cell, height, runs)
    heights = []
    for r, row in enumerate(table.rows):
        x, tallest = 0.0, 0.0
        for cell in row.cells:
            inner = cell.width - 2 * margin + CELL_SLACK
            height, runs = _set_cell(cell, inner, metrics) if cell.top else (0.0, [])
            cells.append((r, x, cell, height, runs))
            if cell.rowspan <= 1:
                tallest = max(tallest, height)
            x += cell.width
        heights.append(tallest + border)
    if heights:
        heights[-1] += border  # the table's bottom border
    for r, x, cell, height, runs in cells:  # a merged cell that needs more room: its last row grows
        last = min(len(heights), r + cell.rowspan) - 1
        if cell.rowspan > 1 and height + border > sum(heights[r:last + 1]):
            heights[last] = height + border - sum(heights[r:last])
    repeat: list = []
    out = [LaidRow(h, [], [], row.cant_split, table.path, keep_next=row.header, header=row.header, repeat=repeat)
           for h, row in zip(heights, table.rows)]
    right = sum(c.width for c in table.rows[0].cells) if table.rows else 0.0
    for r, x, cell, height, runs in cells:
        laid = out[r]
        span = sum(heights[r:r + max(1, cell.rowspan)])
        top = border + (span - border - height) / 2  # centred (w:vAlign center)
        laid.runs += [run.moved(x + margin, top) for run in runs]
        if cell.path and laid.path == table.path:
            laid.path = cell.path  # a click on the row leads to its first cell
        if cell.top:
            laid.edges.append(Edge(x, 0.0, x + cell.width, 0.0, border))
        if cell.bottom:
            laid.edges.append(Edge(x, laid.height, x + cell.width, laid.height, border))
        laid.edges.append(Edge(x, 0.0, x, laid.height, border))
    for laid in out:
        laid.edges.append(Edge(right, 0.0, right, laid.height, border))
    if out:  # (the last row's bottom border is drawn inside the row, not below it)
        last = out[-1]
        last.edges = [Edge(e.x1, e.y1 - border if e.y1 == last.height else e.y1, e.x2,
                           e.y2 - border if e.y2 == last.height else e.y2, e.thickness) for e in last.edges]
    repeat += [laid for laid in out if laid.header]
    return out
