"""``render PLAN.json -o OUT.docx``: write the DOCX in the layout of the plan's regime."""
from __future__ import annotations

import sys
from pathlib import Path

NAME = "render"


def register(sub) -> None:
    p = sub.add_parser(NAME, help="xuất kế hoạch ra tệp Word (.docx) đúng thể thức")
    p.add_argument("plan", type=Path, help="tệp kế hoạch (.json hoặc .docx của phần mềm)")
    p.add_argument("-o", "--output", type=Path, help="tệp .docx sẽ ghi (mặc định: cùng tên, đuôi .docx)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..io import load_plan, save_plan

    out = args.output or args.plan.with_suffix(".docx")
    if out.resolve() == args.plan.resolve():
        out = out.with_name(out.stem + "-ban-in.docx")
    plan = load_plan(args.plan).plan
    save_plan(plan, out)
    print(f"Đã lưu: {out}", file=sys.stderr)
    return 0
