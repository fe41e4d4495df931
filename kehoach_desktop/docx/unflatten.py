"""Text pulled out of a PDF or a web page with its line breaks lost: the foot run into one line.

"Nơi nhận: - Như trên; - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (đã ký) Nguyễn Văn A" is cut back into
the lines it was printed on: "Nơi nhận:", each recipient, the authority line, the position, the name.
A foot printed line by line is left as it is.
"""
from __future__ import annotations

import re

from ..plan.text import clean_line, fold
from .recognise_foot import POSITIONS, is_recipients_title
from ..lazy_regex import lazy_compile

# A recipient item after the end of the one before it ("...; - Lưu: VT").
_ITEM = lazy_compile(r"(?<=[;,.:])\s+(?=[-–+•]\s*\S)")
# An authority word starting the signature inside the run ("... VT-LT. TM. BAN ...", "... DÂN KT. CHỦ TỊCH").
_AUTHORITY = lazy_compile(r"\s+(?=(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*[^\W\d_])")
_SIGNED = lazy_compile(r"\s*\((?:đã\s+ký|ký)[^)]*\)\s*", re.IGNORECASE)  # "(đã ký)", "(Đã ký và đóng dấu)"
# The signer's name: two to six capitalised words (not capitals) at the end.
_NAME = lazy_compile(r"\s+((?:[A-ZĐ\u00c0-\u1ef9][a-zđ\u00e0-\u1ef9]+\s+){1,5}[A-ZĐ\u00c0-\u1ef9][a-zđ\u00e0-\u1ef9]+)\s*$")
_EXTRA = ("thuong truc",)  # "BÍ THƯ THƯỜNG TRỰC", "PHÓ CHỦ TỊCH THƯỜNG TRỰC"


def _is_run(text: str) -> bool:
    """A foot line that holds what was printed on several lines."""
    if len(text) < 30:
        return False
    if is_recipients_title(text):
        return bool(_ITEM.search(text) or _AUTHORITY.search(text))
    return bool(_AUTHORITY.match(" " + text)) and bool(_NAME.search(text) or _SIGNED.search(text))


def _split_position(block: str) -> list[str]:
    """"TM. ỦY BAN NHÂN DÂN CHỦ TỊCH" → the authority line and the position (the longest one at the end)."""
    words = block.split()
    for k in range(2, len(words)):
        tail = fold(" ".join(words[k:]))
        if tail in POSITIONS or any(tail == f"{p} {e}" for p in POSITIONS for e in _EXTRA):
            return [" ".join(words[:k]), " ".join(words[k:])]
    return [block]


def _split_signature(text: str) -> list[str]:
    out: list[str] = []
    for block in _AUTHORITY.split(" " + text):
        block = block.strip()
        if not block:
            continue
        name = _NAME.search(" " + block)
        pieces = _SIGNED.split(block[:name.start(1) - 1] if name else block)
        for piece in filter(None, (clean_line(p) for p in pieces)):
            out.extend(_split_position(piece))
        if name:
            out.append(name.group(1).strip())
    return out


def split_foot_run(text: str) -> list[str]:
    """The printed lines of a foot line that ran them together; ``[text]`` when it did not."""
    if not _is_run(text):
        return [text]
    head, signature = text, ""
    if is_recipients_title(text):
        m = _AUTHORITY.search(text)
        if m:
            head, signature = text[:m.start()], text[m.end():]
        pieces = [clean_line(p) for p in _ITEM.split(head)]
        first = re.match(r"^(n\S*\s*nh\S*\s*:?)\s*(.*)$", pieces[0], re.IGNORECASE)
        if first and first.group(2):
            pieces[:1] = [first.group(1), first.group(2)]
        return [p for p in pieces if p] + (_split_signature(signature) if signature else [])
    return _split_signature(text)


__all__ = ["split_foot_run"]
