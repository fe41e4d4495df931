"""Preview refresh time on a 30-page plan after one keystroke, beside baselines in the same run.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_preview.py
Prints milliseconds (median of several runs) for:
- preview refresh after a one-character change (the incremental path the user waits for),
- a cold refresh (every block laid out: opening a plan),
- baseline: QTextDocument.setPlainText of the same text, laid out at the same width.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kehoach_desktop.plan.model import Plan, Section, walk_sections  # noqa: E402
from kehoach_desktop.ui.plan_document import PlanDocument  # noqa: E402
from kehoach_desktop.ui.widgets.preview import PreviewWidget  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "state-cam-thuy-2021.docx-expected.json"
RUNS = 15


def big_plan(target_pages: int, widget: PreviewWidget) -> Plan:
    """Repeat the corpus plan's sections until the preview counts ``target_pages`` pages."""
    base = Plan.from_dict(json.loads(CORPUS.read_text("utf-8")))
    plan = base.copy()
    while True:
        widget.document.replace_plan(plan)
        widget.refresh_now()
        if widget.page_count >= target_pages:
            return plan
        plan.sections.extend(Section.from_dict(s.to_dict()) for s in base.sections)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def median(values) -> str:
    return f"{statistics.median(values):7.1f} ms (min {min(values):.1f}, max {max(values):.1f})"


def main() -> int:
    app = QApplication.instance() or QApplication([])
    widget = PreviewWidget(PlanDocument())
    widget.resize(700, 900)
    widget.show()
    app.processEvents()
    plan = big_plan(30, widget)
    doc = widget.document
    doc.replace_plan(plan)
    cold = []
    for _ in range(3):
        widget._cache.clear()
        cold.append(timed(widget.refresh_now))
    widget.refresh_now()
    paragraphs = [(f"{ref.where}.content[{i}]", item) for ref in walk_sections(doc.plan.sections)
                  for i, item in enumerate(ref.section.content) if isinstance(item, str)]
    path, text = paragraphs[len(paragraphs) // 2]  # a paragraph in the middle of the plan
    keystroke = []
    for i in range(RUNS):
        doc.set_value(path, text + "x" * (i + 1))  # one more character each time
        keystroke.append(timed(widget.refresh_now))
    paint = []
    for _ in range(5):
        paint.append(timed(lambda: widget.pages_view.grab(widget.scroll.viewport().rect())))

    plain = widget.page_text()
    font = QFont("Times New Roman")
    font.setPointSizeF(14)
    width = widget.pages_view.geometry_.text_width

    def baseline():
        d = QTextDocument()
        d.setDefaultFont(font)
        d.setPlainText(plain)
        d.setTextWidth(width)
        d.size()  # force the layout

    base = [timed(baseline) for _ in range(5)]
    print(f"plan: {widget.page_count} pages, {len(widget.blocks)} blocks, {len(plain)} characters")
    print(f"preview refresh after one keystroke : {median(keystroke)}")
    print(f"preview cold refresh (open a plan)  : {median(cold)}")
    print(f"paint of the visible area           : {median(paint)}")
    print(f"baseline setPlainText + layout      : {median(base)}")
    ok = statistics.median(keystroke) < 100
    print("target (< 100 ms after a keystroke):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
