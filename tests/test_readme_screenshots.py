"""The README's pictures and docs/screenshots/ stay in step: tools/screenshots.py names a file
per wizard step, so a new step (Phụ lục) leaves a file the README does not show, or a stale one."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_screenshot_is_shown_and_every_shown_one_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"docs/screenshots/([\w.-]+\.png)", readme))
    files = {p.name for p in (ROOT / "docs" / "screenshots").glob("*.png")}
    assert shown - files == set(), "the README shows a picture that is not there"
    assert files - shown == set(), "a screenshot the README does not show (stale or not listed)"


def test_each_regimes_steps_are_numbered_without_a_gap_and_end_with_the_check():
    files = sorted(p.name for p in (ROOT / "docs" / "screenshots").glob("*.png"))
    for prefix in ("state", "party"):
        steps = [f for f in files if f.startswith(prefix + "-")]
        numbers = [int(f.split("-")[1]) for f in steps]
        assert numbers == list(range(1, len(steps) + 1)), steps
        assert steps[-1].endswith("kiem-tra-va-luu.png") and any("phu-luc" in f for f in steps), steps
