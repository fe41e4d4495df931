"""``rollover FILE [--year YEAR] [-o OUT.json]``: this year's plan from last year's, with the defaults."""
from __future__ import annotations

import sys
from pathlib import Path

NAME = "rollover"


def register(sub) -> None:
    p = sub.add_parser(NAME, help="tạo kế hoạch năm mới từ kế hoạch năm trước (đổi năm, xóa số và ngày)")
    p.add_argument("file", type=Path, help="kế hoạch năm trước: .json, .docx, .doc hoặc .txt")
    p.add_argument("--year", type=int, help="năm của kế hoạch mới (mặc định: năm của kế hoạch cũ + 1)")
    p.add_argument("-o", "--output", type=Path, help="ghi JSON vào tệp này thay vì in ra")
    p.set_defaults(run=run)


def _load(path: Path):
    try:
        from ..io import load_plan
    except ImportError:  # the integration module is not there: plans in JSON only
        from ..errors import FileRejected
        from ..plan.model import Plan

        if path.suffix.lower() != ".json":
            raise FileRejected("Chỉ đọc được kế hoạch dạng .json.") from None
        try:
            return Plan.from_json(path.read_text(encoding="utf-8-sig"))
        except OSError:
            raise FileRejected(f"Không mở được tệp “{path.name}”.") from None
    return load_plan(path).plan


def run(args) -> int:
    from ..errors import FileRejected
    from ..plan.rollover import rollover_plan, stale_year_problems

    if args.year is not None and not 1900 <= args.year <= 2200:
        raise FileRejected(f"Năm {args.year} không hợp lệ.")
    plan = rollover_plan(_load(args.file), args.year)
    for problem in stale_year_problems(plan, args.year):
        print(f"Cần kiểm tra ({problem.where}): {problem.message}", file=sys.stderr)
    text = plan.to_json() + "\n"
    if args.output:
        try:
            from ..io import save_plan
        except ImportError:
            args.output.write_text(text, encoding="utf-8")
        else:
            out = args.output if args.output.suffix.lower() == ".json" else args.output.with_suffix(".json")
            save_plan(plan, out)
    else:
        sys.stdout.write(text)
    return 0
