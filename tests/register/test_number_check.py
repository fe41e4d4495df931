"""The validator warns when a hand-typed number is one the register gave to another document."""
from __future__ import annotations

from kehoach_desktop import storage
from kehoach_desktop.plan.model import Plan
from kehoach_desktop.plan.validate import validate
from kehoach_desktop.register.actions import plan_entry
from kehoach_desktop.register.units import open_register, profile_for_plan, register_path

from ..test_cli import complete_plan


def codes(plan) -> list[str]:
    return [p.code for p in validate(plan)]


def test_typed_number_used_by_another_document_is_a_warning_after_the_header():
    plan = Plan.from_dict(complete_plan())
    plan.header.number = ""
    assert "number-used" not in codes(plan)  # no profile, no register: nothing to say, nothing made
    assert storage.load_profiles() == []
    profile, _ = profile_for_plan(plan)
    with open_register(profile) as book:
        import datetime as dt

        taken = book.take(plan_entry(plan, day=dt.date(2026, 3, 2)))
    plan.header.number, plan.header.date = "01", "2026-03-02"
    assert "number-used" not in codes(plan)  # the register's row is this very plan
    other = Plan.from_dict(complete_plan())
    other.summary, other.header.number = "Kiểm tra an toàn thực phẩm", "1"
    problems = validate(other)
    used = [p for p in problems if p.code == "number-used"]
    assert len(used) == 1 and used[0].severity == "warning" and used[0].where == "header.number"
    assert "01/KH-UBND đã cấp ngày 02/03/2026" in used[0].message and "tiếp theo là 02" in used[0].message
    assert [p.code for p in problems].index("number-used") < [p.code for p in problems].index("missing-summary") \
        if "missing-summary" in codes(other) else True
    other.header.number = "2"
    assert "number-used" not in codes(other)
    assert taken.number == 1 and register_path(profile.name).exists()


def test_a_damaged_register_never_breaks_validation():
    plan = Plan.from_dict(complete_plan())
    profile, _ = profile_for_plan(plan)
    path = register_path(profile.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"broken" * 500)
    assert "number-used" not in codes(plan)
    assert path.read_bytes() == b"broken" * 500
