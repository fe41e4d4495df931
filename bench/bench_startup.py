"""Start-up time: launching ``python -m kehoach_desktop`` until its main window is shown,
beside a bare PySide6 script that shows an empty QMainWindow, alternating in the same run.

    .venv/bin/python bench/bench_startup.py [--runs 7] [--xcb]

Both print a marker when the window first paints (the app does so with
KEHOACH_BENCH_EXIT_ON_SHOW=1): the app's window then shows its menus, title and
frame (step list, the first step's heading). Just after that first paint the app
loads the plan and builds the first step (marker "step"), then the page preview
(marker "ready"), and exits. We time from process launch to each marker. QT_QPA_PLATFORM=offscreen. Aim: the app's
window at most 1.2× the bare script.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

from bench_env import installed_like_env

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.resize(1366, 768)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"KEHOACH_SHOWN cpu={time.process_time():.4f}", flush=True)
            print("KEHOACH_READY", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
f = FirstPaint()
w.installEventFilter(f)
w.show()
app.exec()
"""


class Run(NamedTuple):
    shown: float  # seconds from launch to the window's first paint
    step: float  # ... to the plan and its first step in place ("ready" when the script has no such marker)
    ready: float  # ... to the page preview ready
    shown_cpu: float  # CPU seconds the process used up to the first paint (steadier on a busy machine)


def time_to_markers(cmd: list[str], env: dict) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True)
    shown = step = ready = None
    cpu = float("nan")
    try:
        for line in proc.stdout:
            if line.startswith("KEHOACH_SHOWN") and shown is None:
                shown = time.perf_counter() - start
                cpu = next((float(w[4:]) for w in line.split() if w.startswith("cpu=")), cpu)
            elif line.startswith("KEHOACH_STEP") and step is None:
                step = time.perf_counter() - start
            elif line.startswith("KEHOACH_READY"):
                ready = time.perf_counter() - start
                break
    finally:
        proc.wait(timeout=60)
    if shown is None or ready is None:
        raise RuntimeError(f"no marker from {cmd}")
    return Run(shown, step if step is not None else ready, ready, cpu)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--xcb", action="store_true",
                        help="a real X server (Xvfb, started here) and Qt's xcb plugin instead of offscreen")
    parser.add_argument("--display", default=":93", help="the display number of that Xvfb (one that is free)")
    args = parser.parse_args(argv)
    platform, xvfb = "offscreen", None
    if args.xcb:
        display = args.display
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-noreset"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)  # (a benchmark, not a test: the server needs a moment to listen)
        os.environ["DISPLAY"] = display
        platform = "xcb"
    try:
        return _measure(args, platform)
    finally:
        if xvfb is not None:
            xvfb.terminate()


def _measure(args, platform: str) -> int:
    print(f"platform: {platform}")
    env = installed_like_env(QT_QPA_PLATFORM=platform, KEHOACH_BENCH_EXIT_ON_SHOW="1")
    app_cmd = [sys.executable, "-m", "kehoach_desktop"]
    bare_cmd = [sys.executable, "-c", BARE]
    time_to_markers(app_cmd, env)  # warm the file cache and .pyc files once
    time_to_markers(bare_cmd, env)
    app_runs, bare_runs = [], []
    for _ in range(args.runs):
        bare_runs.append(time_to_markers(bare_cmd, env))
        app_runs.append(time_to_markers(app_cmd, env))

    def med(runs, field):
        return statistics.median(getattr(r, field) for r in runs)

    def ms(runs, field):
        return ", ".join(f"{getattr(r, field) * 1000:.0f}" for r in runs)

    bare_t = med(bare_runs, "shown")
    print(f"bare PySide6 QMainWindow shown:  median {bare_t * 1000:.0f} ms  (runs: {ms(bare_runs, 'shown')})")
    for label, field in (("window shown", "shown"), ("first step", "step"), ("preview ready", "ready")):
        print(f"kehoach_desktop {label + ':':17s}median {med(app_runs, field) * 1000:.0f} ms  "
              f"(runs: {ms(app_runs, field)})")
    # Per pair (each app run beside the bare run just before it): less sensitive to a busy machine.
    pairs = sorted(a.shown / b.shown for a, b in zip(app_runs, bare_runs))
    print(f"ratio window shown / bare: {med(app_runs, 'shown') / bare_t:.2f}x  (aim <= 1.2x; per pair: "
          f"min {pairs[0]:.2f}x, median {statistics.median(pairs):.2f}x, max {pairs[-1]:.2f}x); "
          f"first step / bare: {med(app_runs, 'step') / bare_t:.2f}x; "
          f"preview ready / bare: {med(app_runs, 'ready') / bare_t:.2f}x")
    # CPU time to the first paint: what the machine's other work cannot lengthen.
    bare_cpu, app_cpu = med(bare_runs, "shown_cpu"), med(app_runs, "shown_cpu")
    print(f"CPU time to window shown: bare median {bare_cpu * 1000:.0f} ms, app {app_cpu * 1000:.0f} ms: "
          f"{app_cpu / bare_cpu:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
