"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 drops a reference to None on each call of
a void setter (QFont.setBold, QPainter.setFont, ...). A long session, or one big PDF export,
then takes None's count to zero and Python aborts. pyproject.toml keeps that release out; this
test fails on any release with the same fault, in a child process, since the fault aborts."""
from __future__ import annotations

import subprocess
import sys

CHILD = """
import sys
from PySide6.QtGui import QFont, QPen
before = sys.getrefcount(None)
font, pen = QFont(), QPen()
for _ in range(200_000):
    font.setBold(True)
    pen.setWidthF(1.0)
print(sys.getrefcount(None) - before)
"""


def test_void_setters_keep_none_alive():
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 1000  # not one lost reference per call
