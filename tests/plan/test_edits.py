"""Undoable edits as data: apply/inverse round trips, outline operations, NFC, no aliasing."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings, strategies as st, HealthCheck

from kehoach_desktop.plan.edits import (
    Batch, EditError, InsertItem, MoveItem, RemoveItem, SetValue, apply_edit, describe_edit,
    edit_paths, get_value, indent_item, move_down, move_up, outdent_item, parse_path, target_path)
from kehoach_desktop.plan.model import Plan, Section


def sample_plan() -> Plan:
    return Plan.from_dict({
        "format": "kehoach", "version": 1, "regime": "state",
        "header": {"issuer": "UBND XÃ A", "number": "12"},
        "summary": "Triển khai",
        "preamble": ["Căn cứ 1", "Căn cứ 2", "Căn cứ 3"],
        "sections": [
            {"title": "MỤC ĐÍCH", "content": ["đoạn 1", {"title": "Mục đích", "content": ["x"]},
                                             "đoạn 2", {"title": "Yêu cầu", "content": []}]},
            {"title": "NỘI DUNG", "content": ["y"]},
        ],
        "recipients": ["Như trên;", "Lưu: VT."],
    })


def test_parse_path():
    assert parse_path("sections[0].content[12].title") == ["sections", 0, "content", 12, "title"]
    with pytest.raises(EditError):
        parse_path("sections[x]")


def test_get_value_paths():
    plan = sample_plan()
    assert get_value(plan, "header.number") == "12"
    assert get_value(plan, "preamble[2]") == "Căn cứ 3"
    assert get_value(plan, "sections[0].content[1]").title == "Mục đích"
    assert get_value(plan, "sections[1].plain") is None
    assert get_value(plan, "typist") is None
    with pytest.raises(EditError):
        get_value(plan, "sections[5]")
    with pytest.raises(EditError):
        get_value(plan, "header.nope")
    with pytest.raises(EditError):
        get_value(plan, "header.to_dict")
    plan.header.extra["note"] = {"a": 1}
    assert get_value(plan, "header.extra.note.a") == 1


def test_set_value_inverse_and_nfc():
    plan = sample_plan()
    decomposed = unicodedata.normalize("NFD", "Kế hoạch số")
    inverse = apply_edit(plan, SetValue("summary", decomposed))
    assert plan.summary == "Kế hoạch số" and unicodedata.is_normalized("NFC", plan.summary)
    assert inverse == SetValue("summary", "Triển khai")
    apply_edit(plan, inverse)
    assert plan.to_dict() == sample_plan().to_dict()


def test_insert_copies_item_no_alias():
    plan = sample_plan()
    sec = Section(title="Mới", content=["a"])
    apply_edit(plan, InsertItem("sections", 1, sec))
    sec.content.append("changed outside")
    assert plan.sections[1].content == ["a"]
    assert plan.sections[1] is not sec


def test_remove_and_move_inverse():
    plan = sample_plan()
    inv = apply_edit(plan, RemoveItem("preamble", 0))
    assert plan.preamble == ["Căn cứ 2", "Căn cứ 3"]
    apply_edit(plan, inv)
    assert plan.preamble == ["Căn cứ 1", "Căn cứ 2", "Căn cứ 3"]
    inv = apply_edit(plan, MoveItem("preamble", 0, 2))
    assert plan.preamble == ["Căn cứ 2", "Căn cứ 3", "Căn cứ 1"]
    apply_edit(plan, inv)
    assert plan.preamble == ["Căn cứ 1", "Căn cứ 2", "Căn cứ 3"]


def test_bad_edits_raise_and_batch_rolls_back():
    plan = sample_plan()
    with pytest.raises(EditError):
        apply_edit(plan, InsertItem("preamble", 9, "x"))
    with pytest.raises(EditError):
        apply_edit(plan, RemoveItem("summary", 0))
    before = plan.to_dict()
    with pytest.raises(EditError):
        apply_edit(plan, Batch((SetValue("summary", "z"), RemoveItem("preamble", 7))))
    assert plan.to_dict() == before


def test_indent_paragraph_into_previous_section():
    plan = sample_plan()
    batch = indent_item(plan, "sections[0].content", 2)  # "đoạn 2" after "Mục đích"
    inv = apply_edit(plan, batch)
    assert plan.sections[0].content[1].content == ["x", "đoạn 2"]
    assert target_path(batch) == "sections[0].content[1].content[1]"
    apply_edit(plan, inv)
    assert plan.to_dict() == sample_plan().to_dict()


def test_indent_impossible_cases():
    plan = sample_plan()
    assert indent_item(plan, "sections[0].content", 0) is None  # first item
    assert indent_item(plan, "sections[0].content", 1) is None  # previous is a paragraph
    assert indent_item(plan, "sections[0].content", 9) is None


def test_outdent_section_and_paragraph():
    plan = sample_plan()
    batch = outdent_item(plan, "sections[0].content[1].content", 0)
    apply_edit(plan, batch)
    assert plan.sections[0].content[2] == "x"
    assert plan.sections[0].content[1].content == []
    plan = sample_plan()
    assert outdent_item(plan, "sections[0].content", 0) is None  # paragraph cannot go top level
    apply_edit(plan, outdent_item(plan, "sections[0].content", 1))
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH", "Mục đích", "NỘI DUNG"]
    assert outdent_item(plan, "sections", 0) is None


def test_move_up_down_limits():
    plan = sample_plan()
    assert move_up(plan, "preamble", 0) is None
    assert move_down(plan, "preamble", 2) is None
    apply_edit(plan, move_down(plan, "preamble", 0))
    assert plan.preamble[1] == "Căn cứ 1"


def test_describe_and_paths():
    assert describe_edit(SetValue("header.number", "1")) == "Sửa số hiệu"
    assert describe_edit(InsertItem("sections[0].content", 0, Section())) == "Thêm mục"
    b = Batch((RemoveItem("a", 0), InsertItem("b", 0, "x"), RemoveItem("a", 1)))
    assert edit_paths(b) == ("a", "b")


# ---- property tests -----------------------------------------------------------------
TEXT = st.text(alphabet="aăâeêđ ờọ\u0301\u0300Xy", max_size=6)


def _lists(plan: Plan, list_path="sections"):
    """Every list path in the plan (sections' content lists and the flat string lists)."""
    out = ["preamble", "closing", "recipients", "sections"]
    from kehoach_desktop.plan.model import walk_sections
    out += [f"{ref.where}.content" for ref in walk_sections(plan.sections)]
    return out


@st.composite
def an_edit(draw, plan: Plan):
    lists = _lists(plan)
    kind = draw(st.sampled_from(["set", "insert", "remove", "move", "indent", "outdent", "batch"]))
    lp = draw(st.sampled_from(lists))
    items = get_value(plan, lp)
    if kind == "set":
        path = draw(st.sampled_from(["summary", "header.number", "signature.name", "typist", "copies"]))
        value = draw(TEXT) if path != "copies" else draw(st.one_of(st.none(), st.integers(0, 9)))
        return SetValue(path, value)
    if kind == "insert":
        if lp == "sections" or (".content" in lp and draw(st.booleans())):
            item = Section(title=draw(TEXT), content=[draw(TEXT)])
        else:
            item = draw(TEXT)
        return InsertItem(lp, draw(st.integers(0, len(items))), item)
    if not items:
        return SetValue("summary", draw(TEXT))
    index = draw(st.integers(0, len(items) - 1))
    if kind == "remove":
        return RemoveItem(lp, index)
    if kind == "move":
        return MoveItem(lp, index, draw(st.integers(0, len(items) - 1)))
    if kind == "indent":
        return indent_item(plan, lp, index) or RemoveItem(lp, index)
    if kind == "outdent":
        return outdent_item(plan, lp, index) or MoveItem(lp, index, 0)
    return Batch((SetValue("summary", draw(TEXT)), RemoveItem(lp, index)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_apply_then_inverse_restores(data):
    plan = sample_plan()
    edit = data.draw(an_edit(plan))
    before = plan.to_dict()
    inverse = apply_edit(plan, edit)
    apply_edit(plan, inverse)
    assert plan.to_dict() == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_sequences_undo_all(data):
    plan = sample_plan()
    start = plan.to_dict()
    stack = []
    for _ in range(data.draw(st.integers(1, 12))):
        edit = data.draw(an_edit(plan))
        stack.append((edit, apply_edit(plan, edit)))
        assert all(unicodedata.is_normalized("NFC", s) for s in plan.preamble)
    after = plan.to_dict()
    redo = []
    for edit, inverse in reversed(stack):
        redo.append(apply_edit(plan, inverse))
    assert plan.to_dict() == start
    for again in reversed(redo):  # redo everything: the same end state
        apply_edit(plan, again)
    assert plan.to_dict() == after
