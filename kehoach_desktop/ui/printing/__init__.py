"""Print preview, printing and PDF: Qt draws the pages laid out by ``kehoach_desktop.pages``."""

# PySide6 6.12.0 on Python 3.11 drops a reference to None on many void setter calls
# (QPainter.setFont, QFont.setBold, ...); once None's count reaches zero Python aborts.
# Drawing code avoids setters in loops; this ballast keeps a long session of exports
# and previews far from zero. Remove when PySide6 is pinned to a fixed release.
_NONE_BALLAST = [None] * 500_000
