"""Plan → pages: the one layout of the print preview, printing and PDF."""
from __future__ import annotations

from ...pages.blocks import PrintOptions, page_blocks, page_setup, plan_for_options
from ...pages.paginate import paginate
from ...pages.typeset import set_blocks
from ...plan.layout import rules_for
from ...plan.model import Plan
from .fonts import QtMetrics


class PrintLayout:
    """The pages of one plan with the chosen options (needs a QGuiApplication for the fonts)."""

    def __init__(self, plan: Plan, options: PrintOptions | None = None, cache: dict | None = None):
        self.options = options or PrintOptions()
        self.plan = plan
        shown = plan_for_options(plan, self.options)
        rules = rules_for(plan.regime)
        self.setup = page_setup(rules)
        blocks = page_blocks(shown, self.options.today)
        self.items = set_blocks(blocks, self.setup.text_width, QtMetrics(), cache)
        self.pages = paginate(self.items, self.setup)

    @property
    def page_count(self) -> int:
        return len(self.pages)
