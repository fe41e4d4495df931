"""The offline help of every step (issue 9, item 8): data per step and regime, with the rule's
source, an example that fits the regime and today's two-tier structure, and the usual mistakes."""
from __future__ import annotations

import re

import pytest

from kehoach_desktop.step_help import HELP_DIR, field_hint, step_help

STEPS = ("unit", "summary", "section", "recipients", "signature", "review")


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("regime", ["state", "party"])
def test_every_step_has_real_help_for_each_regime(step, regime):
    h = step_help(step, regime)
    assert h.title and h.what and h.example and h.mistakes
    assert ("30/2020/NĐ-CP" in h.rule) if regime == "state" else ("36-HD/VPTW" in h.rule)


def test_examples_follow_the_regime_and_the_two_tier_structure():
    state, party = step_help("unit", "state"), step_help("unit", "party")
    assert "ĐẢNG BỘ" not in state.example and "ỦY BAN NHÂN DÂN XÃ" in state.example
    assert "ĐẢNG BỘ TỈNH" in party.example and "ĐẢNG ỦY XÃ" in party.example
    for step in STEPS:
        for regime in ("state", "party"):
            example = step_help(step, regime).example.upper()  # no district body since 1/7/2025
            assert not re.search(r"(UBND|ỦY BAN NHÂN DÂN|ĐẢNG BỘ|PHÒNG \w+) HUYỆN|HUYỆN ỦY", example), example
    assert "ĐẢNG" not in field_hint("header.superior", "state")
    assert "ĐẢNG BỘ TỈNH" in field_hint("header.superior", "party")


def test_unknown_step_or_missing_file_gives_empty_help(monkeypatch, tmp_path):
    assert not step_help("../../etc/passwd", "state") and not step_help("khong-co", "party")
    assert field_hint("khong-co", "state", "mặc định") == "mặc định"
    assert (HELP_DIR / "unit.json").is_file()
