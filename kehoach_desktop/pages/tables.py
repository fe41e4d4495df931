"""A plan's tables and appendices as blocks, exactly as the DOCX writer writes them (no Qt).

Widths, spans, alignment, header rows and unsplittable rows come from the
writer's own ``writer_table.table_rows``; cell paragraphs are 13 pt with 2 pt
above and below; single 0.5 pt borders; a small 6 pt paragraph follows each
table. Appendices follow ``writer_appendix``: a turn of the page (a section
break, whose empty paragraph ends the page before it, when the orientation
changes; a page break before the title otherwise), then the title, the trích
yếu, "(Kèm theo …)" and the content, numbered from I. again.
"""
from __future__ import annotations

from dataclasses import replace

from ..docx import ooxml
from ..docx.writer_table import table_rows
from ..plan.layout import TextStyle
from ..plan.table import Table as PlanTable
from ..plan.table_layout import TABLE_RULES, appendix_lines
from .blocks import Cell, PageBreak, Para, Row, Table, _Builder, content_blocks, content_items, twips_pt


def _cell_paras(spec, path: str, body_size: float) -> tuple:
    if spec.text is None:  # the writer's bare paragraph: the document's default font, no spacing
        return (Para("", TextStyle(body_size), path=path),)
    space = twips_pt(ooxml.pt_twips(TABLE_RULES.cell_space_pt))
    style = replace(spec.style, align=spec.align)
    return tuple(Para(ooxml.clean_text(text), style, before=space, after=space, path=path)
                 for text in spec.text.split("\n"))


def table_blocks(table: PlanTable, available: int, path: str, body_size: float = 14.0) -> list:
    """The table (if it has rows and columns) and the small paragraph the writer sets after it."""
    widths, specs = table_rows(table, available)
    if not specs:
        return []
    rules = TABLE_RULES
    left = {}  # column -> rows still covered by a merge restarted above
    rows = []
    for r, spec in enumerate(specs):
        cells, col, index = [], 0, 0
        for c in spec.cells:
            if c.merge == "continue":
                left[col] = left.get(col, 1) - 1
                cell = Cell(twips_pt(c.width), _cell_paras(c, "", body_size), top=False, bottom=left[col] <= 0)
            else:
                where = f"{path}.rows[{r}][{index}].text" if c.text is not None else f"{path}.rows[{r}]"
                if c.text is not None:
                    index += 1
                if c.merge == "restart":
                    left[col] = c.rowspan - 1
                cell = Cell(twips_pt(c.width), _cell_paras(c, where, body_size), rowspan=c.rowspan,
                            bottom=c.rowspan <= 1, path=where)
            cells.append(cell)
            col += c.span
        rows.append(Row(tuple(cells), spec.cant_split, spec.header))
    border = rules.border_eighths / 8
    after = Para("", TextStyle(6), after=twips_pt(ooxml.pt_twips(rules.space_after_pt)), path=path)
    return [Table(tuple(rows), twips_pt(ooxml.twips(rules.cell_margin_mm)), path, border), after]


def appendix_blocks(b: _Builder, plan) -> list:
    """Each appendix on a new page: its opening lines, then its content (mirror of ``appendix_fragments``)."""
    out: list = []
    rules, page, t = b.rules, b.rules.page, TABLE_RULES
    body_size = rules.body.paragraph.size
    landscape = False
    for index, appendix in enumerate(plan.appendices):
        where = f"appendices[{index}]"
        wants = bool(appendix.landscape)
        if wants != landscape:  # the empty paragraph that carries the section's properties
            out.append(Para("", TextStyle(body_size), path=""))  # (ends the page before the appendix)
            landscape = wants
        across = page.height_mm if landscape else page.width_mm
        available = ooxml.twips(across - page.margin_left_mm - page.margin_right_mm)
        out.append(PageBreak(landscape, twips_pt(available), where))
        title, summary, source = appendix_lines(plan, appendix, index)
        out.append(b.line(title, t.appendix_title, keep_next=True, path=where))
        if summary:
            out.append(b.line(summary, t.appendix_summary, keep_next=True, path=f"{where}.summary"))
        out.append(b.line(source, t.appendix_source, after=t.appendix_space_after_pt, keep_next=True,
                          path=where))
        items = content_items(plan, rules, appendix.content, f"{where}.content")
        out += content_blocks(b, items, keep_last=False, available=available)
    if plan.appendices and isinstance(out[-1], Para) and not out[-1].text:
        # The document's last paragraph (after a table): LibreOffice sets it in the body's size,
        # not its 6 pt mark (measured: a table ending near the page foot pushes it to a new page).
        out[-1] = replace(out[-1], style=TextStyle(body_size))
    return out
