"""Validator rule: a number typed by hand that the unit's register already gave to another document.

Registered in ``plan/validate_rules.CHECKS``. Reads the register only when the plan has
a typed number, its unit has a profile and the register file exists; never raises and
never creates anything (validation runs after each edit, and from ``validate``).
"""
from __future__ import annotations

import datetime as _dt


def check_number_used(plan, rules):
    try:
        return list(_problems(plan))
    except Exception:  # noqa: BLE001 - a register that cannot be read is reported where it is opened
        return []


def typed_number(plan) -> int | None:
    """The number typed in the plan's header, when it is a number."""
    text = plan.header.number.strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def _problems(plan):
    number = typed_number(plan)
    if number is None:
        return  # nothing to look up: the register code (and sqlite) is not even imported
    if not _any_register():
        return  # no register kept on this machine: the profiles are not even read
    from .units import find_profile_for, register_path

    profile = find_profile_for(plan)
    if profile is None or not register_path(profile.name).exists():
        return
    from ..plan.validate import problem
    from .actions import same_document
    from .rules import kind_of
    from .units import open_register

    try:
        day = _dt.date.fromisoformat(plan.header.date)
    except ValueError:
        day = _dt.date.today()
    with open_register(profile) as book:
        held = book.holder(number, day, kind_of(plan.header.symbol) or kind_of(profile.symbol))
        free = book.next_number(day, kind_of(plan.header.symbol) or kind_of(profile.symbol))
    if held is None or same_document(held, plan):
        return
    yield problem("number-used", "header.number",
                  f"Số {held.number_and_symbol()} đã cấp ngày {held.day:%d/%m/%Y} cho “{_short(held.title())}”"
                  f" trong sổ văn bản đi. Số còn trống tiếp theo là {free:02d}; sửa số ở bước Đơn vị, "
                  "hoặc dùng “Cấp số và vào sổ” ở bước Kiểm tra và lưu.")


def _any_register() -> bool:
    from ..userdata import data_dir
    from . import REGISTERS_DIR

    folder = data_dir() / REGISTERS_DIR
    return folder.is_dir() and any(folder.glob("*.sqlite3"))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
