"""Plain text (a .txt, or text pasted into the app) → lines for the recogniser.

Text copied out of a PDF or a web page loses the layout but keeps the page
breaks: a paragraph cut by a page break ends mid-sentence, then a blank line,
then the rest starting in lower case. Those halves are joined again, and so
are lines wrapped inside a paragraph (a line ending mid-sentence, the next
starting in lower case). Markdown bold marks (``**``) left by converters are
dropped. Text hard-wrapped by a PDF or a web page (every printed line a line)
is unwrapped, and its drawn rules ("-----", a lone "|") dropped: see ``unwrap``.
"""
from __future__ import annotations

import re

from ..plan.text import clean_line, nfc
from .handtyped import Line
from .recognise_body import parse_label
from .unwrap import (blank_paragraphs, heading_continues, is_label_start, is_rule_line, starts_new_item,
                     wrap_continues, wrap_width)
from ..lazy_regex import lazy_compile

# A line that ends a sentence, a heading or an item; anything else may continue.
_ENDS_CLOSED = lazy_compile(r"[.:;!?…)\]\"”’»/]\s*$")
# A page number left by a PDF or a printout: "2", "- 2 -", "Trang 2", "2/5".
_PAGE_NUMBER = lazy_compile(r"^[-–—]?\s*\d{1,3}\s*[-–—]?$|^(?:trang|page)\s*\d{1,3}(?:\s*/\s*\d{1,3})?$"
                          r"|^\d{1,3}\s*/\s*\d{1,3}$", re.IGNORECASE)
# Words that join what follows them: a line ending with one is cut mid-sentence, whatever case comes next.
_LINK_WORDS = {"số", "của", "và", "các", "những", "về", "cho", "với", "trong", "tại", "là", "được", "để", "từ", "đến",
               "ở", "mọi", "giữa", "bởi", "vì", "như", "hoặc", "nhằm", "khi", "mà", "đối", "vào", "ngày"}
_BULLET = lazy_compile(r"^[-+•*–—]")
_GLUED_RULE = lazy_compile(r"^[-_=*~]{3,}\s*([^-_=*~\s].*)$")
# A clause end: the sentence goes on when the next line starts in lower case ("...;" / "tăng cường ...").
_ENDS_CLAUSE = lazy_compile(r"[;,]\s*$")
# The cell walls of a web table pasted on one line ("ỦY BAN NHÂN DÂN | CỘNG HÒA ... |"): a gap between halves.
_CELL_WALL = lazy_compile(r"\s+\|\s+")
_EDGE_WALL = lazy_compile(r"^\s*\|\s+|\s+\|\s*$")


def _continues(previous: str, following: str, blank: bool) -> bool:
    """True when ``following`` is the rest of ``previous``, cut by a page break (``blank``) or wrapped."""
    if not previous or not following:
        return False
    if _ends_with_link_word(previous) and not _BULLET.match(following) and not is_label_start(following):
        return True  # "... của Ban Chấp hành" / "Trung ương Đảng ...": no sentence or title ends so
    if not following[:1].islower():
        return False
    if _all_caps(previous):
        return False  # a name or a title in capitals, then "phúc" of a motto printed apart: not one line
    if _ENDS_CLOSED.search(previous) and not _ENDS_CLAUSE.search(previous):
        return False
    if not blank and len(previous) < 60 and parse_label(previous):
        # a short heading then its first line of text; but "1. Mục" / "đích": a heading cut by a narrow column
        return len(following.split()) <= 3 and not _ENDS_CLOSED.search(previous)
    return parse_label(following) is None  # "a) ..." after a heading starts a new point


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _ends_with_link_word(text: str) -> bool:
    words = text.split()
    if parse_label(text) is not None and len(text) < 80:
        return False  # a heading ("2.2. Đối với các chi bộ"): its text follows on the next line
    return len(words) >= 4 and words[-1] in _LINK_WORDS  # as typed: "Đề" or "đề" are other words


def _spaced_continues(previous: str, following: str) -> bool:
    """In text whose paragraphs are parted by blank lines, a line that ends no sentence and is not
    followed by a blank goes on on the next line ("... Cục Thống kê thành phố" / "Hồ Chí Minh tại ...")."""
    if len(previous) < 40 or _all_caps(previous) or _ENDS_CLOSED.search(previous) or _ENDS_CLAUSE.search(previous):
        return False
    if parse_label(previous) is not None:
        return False  # a heading, however long, then its text
    return not starts_new_item(following)


def _physical_lines(text: str) -> list[tuple[str, bool, bool]]:
    """(raw line, blank before, ruled before) for every written line.

    A page number counts as a blank (a page break, across which a sentence may go on); a rule
    ("-----") or a lone "|" (the wall between two cells of a web table) parts what is around it.
    """
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    out: list[tuple[str, bool, bool]] = []
    blank = ruled = False
    for raw in text.split("\n"):
        raw = raw.replace("**", "")
        if "|" in raw and not is_rule_line(raw):
            raw = _CELL_WALL.sub("\t", _EDGE_WALL.sub("", raw))
        cleaned = clean_line(raw)
        glued = _GLUED_RULE.match(cleaned)
        if glued:  # "----Căn cứ ...": a PDF puts the rule and the next line together
            raw = cleaned = glued.group(1)
            blank = ruled = True
        if is_rule_line(cleaned):
            blank = ruled = True
            continue
        if not cleaned or _PAGE_NUMBER.match(cleaned):
            blank = True
            continue
        out.append((raw, blank, ruled))
        blank = ruled = False
    return out


def _join(previous: str, following: str) -> str:
    """Two pieces of one paragraph; a word cut at its hyphen ("58-" / "NQ/TW") is joined back whole."""
    previous, following = previous.rstrip(), following.strip()
    if re.search(r"\w-$", previous) and following[:1].isalnum():
        return previous + following
    return previous + " " + following


def text_lines(text: str) -> list[Line]:
    """Lines of plain text, page-broken and hard-wrapped paragraphs joined, blanks kept as ``blank_before``."""
    physical = _physical_lines(text)
    width = wrap_width([clean_line(raw) for raw, _, _ in physical])
    # A web page pasted: most lines stand apart (blank lines between paragraphs, items in runs).
    spaced = len(physical) >= 10 and sum(blank for _, blank, _ in physical) * 5 >= len(physical) * 2
    parted = bool(width) and blank_paragraphs([(clean_line(raw), blank) for raw, blank, _ in physical])
    out: list[Line] = []
    last = ""  # the last written line: a hard wrap is judged on it, not on the paragraph so far
    for raw, blank, ruled in physical:
        cleaned = clean_line(raw)
        tabbed = "\t" in raw.strip() and "\t" in out[-1].raw.strip() if out else False  # table rows
        if out and not ruled and not tabbed and (_continues(out[-1].text, cleaned, blank)
                    or not blank and (wrap_continues(last, cleaned, width, parted)
                                      or heading_continues(out[-1].text, cleaned, width)
                                      or spaced and _spaced_continues(last, cleaned))):
            previous = out[-1]
            joined = Line(_join(previous.raw, raw))
            joined.blank_before = previous.blank_before
            out[-1] = joined
        else:
            # Trailing tabs of a row copied from a spreadsheet are its empty cells: keep them.
            line = Line(raw.rstrip(" \u00a0") if "\t" in raw.strip(" \u00a0") else raw.rstrip())
            line.blank_before = blank
            out.append(line)
        last = cleaned
    return out


__all__ = ["text_lines"]
