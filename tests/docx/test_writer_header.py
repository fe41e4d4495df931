"""The header block and the title block of a written plan, both regimes (layout.md)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from .docx_facts import (alignment, border, cell_texts, grid_widths, indents, open_docx,
                         paragraph_with, render_cached, small_plan, table_borders_nil,
                         table_layout_fixed, text_facts, twips)

TEXT_WIDTH_MM = 210 - 30 - 15


@pytest.fixture
def state(state_plan_dict):
    return open_docx(render_cached(state_plan_dict))


@pytest.fixture
def party(party_plan_dict):
    return open_docx(render_cached(party_plan_dict))


def _next(paragraph):
    nxt = paragraph._p.getnext()
    from docx.text.paragraph import Paragraph
    return Paragraph(nxt, paragraph._parent)


def _rule_width_mm(p, available_mm: float) -> float:
    ind = indents(p)
    return available_mm - (ind.get("left", 0) + ind.get("right", 0)) / twips(1)


@pytest.mark.parametrize("regime,fractions", [("state", (0.4, 0.6)), ("party", (0.45, 0.55))])
def test_header_table_borderless_fixed_columns(regime, fractions, state_plan_dict, party_plan_dict):
    doc = open_docx(render_cached(state_plan_dict if regime == "state" else party_plan_dict))
    table = doc.tables[0]
    widths = grid_widths(table)
    assert len(widths) == 2 and len(table.rows) == 2
    assert sum(widths) == pytest.approx(twips(TEXT_WIDTH_MM), abs=2)
    assert widths[0] / sum(widths) == pytest.approx(fractions[0], abs=0.005)
    assert table_borders_nil(table) and table_layout_fixed(table)
    # Explicit cell widths match the grid.
    for row in table.rows:
        assert [c.width for c in row.cells] == [twips_to_emu(w) for w in widths]


def twips_to_emu(tw: int) -> int:
    return tw * 635


def test_state_header_texts_sizes_and_lines(state):
    table = state.tables[0]
    left, right = table.rows[0].cells
    assert cell_texts(left)[:2] == ["UBND HUYỆN CẨM THỦY", "ỦY BAN NHÂN DÂN\nXÃ CẨM TÂN"]
    superior, issuer = left.paragraphs[:2]
    assert (text_facts(superior).size, text_facts(superior).bold) == (12, False)
    assert (text_facts(issuer).size, text_facts(issuer).bold) == (12, True)
    assert alignment(superior) == alignment(issuer) == "center"
    # The line under the issuer: 1/3–1/2 of "ỦY BAN NHÂN DÂN" (about 40 mm at 12 pt bold).
    rule = left.paragraphs[2]
    assert border(rule, "top") is not None and rule.text == ""
    inner = TEXT_WIDTH_MM * 0.4 - 2
    assert 40 / 3 - 1 <= _rule_width_mm(rule, inner) <= 40 / 2 + 1

    title, motto, line = right.paragraphs[:3]
    assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert "\n" not in title.text
    assert (text_facts(title).size, text_facts(title).bold) == (12, True)
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert (text_facts(motto).size, text_facts(motto).bold) == (13, True)
    # As long as the motto (about 56 mm at 13 pt bold), well inside the column.
    assert border(line, "top") is not None
    assert 50 <= _rule_width_mm(line, TEXT_WIDTH_MM * 0.6 - 2) <= 62


def test_party_header_texts_sizes_and_marks(party):
    left, right = party.tables[0].rows[0].cells
    assert cell_texts(left) == ["ĐẢNG BỘ TỈNH BẾN TRE", "ĐẢNG ỦY KHỐI CƠ QUAN -\nDOANH NGHIỆP", "*"]
    superior, issuer, star = left.paragraphs
    assert (text_facts(superior).size, text_facts(superior).bold) == (14, False)
    assert (text_facts(issuer).size, text_facts(issuer).bold) == (14, True)
    assert alignment(star) == "center"
    title, line = right.paragraphs
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert (text_facts(title).size, text_facts(title).bold) == (15, True)
    assert border(line, "top") is not None  # the line under the title, as long as it (~73 mm)
    assert 65 <= _rule_width_mm(line, TEXT_WIDTH_MM * 0.55 - 2) <= 80


@pytest.mark.parametrize("regime,number,date,size", [
    ("state", "Số: 45/KH-UBND", "Cẩm Tân, ngày 20 tháng 5 năm 2021", 13),
    ("party", "Số 23-KH/ĐUK", "Bến Tre, ngày 01 tháng 3 năm 2021", 14),
])
def test_number_and_date_lines_stand_level(regime, number, date, size, state_plan_dict,
                                           party_plan_dict):
    doc = open_docx(render_cached(state_plan_dict if regime == "state" else party_plan_dict))
    left, right = doc.tables[0].rows[1].cells  # one row: level whatever stands above
    assert cell_texts(left) == [number] and cell_texts(right) == [date]
    n, d = text_facts(left.paragraphs[0]), text_facts(right.paragraphs[0])
    assert (n.size, n.bold, n.italic) == (size, False, False)
    assert (d.size, d.bold, d.italic) == (14, False, True)
    assert alignment(left.paragraphs[0]) == alignment(right.paragraphs[0]) == "center"


@pytest.mark.parametrize("regime,padded,blank", [
    ("state", "Số: 05/KH-UBND", r"Số: {4,}/KH-UBND"),
    ("party", "Số 05-KH/ĐU", r"Số {4,}-KH/ĐU"),
])
def test_number_padded_or_blank(regime, padded, blank):
    doc = open_docx(render_cached(small_plan(regime)))
    assert doc.tables[0].rows[1].cells[0].text == padded
    plan = small_plan(regime)
    plan["header"] = dict(plan["header"], number="")
    doc = open_docx(render_cached(plan))
    assert re.fullmatch(blank, doc.tables[0].rows[1].cells[0].text)  # a blank for the văn thư


def test_date_padded_and_undated_blank_with_current_year():
    doc = open_docx(render_cached(small_plan("state")))  # 2026-02-05
    assert doc.tables[0].rows[1].cells[1].text == "Cẩm Tân, ngày 05 tháng 02 năm 2026"
    plan = small_plan("party")
    plan["header"] = dict(plan["header"], date="")
    doc = open_docx(render_cached(plan, today=dt.date(2027, 1, 9)))
    cell = doc.tables[0].rows[1].cells[1]
    assert cell.text == "Cẩm Tân, ngày      tháng      năm 2027"
    assert text_facts(cell.paragraphs[0]).italic


@pytest.mark.parametrize("regime,title_size", [("state", 14), ("party", 16)])
def test_title_summary_and_mark(regime, title_size, state_plan_dict, party_plan_dict):
    plan = state_plan_dict if regime == "state" else party_plan_dict
    doc = open_docx(render_cached(plan))
    title = paragraph_with(doc, "KẾ HOẠCH", exact=True)
    assert (text_facts(title).size, text_facts(title).bold) == (title_size, True)
    summary = _next(title)
    assert summary.text == plan["summary"]
    assert (text_facts(summary).size, text_facts(summary).bold) == (14, True)
    assert alignment(title) == alignment(summary) == "center"
    mark = _next(summary)
    if regime == "state":
        assert border(mark, "top") is not None and mark.text == ""
        width = _rule_width_mm(mark, TEXT_WIDTH_MM)
        assert TEXT_WIDTH_MM / 3 - 1 <= width <= TEXT_WIDTH_MM / 2 + 1  # summary fills a line
    else:
        assert mark.text == "-----" and alignment(mark) == "center"
        assert not text_facts(mark).bold


def test_long_body_names_break_at_a_natural_place():
    plan = small_plan("state")
    plan["header"] = dict(plan["header"], superior="ỦY BAN NHÂN DÂN TỈNH THANH HÓA",
                          issuer="ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH")
    left = open_docx(render_cached(plan)).tables[0].rows[0].cells[0]
    assert cell_texts(left)[:2] == ["ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA",
                                    "ỦY BAN NHÂN DÂN\nPHƯỜNG HẠC THÀNH"]
