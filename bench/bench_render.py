"""Render benchmark: render_docx of a ~60-page plan beside plain python-docx.

Run by hand: ``.venv/bin/python bench/bench_render.py [--rounds N] [--profile] [--out F.docx]``.
Both are timed in the same run, alternating, best of N; the aim is a ratio
of at most 1.5 (the writer's styling and embedded plan cost little more
than writing the bare paragraphs).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx  # noqa: E402

from kehoach_desktop.docx.writer import render_docx  # noqa: E402
from kehoach_desktop.plan.model import Header, Plan, Section, Signature  # noqa: E402

WORDS = ("tuyên truyền triển khai thực hiện nghị quyết của cấp ủy chính quyền các thôn "
         "nâng cao nhận thức trách nhiệm cán bộ đảng viên nhân dân phát triển kinh tế xã hội "
         "bảo đảm quốc phòng an ninh xây dựng nông thôn mới chuyển đổi số").split()


def _sentence(seed: int, words: int) -> str:
    picked = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(words)]
    text = " ".join(picked)
    return text[0].upper() + text[1:] + "."


def big_plan(pages: int = 60) -> Plan:
    """A plan of about ``pages`` A4 pages: 6 parts, nested points, generated paragraphs."""
    n = 0

    def para() -> str:
        nonlocal n
        n += 1
        return "- " + _sentence(n, 55 + n % 30)

    per_point = max(1, round(7.7 * pages / 60))  # measured: 8 a point gives ~60 A4 pages
    sections = []
    for i in range(6):
        subs = []
        for j in range(5):
            points = [Section(title=_sentence(i * 10 + j * 3 + k, 6),
                              content=[para() for _ in range(per_point)]) for k in range(2)]
            subs.append(Section(title=_sentence(i + j, 5), content=[para()] + points))
        sections.append(Section(title=_sentence(i, 4).upper(), content=[para()] + subs))
    return Plan(
        regime="state", numbering=["I.", "1.", "a)"],
        summary="Tuyên truyền thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026",
        preamble=[para(), para()], sections=sections, closing=[para() + "/."],
        recipients=["UBND tỉnh (để báo cáo)", "Các thôn (để thực hiện)", "Lưu: VT, VH"],
        header=Header(
            issuer="ỦY BAN NHÂN DÂN XÃ CẨM TÂN", number="12", symbol="KH-UBND",
            place="Cẩm Tân", date="2026-03-02"),
        signature=Signature(authority="TM.", collective="ỦY BAN NHÂN DÂN", position="CHỦ TỊCH",
                            name="Nguyễn Văn An"),
        typist="HNT", copies=20)


def plain_texts(plan: Plan) -> list[str]:
    """The same paragraphs the writer writes, as plain strings."""
    out = list(plan.preamble)

    def walk(items):
        for item in items:
            if isinstance(item, Section):
                out.append(item.title)
                walk(item.content)
            else:
                out.append(item)
    walk(plan.sections)
    return out + list(plan.closing) + list(plan.recipients)


def plain_docx(texts: list[str]) -> bytes:
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--out", help="also save the rendered plan here (to look at it)")
    args = ap.parse_args()

    plan = big_plan(args.pages)
    texts = plain_texts(plan)
    data = render_docx(plan)  # warm up: imports, the cached base page
    plain_docx(texts)
    if args.out:
        Path(args.out).write_bytes(data)

    best_plain = best_ours = float("inf")
    for _ in range(args.rounds):
        t = time.perf_counter()
        plain_docx(texts)
        best_plain = min(best_plain, time.perf_counter() - t)
        t = time.perf_counter()
        render_docx(plan)
        best_ours = min(best_ours, time.perf_counter() - t)

    print(f"paragraphs: {len(texts)}, docx size: {len(data) // 1024} KiB")
    print(f"plain python-docx: {best_plain * 1000:.1f} ms (best of {args.rounds})")
    print(f"render_docx:       {best_ours * 1000:.1f} ms (best of {args.rounds})")
    print(f"ratio:             {best_ours / best_plain:.2f}x (aim: <= 1.5x)")

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(3):
            render_docx(plan)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
