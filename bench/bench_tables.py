"""Tables benchmark: a plan whose appendix is a 300-row duties table, beside the same text as paragraphs.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_tables.py [--rounds N] [--rows R]``.
Both plans carry the same words; the baseline has one paragraph per row
(cells joined), the table plan one table row per row. Timed in the same run,
alternating, best of N, for what a user waits on:
- render: ``render_docx`` (the DOCX bytes),
- import: ``recognise_docx`` of the rendered DOCX without its embedded plan (a hand-typed file),
- preview: a full preview refresh (layout of every block and pagination).
Aim: each ratio at most 3 (a table cell is laid out like a small paragraph, plus its borders).
"""
from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kehoach_desktop.docx.recognise import recognise_docx  # noqa: E402
from kehoach_desktop.docx.writer import render_docx  # noqa: E402
from kehoach_desktop.plan.model import Plan  # noqa: E402

APP = None
HEAD = ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]


def plans(rows: int) -> tuple[Plan, Plan]:
    body = [[str(i), f"Tổ chức tuyên truyền nội dung số {i} đến cán bộ, đảng viên và Nhân dân trên địa bàn",
             "Văn phòng HĐND - UBND xã", "Các ban, ngành, đoàn thể xã", f"Tháng {i % 12 + 1}/2027"]
            for i in range(1, rows + 1)]
    base = {"format": "kehoach", "version": 1, "regime": "state",
            "header": {"issuer": "ỦY BAN NHÂN DÂN XÃ HÒA AN", "number": "18", "symbol": "KH-UBND",
                       "place": "Hòa An", "date": "2027-02-10"},
            "summary": "Phân công nhiệm vụ năm 2027", "preamble": ["Căn cứ ..."],
            "sections": [{"title": "TỔ CHỨC THỰC HIỆN", "content": ["Phân công tại Phụ lục."]}],
            "closing": ["Trên đây là Kế hoạch./."], "recipients": ["Lưu: VT"],
            "signature": {"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH",
                          "name": "Lê Thị Mai"}}
    table = dict(base, appendices=[{"title": "PHỤ LỤC", "summary": "PHÂN CÔNG",
                                    "content": [{"table": {"header": 1, "rows": [HEAD] + body}}]}])
    paras = dict(base, appendices=[{"title": "PHỤ LỤC", "summary": "PHÂN CÔNG",
                                    "content": [" | ".join(HEAD)] + [" | ".join(r) for r in body]}])
    return Plan.from_dict(paras), Plan.from_dict(table)


def without_embedded(data: bytes):
    import docx

    document = docx.Document(io.BytesIO(data))
    for rel in [r for r, v in document.part.rels.items() if v.reltype.endswith("/customXml")]:
        del document.part.rels[rel]
    return document


def best(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--rows", type=int, default=300)
    args = ap.parse_args()
    baseline, tables = plans(args.rows)
    docs = {id(p): render_docx(p) for p in (baseline, tables)}

    from PySide6.QtWidgets import QApplication

    from kehoach_desktop.ui.plan_document import PlanDocument
    from kehoach_desktop.ui.widgets.preview import PreviewWidget

    global APP
    APP = QApplication.instance() or QApplication([])  # lives until the end (PySide at exit)
    documents = {id(p): PlanDocument(p) for p in (baseline, tables)}
    previews = {key: PreviewWidget(doc) for key, doc in documents.items()}

    def fresh(plan):
        preview = previews[id(plan)]
        preview._cache = {}  # lay out everything again, as after opening the plan
        preview.refresh_now()

    steps = {"render": lambda p: render_docx(p),
             "import": lambda p: recognise_docx(without_embedded(docs[id(p)])),
             "preview": fresh}
    print(f"{args.rows} rows × 5 columns; best of {args.rounds}")
    for name, fn in steps.items():
        results = {}
        for plan, label in ((baseline, "paragraphs"), (tables, "table")):
            results[label] = best(lambda: fn(plan), args.rounds)
        ratio = results["table"] / results["paragraphs"]
        print(f"{name:8s} paragraphs {results['paragraphs'] * 1000:7.1f} ms   table {results['table'] * 1000:7.1f} ms"
              f"   ratio {ratio:.2f}")
    pages = {label: previews[id(p)].page_count for p, label in ((baseline, "paragraphs"), (tables, "table"))}
    print(f"preview pages: {pages}")
    import gc

    previews.clear()  # widgets, then their documents, gone before Qt is (or PySide trips at exit)
    documents.clear()
    gc.collect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
