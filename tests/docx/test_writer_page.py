"""The page of a written plan: A4, margins, fonts in every slot, page numbers from page 2."""
from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from kehoach_desktop.plan.model import Plan

from .docx_facts import (FONT, FONT_SLOTS, open_docx, part_names, part_xml, render_cached,
                         small_plan)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(params=["state", "party"])
def data(request, state_plan_dict, party_plan_dict) -> bytes:
    return render_cached(state_plan_dict if request.param == "state" else party_plan_dict)


def _mm(length) -> float:
    return length / Mm(1)


def test_a4_portrait_with_the_margins_we_write(data):
    section = open_docx(data).sections[0]
    assert round(_mm(section.page_width)) == 210 and round(_mm(section.page_height)) == 297
    assert [round(_mm(m), 1) for m in (section.top_margin, section.bottom_margin,
                                       section.left_margin, section.right_margin)] == [20, 20, 30, 15]
    assert _mm(section.header_distance) < 20  # the page number sits in the top margin


def _assert_times(rfonts, where: str):
    assert rfonts is not None, where
    for slot in FONT_SLOTS:
        assert rfonts.get(qn(slot)) == FONT, (where, slot)
    theme = [a for a in rfonts.attrib if "Theme" in a or "theme" in a]
    assert not theme, (where, theme)  # a theme font would win over the named one


def test_document_defaults_and_normal_style_are_times_new_roman_black(data):
    styles = part_xml(data, "word/styles.xml")
    rpr = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    _assert_times(rpr.find(f"{W}rFonts"), "docDefaults")
    assert rpr.find(f"{W}color").get(f"{W}val") == "000000"
    assert rpr.find(f"{W}sz").get(f"{W}val") == "28"
    normal = [s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Normal"][0]
    _assert_times(normal.find(f"{W}rPr/{W}rFonts"), "Normal")


def test_every_run_names_times_new_roman_in_all_four_slots_and_is_black(data):
    names = [n for n in part_names(data) if n.startswith("word/") and
             (n == "word/document.xml" or n.startswith("word/header"))]
    runs = 0
    for name in names:
        for r in part_xml(data, name).iter(f"{W}r"):
            runs += 1
            _assert_times(r.find(f"{W}rPr/{W}rFonts"), f"{name} run")
            assert r.find(f"{W}rPr/{W}color").get(f"{W}val") == "000000"
    assert runs > 50


def _headers(data):
    """(default header root, first-page header root) of the section, via the rels."""
    doc = open_docx(data)
    sect = doc.element.body.find(qn("w:sectPr"))
    refs = {ref.get(qn("w:type")): ref.get(qn("r:id")) for ref in sect.iter(qn("w:headerReference"))}
    part = doc.part
    return (part.related_parts[refs["default"]].element, part.related_parts[refs["first"]].element,
            sect)


def test_page_number_field_centred_14pt_not_on_first_page(data):
    default, first, sect = _headers(data)
    assert sect.find(qn("w:titlePg")) is not None  # first-page exception on
    instr = "".join(t.text for t in default.iter(qn("w:instrText")))
    assert instr.strip() == "PAGE"
    kinds = [f.get(qn("w:fldCharType")) for f in default.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    p = default.find(qn("w:p"))
    assert p.find(f"{qn('w:pPr')}/{qn('w:jc')}").get(qn("w:val")) == "center"
    sizes = {r.find(f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val")) for r in default.iter(qn("w:r"))}
    assert sizes == {"28"}
    for r in default.iter(qn("w:r")):  # upright, not bold
        assert r.find(f"{qn('w:rPr')}/{qn('w:b')}") is None
        assert r.find(f"{qn('w:rPr')}/{qn('w:i')}") is None
    # The first page shows nothing.
    assert not list(first.iter(qn("w:fldChar"))) and not list(first.iter(qn("w:instrText")))
    assert "".join(t.text or "" for t in first.iter(qn("w:t"))) == ""


def test_no_foreign_parts_from_the_template():
    data = render_cached(small_plan("state"))
    names = part_names(data)
    assert "docProps/thumbnail.jpeg" not in names
    items = [n for n in names if n.startswith("customXml/item") and "Props" not in n]
    assert items == ["customXml/item1.xml"]  # ours only, no bibliography part
    refs = [e.get("{http://schemas.openxmlformats.org/officeDocument/2006/customXml}uri")
            for e in part_xml(data, "customXml/itemProps1.xml").iter()
            if e.tag.endswith("}schemaRef")]
    assert refs == ["urn:kehoach-desktop:plan:1"]


def test_language_is_vietnamese():
    data = render_cached(small_plan("party"))
    lang = part_xml(data, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "vi-VN"
    assert open_docx(data).core_properties.language == "vi-VN"


def test_the_writer_reads_its_numbers_and_words_from_the_rules(monkeypatch):
    """A new official guide is a change of data: the written file follows changed rules."""
    import dataclasses

    from kehoach_desktop.docx import writer
    from kehoach_desktop.plan import layout

    from .docx_facts import text_facts

    changed = dataclasses.replace(
        layout.STATE,
        page=dataclasses.replace(layout.PageRules(), margin_left_mm=35, margin_top_mm=25),
        date_style=layout.TextStyle(13, italic=True),
        recipients_label="Nơi gửi:",
        body=dataclasses.replace(layout.BodyRules(), first_line_indent_mm=12.7),
        header_columns=(0.45, 0.55))
    monkeypatch.setattr(writer, "rules_for", lambda regime: changed)
    doc = open_docx(writer.render_docx(Plan.from_dict(small_plan("state"))))
    section = doc.sections[0]
    assert round(_mm(section.left_margin)) == 35 and round(_mm(section.top_margin)) == 25
    date = doc.tables[0].rows[1].cells[1].paragraphs[0]
    assert text_facts(date).size == 13
    assert doc.tables[-1].rows[0].cells[0].paragraphs[0].text == "Nơi gửi:"
    widths = [int(g.get(qn("w:w"))) for g in doc.tables[0]._tbl.iter(qn("w:gridCol"))]
    assert widths[0] / sum(widths) == pytest.approx(0.45, abs=0.005)
    assert sum(widths) == pytest.approx((210 - 35 - 15) * 1440 / 25.4, abs=2)
    body = [p for p in doc.paragraphs if p.text.startswith("Căn cứ")][0]
    assert int(body._p.find(f"{qn('w:pPr')}/{qn('w:ind')}").get(qn("w:firstLine"))) == pytest.approx(720, abs=1)


def test_only_the_styles_a_plan_uses_are_written(data):
    """The template's 160 unused styles and its Word 2010 copy of them made every save, reopen and
    check slower; the defaults stay, and Normal carries the font of the rules."""
    document = open_docx(data)
    ids = {s.style_id for s in document.styles}
    assert {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header", "Footer"} <= ids
    assert len(ids) <= 10 and "Heading1" not in ids
    assert document.styles.element.find(qn("w:latentStyles")) is None
    assert not [name for name in part_names(data) if "stylesWithEffects" in name]
    assert document.styles["Normal"].element.find(qn("w:rPr")) is not None
    targets = [rel.get("Target") for rel in part_xml(data, "word/_rels/document.xml.rels")]
    assert "styles.xml" in targets and not [t for t in targets if "stylesWithEffects" in t]
