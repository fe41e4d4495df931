"""PDF benchmark: the app's PDF of a ~30-page plan beside LibreOffice converting the app's DOCX.

Run by hand: ``.venv/bin/python bench/bench_pdf.py [--rounds N] [--size S]``.
Both are whole commands, timed in the same run, alternating, best of N:
``python -m kehoach_desktop pdf plan.json -o app.pdf`` (Python and Qt start-up
included) against ``soffice --headless --convert-to pdf plan.docx`` (with a
warmed private profile). The aim is a ratio of at most 1/3. Also reports the
in-process time of layout + PDF (what the window waits for) and the page counts.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_render import big_plan  # noqa: E402

from kehoach_desktop.docx.writer import render_docx  # noqa: E402


def timed(cmd: list[str], **kw) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, **kw)
    return time.perf_counter() - started


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", type=int, default=25, help="bench_render.big_plan size (25 ≈ 30 A4 pages)")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice (soffice) is not installed: nothing to compare with.")
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench_pdf_"))
    profile = work / "lo_profile"
    plan = big_plan(args.size)
    (work / "plan.json").write_text(plan.to_json(), encoding="utf-8")
    (work / "plan.docx").write_bytes(render_docx(plan))
    lo_cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
              "--outdir", str(work), str(work / "plan.docx")]
    app_cmd = [sys.executable, "-m", "kehoach_desktop", "pdf", str(work / "plan.json"), "-o", str(work / "app.pdf")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    timed(lo_cmd)  # first start creates the profile: not counted
    app_times, lo_times = [], []
    for _ in range(args.rounds):
        app_times.append(timed(app_cmd, cwd=ROOT, env=env))
        lo_times.append(timed(lo_cmd))
    app, lo = min(app_times), min(lo_times)

    from kehoach_desktop.ui.printing.export import ensure_app, plan_pdf
    ensure_app()
    plan_pdf(plan)  # warm the font caches, as a second export in the window would be
    started = time.perf_counter()
    plan_pdf(plan)
    inside = time.perf_counter() - started

    print(f"pages: app {pages(work / 'app.pdf')}, LibreOffice {pages(work / 'plan.pdf')}")
    print(f"app pdf command:        {app:6.2f} s (best of {args.rounds})")
    print(f"LibreOffice conversion: {lo:6.2f} s (best of {args.rounds})")
    print(f"ratio app/LibreOffice:  {app / lo:6.2f} (aim ≤ 0.33)")
    print(f"in the window (layout + PDF, warm): {inside:.2f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
