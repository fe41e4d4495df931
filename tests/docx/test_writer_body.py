"""The body of a written plan: paragraphs, headings per level, labels, pagination flags."""
from __future__ import annotations

import pytest

from kehoach_desktop.plan.model import Plan, walk_sections

from .docx_facts import (alignment, all_paragraphs, indents, open_docx, paragraph_with,
                         ppr_has, render_cached, small_plan, text_facts)


def _spacing(p) -> dict:
    from docx.oxml.ns import qn
    sp = p._p.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    return {k: sp.get(qn("w:" + k)) for k in ("before", "after", "line", "lineRule")}


def _body(doc) -> list:
    """Paragraphs between the title block and the foot table: direct children of w:body."""
    from docx.text.paragraph import Paragraph
    body = doc.element.body
    paras = [Paragraph(p, doc._body) for p in body.iterchildren("{*}p")]
    start = next(i for i, p in enumerate(paras) if p.text == "KẾ HOẠCH")
    rest = paras[start + 2:]  # after the summary
    return [p for p in rest if p.text or not p._p.xpath("./w:pPr/w:pBdr")][
        (1 if rest and rest[0].text == "-----" else 0):]


@pytest.mark.parametrize("regime", ["state", "party"])
def test_body_paragraph_facts(regime):
    doc = open_docx(render_cached(small_plan(regime)))
    p = paragraph_with(doc, "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;", exact=True)
    f = text_facts(p)
    assert (f.size, f.bold, f.italic, f.underline) == (14, False, False, False)
    assert alignment(p) == "both"
    assert indents(p)["firstLine"] == pytest.approx(567, abs=1)  # 10 mm
    assert _spacing(p) == {"before": "0", "after": "120", "line": "240", "lineRule": "auto"}
    assert ppr_has(p, "w:widowControl")
    assert not ppr_has(p, "w:keepNext")


@pytest.mark.parametrize("regime", ["state", "party"])
def test_headings_per_level(regime):
    doc = open_docx(render_cached(small_plan(regime)))
    h1 = paragraph_with(doc, "I. MỤC ĐÍCH, YÊU CẦU", exact=True)  # stored "Mục đích, yêu cầu"
    h2 = paragraph_with(doc, "1. Mục đích", exact=True)
    h3 = paragraph_with(doc, "a) Đối với cán bộ", exact=True)
    for h, bold in ((h1, True), (h2, True), (h3, False)):
        f = text_facts(h)
        assert (f.size, f.bold, f.italic) == (14, bold, False), h.text
        assert ppr_has(h, "w:keepNext") and ppr_has(h, "w:widowControl"), h.text
        assert alignment(h) == "both"
        assert indents(h)["firstLine"] == pytest.approx(567, abs=1)
    assert paragraph_with(doc, "II. TỔ CHỨC THỰC HIỆN", exact=True)


def test_plain_section_is_body_text_beginning_with_its_label():
    doc = open_docx(render_cached(small_plan("state")))
    p = paragraph_with(doc, "2. Nội dung là một đoạn văn đánh số.", exact=True)
    assert not text_facts(p).bold
    assert not ppr_has(p, "w:keepNext")


def test_labels_follow_the_plans_numbering():
    plan = small_plan("party", numbering=["I.", "1.", "1.1."])
    doc = open_docx(render_cached(plan))
    assert paragraph_with(doc, "1.1. Đối với cán bộ", exact=True)


def _expected_texts(plan: Plan) -> list[str]:
    """Every body text in reading order, built from the plan independently of the writer."""
    from kehoach_desktop.plan.numbering import label
    from kehoach_desktop.plan.model import Section
    out = list(plan.preamble)

    def walk(items, numbers):
        n = 0
        for item in items:
            if isinstance(item, Section):
                n += 1
                path = numbers + (n,)
                title = item.title.upper() if len(path) == 1 and not item.is_plain else item.title
                out.append(f"{label(plan.numbering, path)} {title}")
                walk(item.content, path)
            else:
                out.append(item)
    walk(plan.sections, ())
    return out + list(plan.closing)


@pytest.mark.parametrize("regime", ["state", "party"])
def test_corpus_body_in_order_exactly_as_typed(regime, state_plan_dict, party_plan_dict):
    plan_dict = state_plan_dict if regime == "state" else party_plan_dict
    plan = Plan.from_dict(plan_dict)
    doc = open_docx(render_cached(plan_dict))
    texts = [p.text for p in _body(doc)]
    assert texts == _expected_texts(plan)
    assert sum(1 for _ in walk_sections(plan.sections)) > 5
    # The last paragraph goes with the signature table; nothing is added to it.
    last = _body(doc)[-1]
    assert last.text == plan.closing[-1] and ppr_has(last, "w:keepNext")


def test_end_mark_not_added():
    plan = small_plan("state", closing=["Trên đây là Kế hoạch của Ủy ban nhân dân xã"])
    doc = open_docx(render_cached(plan))
    assert paragraph_with(doc, "Trên đây là Kế hoạch").text == "Trên đây là Kế hoạch của Ủy ban nhân dân xã"


def test_line_breaks_kept_tabs_made_spaces_and_odd_characters_dropped():
    plan = small_plan("state", preamble=["Dòng một\nDòng hai\tcột", "Ký tự lạ\x0b ở đây"])
    doc = open_docx(render_cached(plan))
    # A tab never stays in a plan's text (issue 9): the layout indents, a tab would not.
    assert paragraph_with(doc, "Dòng một").text == "Dòng một\nDòng hai cột"
    assert paragraph_with(doc, "Ký tự lạ").text == "Ký tự lạ ở đây"


def test_text_is_written_nfc():
    import unicodedata
    nfd = unicodedata.normalize("NFD", "Tuyên truyền về Nghị quyết")
    doc = open_docx(render_cached(small_plan("state", preamble=[nfd])))
    texts = [p.text for p in all_paragraphs(doc)]
    assert "Tuyên truyền về Nghị quyết" in texts
