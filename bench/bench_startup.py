"""Start-up time: launching ``python -m kehoach_desktop`` until its main window is shown,
beside a bare PySide6 script that shows an empty QMainWindow, alternating in the same run.

    .venv/bin/python bench/bench_startup.py [--runs 7]

Both print a marker when the window first paints (the app does so with
KEHOACH_BENCH_EXIT_ON_SHOW=1); the app prints a second marker when the page
preview, built just after the first paint, is ready, then exits. We time from
process launch to each marker. QT_QPA_PLATFORM=offscreen. Aim: the app's
window at most 1.2× the bare script.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.resize(1366, 768)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("KEHOACH_SHOWN", flush=True)
            print("KEHOACH_READY", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
f = FirstPaint()
w.installEventFilter(f)
w.show()
app.exec()
"""


def time_to_markers(cmd: list[str], env: dict) -> tuple[float, float]:
    """Seconds from launch to the "shown" marker and to the "ready" marker."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True)
    shown = ready = None
    try:
        for line in proc.stdout:
            if line.startswith("KEHOACH_SHOWN") and shown is None:
                shown = time.perf_counter() - start
            elif line.startswith("KEHOACH_READY"):
                ready = time.perf_counter() - start
                break
    finally:
        proc.wait(timeout=60)
    if shown is None or ready is None:
        raise RuntimeError(f"no marker from {cmd}")
    return shown, ready


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KEHOACH_BENCH_EXIT_ON_SHOW="1",
               XDG_DATA_HOME=tempfile.mkdtemp(prefix="kehoach-bench-"), PYTHONDONTWRITEBYTECODE="0")
    app_cmd = [sys.executable, "-m", "kehoach_desktop"]
    bare_cmd = [sys.executable, "-c", BARE]
    time_to_markers(app_cmd, env)  # warm the file cache and .pyc files once
    time_to_markers(bare_cmd, env)
    app_runs, bare_runs = [], []
    for _ in range(args.runs):
        bare_runs.append(time_to_markers(bare_cmd, env)[0])
        app_runs.append(time_to_markers(app_cmd, env))
    bare_t = statistics.median(bare_runs)
    shown_t = statistics.median(r[0] for r in app_runs)
    ready_t = statistics.median(r[1] for r in app_runs)
    ms = lambda values: ", ".join(f"{v * 1000:.0f}" for v in values)  # noqa: E731
    print(f"bare PySide6 QMainWindow shown:  median {bare_t * 1000:.0f} ms  (runs: {ms(bare_runs)})")
    print(f"kehoach_desktop window shown:    median {shown_t * 1000:.0f} ms  (runs: {ms(r[0] for r in app_runs)})")
    print(f"kehoach_desktop preview ready:   median {ready_t * 1000:.0f} ms  (runs: {ms(r[1] for r in app_runs)})")
    print(f"ratio window shown / bare: {shown_t / bare_t:.2f}x  (aim <= 1.2x); "
          f"preview ready / bare: {ready_t / bare_t:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
