"""What the outline tree shows, computed from the plan (no Qt here).

One row per item of a section's content: sections with their live label
(from ``numbering.label``) and paragraphs, with their paths in the model.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...plan.edits import EditError, get_value, item_path
from ...plan.model import Section, walk_sections
from ...plan.numbering import label
from ...plan.table import Table

PREVIEW_CHARS = 140


@dataclass
class Row:
    path: str
    is_section: bool
    label: str  # "" for paragraphs
    text: str  # title or paragraph
    children: list = field(default_factory=list)

    @property
    def display(self) -> str:
        if self.is_section:
            title = self.text or "(chưa có tiêu đề)"
            return f"{self.label} {title}".strip()
        text = " ".join(self.text.split()) or "(đoạn trống)"
        return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def section_numbers(plan) -> dict[str, tuple]:
    """Path of every section → its numbers path, e.g. ``"sections[1].content[0]"`` → (2, 1)."""
    return {ref.where: ref.numbers for ref in walk_sections(plan.sections)}


def root_of(list_path: str) -> str | None:
    """``"sections[0].content"`` → ``"sections[0]"``; None when the list is not a section's content."""
    return list_path[: -len(".content")] if list_path.endswith(".content") else None


def build_rows(plan, list_path: str) -> list[Row]:
    """The rows of the list at ``list_path`` (recursively); [] when the path is gone."""
    try:
        items = get_value(plan, list_path)
    except EditError:
        return []
    if not isinstance(items, list):
        return []
    numbers = section_numbers(plan)
    return _rows(plan, items, list_path, numbers)


def _rows(plan, items: list, list_path: str, numbers: dict) -> list[Row]:
    rows = []
    for i, item in enumerate(items):
        path = item_path(list_path, i)
        if isinstance(item, Section):
            nums = numbers.get(path)
            text_label = label(plan.numbering, nums) if nums else ""
            row = Row(path, True, text_label, item.title)
            row.children = _rows(plan, item.content, f"{path}.content", numbers)
        elif isinstance(item, Table):
            row = Row(path, False, "", table_caption(item))
        else:
            row = Row(path, False, "", item)
        rows.append(row)
    return rows


def root_label(plan, list_path: str) -> str:
    root = root_of(list_path)
    nums = section_numbers(plan).get(root) if root else None
    return label(plan.numbering, nums) if nums else ""


def table_caption(table: Table) -> str:
    """How a table shows in the outline: "Bảng 5 dòng × 4 cột: TT | Nội dung | …"."""
    head = " | ".join(" ".join(c.text.split()) for c in table.rows[0]) if table.rows else ""
    columns = max((sum(c.colspan for c in row) for row in table.rows), default=0)
    return f"▦ Bảng {len(table.rows)} dòng × {columns} cột" + (f": {head}" if head else "")
