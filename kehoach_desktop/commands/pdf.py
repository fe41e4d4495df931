"""``pdf PLAN -o OUT.pdf``: the printed pages as a PDF/A file (text, fonts embedded).

The pages are drawn by Qt (offscreen, no screen needed), which is imported only
when this command runs: the command line itself stays free of Qt.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

NAME = "pdf"


def register(sub) -> None:
    p = sub.add_parser(NAME, help="xuất kế hoạch ra tệp PDF (PDF/A, chữ chọn được, đúng các trang in)")
    p.add_argument("plan", type=Path, help="tệp kế hoạch (.json hoặc .docx của phần mềm)")
    p.add_argument("-o", "--output", type=Path, help="tệp .pdf sẽ ghi (mặc định: cùng tên, đuôi .pdf)")
    p.add_argument("--ky-so", dest="signing", action="store_true",
                   help="PDF để ký số: không dấu DỰ THẢO, để trống số và ngày cho hệ thống văn thư")
    p.add_argument("--khong-du-thao", dest="no_draft", action="store_true",
                   help="không in dấu DỰ THẢO trên kế hoạch chưa có số hoặc ngày")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..errors import SaveFailed
    from ..io import load_plan
    from ..pages.blocks import PrintOptions
    from ..safefile import write_atomic

    out = args.output or args.plan.with_suffix(".pdf")
    if out.suffix.lower() != ".pdf":
        raise SaveFailed("Tệp xuất phải có đuôi .pdf, ví dụ: -o ke-hoach.pdf")
    plan = load_plan(args.plan).plan
    export = importlib.import_module("kehoach_desktop.ui.printing.export")  # Qt, only now
    export.ensure_app()
    options = PrintOptions(draft_mark=False if args.no_draft else None, for_signing=args.signing)
    data = export.plan_pdf(plan, options)
    notice = importlib.import_module("kehoach_desktop.ui.printing.fonts").font_notice()
    if notice:
        print(notice, file=sys.stderr)
    write_atomic(out, data, verify=export.check_pdf)
    print(f"Đã lưu: {out}", file=sys.stderr)
    return 0
