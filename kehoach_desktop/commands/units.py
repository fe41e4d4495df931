"""``units``: the list of administrative units the app knows (since 1 July 2025).

    python -m kehoach_desktop units status          which list is in use (date, counts)
    python -m kehoach_desktop units import FILE     install a newer list of the same shape (checked first)
    python -m kehoach_desktop units reset           go back to the list shipped with the app
    python -m kehoach_desktop units find WORDS      units whose name starts so (accents not needed)
"""
from __future__ import annotations

NAME = "units"


def register(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="danh sách đơn vị hành chính: xem, cập nhật, tìm",
                                   description="Danh sách tỉnh, xã, phường sau ngày 01/7/2025 mà phần mềm dùng.")
    actions = parser.add_subparsers(dest="units_action", parser_class=type(parser))
    actions.add_parser("status", help="danh sách đang dùng: ngày, số đơn vị")
    imp = actions.add_parser("import", help="cập nhật bằng tệp danh sách mới hơn (kiểm tra trước khi dùng)")
    imp.add_argument("file")
    actions.add_parser("reset", help="dùng lại danh sách kèm phần mềm")
    find = actions.add_parser("find", help="tìm xã, phường theo tên (không cần dấu)")
    find.add_argument("words", nargs="+")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..errors import KehoachError
    from ..units import data

    action = getattr(args, "units_action", None)
    if action is None:
        raise KehoachError("Hãy chọn một việc: status, import, reset hoặc find. "
                           "Xem: python -m kehoach_desktop units --help")
    if action == "import":
        print("Đã cập nhật. " + data.describe(data.install(args.file)))
    elif action == "reset":
        print("Đã dùng lại danh sách kèm phần mềm. " + data.describe(data.reset()))
    elif action == "find":
        from ..units.index import current_index

        index = current_index()
        found = index.complete(" ".join(args.words))
        print("\n".join(index.label(u) for u in found) if found else "Không tìm thấy đơn vị nào.")
    else:
        print(data.describe(data.current()))
    return 0
