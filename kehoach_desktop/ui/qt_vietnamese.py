"""Qt's own texts in Vietnamese: context menus of text boxes, Qt's file and print dialogs,
standard buttons. Qt ships no Vietnamese translation, so the app carries one
(``resources/i18n/qt_vi.ts``, compiled to ``qt_vi.qm`` by ``tools/build_translations.py``).
A missing or unreadable .qm leaves Qt's English, silently: it never stops the app."""
from __future__ import annotations

from pathlib import Path

from ..locations import resource_path

I18N_DIR = resource_path("i18n")
QM_NAME = "qt_vi"


def install_qt_translation(app, folder: Path | str | None = None):
    """Install the translator on ``app``; returns it (parented to the app), or None without a .qm."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator(app)
    if not translator.load(QM_NAME, str(folder or I18N_DIR)):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
