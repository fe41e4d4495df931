"""Validation time of a 60-page plan (the wizard re-runs it 250 ms after each edit), beside a baseline.

Run: .venv/bin/python bench/bench_validate.py
Prints milliseconds (median of several runs) for:
- validate(plan): every check, the unfinished-text and year-and-date checks included,
- baseline: the same checks without those two (what validate did before issue 9),
- reference: one pass of plain str.find("...") over every text field (the cheapest possible scan).
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kehoach_desktop.plan import validate_rules  # noqa: E402
from kehoach_desktop.plan.blanks import plan_texts  # noqa: E402
from kehoach_desktop.plan.model import Plan, Section  # noqa: E402
from kehoach_desktop.plan.validate import validate  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "state-cam-thuy-2021.docx-expected.json"
RUNS = 21
COPIES = 12  # the corpus plan is about five pages: twelve copies of its body is about sixty


def big_plan() -> Plan:
    base = Plan.from_dict(json.loads(CORPUS.read_text("utf-8")))
    plan = base.copy()
    for _ in range(COPIES - 1):
        plan.sections.extend(Section.from_dict(s.to_dict()) for s in base.sections)
    return plan


def median_ms(fn) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    plan = big_plan()
    chars = sum(len(t) for _, t in plan_texts(plan) if isinstance(t, str))
    full = median_ms(lambda: validate(plan))
    new_checks = (validate_rules.check_year_and_date, validate_rules.check_unfinished)
    saved = validate_rules.CHECKS
    validate_rules.CHECKS = tuple(c for c in saved if c not in new_checks)
    try:
        baseline = median_ms(lambda: validate(plan))
    finally:
        validate_rules.CHECKS = saved
    scan = median_ms(lambda: [t.find("...") for _, t in plan_texts(plan) if isinstance(t, str)])
    print(f"plan: {len(plan.sections)} sections, {chars} characters of text")
    print(f"validate (all checks)        {full:8.2f} ms")
    print(f"baseline (before issue 9)    {baseline:8.2f} ms   ratio {full / baseline:.2f}")
    print(f"reference: str.find scan    {scan:8.2f} ms")


if __name__ == "__main__":
    main()
