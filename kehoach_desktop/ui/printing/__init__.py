"""Print preview, printing and PDF: Qt draws the pages laid out by ``kehoach_desktop.pages``."""
import sys

if sys.version_info < (3, 12):
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on each call of many void
    # setters (QPainter.setFont, QFont.setWordSpacing, ...); a long export or session takes
    # None's count to zero and Python aborts, at the latest when it exits. Drawing keeps
    # setter calls few; this gives None a large, never-released count of extra references
    # (Python 3.12 made None immortal). Remove when PySide6 is pinned to a fixed release.
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
