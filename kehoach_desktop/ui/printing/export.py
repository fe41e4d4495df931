"""A plan → PDF bytes, for the CLI (without a screen) and the window (off the GUI thread).

``plan_pdf(plan, options)`` needs a QGuiApplication; ``ensure_app()`` starts one when
the command line runs without any (on Linux on the offscreen platform: no screen needed;
on Windows the system's own platform, whose fonts are those the window uses).
"""
from __future__ import annotations

import os
import re
import sys
from typing import Callable

from ...pages.blocks import PrintOptions
from ...plan.text import fold_words
from .layout import PrintLayout
from .pdf import pdf_bytes

_app = None


def ensure_app():
    """A QGuiApplication for fonts and painting; offscreen when none is running yet."""
    global _app
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        args = [sys.argv[0] if sys.argv else "kehoach"]
        if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
            args += ["-platform", "offscreen"]  # a server or a terminal without a screen
        _app = app = QGuiApplication(args)
    return app


def plan_pdf(plan, options: PrintOptions | None = None,
             progress: Callable[[int, int], None] | None = None) -> bytes:
    return pdf_bytes(PrintLayout(plan, options), progress)


def check_pdf(data: bytes) -> None:
    """Refuse to save what is not a whole PDF (the write is then never started)."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise ValueError("PDF không hoàn chỉnh")


def proposed_name(plan, suffix: str = ".pdf") -> str:
    """"KH-UBND-tuyen-truyen-phong-chong-thuoc-la.pdf": the symbol and the trích yếu, without accents."""
    symbol = plan.header.symbol.strip()
    number = plan.header.number.strip()
    head = f"{number}-{symbol}" if number and symbol else symbol or "ke-hoach"
    words = fold_words(plan.summary)[:10]
    stem = "-".join([head] + words)
    stem = re.sub(r"[^A-Za-z0-9-]+", "-", stem.replace("/", "-").replace("Đ", "D").replace("đ", "d"))
    stem = re.sub(r"-{2,}", "-", stem).strip("-")[:90]
    return (stem or "ke-hoach") + suffix
