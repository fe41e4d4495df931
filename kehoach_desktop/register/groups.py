"""Recipient groups: named lists of Nơi nhận lines, kept per unit in its register. No Qt.

A unit without groups of its own is offered the bundled examples of its regime
(``resources/recipient_groups.json``, today's two-tier local government: province and
commune, no district). Lines are kept as typed, with their “(để báo cáo)” / “(để thực
hiện)”. Groups go to and come from Excel: one row per line, columns “Nhóm” and “Nơi nhận”.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import FileRejected
from ..plan.text import clean_line, fold_words, nfc_deep, same_text

RESOURCE = "recipient_groups.json"


@dataclass
class Group:
    name: str
    lines: list = field(default_factory=list)


def _resource() -> Path:
    from ..locations import resource_path

    return resource_path(RESOURCE)


@lru_cache(maxsize=1)
def _bundled() -> dict:
    try:
        return nfc_deep(json.loads(_resource().read_text("utf-8")))
    except (OSError, ValueError):
        return {}


def bundled_groups(regime: str) -> list[Group]:
    return [Group(g["name"], list(g["lines"])) for g in _bundled().get(regime, [])
            if isinstance(g, dict) and g.get("name")]


def clean_groups(groups: list[Group]) -> list[Group]:
    """Names trimmed and unique (same name: lines joined), lines trimmed, duplicates and blanks dropped."""
    out: list[Group] = []
    for g in groups:
        name = clean_line(g.name)
        if not name:
            continue
        target = next((o for o in out if same_text(o.name, name)), None)
        if target is None:
            target = Group(name, [])
            out.append(target)
        for line in g.lines:
            line = clean_line(line).lstrip("-–+• ").rstrip(";,.").strip()
            if line and not any(same_text(line, x) for x in target.lines):
                target.lines.append(line)
    return out


def lines_to_add(current: list[str], group: Group) -> list[str]:
    """The group's lines that the plan's Nơi nhận does not have yet."""
    return [line for line in group.lines if not any(same_text(line, c) for c in current)]


# ---- Excel ------------------------------------------------------------------------------
def dump_groups_xlsx(groups: list[Group]) -> bytes:
    from ..library.excel import _cell_text, _need_openpyxl

    openpyxl = _need_openpyxl()
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Nhóm nơi nhận"
    ws.append(["Nhóm", "Nơi nhận"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for g in groups:
        for line in g.lines:
            ws.append([_cell_text(g.name), _cell_text(line)])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 70
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def parse_groups_xlsx(data: bytes, *, name: str = "Tệp") -> list[Group]:
    from ..library.excel import read_workbook

    def read(wb):
        for ws in wb.worksheets:
            groups = _read(ws.iter_rows(values_only=True, max_row=20_000))
            if groups is not None:
                return clean_groups(groups)
        raise FileRejected(f"{name} không phải là bảng nhóm nơi nhận: cần một dòng tiêu đề có cột “Nhóm” và "
                           "cột “Nơi nhận”. Các nhóm chưa thay đổi gì.")

    return read_workbook(data, name, read)


def _read(rows) -> list[Group] | None:
    columns = None
    groups: list[Group] = []
    for n, row in enumerate(rows):
        if columns is None:
            if n >= 30:
                return None
            words = [" ".join(fold_words(str(v))) if v is not None else "" for v in row]
            if any(w.startswith("nhom") for w in words) and "noi nhan" in words:
                columns = (next(i for i, w in enumerate(words) if w.startswith("nhom")), words.index("noi nhan"))
            continue
        group_col, line_col = columns
        group = clean_line(str(row[group_col] or "")) if group_col < len(row) else ""
        line = clean_line(str(row[line_col] or "")) if line_col < len(row) else ""
        if line:
            if group or not groups:
                groups.append(Group(group or "Nhóm", []))
            groups[-1].lines.append(line)
    return groups if columns is not None else None
