"""1366×768 with a taskbar (issue 9, item 9): the window fits the screen's available area with its
status bar, and the paragraph library shows at least 8 rows."""
from __future__ import annotations

from PySide6.QtCore import QRect

from kehoach_desktop.ui.library_panel import LIST_MIN_ROWS
from kehoach_desktop.ui.main_window import FRAME_ESTIMATE

from .test_wizard_journeys import make_window
from .test_wizard_support import answers  # noqa: F401  (fixture)


class Screen1366:
    """A 1366×768 screen with a 40 px taskbar at the bottom (offscreen Qt has a smaller screen)."""

    def availableGeometry(self):  # noqa: N802 (Qt name)
        return QRect(0, 0, 1366, 728)


def test_the_window_and_its_status_bar_fit_the_available_screen(qtbot, answers):
    window = make_window(qtbot)
    window.screen = lambda: Screen1366()  # (an instance attribute: only this window sees the fake screen)
    area = window.screen().availableGeometry()
    window.resize(area.width() + 200, area.height() + 200)  # e.g. a size saved on a bigger screen
    window.move(area.left() + 50, area.top() + 50)
    window.fit_screen()
    assert area.contains(window.frameGeometry()), (area, window.frameGeometry())
    bar = window.statusBar()
    assert bar.isVisible() and QRect(0, 0, window.width(), window.height()).contains(bar.geometry())


def test_the_library_shows_eight_rows_at_1366_by_768_less_a_taskbar(qtbot, answers):
    window = make_window(qtbot)
    window.resize(1366, 768 - 40 - FRAME_ESTIMATE[1])  # a 40 px taskbar, a title bar
    wizard = window.wizard
    wizard.go_to(wizard.step_index("section"))
    library = wizard.current_step().library
    qtbot.waitUntil(lambda: library.results.count() >= LIST_MIN_ROWS)
    row = library.results.sizeHintForRow(0)
    visible = library.results.viewport().height() // row
    assert visible >= LIST_MIN_ROWS, (visible, library.results.height(), row)
