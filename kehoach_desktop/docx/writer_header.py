"""The header block (bodies, national title, number and date) and the title block.

Header: a borderless two-column table. Row 1: superior and issuer (left),
national title and motto (right), each with its line or ``*``. Row 2: the
number line and the date line, so that they stand level whatever the heights
of the row above.
"""
from __future__ import annotations

import datetime as _dt

from ..plan import numbering
from ..plan.layout import TextStyle, body_name_lines, title_block_lines
from ..plan.model import Plan
from . import ooxml
from .writer_common import Ctx


def _left_cell(ctx: Ctx, plan: Plan, available: int) -> list[str]:
    rules = ctx.rules
    out = []
    superior = body_name_lines(plan.header.superior, rules, rules.superior_style)
    if superior:
        out.append(ctx.lines(superior, rules.superior_style))
    issuer = body_name_lines(plan.header.issuer, rules, rules.issuer_style)
    if issuer:
        out.append(ctx.lines(issuer, rules.issuer_style))
        if rules.issuer_mark == "line":
            out.append(ctx.rule_under(issuer, rules.issuer_style, rules.issuer_line_fraction,
                                      available))
        elif rules.issuer_mark:
            mark_style = TextStyle(rules.issuer_style.size, align=rules.issuer_style.align)
            out.append(ctx.line(rules.issuer_mark, mark_style))
    return out


def _right_cell(ctx: Ctx, available: int) -> list[str]:
    rules = ctx.rules
    titles = title_block_lines(rules)
    out = [ctx.line(text, style) for text, style in titles]
    if rules.line_under_title_block:  # under the last line of the block
        out.append(ctx.rule_under([titles[-1][0]], titles[-1][1],
                                  rules.spacing.title_block_line_fraction, available))
    return out


def header_block(ctx: Ctx, plan: Plan, today: _dt.date | None = None) -> list[str]:
    rules = ctx.rules
    widths = ooxml.split_widths(ctx.text_width, rules.header_columns)
    inner = [w - 2 * ctx.cell_margin for w in widths]
    gap = rules.spacing.header_row_gap_pt
    number = numbering.number_line(rules.number_template, plan.header.number, plan.header.symbol)
    date = numbering.date_line(plan.header.place, plan.header.date, today)
    first = ooxml.row([ooxml.cell(widths[0], _left_cell(ctx, plan, inner[0])),
                       ooxml.cell(widths[1], _right_cell(ctx, inner[1]))], cant_split=True)
    second = ooxml.row([ooxml.cell(widths[0], [ctx.line(number, rules.number_style, before=gap)]),
                        ooxml.cell(widths[1], [ctx.line(date, rules.date_style, before=gap)])],
                       cant_split=True)
    return [ooxml.table(widths, [first, second], cell_margin=ctx.cell_margin)]


def title_block(ctx: Ctx, plan: Plan) -> list[str]:
    """``KẾ HOẠCH``, the trích yếu, then the short line (state) or ``-----`` (party)."""
    rules = ctx.rules
    spacing = rules.spacing
    out = [ctx.line(rules.title_text, rules.title_style, before=spacing.title_space_before_pt,
                    keep_next=True)]
    summary_lines = [line for line in plan.summary.splitlines() if line.strip()]
    if summary_lines:
        out.append(ctx.line(plan.summary, rules.summary_style, keep_next=True))
    after = spacing.body_space_before_pt
    if rules.summary_mark == "line":
        out.append(ctx.rule_under(summary_lines or [rules.title_text],
                                  rules.summary_style if summary_lines else rules.title_style,
                                  rules.summary_line_fraction, ctx.text_width, after=after))
    elif rules.summary_mark:
        mark_style = TextStyle(rules.summary_style.size, align=rules.summary_style.align)
        out.append(ctx.line(rules.summary_mark, mark_style, after=after))
    return out
