"""A python-docx Document → the lines a reader sees, with layout hints.

Hand-typed plans say what they are through layout: bold headings, centred
title, indented signature, tables for the header and the foot, Word list
numbering whose label is not in the text. This module reads the XML once
(faster than python-docx's proxies) and gives a flat list of ``Line``; the
recognisers never touch XML. Legacy 8-bit fonts are decoded run by run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..plan.layout import NAME_BREAK_BEFORE
from ..plan.legacy_encoding import decode_for_font
from ..plan.numbering import letter, roman
from ..plan.text import clean_line, nfc
from .table_reader import GridBuilder, is_landscape
from .package import parts_of
from .recognise_foot import parse_authority
from ..lazy_regex import lazy_compile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R, _T = W + "p", W + "tbl", W + "tr", W + "tc", W + "r", W + "t"
_SDT, _SDT_CONTENT = W + "sdt", W + "sdtContent"
# Containers whose runs are part of the paragraph's visible text.
_RUN_HOLDERS = {W + "hyperlink", W + "ins", W + "smartTag", W + "fldSimple", W + "customXml", W + "sdt",
                W + "sdtContent", W + "moveTo"}
_ALIGN = {"center": "center", "both": "justify", "distribute": "justify", "right": "right",
          "end": "right", "left": "left", "start": "left"}

# The Icelandic eth "Ð/ð" that some converters and web pages put for "Đ/đ" (no Vietnamese text has it).
_ETH = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})


_GAP = lazy_compile(r"(\t+| {3,})")
# Words that start the second half of a body's name ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG TRỊ").
_NAME_TAILS = tuple(w + " " for w in (*NAME_BREAK_BEFORE, "THỊ XÃ", "ĐẢNG BỘ", "ĐẢNG ỦY"))


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def join_name_gaps(raw: str) -> str:
    """A body's two lines typed on one line with a run of spaces or tabs ("ỦY BAN NHÂN DÂN      TỈNH
    QUẢNG TRỊ") are one name, not the two columns of the header: the gap becomes one space. A gap
    before anything else (the Quốc hiệu, a date) still parts the columns."""
    if "\t" not in raw and "   " not in raw:
        return raw
    pieces = _GAP.split(raw)
    out = pieces[:1]
    for gap, right in zip(pieces[1::2], pieces[2::2]):
        left = out[-1].split("\n")[-1].strip()
        if left and _all_caps(left) and _all_caps(right) and right.lstrip().startswith(_NAME_TAILS):
            out[-1] = f"{out[-1].rstrip()} {right.lstrip()}"
        else:
            out += [gap, right]
    return "".join(out)


@dataclass
class Line:
    """One paragraph as read: its text and what its layout says."""

    raw: str  # NFC text with tabs and line breaks kept
    bold: bool | None = None  # None: unknown (plain text)
    italic: bool | None = None
    align: str | None = None  # left | center | right | justify | None
    indent: int = 0  # left indent in twips
    table: tuple | None = None  # (table, row, cell) when inside a table
    num_level: int | None = None  # Word list level (w:ilvl) when numbered by Word
    num_label: str = ""  # the label Word shows for that list item ("II.", "1.", "a)")
    fonts: tuple = ()
    blank_before: bool = False  # an empty line/paragraph precedes it
    grid: object = None  # the whole table (``plan.table.Table``) when inside a top-level table
    landscape: bool = False  # on a landscape page (its section is turned)
    text: str = field(init=False)

    def __post_init__(self):
        self.raw = join_name_gaps(nfc(self.raw).replace("**", "").translate(_ETH))
        self.text = clean_line(self.raw.replace("\n", " "))

    @property
    def parts(self) -> list[str]:
        """The pieces between tabs, line breaks or wide gaps (a header typed as "left<TAB>right")."""
        return [p for p in (clean_line(x) for x in re.split(r"[\t\n]+| {3,}", self.raw)) if p]

    @property
    def sublines(self) -> list[str]:
        """The pieces between line breaks (Shift+Enter inside one paragraph)."""
        return [p for p in (clean_line(x) for x in self.raw.split("\n")) if p]

    def with_raw(self, raw: str) -> "Line":
        """A copy with other text and the same layout hints."""
        return Line(raw, bold=self.bold, italic=self.italic, align=self.align, indent=self.indent,
                    table=self.table, fonts=self.fonts, grid=self.grid, landscape=self.landscape)


def _on(el) -> bool | None:
    """A w:b / w:i toggle: absent → None, present → its value."""
    if el is None:
        return None
    val = el.get(W + "val")
    return val not in ("0", "false", "off")


class _Styles:
    """What paragraph styles give by default: bold, italic, font, alignment, numbering."""

    def __init__(self, root):
        self.by_id: dict = {}
        self.default_font = None
        self.default_para = None
        self._cache: dict = {}
        if root is None:  # no styles part
            return
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
        if defaults is not None:
            self.default_font = defaults.get(W + "ascii") or defaults.get(W + "hAnsi")
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if sid:
                self.by_id[sid] = st
                if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true"):
                    self.default_para = sid

    def props(self, style_id: str | None) -> dict:
        style_id = style_id or self.default_para
        if style_id in self._cache:
            return self._cache[style_id]
        out: dict = {}
        seen = set()
        sid = style_id
        while sid and sid in self.by_id and sid not in seen:  # basedOn chain, nearest wins
            seen.add(sid)
            st = self.by_id[sid]
            rpr = st.find(W + "rPr")
            ppr = st.find(W + "pPr")
            if rpr is not None:
                out.setdefault("bold", _on(rpr.find(W + "b")))
                out.setdefault("italic", _on(rpr.find(W + "i")))
                fonts = rpr.find(W + "rFonts")
                if fonts is not None and (fonts.get(W + "ascii") or fonts.get(W + "hAnsi")):
                    out.setdefault("font", fonts.get(W + "ascii") or fonts.get(W + "hAnsi"))
            if ppr is not None:
                jc = ppr.find(W + "jc")
                if jc is not None:
                    out.setdefault("align", _ALIGN.get(jc.get(W + "val")))
                num = ppr.find(W + "numPr")
                if num is not None:
                    out.setdefault("numPr", num)
            based = st.find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None
        out = {k: v for k, v in out.items() if v is not None}
        self._cache[style_id] = out
        return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        r = roman(max(n, 1))
        return r if fmt == "upperRoman" else r.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        s = letter(max(n, 1))
        return s.upper() if fmt == "upperLetter" else s
    if fmt == "none":
        return ""
    return str(n)


class _Numbering:
    """Word list numbering: counts items per list and level, as Word shows them."""

    def __init__(self, root):
        self.nums: dict = {}  # numId -> (abstract levels, overrides)
        self.counters: dict = {}
        if root is None:  # no numbering part
            return
        abstract: dict = {}
        for an in root.iter(W + "abstractNum"):
            abstract[an.get(W + "abstractNumId")] = self._levels(an)
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            levels = dict(abstract.get(ref.get(W + "val") if ref is not None else None, {}))
            for ov in num.iter(W + "lvlOverride"):
                ilvl = int(ov.get(W + "ilvl") or 0)
                lvl = ov.find(W + "lvl")
                start = ov.find(W + "startOverride")
                if lvl is not None:
                    levels.update(self._levels(ov))
                if start is not None and ilvl in levels:
                    levels[ilvl] = (int(start.get(W + "val") or 1),) + levels[ilvl][1:]
            self.nums[num.get(W + "numId")] = levels

    @staticmethod
    def _levels(parent) -> dict:
        out = {}
        for lvl in parent.iter(W + "lvl"):
            ilvl = int(lvl.get(W + "ilvl") or 0)
            start = lvl.find(W + "start")
            fmt = lvl.find(W + "numFmt")
            text = lvl.find(W + "lvlText")
            out[ilvl] = (int(start.get(W + "val")) if start is not None and (start.get(W + "val") or "").isdigit() else 1,
                         fmt.get(W + "val") if fmt is not None else "decimal",
                         text.get(W + "val") if text is not None else "")
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.nums.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        start, fmt, text = levels[ilvl]
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a new item restarts the levels below it
        if fmt == "bullet":
            return text if text in ("-", "+", "–", "*", "•") else "-"

        def sub(m: re.Match) -> str:
            lv = int(m.group(1)) - 1
            if lv not in levels:
                return ""
            return _format_number(counts.get(lv, levels[lv][0]), levels[lv][1])
        return re.sub(r"%(\d)", sub, text)


def _run_text(run) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            out.append("\t")
        elif tag == W + "br" or tag == W + "cr":
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "softHyphen":  # the byte of "ư" in a TCVN3 font, once through a .doc
            out.append("\u00ad")
    return "".join(out)


def _glued_cell_start(pieces: list[str], text: str) -> bool:
    """A signature's first run glued to the end of the cell before it ("- Lưu VT, VH.TM. ỦY BAN NHÂN
    DÂN"): LibreOffice's conversion of a .doc loses the foot table's cell marks. No space between
    the two, and the run starting with an authority word, tell the cell boundary."""
    return bool(pieces) and bool(pieces[-1]) and not pieces[-1][-1].isspace() and parse_authority(text) is not None


def _runs(parent):
    for child in parent:
        if child.tag == _R:
            yield child
        elif child.tag in _RUN_HOLDERS:
            yield from _runs(child)


class _Reader:
    def __init__(self, parts):
        self.styles = _Styles(parts.styles)
        self.numbering = _Numbering(parts.numbering)
        self.lines: list[Line] = []
        self.table_count = 0
        self.section = 0
        self.section_of: list[int] = []  # per line read
        self.orients: list[bool] = []  # per section: landscape

    def paragraph(self, p, table=None) -> None:
        ppr = p.find(W + "pPr")
        style_id = None
        align = None
        indent = 0
        num = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            style_id = ps.get(W + "val") if ps is not None else None
            jc = ppr.find(W + "jc")
            if jc is not None:
                align = _ALIGN.get(jc.get(W + "val"))
            ind = ppr.find(W + "ind")
            if ind is not None:
                val = ind.get(W + "left") or ind.get(W + "start") or "0"
                indent = int(val) if val.lstrip("-").isdigit() else 0
            num = ppr.find(W + "numPr")
        sprops = self.styles.props(style_id)
        align = align or sprops.get("align")
        num = num if num is not None else sprops.get("numPr")
        pieces, fonts = [], []
        bold_chars = italic_chars = total = 0
        for r in _runs(p):
            text = _run_text(r)
            if not text:
                continue
            rpr = r.find(W + "rPr")
            font = bold = italic = None
            if rpr is not None:
                rf = rpr.find(W + "rFonts")
                if rf is not None:
                    font = rf.get(W + "ascii") or rf.get(W + "hAnsi")
                bold = _on(rpr.find(W + "b"))
                italic = _on(rpr.find(W + "i"))
            font = font or sprops.get("font") or self.styles.default_font
            bold = sprops.get("bold", False) if bold is None else bold
            italic = sprops.get("italic", False) if italic is None else italic
            text = decode_for_font(text, font).replace("\u00ad", "")  # a soft hyphen left is invisible
            if _glued_cell_start(pieces, text):
                pieces.append("\n")
            pieces.append(text)
            if font and font not in fonts:
                fonts.append(font)
            weight = len(text.strip())
            total += weight
            bold_chars += weight if bold else 0
            italic_chars += weight if italic else 0
        level, label = None, ""
        if num is not None:
            ilvl_el, id_el = num.find(W + "ilvl"), num.find(W + "numId")
            num_id = id_el.get(W + "val") if id_el is not None else None
            if num_id and num_id != "0":
                ilvl_val = ilvl_el.get(W + "val") if ilvl_el is not None else "0"
                level = int(ilvl_val) if (ilvl_val or "").isdigit() else 0
                label = self.numbering.label(num_id, level)
        raw = "".join(pieces)
        if not raw.strip() and table is None:  # in a table, an empty numbered cell shows its number
            label = ""
        self.lines.append(Line(raw, bold=total > 0 and bold_chars * 2 > total,
                               italic=total > 0 and italic_chars * 2 > total, align=align,
                               indent=indent, table=table, num_level=level if label else None,
                               num_label=label, fonts=tuple(fonts)))
        self.section_of.append(self.section)  # which page section (orientation) the line is in
        if table is None and ppr is not None and ppr.find(W + "sectPr") is not None:
            self.orients.append(is_landscape(ppr.find(W + "sectPr")))
            self.section += 1

    def block(self, parent, table=None) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                self.paragraph(child, table)
            elif tag == _TBL:
                self.table(child, table)
            elif tag in (_SDT, _SDT_CONTENT, W + "customXml"):
                self.block(child, table)

    def table(self, tbl, outer=None) -> None:
        start = len(self.lines)
        index = outer[0] if outer else self.table_count
        if not outer:
            self.table_count += 1
        builder = None if outer else GridBuilder()
        for r, tr in enumerate(tbl.iter(_TR)):
            if tr.getparent() is not tbl:
                continue  # rows of nested tables are read through their cell (flattened into it)
            c = 0
            if builder:
                builder.start_row(tr)
            for tc in tr:
                if tc.tag != _TC:
                    continue
                first = len(self.lines)
                self.block(tc, (index, r, c) if not outer else outer)
                if builder:
                    builder.add_cell(tc, self.lines[first:])
                else:  # a table inside a cell: its row, for flattening it into the outer cell
                    for line in self.lines[first:]:
                        line.nested = getattr(line, "nested", None) or (id(tbl), r, c)
                c += 1
        if builder:
            grid = builder.table()
            for line in self.lines[start:]:
                line.grid = grid


def docx_lines(document) -> list[Line]:
    """Every paragraph of the body (tables cell by cell) as a ``Line``; empty ones mark blanks."""
    parts = parts_of(document)  # a python-docx Document or the light reader's package
    reader = _Reader(parts)
    body = parts.body
    reader.block(body)
    last = body.find(W + "sectPr")
    orients = reader.orients + [last is not None and is_landscape(last)]
    out: list[Line] = []
    blank = False
    for line, section in zip(reader.lines, reader.section_of):
        line.landscape = orients[min(section, len(orients) - 1)]
        if not line.text:
            blank = True
            continue
        line.blank_before = blank
        blank = False
        out.append(line)
    return out


__all__ = ["Line", "docx_lines"]
