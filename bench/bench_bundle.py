"""Start-up of the bundled program (PyInstaller one-folder, packaging/build.sh) beside the same app
run from the source tree and a bare PySide6 window, interleaved in the same run; and one
``render`` of a plan on the command line, bundle beside source.

    bash packaging/build.sh && .venv/bin/python bench/bench_bundle.py [--runs 7]

Markers and timing as in bench_startup.py (QT_QPA_PLATFORM=offscreen, median of the runs).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import BARE, ROOT, time_to_markers  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.test_cli import complete_plan  # noqa: E402


def time_command(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "kehoach_desktop" / "kehoach_desktop"))
    args = parser.parse_args(argv)
    if not Path(args.bundle).is_file():
        print(f"no bundle at {args.bundle}: run bash packaging/build.sh first", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="kehoach-bench-bundle-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KEHOACH_BENCH_EXIT_ON_SHOW="1",
               XDG_DATA_HOME=str(work / "data"), PYTHONPYCACHEPREFIX=str(work / "pyc"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    plan = work / "plan.json"
    plan.write_text(json.dumps(complete_plan("state"), ensure_ascii=False), "utf-8")
    gui = {"bare": [sys.executable, "-c", BARE], "source": [sys.executable, "-m", "kehoach_desktop"],
           "bundle": [args.bundle]}
    cli = {"source": [sys.executable, "-m", "kehoach_desktop"], "bundle": [args.bundle]}
    render = ["render", str(plan), "-o", str(work / "out.docx")]
    for cmd in gui.values():  # warm the file cache and the .pyc files once
        time_to_markers(cmd, env)
    runs = {name: [] for name in gui}
    renders = {name: [] for name in cli}
    for _ in range(args.runs):
        for name, cmd in gui.items():
            runs[name].append(time_to_markers(cmd, env))
        for name, cmd in cli.items():
            renders[name].append(time_command(cmd + render, env))

    def med(name, field):
        return statistics.median(getattr(r, field) for r in runs[name])

    for name in gui:
        fields = ("shown",) if name == "bare" else ("shown", "ready")
        print(f"{name:7s} " + ", ".join(f"{f} median {med(name, f) * 1000:.0f} ms" for f in fields)
              + f"  (shown runs: {', '.join(f'{r.shown * 1000:.0f}' for r in runs[name])})")
    print(f"window shown: bundle / source {med('bundle', 'shown') / med('source', 'shown'):.2f}x, "
          f"bundle / bare {med('bundle', 'shown') / med('bare', 'shown'):.2f}x, "
          f"source / bare {med('source', 'shown') / med('bare', 'shown'):.2f}x; "
          f"preview ready: bundle / source {med('bundle', 'ready') / med('source', 'ready'):.2f}x")
    src, bun = statistics.median(renders["source"]), statistics.median(renders["bundle"])
    print(f"render (CLI, whole process): source median {src * 1000:.0f} ms, bundle {bun * 1000:.0f} ms: "
          f"{bun / src:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
