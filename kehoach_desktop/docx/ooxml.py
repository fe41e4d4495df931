"""WordprocessingML fragments as strings: runs, paragraphs, borderless tables.

The writer builds the whole body as one XML string and parses it once: far
cheaper than python-docx's object API per run, and every property is written
explicitly (direct formatting), so the page looks the same in Word and
LibreOffice whatever their default styles. Element order follows the schema
(CT_PPr, CT_RPr, CT_TblPr, ...): Word refuses a file whose order is wrong.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..plan.layout import TextStyle
from ..plan.text import nfc
from ..lazy_regex import lazy_compile


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_MM = 1440 / 25.4
BLACK = "000000"

_BREAKS = lazy_compile(r"(\r\n|\n|\r|\t)")
_JC = {"justify": "both", "center": "center", "left": "left", "right": "right"}


def escape(text: str) -> str:
    """``&``, ``<``, ``>`` as entities (``xml.sax.saxutils.escape``, whose import pulls in urllib,
    http and email: ~10 ms of every render)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """An attribute value with its quotes, as ``xml.sax.saxutils.quoteattr`` writes it."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace('"', "&quot;") + '"'


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def pt_twips(pt: float) -> int:
    return round(pt * 20)


def half_points(pt: float) -> int:
    return round(pt * 2)


def clean_text(text: str) -> str:
    """NFC, minus the characters XML cannot hold (``nfc`` drops them: the embedded plan keeps them)."""
    return nfc(text)


@lru_cache(maxsize=256)
def rpr(font: str, size: float, bold: bool = False, italic: bool = False,
        underline: bool = False) -> str:
    """Run properties: the font in all four slots, black, the size; bold/italic/underline when on."""
    f = quoteattr(font)
    parts = [f"<w:rPr><w:rFonts w:ascii={f} w:hAnsi={f} w:cs={f} w:eastAsia={f}/>"]
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    sz = half_points(size)
    parts.append(f'<w:color w:val="{BLACK}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    parts.append("</w:rPr>")
    return "".join(parts)


def style_rpr(font: str, style: TextStyle, *, bold: bool | None = None) -> str:
    return rpr(font, style.size, style.bold if bold is None else bold, style.italic, style.underline)


@dataclass(frozen=True)
class Border:
    """A solid paragraph border line (top or bottom), thickness in eighths of a point."""

    side: str = "top"
    width: int = 6
    space: int = 1


@lru_cache(maxsize=512)
def ppr(align: str = "left", *, before: int = 0, after: int = 0, line: int = 240,
        line_rule: str = "auto", first_line: int = 0, left: int = 0, right: int = 0,
        keep_next: bool = False, widow: bool = False, border: Border | None = None,
        mark_rpr: str = "") -> str:
    """Paragraph properties; spacing and indents in twips, ``line`` in 240ths of a line (auto)."""
    parts = ["<w:pPr>"]
    if keep_next:
        parts.append("<w:keepNext/>")
    parts.append("<w:widowControl/>" if widow else '<w:widowControl w:val="0"/>')
    if border is not None:
        parts.append(f'<w:pBdr><w:{border.side} w:val="single" w:sz="{border.width}" '
                     f'w:space="{border.space}" w:color="{BLACK}"/></w:pBdr>')
    parts.append(f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" '
                 f'w:lineRule="{line_rule}"/>')
    if first_line or left or right:
        parts.append(f'<w:ind w:left="{left}" w:right="{right}" w:firstLine="{first_line}"/>')
    parts.append(f'<w:jc w:val="{_JC.get(align, "left")}"/>')
    if mark_rpr:
        parts.append(mark_rpr)
    parts.append("</w:pPr>")
    return "".join(parts)


def run(text: str, run_props: str) -> str:
    """One run; line breaks become ``w:br`` and tabs ``w:tab``, so the text stays as typed."""
    text = clean_text(text)
    if not text:
        return ""
    if "\n" not in text and "\t" not in text and "\r" not in text:
        return f'<w:r>{run_props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    out = [f"<w:r>{run_props}"]
    for piece in _BREAKS.split(text):
        if piece in ("\r\n", "\n", "\r"):
            out.append("<w:br/>")
        elif piece == "\t":
            out.append("<w:tab/>")
        elif piece:
            out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    out.append("</w:r>")
    return "".join(out)


def paragraph(p_props: str, runs: str = "") -> str:
    return f"<w:p>{p_props}{runs}</w:p>"


def lines_run(lines: list[str], run_props: str) -> str:
    """Several lines in one paragraph, separated by line breaks (a body name on two lines)."""
    return run("\n".join(lines), run_props)


def rule_extent(lines: list[str], style, fraction: float, available: int) -> tuple[int, int]:
    """(width, side indent) in twips of a solid line ``fraction`` as long as the longest of ``lines``,
    centred in ``available``: one computation for the DOCX and the printed pages."""
    from .metrics import text_width_mm

    longest = max((text_width_mm(t, style.size, style.bold) for t in lines), default=0.0)
    # A summary on several lines: its longest line is at most the available width.
    width = max(1, min(round(min(available, twips(longest)) * fraction), available))
    return width, max(0, (available - width) // 2)


def rule_paragraph(width: int, available: int, thickness: int, align: str = "center",
                   before: int = 0, after: int = 0, height: int = 40) -> str:
    """A solid line ``width`` twips long: the top border of a tiny empty centred paragraph.

    Left and right indents narrow the paragraph to the line's length; both Word and
    LibreOffice draw a border on an empty paragraph, and the exact 2 pt height keeps it
    tight under the text above.
    """
    width = max(1, min(width, available))
    side = max(0, (available - width) // 2)
    props = ppr(align, before=before, after=after, line=height, line_rule="exact", left=side, right=side,
                border=Border("top", thickness, 0),
                mark_rpr=f'<w:rPr><w:sz w:val="{max(2, height // 10)}"/></w:rPr>')
    return paragraph(props)


# ---- tables ----------------------------------------------------------------
_NIL_TBL = ("<w:tblBorders>" + "".join(
    f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + "</w:tblBorders>")
_NIL_TC = ("<w:tcBorders>" + "".join(
    f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right")) + "</w:tcBorders>")


def cell(width: int, paragraphs: list[str]) -> str:
    body = "".join(paragraphs) or paragraph(ppr())  # a cell must hold a paragraph
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{_NIL_TC}</w:tcPr>'
            f"{body}</w:tc>")


def row(cells: list[str], *, cant_split: bool = False) -> str:
    tr_pr = "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""
    return f"<w:tr>{tr_pr}{''.join(cells)}</w:tr>"


def table(widths: list[int], rows: list[str], *, cell_margin: int = 0) -> str:
    """A borderless table of fixed column widths (twips)."""
    total = sum(widths)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        f'{_NIL_TBL}<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{cell_margin}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        f'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>")


def split_widths(total: int, fractions: tuple) -> list[int]:
    """Column widths from fractions of the text width; the last column takes the rounding."""
    widths = [round(total * f) for f in fractions[:-1]]
    return widths + [total - sum(widths)]


def page_field_runs(run_props: str) -> str:
    """A PAGE field (the page number), as Word writes it: begin, instruction, result, end."""
    return (f'<w:r>{run_props}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{run_props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{run_props}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{run_props}<w:t>2</w:t></w:r>'
            f'<w:r>{run_props}<w:fldChar w:fldCharType="end"/></w:r>')


def wrap_body(fragments: list[str]) -> str:
    return f'<w:body xmlns:w="{W_NS}">{"".join(fragments)}</w:body>'
