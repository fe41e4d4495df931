"""A plan's table as WordprocessingML: single borders, spans, header rows repeated on each page.

Sizes come from ``plan/table_layout.py`` (shared with the preview). Merged
cells are written the way Word writes them: ``w:gridSpan`` across, and
``w:vMerge`` restart/continue down (the covered cells, absent from the plan's
rows, are written back as continuing cells). Header rows carry
``w:tblHeader`` (repeated at the top of each page); short rows carry
``w:cantSplit`` (never broken across pages).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..plan.table import Table, layout
from ..plan.table_layout import (TABLE_RULES, cell_style, centred_column, column_widths,
                                 is_group_row)
from . import ooxml
from .writer_common import Ctx

_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def _borders(size: int) -> str:
    return "<w:tblBorders>" + "".join(
        f'<w:{s} w:val="single" w:sz="{size}" w:space="0" w:color="{ooxml.BLACK}"/>' for s in _SIDES
    ) + "</w:tblBorders>"


def _cell_paragraphs(ctx: Ctx, text: str, style, align: str) -> str:
    rules = TABLE_RULES
    space = ooxml.pt_twips(rules.cell_space_pt)
    run_props = ctx.rpr(style)
    props = ooxml.ppr(align, before=space, after=space, mark_rpr=run_props)
    return "".join(ooxml.paragraph(props, ooxml.run(p, run_props)) for p in text.split("\n"))


def _tc(width: int, span: int, merge: str, body: str) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge:
        props += f'<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>"
    props += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body or ooxml.paragraph(ooxml.ppr())}</w:tc>"


@dataclass(frozen=True)
class CellSpec:
    """One ``w:tc`` as written: width (twips), columns spanned, vertical merge, text and look."""

    width: int
    span: int
    merge: str  # "", "restart" (its ``rowspan`` rows follow) or "continue"
    text: str | None  # None: an empty cell (a continued merge or a filler of a ragged row)
    style: object = None
    align: str = "left"
    rowspan: int = 1


@dataclass(frozen=True)
class RowSpec:
    cells: tuple
    header: bool  # ``w:tblHeader``: repeated at the top of each page the table runs onto
    cant_split: bool


def table_rows(table: Table, available: int) -> tuple[list[int], list[RowSpec]]:
    """Column widths (twips) and every row as written (shared with the printed pages)."""
    rules = TABLE_RULES
    grid = layout(table)
    n = grid.columns
    if n == 0 or not table.rows:
        return [], []
    widths = [round(w) for w in column_widths(table, available, rules, mm_per_unit=1 / ooxml.TWIPS_PER_MM)]
    widths[-1] += available - sum(widths)
    fractions = [w / available for w in widths]
    col_texts: list[list[str]] = [[] for _ in range(n)]
    starts = {}
    for (r, i, top, left, rs, cs) in grid.placed:
        starts[(r, left)] = (i, rs, cs)
        if cs == 1 and r >= table.header and left < n:
            col_texts[left].append(table.rows[r][i].text.strip())
    centred = [centred_column(f, t) for f, t in zip(fractions, col_texts)]
    covered_from = {}  # (row, col) -> (span) for vMerge continuations
    for (r, i, top, left, rs, cs) in grid.placed:
        for dr in range(1, rs):
            covered_from[(r + dr, left)] = cs
    out = []
    for r, row in enumerate(table.rows):
        style = cell_style(table, r, n, rules)
        group = is_group_row(table, r, n)
        cells, col, chars = [], 0, 0
        while col < n:
            if (r, col) in starts:
                i, rs, cs = starts[(r, col)]
                cs = max(1, min(cs, n - col))
                text = row[i].text
                chars += len(text)
                align = "center" if r < table.header else (
                    "left" if group or cs > 1 else ("center" if centred[col] else "left"))
                cells.append(CellSpec(sum(widths[col:col + cs]), cs, "restart" if rs > 1 else "", text,
                                      style, align, rs))
                col += cs
            elif (r, col) in covered_from:
                cs = max(1, min(covered_from[(r, col)], n - col))
                cells.append(CellSpec(sum(widths[col:col + cs]), cs, "continue", None))
                col += cs
            else:  # a ragged row: fill the missing cell so that Word accepts the table
                cells.append(CellSpec(widths[col], 1, "", None))
                col += 1
        header = r < table.header
        out.append(RowSpec(tuple(cells), header, header or chars <= rules.short_row_chars))
    return widths, out


def table_xml(ctx: Ctx, table: Table, available: int) -> str:
    """The ``w:tbl`` of a plan table ``available`` twips wide (plus a small paragraph after it)."""
    rules = TABLE_RULES
    widths, rows = table_rows(table, available)
    if not rows:
        return ""
    rows_xml = []
    for row in rows:
        cells = [_tc(c.width, c.span, c.merge,
                     "" if c.text is None else _cell_paragraphs(ctx, c.text, c.style, c.align))
                 for c in row.cells]
        tr_pr = ("<w:cantSplit/>" if row.cant_split else "") + ("<w:tblHeader/>" if row.header else "")
        rows_xml.append(f"<w:tr>{f'<w:trPr>{tr_pr}</w:trPr>' if tr_pr else ''}{''.join(cells)}</w:tr>")
    margin = ooxml.twips(rules.cell_margin_mm)
    grid_xml = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    tbl = (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
           f'{_borders(rules.border_eighths)}<w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{margin}" w:type="dxa"/>'
           f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
           f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
           f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid_xml}</w:tblGrid>'
           f"{''.join(rows_xml)}</w:tbl>")
    # A paragraph after the table keeps it apart from a following table (the foot) and gives air.
    after = ooxml.paragraph(ooxml.ppr(after=ooxml.pt_twips(rules.space_after_pt), line=240,
                                      mark_rpr='<w:rPr><w:sz w:val="12"/></w:rPr>'))
    return tbl + after
