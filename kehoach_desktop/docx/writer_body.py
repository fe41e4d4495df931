"""The body: preamble, numbered sections (headings and paragraphs in order), closing.

Text is written exactly as typed; labels come from the plan's numbering and
position (never from the titles). Level-1 titles are shown in capitals.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..plan import numbering
from ..plan.layout import TextStyle, heading_style
from ..plan.model import Plan, Section
from ..plan.table import Table
from . import ooxml
from .writer_common import Ctx
from .writer_table import table_xml


@dataclass(frozen=True)
class _Para:
    text: str
    style: TextStyle
    heading: bool = False
    table: Table | None = None


def _walk(plan: Plan, rules, items: list, numbers: tuple, out: list[_Para]) -> None:
    """Paragraphs and sections in reading order; sections are counted like walk_sections."""
    body = rules.body.paragraph
    ordinal = 0
    for item in items:
        if isinstance(item, Table):
            out.append(_Para("", body, table=item))
            continue
        if not isinstance(item, Section):
            out.append(_Para(item, body))
            continue
        ordinal += 1
        path = numbers + (ordinal,)
        lab = numbering.label(plan.numbering, path)
        if item.is_plain:
            out.append(_Para(f"{lab} {item.title}".rstrip(), body))
        else:
            style = heading_style(rules, len(path) - 1)
            title = item.title.upper() if style.caps else item.title
            out.append(_Para(f"{lab} {title}".rstrip(), style, heading=True))
        _walk(plan, rules, item.content, path, out)


def body_paragraphs(ctx: Ctx, plan: Plan) -> list[str]:
    rules = ctx.rules
    body = rules.body
    paras = [_Para(t, body.paragraph) for t in plan.preamble]
    _walk(plan, rules, plan.sections, (), paras)
    paras += [_Para(t, body.paragraph) for t in plan.closing]
    return _render(ctx, paras, keep_last=True)


def content_xml(ctx: Ctx, plan: Plan, items: list, available: int) -> list[str]:
    """A content list on its own (an appendix's), numbered from I. again."""
    paras: list[_Para] = []
    _walk(plan, ctx.rules, items, (), paras)
    return _render(ctx, paras, keep_last=False, available=available)


def _render(ctx: Ctx, paras: list[_Para], *, keep_last: bool, available: int | None = None) -> list[str]:
    body = ctx.rules.body
    first_line = ooxml.twips(body.first_line_indent_mm)
    after = ooxml.pt_twips(body.space_after_pt)
    line = round(240 * body.line_spacing)
    out = []
    last = len(paras) - 1
    for i, p in enumerate(paras):
        if p.table is not None:
            out.append(table_xml(ctx, p.table, available or ctx.text_width))
            continue
        # Headings keep with what follows; the last paragraph keeps with the signature table.
        keep = (p.heading and body.keep_heading_with_next) or (keep_last and i == last)
        props = ooxml.ppr(p.style.align, after=after, line=line, first_line=first_line,
                          keep_next=keep, widow=body.widow_control)
        out.append(ooxml.paragraph(props, ooxml.run(p.text, ctx.rpr(p.style))))
    return out
