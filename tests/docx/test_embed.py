"""The plan embedded in the DOCX: exact round trip, edits in Word detected, damage tolerated."""
from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_desktop.docx.embed import EmbeddedPlan, read_embedded
from kehoach_desktop.docx.writer import render_docx
from kehoach_desktop.plan.model import Plan

from .docx_facts import open_docx, paragraph_with, render_cached, small_plan


def _reopen(data: bytes):
    return read_embedded(open_docx(data))


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("regime", ["state", "party"])
def test_corpus_plan_round_trips_exactly(regime, state_plan_dict, party_plan_dict):
    plan = Plan.from_dict(state_plan_dict if regime == "state" else party_plan_dict)
    found = _reopen(render_cached(plan.to_dict()))
    assert isinstance(found, EmbeddedPlan)
    assert found.plan.to_dict() == plan.to_dict()
    assert found.edited is False


def test_unknown_keys_and_odd_values_are_kept():
    plan = small_plan("state", future_key={"a": [1, 2.5, None, True]}, copies="95 bản", typist="")
    plan["header"] = dict(plan["header"], seal="đỏ")
    plan["sections"][0]["content"][1]["note"] = "ghi chú"
    plan["sections"][0]["plain"] = False
    plan["preamble"].append("Ký tự điều khiển \x0b và \t tab & <thẻ>")
    found = _reopen(render_docx(Plan.from_dict(plan)))
    assert found.plan.to_dict() == Plan.from_dict(plan).to_dict()
    assert found.plan.extra["future_key"] == {"a": [1, 2.5, None, True]}


def test_saved_again_unchanged_is_not_edited():
    document = open_docx(render_cached(small_plan("party")))
    document.add_paragraph("")  # a blank line is not an edit
    found = _reopen(_save(document))
    assert found is not None and found.edited is False


def test_editing_a_paragraph_in_word_marks_it_edited():
    data = render_cached(small_plan("state"))
    document = open_docx(data)
    p = paragraph_with(document, "Giao các thôn thực hiện.", exact=True)
    p.runs[0].text = "Giao các thôn và tổ dân phố thực hiện."
    found = _reopen(_save(document))
    assert found is not None and found.edited is True
    assert found.plan.to_dict() == Plan.from_dict(small_plan("state")).to_dict()


def test_editing_text_inside_the_header_table_marks_it_edited():
    document = open_docx(render_cached(small_plan("state")))
    cell = document.tables[0].rows[1].cells[0]
    cell.paragraphs[0].runs[0].text = "Số: 07/KH-UBND"
    assert _reopen(_save(document)).edited is True


def test_a_hand_typed_docx_has_no_embedded_plan():
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    assert read_embedded(open_docx(_save(document))) is None


def _replace_part(data: bytes, name: str, blob: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, blob if item.filename == name else src.read(item.filename))
    return out.getvalue()


@pytest.mark.parametrize("blob", [
    b"not xml at all",
    b'<plan xmlns="urn:kehoach-desktop:plan:1" fingerprint="x">{"format": "kehoach", "vers',
    b'<plan xmlns="urn:kehoach-desktop:plan:1" fingerprint="x">{"format": "khac", "version": 1}</plan>',
    b'<plan xmlns="urn:kehoach-desktop:plan:1" fingerprint="x">[1, 2]</plan>',
    b'<plan xmlns="urn:kehoach-desktop:plan:1"/>',
])
def test_a_damaged_part_reads_as_none(blob):
    data = _replace_part(render_cached(small_plan("state")), "customXml/item1.xml", blob)
    assert _reopen(data) is None


# ---- generated plans ------------------------------------------------------------------
_text = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢẠỆỮ .,;:-()/\n\t\x0b&<>\"'")),
                max_size=30)
_paragraphs = st.lists(_text, max_size=3)


@st.composite
def _sections(draw, depth=0):
    content = draw(st.lists(
        _text if depth >= 2 else st.one_of(_text, _sections(depth=depth + 1)), max_size=3))
    section = {"title": draw(_text), "content": content}
    plain = draw(st.sampled_from([None, True, False]))
    if plain is not None:
        section["plain"] = plain
    return section


@st.composite
def _plans(draw):
    plan = small_plan(draw(st.sampled_from(["state", "party"])))
    plan["numbering"] = draw(st.lists(st.sampled_from(["I.", "1.", "1.1.", "a)"]), min_size=1,
                                      max_size=4))
    plan["header"] = {k: draw(_text) for k in ("superior", "issuer", "symbol", "place")}
    plan["header"]["number"] = draw(st.sampled_from(["", "5", "123"]))
    plan["header"]["date"] = draw(st.sampled_from(["", "2026-01-09", "2026-13-40"]))
    plan["summary"] = draw(_text)
    plan["preamble"] = draw(_paragraphs)
    plan["sections"] = draw(st.lists(_sections(), max_size=3))
    plan["closing"] = draw(_paragraphs)
    plan["recipients"] = draw(_paragraphs)
    plan["signature"] = {k: draw(_text) for k in ("authority", "collective", "position", "name")}
    plan["typist"] = draw(st.one_of(st.none(), _text))
    plan["copies"] = draw(st.one_of(st.none(), st.integers(0, 999), _text))
    return plan


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_plans())
def test_generated_plans_round_trip_exactly(plan_dict):
    plan = Plan.from_dict(plan_dict)
    found = _reopen(render_docx(plan))
    assert found is not None and found.edited is False
    assert found.plan.to_dict() == plan.to_dict()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_survives_the_xml_part(text):
    """Letters are stored as themselves (a third of the ASCII escapes' size), and whatever XML 1.0
    refuses (controls, lone surrogates, U+FFFE/U+FFFF) comes back exactly from the part."""
    from lxml import etree

    from kehoach_desktop.docx.embed import xml_safe_json

    element = etree.Element("plan")
    element.text = xml_safe_json({"t": text})
    assert json.loads(etree.fromstring(etree.tostring(element, encoding="UTF-8")).text) == {"t": text}


def test_vietnamese_letters_are_not_escaped():
    from kehoach_desktop.docx.embed import xml_safe_json

    assert xml_safe_json(["Kế hoạch tuyên truyền"]) == '["Kế hoạch tuyên truyền"]'
