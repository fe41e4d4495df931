"""Tables and appendices on the printed page, as blocks of Qt-rich-text HTML (no Qt).

A table is one block (kind "table") that may break between its rows; its
``header_rows`` are drawn again atop each page it runs onto, as Word does with
``w:tblHeader``. Each appendix starts a new page (``new_page``) with its title,
trích yếu and "(Kèm theo …)"; a landscape one is laid out on turned pages.
Sizes and column widths come from ``table_layout`` — the DOCX writer's rules.
"""
from __future__ import annotations

from .layout import RegimeRules
from .page_html import Block, esc, para
from .table import Table, layout
from .table_layout import TABLE_RULES, appendix_lines, cell_style, centred_column, column_widths, is_group_row

CELL_PADDING_PX = 3


def _cell_html(text: str, style, align: str) -> str:
    weight = "bold" if style.bold else "normal"
    body = "<br/>".join(esc(p) for p in text.split("\n")) or "&nbsp;"
    return (f'<p align="{align}" style="font-size:{style.size:g}pt;font-weight:{weight};'
            f'margin-top:0px;margin-bottom:0px;text-indent:0px">{body}</p>')


def table_html(table: Table, width_mm: float = 165.0) -> str:
    """The table as printed: single black borders, header rows bold and centred, spans as written."""
    grid = layout(table)
    n = grid.columns
    if not n:
        return ""
    widths = column_widths(table, width_mm, TABLE_RULES)  # as the writer: narrow columns keep a minimum
    fractions = [w / sum(widths) for w in widths]
    texts = [[] for _ in range(n)]
    for (r, i, top, left, rs, cs) in grid.placed:
        if cs == 1 and r >= table.header:
            texts[left].append(table.rows[r][i].text.strip())
    centred = [centred_column(f, t) for f, t in zip(fractions, texts)]
    rows = []
    first = True
    for r, row in enumerate(table.rows):
        cells = []
        col = 0
        for i, cell in enumerate(row):
            while (r, col) in grid.owner and grid.owner[(r, col)] != (r, i):
                col += 1
            cs, rs = cell.colspan, cell.rowspan
            style = cell_style(table, r, n, TABLE_RULES)
            group = is_group_row(table, r, n)
            align = "center" if r < table.header else (
                "left" if group or cs > 1 else ("center" if col < n and centred[col] else "left"))
            width = f' width="{sum(fractions[col:col + cs]) * 100:.1f}%"' if first else ""
            spans = (f' colspan="{cs}"' if cs > 1 else "") + (f' rowspan="{rs}"' if rs > 1 else "")
            cells.append(f'<td{width}{spans} valign="middle">{_cell_html(cell.text, style, align)}</td>')
            col += cs
        first = False
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<table width="100%" border="1" cellspacing="0" cellpadding="{CELL_PADDING_PX}" '
            f'style="border-collapse:collapse;border-color:#000000;border-style:solid">{"".join(rows)}</table>')


def table_block(table: Table, rules: RegimeRules, path: str, **kw) -> Block:
    page = rules.page
    width = page.width_mm - page.margin_left_mm - page.margin_right_mm
    return Block(table_html(table, width), "table", path, after_pt=TABLE_RULES.space_after_pt,
                 header_rows=table.header if table.rows else 0, **kw)


def appendix_blocks(plan, rules: RegimeRules) -> list[Block]:
    from dataclasses import replace

    from .page_html import section_blocks

    out: list[Block] = []
    t = TABLE_RULES
    for index, appendix in enumerate(plan.appendices):
        where = f"appendices[{index}]"
        turned = bool(appendix.landscape)
        title, summary, source = appendix_lines(plan, appendix, index)
        opening = para(title, t.appendix_title)
        if summary:
            opening += para(summary, t.appendix_summary)
        opening += para(source, t.appendix_source)
        out.append(Block(opening, "appendix", where, keep_with_next=True, splittable=False,
                         after_pt=t.appendix_space_after_pt, new_page=True, landscape=turned))
        for block in section_blocks(plan, rules, appendix.content, f"{where}.content"):
            out.append(replace(block, landscape=turned))
    return out
