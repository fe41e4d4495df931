"""The printed page as blocks, exactly as the DOCX writer builds it (no Qt).

Each block says what a word processor sees in the app's DOCX: paragraphs
(text, style, indents, spacing, keep-with-next, widow control), solid rule
lines drawn as the border of a tiny paragraph, and borderless tables whose
rows never split. Sizes, words and fractions come from ``layout.rules_for``
and the writer's own helpers, so the print/PDF pages and the DOCX cannot
drift apart. A table or an appendix is one more block kind for the typesetter.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..docx import ooxml
from ..docx.writer_foot import recipient_lines, typist_line
from ..plan import numbering
from ..plan.layout import RegimeRules, TextStyle, body_name_lines, heading_style, rules_for, title_block_lines
from ..plan.model import Plan, Section
from ..plan.table import Table as PlanTable

PT_PER_MM = 72 / 25.4
TWIPS_PER_PT = 20


def mm_pt(mm: float) -> float:
    return mm * PT_PER_MM


def twips_pt(twips: int) -> float:
    return twips / TWIPS_PER_PT


@dataclass(frozen=True)
class Para:
    """One paragraph; lengths in points. ``rule`` > 0: an empty paragraph whose top border is a line."""

    text: str
    style: TextStyle
    first_line: float = 0.0
    left: float = 0.0
    right: float = 0.0
    before: float = 0.0
    after: float = 0.0
    keep_next: bool = False
    widow: bool = False
    rule: float = 0.0  # the line's thickness (pt); the paragraph is then ``exact`` points high
    exact: float = 0.0
    path: str = ""  # the part of the plan it shows ("summary", "sections[0].content[2]")


@dataclass(frozen=True)
class Cell:
    width: float
    paras: tuple
    rowspan: int = 1  # rows a merged cell covers (its text is set over all of them)
    top: bool = True  # draws its top border (not a continued merge)
    bottom: bool = True  # draws its bottom border (not above its own continuation)
    path: str = ""  # the cell's text in the plan ("sections[2].content[1].rows[3][0].text")


@dataclass(frozen=True)
class Row:
    cells: tuple
    cant_split: bool = True
    header: bool = False  # repeated at the top of each page the table runs onto (w:tblHeader)


@dataclass(frozen=True)
class Table:
    rows: tuple
    cell_margin: float = 0.0
    path: str = ""
    border: float = 0.0  # single cell borders this thick (points); 0: a borderless layout table


@dataclass(frozen=True)
class PageBreak:
    """What follows starts a new page (an appendix), turned or not, ``width`` points of text across."""

    landscape: bool
    width: float
    path: str = ""


@dataclass(frozen=True)
class PageSetup:
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    header_distance: float
    font: str
    page_number: TextStyle
    number_first_page: bool

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom

    def turned(self) -> "PageSetup":
        """The landscape page of an appendix: the sheet turned, the same margins."""
        from dataclasses import replace

        return replace(self, width=self.height, height=self.width)


@dataclass
class PrintOptions:
    """What the export dialog chooses: the DỰ THẢO mark, a copy for digital signing."""

    draft_mark: bool | None = None  # None: on when the plan has no number or no date
    for_signing: bool = False  # no mark, number and date blank for the e-office system
    today: _dt.date | None = None
    extra: dict = field(default_factory=dict)


def page_setup(rules: RegimeRules) -> PageSetup:
    p = rules.page
    # The writer stores lengths in twips: round the same way so both agree to the twip.
    tw = ooxml.twips
    width, left = twips_pt(tw(p.width_mm)), twips_pt(tw(p.margin_left_mm))
    # The text width the writer sizes its tables to (LibreOffice breaks body lines at it too).
    text = twips_pt(tw(p.width_mm - p.margin_left_mm - p.margin_right_mm))
    return PageSetup(width, twips_pt(tw(p.height_mm)), twips_pt(tw(p.margin_top_mm)),
                     twips_pt(tw(p.margin_bottom_mm)), left, width - left - text,
                     twips_pt(tw(rules.spacing.header_distance_mm)),
                     p.font, p.page_number, p.page_number_on_first_page)


def is_draft(plan: Plan) -> bool:
    """A plan not yet numbered or dated is a draft (dự thảo)."""
    return not plan.header.number.strip() or not plan.header.date.strip()


def plan_for_options(plan: Plan, options: PrintOptions) -> Plan:
    if not options.for_signing:
        return plan
    signing = plan.copy()
    signing.header.number = ""
    signing.header.date = ""
    return signing


# ---- the parts, as the writer builds them ----------------------------------------------
class _Builder:
    def __init__(self, rules: RegimeRules):
        self.rules = rules
        self.text_width_twips = ooxml.twips(rules.page.width_mm - rules.page.margin_left_mm
                                            - rules.page.margin_right_mm)
        self.cell_margin_twips = ooxml.twips(rules.spacing.table_cell_margin_mm)
        self.thickness = rules.spacing.rule_width_eighths / 8

    def line(self, text: str, style: TextStyle, *, before: float = 0, after: float = 0,
             keep_next: bool = False, path: str = "") -> Para:
        return Para(ooxml.clean_text(text), style, before=twips_pt(ooxml.pt_twips(before)),
                    after=twips_pt(ooxml.pt_twips(after)), keep_next=keep_next, path=path)

    def rule_under(self, lines: list[str], style: TextStyle, fraction: float, available: int,
                   *, after: float = 0, path: str = "") -> Para:
        """As ``writer_common.Ctx.rule_under`` draws it (``ooxml.rule_extent``)."""
        _width, side = ooxml.rule_extent(lines, style, fraction, available)
        return Para("", TextStyle(1), left=twips_pt(side), right=twips_pt(side),
                    before=twips_pt(ooxml.pt_twips(self.rules.spacing.rule_gap_pt)),
                    after=twips_pt(ooxml.pt_twips(after)), rule=self.thickness, exact=2.0, path=path)

    def cell(self, width_twips: int, paras: list[Para]) -> Cell:
        return Cell(twips_pt(width_twips), tuple(paras) or (Para("", TextStyle(self.rules.body.paragraph.size)),))

    def table(self, fractions: tuple, rows: list[list[list[Para]]], path: str) -> Table:
        widths = ooxml.split_widths(self.text_width_twips, fractions)
        return Table(tuple(Row(tuple(self.cell(w, c) for w, c in zip(widths, cells))) for cells in rows),
                     twips_pt(self.cell_margin_twips), path)


def header_table(b: _Builder, plan: Plan, today) -> Table:
    rules = b.rules
    widths = ooxml.split_widths(b.text_width_twips, rules.header_columns)
    inner = [w - 2 * b.cell_margin_twips for w in widths]
    left = []
    superior = body_name_lines(plan.header.superior, rules, rules.superior_style)  # as the writer breaks them
    if superior:
        left.append(b.line("\n".join(superior), rules.superior_style, path="header"))
    issuer = body_name_lines(plan.header.issuer, rules, rules.issuer_style)
    if issuer:
        left.append(b.line("\n".join(issuer), rules.issuer_style, path="header"))
        if rules.issuer_mark == "line":
            left.append(b.rule_under(issuer, rules.issuer_style, rules.issuer_line_fraction, inner[0]))
        elif rules.issuer_mark:
            left.append(b.line(rules.issuer_mark, TextStyle(rules.issuer_style.size,
                                                            align=rules.issuer_style.align)))
    titles = title_block_lines(rules)
    right = [b.line(text, style) for text, style in titles]
    if rules.line_under_title_block:
        right.append(b.rule_under([titles[-1][0]], titles[-1][1], rules.spacing.title_block_line_fraction,
                                  inner[1]))
    gap = rules.spacing.header_row_gap_pt
    number = numbering.number_line(rules.number_template, plan.header.number, plan.header.symbol)
    date = numbering.date_line(plan.header.place, plan.header.date, today)
    second = [[b.line(number, rules.number_style, before=gap, path="header")],
              [b.line(date, rules.date_style, before=gap, path="header")]]
    return b.table(rules.header_columns, [[left, right], second], "header")


def title_paras(b: _Builder, plan: Plan) -> list[Para]:
    rules = b.rules
    sp = rules.spacing
    out = [b.line(rules.title_text, rules.title_style, before=sp.title_space_before_pt, keep_next=True,
                  path="summary")]
    summary_lines = [line for line in plan.summary.splitlines() if line.strip()]
    if summary_lines:
        out.append(b.line(plan.summary, rules.summary_style, keep_next=True, path="summary"))
    after = sp.body_space_before_pt
    if rules.summary_mark == "line":
        out.append(b.rule_under(summary_lines or [rules.title_text],
                                rules.summary_style if summary_lines else rules.title_style,
                                rules.summary_line_fraction, b.text_width_twips, after=after,
                                path="summary"))
    elif rules.summary_mark:
        out.append(b.line(rules.summary_mark, TextStyle(rules.summary_style.size,
                                                        align=rules.summary_style.align), after=after,
                          path="summary"))
    return out


def _walk(plan: Plan, rules: RegimeRules, items: list, numbers: tuple, where: str, out: list):
    ordinal = 0
    for i, item in enumerate(items):
        path = f"{where}[{i}]"
        if isinstance(item, PlanTable):
            out.append((item, None, False, path))
            continue
        if not isinstance(item, Section):
            out.append((item, rules.body.paragraph, False, path))
            continue
        ordinal += 1
        nums = numbers + (ordinal,)
        lab = numbering.label(plan.numbering, nums)
        if item.is_plain:
            out.append((f"{lab} {item.title}".rstrip(), rules.body.paragraph, False, path))
        else:
            style = heading_style(rules, len(nums) - 1)
            title = item.title.upper() if style.caps else item.title
            out.append((f"{lab} {title}".rstrip(), style, True, path))
        _walk(plan, rules, item.content, nums, f"{path}.content", out)


def body_paras(b: _Builder, plan: Plan) -> list:
    """Mirror of ``writer_body.body_paragraphs``: every paragraph and table, in order, with its keep rules."""
    rules = b.rules
    body = rules.body
    items = [(t, body.paragraph, False, f"preamble[{i}]") for i, t in enumerate(plan.preamble)]
    _walk(plan, rules, plan.sections, (), "sections", items)
    items += [(t, body.paragraph, False, f"closing[{i}]") for i, t in enumerate(plan.closing)]
    return content_blocks(b, items, keep_last=True, available=b.text_width_twips)


def content_blocks(b: _Builder, items: list, *, keep_last: bool, available: int) -> list:
    """Mirror of ``writer_body._render``: paragraphs with the body's spacing, tables as the writer sets them."""
    from .tables import table_blocks

    body = b.rules.body
    first_line = twips_pt(ooxml.twips(body.first_line_indent_mm))
    after = twips_pt(ooxml.pt_twips(body.space_after_pt))
    last = len(items) - 1
    out = []
    for i, (text, style, heading, path) in enumerate(items):
        if isinstance(text, PlanTable):
            out += table_blocks(text, available, path, body.paragraph.size)
            continue
        keep = (heading and body.keep_heading_with_next) or (keep_last and i == last)
        out.append(Para(ooxml.clean_text(text), style, first_line=first_line, after=after, keep_next=keep,
                        widow=body.widow_control, path=path))
    return out


def content_items(plan: Plan, rules: RegimeRules, content: list, where: str) -> list:
    """An appendix's content in reading order, numbered from I. again (as ``writer_body.content_xml``)."""
    out: list = []
    _walk(plan, rules, content, (), where, out)
    return out


def foot_table(b: _Builder, plan: Plan) -> Table:
    rules = b.rules
    before = rules.spacing.foot_space_before_pt
    left = [b.line(rules.recipients_label, rules.recipients_label_style, before=before, path="recipients")]
    left += [b.line(t, rules.recipient_style, path="recipients")
             for t in recipient_lines(rules, plan.recipients)]
    typist = typist_line(rules, plan.typist, plan.copies)
    if typist:
        left.append(b.line(typist, rules.typist_style, path="recipients"))
    sig = plan.signature
    right = []
    if sig.authority.strip():
        right.append(b.line(f"{sig.authority.strip()} {sig.collective.strip()}".strip(),
                            rules.authority_style, before=before, path="signature"))
    deputy = getattr(sig, "deputy", "").strip()
    if deputy:
        right.append(b.line(deputy, rules.authority_style, before=0 if right else before, path="signature"))
    if sig.position.strip() or not right:
        right.append(b.line(sig.position, rules.position_style, before=0 if right else before,
                            path="signature"))
    space = TextStyle(rules.body.paragraph.size, align=rules.name_style.align)
    right += [b.line("", space, path="signature") for _ in range(rules.signature_space_lines)]
    right.append(b.line(sig.name, rules.name_style, path="signature"))
    return b.table(rules.foot_columns, [[left, right]], "recipients")


def page_blocks(plan: Plan, today: _dt.date | None = None) -> list:
    """Every block of the DOCX body, in order: header table, title, text, foot table."""
    from .tables import appendix_blocks

    b = _Builder(rules_for(plan.regime))
    return ([header_table(b, plan, today)] + title_paras(b, plan) + body_paras(b, plan)
            + [foot_table(b, plan)] + appendix_blocks(b, plan))
