"""``render PLAN.json -o OUT.docx``: write the DOCX in the layout of the plan's regime."""
from __future__ import annotations

import sys
from pathlib import Path

NAME = "render"


def register(sub) -> None:
    p = sub.add_parser(NAME, help="xuất kế hoạch ra tệp Word (.docx) đúng thể thức")
    p.add_argument("plan", type=Path, help="tệp kế hoạch (.json hoặc .docx của phần mềm)")
    p.add_argument("-o", "--output", type=Path,
                   help="tệp .docx sẽ ghi (mặc định: cùng tên, đuôi .docx, khi chưa có tệp đó)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..errors import KehoachError
    from ..io import load_plan, save_plan
    from . import output_path

    out = args.output
    if out is None:  # a name the user did not type: never over an existing file
        out = args.plan.with_suffix(".docx")
        if out.resolve() == args.plan.resolve():
            out = out.with_name(out.stem + "-ban-in.docx")
        if out.exists() or out.is_symlink():
            raise KehoachError(f"Tệp “{out.name}” đã có; phần mềm không ghi đè tệp bạn chưa chỉ định. "
                               "Hãy ghi rõ tên tệp ra bằng -o TÊN.docx.")
    output_path(out, (".docx", ".json"), "tệp Word hoặc kế hoạch dạng JSON")
    plan = load_plan(args.plan).plan
    save_plan(plan, out)
    print(f"Đã lưu: {out}", file=sys.stderr)
    return 0
