"""Helpers for tests that inspect a written DOCX: open it and read the layout facts back.

Facts come from the XML the file holds (python-docx proxies and raw parts),
never from the writer's own code, so a test fails when the file is wrong.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn
from lxml import etree

FONT = "Times New Roman"
FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def part_xml(data: bytes, name: str):
    """The root element of one part of the zip, e.g. ``word/styles.xml``."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def part_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.namelist()


def all_paragraphs(document) -> list:
    """Every body paragraph in document order, those inside tables included."""
    from docx.text.paragraph import Paragraph
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def paragraph_with(document, text: str, *, exact: bool = False):
    """The first paragraph whose text contains (or equals) ``text``."""
    for p in all_paragraphs(document):
        if (p.text == text) if exact else (text in p.text):
            return p
    raise AssertionError(f"no paragraph with {text!r}")


def cell_texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


@dataclass
class RunFacts:
    text: str
    size: float | None
    bold: bool
    italic: bool
    underline: bool
    fonts: dict
    color: str | None


def _flag(rpr, tag: str) -> bool:
    el = rpr.find(qn(tag)) if rpr is not None else None
    if el is None:
        return False
    return el.get(qn("w:val"), "true") not in ("0", "false", "none")


def run_facts(run) -> RunFacts:
    """Direct formatting of a run (python-docx Run), read from its w:rPr."""
    rpr = run._r.find(qn("w:rPr"))
    fonts, size, color = {}, None, None
    if rpr is not None:
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is not None:
            fonts = {slot: rfonts.get(qn(slot)) for slot in FONT_SLOTS}
        sz = rpr.find(qn("w:sz"))
        size = int(sz.get(qn("w:val"))) / 2 if sz is not None else None
        c = rpr.find(qn("w:color"))
        color = c.get(qn("w:val")) if c is not None else None
    u = rpr.find(qn("w:u")) if rpr is not None else None
    underline = u is not None and u.get(qn("w:val")) not in ("none", None)
    return RunFacts(run.text, size, _flag(rpr, "w:b"), _flag(rpr, "w:i"), underline, fonts, color)


def text_facts(paragraph) -> RunFacts:
    """The facts shared by all text runs of a paragraph (asserts they agree)."""
    runs = [run_facts(r) for r in paragraph.runs if r.text]
    assert runs, f"paragraph {paragraph.text!r} has no text run"
    first = runs[0]
    for r in runs[1:]:
        assert (r.size, r.bold, r.italic, r.underline) == (
            first.size, first.bold, first.italic, first.underline), paragraph.text
    return first


def alignment(paragraph) -> str | None:
    jc = paragraph._p.find(qn("w:pPr") + "/" + qn("w:jc"))
    return jc.get(qn("w:val")) if jc is not None else None


def ppr_has(paragraph, tag: str) -> bool:
    ppr = paragraph._p.find(qn("w:pPr"))
    return _flag(ppr, tag)


def border(paragraph, side: str):
    """The ``w:pBdr/w:<side>`` element of a paragraph, or None."""
    return paragraph._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:' + side)}")


def indents(paragraph) -> dict:
    ind = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    if ind is None:
        return {}
    return {k: int(ind.get(qn("w:" + k))) for k in ("left", "right", "firstLine")
            if ind.get(qn("w:" + k)) is not None}


def table_borders_nil(table) -> bool:
    """True when the table and each of its cells declare every border nil."""
    tbl = table._tbl
    borders = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    if borders is None or len(borders) < 6:
        return False
    if any(b.get(qn("w:val")) not in ("nil", "none") for b in borders):
        return False
    for tc in tbl.iter(qn("w:tc")):
        tcb = tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}")
        if tcb is None or any(b.get(qn("w:val")) not in ("nil", "none") for b in tcb):
            return False
    return True


def table_layout_fixed(table) -> bool:
    lay = table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLayout')}")
    return lay is not None and lay.get(qn("w:type")) == "fixed"


def grid_widths(table) -> list[int]:
    return [int(g.get(qn("w:w"))) for g in table._tbl.iter(qn("w:gridCol"))]


def twips(mm: float) -> float:
    return mm * 1440 / 25.4


# ---- rendering the corpus plans once per test session ------------------------------
_CACHE: dict = {}


def render_cached(plan_dict: dict, *, today=None) -> bytes:
    """render_docx of a plan dict, rendered once per session (the writer is pure)."""
    import json

    from kehoach_desktop.docx.writer import render_docx
    from kehoach_desktop.plan.model import Plan

    key = (json.dumps(plan_dict, sort_keys=True, ensure_ascii=False), today)
    if key not in _CACHE:
        _CACHE[key] = render_docx(Plan.from_dict(plan_dict), today=today)
    return _CACHE[key]


def small_plan(regime: str = "state", **overrides) -> dict:
    """A short plan of a commune after 1 July 2025 (no district level), as a dict."""
    state = regime == "state"
    plan = {
        "format": "kehoach", "version": 1, "regime": regime, "kind": "",
        "numbering": ["I.", "1.", "a)"],
        "header": {
            "superior": "ĐẢNG BỘ TỈNH THANH HÓA" if not state else "",
            "issuer": "ỦY BAN NHÂN DÂN XÃ CẨM TÂN" if state else "ĐẢNG ỦY XÃ CẨM TÂN",
            "number": "5", "symbol": "KH-UBND" if state else "KH/ĐU",
            "place": "Cẩm Tân", "date": "2026-02-05"},
        "summary": "Về công tác tuyên truyền năm 2026" if state else "về công tác tuyên truyền năm 2026",
        "preamble": ["Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;"],
        "sections": [
            {"title": "Mục đích, yêu cầu", "content": [
                "Đoạn mở đầu của mục I.",
                {"title": "Mục đích", "content": [
                    "- Nâng cao nhận thức.",
                    {"title": "Đối với cán bộ", "content": ["+ Gương mẫu."]},
                ]},
                {"title": "Nội dung là một đoạn văn đánh số.", "content": [], "plain": True},
            ]},
            {"title": "Tổ chức thực hiện", "content": ["Giao các thôn thực hiện."]},
        ],
        "closing": ["Trên đây là Kế hoạch của Ủy ban nhân dân xã./."],
        "recipients": ["UBND tỉnh (để báo cáo)", "Các thôn (để thực hiện)",
                       "Lưu: VT, VH" if state else "Lưu VT, VPĐU"],
        "signature": ({"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN",
                       "position": "CHỦ TỊCH", "name": "Nguyễn Văn An"} if state else
                      {"authority": "T/M", "collective": "BAN THƯỜNG VỤ",
                       "position": "BÍ THƯ", "name": "Lê Thị Bình"}),
        "typist": "HNT", "copies": 95,
    }
    plan.update(overrides)
    return plan
