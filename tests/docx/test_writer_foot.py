"""The foot of a written plan: "Nơi nhận", recipients, typist, signature block."""
from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from .docx_facts import (alignment, cell_texts, grid_widths, open_docx, render_cached, small_plan,
                         table_borders_nil, table_layout_fixed, text_facts, twips)


def _foot(plan: dict):
    doc = open_docx(render_cached(plan))
    table = doc.tables[-1]
    assert len(table.rows) == 1
    return table


@pytest.mark.parametrize("regime", ["state", "party"])
def test_foot_table_borderless_fixed_and_unsplittable(regime):
    table = _foot(small_plan(regime))
    assert table_borders_nil(table) and table_layout_fixed(table)
    widths = grid_widths(table)
    assert sum(widths) == pytest.approx(twips(165), abs=2)
    assert widths[0] / sum(widths) == pytest.approx(0.45, abs=0.005)
    tr_pr = table.rows[0]._tr.find(qn("w:trPr"))
    assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None


def test_state_recipients_block():
    left = _foot(small_plan("state")).rows[0].cells[0]
    assert cell_texts(left) == ["Nơi nhận:", "- UBND tỉnh (để báo cáo);",
                                "- Các thôn (để thực hiện);", "- Lưu: VT, VH.", "HNT.(95)"]
    label, *recipients, typist = left.paragraphs
    f = text_facts(label)
    assert (f.size, f.bold, f.italic, f.underline) == (12, True, True, False)
    for p in recipients:
        f = text_facts(p)
        assert (f.size, f.bold, f.italic) == (11, False, False)
        assert alignment(p) == "left"
    assert text_facts(typist).size == 11


def test_party_recipients_block():
    left = _foot(small_plan("party")).rows[0].cells[0]
    assert cell_texts(left) == ["Nơi nhận:", "- UBND tỉnh (để báo cáo),",
                                "- Các thôn (để thực hiện),", "- Lưu VT, VPĐU.", "HNT - 95b"]
    label, *recipients, typist = left.paragraphs
    f = text_facts(label)
    assert (f.size, f.bold, f.italic, f.underline) == (14, False, False, True)
    assert {text_facts(p).size for p in recipients} == {12}
    assert text_facts(typist).size == 12


def test_recipients_typed_with_their_marks_are_not_doubled():
    plan = small_plan("state", recipients=["- Các thôn;", "Lưu: VT, VH."], typist=None, copies=None)
    left = _foot(plan).rows[0].cells[0]
    assert cell_texts(left) == ["Nơi nhận:", "- Các thôn;", "- Lưu: VT, VH."]


@pytest.mark.parametrize("regime,authority,position,position_bold,name", [
    ("state", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", True, "Nguyễn Văn An"),
    ("party", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", False, "Lê Thị Bình"),
])
def test_signature_block(regime, authority, position, position_bold, name):
    right = _foot(small_plan(regime)).rows[0].cells[1]
    texts = cell_texts(right)
    assert texts == [authority, position, "", "", "", "", name]
    paras = right.paragraphs
    a, p, n = text_facts(paras[0]), text_facts(paras[1]), text_facts(paras[-1])
    assert (a.size, a.bold) == (14, True)
    assert (p.size, p.bold) == (14, position_bold)
    assert (n.size, n.bold) == (14, True)
    assert all(alignment(x) == "center" for x in paras)
    # Four empty lines of 14 pt for the signature and the seal.
    for space in paras[2:6]:
        sz = space._p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:sz')}")
        assert sz is not None and sz.get(qn("w:val")) == "28"


def test_without_authority_the_position_heads_the_block():
    sig = {"authority": "", "collective": "", "position": "TRƯỞNG BAN", "name": "Trần Văn Cường"}
    right = _foot(small_plan("party", signature=sig)).rows[0].cells[1]
    assert cell_texts(right)[0] == "TRƯỞNG BAN"
    assert cell_texts(right)[-1] == "Trần Văn Cường"


def test_kt_signature_reads_authority_then_head_title():
    sig = {"authority": "KT.", "collective": "CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH",
           "name": "Phạm Thị Dung"}
    right = _foot(small_plan("state", signature=sig)).rows[0].cells[1]
    assert cell_texts(right)[:2] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_no_typist_line_when_absent():
    left = _foot(small_plan("state", typist=None, copies=None)).rows[0].cells[0]
    assert cell_texts(left)[-1] == "- Lưu: VT, VH."
