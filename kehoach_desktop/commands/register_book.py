"""``register``: the register of issued numbers (sổ văn bản đi) from the command line.

    register next [--unit NAME | --plan PLAN] [--kind KH] [--date YYYY-MM-DD]
    register take PLAN [--number N] [--date YYYY-MM-DD] [-o OUT.json|OUT.docx]
    register release NUMBER [--unit NAME] [--kind KH] [--date YYYY-MM-DD]
    register list [--unit NAME] [--year Y] [--kind KH] [--json]
    register export FILE.xlsx [--unit NAME] [--year Y]
    register import FILE.xlsx [--unit NAME]
    register settings [--unit NAME] [--term-start YYYY-MM-DD] [--series kind|default]
    register restore [--unit NAME]

Exit codes as the other commands: 0 done, 1 the number is already used, 2 bad input.
"""
from __future__ import annotations

import datetime as _dt
import json
import sys
from pathlib import Path

NAME = "register"


def _iso(value: str) -> _dt.date:
    import argparse

    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày “{value}” phải viết dạng NĂM-THÁNG-NGÀY, ví dụ 2026-05-14") from None


def register(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="sổ văn bản đi: cấp số, vào sổ, xuất/nhập Excel",
                                   description="Sổ đăng ký văn bản đi của đơn vị: cấp số, vào sổ, bỏ số, "
                                               "xem, xuất và nhập Excel.")
    actions = parser.add_subparsers(dest="register_action", parser_class=type(parser))

    def unit(p):
        p.add_argument("--unit", default="", help="tên hồ sơ đơn vị (mặc định: hồ sơ dùng gần nhất)")

    p = actions.add_parser("next", help="số mà văn bản tiếp theo sẽ nhận (không cấp)")
    unit(p)
    p.add_argument("--plan", type=Path, help="tìm sổ theo cơ quan ban hành và ký hiệu của kế hoạch này")
    p.add_argument("--kind", default="", help="loại văn bản, ví dụ KH, BC (mặc định: theo ký hiệu của đơn vị)")
    p.add_argument("--date", type=_iso, help="ngày văn bản (mặc định hôm nay)")
    p = actions.add_parser("take", help="cấp số cho kế hoạch và vào sổ (.json hoặc .docx của phần mềm)")
    p.add_argument("plan", type=Path)
    p.add_argument("--number", type=int, help="dùng số này thay cho số tiếp theo")
    p.add_argument("--date", type=_iso, help="ngày văn bản (mặc định hôm nay)")
    p.add_argument("-o", "--output", type=Path, help="ghi kế hoạch đã có số vào tệp (.json hoặc .docx)")
    p = actions.add_parser("release", help="bỏ một số đã cấp (văn bản không ban hành); số được cấp lại")
    p.add_argument("number", help="số, ví dụ 05 hoặc 05/KH-UBND")
    unit(p)
    p.add_argument("--kind", default="", help="loại văn bản, ví dụ KH")
    p.add_argument("--date", type=_iso, help="một ngày trong năm (nhiệm kỳ) của số đó (mặc định hôm nay)")
    p = actions.add_parser("list", help="liệt kê các số đã cấp")
    unit(p)
    p.add_argument("--year", type=int, help="chỉ năm này")
    p.add_argument("--kind", default="", help="chỉ loại văn bản này, ví dụ KH")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p = actions.add_parser("export", help="xuất sổ của một năm ra tệp Excel (.xlsx)")
    p.add_argument("file", type=Path)
    unit(p)
    p.add_argument("--year", type=int, help="năm cần xuất (mặc định năm nay)")
    p = actions.add_parser("import", help="nhập sổ đang ghi bằng Excel (.xlsx); số tiếp theo nối tiếp")
    p.add_argument("file", type=Path)
    unit(p)
    p = actions.add_parser("settings", help="ngày bắt đầu nhiệm kỳ, dãy số riêng cho từng loại văn bản")
    unit(p)
    p.add_argument("--term-start", type=_iso, help="ngày bắt đầu nhiệm kỳ cấp ủy (cơ quan Đảng)")
    p.add_argument("--series", choices=["kind", "default"], help="kind: mỗi loại văn bản một dãy số")
    p = actions.add_parser("restore", help="khôi phục sổ bị hỏng từ bản sao lưu tốt gần nhất")
    unit(p)
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..errors import KehoachError
    from ..register.backup import RegisterDamaged

    action = getattr(args, "register_action", None)
    if action is None:
        raise KehoachError("Hãy chọn một việc: next, take, release, list, export, import. "
                           "Xem: python -m kehoach_desktop register --help")
    try:
        return ACTIONS[action](args)
    except RegisterDamaged as exc:
        hint = " Chạy: python -m kehoach_desktop register restore" if exc.backup else ""
        print(f"Lỗi: {exc}{hint}", file=sys.stderr)
        return 2


def _unit(args):
    from ..register.units import profile_named

    return profile_named(getattr(args, "unit", ""))


def _open(profile):
    from ..register.units import open_register

    return open_register(profile)


TERM_NOTE = ("Chú ý: hồ sơ “{name}” chưa ghi ngày bắt đầu nhiệm kỳ cấp ủy nên số được đánh liên tục từ đầu sổ. "
             "Ghi bằng: python -m kehoach_desktop register settings --term-start NĂM-THÁNG-NGÀY")


def _term_note(profile) -> None:
    if profile.regime == "party" and not profile.term_start:
        print(TERM_NOTE.format(name=profile.name), file=sys.stderr)


def _default_kind(profile, kind: str) -> str:
    from ..register.rules import kind_key, kind_of

    return kind_key(kind) if kind else kind_of(profile.symbol)


def _next(args) -> int:
    from ..register.entry import Entry
    from ..register.rules import kind_key, kind_of, symbol_for_kind

    if args.plan:
        from ..io import load_plan
        from ..register.units import find_profile_for

        plan = load_plan(args.plan).plan
        profile = find_profile_for(plan)
        if profile is None:  # its unit has no register yet
            print(Entry(number=1, symbol=plan.header.symbol, regime=plan.regime).number_and_symbol())
            return 0
        kind = kind_key(args.kind) if args.kind else kind_of(plan.header.symbol) or kind_of(profile.symbol)
    else:
        profile = _unit(args)
        kind = _default_kind(profile, args.kind)
    _term_note(profile)
    with _open(profile) as book:
        number = book.next_number(args.date or _dt.date.today(), kind)
    symbol = symbol_for_kind(kind, profile.symbol)
    print(Entry(number=number, symbol=symbol, regime=profile.regime).number_and_symbol())
    return 0


def _take(args) -> int:
    from ..io import load_plan, save_plan
    from ..plan.edits import SetValue, apply_edit
    from ..register.actions import plan_entry, same_document, typed_number
    from ..register.book import NumberUsed
    from ..register.units import profile_for_plan

    plan = load_plan(args.plan).plan
    profile, created = profile_for_plan(plan)
    if created:
        print(f"Đã tạo hồ sơ đơn vị “{profile.name}” cho sổ văn bản đi.", file=sys.stderr)
    number = args.number or typed_number(plan)
    day = args.date or (_dt.date.fromisoformat(plan.header.date) if number and plan.header.date else None)
    numbered_file = (args.output or args.plan).resolve()  # the file that will carry the number
    entry = plan_entry(plan, file=str(numbered_file), day=day, source="cli")
    _term_note(profile)
    with _open(profile) as book:
        try:
            entry = book.take(entry, number)
        except NumberUsed as exc:
            if same_document(exc.entry, plan):
                print(f"Kế hoạch này đã vào sổ với số {exc.entry.number_and_symbol()}.")
                return 0
            print(f"Lỗi: {exc}", file=sys.stderr)
            return 1
    print(entry.number_and_symbol())
    if args.output:
        for path, value in (("header.number", entry.number_text), ("header.date", entry.date)):
            apply_edit(plan, SetValue(path, value))
        save_plan(plan, args.output)
        print(f"Đã ghi kế hoạch có số vào tệp {args.output}.", file=sys.stderr)
    return 0


def _release(args) -> int:
    from ..errors import KehoachError
    from ..register.entry import parse_number
    from ..register.rules import kind_of

    profile = _unit(args)
    parsed = parse_number(args.number)
    if parsed is None:
        raise KehoachError(f"“{args.number}” không phải là số văn bản (ví dụ 05 hoặc 05/KH-UBND).")
    number, symbol = parsed
    kind = _default_kind(profile, args.kind or (kind_of(symbol) if symbol else ""))
    with _open(profile) as book:
        entry = book.release(number, args.date or _dt.date.today(), kind)
    print(f"Đã bỏ số {entry.number_and_symbol()}; số này sẽ được cấp lại cho văn bản tiếp theo.")
    return 0


def _list(args) -> int:
    profile = _unit(args)
    with _open(profile) as book:
        entries = book.entries(year=args.year, kind=args.kind)
    if args.json:
        rows = [{"number": e.number, "symbol": e.symbol, "kind": e.kind, "date": e.date, "summary": e.summary,
                 "signer": e.signer, "recipients": e.recipients, "archive": e.archive, "copies": e.copies,
                 "note": e.note, "file": e.file} for e in entries]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif not entries:
        print("Sổ chưa có văn bản nào.")
    for e in [] if args.json else entries:
        print(f"{e.number_and_symbol():<16} {_dt.date.fromisoformat(e.date):%d/%m/%Y}  {e.title()}")
    return 0


def _export(args) -> int:
    from ..register.actions import export_file

    profile = _unit(args)
    year = args.year or _dt.date.today().year
    with _open(profile) as book:
        count = export_file(book, args.file, year=year, unit=profile.issuer or profile.name)
    print(f"Đã xuất {count} văn bản của năm {year} ra tệp {args.file}.")
    return 0


def _import(args) -> int:
    from ..register.actions import import_file

    profile = _unit(args)
    with _open(profile) as book:
        summary = import_file(book, args.file, default_symbol=profile.symbol)
        print(summary.message())
        kind = _default_kind(profile, "")
        print(f"Số tiếp theo: {book.next_number(_dt.date.today(), kind):02d}.")
    return 0


def _settings(args) -> int:
    from ..register.units import save_register_settings

    profile = _unit(args)
    if args.term_start or args.series:
        profile = save_register_settings(
            profile.name, term_start=args.term_start.isoformat() if args.term_start else None,
            series=None if args.series is None else "" if args.series == "default" else "kind")
    with _open(profile) as book:
        rule = book.rule
        terms = book.terms()
    print(f"Đơn vị: {profile.name}\nQuy tắc đánh số: {rule.source}"
          f"{'; mỗi loại văn bản một dãy số' if rule.per_kind else ''}.")
    if terms:
        print("Nhiệm kỳ bắt đầu: " + ", ".join(_dt.date.fromisoformat(t).strftime("%d/%m/%Y") for t in terms))
    return 0


def _restore(args) -> int:
    from ..errors import KehoachError
    from ..register.backup import is_sound, last_good_backup, restore_backup
    from ..register.units import register_path

    profile = _unit(args)
    path = register_path(profile.name)
    if path.exists() and is_sound(path):
        print("Sổ không bị hỏng; không cần khôi phục.")
        return 0
    backup = last_good_backup(path)
    if backup is None:
        raise KehoachError("Không có bản sao lưu tốt nào để khôi phục sổ.")
    kept = restore_backup(path, backup)
    print(f"Đã khôi phục sổ từ bản sao lưu “{backup.name}”; tệp hỏng được giữ lại: {kept.name}.")
    return 0


ACTIONS = {"next": _next, "take": _take, "release": _release, "list": _list, "export": _export,
           "import": _import, "settings": _settings, "restore": _restore}
