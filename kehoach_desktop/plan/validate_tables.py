"""Checks of the plan's tables and appendices (registered in ``validate_rules.CHECKS``).

A broken table (ragged rows once spans are placed, a span past the edge, no
rows), an empty row or column, an empty appendix, and a deadline in a time
column that falls before the plan's own date. All are warnings: the plan
still prints, but the user should look.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re

from .model import Section
from .numbering import parse_date
from .table import Table, layout
from .text import fold
from .validate import SEVERITY, WARNING, Problem
from ..lazy_regex import lazy_compile

CODES = ("empty-table", "table-shape", "empty-table-row", "empty-table-column", "deadline-before-date",
         "empty-appendix")
SEVERITY.update({code: WARNING for code in CODES})

_TIME_HEADERS = ("thoi gian", "thoi han", "hoan thanh", "tien do", "ngay")
_DAY = lazy_compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})\b")
_MONTH = lazy_compile(r"\bth[aá]ng\s+(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})\b", re.IGNORECASE)
_MONTH_OF = lazy_compile(r"\bth[aá]ng\s+(\d{1,2})\s+n[aă]m\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_QUARTER = lazy_compile(r"\bqu[ýy]\s+(I{1,3}|IV|[1-4])\s*[/.-]?\s*(?:n[aă]m\s+)?((?:19|20)\d{2})\b", re.IGNORECASE)
_YEAR = lazy_compile(r"\bn[aă]m\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month_end(year: int, month: int) -> _dt.date | None:
    if not 1 <= month <= 12:
        return None
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def latest_day(text: str) -> _dt.date | None:
    """The last day a time cell allows: "15/4/2027", "Tháng 3/2027", "Quý II/2027", "năm 2027"."""
    days = []
    for m in _DAY.finditer(text):
        try:
            days.append(_dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
        except ValueError:
            continue
    for pattern in (_MONTH, _MONTH_OF):
        for m in pattern.finditer(text):
            end = _month_end(int(m.group(2)), int(m.group(1)))
            if end:
                days.append(end)
    for m in _QUARTER.finditer(text):
        q = _QUARTERS.get(m.group(1).upper())
        if q:
            days.append(_month_end(int(m.group(2)), q * 3))
    if not days:
        for m in _YEAR.finditer(text):
            days.append(_dt.date(int(m.group(1)), 12, 31))
    return max(days) if days else None


def content_tables(items: list, where: str):
    """(key path, table) of every table in a content list, sections included."""
    for i, item in enumerate(items if isinstance(items, list) else []):
        path = f"{where}[{i}]"
        if isinstance(item, Table):
            yield path, item
        elif isinstance(item, Section):
            yield from content_tables(item.content, f"{path}.content")


def plan_tables(plan):
    yield from content_tables(getattr(plan, "sections", []), "sections")
    for i, appendix in enumerate(getattr(plan, "appendices", None) or []):
        yield from content_tables(appendix.content, f"appendices[{i}].content")


def _warn(code: str, where: str, message: str) -> Problem:
    return Problem(code, WARNING, where, message)


def _time_columns(table: Table, grid) -> set:
    cols = set()
    for (r, i, top, left, rs, cs) in grid.placed:
        if r < max(1, table.header) and cs == 1 and any(w in fold(table.rows[r][i].text) for w in _TIME_HEADERS):
            cols.add(left)
    return cols


def _check_table(table: Table, where: str, plan_day: _dt.date | None):
    if not table.rows or not any(c.text.strip() for _, _, c in table.texts()):
        yield _warn("empty-table", where, "Bảng chưa có nội dung. Thêm các dòng của bảng, hoặc xóa bảng.")
        return
    grid = layout(table)
    if grid.ragged or grid.past_edge:
        rows = sorted({r + 1 for r in grid.ragged} | {r + 1 for r, _ in grid.past_edge})
        listed = ", ".join(str(r) for r in rows[:5])
        yield _warn("table-shape", where,
                    f"Bảng có dòng thừa hoặc thiếu ô (dòng {listed}): các ô gộp vượt ra ngoài bảng "
                    "hoặc số ô không đều. Sửa lại các dòng đó trong bảng.")
    for r, row in enumerate(table.rows):
        if row and not any(c.text.strip() for c in row):
            yield _warn("empty-table-row", f"{where}.rows[{r}]",
                        f"Dòng {r + 1} của bảng để trống. Điền nội dung hoặc xóa dòng.")
    filled = {left + k for (r, i, top, left, rs, cs) in grid.placed if table.rows[r][i].text.strip()
              for k in range(cs)}
    for col in range(grid.columns):
        if col not in filled:
            yield _warn("empty-table-column", where,
                        f"Cột {col + 1} của bảng để trống. Điền nội dung hoặc xóa cột.")
    if plan_day is None:
        return
    times = _time_columns(table, grid)
    for (r, i, top, left, rs, cs) in grid.placed:
        if r < table.header or left not in times:
            continue
        text = table.rows[r][i].text
        day = latest_day(text)
        if day and day < plan_day:
            yield _warn("deadline-before-date", f"{where}.rows[{r}][{i}].text",
                        f"Thời hạn “{' '.join(text.split())[:40]}” ở dòng {r + 1} của bảng đã qua trước "
                        f"ngày ban hành kế hoạch ({plan_day.day:02d}/{plan_day.month:02d}/{plan_day.year}). "
                        "Sửa thời hạn cho đúng năm của kế hoạch.")


def check_tables(plan, rules):
    """Problems of every table, then of every appendix, in page order."""
    plan_day = parse_date(getattr(getattr(plan, "header", None), "date", "") or "")
    for where, table in plan_tables(plan):
        yield from _check_table(table, where, plan_day)
    for i, appendix in enumerate(getattr(plan, "appendices", None) or []):
        if not appendix.content:
            yield _warn("empty-appendix", f"appendices[{i}]",
                        f"Phụ lục “{appendix.title or i + 1}” chưa có nội dung. Thêm bảng hoặc đoạn văn "
                        "ở bước Phụ lục, hoặc xóa phụ lục.")
