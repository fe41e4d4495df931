"""``plan.text.fold`` for bulk use: the same result, via one ``str.translate`` table.

``fold`` walks every character in Python; indexing 100,000 paragraphs spends
most of its time there. The table maps each precomposed letter to its base
letter(s) and drops combining marks, so after NFC it gives exactly ``fold``
(tests/library/test_folding.py checks that).
"""
from __future__ import annotations

import unicodedata

from ..plan.text import fold


def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(0x80, 0x3000):
        ch = chr(code)
        if unicodedata.combining(ch):
            table[code] = None
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))
                       if not unicodedata.combining(c))
        if base != ch:
            table[code] = base
    return table


_TABLE = _table()


def fast_fold(text: str) -> str:
    """Equal to ``fold(text)``; falls back to it for text outside the table's reach."""
    if text.isascii():
        return text.casefold()
    out = unicodedata.normalize("NFC", text).translate(_TABLE)
    if out and max(out) >= "\u3000":
        return fold(text)  # beyond the table (CJK, rare marks): the slow, general way
    return out.casefold()
