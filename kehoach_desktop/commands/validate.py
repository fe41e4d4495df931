"""``validate FILE [--json]``: print the plan's problems; exit 1 when there is an error."""
from __future__ import annotations

import json
from pathlib import Path

NAME = "validate"
SEVERITY_WORD = {"error": "Lỗi", "warning": "Cảnh báo"}


def register(sub) -> None:
    p = sub.add_parser(NAME, help="kiểm tra kế hoạch theo thể thức")
    p.add_argument("file", type=Path, help="tệp kế hoạch (.json, .docx, .txt)")
    p.add_argument("--json", action="store_true", help="in danh sách lỗi dạng JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..io import load_plan
    from ..plan.validate import has_errors, validate

    plan = load_plan(args.file).plan
    problems = validate(plan)
    if args.json:
        print(json.dumps([p.to_dict() for p in problems], ensure_ascii=False, indent=1))
    elif not problems:
        print("Không phát hiện lỗi thể thức.")
    else:
        for p in problems:
            print(f"{SEVERITY_WORD.get(p.severity, p.severity)} [{p.code}] {p.where}: {p.message}")
    return 1 if has_errors(problems) else 0
