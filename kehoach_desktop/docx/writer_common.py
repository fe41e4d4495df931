"""What every part of the writer shares: the regime's rules and page geometry."""
from __future__ import annotations

from dataclasses import dataclass

from ..plan.layout import RegimeRules, TextStyle
from . import ooxml


@dataclass(frozen=True)
class Ctx:
    rules: RegimeRules

    @property
    def font(self) -> str:
        return self.rules.page.font

    @property
    def text_width(self) -> int:
        """Width between the margins, in twips."""
        page = self.rules.page
        return ooxml.twips(page.width_mm - page.margin_left_mm - page.margin_right_mm)

    @property
    def cell_margin(self) -> int:
        return ooxml.twips(self.rules.spacing.table_cell_margin_mm)

    @property
    def rule_thickness(self) -> int:
        return self.rules.spacing.rule_width_eighths

    def rpr(self, style: TextStyle, *, bold: bool | None = None) -> str:
        return ooxml.style_rpr(self.font, style, bold=bold)

    def line(self, text: str, style: TextStyle, *, before: float = 0, after: float = 0,
             keep_next: bool = False, bold: bool | None = None) -> str:
        """A paragraph of one style, single spaced, aligned as the style says (header, title, foot)."""
        run_props = self.rpr(style, bold=bold)
        # The mark carries the style too: an empty line (signature space) keeps its height.
        props = ooxml.ppr(style.align, before=ooxml.pt_twips(before), after=ooxml.pt_twips(after),
                          keep_next=keep_next, mark_rpr=run_props)
        return ooxml.paragraph(props, ooxml.run(text, run_props))

    def lines(self, lines: list[str], style: TextStyle, **kw) -> str:
        """Several lines in one paragraph (a body name broken in two)."""
        return self.line("\n".join(lines), style, **kw)

    def rule_under(self, lines: list[str], style: TextStyle, fraction: float, available: int,
                   *, after: float = 0) -> str:
        """A solid line ``fraction`` as long as the longest of ``lines``, centred in ``available``."""
        width, _side = ooxml.rule_extent(lines, style, fraction, available)
        return ooxml.rule_paragraph(width, available, self.rule_thickness,
                                    before=ooxml.pt_twips(self.rules.spacing.rule_gap_pt),
                                    after=ooxml.pt_twips(after))
