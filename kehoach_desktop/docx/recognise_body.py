"""The body of a hand-typed plan: preamble, section outline, paragraphs, closing.

Section labels are read from the text ("I.", "II .", "1.", "1.1.", "a)") or
from Word list numbering (the label Word would show). Depth follows the
label style, not the indentation: a style seen before closes the deeper
sections and opens a sibling; a new style opens a child. Numbers are not
stored: they follow from position.
"""
from __future__ import annotations

import re

from ..lazy_regex import lazy_compile
from ..plan.model import Section
from ..plan.text import fold

_ROMAN = lazy_compile(r"^(?P<n>[IVX]{1,6})(?:\s*[.)/]|-)\s*(?=\S|$)(?!\d)")
_DOTTED = lazy_compile(r"^(?P<n>\d{1,2}(?:\s*\.\s*\d{1,2}){1,3})(?:\s*\.?\s*[.)]?\s+|\.(?=[^\W\d_]))(?=\S)")
_ARABIC = lazy_compile(r"^(?P<n>\d{1,2})(?:\s*(?P<p>[.)])|\s*/(?=\s*[^\d\s])|-(?=\s*[^\d\s]))\s*(?=\S|$)(?!\d)")
_LETTER = lazy_compile(r"^(?P<n>[a-zđ])\s*(?P<p>[)/]|[.-](?=\s))\s*(?=\S|$)")
_CAPITAL = lazy_compile(r"^(?P<n>[A-HJ-UWYZĐ])\s*[.)/-]\s+(?=\S)")
# "PHẦN I.", "Phần 2:", "PHẦN THỨ NHẤT": the big parts of a long plan, above its I., 1. sections.
_PART = lazy_compile(r"^(?i:phần)\s+(?:(?i:thứ)\s+\w+|[IVX]{1,5}|\d{1,2})(?=[\s.:\-–]|$)\s*[.:\-–]?\s*")
_VALID_ROMAN = lazy_compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
_BULLET = lazy_compile(r"^[-+•*–—]")
_SENTENCE_END = lazy_compile(r"[.;:!?…]\s*$")
_CLOSING_STARTS = ("tren day", "de ", "yeu cau", "trong qua trinh", "qua trinh")
_CLOSING_CUE = lazy_compile(
    r"\./\.\s*$|^tren day|^de (?:ke hoach|chuong trinh|cong tac|dat|thuc hien)|de nghi|yeu cau"
    r"|trien khai thuc hien|to chuc thuc hien|thuc hien tot|nghiem tuc|vuong mac")

# What only a closing says: the end mark "./.", or a closing's usual first words.
_FIRM_CLOSING = lazy_compile(r"/\.\s*$|^(?:tren day|de nghi|yeu cau|nhan duoc|trong qua trinh)")


def parse_label(text: str) -> tuple[str, str] | None:
    """(style, title) for a line that starts with a section label, else None.

    Styles: "P." ("PHẦN I", "Phần thứ hai"), "A." (a capital letter before an all-capitals title),
    "I.", "1.", "1.1." (any dotted
    depth), "1)", "a)".
    """
    m = _PART.match(text)
    if m:
        return "P.", text[m.end():].strip()
    m = _CAPITAL.match(text)
    if m and _mostly_capitals(text[m.end():]):
        return "A.", text[m.end():].strip()
    m = _ROMAN.match(text)
    if m and _VALID_ROMAN.match(m.group("n")) and m.group("n"):
        return "I.", text[m.end():].strip()
    m = _DOTTED.match(text)
    if m:
        depth = len(re.findall(r"\d+", m.group("n")))
        return ".".join(["1"] * depth) + ".", text[m.end():].strip()
    m = _ARABIC.match(text)
    if m:
        return ("1)" if m.group("p") == ")" else "1."), text[m.end():].strip()
    m = _LETTER.match(text)
    if m:
        return "a)", text[m.end():].strip()
    return None


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def numbering_style(style: str) -> str:
    """The plan's numbering word for a recognised style (``numbering`` in the plan JSON)."""
    return {"1)": "1.", "1.1.1.": "1.1.", "A.": "I.", "P.": "I."}.get(style, style)


def _is_plain(title: str, bold: bool | None, italic: bool | None) -> bool:
    """A numbered point that is really a paragraph: a long sentence, set like body text."""
    if bold or italic:
        return False
    if len(title) < 60:
        return False
    if title.rstrip().endswith(":") and len(title) <= 160:
        return False  # a heading that introduces its items
    return bool(_SENTENCE_END.search(title)) or len(title) > 160 or ". " in title


def line_label(line) -> tuple[str, str] | None:
    """The label of a body line, typed or from Word numbering."""
    typed = parse_label(line.text)
    if typed or not line.num_label or _BULLET.match(line.num_label):
        return typed  # a label typed in the text wins over Word's own numbering
    return parse_label(f"{line.num_label} {line.text}")


def paragraph_text(line) -> str:
    if line.num_label and _BULLET.match(line.num_label) and not _BULLET.match(line.text):
        return f"{line.num_label} {line.text}"
    return line.text


class OutlineBuilder:
    """Builds nested sections from labelled lines and paragraphs, in reading order."""

    def __init__(self):
        self.sections: list[Section] = []
        self.stack: list[tuple[str, Section]] = []  # (style, section), outermost first
        self.numbering: list[str] = []
        self.preamble: list[str] = []
        self.loose_tables = False

    def add_section(self, style: str, title: str, line) -> None:
        styles = [s for s, _ in self.stack]
        if style in styles:
            del self.stack[styles.index(style):]
        depth = len(self.stack)
        section = Section(title=title, content=[])
        if _is_plain(title, line.bold, line.italic):
            section.plain = True
        if self.stack:
            self.stack[-1][1].content.append(section)
        else:
            self.sections.append(section)
        self.stack.append((style, section))
        word = numbering_style(style)
        if depth >= len(self.numbering):
            self.numbering.append(word)

    def add_table(self, table) -> None:
        if self.stack:
            self.stack[-1][1].content.append(table)
        elif self.loose_tables:  # an appendix: a content list may start with a table
            self.preamble.append(table)
        else:  # before the first section the preamble holds text only: one line per row
            self.preamble.extend(" | ".join(c.text.replace("\n", " ") for c in row) for row in table.rows)

    def add_paragraph(self, text: str) -> None:
        if self.stack:
            self.stack[-1][1].content.append(text)
        else:
            self.preamble.append(text)


def take_closing(sections: list[Section]) -> list[str]:
    """Move the closing paragraph(s) out of the last section.

    The closing is the last paragraph of the body when it is not a list item
    and either it says so ("Trên đây...", "./.", "đề nghị ... thực hiện") or
    the last section keeps some content without it.
    """
    if not sections:
        return []
    section = sections[-1]
    while section.content and isinstance(section.content[-1], Section):
        section = section.content[-1]
    closing: list[str] = []
    while section.content and isinstance(section.content[-1], str):
        last = section.content[-1]
        if _BULLET.match(last):
            break
        cue = bool(_CLOSING_CUE.search(fold(last)))
        remaining = len(section.content) - 1
        if not closing:
            if not (cue or (remaining >= 1 and len(last) > 40)):
                break
            if remaining == 0 and not _FIRM_CLOSING.search(fold(last)):
                break  # the only text of "III. TỔ CHỨC THỰC HIỆN" is its content, even if it says "thực hiện"
        elif not (cue and fold(last).startswith(_CLOSING_STARTS)):
            break
        closing.insert(0, section.content.pop())
        if not cue:
            break
    return closing


def _fill(builder: OutlineBuilder, lines: list) -> None:
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if getattr(line, "grid", None) is not None:
            builder.add_table(line.grid)
            continue
        label = line_label(line)
        if (label and not label[1] and i < len(lines) and not line_label(lines[i])
                and getattr(lines[i], "grid", None) is None):
            label = (label[0], lines[i].text)  # "II." alone, its title on the next line
            line = lines[i]
            i += 1
        if label and label[1]:
            builder.add_section(label[0], label[1], line)
        else:
            builder.add_paragraph(paragraph_text(line))


def build_content(lines: list) -> tuple[list, list[str]]:
    """(content list, numbering) of a part that has no closing (an appendix)."""
    builder = OutlineBuilder()
    builder.loose_tables = True
    _fill(builder, lines)
    return list(builder.preamble) + builder.sections, builder.numbering


def build_body(lines: list) -> tuple[list[str], list[Section], list[str], list[str]]:
    """(preamble, sections, closing, numbering) from the body lines."""
    builder = OutlineBuilder()
    _fill(builder, lines)
    closing = take_closing(builder.sections)
    numbering = builder.numbering
    return builder.preamble, builder.sections, closing, numbering


__all__ = ["parse_label", "build_body", "take_closing", "OutlineBuilder", "line_label"]
