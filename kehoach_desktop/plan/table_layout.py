"""How tables and appendices are printed: sizes, words and column widths (no Qt, no XML).

Shared by the DOCX writer and the preview, so that both lay a table out alike.
Official practice for tables in administrative documents: Times New Roman,
header row 13 pt bold centred, body cells 13 pt, single borders; an appendix
starts on a new page with "PHỤ LỤC", its trích yếu and "(Kèm theo …)".
"""
from __future__ import annotations

from dataclasses import dataclass

from .layout import TextStyle
from .numbering import roman
from .table import Appendix, Table, appendix_line, layout


@dataclass(frozen=True)
class TableRules:
    header_cell: TextStyle = TextStyle(13, bold=True, align="center")
    body_cell: TextStyle = TextStyle(13, align="left")
    group_cell: TextStyle = TextStyle(13, bold=True, align="left")  # a row merged into a heading
    cell_margin_mm: float = 1.5
    cell_space_pt: float = 2.0  # above and below each paragraph in a cell
    border_eighths: int = 4  # single 0.5 pt lines
    min_column_mm: float = 12.0
    short_row_chars: int = 500  # rows shorter than this never split across pages
    space_after_pt: float = 6.0  # between a table and what follows
    appendix_title: TextStyle = TextStyle(14, bold=True, align="center")
    appendix_summary: TextStyle = TextStyle(14, bold=True, align="center")
    appendix_source: TextStyle = TextStyle(14, italic=True, align="center")
    appendix_space_after_pt: float = 12.0


TABLE_RULES = TableRules()


def appendix_title(appendix: Appendix, index: int, count: int) -> str:
    """The title as printed: its own, else "PHỤ LỤC" (one appendix) or "PHỤ LỤC I", "PHỤ LỤC II"…"""
    if appendix.title.strip():
        return appendix.title.strip()
    return "PHỤ LỤC" if count == 1 else f"PHỤ LỤC {roman(index + 1)}"


def appendix_lines(plan, appendix: Appendix, index: int) -> tuple[str, str, str]:
    """(title, summary, "(Kèm theo …)") of an appendix."""
    return (appendix_title(appendix, index, len(plan.appendices)), appendix.summary.strip(),
            appendix_line(plan.header))


def _weight(texts: list[str]) -> float:
    """How much room a column wants: its longest word and its typical text length."""
    if not texts:
        return 4.0
    longest_word = max((len(w) for t in texts for w in t.split()), default=1)
    mean = sum(len(t) for t in texts) / len(texts)
    return max(longest_word * 0.6, 1.5, min(40.0, mean ** 0.75))


def column_fractions(table: Table) -> list[float]:
    """Relative widths summing to 1: the table's own, else measured from the content."""
    grid = layout(table)
    n = grid.columns
    if n == 0:
        return []
    if table.widths and len(table.widths) == n:
        total = float(sum(table.widths))
        return [w / total for w in table.widths]
    texts: list[list[str]] = [[] for _ in range(n)]
    for (r, i, top, left, rs, cs) in grid.placed:
        if cs == 1 and left < n:
            texts[left].append(" ".join(table.rows[r][i].text.split()))
    weights = [_weight(t) for t in texts]
    total = sum(weights)
    return [w / total for w in weights]


def column_widths(table: Table, available: float, rules: TableRules = TABLE_RULES,
                  mm_per_unit: float = 1.0) -> list[float]:
    """Column widths in the caller's unit, each at least ``min_column_mm``, summing to ``available``."""
    fractions = column_fractions(table)
    if not fractions:
        return []
    least = rules.min_column_mm / mm_per_unit
    widths = [max(least, f * available) for f in fractions]
    excess = sum(widths) - available
    if excess > 0:  # take it from the columns above the minimum, in proportion
        wide = [w - least for w in widths]
        room = sum(wide) or 1.0
        widths = [w - excess * (x / room) for w, x in zip(widths, wide)]
    return widths


def is_group_row(table: Table, r: int, columns: int) -> bool:
    """A body row that is one cell over the whole width: a group heading ("I. NHIỆM VỤ CHUNG")."""
    row = table.rows[r]
    return r >= table.header and len(row) == 1 and row[0].colspan >= columns > 1


def cell_style(table: Table, r: int, columns: int, rules: TableRules = TABLE_RULES) -> TextStyle:
    if r < table.header:
        return rules.header_cell
    if is_group_row(table, r, columns):
        return rules.group_cell
    return rules.body_cell


def centred_column(fraction: float, texts: list[str]) -> bool:
    """Narrow columns (TT, dates, numbers) are centred; text columns are left-aligned."""
    return fraction < 0.13 or all(len(t) <= 3 for t in texts if t)
