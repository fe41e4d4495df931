"""Text pasted from a PDF or a legal-document website: rules dropped, hard wraps undone.

A PDF or a web page gives every printed line as a line of text (~80
characters), rules drawn under the header names as "-------", and the cells
of a layout table as lines with a lone "|" between them. This module tells
such text apart (many lines of about the same length that end without
sentence punctuation) and says when a line is the rest of the one above it.
Plain text typed one paragraph per line is left as it is.
"""
from __future__ import annotations

import re

from ..plan.text import fold
from .recognise_body import parse_label
from .recognise_foot import is_position, is_recipients_title, parse_authority
from ..lazy_regex import lazy_compile

# A line drawn with characters ("|", "-----", "***", "___", "=== "), or the cell walls of a web table.
_RULE = lazy_compile(r"^[\s|¦\-_=*~.·•–—]+$")
# A line that ends a sentence, an item or a label ("Nơi nhận:"); a wrapped line ends with none of them.
_ENDS_SENTENCE = lazy_compile(r"[.:;!?…]\s*[\"”’»)]?\s*$")
# What starts a new paragraph whatever the line above: a bullet, the usual lead-ins, header pieces.
_NEW_ITEM = lazy_compile(r"^(?:[-+•*–—]|(?:Căn cứ|Thực hiện|Theo|Kính gửi|Số\s*:|KẾ HOẠCH|Độc lập|"
                       r"CỘNG H[ÒO]A|ĐẢNG CỘNG SẢN)\b)")
_DATE_LINE = lazy_compile(r"^[^\W\d_][^,;\d]{1,39},\s*ngày\b", re.IGNORECASE)  # "Quảng Nam, ngày"
# Words that join what follows them: a heading ending with one goes on on the next line ("... VÀ").
_HEADING_LINKS = {"va", "cua", "cac", "ve", "cho", "voi", "trong", "tai", "de", "tu", "den", "nhung",
                  "hoac", "nham", "doi", "theo", "giua", "la", "duoc"}
# A dash that starts a wrapped line inside a sentence: what follows is lower case or a number.
_HYPHEN_CUT = lazy_compile(r"^[-–]\s+(?=\w)")
# A document's number and symbol ("58-NQ/TW", "11-CTr/TU", "124/2020/QH14"): not a section label.
_DOC_REF = lazy_compile(r"^\d{1,4}\s*[-/]\s*(?:[A-ZĐ][A-Za-zĐđ]*\s*[-/]|\d{4}/)")
_BULLET = lazy_compile(r"^[-+•*–—]")
MIN_WRAPPED = 3  # lines cut at the width before the text counts as hard-wrapped
MAX_WIDTH = 110  # a text whose lines run longer was typed, not wrapped by a printer


def is_rule_line(text: str) -> bool:
    """"|", "-------", "* * *", "___": drawn, not written (a lone "-" or "." too)."""
    return bool(text.strip()) and bool(_RULE.match(text))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped text was cut at, or 0 when the text is not hard-wrapped.

    Typed text has one paragraph per line: long lines that end with punctuation and short
    headings. Wrapped text has many lines of about the same length ending anywhere.
    """
    lengths = sorted(len(t) for t in lines if len(t) >= 40)
    if len(lengths) < MIN_WRAPPED:
        return 0
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    if width > MAX_WIDTH:
        return 0
    near = [t for t in lines if len(t) >= 0.8 * width]
    cut = [t for t in near if not _ENDS_SENTENCE.search(t)]
    if len(cut) >= MIN_WRAPPED and len(cut) * 5 >= len(near) * 2:
        return width
    return 0


def is_label_start(text: str) -> bool:
    """A section label ("1.", "a)") and not a document number cut at a line start ("58-NQ/TW")."""
    return parse_label(text) is not None and not _DOC_REF.match(text)


def starts_new_item(text: str) -> bool:
    """A line that begins a paragraph of its own: a label, a bullet, a lead-in, a header or foot piece."""
    return bool(is_label_start(text) or _NEW_ITEM.match(text) or _DATE_LINE.match(text)
                or is_recipients_title(text) or parse_authority(text) or is_position(text))


def blank_paragraphs(lines: list[tuple[str, bool]]) -> bool:
    """True when blank lines part the paragraphs (a web page pasted): lines ending a sentence are
    nearly all followed by a blank, so inside a block even a line ending with "." may go on."""
    ends = [i for i, (text, _) in enumerate(lines)  # list items ("- Như trên;") run without blanks
            if _ENDS_SENTENCE.search(text) and not _BULLET.match(text) and not is_recipients_title(text)]
    if len(ends) < MIN_WRAPPED:
        return False
    parted = sum(1 for i in ends if i + 1 >= len(lines) or lines[i + 1][1])
    return parted * 4 >= len(ends) * 3


def wrap_continues(previous: str, following: str, width: int, parted: bool = False) -> bool:
    """In a hard-wrapped text, True when ``following`` is the next printed line of ``previous``.

    ``previous`` is the last printed line (not the paragraph joined so far); ``parted``: blank
    lines part the paragraphs (``blank_paragraphs``).
    """
    if not width or not previous or not following or _is_caps(previous):
        return False  # caps lines are names, titles and headings: joined by their own rules
    if len(previous) < 0.65 * width:
        return False  # not cut by the printer: a title or the end of a paragraph
    if _ENDS_SENTENCE.search(previous) and not parted:
        return False
    if re.search(r"\w-$", previous) and following[:1].isalnum():
        return True  # "58-" / "NQ/TW": a word cut at its hyphen
    rest = following[1:].lstrip()[:1]
    if _HYPHEN_CUT.match(following) and (rest.islower() or rest.isdigit()):
        return not _ENDS_SENTENCE.search(previous)  # "... quốc phòng" / "- an ninh ...": cut at a dash
    if starts_new_item(following):
        return False
    if following[:1].islower() or parse_label(previous) is None:
        return True
    return len(previous) >= 0.8 * width  # "1. Mục đích": a short heading, its text follows


def heading_continues(previous: str, following: str, width: int = 0) -> bool:
    """"I. MỤC ĐÍCH," / "YÊU CẦU": a capitals heading cut in two, the rest in capitals."""
    if parse_label(previous) is None or not _is_caps(previous) or not _is_caps(following):
        return False
    if starts_new_item(following) or _ENDS_SENTENCE.search(previous):
        return False
    words, rest = fold(previous).split(), fold(following).split()
    cut = (previous.rstrip().endswith((",", "-", "–")) or (words and words[-1] in _HEADING_LINKS)
           or rest[:1] == ["va"])  # "I. QUAN ĐIỂM" / "VÀ MỤC TIÊU": the rest starts with "và"
    return bool(cut or width and len(previous) >= 0.8 * width)


__all__ = ["is_label_start", "is_rule_line", "wrap_width", "blank_paragraphs", "wrap_continues",
           "heading_continues", "starts_new_item"]
