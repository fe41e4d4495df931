"""The foot: "Nơi nhận" and the recipients (left), the signature block (right).

One borderless table row that cannot split across pages, so the signature
block never stands alone on a page (the last body paragraph keeps with it).
"""
from __future__ import annotations

from ..plan.layout import TextStyle
from ..plan.model import Plan
from . import ooxml
from .writer_common import Ctx

_TRAILING = (";", ",", ".")


def recipient_lines(rules, recipients: list[str]) -> list[str]:
    """``- X;`` ... ``- Y.`` (state) or ``- X,`` ... ``- Y.`` (party).

    Entries are stored bare; a stray leading dash or trailing mark typed by hand is
    replaced rather than doubled.
    """
    entries = []
    for entry in recipients:
        text = entry.strip()
        if text.startswith("-"):
            text = text[1:].lstrip()
        if text.endswith(_TRAILING) and not text.endswith("..."):
            text = text[:-1].rstrip()
        if text:
            entries.append(text)
    last = len(entries) - 1
    return [f"{rules.recipient_prefix}{text}"
            f"{rules.recipient_end if i == last else rules.recipient_separator}"
            for i, text in enumerate(entries)]


def typist_line(rules, typist: str | None, copies) -> str:
    typist = (typist or "").strip()
    copies = "" if copies is None else str(copies).strip()
    if not copies:
        return typist
    return rules.typist_template.format(typist=typist, copies=copies)


def _left(ctx: Ctx, plan: Plan, before: float) -> list[str]:
    rules = ctx.rules
    out = [ctx.line(rules.recipients_label, rules.recipients_label_style, before=before)]
    out += [ctx.line(t, rules.recipient_style) for t in recipient_lines(rules, plan.recipients)]
    typist = typist_line(rules, plan.typist, plan.copies)
    if typist:
        out.append(ctx.line(typist, rules.typist_style))
    return out


def _right(ctx: Ctx, plan: Plan, before: float) -> list[str]:
    rules = ctx.rules
    sig = plan.signature
    out = []
    if sig.authority.strip():
        out.append(ctx.line(f"{sig.authority.strip()} {sig.collective.strip()}".strip(),
                            rules.authority_style, before=before))
    deputy = getattr(sig, "deputy", "").strip()
    if deputy:  # "KT. CHỦ TỊCH" under "TM. ỦY BAN NHÂN DÂN": a second authority line, same style
        out.append(ctx.line(deputy, rules.authority_style, before=0 if out else before))
    if sig.position.strip() or not out:
        out.append(ctx.line(sig.position, rules.position_style, before=0 if out else before))
    space = TextStyle(rules.body.paragraph.size, align=rules.name_style.align)
    out += [ctx.line("", space) for _ in range(rules.signature_space_lines)]
    out.append(ctx.line(sig.name, rules.name_style))
    return out


def foot_block(ctx: Ctx, plan: Plan) -> list[str]:
    rules = ctx.rules
    widths = ooxml.split_widths(ctx.text_width, rules.foot_columns)
    before = rules.spacing.foot_space_before_pt
    the_row = ooxml.row([ooxml.cell(widths[0], _left(ctx, plan, before)),
                         ooxml.cell(widths[1], _right(ctx, plan, before))], cant_split=True)
    return [ooxml.table(widths, [the_row], cell_margin=ctx.cell_margin)]
