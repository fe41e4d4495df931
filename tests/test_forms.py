"""forms/*.json: every kind loads, a bad file is reported by name, a new plan is a valid draft."""
from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from kehoach_desktop import forms as forms_mod
from kehoach_desktop.forms import FORMS_DIR, library_key_for, load_forms, new_plan_from_form
from kehoach_desktop.plan.layout import ARCHIVE_ENTRY, rules_for
from kehoach_desktop.plan.model import Plan
from kehoach_desktop.plan.text import fold_words
from kehoach_desktop.storage import Profile

KINDS = {"tuyen-truyen", "su-kien", "kiem-tra-giam-sat", "cong-tac-nam", "trong"}
LIBRARY_KEYS = {"can-cu", "muc-dich", "yeu-cau", "noi-dung", "hinh-thuc", "thoi-gian", "kinh-phi",
                "to-chuc-thuc-hien", "ket-thuc", "nhiem-vu", "giai-phap", "kiem-tra", "che-do-bao-cao",
                "noi-nhan"}


@pytest.fixture(scope="module")
def shipped():
    forms, errors = load_forms()
    return forms, errors


def test_every_shipped_form_loads(shipped):
    forms, errors = shipped
    assert errors == []
    assert KINDS <= {f.id for f in forms}
    tuyen = next(f for f in forms if f.id == "tuyen-truyen")
    assert set(tuyen.regimes) == {"state", "party"}


def test_forms_name_no_district_level(shipped):
    """Since 1/7/2025 there is no huyện level: defaults must not name one."""
    for path in FORMS_DIR.glob("*.json"):
        words = fold_words(path.read_text("utf-8"))
        assert "huyen" not in words, path.name


def test_forms_are_complete_per_regime(shipped):
    forms, _ = shipped
    for form in forms:
        for regime in form.regimes:
            rules = rules_for(regime)
            recipients = form.recipients[regime]
            assert ARCHIVE_ENTRY.match(recipients[-1]), (form.id, regime)
            assert (":" in recipients[-1]) == rules.archive_needs_colon, (form.id, regime)
            sig = form.signature[regime]
            assert sig["authority"] in rules.authorities, (form.id, regime)
            assert form.closing[regime]
        for section in form.sections:
            assert section.library in LIBRARY_KEYS, (form.id, section.title)
            assert section.guidance.text, (form.id, section.title)
            assert section.title == section.title.upper()


def test_state_tuyen_truyen_sections_and_subsections(shipped):
    form = next(f for f in shipped[0] if f.id == "tuyen-truyen")
    first = form.sections[0]
    assert first.title == "MỤC ĐÍCH, YÊU CẦU"
    assert [s.title for s in first.subsections] == ["Mục đích", "Yêu cầu"]
    assert [s.library for s in first.subsections] == ["muc-dich", "yeu-cau"]


def test_malformed_file_is_reported_by_name_and_others_load(tmp_path):
    for path in FORMS_DIR.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "hong.json").write_text("{ not json", "utf-8")
    (tmp_path / "thieu-ten.json").write_text(json.dumps({"id": "x", "sections": []}), "utf-8")
    (tmp_path / "sai-khoi.json").write_text(json.dumps({"id": "y", "name": "Y", "regimes": ["huyen"]}), "utf-8")
    forms, errors = load_forms(tmp_path)
    assert KINDS <= {f.id for f in forms}
    joined = "\n".join(errors)
    for name in ("hong.json", "thieu-ten.json", "sai-khoi.json"):
        assert name in joined
    assert len(errors) == 3


def test_duplicate_id_is_reported(tmp_path):
    src = FORMS_DIR / "trong.json"
    shutil.copy(src, tmp_path / "a.json")
    shutil.copy(src, tmp_path / "b.json")
    forms, errors = load_forms(tmp_path)
    assert [f.id for f in forms] == ["trong"]
    assert "b.json" in errors[0]


def test_adding_a_kind_is_adding_a_file(tmp_path):
    (tmp_path / "moi.json").write_text(json.dumps({
        "id": "moi", "name": "Kế hoạch mới", "regimes": ["state"],
        "sections": [{"title": "NỘI DUNG", "library": "noi-dung"}],
        "recipients": {"state": ["Lưu: VT"]}}, ensure_ascii=False), "utf-8")
    forms, errors = load_forms(tmp_path)
    assert errors == [] and forms[0].name == "Kế hoạch mới"
    plan = new_plan_from_form(forms[0], "state")
    assert [s.title for s in plan.sections] == ["NỘI DUNG"]


def test_new_state_plan_from_form_with_profile(shipped):
    form = next(f for f in shipped[0] if f.id == "tuyen-truyen")
    profile = Profile(name="UBND xã Tân Lập", regime="state", superior="", issuer="ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
                      symbol="KH-UBND", place="Tân Lập", archive="Lưu: VT, VP",
                      signers=[{"authority": "KT.", "collective": "CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH",
                                "name": "Lê Thị Hoa"}])
    plan = new_plan_from_form(form, "state", profile, today=dt.date(2026, 3, 2))
    assert isinstance(plan, Plan) and plan.kind == "tuyen-truyen" and plan.regime == "state"
    assert plan.header.issuer == "ỦY BAN NHÂN DÂN XÃ TÂN LẬP"
    assert plan.header.number == "" and plan.header.date == "2026-03-02"
    assert plan.recipients[-1] == "Lưu: VT, VP"
    assert sum(bool(ARCHIVE_ENTRY.match(r)) for r in plan.recipients) == 1
    assert plan.signature.name == "Lê Thị Hoa" and plan.signature.authority == "KT."
    assert [s.title for s in plan.sections][0] == "MỤC ĐÍCH, YÊU CẦU"
    assert [s.title for s in plan.sections[0].subsections] == ["Mục đích", "Yêu cầu"]
    assert plan.closing[0].endswith("./.")
    # Round trip through the file format.
    assert Plan.from_json(plan.to_json()).to_dict() == plan.to_dict()


def test_new_party_plan_uses_party_words(shipped):
    form = next(f for f in shipped[0] if f.id == "tuyen-truyen")
    plan = new_plan_from_form(form, "party", None)
    assert plan.header.symbol.startswith("KH/")
    assert plan.signature.authority == "T/M"
    assert plan.recipients[-1] == "Lưu Văn phòng Đảng ủy"
    # A state-only section (kinh phí) is left out of the party plan.
    assert all("KINH PHÍ" not in s.title for s in plan.sections)


def test_unknown_regime_falls_back_to_the_forms_first(shipped):
    form = next(f for f in shipped[0] if f.id == "kiem-tra-giam-sat")
    assert new_plan_from_form(form, "other").regime == "party"


def test_library_key_for_titles(shipped):
    form = next(f for f in shipped[0] if f.id == "tuyen-truyen")
    assert library_key_for("Mục đích, yêu cầu.", form) == "muc-dich"
    assert library_key_for("KINH PHÍ THỰC HIỆN", None) == "kinh-phi"
    assert library_key_for("NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN.", None) == "noi-dung"
    assert library_key_for("TỔ CHỨC THỰC HIỆN", None) == "to-chuc-thuc-hien"
    assert forms_mod.find_form(shipped[0], "nope") is None


def test_best_form_for_an_imported_plan(shipped, state_plan_dict):
    from kehoach_desktop.forms import best_form

    plan = Plan.from_dict({**state_plan_dict, "kind": ""})
    assert best_form(shipped[0], plan).id == "tuyen-truyen"
    assert best_form(shipped[0], Plan(sections=[])) is None


def test_section_example_per_regime(shipped):
    form = next(f for f in shipped[0] if f.id == "tuyen-truyen")
    org = next(s for s in form.sections if s.title == "TỔ CHỨC THỰC HIỆN")
    assert "UBND" in org.guidance_for("state").example
    assert "Đảng ủy" in org.guidance_for("party").example and "UBND" not in org.guidance_for("party").example
    assert org.guidance_for("party").text == org.guidance.text


def test_party_step_examples_are_a_party_bodys(shipped, tmp_path):
    """A Đảng ủy's plan showed “VD: Thực hiện Kế hoạch số .../KH-UBND … của Ủy ban nhân dân tỉnh”
    on the Trích yếu step: each step's example follows the plan's regime."""
    for form in shipped[0]:
        if "party" not in form.regimes:
            continue
        for key in ("unit", "summary", "recipients", "signature"):
            party = fold_words(form.step_guidance(key, "party").example)
            assert "ubnd" not in party and party[:2] != ["tm", "uy"], (form.id, key, party)
            assert " ".join(party).count("uy ban nhan dan xa xay dung") == 0, (form.id, key)
        assert "kh/tu" in form.step_guidance("summary", "party").example.lower() or \
            "tỉnh ủy" in form.step_guidance("summary", "party").example.lower(), form.id
    # A form may write one step's example per regime; a single example serves both.
    data = json.loads((FORMS_DIR / "trong.json").read_text(encoding="utf-8"))
    data["id"] = "thu"
    data["guidance"] = {"summary": {"text": "T", "example": {"state": "Nhà nước", "party": "Đảng"}},
                        "review": {"text": "R", "example": "Chung"}}
    (tmp_path / "thu.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    form = next(f for f in load_forms(tmp_path)[0] if f.id == "thu")
    assert [form.step_guidance("summary", r).example for r in ("state", "party", "")] == \
        ["Nhà nước", "Đảng", "Nhà nước"]
    assert form.step_guidance("review", "party").example == "Chung"
