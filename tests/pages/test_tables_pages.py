"""Tables and appendices in the page model (no Qt): rows as the writer writes them, header rows
again atop each page a table runs onto, rows never split, appendices on new (turned) pages."""
from __future__ import annotations

from kehoach_desktop.pages.blocks import PageBreak, Table, page_blocks, page_setup
from kehoach_desktop.pages.paginate import paginate
from kehoach_desktop.pages.typeset import LaidBreak, LaidRow, line_height, set_blocks
from kehoach_desktop.plan.layout import rules_for
from kehoach_desktop.plan.model import Plan, Section

from .test_layout_rules import OnePointPerChar

M = OnePointPerChar()
HEAD = ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"]


def _plan(rows: int, *, appendix: bool | None = None, merged: bool = False) -> Plan:
    body = [[str(i), f"Việc {i}", "Văn phòng", "Các thôn", "Tháng 5"] for i in range(1, rows + 1)]
    if merged:
        body[1][2] = {"text": "Công an xã", "rowspan": 3}
        body[2].pop(2)
        body[3].pop(2)
    data = {"format": "kehoach", "version": 1, "summary": "Bảng", "signature": {"name": "A"},
            "sections": [{"title": "TỔ CHỨC THỰC HIỆN", "content": ["Đoạn trước bảng.",
                                                                    {"table": {"rows": [HEAD] + body}}]}]}
    if appendix is not None:
        data["appendices"] = [{"title": "", "summary": "Phân công", "landscape": appendix,
                               "content": [{"table": {"rows": [HEAD] + body[:5]}}]}]
    return Plan.from_dict(data)


def _laid(plan: Plan):
    setup = page_setup(rules_for(plan.regime))
    items = set_blocks(page_blocks(plan), setup.text_width, M)
    return items, paginate(items, setup), setup


def test_a_table_is_bordered_rows_of_13_pt_cells_with_the_writers_widths():
    blocks = page_blocks(_plan(3))
    table = next(b for b in blocks if isinstance(b, Table) and b.border)
    assert table.border == 0.5 and len(table.rows) == 4 and table.rows[0].header
    widths = [c.width for c in table.rows[0].cells]
    assert abs(sum(widths) - page_setup(rules_for("state")).text_width) < 0.1  # the text width, to the twip
    head = table.rows[0].cells[1].paras[0]
    assert head.text == "Nội dung" and head.style.bold and head.style.align == "center" and head.style.size == 13
    assert table.rows[2].cells[1].path == "sections[0].content[1].rows[2][1].text"
    after = blocks[blocks.index(table) + 1]
    assert after.text == "" and after.style.size == 6  # the writer's small paragraph after a table
    rows = [i for i in set_blocks([table], 400, M)]
    assert all(isinstance(r, LaidRow) and r.edges for r in rows)
    assert rows[1].height == line_height(13) + 4 + 0.5  # 2 pt above and below, one border


def test_header_row_repeats_atop_each_page_and_rows_do_not_split():
    items, pages, setup = _laid(_plan(80))
    head = next(i for i, it in enumerate(items) if isinstance(it, LaidRow) and it.header)
    holding = [p for p in pages if any(isinstance(items[x.index], LaidRow) and items[x.index].repeat
                                       for x in p.pieces)]
    assert len(holding) >= 3
    for page in holding[1:]:
        assert page.pieces[0].index == head and page.pieces[0].repeated and page.pieces[0].top == 0
    for page in pages:
        assert all(x.bottom <= setup.text_height + 0.01 for x in page.pieces)


def test_a_merged_cell_covers_its_rows_without_borders_between_them():
    table = next(b for b in page_blocks(_plan(5, merged=True)) if isinstance(b, Table) and b.border)
    assert table.rows[2].cells[2].rowspan == 3 and not table.rows[2].cells[2].bottom
    assert not table.rows[3].cells[2].top and not table.rows[4].cells[2].top and table.rows[4].cells[2].bottom


def test_appendices_start_new_pages_and_a_landscape_one_is_turned():
    items, pages, setup = _laid(_plan(3, appendix=True))
    assert any(isinstance(i, LaidBreak) and i.landscape for i in items)
    assert [p.landscape for p in pages][-1] and not pages[0].landscape
    first = next(n for n, p in enumerate(pages) if p.landscape)
    assert "PHỤ LỤC" in pages[first].text and "(Kèm theo Kế hoạch số" in pages[first].text
    assert setup.turned().width > setup.turned().height
    wide = max(e.x2 for e in pages[first].edges) - min(e.x1 for e in pages[first].edges)
    assert wide > setup.text_width + 100  # the table is as wide as the turned page's text
    items, pages, _ = _laid(_plan(3, appendix=False))  # portrait: a page break, no turn
    assert not any(p.landscape for p in pages) and pages[-1].text.startswith("PHỤ LỤC")


def test_every_walker_takes_tables_in_sections_and_appendices():
    plan = _plan(2, appendix=True)
    plan.appendices[0].content.insert(0, Section.from_dict(plan.sections[0].to_dict()))  # a table deeper down
    blocks = page_blocks(plan)  # (a TypeError here once: a table read as a paragraph)
    assert sum(bool(isinstance(b, Table) and b.border) for b in blocks) == 3
    assert sum(isinstance(b, PageBreak) for b in blocks) == 1
