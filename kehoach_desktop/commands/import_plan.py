"""``import FILE [-o PLAN.json]``: read a plan from .docx/.doc/.txt/.json and print its JSON."""
from __future__ import annotations

import sys
from pathlib import Path

NAME = "import"


def register(sub) -> None:
    p = sub.add_parser(NAME, help="đọc kế hoạch từ tệp Word, văn bản hoặc JSON và in ra JSON")
    p.add_argument("file", type=Path, help="tệp .docx, .doc, .txt hoặc .json")
    p.add_argument("-o", "--output", type=Path, help="ghi JSON vào tệp này thay vì in ra")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..io import load_plan
    from . import emit_plan

    result = load_plan(args.file)
    for note in result.notes:
        print(f"Cần kiểm tra: {note}", file=sys.stderr)
    emit_plan(result.plan, args.output)
    return 0
