"""QApplication set-up and the GUI entry point."""
from __future__ import annotations

import sys


def main(argv=None) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from .. import APP_NAME

    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName(APP_NAME)
    window = QMainWindow()
    window.setObjectName("mainWindow")
    window.setWindowTitle(APP_NAME)
    window.resize(1200, 800)
    window.show()
    return app.exec()
