"""The validator's view of today's structure: warnings for a plan dated from 1 July 2025 on.

``district-body``: a district-level body named as superior, issuer, recipient or actor.
``old-unit``: an old commune or province as issuer, superior, place or recipient.
Cited documents are history and never flagged; neither is an old name in the body text
("trước đây là xã …"). Each message names the successor where the mapping gives one.
"""
from __future__ import annotations

import datetime as _dt

TWO_TIERS_FROM = _dt.date(2025, 7, 1)
_WHERE = {"header.superior": "cơ quan cấp trên", "header.issuer": "cơ quan ban hành", "header.place": "địa danh"}
_STEP = {"header": "ở bước Đơn vị", "recipients": "ở bước Nơi nhận"}


def applies_to(plan) -> bool:
    """Dated from 1 July 2025 on; undated: rolled over to, or mostly about, 2025 or later."""
    from ..plan.numbering import parse_date
    from ..plan.rollover import plan_year, rolled_over_to

    day = parse_date(getattr(plan.header, "date", "") or "")
    if day is not None:
        return day >= TWO_TIERS_FROM
    year = rolled_over_to(plan) or plan_year(plan)
    return year is None or year >= TWO_TIERS_FROM.year


def check_units(plan, rules=None):
    """Warnings (``Problem``) for district bodies and old units in a plan of the two-tier era."""
    from ..plan.validate import problem
    from .mentions import (KIND_DISTRICT_BODY, KIND_OLD_PROVINCE, KIND_OLD_UNIT, PART_CITED, PART_DUTIES, PART_TEXT,
                           find_unit_mentions)

    plan = _well_formed(plan)
    if plan is None or not applies_to(plan):
        return []
    problems = []
    for m in find_unit_mentions(plan):
        if m.part == PART_CITED:
            continue
        step = _STEP.get(m.where.split(".")[0].split("[")[0], "")
        what = _WHERE.get(m.where, "nơi nhận" if m.where.startswith("recipients") else "")
        if m.kind == KIND_DISTRICT_BODY:
            proposal = _proposal(m)
            problems.append(problem("district-body", m.where,
                                    f"Từ 01/7/2025 không còn cấp huyện: “{m.text}” không còn"
                                    f"{' (' + what + ')' if what else ''}.{proposal} Sửa {step or 'chỗ này'}."))
        elif m.kind in (KIND_OLD_UNIT, KIND_OLD_PROVINCE) and m.part not in (PART_DUTIES, PART_TEXT):
            problems.append(problem("old-unit", m.where, f"{m.reason} Sửa {step or 'chỗ này'}."))
    return problems


def _well_formed(plan):
    """The plan as the model reads it (strings everywhere), or None for a hand-built odd value."""
    from ..plan.model import Plan

    try:
        return Plan.from_dict(plan.to_dict())
    except Exception:  # noqa: BLE001 - the validator never raises on a Plan
        return None


def _proposal(mention) -> str:
    names = [o.text for o in mention.options if o.text]
    if not names:
        return " Bỏ khỏi Nơi nhận." if any(o.remove for o in mention.options) else ""
    return " Có thể thay bằng: " + "; ".join(f"“{n}”" for n in names) + "."
