"""Approximate pagination of laid-out blocks (no Qt).

Each block comes with its height and the places where it may break (line tops
that leave at least two lines on each side: widow and orphan control). A block
that keeps with the next moves to a new page when the first lines of the next
block would not fit after it (headings; the last paragraph before the signature).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FlowBlock:
    height: float
    breaks: tuple = ()  # y positions inside the block where a page may end
    keep_with_next: bool = False
    splittable: bool = True
    repeat: float = 0.0  # a table's header rows (0..repeat): drawn again atop each continued piece
    new_page: bool = False  # starts a new page (an appendix)
    landscape: bool = False  # on turned pages (a wide appendix)


@dataclass(frozen=True)
class Piece:
    """Rows ``top``..``bottom`` of block ``index`` drawn at ``y`` on page ``page``.

    ``head`` > 0: the block's rows 0..head (its header) are drawn first, at ``y - head``.
    """

    index: int
    top: float
    bottom: float
    page: int
    y: float
    head: float = 0.0


def _first_chunk(block: FlowBlock) -> float:
    if block.splittable and block.breaks:
        return block.breaks[0]
    return block.height


def paginate(blocks: list[FlowBlock], page_height: float, turned_height: float | None = None
             ) -> list[list[Piece]]:
    """Pieces per page; always at least one (empty) page. ``turned_height``: of a landscape page."""
    pages: list[list[Piece]] = [[]]
    y = 0.0
    full = page_height

    def new_page():
        nonlocal y
        pages.append([])
        y = 0.0

    for i, block in enumerate(blocks):
        if block.new_page:
            if pages[-1]:
                new_page()
            page_height = turned_height if block.landscape and turned_height else full

        if block.keep_with_next and i + 1 < len(blocks) and y > 0:
            need = block.height + _first_chunk(blocks[i + 1])
            if y + need > page_height and need <= page_height:
                new_page()
        start = 0.0
        while True:
            rest = block.height - start
            if y + rest <= page_height + 0.5:
                pages[-1].append(Piece(i, start, block.height, len(pages) - 1, y))
                y += rest
                break
            fits = [b for b in block.breaks if b > start and y + (b - start) <= page_height] \
                if block.splittable else []
            if fits:
                end = max(fits)
                pages[-1].append(Piece(i, start, end, len(pages) - 1, y))
                new_page()
                start = end
                if block.repeat and block.repeat < page_height / 2:  # the header rows again on top
                    pages[-1].append(Piece(i, 0.0, block.repeat, len(pages) - 1, 0.0, head=block.repeat))
                    y = block.repeat
                continue
            if y == 0:  # taller than a page and no break fits: cut it at the page end
                end = start + page_height if block.splittable else block.height
                pages[-1].append(Piece(i, start, min(end, block.height), len(pages) - 1, 0.0))
                if end >= block.height:
                    y = block.height - start
                    break
                new_page()
                start = end
                continue
            new_page()
    return pages


def turned_pages(blocks: list[FlowBlock], pages: list[list[Piece]]) -> list[bool]:
    """Which pages are landscape: those whose first piece belongs to a landscape block."""
    return [bool(p) and blocks[p[0].index].landscape for p in pages]
