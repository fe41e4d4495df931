"""``rollover FILE [--year YEAR] [-o OUT.json]``: this year's plan from last year's, with the defaults."""
from __future__ import annotations

import sys
from pathlib import Path

NAME = "rollover"


def register(sub) -> None:
    p = sub.add_parser(NAME, help="tạo kế hoạch năm mới từ kế hoạch năm trước (đổi năm, xóa số và ngày)")
    p.add_argument("file", type=Path, help="kế hoạch năm trước: .json, .docx, .doc hoặc .txt")
    p.add_argument("--year", type=int, help="năm của kế hoạch mới (mặc định: năm sau năm của kế hoạch cũ, "
                                                "nhưng không trước năm nay)")
    p.add_argument("-o", "--output", type=Path, help="ghi JSON vào tệp này thay vì in ra")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..errors import KehoachError
    from ..io import load_plan
    from . import emit_plan
    from ..plan.rollover import rollover_plan, stale_year_problems

    if args.year is not None and not 1900 <= args.year <= 2200:
        raise KehoachError(f"Năm {args.year} không hợp lệ.")
    plan = rollover_plan(load_plan(args.file).plan, args.year)
    for problem in stale_year_problems(plan, args.year):
        print(f"Cần kiểm tra ({problem.where}): {problem.message}", file=sys.stderr)
    plan = _bring_units_up_to_date(plan)
    emit_plan(plan, args.output)
    return 0


def _bring_units_up_to_date(plan):
    """The units review's defaults (header, place, Nơi nhận, successors); the rest is reported."""
    from ..units.mentions import PART_CITED, apply_unit_changes, find_unit_mentions

    mentions = find_unit_mentions(plan)
    for m in mentions:
        if not m.changes and m.part != PART_CITED:
            print(f"Cần kiểm tra ({m.where}): {m.reason}", file=sys.stderr)
    return apply_unit_changes(plan, mentions)
