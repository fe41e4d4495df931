"""Import benchmark: recognise a ~60-page hand-typed DOCX beside python-docx only reading it.

Run: ``.venv/bin/python bench/bench_import.py [--rounds N] [--pages P] [--out F.docx]``.
The DOCX is made here with python-docx the way people type plans (header
table, typed labels, runs split mid-word, foot table). Both sides open the
same bytes and are timed in the same run, alternating, best of N:
- baseline: ``docx.Document`` + the text of every paragraph (body and tables),
- import: ``docx.Document`` + ``recognise_docx`` (the whole plan with notes).
Aim: a ratio of at most 2.
"""
from __future__ import annotations

import argparse
import io
import sys
import time
import tracemalloc
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kehoach_desktop.docx.recognise import recognise_docx  # noqa: E402

SENTENCE = ("Tiếp tục tuyên truyền sâu rộng chủ trương của Đảng, chính sách, pháp luật của Nhà nước, "
            "nâng cao nhận thức và trách nhiệm của cán bộ, đảng viên và Nhân dân trong năm 2024; ")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _split_runs(paragraph, text: str, bold: bool = False) -> None:
    """Runs cut mid-word, as Word leaves them after edits."""
    step = 37
    for i in range(0, len(text), step):
        run = paragraph.add_run(text[i:i + step])
        run.bold = bold
        run.font.name = "Times New Roman"


def make_docx(pages: int = 60) -> bytes:
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN").bold = True
    left.add_paragraph("XÃ HÒA BÌNH")
    left.add_paragraph("Số: 12/KH-UBND")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Hòa Bình, ngày 05 tháng 3 năm 2024")
    for text in ("KẾ HOẠCH", "Tuyên truyền kết quả năm 2023, nhiệm vụ năm 2024"):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True
    d.add_paragraph("Căn cứ Kế hoạch số 105/KH-UBND ngày 12/01/2024 của UBND tỉnh;")
    # About 10 paragraphs of ~50 words make a page of 14 pt text.
    paragraphs = pages * 10
    per_section = max(1, paragraphs // (10 * 3 * 3))
    for s in range(10):
        _split_runs(d.add_paragraph(), f"{ROMAN[s]}. NỘI DUNG THỨ {s + 1}", bold=True)
        for k in range(3):
            _split_runs(d.add_paragraph(), f"{k + 1}. Nhiệm vụ số {k + 1}", bold=True)
            for a in range(3):
                _split_runs(d.add_paragraph(), f"{'abc'[a]}) Nội dung cụ thể {a + 1}")
                for _ in range(per_section):
                    _split_runs(d.add_paragraph(), "- " + SENTENCE * 2)
    d.add_paragraph("Trên đây là Kế hoạch của UBND xã, đề nghị các cơ quan triển khai thực hiện./.")
    foot = d.add_table(rows=1, cols=2)
    rec, sig = foot.rows[0].cells
    rec.paragraphs[0].add_run("Nơi nhận:")
    for text in ("- Các thôn;", "- Lưu: VT."):
        rec.add_paragraph(text)
    sig.paragraphs[0].add_run("TM. ỦY BAN NHÂN DÂN")
    for text in ("CHỦ TỊCH", "", "Nguyễn Văn An"):
        sig.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def baseline(data: bytes) -> int:
    d = docx.Document(io.BytesIO(data))
    n = sum(len(p.text) for p in d.paragraphs)
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                n += sum(len(p.text) for p in cell.paragraphs)
    return n


def importing(data: bytes):
    return recognise_docx(docx.Document(io.BytesIO(data)))


def best_of(fn, data: bytes, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        fn(data)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--out", type=Path, help="also write the generated DOCX here")
    args = ap.parse_args()
    data = make_docx(args.pages)
    if args.out:
        args.out.write_bytes(data)
    result = importing(data)  # warm up, and check the import is real
    paragraphs = len(docx.Document(io.BytesIO(data)).paragraphs)
    assert result.plan.header.number == "12" and len(result.plan.sections) == 10, result.notes
    base = imp = float("inf")
    for _ in range(args.rounds):  # alternate so both see the same machine load
        base = min(base, best_of(baseline, data, 1))
        imp = min(imp, best_of(importing, data, 1))
    tracemalloc.start()
    importing(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"document: {len(data) / 1024:.0f} KB, {paragraphs} paragraphs (~{args.pages} pages)")
    print(f"python-docx open + read every paragraph: {base * 1000:.1f} ms")
    print(f"open + recognise_docx:                   {imp * 1000:.1f} ms")
    print(f"ratio: {imp / base:.2f}x (aim <= 2.0); import peak memory {peak / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
