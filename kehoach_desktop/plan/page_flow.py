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


@dataclass(frozen=True)
class Piece:
    """Rows ``top``..``bottom`` of block ``index`` drawn at ``y`` on page ``page``."""

    index: int
    top: float
    bottom: float
    page: int
    y: float


def _first_chunk(block: FlowBlock) -> float:
    if block.splittable and block.breaks:
        return block.breaks[0]
    return block.height


def paginate(blocks: list[FlowBlock], page_height: float) -> list[list[Piece]]:
    """Pieces per page; always at least one (empty) page."""
    pages: list[list[Piece]] = [[]]
    y = 0.0

    def new_page():
        nonlocal y
        pages.append([])
        y = 0.0

    for i, block in enumerate(blocks):
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
