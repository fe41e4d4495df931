"""Text widths now live in ``plan/metrics.py`` (the layout's line breaking needs them too)."""
from ..plan.metrics import PT_TO_MM, text_width_mm

__all__ = ["PT_TO_MM", "text_width_mm"]
