"""Appendices after the signature of a hand-typed plan.

An appendix begins with its own header block (often the issuer | motto table
again, or those lines typed), then "PHỤ LỤC I" (sometimes with its name on
the same line), its trích yếu, and "(Kèm theo Kế hoạch số … ngày … của …)".
That block is recognised and left out; what follows is the appendix's content
(paragraphs, sections and tables, read like the body). The header block of
the next appendix ends the one before.
"""
from __future__ import annotations

from ..plan.table import Appendix
from ..plan.text import fold
from .recognise_body import build_content, line_label
from .recognise_foot import is_position, is_recipients_title, parse_authority
from .recognise_header import is_separator, motto_of, parse_date_line, parse_number_line
from ..lazy_regex import lazy_compile

_TITLE = lazy_compile(r"^(?P<t>(?i:phụ\s+lục)(?:\s+(?:số\s+)?(?:[IVXLC]{1,6}|\d{1,2}|[A-Z]))?)\b\s*[:.\-–]?\s*(?P<rest>.*)$")
_SOURCE = lazy_compile(r"^\(?\s*(?i:kèm\s+theo|ban\s+hành\s+kèm)")
MAX_TITLE_WORDS = 14


def is_appendix_title(line) -> bool:
    return (line.grid is None and fold(line.text).startswith("phu luc")
            and len(line.text.split()) <= MAX_TITLE_WORDS and bool(_TITLE.match(line.text)))


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _foot_tables(lines: list) -> set:
    return {ln.table[0] for ln in lines if ln.table is not None
            and (is_recipients_title(ln.text) or parse_authority(ln.text) or is_position(ln.text))}


def _head_like(line, foot_tables: set) -> bool:
    """A line of an appendix's own header block (issuer, motto, number, date, rules)."""
    if line.grid is not None:
        return False
    if line.table is not None:
        return line.table[0] not in foot_tables
    text = line.text
    if motto_of(text) or is_separator(text) or parse_number_line(text) is not None:
        return True
    if parse_date_line(text) is not None:
        return True
    return _caps(text) and len(text.split()) <= 12 and not is_position(text) and not parse_authority(text)


def appendix_starts(lines: list, lo: int) -> list[tuple[int, int]]:
    """(start of its header block, its title line) of every appendix after ``lo``."""
    titles = [i for i in range(lo, len(lines)) if is_appendix_title(lines[i])]
    foot_tables = _foot_tables(lines[lo:])
    out = []
    floor = lo
    for t in titles:
        j = t
        while j > floor and _head_like(lines[j - 1], foot_tables):
            j -= 1
        out.append((j, t))
        floor = t + 1
    return out


def _opening(lines: list, start: int, end: int) -> tuple[str, str, int]:
    """(title, summary, index where the content begins) of the appendix whose title is at ``start``."""
    m = _TITLE.match(lines[start].text)
    title = " ".join(m.group("t").split())
    summary = [m.group("rest").strip(" :.-–")] if m.group("rest").strip(" :.-–") else []
    styled = lines[start].align is not None or lines[start].bold is not None
    source_ahead = any(_SOURCE.match(lines[j].text) for j in range(start + 1, min(end, start + 6)))
    i = start + 1
    source = False
    while i < end:
        line = lines[i]
        text = line.text
        if line.grid is not None or line_label(line):
            break
        if is_separator(text):
            i += 1
            continue
        if _SOURCE.match(text):
            source = True
            while not lines[i].text.rstrip().endswith(")") and i + 1 < end and lines[i + 1].grid is None \
                    and not line_label(lines[i + 1]) and len(lines[i].text) < 200:
                i += 1  # "(Kèm theo ..." wrapped onto a second line
            i += 1
            continue
        if styled:
            heading = line.align == "center" or bool(line.bold)
        else:  # pasted text: only what stands above "(Kèm theo …)", or a capitals line
            heading = len(text) <= 160 and (source_ahead and not source or _caps(text))
        if heading and (not summary or not source) and len(summary) < 4 and not text.endswith("./."):
            if source and summary:
                break
            summary.append(text)
            i += 1
            continue
        break
    return title, " ".join(summary), i


def recognise_appendices(lines: list, starts: list[tuple[int, int]]) -> list[Appendix]:
    out = []
    for k, (_, title_at) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        title, summary, body = _opening(lines, title_at, end)
        content, _ = build_content(lines[body:end])
        out.append(Appendix(title=title, summary=summary, content=content,
                            landscape=True if lines[title_at].landscape else None))
    return out


__all__ = ["appendix_starts", "recognise_appendices", "is_appendix_title"]
