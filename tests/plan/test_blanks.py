"""Unfinished text: unfilled library placeholders (error) and blanks left to fill (warning)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kehoach_desktop.forms import load_forms, new_plan_from_form
from kehoach_desktop.library.placeholders import fill_placeholders
from kehoach_desktop.plan.blanks import find_blanks, find_placeholders, plan_texts
from kehoach_desktop.plan.model import Plan, Section
from kehoach_desktop.plan.validate import has_errors, validate
from tests.conftest import CORPUS, ROOT
from tests.plan.test_validate import party_plan, state_plan

# Anything that could be a blank or a placeholder: what the walks below must find flagged.
LOOKS_UNFINISHED = re.compile(r"…|\.{3,}|_{3,}|\{[a-z_]+\}")
UNFINISHED_CODES = {"blank-to-fill", "unfilled-placeholder"}


@pytest.mark.parametrize("text, blanks", [
    ("Tuyên truyền kỷ niệm ... năm Ngày thành lập", ["..."]),
    ("Về việc ...", ["..."]),
    ("báo cáo kết quả về UBND xã trước ngày ...", ["..."]),
    ("Phấn đấu đạt ...% hộ gia đình văn hóa", ["..."]),
    ("(…/…/… - …/…/2027)", ["…"] * 5),
    ("vào ngày … tháng … năm 2027", ["…", "…"]),
    ("Kế hoạch số .../KH-UBND ngày .../.../2027", ["...", "...", "..."]),
    ("Địa điểm: ...............", ["..............."]),
    ("Họ và tên: ______", ["______"]),
    ("Trên đây là Kế hoạch ... Yêu cầu các cơ quan thực hiện./.", ["..."]),
    ("Tổ chức tuyên truyền trên loa truyền thanh ...", ["..."]),
    ("…", ["…"]),
])
def test_blanks_found(text, blanks):
    assert [text[a:b] for a, b in find_blanks(text)] == blanks


@pytest.mark.parametrize("text", [
    "Triển khai thực hiện nghiêm túc Kế hoạch này./.",
    "văn hóa, thể thao, du lịch, v.v...",
    "thông tin, tuyên truyền lưu động...",
    "kinh tế, quốc phòng, an ninh, đối ngoại,...",
    "dịch bệnh, hạn hán, xâm nhập mặn,... nhưng toàn Đảng bộ vẫn hoàn thành",
    "Đền thờ Lê Hoàn, Lăng miếu Triệu Tường...;",
    "“công nghiệp hóa, hiện đại hóa đất nước”...",
    "băng rôn, khẩu hiệu, hội nghị, mạng xã hội …",
    "Trích: “(...) phát huy sức mạnh đại đoàn kết”",
    "Kinh phí 15.000.000 đồng (mười lăm triệu đồng).",
    "",
])
def test_no_blank_in_finished_text(text):
    assert find_blanks(text) == []


def test_placeholders_found():
    assert find_placeholders("về {noi_dung} năm {nam}") == [(3, 13, "noi_dung"), (18, 23, "nam")]
    assert find_placeholders("không có {Chữ Hoa} ở đây") == []


def _codes_at(plan) -> dict:
    out: dict = {}
    for p in validate(plan):
        out.setdefault(p.where, set()).add(p.code)
    return out


def test_placeholder_is_an_error_with_the_field_path():
    plan = state_plan()
    plan.sections[0].content[0].content[0] = "- Tuyên truyền sâu rộng về {noi_dung}."
    problems = [p for p in validate(plan) if p.code == "unfilled-placeholder"]
    assert [(p.severity, p.where) for p in problems] == [("error", "sections[0].content[0].content[0]")]
    assert "{noi_dung}" in problems[0].message and "nội dung, chủ đề" in problems[0].message
    assert has_errors(validate(plan))


def test_blank_is_a_warning_with_the_field_path():
    plan = party_plan()
    plan.summary = "tuyên truyền kỷ niệm ... năm Ngày thành lập Đảng"
    plan.signature.name = "................"
    found = [(p.code, p.severity, p.where) for p in validate(plan) if p.code in UNFINISHED_CODES]
    assert found == [("blank-to-fill", "warning", "summary"), ("blank-to-fill", "warning", "signature.name")]
    assert not has_errors(validate(plan))


def test_one_problem_per_field_says_how_many():
    plan = state_plan()
    plan.closing = ["Từ ngày … tháng … năm 2026 đến ngày … tháng … năm 2026./."]
    problems = [p for p in validate(plan) if p.code == "blank-to-fill"]
    assert len(problems) == 1 and "3 chỗ khác" in problems[0].message


def test_every_text_field_is_looked_at():
    plan = state_plan()
    wheres = [w for w, _ in plan_texts(plan)]
    for expected in ("header.issuer", "header.superior", "header.place", "summary", "preamble[0]",
                     "sections[0].title", "sections[0].content[0].content[0]", "closing[0]",
                     "recipients[0]", "signature.position", "signature.name"):
        assert expected in wheres


# ---- what ships with the app ---------------------------------------------------------
FORMS, FORM_ERRORS = load_forms()


def _assert_every_mark_flagged(plan, label):
    codes = _codes_at(plan)
    for where, text in plan_texts(plan):
        if isinstance(text, str) and LOOKS_UNFINISHED.search(text):
            assert codes.get(where, set()) & UNFINISHED_CODES, f"{label}: {where}: {text!r} is not flagged"


@pytest.mark.parametrize("form", FORMS, ids=[f.id for f in FORMS])
def test_forms_ship_no_unflagged_blank(form):
    assert not FORM_ERRORS
    for regime in form.regimes:
        _assert_every_mark_flagged(new_plan_from_form(form, regime), f"{form.id}/{regime}")


def _bundled_paragraphs():
    for path in sorted((ROOT / "resources" / "library").glob("*.json")):
        for para in json.loads(path.read_text("utf-8"))["paragraphs"]:
            yield path.name, para


def test_bundled_library_ships_no_unflagged_blank():
    plan = state_plan()
    count = 0
    for name, para in _bundled_paragraphs():
        filled = fill_placeholders(para["text"], plan).text
        for text in (para["text"], filled):
            trial = state_plan()
            trial.sections[1].content = [text]
            _assert_every_mark_flagged(trial, f"{name} {para['id']}")
        count += 1
    assert count > 50


def test_library_placeholders_all_have_names():
    from kehoach_desktop.library.placeholders import NAMES, placeholders_in

    used = {key for _, para in _bundled_paragraphs() for key in placeholders_in(para["text"])}
    assert used and used <= set(NAMES)


# ---- no false alarm on real plans ------------------------------------------------------
def _real_plans():
    paths = sorted(CORPUS.glob("*expected.json")) if CORPUS.is_dir() else []
    paths += sorted((ROOT / "tests" / "fixtures" / "plans").glob("*expected.json"))
    return paths


@pytest.mark.parametrize("path", _real_plans(), ids=lambda p: Path(p).name)
def test_real_plans_raise_no_blank_warning(path):
    plan = Plan.from_json(path.read_text("utf-8"))
    assert [p for p in validate(plan) if p.code in UNFINISHED_CODES] == []


def test_detection_fires_on_a_real_plan_with_a_blank_added():
    plan = state_plan()
    plan.sections.append(Section("THỜI GIAN", ["Tổ chức vào ngày … tháng … năm 2026."]))
    assert ("blank-to-fill", "sections[2].content[0]") in [(p.code, p.where) for p in validate(plan)]


# ---- the command line ------------------------------------------------------------------
def test_validate_command_reports_the_codes(tmp_path, capsys):
    from kehoach_desktop.cli import main

    plan = state_plan()
    plan.preamble[0] = "Thực hiện Kế hoạch số {so_ky_hieu} ngày {ngay_thang} của UBND tỉnh;"
    plan.summary = "Tuyên truyền kỷ niệm ... năm Ngày Quốc khánh"
    path = tmp_path / "ke-hoach.json"
    path.write_text(plan.to_json(), encoding="utf-8")
    assert main(["validate", str(path), "--json"]) == 1
    found = {(p["code"], p["severity"], p["where"]) for p in json.loads(capsys.readouterr().out)}
    assert found == {("unfilled-placeholder", "error", "preamble[0]"), ("blank-to-fill", "warning", "summary")}
    plan.preamble[0] = "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND tỉnh;"
    path.write_text(plan.to_json(), encoding="utf-8")
    assert main(["validate", str(path)]) == 0  # a warning alone does not fail
    assert "Cảnh báo [blank-to-fill] summary:" in capsys.readouterr().out


def test_excerpt_cut_next_to_a_blank_keeps_the_blank_readable():
    """The cut of a quoted excerpt is marked “…”; glued to a blank “…” it read “…… tháng”."""
    plan = state_plan()
    plan.sections[0].content[0].content[0] = "Tổ chức vào ngày … tháng … năm 2026 tại {dia_diem}."
    message = next(p.message for p in validate(plan) if p.code == "unfilled-placeholder")
    quoted = message.split(" trong “", 1)[1]
    assert "……" not in quoted and quoted.startswith("… … tháng"), message
    plan.sections[0].content[0].content[0] = "Địa điểm: {dia_diem}, thời gian từ ngày … tháng … năm 2026 đến hết"
    message = next(p.message for p in validate(plan) if p.code == "unfilled-placeholder")
    assert "……" not in message, message
