"""Tables and appendices of a plan (``plan-format.md``, "Tables and appendices").

A table is an item of any content list: ``{"table": {"header", "rows", "widths"}}``.
A cell is a string (paragraphs separated by "\\n") or ``{"text", "colspan", "rowspan"}``;
a cell covered by a span is left out of its row. Reading never fails on a table
that breaks those rules (ragged rows, a span past the edge, no rows): ``layout``
says what is wrong and the validator reports it. Unknown keys are kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text import nfc, nfc_deep

CELL_KEYS = ("text", "colspan", "rowspan")
TABLE_KEYS = ("header", "rows", "widths")


def _text(value: Any) -> str:
    """A cell's text; a number is written as typed, anything else that is not text reads as empty."""
    ok = isinstance(value, (str, int, float)) and not isinstance(value, bool)
    return nfc(str(value)) if ok else ""


def _span(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 1
    return max(1, int(value))


def _extra(data: dict, known: tuple) -> dict:
    return {nfc(k): nfc_deep(v) for k, v in data.items() if k not in known}


@dataclass
class Cell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_json(cls, value: Any) -> "Cell":
        if isinstance(value, dict):
            return cls(_text(value.get("text")), _span(value.get("colspan")), _span(value.get("rowspan")),
                       _extra(value, CELL_KEYS))
        return cls(_text(value))

    def to_json(self):
        if self.colspan == 1 and self.rowspan == 1 and not self.extra:
            return self.text
        out: dict = {"text": self.text}
        if self.colspan != 1:
            out["colspan"] = self.colspan
        if self.rowspan != 1:
            out["rowspan"] = self.rowspan
        out.update(self.extra)
        return out

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class Table:
    rows: list = field(default_factory=list)  # list[list[Cell]]
    header: int = 1  # how many rows are the header (repeated on each page)
    widths: list | None = None  # relative column widths, or None (from the content)
    extra: dict = field(default_factory=dict)  # unknown keys inside "table"
    item_extra: dict = field(default_factory=dict)  # unknown keys beside "table"

    @classmethod
    def from_dict(cls, data: dict, where: str = "") -> "Table":
        raw = data.get("table")
        body = raw if isinstance(raw, dict) else {}
        rows = []
        for row in body.get("rows") if isinstance(body.get("rows"), list) else []:
            cells = row if isinstance(row, list) else [row]
            rows.append([Cell.from_json(c) for c in cells])
        header = body.get("header", 1)
        header = header if isinstance(header, int) and not isinstance(header, bool) and header >= 0 else 1
        widths = body.get("widths")
        if isinstance(widths, list) and widths and all(
                isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 for w in widths):
            widths = list(widths)
        else:
            widths = None
        extra = _extra(body, TABLE_KEYS)
        if not isinstance(raw, dict) and raw is not None:
            extra["_unreadable"] = nfc_deep(raw)  # kept, so that writing back loses nothing
        return cls(rows, header, widths, extra, _extra(data, ("table",)))

    def to_dict(self) -> dict:
        body: dict = {"header": self.header, "rows": [[c.to_json() for c in row] for row in self.rows]}
        if self.widths:
            body["widths"] = list(self.widths)
        body.update(self.extra)
        out = {"table": body}
        out.update(self.item_extra)
        return out

    def copy(self) -> "Table":
        return Table.from_dict(self.to_dict())

    @property
    def columns(self) -> int:
        return layout(self).columns

    def texts(self):
        """(row, index in row, cell) of every cell, in reading order."""
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                yield r, c, cell


@dataclass
class Grid:
    """Where each cell stands once spans are placed, and what breaks the rules."""

    columns: int
    placed: list  # (row, index in row, top, left, rowspan, colspan) per cell
    owner: dict  # (grid row, grid col) -> (row, index in row)
    ragged: list  # rows whose width differs from the table's
    past_edge: list  # (row, index) of cells whose span runs past the last row or column


def layout(table: Table) -> Grid:
    """Place the cells as HTML does: each cell takes the first free column of its row."""
    owner: dict = {}
    placed = []
    widths_by_row: dict = {}
    past_edge = []
    nrows = len(table.rows)
    for r, row in enumerate(table.rows):
        col = 0
        for i, cell in enumerate(row):
            while (r, col) in owner:
                col += 1
            rowspan = min(cell.rowspan, max(1, nrows - r))
            if cell.rowspan > nrows - r:
                past_edge.append((r, i))
            for dr in range(rowspan):
                for dc in range(cell.colspan):
                    owner[(r + dr, col + dc)] = (r, i)
            placed.append((r, i, r, col, rowspan, cell.colspan))
            col += cell.colspan
    for (gr, gc) in owner:
        widths_by_row[gr] = max(widths_by_row.get(gr, 0), gc + 1)
    columns = len(table.widths) if table.widths else max(widths_by_row.values(), default=0)
    ragged = []
    for r in range(nrows):
        filled = sum(1 for c in range(max(columns, widths_by_row.get(r, 0))) if (r, c) in owner)
        if filled != columns:
            ragged.append(r)
    if table.widths:
        for (r, i, top, left, rs, cs) in placed:
            if left + cs > columns:
                past_edge.append((r, i))
    return Grid(columns, placed, owner, ragged, past_edge)


def is_table(item) -> bool:
    return isinstance(item, Table)


def table_item(data: Any) -> bool:
    """A content item in JSON that is a table (not a section)."""
    return isinstance(data, dict) and "table" in data and "title" not in data and "content" not in data


def cell_paths(table: Table, where: str):
    """(key path, text) of every cell: ``where.rows[r][c].text``."""
    for r, c, cell in table.texts():
        yield f"{where}.rows[{r}][{c}].text", cell.text


def plain_text(table: Table) -> list[str]:
    """Each row as one line, cells joined by " | " (for notes and searching)."""
    return [" | ".join(c.text.replace("\n", " ") for c in row) for row in table.rows]


def from_grid(texts: list[list[str]], header: int = 1) -> Table:
    """A table of plain cells from rows of text (a pasted block)."""
    return Table(rows=[[Cell(nfc(t)) for t in row] for row in texts], header=header)


@dataclass
class Appendix:
    """A phụ lục after the signature: its own page(s), title, trích yếu and content."""

    title: str = ""
    summary: str = ""
    content: list = field(default_factory=list)  # like a section's: str | Section | Table
    landscape: bool | None = None
    extra: dict = field(default_factory=dict)

    KEYS = ("title", "summary", "content", "landscape")

    @classmethod
    def from_dict(cls, data: Any, where: str) -> "Appendix":
        from .model import parse_content, _obj, _str

        data = _obj(data, where)
        landscape = data.get("landscape")
        return cls(title=_str(data.get("title"), f"{where}.title"),
                   summary=_str(data.get("summary"), f"{where}.summary"),
                   content=parse_content(data.get("content"), f"{where}.content"),
                   landscape=landscape if isinstance(landscape, bool) else None,
                   extra=_extra(data, cls.KEYS))

    def to_dict(self) -> dict:
        from .model import content_to_json

        out: dict = {"title": self.title, "summary": self.summary,
                     "content": content_to_json(self.content)}
        if self.landscape is not None:
            out["landscape"] = self.landscape
        out.update(self.extra)
        return out


def appendix_line(header, issuer_short: str = "") -> str:
    """"(Kèm theo Kế hoạch số 45/KH-UBND ngày 20/5/2021 của Ủy ban nhân dân xã Cẩm Tân)"."""
    from .numbering import parse_date

    number = f"{header.number or '…'}/{header.symbol or '…'}"
    day = parse_date(header.date) if header.date else None
    date = f"{day.day:02d}/{day.month:02d}/{day.year}" if day else "…"
    who = issuer_short or _sentence_case(header.issuer) or "…"
    return f"(Kèm theo Kế hoạch số {number} ngày {date} của {who})"


def _sentence_case(name: str) -> str:
    """"ỦY BAN NHÂN DÂN XÃ CẨM TÂN" → "Ủy ban nhân dân xã Cẩm Tân" (place names keep their capitals)."""
    words = " ".join(name.split()).split(" ")
    if not words or not words[0]:
        return ""
    lower = [w.lower() for w in words]
    # Place names follow the unit word (xã, phường, huyện, tỉnh…): capitalise them.
    units = {"xã", "phường", "thị", "trấn", "huyện", "tỉnh", "thành", "phố", "quận", "khối", "thôn"}
    out = [lower[0][:1].upper() + lower[0][1:]]
    seen_unit = False
    for w in lower[1:]:
        if seen_unit and w not in units:
            out.append(w[:1].upper() + w[1:])
        else:
            out.append(w)
        if w in units:
            seen_unit = True
    return " ".join(out)
