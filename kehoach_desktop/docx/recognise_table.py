"""Which tables of a hand-typed plan are the plan's own tables, and which are its layout.

Word plans put the header (issuer | motto, number | date) and the foot
("Nơi nhận" | signature) in borderless tables; those say so by their words
and stay header and foot. Any other table with at least two rows or two
columns is a table of the plan: its lines are folded into one ``Line`` that
carries the ``Table`` (``Line.grid``). In pasted text, two or more lines in a
row cut by tabs (or "|", made tabs on reading) into the same cells are a table.
"""
from __future__ import annotations

from ..plan.table import Cell, Table, layout
from ..plan.text import clean_line, fold
from .handtyped import Line
from .recognise_foot import is_position, is_recipients_title, parse_authority
from .recognise_header import motto_of, parse_date_line, parse_number_line


def is_layout_text(text: str) -> bool:
    """Words that only the header or the foot of a plan carries."""
    if not text:
        return False
    if is_recipients_title(text) or motto_of(text) or fold(text).replace(" ", "") == "kehoach":
        return True
    if parse_number_line(text) is not None:
        return True
    dated = parse_date_line(text)
    if dated is not None and dated[0]:  # "Hòa An, ngày …": a place before the date (a deadline has none)
        return True
    auth = parse_authority(text)
    if auth and len(text.split()) <= 12 and auth[1] == auth[1].upper():
        return True
    return is_position(text) and len(text.split()) <= 4


def is_plan_table(table: Table, lines: list[Line]) -> bool:
    grid = layout(table)
    if len(table.rows) < 2 and grid.columns < 2:
        return False  # a framed paragraph, not a table
    return not any(is_layout_text(line.text) for line in lines)


def _folded(lines: list[Line], table: Table) -> Line:
    """One line standing for the whole table (its text: the rows, for the heuristics that look)."""
    first = lines[0]
    text = " / ".join(" | ".join(c.text for c in row) for row in table.rows)
    line = Line(text[:500], bold=False, align="left", table=first.table, grid=table,
                landscape=first.landscape)
    line.blank_before = first.blank_before
    return line


def fold_tables(lines: list[Line], start: int = 0) -> list[Line]:
    """Lines with each plan table (from ``start`` on) replaced by one line carrying it."""
    out = list(lines[:start])
    i = start
    while i < len(lines):
        grid = lines[i].grid
        if grid is None:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].grid is grid:
            j += 1
        group = lines[i:j]
        if isinstance(grid, Table) and is_plan_table(grid, group):
            out.append(_folded(group, grid))
        else:
            for line in group:
                line.grid = None  # a layout table: its lines are read as before
            out.extend(group)
        i = j
    return out


def _cells(line: Line) -> list[str]:
    return [clean_line(c) for c in line.raw.strip("\n").split("\t")]


def _row(cells: list[str], width: int) -> list[Cell]:
    """A pasted row; one filled cell over a row of empty ones is a group heading (merged row)."""
    cells = cells + [""] * (width - len(cells))
    if width > 1 and cells[0] and not any(cells[1:]):
        return [Cell(cells[0], colspan=width)]
    return [Cell(c) for c in cells]


def text_tables(lines: list[Line], start: int = 0) -> list[Line]:
    """Pasted text: runs of two or more tab-cut lines (the first two alike) become tables."""
    out = list(lines[:start])
    i = start
    while i < len(lines):
        width = len(_cells(lines[i])) if "\t" in lines[i].raw else 0
        j = i
        while (j < len(lines) and "\t" in lines[j].raw and width >= 2 and len(_cells(lines[j])) <= width
               and not any(is_layout_text(c) for c in _cells(lines[j]))):
            j += 1  # (a header or foot line after the table, cut by tabs too, is not one of its rows)
        group = lines[i:j]
        if len(group) >= 2 and len(_cells(group[1])) == width:
            rows = [_row(_cells(ln), width) for ln in group]
            table = Table(rows=rows, header=1)
            out.append(_folded(group, table))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


__all__ = ["fold_tables", "text_tables", "is_layout_text", "is_plan_table"]
