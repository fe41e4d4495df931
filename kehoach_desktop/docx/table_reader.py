"""A hand-typed table's XML → the plan's ``Table``: spans, header rows, numbered cells.

Merged cells are read as Word writes them: ``w:gridSpan`` is a colspan, and a
cell with ``w:vMerge`` (not "restart") continues the cell above, whose
rowspan grows; covered cells are left out of their row, as the format wants.
Header rows are the rows marked ``w:tblHeader``, else a bold first row above
rows that are not bold. A cell numbered by Word (the TT column) shows its
number. Nested tables are flattened into their cell, one paragraph per line.
"""
from __future__ import annotations

from ..plan.table import Cell, Table
from ..lazy_regex import lazy_compile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLET = lazy_compile(r"^[-+•*–—]")


def is_landscape(sect_pr) -> bool:
    size = sect_pr.find(W + "pgSz")
    if size is None:
        return False
    if size.get(W + "orient") == "landscape":
        return True
    try:
        return int(size.get(W + "w") or 0) > int(size.get(W + "h") or 0) > 0
    except ValueError:
        return False


def _int(value, default: int = 1) -> int:
    return int(value) if value and value.isdigit() else default


def cell_text(lines: list) -> tuple[str, bool | None]:
    """The cell's paragraphs joined by a line break, and whether its text is bold (None when empty).

    A table nested in the cell gives one paragraph per row, its cells joined by " - "
    ("Trưởng ban - Chủ tịch UBND xã").
    """
    parts, bolds, rows = [], [], []  # rows: the nested (table, row, cell) of each part, or None
    for line in lines:
        label = line.num_label
        if not line.text:
            if label and not _BULLET.match(label):
                parts.append(label.rstrip(".)"))  # an auto-numbered TT cell: "1." shows as "1"
                rows.append(None)
            continue
        text = f"{label} {line.text}" if label else line.text
        nested = getattr(line, "nested", None)
        if nested and rows and rows[-1] and rows[-1][:2] == nested[:2]:  # same nested row
            parts[-1] += (" " if rows[-1] == nested else " - ") + text
            rows[-1] = nested
        else:
            parts.append(text)
            rows.append(nested)
        bolds.append(bool(line.bold))
    return "\n".join(parts), (all(bolds) if bolds else None)


class GridBuilder:
    """Collects the rows of one top-level table while the reader reads its cells."""

    def __init__(self):
        self.rows: list[list[Cell]] = []
        self.bold_rows: list[list] = []
        self.marked_header: list[bool] = []
        self.origin: dict = {}  # grid column -> the cell a vMerge continues
        self.col = 0

    def start_row(self, tr) -> None:
        pr = tr.find(W + "trPr")
        header = pr is not None and pr.find(W + "tblHeader") is not None and \
            pr.find(W + "tblHeader").get(W + "val") not in ("0", "false", "off")
        before = pr.find(W + "gridBefore") if pr is not None else None
        self.col = _int(before.get(W + "val"), 0) if before is not None else 0
        self.rows.append([])
        self.bold_rows.append([])
        self.marked_header.append(header)

    def add_cell(self, tc, lines: list) -> None:
        pr = tc.find(W + "tcPr")
        span, merge = 1, None
        if pr is not None:
            gs = pr.find(W + "gridSpan")
            span = max(1, _int(gs.get(W + "val"))) if gs is not None else 1
            vm = pr.find(W + "vMerge")
            if vm is not None:
                merge = "restart" if vm.get(W + "val") == "restart" else "continue"
        col = self.col
        self.col += span
        if merge == "continue" and col in self.origin:
            self.origin[col].rowspan += 1
            return
        text, bold = cell_text(lines)
        cell = Cell(text, colspan=span)
        if merge == "restart":
            self.origin[col] = cell
        else:
            self.origin.pop(col, None)
        self.rows[-1].append(cell)
        self.bold_rows[-1].append(bold)

    def table(self) -> Table:
        rows = [r for r in self.rows]
        header = 0
        while header < len(rows) and self.marked_header[header]:
            header += 1
        if not header and len(rows) >= 2:
            first = [b for b in self.bold_rows[0] if b is not None]
            rest = [b for row in self.bold_rows[1:] for b in row if b is not None]
            if first and all(first) and not all(rest or [True]):
                header = 1
        return Table(rows=rows, header=header)
