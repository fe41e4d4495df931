"""The register at the scale of ten busy years (5,000 rows): open, filter, export, take.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_register.py [--rows 5000] [--repeat 5]

Each figure is the median of ``--repeat`` runs, printed beside a baseline run in the same
process on the same rows:
- open: the register window's data (Register opened, quick_check, every row read into
  entries) against a plain ``sqlite3`` connect + ``SELECT *`` of the same rows;
- window: the Qt register window built and filled with every row (offscreen);
- filter: year + kind + an accent-free search over all rows (the window's model), against a
  plain ``sqlite3`` SELECT with LIKE (accent-sensitive) of the same rows;
- export: the formatted .xlsx (borders, widths, print settings) of one year and of all rows,
  against openpyxl writing the same cells with no formatting;
- take: one number taken (BEGIN IMMEDIATE, next number, insert, commit) against a bare INSERT.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kehoach_desktop.register.book import Register  # noqa: E402
from kehoach_desktop.register.entry import Entry  # noqa: E402
from kehoach_desktop.register.excel_out import dump_register_xlsx, row_values  # noqa: E402

WORDS = ("tuyên truyền kỷ niệm ngày thành lập Đảng phòng chống thiên tai bão lũ tiêm chủng vắc xin "
         "xây dựng nông thôn mới chuyển đổi số cải cách hành chính an ninh trật tự văn hóa thể thao "
         "giáo dục khuyến học vệ sinh môi trường thu gom rác thải bảo hiểm y tế hộ nghèo").split()
KINDS = ("KH", "KH", "KH", "BC", "TB", "QĐ", "CV")


def fill(path: Path, rows: int, rng: random.Random) -> None:
    entries = []
    per_year = rows // 10
    for i in range(rows):
        year = 2016 + i // per_year if i // per_year < 10 else 2025
        day = dt.date(year, 1, 1) + dt.timedelta(days=(i % per_year) * 365 // per_year)
        kind = rng.choice(KINDS)
        entries.append(Entry(number=i % per_year + 1, symbol=f"{kind}-UBND", date=day.isoformat(),
                             summary=" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))),
                             signer=rng.choice(["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"]),
                             recipients=["UBND tỉnh (để báo cáo)", "Các thôn (để thực hiện)", "Phòng Văn hóa - Xã hội"],
                             archive="VT, VHXH", copies=str(rng.randint(3, 40)), source="excel"))
    with Register(path) as book:
        book.add_many(entries)


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def report(name: str, ours: float, base: float) -> None:
    print(f"{name:<34} {ours:8.1f} ms   baseline {base:8.1f} ms   ratio {ours / base:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(16)
    folder = Path(tempfile.mkdtemp(prefix="bench-register-"))
    path = folder / "so.sqlite3"
    start = time.perf_counter()
    fill(path, args.rows, rng)
    print(f"{args.rows} rows written in {time.perf_counter() - start:.2f} s (one transaction)")

    def ours_open():
        with Register(path) as book:
            return book.entries()

    def plain_select():
        conn = sqlite3.connect(path)
        rows = conn.execute("SELECT * FROM entries ORDER BY date, number").fetchall()
        conn.close()
        return rows

    entries = ours_open()
    report("open (all rows into entries)", timed(ours_open, args.repeat), timed(plain_select, args.repeat))

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from kehoach_desktop.ui.register_table import RegisterTableModel
    from kehoach_desktop.ui.register_window import RegisterWindow

    def window_open():
        window = RegisterWindow()
        book = Register(path)
        window.book = book
        rows = book.entries()
        window._fill_filters(rows)
        window.model.set_entries(book, rows)
        window.refilter()
        window.show()
        app.processEvents()
        window.close()
        book.close()

    report("window built and filled (Qt)", timed(window_open, args.repeat), timed(plain_select, args.repeat))

    model = RegisterTableModel()
    model.set_entries(None, entries)

    def ours_filter():
        for query in ("", "tuyen", "tuyen truyen", "ve sinh moi truong", "nguyen van an"):
            model.apply_filter(2024, "KH", query)
            model.apply_filter(None, "", query)

    conn = sqlite3.connect(path)

    def sql_filter():
        for query in ("", "tuyên", "tuyên truyền", "vệ sinh môi trường", "Nguyễn Văn An"):
            like = f"%{query}%"
            conn.execute("SELECT * FROM entries WHERE date LIKE '2024-%' AND kind = 'KH' AND "
                         "(summary LIKE ? OR signer LIKE ?) ORDER BY date, number", (like, like)).fetchall()
            conn.execute("SELECT * FROM entries WHERE summary LIKE ? OR signer LIKE ? ORDER BY date, number",
                         (like, like)).fetchall()

    report("filter: 10 filters (year/kind/words)", timed(ours_filter, args.repeat), timed(sql_filter, args.repeat))

    import openpyxl

    def plain_xlsx(rows):
        wb = openpyxl.Workbook()
        ws = wb.active
        for e in rows:
            ws.append(row_values(e))
        wb.save(io.BytesIO())

    year = [e for e in entries if e.date.startswith("2024")]
    report(f"export one year ({len(year)} rows)", timed(lambda: dump_register_xlsx(year, unit="UBND", year=2024),
                                                        args.repeat), timed(lambda: plain_xlsx(year), args.repeat))
    report(f"export all ({len(entries)} rows)", timed(lambda: dump_register_xlsx(entries, unit="UBND"), args.repeat),
           timed(lambda: plain_xlsx(entries), args.repeat))

    book = Register(path)
    takes = [Entry(symbol="KH-UBND", date="2026-05-14", summary="x") for _ in range(50)]

    def take_all():
        for e in takes:
            book.take(Entry(symbol=e.symbol, date=e.date, summary=e.summary))

    raw = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("CREATE TABLE t (series TEXT, number INTEGER, summary TEXT)")

    def bare_inserts():
        for i in range(50):
            raw.execute("INSERT INTO t VALUES ('2026', ?, 'x')", (i,))

    report("take x50 (BEGIN IMMEDIATE…COMMIT)", timed(take_all, 1), timed(bare_inserts, 1))
    book.close()


if __name__ == "__main__":
    main()
