"""How the app presents the validator's problems (no Qt: the wizard needs it before any page).

``validate`` keeps the spec's codes and severities: on the command line an empty số or date
is an error (``missing-number``, ``missing-date``). In the app the Đơn vị step offers to
leave them empty for the văn thư, who numbers and dates the plan when it is issued; the
check step respects that choice and shows them as a notice, not as "Lỗi", and they do not
keep a step from its ✓. A step is ✓ only when its part is filled: no error in it, nothing
required missing, no empty section, no blank left to fill.
"""
from __future__ import annotations

ERROR, WARNING, NOTICE = "error", "warning", "notice"

# Left empty on purpose for the văn thư: the code and the field.
LEFT_FOR_CLERK = {"missing-number": "header.number", "missing-date": "header.date"}
NOTICE_MESSAGES = {
    "missing-number": "Số văn bản để trống: văn thư cấp số khi ban hành (trang in để chỗ trống). "
                      "Nếu đã có số, nhập ở bước Đơn vị.",
    "missing-date": "Ngày ban hành để trống: văn thư ghi ngày khi ban hành (trang in để chỗ trống). "
                    "Nếu đã có ngày, chọn ở bước Đơn vị.",
}
# Warnings that mean "this part is not written yet": its step keeps ○.
UNFILLED_CODES = frozenset({"empty-section", "blank-to-fill", "missing-preamble"})
PREFIX = {ERROR: "Lỗi", WARNING: "Nên xem lại", NOTICE: "Để văn thư"}
_RANK = {ERROR: 0, WARNING: 1, NOTICE: 2}


def shown_severity(problem) -> str:
    """"error", "warning" or "notice" (number and date left for the văn thư)."""
    return NOTICE if problem.code in LEFT_FOR_CLERK else problem.severity


def shown_message(problem) -> str:
    return NOTICE_MESSAGES.get(problem.code, problem.message) if shown_severity(problem) == NOTICE \
        else problem.message


def in_shown_order(problems) -> list:
    """Errors, then what to look at, then the notices; the page's order within each."""
    return sorted(problems, key=lambda p: _RANK.get(shown_severity(p), 1))


def shown_errors(problems) -> list:
    return [p for p in problems if shown_severity(p) == ERROR]


def summary_text(problems) -> str:
    """The line above the list: what is left to do, in words."""
    errors = len(shown_errors(problems))
    notices = [p for p in problems if shown_severity(p) == NOTICE]
    warnings = len(problems) - errors - len(notices)
    if errors or warnings:
        parts = [f"còn {errors} lỗi cần sửa"] if errors else ["không còn lỗi"]
        if warnings:
            parts.append(f"{warnings} điều nên xem lại")
        text = f"Kế hoạch {' và '.join(parts)}. Bấm vào một dòng để đến chỗ cần sửa."
    else:
        text = "Kế hoạch đã đủ các phần và đúng thể thức. Có thể lưu và in."
    if notices:
        left = " và ".join(("số" if p.code == "missing-number" else "ngày ban hành") for p in notices)
        text += f" {left[0].upper()}{left[1:]} để trống cho văn thư cấp khi ban hành."
    return text


def step_done(spec, plan, problems) -> bool:
    """✓ for a step (not the check step): its part is filled and nothing in it needs fixing."""
    missing = [path for path in spec.missing_required(plan) if path not in LEFT_FOR_CLERK.values()]
    if missing:
        return False
    if any(spec.owns(p.where) for p in problems
           if shown_severity(p) == ERROR or p.code in UNFILLED_CODES):
        return False
    if spec.section_index is not None and spec.section_index < len(plan.sections):
        return has_text(plan.sections[spec.section_index])
    return True


def has_text(section) -> bool:
    """Some paragraph somewhere in the section; a numbered paragraph ("plain") counts by its title."""
    if section.is_plain and section.title.strip():
        return True
    return any(item.strip() if isinstance(item, str) else has_text(item) for item in section.content)
