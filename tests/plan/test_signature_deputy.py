"""signature.deputy: the model keeps it, the preview shows it, the validator checks its word."""
from __future__ import annotations

import json

import pytest

from kehoach_desktop.plan.model import Plan, Signature
from kehoach_desktop.pages.blocks import page_blocks
from kehoach_desktop.plan.validate import validate

from ..docx.docx_facts import small_plan


def _plan(regime="state", **sig) -> Plan:
    base = {"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN", "position": "PHÓ CHỦ TỊCH",
            "name": "Trần Văn Cường"} if regime == "state" else {
        "authority": "T/M", "collective": "BAN THƯỜNG VỤ", "position": "PHÓ BÍ THƯ", "name": "Lê Thị Bình"}
    base.update(sig)
    return Plan.from_dict(small_plan(regime, signature=base))


def test_deputy_is_a_field_empty_by_default_and_not_written():
    assert Signature().deputy == ""
    data = _plan().to_dict()
    assert "deputy" not in data["signature"]
    assert list(data["signature"]) == ["authority", "collective", "position", "name"]


def test_deputy_round_trips_and_is_not_in_extra():
    plan = _plan(deputy="KT. CHỦ TỊCH")
    assert plan.signature.deputy == "KT. CHỦ TỊCH" and "deputy" not in plan.signature.extra
    again = Plan.from_json(plan.to_json())
    assert again.signature.deputy == "KT. CHỦ TỊCH"
    assert again.to_dict() == plan.to_dict()


def test_deputy_read_as_nfc():
    decomposed = "KT. CHU\u0309 TI\u0323CH"
    assert _plan(deputy=decomposed).signature.deputy == "KT. CHỦ TỊCH"


def test_deputy_must_be_text():
    data = small_plan("state")
    data["signature"]["deputy"] = ["KT."]
    with pytest.raises(Exception):
        Plan.from_dict(data)


def test_other_unknown_signature_keys_still_kept():
    data = small_plan("state")
    data["signature"]["seal"] = True
    out = Plan.from_dict(json.loads(json.dumps(data))).to_dict()
    assert out["signature"]["seal"] is True


def _deputy_problems(plan):
    return [p for p in validate(plan) if p.where == "signature.deputy"]


@pytest.mark.parametrize("regime,deputy", [("state", "KT. CHỦ TỊCH"), ("state", "KT.CHỦ TỊCH"),
                                           ("party", "K/T BÍ THƯ")])
def test_valid_deputy_lines_pass(regime, deputy):
    assert _deputy_problems(_plan(regime, deputy=deputy)) == []


@pytest.mark.parametrize("regime,deputy", [
    ("state", "K/T CHỦ TỊCH"),  # the party's word in a state plan
    ("state", "TL. CHỦ TỊCH"),  # not the word for signing for the head
    ("state", "CHỦ TỊCH"),
    ("state", "KT."),  # no head's title
    ("party", "KT. BÍ THƯ"),
    ("party", "T/M BAN THƯỜNG VỤ"),
])
def test_bad_deputy_lines_fire(regime, deputy):
    problems = _deputy_problems(_plan(regime, deputy=deputy))
    assert [p.code for p in problems] == ["bad-authority"]
    assert problems[0].severity == "error"
    word = "KT." if regime == "state" else "K/T"
    assert f"“{word}”" in problems[0].message


def test_no_deputy_no_problem():
    assert _deputy_problems(_plan()) == []


def test_preview_shows_deputy_between_authority_and_position():
    texts = _signature_lines(_plan(deputy="KT. CHỦ TỊCH"))
    a, d, p = (texts.index(t) for t in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"))
    assert a < d < p
    assert "KT. CHỦ TỊCH" not in _signature_lines(_plan())


def _signature_lines(plan) -> list[str]:
    """The lines of the printed signature block (the foot table's right cell)."""
    foot = page_blocks(plan)[-1]
    return [p.text for p in foot.rows[0].cells[1].paras]
