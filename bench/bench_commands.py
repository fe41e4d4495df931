"""Command start-up: whole processes, as a văn thư scripting a hundred files runs them.

    .venv/bin/python bench/bench_commands.py [--runs 7]

Each command is timed beside its baseline in the same run, interleaved, median of the runs:
- ``render`` of a 60-page plan beside a process that writes the same paragraphs with plain
  python-docx (aim <= 1.3x);
- ``validate`` and ``import`` of a one-page hand-typed DOCX, and of the plan JSON, beside
  ``python -c "import docx"`` (aim <= 1.5x).
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_env import installed_like_env  # noqa: E402

PLAIN_RENDER = """
import json, sys, docx
plan = json.load(open(sys.argv[1], encoding="utf-8"))
d = docx.Document()
def walk(items):
    for item in items:
        if isinstance(item, str):
            d.add_paragraph(item)
        else:
            d.add_paragraph(item.get("title", ""))
            walk(item.get("content", []))
for p in plan["preamble"]:
    d.add_paragraph(p)
walk(plan["sections"])
d.save(sys.argv[2])
"""

ONE_PAGE = ["ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH", "Số: 12/KH-UBND", "Hòa Bình, ngày 05 tháng 3 năm 2026", "KẾ HOẠCH",
            "Tuyên truyền pháp luật năm 2026", "I. MỤC ĐÍCH, YÊU CẦU", "- Nâng cao nhận thức pháp luật của nhân dân.",
            "II. NỘI DUNG", "- Tuyên truyền trên hệ thống loa truyền thanh.", "III. TỔ CHỨC THỰC HIỆN",
            "Các thôn triển khai thực hiện./.", "Nơi nhận:", "- Các thôn;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH", "Nguyễn Văn An"]


ENV = installed_like_env()


def _time(cmd: list[str]) -> tuple[float, float]:
    """Wall time, and the process's CPU time (user + system: steadier on a busy machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    import docx

    from bench_render import big_plan

    tmp = Path(tempfile.mkdtemp(prefix="kehoach-bench-cmd-"))
    big = tmp / "big.json"
    big.write_text(big_plan(60).to_json(), encoding="utf-8")
    one = tmp / "one.docx"
    document = docx.Document()
    for text in ONE_PAGE:
        document.add_paragraph(text)
    document.save(one)
    py = sys.executable
    app = [py, "-m", "kehoach_desktop"]
    subprocess.run([*app, "import", str(one), "-o", str(tmp / "one.json")], check=True, capture_output=True, env=ENV)
    pairs = {
        "render 60 pages": ([*app, "render", str(big), "-o", str(tmp / "a.docx")],
                            [py, "-c", PLAIN_RENDER, str(big), str(tmp / "b.docx")], 1.3),
        "validate one-page .docx": ([*app, "validate", str(one)], [py, "-c", "import docx"], 1.5),
        "import one-page .docx": ([*app, "import", str(one)], [py, "-c", "import docx"], 1.5),
        "validate one-page .json": ([*app, "validate", str(tmp / "one.json")], [py, "-c", "import docx"], 1.5),
    }
    for name, (cmd, base, aim) in pairs.items():
        _time(cmd), _time(base)  # warm the file cache and the .pyc files
        ours, theirs = [], []
        for _ in range(args.runs):
            theirs.append(_time(base))
            ours.append(_time(cmd))
        (a, ca), (b, cb) = ([statistics.median(t[k] for t in runs) for k in (0, 1)] for runs in (ours, theirs))
        print(f"{name:26s} {a * 1000:6.0f} ms  baseline {b * 1000:6.0f} ms  ratio {a / b:.2f}x  (aim <= {aim}x)"
              f"   cpu {ca * 1000:4.0f}/{cb * 1000:4.0f} ms {ca / cb:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
