"""The plan JSON format: exact round trip, unknown keys kept, NFC in, clear refusals."""
import json
import unicodedata

import pytest
from hypothesis import given, settings

from kehoach_desktop.plan.model import Plan, PlanFormatError, Section, walk_sections

from .strategies import plans


@settings(max_examples=60, deadline=None)
@given(plans)
def test_json_round_trip_is_exact(plan):
    data = plan.to_dict()
    again = Plan.from_json(json.dumps(data, ensure_ascii=False))
    assert again.to_dict() == data
    assert Plan.from_json(again.to_json()).to_dict() == data


def test_corpus_plans_round_trip_exactly(state_plan_dict, party_plan_dict):
    for data in (state_plan_dict, party_plan_dict):
        assert Plan.from_dict(data).to_dict() == data


def test_unknown_keys_are_kept_at_every_level():
    data = {"format": "kehoach", "version": 1, "regime": "state", "x-tool": {"a": [1, 2]},
            "header": {"issuer": "ỦY BAN NHÂN DÂN XÃ A", "seal": "đỏ"},
            "signature": {"name": "Lê A", "phone": "0123"},
            "sections": [{"title": "A", "content": [], "color": "xanh"}]}
    out = Plan.from_dict(data).to_dict()
    assert out["x-tool"] == {"a": [1, 2]}
    assert out["header"]["seal"] == "đỏ"
    assert out["signature"]["phone"] == "0123"
    assert out["sections"][0]["color"] == "xanh"


def test_every_string_is_nfc_on_the_way_in():
    nfd = unicodedata.normalize("NFD", "Kế hoạch tuyên truyền Đảng ủy")
    data = {"format": "kehoach", "version": 1, "summary": nfd, "preamble": [nfd],
            "header": {"issuer": nfd}, "sections": [{"title": nfd, "content": [nfd]}],
            "recipients": [nfd], "other": {"deep": [nfd]}}
    plan = Plan.from_dict(data)
    nfc = unicodedata.normalize("NFC", nfd)
    assert nfc != nfd
    assert plan.summary == nfc and plan.preamble == [nfc] and plan.header.issuer == nfc
    assert plan.sections[0].title == nfc and plan.sections[0].content == [nfc]
    assert plan.recipients == [nfc] and plan.extra["other"]["deep"] == [nfc]


def test_missing_keys_mean_an_empty_draft():
    plan = Plan.from_dict({"format": "kehoach", "version": 1})
    assert plan.regime == "state" and plan.numbering == ["I.", "1.", "a)"]
    assert plan.header.number == "" and plan.sections == [] and plan.typist is None


@pytest.mark.parametrize("text", [
    "", "không phải json", "[1, 2]", '"chuỗi"', "{}",
    '{"format": "khac", "version": 1}',
    '{"format": "kehoach", "version": 2}',
    '{"format": "kehoach", "version": 1, "regime": "tinh"}',
    '{"format": "kehoach", "version": 1, "header": [1]}',
    '{"format": "kehoach", "version": 1, "sections": {"a": 1}}',
    '{"format": "kehoach", "version": 1, "sections": [{"content": 5}]}',
    '{"format": "kehoach", "version": 1, "preamble": 5}',
    '{"format": "kehoach", "version": 1, "copies": [1]}',
    '{"format": "kehoach", "version": 1, "header": {"number": {"a": 1}}}',
])
def test_not_a_plan_is_refused_in_vietnamese(text):
    with pytest.raises(PlanFormatError) as info:
        Plan.from_json(text)
    message = str(info.value)
    assert message and "\n" not in message
    assert any(w in message for w in ("kế hoạch", "JSON", "phiên bản"))


def test_walk_sections_numbers_ignore_paragraphs():
    plan = Plan.from_dict({"format": "kehoach", "version": 1, "sections": [
        {"title": "A", "content": ["p", {"title": "A1", "content": []}, "q", {"title": "A2", "content": []}]},
        {"title": "B", "content": []}]})
    refs = [(r.numbers, r.where, r.section.title) for r in walk_sections(plan.sections)]
    assert refs == [((1,), "sections[0]", "A"), ((1, 1), "sections[0].content[1]", "A1"),
                    ((1, 2), "sections[0].content[3]", "A2"), ((2,), "sections[1]", "B")]


def test_section_helpers():
    s = Section("T", ["a", Section("x"), "b"], plain=True)
    assert s.paragraphs == ["a", "b"] and [x.title for x in s.subsections] == ["x"] and s.is_plain
