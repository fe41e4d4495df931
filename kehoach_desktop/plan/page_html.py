"""The printed page as blocks of Qt-rich-text HTML, from a Plan and the layout rules (no Qt).

The preview lays out and paginates these blocks; each block's HTML is also its
cache key, so after a keystroke only the one changed block is laid out again.
Sizes, weights, words and punctuation come from ``layout.rules_for`` and
``numbering`` — the same rules the DOCX writer follows.
"""
from __future__ import annotations

import datetime as _dt
import html
import re
from dataclasses import dataclass, replace

from .layout import RegimeRules, TextStyle, body_name_lines, heading_style, rules_for
from .metrics import text_width_mm
from .model import Plan, Section
from .table import Table
from .numbering import date_line, label, number_line

DPI = 96.0  # the preview lays out at 96 px per inch


def mm_px(mm: float) -> float:
    return mm * DPI / 25.4


def pt_px(pt: float) -> float:
    return pt * DPI / 72.0


@dataclass(frozen=True)
class Block:
    """One piece of the page: a paragraph, a heading, or a table that never splits."""

    html: str
    kind: str  # header | title | paragraph | heading | table | foot | appendix
    path: str = ""  # what part of the plan it shows ("summary", "sections[0].content[2]")
    keep_with_next: bool = False  # a heading, or the last paragraph before the signature
    splittable: bool = True  # may break between its lines at a page end
    before_pt: float = 0.0  # space above the block (Qt drops a document's outer margins)
    after_pt: float = 0.0  # space below the block
    header_rows: int | None = None  # a table: how many rows repeat atop each page it runs onto
    new_page: bool = False  # starts a new page (an appendix's first block)
    landscape: bool = False  # laid out on turned pages (a wide appendix)

    @property
    def key(self) -> str:
        return f"{self.before_pt:g}|{self.after_pt:g}|{self.landscape}|{self.html}"


@dataclass(frozen=True)
class PageGeometry:
    """The page in preview pixels (96 dpi)."""

    width: float
    height: float
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    header_distance: float
    page_number_pt: float
    font: str

    @property
    def text_width(self) -> float:
        return self.width - self.margin_left - self.margin_right

    @property
    def text_height(self) -> float:
        return self.height - self.margin_top - self.margin_bottom


def page_geometry(rules: RegimeRules) -> PageGeometry:
    p = rules.page
    return PageGeometry(mm_px(p.width_mm), mm_px(p.height_mm), mm_px(p.margin_top_mm),
                        mm_px(p.margin_bottom_mm), mm_px(p.margin_left_mm), mm_px(p.margin_right_mm),
                        mm_px(rules.spacing.header_distance_mm), p.page_number.size, p.font)


# ---- HTML pieces ------------------------------------------------------------------
_RUN_OF_SPACES = re.compile(r" {2,}")


def esc(text: str) -> str:
    """Escape, keep runs of spaces (the blanks of an undated line) and line breaks."""
    out = html.escape(text, quote=False)
    out = _RUN_OF_SPACES.sub(lambda m: "&nbsp;" * len(m.group(0)), out)
    return out.replace("\n", "<br/>")


def css(style: TextStyle, *, indent_mm: float = 0.0, before_pt: float = 0.0, after_pt: float = 0.0,
        line_spacing: float = 1.0) -> str:
    parts = [f"font-size:{style.size:g}pt",
             f"font-weight:{'bold' if style.bold else 'normal'}",
             f"font-style:{'italic' if style.italic else 'normal'}",
             f"text-decoration:{'underline' if style.underline else 'none'}",
             f"margin-top:{pt_px(before_pt):.1f}px", f"margin-bottom:{pt_px(after_pt):.1f}px",
             "margin-left:0px", "margin-right:0px",
             f"text-indent:{mm_px(indent_mm):.1f}px"]
    if line_spacing != 1.0:
        parts.append(f"line-height:{line_spacing * 100:g}%")
    return ";".join(parts)


def para(text: str, style: TextStyle, **kw) -> str:
    # Qt reads alignment from the attribute (its CSS has no "justify").
    return f'<p align="{style.align}" style="{css(style, **kw)}">{esc(text)}</p>'


def rule_line(fraction: float, before_pt: float = 0.0) -> str:
    """A solid centred line, ``fraction`` of the width (Qt draws <hr> centred)."""
    width = max(5, round(fraction * 100))
    return (f'<hr width="{width}%" style="margin-top:{pt_px(before_pt):.1f}px;'
            f'margin-bottom:0px"/>')


def _underlined(style: TextStyle) -> TextStyle:
    return TextStyle(style.size, style.bold, style.italic, True, style.caps, style.align)


# ---- the parts of the page ------------------------------------------------------------
def header_html(plan: Plan, rules: RegimeRules, today: _dt.date | None = None) -> str:
    h = plan.header
    left, right = rules.header_columns
    sp = rules.spacing
    lcell = []
    for line in body_name_lines(h.superior, rules, rules.superior_style):
        lcell.append(para(line, rules.superior_style))
    issuer_lines = body_name_lines(h.issuer, rules, rules.issuer_style) or [""]
    lcell.append(para("\n".join(issuer_lines), rules.issuer_style))
    if rules.issuer_mark == "*":
        lcell.append(para("*", TextStyle(rules.issuer_style.size)))
    else:
        # The line is a fraction of the issuer's text, and <hr> widths are of the cell.
        style = rules.issuer_style
        longest = max((text_width_mm(x, style.size, style.bold) for x in issuer_lines if x), default=0.0)
        cell_mm = (rules.page.width_mm - rules.page.margin_left_mm - rules.page.margin_right_mm) * left
        text_mm = min(cell_mm, longest or text_width_mm("Ủ" * 12, style.size, style.bold))
        lcell.append(rule_line(rules.issuer_line_fraction * text_mm / cell_mm, sp.rule_gap_pt))
    rcell = [para(rules.national_title, rules.national_title_style)]
    if rules.motto and rules.motto_style is not None:
        motto_style = _underlined(rules.motto_style) if rules.line_under_title_block else rules.motto_style
        rcell.append(para(rules.motto, motto_style))
    elif rules.line_under_title_block:
        rcell[0] = para(rules.national_title, _underlined(rules.national_title_style))
    number = number_line(rules.number_template, h.number, h.symbol)
    date = date_line(h.place, h.date, today)
    gap = pt_px(sp.header_row_gap_pt)
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" border="0" style="border-style:none">'
        f'<tr><td width="{left * 100:g}%" align="center" valign="top">{"".join(lcell)}</td>'
        f'<td width="{right * 100:g}%" align="center" valign="top">{"".join(rcell)}</td></tr>'
        f'<tr><td align="center" valign="top" style="padding-top:{gap:.1f}px">'
        f'{para(number, rules.number_style)}</td>'
        f'<td align="center" valign="top" style="padding-top:{gap:.1f}px">'
        f'{para(date, rules.date_style)}</td></tr></table>')


def title_html(plan: Plan, rules: RegimeRules) -> str:
    sp = rules.spacing
    out = [para(rules.title_text, rules.title_style)]
    out.append(para(plan.summary, rules.summary_style))
    if rules.summary_mark == "line":
        out.append(rule_line(rules.summary_line_fraction, sp.rule_gap_pt))
    else:
        out.append(para(rules.summary_mark, TextStyle(rules.summary_style.size)))
    return "".join(out)


def foot_html(plan: Plan, rules: RegimeRules) -> str:
    left, right = rules.foot_columns
    lcell = [para(rules.recipients_label, rules.recipients_label_style)]
    entries = [e for e in plan.recipients if e.strip()]
    for i, entry in enumerate(entries):
        end = rules.recipient_end if i == len(entries) - 1 else rules.recipient_separator
        lcell.append(para(f"{rules.recipient_prefix}{entry}{end}", rules.recipient_style))
    typist = typist_line(plan, rules)
    if typist:
        lcell.append(para(typist, rules.typist_style))
    s = plan.signature
    rcell = []
    if s.authority.strip():
        rcell.append(para(f"{s.authority.strip()} {s.collective.strip()}".strip(), rules.authority_style))
    if getattr(s, "deputy", "").strip():  # the second authority line ("KT. CHỦ TỊCH")
        rcell.append(para(s.deputy.strip(), rules.authority_style))
    if s.position.strip():
        rcell.append(para(s.position, rules.position_style))
    body = rules.body.paragraph.size
    rcell.append("".join(para("\u00a0", TextStyle(body)) for _ in range(rules.signature_space_lines)))
    rcell.append(para(s.name, rules.name_style))
    return ('<table width="100%" cellspacing="0" cellpadding="0" border="0">'
            f'<tr><td width="{left * 100:g}%" valign="top">{"".join(lcell)}</td>'
            f'<td width="{right * 100:g}%" align="center" valign="top">{"".join(rcell)}</td>'
            '</tr></table>')


def typist_line(plan: Plan, rules: RegimeRules) -> str:
    typist = (plan.typist or "").strip()
    copies = "" if plan.copies is None else str(plan.copies).strip()
    if typist and copies:
        return rules.typist_template.format(typist=typist, copies=copies)
    return typist


def _body(text: str, rules: RegimeRules) -> str:
    b = rules.body
    return para(text, b.paragraph, indent_mm=b.first_line_indent_mm, line_spacing=b.line_spacing)


def _section_blocks(plan: Plan, rules: RegimeRules, items: list, numbers: tuple, where: str):
    b = rules.body
    ordinal = 0
    for i, item in enumerate(items):
        path = f"{where}[{i}]"
        if isinstance(item, Table):
            yield table_block(item, rules, path)
        elif isinstance(item, Section):
            ordinal += 1
            nums = numbers + (ordinal,)
            text = f"{label(plan.numbering, nums)} {item.title}".rstrip()
            if item.is_plain:
                yield Block(_body(text, rules), "paragraph", path, after_pt=b.space_after_pt)
            else:
                style = heading_style(rules, len(nums) - 1)
                yield Block(para(text, style, indent_mm=b.first_line_indent_mm, line_spacing=b.line_spacing),
                            "heading", path, keep_with_next=True, after_pt=b.space_after_pt)
            yield from _section_blocks(plan, rules, item.content, nums, f"{path}.content")
        elif item.strip():
            yield Block(_body(item, rules), "paragraph", path, after_pt=b.space_after_pt)



def section_blocks(plan: Plan, rules: RegimeRules, items: list, where: str):
    """The blocks of a content list numbered on its own (an appendix's)."""
    return list(_section_blocks(plan, rules, items, (), where))


def page_blocks(plan: Plan, today: _dt.date | None = None) -> list[Block]:
    """Every block of the page, in reading order."""
    rules = rules_for(plan.regime)
    sp = rules.spacing
    after = rules.body.space_after_pt
    blocks = [Block(header_html(plan, rules, today), "header", "header", splittable=False),
              Block(title_html(plan, rules), "title", "summary", keep_with_next=True, splittable=False,
                    before_pt=sp.title_space_before_pt)]
    first_body = len(blocks)
    for i, text in enumerate(plan.preamble):
        if text.strip():
            blocks.append(Block(_body(text, rules), "paragraph", f"preamble[{i}]", after_pt=after))
    blocks.extend(_section_blocks(plan, rules, plan.sections, (), "sections"))
    for i, text in enumerate(plan.closing):
        if text.strip():
            blocks.append(Block(_body(text, rules), "paragraph", f"closing[{i}]", after_pt=after))
    if len(blocks) > first_body:
        # The signature is never alone on a page: the last paragraph goes with it.
        blocks[-1] = replace(blocks[-1], keep_with_next=True)
        blocks[first_body] = replace(blocks[first_body], before_pt=sp.body_space_before_pt)
    blocks.append(Block(foot_html(plan, rules), "foot", "recipients", splittable=False,
                        before_pt=sp.foot_space_before_pt))
    blocks.extend(appendix_blocks(plan, rules))
    return blocks


def page_html(plan: Plan, today: _dt.date | None = None) -> str:
    """The whole page as one HTML document (for tests and a plain fallback view)."""
    rules = rules_for(plan.regime)
    body = "".join(b.html for b in page_blocks(plan, today))
    return (f'<html><body style="font-family:\'{rules.page.font}\';font-size:'
            f'{rules.body.paragraph.size:g}pt">{body}</body></html>')


# Tables and appendices build on the helpers above.
from .page_tables import appendix_blocks, table_block  # noqa: E402
