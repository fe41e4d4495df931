"""Edits of a table as data (no Qt): rows, columns, group headings, pasted blocks.

Each operation takes a ``Table`` and returns a new one (or None when it does
not apply, e.g. moving a row that a merged cell holds to its neighbour); the
caller applies ``SetValue(table_path, new_table)`` through the undo stack, so
one user action is one undo step. Work happens on a dense grid where every
position is either a cell's origin (its text) or covered by a span (None).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from .table import Cell, Table, layout
from .text import nfc


@dataclass
class Dense:
    texts: list  # [row][col] -> str, or None where a span covers the position
    spans: dict = field(default_factory=dict)  # (row, col) origin -> (rowspan, colspan)
    extras: dict = field(default_factory=dict)  # (row, col) origin -> the cell's unknown keys

    @property
    def rows(self) -> int:
        return len(self.texts)

    @property
    def cols(self) -> int:
        return len(self.texts[0]) if self.texts else 0

    def transposed(self) -> "Dense":
        texts = [list(col) for col in zip(*self.texts)] if self.texts else []
        return Dense(texts, {(c, r): (cs, rs) for (r, c), (rs, cs) in self.spans.items()},
                     {(c, r): e for (r, c), e in self.extras.items()})


def dense(table: Table) -> Dense:
    grid = layout(table)
    nrows = len(table.rows)
    ncols = max([grid.columns] + [left + cs for (_, _, _, left, _, cs) in grid.placed])
    texts: list = [[""] * ncols for _ in range(nrows)]
    out = Dense(texts)
    for (r, i, top, left, rs, cs) in grid.placed:
        if texts[top][left] is None:
            continue  # overlapping spans of a broken table: the first wins
        cell = table.rows[r][i]
        texts[top][left] = cell.text
        if rs > 1 or cs > 1:
            out.spans[(top, left)] = (rs, cs)
            for dr in range(rs):
                for dc in range(cs):
                    if dr or dc:
                        texts[top + dr][left + dc] = None
        if cell.extra:
            out.extras[(top, left)] = dict(cell.extra)
    return out


def to_table(d: Dense, like: Table, widths: list | None = None) -> Table:
    rows = []
    for r, row in enumerate(d.texts):
        cells = []
        for c, text in enumerate(row):
            if text is None:
                continue
            rs, cs = d.spans.get((r, c), (1, 1))
            cells.append(Cell(nfc(text), cs, rs, dict(d.extras.get((r, c), {}))))
        rows.append(cells)
    return Table(rows=rows, header=min(like.header, len(rows)), widths=widths,
                 extra=dict(like.extra), item_extra=dict(like.item_extra))


def _insert_row(d: Dense, at: int, grow_edge: bool = False) -> Dense:
    """A new empty row (or, transposed, column) at ``at``; with ``grow_edge`` a span over the whole
    table (a group heading, transposed) grows to cover a row added at the end."""
    at = max(0, min(at, d.rows))
    new_row: list = [""] * d.cols
    spans, extras = {}, {}
    for (t, l), (rs, cs) in d.spans.items():
        if t < at < t + rs or grow_edge and t == 0 and t + rs == at == d.rows:
            rs += 1
            for c in range(l, l + cs):
                new_row[c] = None
        spans[(t + (t >= at), l)] = (rs, cs)
    for (t, l), e in d.extras.items():
        extras[(t + (t >= at), l)] = e
    texts = d.texts[:at] + [new_row] + d.texts[at:]
    return Dense(texts, spans, extras)


def _remove_row(d: Dense, r: int) -> Dense:
    texts = [list(row) for row in d.texts]
    spans, extras = {}, {}
    for (t, l), (rs, cs) in d.spans.items():
        if t == r and rs > 1:  # the cell starts here and goes on below: it moves down
            texts[r + 1][l] = texts[r][l]
            spans[(r, l)] = (rs - 1, cs)
            if (t, l) in d.extras:
                extras[(r, l)] = d.extras[(t, l)]
        elif t == r:
            continue
        elif t < r < t + rs:
            spans[(t, l)] = (rs - 1, cs)
        else:
            spans[(t - (t > r), l)] = (rs, cs)
    for (t, l), e in d.extras.items():
        if t != r:
            extras[(t - (t > r), l)] = e
    del texts[r]
    return Dense(texts, {k: v for k, v in spans.items() if v != (1, 1)}, extras)


def _rows_free(d: Dense, rows: set) -> bool:
    """No cell merged down touches these rows (they can move or merge freely)."""
    return not any(rs > 1 and any(t <= r < t + rs for r in rows) for (t, _), (rs, _) in d.spans.items())


def _widths(table: Table, insert: int | None = None, remove: int | None = None) -> list | None:
    if not table.widths:
        return None
    widths = list(table.widths)
    if insert is not None:
        widths.insert(min(insert, len(widths)), round(sum(widths) / len(widths), 2))
    if remove is not None and remove < len(widths) and len(widths) > 1:
        widths.pop(remove)
    return widths


# ---- the operations ---------------------------------------------------------------------
def new_table(header: list[str] | None = None, body_rows: int = 2, columns: int = 3) -> Table:
    head = list(header) if header else [""] * columns
    rows = [[Cell(t) for t in head]] + [[Cell("") for _ in head] for _ in range(body_rows)]
    return Table(rows=rows, header=1)


def insert_row(table: Table, at: int) -> Table:
    d = dense(table)
    if not d.cols:
        return new_table(body_rows=0)
    t = to_table(_insert_row(d, at), table, table.widths and list(table.widths))
    if at < table.header:
        t.header = table.header + 1
    return t


def remove_row(table: Table, r: int) -> Table | None:
    d = dense(table)
    if not 0 <= r < d.rows:
        return None
    t = to_table(_remove_row(d, r), table, table.widths and list(table.widths))
    t.header = table.header - 1 if r < table.header else min(table.header, len(t.rows))
    return t


def insert_column(table: Table, at: int) -> Table:
    d = dense(table)
    if not d.rows:
        return new_table(body_rows=0, columns=1)
    return to_table(_insert_row(d.transposed(), at, grow_edge=True).transposed(), table,
                    _widths(table, insert=at))


def remove_column(table: Table, c: int) -> Table | None:
    d = dense(table)
    if not 0 <= c < d.cols or d.cols == 1:
        return None
    return to_table(_remove_row(d.transposed(), c).transposed(), table, _widths(table, remove=c))


def move_row(table: Table, r: int, step: int) -> Table | None:
    """Swap row ``r`` with its neighbour (``step`` -1 up, +1 down); header rows stay on top."""
    d = dense(table)
    other = r + step
    if not (0 <= r < d.rows and 0 <= other < d.rows) or (r < table.header) != (other < table.header):
        return None
    if not _rows_free(d, {r, other}):
        return None
    texts = [list(row) for row in d.texts]
    texts[r], texts[other] = texts[other], texts[r]
    swap = {r: other, other: r}
    spans = {(swap.get(t, t), l): v for (t, l), v in d.spans.items()}
    extras = {(swap.get(t, t), l): v for (t, l), v in d.extras.items()}
    return to_table(Dense(texts, spans, extras), table, table.widths and list(table.widths))


def merge_row(table: Table, r: int) -> Table | None:
    """Make row ``r`` one cell over the whole width: a group heading ("I. NHIỆM VỤ CHUNG")."""
    d = dense(table)
    if not 0 <= r < d.rows or d.cols < 2 or not _rows_free(d, {r}):
        return None
    text = " ".join(t.strip() for t in d.texts[r] if t and t.strip())
    d.texts[r] = [text] + [None] * (d.cols - 1)
    d.spans = {k: v for k, v in d.spans.items() if k[0] != r}
    d.spans[(r, 0)] = (1, d.cols)
    return to_table(d, table, table.widths and list(table.widths))


def split_row(table: Table, r: int) -> Table | None:
    """Undo a merge across row ``r``: every position becomes its own cell again."""
    d = dense(table)
    if not 0 <= r < d.rows or not any(t == r and cs > 1 and rs == 1 for (t, _), (rs, cs) in d.spans.items()):
        return None
    d.texts[r] = [t if t is not None else "" for t in d.texts[r]]
    d.spans = {k: v for k, v in d.spans.items() if k[0] != r or v[0] > 1}
    return to_table(d, table, table.widths and list(table.widths))


def set_header(table: Table, count: int) -> Table:
    t = table.copy()
    t.header = max(0, min(count, len(t.rows)))
    return t


def parse_block(text: str) -> list[list[str]]:
    """A block copied from Excel or Word (tab-separated, quoted cells may hold line breaks), or "|" rows."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    if not text:
        return []
    if "\t" not in text and "|" in text:
        rows = []
        for line in text.split("\n"):
            line = line.strip().strip("|")
            if line.strip() and set(line.replace("|", "").strip()) - set("-: "):
                rows.append([c.strip() for c in line.split("|")])
        return rows
    reader = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')
    return [[c.strip() for c in row] for row in reader]


def paste_block(table: Table, r: int, c: int, block: list[list[str]]) -> Table:
    """Write the block from cell (r, c) on, adding rows and columns as needed; merged cells keep theirs."""
    d = dense(table)
    widths = table.widths and list(table.widths)
    if not block:
        return table.copy()
    need_cols = c + max(len(row) for row in block)
    while d.cols < need_cols:
        d = _insert_row(d.transposed(), d.cols, grow_edge=True).transposed() if d.rows else Dense([[""]])
        widths = widths and _widths(Table(widths=widths), insert=len(widths))
    while d.rows < r + len(block):
        d = _insert_row(d, d.rows)
    for i, row in enumerate(block):
        for j, text in enumerate(row):
            if d.texts[r + i][c + j] is not None:
                d.texts[r + i][c + j] = text
    t = to_table(d, table, widths)
    if not table.rows:
        t.header = 1
    return t


def position(table: Table, r: int, c: int) -> tuple[int, int] | None:
    """(row, index in row) of the cell shown at grid position (r, c), following spans to their origin."""
    return layout(table).owner.get((r, c))
