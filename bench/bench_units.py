"""Checking a 60-page plan against today's and the old administrative units: the word index
(``units.scan``) against a naive loop over every name per paragraph, in the same run.

    .venv/bin/python bench/bench_units.py [--pages 60] [--repeat 5]

The plan: about 25 paragraphs a page (the bundled library's paragraphs, with district bodies,
old and current communes mixed in). Timed: ``find_unit_mentions`` (all mentions with their
proposals) and the validator's ``check_units``, with the data already loaded (loading and
indexing it once is timed apart). Baseline: for each paragraph, each of the 10,047 old and
3,321 new names searched in its folded text (``name in text``), as a first attempt would do.
The last line is ``ms: index=X check=Y naive=Z ratio=R``.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kehoach_desktop.plan.model import Header, Plan, Section  # noqa: E402
from kehoach_desktop.plan.text import fold  # noqa: E402
from kehoach_desktop.units import data  # noqa: E402
from kehoach_desktop.units.check import check_units  # noqa: E402
from kehoach_desktop.units.index import current_index, name_key  # noqa: E402
from kehoach_desktop.units.mentions import find_unit_mentions, plan_fields  # noqa: E402

INSERTS = ("Phối hợp với Phòng Văn hóa và Thông tin huyện Yên Thành tổ chức tuyên truyền.",
           "Căn cứ Kế hoạch số 105/KH-UBND ngày 12/5/2021 của UBND huyện Yên Thành;",
           "Ban Chỉ huy Quân sự xã phối hợp với Công an huyện bảo đảm an ninh tại xã Hòa Sơn.",
           "Các thôn của xã Tân Lập, tỉnh Nghệ An báo cáo về UBND xã trước ngày 15 hằng tháng.",
           "Thị trấn Kim Sơn và xã Diên Hoa phối hợp với Trung tâm Y tế huyện.")


def library_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "resources" / "library").glob("*.json")):
        doc = json.loads(path.read_text("utf-8"))
        items = doc.get("paragraphs", doc) if isinstance(doc, dict) else doc
        texts += [i["text"] for i in items if isinstance(i, dict) and i.get("text")]
    return texts


def sixty_pages(pages: int, rng: random.Random) -> Plan:
    texts = library_texts()
    paragraphs = [rng.choice(INSERTS) if rng.random() < 0.15 else rng.choice(texts) for _ in range(pages * 25)]
    sections = [Section(f"Mục {i + 1}", paragraphs[i:i + 50]) for i in range(0, len(paragraphs), 50)]
    return Plan(header=Header(superior="UBND HUYỆN YÊN THÀNH", issuer="ỦY BAN NHÂN DÂN XÃ HÒA SƠN", place="Hòa Sơn",
                              date="2025-09-01"),
                summary="Kế hoạch công tác năm 2025", preamble=paragraphs[:5], sections=sections,
                recipients=["- UBND huyện Yên Thành;", "- Lưu: VT."])


def naive(plan: Plan, names: list[str]) -> int:
    hits = 0
    for _where, text in plan_fields(plan):
        folded = " ".join(fold(text or "").split())
        for name in names:
            if name in folded:
                hits += 1
    return hits


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    plan = sixty_pages(args.pages, random.Random(12))
    chars = sum(len(t or "") for _w, t in plan_fields(plan))
    t = time.perf_counter()
    index = current_index()
    load_ms = (time.perf_counter() - t) * 1000
    names = [name_key(u.name) for u in index.data.units] + [name_key(u.name) for u in index.data.old_units]
    mentions = find_unit_mentions(plan)
    print(f"plan: {args.pages} pages, {chars} characters; names: {len(names)} "
          f"({len(index.data.units)} today, {len(index.data.old_units)} old); data {data.current().date}")
    print(f"load + index once: {load_ms:.0f} ms; mentions found: {len(mentions)}")
    index_ms = timed(lambda: find_unit_mentions(plan), args.repeat)
    check_ms = timed(lambda: check_units(plan), args.repeat)
    naive_ms = timed(lambda: naive(plan, names), max(1, args.repeat // 5))
    print(f"find_unit_mentions (index): {index_ms:.1f} ms")
    print(f"check_units (validator):    {check_ms:.1f} ms")
    print(f"naive name loop:            {naive_ms:.1f} ms")
    print(f"ms: index={index_ms:.1f} check={check_ms:.1f} naive={naive_ms:.1f} ratio={naive_ms / index_ms:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
