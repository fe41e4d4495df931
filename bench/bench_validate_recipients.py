"""Validation time against the number of recipients: the checks against the unavoidable work.

    .venv/bin/python bench/bench_validate_recipients.py [--sizes 1000 5000]

The baseline, run beside it, folds every recipient once (what any duplicate
check must do at least). Linear validation keeps the ratio flat as the list
grows; the quadratic check it replaced took 2 s at 1,000 and 11 s at 2,000.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kehoach_desktop.plan.model import Plan  # noqa: E402
from kehoach_desktop.plan.text import fold_words  # noqa: E402
from kehoach_desktop.plan.validate import validate  # noqa: E402


def best_of(call, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    sizes = parser.parse_args().sizes
    for n in sizes:
        recipients = [f"Chi bộ thôn số {i}" for i in range(n - 1)] + ["Lưu: VT, VP."]
        plan = Plan(recipients=recipients)
        checks = best_of(lambda: validate(plan))
        baseline = best_of(lambda: [" ".join(fold_words(r)) for r in recipients])
        print(f"{n} recipients: validate {checks * 1000:.1f} ms, baseline {baseline * 1000:.1f} ms, "
              f"ratio {checks / baseline:.1f}")


if __name__ == "__main__":
    main()
