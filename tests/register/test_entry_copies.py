"""The register's "Số lượng bản": the plan's own count, else what the print preview proposes."""
from __future__ import annotations

from kehoach_desktop.plan.model import Plan
from kehoach_desktop.register.entry import entry_from_plan


def _plan(recipients, copies=None) -> Plan:
    plan = Plan.from_dict({"format": "kehoach", "version": 1, "regime": "state", "recipients": recipients})
    plan.copies = copies
    return plan


def test_copies_proposed_from_the_recipients_when_the_plan_sets_none():
    entry = entry_from_plan(_plan(["UBND tỉnh (để báo cáo)", "Các thôn", "Lưu: VT, VHXH"]))
    assert entry.copies == "4"  # two recipients, and the archive line names two units


def test_the_plans_own_count_wins():
    assert entry_from_plan(_plan(["Các thôn", "Lưu: VT"], copies=30)).copies == "30"


def test_no_recipients_no_count():
    assert entry_from_plan(_plan([])).copies == ""
