"""The app on a real X server (Xvfb, Qt's xcb plugin): every wizard step shown and captured.

Offscreen tests cannot see a missing system library of the xcb plugin (libxcb-cursor0,
libxkbcommon-x11-0): this test does. It skips where Xvfb is not installed, except in CI.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import ROOT, need_program


@pytest.fixture
def xvfb_display():
    need_program("Xvfb")
    for number in range(91, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-noreset", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 20
    while not socket.exists():  # a separate process: poll its socket, no Qt event loop involved
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    yield f":{number}"
    proc.terminate()
    proc.wait(10)


def test_every_step_is_drawn_on_a_real_screen(xvfb_display, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots.py"), str(tmp_path / "shots")],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    shots = sorted((tmp_path / "shots").glob("*.png"))
    assert len(shots) >= 17  # 9 state steps, 8 party steps and the New dialog

    from PySide6.QtGui import QImage

    for shot in shots:
        image = QImage(str(shot))
        assert not image.isNull(), shot.name
        if shot.name != "new-plan-dialog.png":
            assert (image.width(), image.height()) == (1366, 768), shot.name
        # Drawn, not blank: many distinct colours (text, the page, the step list).
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
        assert len(colours) > 8, shot.name
