"""Set lines onto pages the way a word processor breaks the app's DOCX (no Qt).

Rules, as Word and LibreOffice apply them to the paragraphs the writer sets:
a paragraph breaks between lines, never leaving one line alone at the foot
or the head of a page (widow and orphan control); a paragraph that keeps with
the next moves to the next page with it when the next one's first lines do
not fit (headings; the last paragraph before the signature table); a table
row that cannot split moves whole, and a table's header rows (``w:tblHeader``)
come again at the top of each page it runs onto; an appendix starts a new
page, turned when it is landscape.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import PageSetup
from .typeset import LaidBreak, LaidPara, LaidRow, Rule

SLACK = 0.01  # points: rounding never pushes a line that fits onto the next page


@dataclass(frozen=True)
class Piece:
    """Item ``index`` of the laid-out flow shows from ``top`` to ``bottom`` (points below the text top)."""

    index: int
    top: float
    bottom: float
    path: str
    repeated: bool = False  # a table's header row drawn again atop a page the table runs onto


@dataclass
class Page:
    runs: list = field(default_factory=list)  # Run, page coordinates in points
    rules: list = field(default_factory=list)  # Rule, page coordinates
    pieces: list = field(default_factory=list)  # Piece: which laid item shows where on the page
    edges: list = field(default_factory=list)  # Edge: table cell borders, page coordinates
    landscape: bool = False  # an appendix's turned page (the sheet is the setup's, turned)

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.runs)


def _min_lines(item, total: int) -> int:
    """Lines a paragraph must show at a page foot (orphan control) if it shows any."""
    if isinstance(item, LaidRow):
        return total
    return min(total, 2) if item.widow else 1


def _first_piece(item) -> float:
    """Height of the least of ``item`` that must come on the page with a paragraph kept to it."""
    if isinstance(item, LaidRow):
        return item.height
    if isinstance(item, LaidBreak):
        return 0.0
    n = len(item.lines)
    k = n if (item.widow and n <= 3) else _min_lines(item, n)
    return item.before + sum(line.height for line in item.lines[:k])


class _Pager:
    def __init__(self, setup: PageSetup):
        self.setup = setup
        self.limit = setup.text_height
        self.pages = [Page()]
        self.y = 0.0
        self.index = 0  # the item being placed
        self.where: dict = {}  # id of a laid item -> its index
        self.last_table = None  # the header-row list of the table whose row was placed last

    def new_page(self, landscape: bool | None = None):
        turned = self.pages[-1].landscape if landscape is None else landscape
        self.pages.append(Page(landscape=turned))
        self.limit = (self.setup.turned() if turned else self.setup).text_height
        self.y = 0.0

    def turn_page(self, item: LaidBreak):
        """An appendix: a new page unless this one is still empty, turned as the appendix asks."""
        page = self.pages[-1]
        if page.pieces:
            self.new_page(item.landscape)
        elif page.landscape != item.landscape:
            page.landscape = item.landscape
            self.limit = (self.setup.turned() if item.landscape else self.setup).text_height
        self.last_table = None

    def room(self) -> float:
        return self.limit - self.y

    def draw_row(self, row: LaidRow, index: int | None = None):
        page, top = self.pages[-1], self.setup.top + self.y
        page.runs += [r.moved(self.setup.left, top) for r in row.runs]
        page.rules += [Rule(self.setup.left + r.x1, self.setup.left + r.x2, top + r.y, r.thickness)
                       for r in row.rules]
        page.edges += [e.moved(self.setup.left, top) for e in row.edges]
        page.pieces.append(Piece(self.index if index is None else index, self.y, self.y + row.height, row.path,
                                 index is not None))
        self.y += row.height

    def draw_lines(self, para: LaidPara, start: int, end: int, before: float, after: float):
        page, y0 = self.pages[-1], self.y
        top = self.setup.top + self.y + before
        if start == 0:
            page.rules += [Rule(self.setup.left + r.x1, self.setup.left + r.x2, self.setup.top + self.y + r.y,
                                r.thickness) for r in para.rules]
        for line in para.lines[start:end]:
            page.runs += [r.moved(self.setup.left, top) for r in line.runs]
            top += line.height
        self.y += before + sum(line.height for line in para.lines[start:end]) + after
        page.pieces.append(Piece(self.index, y0, self.y, para.path))

    def place_para(self, para: LaidPara):
        start, n = 0, len(para.lines)
        while start < n:
            before = para.before if start == 0 else 0.0
            heights = [line.height for line in para.lines[start:]]
            if self.y + before + sum(heights) <= self.limit + SLACK:
                self.draw_lines(para, start, n, before, para.after)
                return
            fit, used = 0, before
            for h in heights:
                if self.y + used + h > self.limit + SLACK:
                    break
                used += h
                fit += 1
            left, raw = n - start, fit
            if para.widow:
                if fit < 2:
                    fit = 0
                elif left - fit < 2:
                    fit = left - 2 if left - 2 >= 2 else 0
            if fit == 0:
                if self.y == 0:  # a line taller than the page, or widow rules that cannot be met
                    fit = max(1, raw)
                else:
                    self.new_page()
                    continue
            self.draw_lines(para, start, start + fit, before, 0.0)
            start += fit
            self.new_page()

    def place_row(self, row: LaidRow):
        if self.y > 0 and self.y + row.height > self.limit + SLACK:
            self.new_page()
        if self.y == 0 and not row.header and row.repeat and self.last_table is row.repeat:
            for head in row.repeat:  # the table ran onto this page: its header rows again
                self.draw_row(head, self.where[id(head)])
        self.draw_row(row)
        self.last_table = row.repeat

    def keep_chain(self, items: list, i: int):
        """Move a chain of keep-with-next paragraphs to a new page when what follows would not fit."""
        if self.y == 0:
            return
        need, j = 0.0, i
        while j < len(items) and items[j].keep_next:
            need += items[j].height
            j += 1
        if j < len(items):
            need += _first_piece(items[j])
        if self.y + need > self.limit + SLACK and need <= self.limit:
            self.new_page()


def paginate(items: list, setup: PageSetup) -> list[Page]:
    """Pages of placed runs and rules; always at least one page."""
    pager = _Pager(setup)
    pager.where = {id(item): i for i, item in enumerate(items)}
    for i, item in enumerate(items):
        pager.index = i
        if isinstance(item, LaidBreak):
            pager.turn_page(item)
            continue
        if item.keep_next:
            pager.keep_chain(items, i)
        if isinstance(item, LaidRow):
            pager.place_row(item)
        else:
            pager.last_table = None
            pager.place_para(item)
    return pager.pages
