"""Plain text (a .txt, or text pasted into the app) → lines for the recogniser.

Text copied out of a PDF or a web page loses the layout but keeps the page
breaks: a paragraph cut by a page break ends mid-sentence, then a blank line,
then the rest starting in lower case. Those halves are joined again, and so
are lines wrapped inside a paragraph (a line ending mid-sentence, the next
starting in lower case). Markdown
bold marks (``**``) left by converters are dropped.
"""
from __future__ import annotations

import re

from ..plan.text import clean_line, nfc
from .handtyped import Line
from .recognise_body import parse_label

# A line that ends a sentence, a heading or an item; anything else may continue.
_ENDS_CLOSED = re.compile(r"[.:;!?…)\]\"”’»/]\s*$")
# A page number left by a PDF or a printout: "2", "- 2 -", "Trang 2", "2/5".
_PAGE_NUMBER = re.compile(r"^[-–—]?\s*\d{1,3}\s*[-–—]?$|^(?:trang|page)\s*\d{1,3}(?:\s*/\s*\d{1,3})?$"
                          r"|^\d{1,3}\s*/\s*\d{1,3}$", re.IGNORECASE)
# Words that join what follows them: a line ending with one is cut mid-sentence, whatever case comes next.
_LINK_WORDS = {"của", "và", "các", "những", "về", "cho", "với", "trong", "tại", "là", "được", "để", "từ", "đến",
               "ở", "mọi", "giữa", "bởi", "vì", "như", "hoặc", "nhằm", "khi", "mà", "đối", "vào"}
_BULLET = re.compile(r"^[-+•*–—]")
# A clause end: the sentence goes on when the next line starts in lower case ("...;" / "tăng cường ...").
_ENDS_CLAUSE = re.compile(r"[;,]\s*$")


def _continues(previous: str, following: str, blank: bool) -> bool:
    """True when ``following`` is the rest of ``previous``, cut by a page break (``blank``) or wrapped."""
    if not previous or not following:
        return False
    if _ends_with_link_word(previous) and not _BULLET.match(following) and parse_label(following) is None:
        return True  # "... của Ban Chấp hành" / "Trung ương Đảng ...": no sentence or title ends so
    if not following[:1].islower():
        return False
    if _ENDS_CLOSED.search(previous) and not _ENDS_CLAUSE.search(previous):
        return False
    if not blank and len(previous) < 60 and parse_label(previous):
        return False  # a short heading then its first line of text
    return parse_label(following) is None  # "a) ..." after a heading starts a new point


def _ends_with_link_word(text: str) -> bool:
    words = text.split()
    if parse_label(text) is not None and len(text) < 80:
        return False  # a heading ("2.2. Đối với các chi bộ"): its text follows on the next line
    return len(words) >= 4 and words[-1] in _LINK_WORDS  # as typed: "Đề" or "đề" are other words


def text_lines(text: str) -> list[Line]:
    """Lines of plain text, page-broken paragraphs joined, blanks kept as ``blank_before``."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    out: list[Line] = []
    blank = False
    for raw in text.split("\n"):
        raw = raw.replace("**", "")
        cleaned = clean_line(raw)
        if not cleaned or _PAGE_NUMBER.match(cleaned):  # a page number is a page break
            blank = True
            continue
        if out and _continues(out[-1].text, cleaned, blank):  # a wrapped line, or a page break (blank)
            previous = out[-1]
            joined = Line(previous.raw.rstrip() + " " + raw.strip())
            joined.blank_before = previous.blank_before
            out[-1] = joined
            blank = False
            continue
        line = Line(raw.rstrip())
        line.blank_before = blank
        blank = False
        out.append(line)
    return out


__all__ = ["text_lines"]
