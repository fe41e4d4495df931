"""Appendices after the signature: each on a new page, portrait or landscape.

Each appendix opens with its title ("PHỤ LỤC I"), its trích yếu and the line
"(Kèm theo Kế hoạch số …/… ngày … của …)", then its content. A change of
orientation needs a new section: the paragraph that ends a section carries
that section's ``w:sectPr`` (a copy of the document's, turned as needed), and
the body's own ``w:sectPr`` describes the last section. Later sections show
the page number on every page (only the plan's first page has none).
"""
from __future__ import annotations

import copy

from docx.oxml.ns import qn
from lxml import etree

from ..plan.model import Plan
from ..plan.table_layout import TABLE_RULES, appendix_lines
from . import ooxml
from .writer_body import content_xml
from .writer_common import Ctx


def turned(sect_pr, landscape: bool, *, first: bool):
    """A copy of ``sect_pr`` in the given orientation; without the first-page header unless ``first``."""
    out = copy.deepcopy(sect_pr)
    size = out.find(qn("w:pgSz"))
    if size is not None:
        w, h = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
        short, long_ = min(w, h), max(w, h)
        size.set(qn("w:w"), str(long_ if landscape else short))
        size.set(qn("w:h"), str(short if landscape else long_))
        if landscape:
            size.set(qn("w:orient"), "landscape")
        elif qn("w:orient") in size.attrib:
            del size.attrib[qn("w:orient")]
    if not first:
        for el in list(out):
            if el.tag == qn("w:titlePg") or (el.tag == qn("w:headerReference") and el.get(qn("w:type")) == "first"):
                out.remove(el)
    return out


def _break_paragraph(sect_pr) -> str:
    return f"<w:p><w:pPr>{etree.tostring(sect_pr, encoding='unicode')}</w:pPr></w:p>"


def _page_break_before(paragraph_xml: str) -> str:
    return paragraph_xml.replace("<w:widowControl", "<w:pageBreakBefore/><w:widowControl", 1)


def _opening(ctx: Ctx, plan: Plan, index: int) -> list[str]:
    rules = TABLE_RULES
    title, summary, source = appendix_lines(plan, plan.appendices[index], index)
    out = [ctx.line(title, rules.appendix_title, keep_next=True)]
    if summary:
        out.append(ctx.line(summary, rules.appendix_summary, keep_next=True))
    out.append(ctx.line(source, rules.appendix_source, after=rules.appendix_space_after_pt, keep_next=True))
    return out


def appendix_fragments(ctx: Ctx, plan: Plan, sect_pr) -> tuple[list[str], bool, bool]:
    """(XML fragments, last section is landscape, a section break was written)."""
    out: list[str] = []
    landscape = False
    broke = False
    page = ctx.rules.page
    for index, appendix in enumerate(plan.appendices):
        wants = bool(appendix.landscape)
        opening = _opening(ctx, plan, index)
        if wants != landscape:
            out.append(_break_paragraph(turned(sect_pr, landscape, first=not broke)))
            broke = True
            landscape = wants
        else:
            opening[0] = _page_break_before(opening[0])
        out += opening
        across = page.height_mm if landscape else page.width_mm
        available = ooxml.twips(across - page.margin_left_mm - page.margin_right_mm)
        out += content_xml(ctx, plan, appendix.content, available)
    return out, landscape, broke


def finish_sections(body, landscape: bool, broke: bool) -> None:
    """Turn the body's last ``w:sectPr`` to the last appendix's orientation."""
    if not broke:
        return
    old = body.sectPr
    new = turned(old, landscape, first=False)
    old.addprevious(new)
    body.remove(old)
