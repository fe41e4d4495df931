"""Search latency of the paragraph library: the index against a plain linear scan.

    .venv/bin/python bench/bench_search.py [--sizes 10000 100000] [--queries 300]

Builds synthetic libraries by varying the bundled paragraphs with random
Vietnamese words, runs realistic queries (whole words, prefixes as typed,
several words, with and without a section), and prints p50/p95 per query of
the index and of a linear scan over pre-folded text, in the same run. The last
line is ``p95 ms: 10000=X 100000=Y`` (the index).
"""
from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kehoach_desktop.library.entry import Paragraph  # noqa: E402
from kehoach_desktop.library.search import SearchIndex, _WORD, linear_search  # noqa: E402
from kehoach_desktop.library.store import load_bundled  # noqa: E402
from kehoach_desktop.plan.text import fold  # noqa: E402

# Syllables to vary the text with (common in administrative writing, plus rarer ones).
SYLLABLES = ("an ninh bảo đảm biên cán bộ chăm sóc chính sách cộng đồng dân cư điện tử đoàn kết "
             "đô thị giáo dục hạ tầng hộ nghèo kế hoạch khuyến nông lao động môi trường nông thôn "
             "phát triển phòng chống quản lý rác thải sản xuất thanh niên thiên tai thủy lợi tiêm chủng "
             "trường học tư pháp văn hóa việc làm xây dựng y tế hợp tác xã du lịch cây trồng vật nuôi "
             "giống lúa ngô sắn chè cà phê hồ tiêu thủy sản rừng trồng cầu cống đường giao thông kênh mương "
             "điện chiếu sáng nước sạch chợ nhà văn hóa sân thể thao bưu điện trạm bơm đê kè bến đò "
             "hiến máu khuyến học người cao tuổi trẻ em phụ nữ cựu chiến binh dân quân tự vệ").split()
SECTIONS = ["can-cu", "muc-dich", "yeu-cau", "noi-dung", "hinh-thuc", "thoi-gian", "kinh-phi",
            "to-chuc-thuc-hien", "ket-thuc", "nhiem-vu", "kiem-tra", "che-do-bao-cao"]
QUERIES = ["kinh phi", "kinh", "ki", "k", "to chuc thuc hien", "to chuc", "dang uy", "dang uy xa",
           "d", "tuyen truyen", "tuyen tr", "truyen thanh", "ngan sach xa", "ban to chuc",
           "uy ban nhan dan", "ubnd", "mat tran to quoc", "kiem tra giam sat", "chi bo", "bao cao",
           "thon to dan pho", "phong van hoa", "cong an xa", "an ninh trat tu", "xa hoi hoa",
           "nam", "quy dinh", "tiet kiem hieu qua", "le ky niem", "truyen thong", "nong thon moi",
           "cai cach hanh chinh", "chuyen doi so", "thu ngan sach", "y te", "trach nhiem nguoi dung dau",
           "khong co tu nay", "thuc hien", "th", "tr"]


def synthetic(bundled: list[Paragraph], n: int, rng: random.Random) -> list[Paragraph]:
    out = []
    for i in range(n):
        base = bundled[i % len(bundled)]
        words = base.text.split()
        for _ in range(rng.randint(3, 12)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(SYLLABLES))
        out.append(Paragraph(id=f"b{i}", section=rng.choice(SECTIONS), text=" ".join(words),
                             title=base.title + " " + rng.choice(SYLLABLES), regimes=list(base.regimes),
                             kinds=list(base.kinds), source="user"))
    return out


def workload(rng: random.Random, count: int) -> list[tuple[str, str | None]]:
    out = []
    for _ in range(count):
        q = rng.choice(QUERIES)
        if rng.random() < 0.3:  # as typed: a prefix of the query
            q = q[: rng.randint(1, len(q))]
        out.append((q, rng.choice(SECTIONS) if rng.random() < 0.6 else None))
    return out


def p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def measure(fn, queries) -> list[float]:
    times = []
    for q, section in queries:
        t = time.perf_counter()
        fn(q, section)
        times.append((time.perf_counter() - t) * 1000)
    return times


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--no-freeze", action="store_true", help="leave the loaded data to the cyclic GC")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    bundled = load_bundled()
    queries = workload(rng, args.queries)
    p95s = {}
    for n in args.sizes:
        entries = synthetic(bundled, n, rng)
        t = time.perf_counter()
        index = SearchIndex(entries)
        build = time.perf_counter() - t
        folded = [" " + " ".join(_WORD.findall(fold(e.title + " " + e.text))) for e in entries]
        sections = [e.section for e in entries]
        # Long-lived data out of the cyclic collector's way, as an app would after loading:
        # a full collection over 100,000 objects would otherwise land inside random queries.
        if not args.no_freeze:
            gc.collect()
            gc.freeze()
        for q, s in queries[:20]:  # warm up both
            index.search(q, section=s)
            linear_search(folded, sections, q, section=s)
        idx = measure(lambda q, s: index.search(q, section=s, limit=20), queries)
        lin = measure(lambda q, s: linear_search(folded, sections, q, section=s, limit=20), queries)
        p95s[n] = p(idx, 0.95)
        gc.unfreeze()
        print(f"{n:>7} paragraphs: build {build:.2f} s | index p50 {p(idx, .5):.2f} ms, p95 {p(idx, .95):.2f} ms, "
              f"max {max(idx):.2f} ms | linear scan p50 {p(lin, .5):.2f} ms, p95 {p(lin, .95):.2f} ms | "
              f"p95 ratio {p(lin, .95) / max(p(idx, .95), 1e-9):.0f}x | mean {statistics.mean(idx):.2f} ms")
    print("p95 ms: " + " ".join(f"{n}={p95s[n]:.2f}" for n in args.sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
