"""The print font: Times New Roman where installed, else the bundled Liberation Serif.

Liberation Serif (SIL Open Font License, ``resources/fonts``) has the metrics of
Times New Roman, so a page breaks the same on every PC. ``font_notice()`` is the
one sentence that tells the user which face stands in, once per session.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

from ...locations import resource_path
from ...plan.layout import TextStyle

WANTED = "Times New Roman"
BUNDLED = "Liberation Serif"
SCALE = 64  # measure at 64 px per point: sub-point precision from integer pixel sizes
_told = False


def fonts_dir() -> Path:
    return resource_path("fonts")


@lru_cache(maxsize=1)
def print_family() -> str:
    """The family the pages are set in (needs a QGuiApplication)."""
    if WANTED in QFontDatabase.families():
        return WANTED
    for path in sorted(fonts_dir().glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    return BUNDLED


def font_notice() -> str:
    """Vietnamese sentence about the stand-in face, the first time only ("" otherwise)."""
    global _told
    if _told or print_family() == WANTED:
        return ""
    _told = True
    return ("Máy này không có phông Times New Roman: bản in và PDF dùng phông Liberation Serif "
            "cùng cỡ chữ và độ rộng, nên các trang ngắt giống hệt.")


@lru_cache(maxsize=256)
def qfont(style: TextStyle, scale: float = 1.0) -> QFont:
    """The QFont of a style at ``scale`` pixels per point (on a 72-dpi-per-unit painter)."""
    font = QFont(print_family())
    font.setPixelSize(max(1, round(style.size * scale)))
    font.setBold(style.bold)
    font.setItalic(style.italic)
    font.setUnderline(style.underline)
    font.setKerning(False)  # Word and LibreOffice do not kern unless asked
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    return font


class QtMetrics:
    """``pages.typeset.Metrics`` measured with the print font, cached per word (shared by all layouts)."""

    _metrics: dict = {}
    _cache: dict = {}

    def width(self, text: str, style: TextStyle) -> float:
        key = (text, style.size, style.bold, style.italic)
        found = self._cache.get(key)
        if found is None:
            fm = self._metrics.get(key[1:])
            if fm is None:
                fm = self._metrics[key[1:]] = QFontMetricsF(qfont(style, SCALE))
            found = self._cache[key] = fm.horizontalAdvance(text) / SCALE
        return found
