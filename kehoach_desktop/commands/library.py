"""``library``: search, export and import the paragraph library from the command line.

    python -m kehoach_desktop library search QUERY [--section KEY] [--limit N] [--json]
    python -m kehoach_desktop library export FILE   (.xlsx or the library's own .json)
    python -m kehoach_desktop library import FILE   (into the user's library, without duplicates)
"""
from __future__ import annotations

import json
import sys

NAME = "library"


def register(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="thư viện đoạn văn mẫu: tìm, xuất, nhập",
                                   description="Thư viện đoạn văn mẫu: tìm kiếm, xuất ra tệp, nhập từ tệp.")
    actions = parser.add_subparsers(dest="library_action", parser_class=type(parser))

    search = actions.add_parser("search", help="tìm đoạn văn (không phân biệt dấu, hoa thường)")
    search.add_argument("query", nargs="+", help="các từ cần tìm, ví dụ: kinh phi")
    search.add_argument("--section", help="mục của kế hoạch, ví dụ: kinh-phi, to-chuc-thuc-hien")
    search.add_argument("--regime", choices=["state", "party"], help="chỉ các đoạn dùng cho chính quyền/Đảng")
    search.add_argument("--kind", help="loại kế hoạch, ví dụ: tuyen-truyen")
    search.add_argument("--limit", type=int, default=10, help="số kết quả tối đa (mặc định 10)")
    search.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    export = actions.add_parser("export", help="xuất toàn bộ thư viện ra tệp .xlsx hoặc .json")
    export.add_argument("file")
    imp = actions.add_parser("import", help="nhập đoạn văn từ tệp .xlsx hoặc .json vào thư viện của bạn")
    imp.add_argument("file")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..errors import KehoachError
    from ..library.catalog import Library

    action = getattr(args, "library_action", None)
    if action is None:
        from ..locations import command_name

        raise KehoachError(f"Hãy chọn một việc: search, export hoặc import. Xem: {command_name()} library --help")
    library = Library.open()
    if library.note:
        print(library.note, file=sys.stderr)
    if action == "search":
        return _search(library, args)
    if action == "export":
        count = library.export_file(args.file)
        print(f"Đã xuất {count} đoạn văn mẫu ra tệp {args.file}.")
        return 0
    summary = library.import_file(args.file)
    print(summary.message())
    return 0


def _search(library, args) -> int:
    from ..errors import KehoachError

    if args.limit <= 0:
        raise KehoachError("Số kết quả (--limit) phải lớn hơn 0.")
    hits = library.search(" ".join(args.query), section=args.section, regime=args.regime,
                          kind=args.kind, limit=args.limit)
    if args.json:
        rows = [{"id": h.paragraph.id, "section": h.paragraph.section, "title": h.paragraph.title,
                 "text": h.paragraph.text} for h in hits]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not hits:
        print("Không tìm thấy đoạn văn nào.")
        return 0
    for h in hits:
        p = h.paragraph
        print(f"[{p.section}] {p.title}  ({p.id})")
        print(f"    {p.text}")
    return 0
