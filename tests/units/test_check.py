"""The check knows today's structure: warnings for plans dated from 1 July 2025, none for cited
documents, none for plans written with today's names (fixtures, bundled forms and library)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach_desktop.cli import main
from kehoach_desktop.plan.model import Plan, Section
from kehoach_desktop.plan.validate import SEVERITY, validate

from . import plans

ROOT = Path(__file__).resolve().parents[2]
CODES = ("district-body", "old-unit")


def unit_problems(plan):
    return [p for p in validate(plan) if p.code in CODES]


def test_codes_are_warnings():
    assert all(SEVERITY[c] == "warning" for c in CODES)


def test_an_old_plan_dated_before_july_2025_is_not_checked():
    assert unit_problems(plans.party_ha_giang_2023()) == []


def test_the_same_plan_dated_today_is_warned_with_successors():
    plan = plans.party_ha_giang_2023()
    plan.header.date = "2026-02-10"
    found = {(p.code, p.where): p.message for p in unit_problems(plan)}
    assert "Lũng Cú" in found[("old-unit", "header.issuer")]
    assert "Lũng Cú" in found[("old-unit", "header.place")]
    assert "ĐẢNG BỘ TỈNH TUYÊN QUANG" in found[("district-body", "header.superior")]
    assert ("district-body", "recipients[0]") in found and ("district-body", "sections[1].content[0]") in found
    assert not any(where.startswith("preamble") for _code, where in found)  # cited documents: history


def test_an_undated_rolled_over_plan_is_checked():
    plan = plans.state_nghe_an_2024()
    plan.header.date = ""
    plan.extra["rollover"] = {"from_year": 2024, "to_year": 2026}
    assert any(p.where == "header.superior" for p in unit_problems(plan))


def test_a_plan_written_today_gets_nothing():
    assert unit_problems(plans.state_lam_dong_2026()) == []


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "fixtures" / "plans").glob("*-2026.expected.json")),
                         ids=lambda p: p.name)
def test_the_2026_fixture_plans_raise_nothing(path):
    plan = Plan.from_json(path.read_text("utf-8"))
    assert unit_problems(plan) == []


def test_bundled_forms_raise_nothing():
    from kehoach_desktop.forms import load_forms, new_plan_from_form

    forms, _notes = load_forms()
    assert forms
    for form in forms:
        for regime in form.regimes:
            assert unit_problems(new_plan_from_form(form, regime)) == [], (form.id, regime)


def test_bundled_library_paragraphs_raise_nothing():
    texts = []
    for path in sorted((ROOT / "resources" / "library").glob("*.json")):
        doc = json.loads(path.read_text("utf-8"))
        items = doc.get("paragraphs", doc) if isinstance(doc, dict) else doc
        texts += [item["text"] for item in items if isinstance(item, dict) and "text" in item]
    assert len(texts) > 50
    plan = Plan(header=plans.state_lam_dong_2026().header, sections=[Section("Nội dung", texts)])
    assert unit_problems(plan) == []


def test_validate_command_reports_the_codes(tmp_path, capsys):
    plan = plans.state_nghe_an_2024()
    plan.header.date = "2025-09-01"
    path = tmp_path / "ke-hoach.json"
    path.write_text(plan.to_json(), "utf-8")
    main(["validate", "--json", str(path)])
    out = json.loads(capsys.readouterr().out)
    problems = out if isinstance(out, list) else out["problems"]
    assert {"district-body", "old-unit"} <= {p["code"] for p in problems}


def test_rollover_command_applies_the_unit_defaults_and_reports_the_rest(tmp_path, capsys):
    path = tmp_path / "nam-truoc.json"
    path.write_text(plans.party_ha_giang_2023().to_json(), "utf-8")
    assert main(["rollover", str(path)]) == 0
    captured = capsys.readouterr()
    new = Plan.from_json(captured.out)
    assert (new.header.superior, new.header.issuer, new.header.place) == (
        "ĐẢNG BỘ TỈNH TUYÊN QUANG", "ĐẢNG ỦY XÃ LŨNG CÚ", "Lũng Cú")
    assert "Huyện ủy Đồng Văn" in new.preamble[0]  # cited: history
    assert "Cần kiểm tra (sections[1].content[0]): Từ 01/7/2025 không còn cấp huyện" in captured.err
