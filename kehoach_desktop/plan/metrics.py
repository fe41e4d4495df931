"""Rough text widths in Times New Roman, to size the short solid lines of the header.

The official rules size those lines against the text they stand under
("as long as the text", "1/3–1/2 of the text line"). Word has no such
line, so the writer draws a paragraph border whose length it must compute:
an estimate from the font's advance widths is plenty (a line 2 % off is
invisible; the text itself is never laid out from these numbers).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

# Advance widths in 1/1000 em (Times New Roman / Liberation Serif, same metrics).
_REGULAR = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667,
     556, 611, 722, 722, 944, 722, 722, 611,
     444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333,
     389, 278, 500, 500, 722, 500, 500, 444)))
_BOLD = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722,
     556, 667, 722, 722, 1000, 722, 722, 667,
     500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444,
     389, 333, 556, 500, 722, 500, 500, 444)))
_OTHER = {" ": 250, "-": 333, ".": 250, ",": 250, ":": 278, ";": 278, "/": 278, "*": 500,
          "(": 333, ")": 333, "–": 500, "—": 1000}
_DIGIT = 500
_FALLBACK = 500
PT_TO_MM = 25.4 / 72


@lru_cache(maxsize=4096)
def _advance(ch: str, bold: bool) -> int:
    table = _BOLD if bold else _REGULAR
    if ch in table:
        return table[ch]
    if ch in _OTHER:
        return _OTHER[ch]
    if ch.isdigit():
        return _DIGIT
    base = unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))[:1]
    return table.get(base, _FALLBACK)


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """Estimated printed width of one line of ``text``."""
    units = sum(_advance(ch, bold) for ch in text)
    return units / 1000 * size_pt * PT_TO_MM
