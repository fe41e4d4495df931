"""Slow work (a .doc conversion, a big import, an Excel export) off the GUI thread.

``run_in_background`` runs a plain function on Qt's thread pool, shows a busy
progress dialog when it takes longer than a moment, keeps the window painting,
and returns the function's result (or raises its exception) on the GUI
thread, so callers read like ordinary sequential code.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, QTimer, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Relay(QObject):
    """Carries the worker's news to the GUI thread (queued signals)."""

    progress = Signal(str)
    done = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, fn: Callable, relay: _Relay):
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:  # on a pool thread
        try:
            result = self._fn(self._relay.progress.emit)
        except BaseException as exc:  # handed back to the GUI thread, re-raised there
            self._relay.done.emit(None, exc)
        else:
            self._relay.done.emit(result, None)


def run_in_background(parent: QWidget | None, message: str, fn: Callable, *, delay_ms: int = 400):
    """Run ``fn(progress)`` off the GUI thread; ``progress(text)`` updates the dialog's label.

    The dialog is modal (the user cannot edit the plan meanwhile) and appears only
    when the work lasts longer than ``delay_ms``: quick work shows nothing.
    """
    relay = _Relay()
    loop = QEventLoop()
    outcome: dict = {}
    dialog = QProgressDialog(message, "", 0, 0, parent)
    dialog.setObjectName("backgroundProgress")
    dialog.setWindowTitle("Đang xử lý")
    dialog.setCancelButton(None)  # the work cannot be interrupted safely; it has its own time limit
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.reset()  # do not pop up by itself; the timer below decides
    show_timer = QTimer()
    show_timer.setSingleShot(True)
    show_timer.timeout.connect(dialog.show)

    def finish(result, error) -> None:
        outcome["result"], outcome["error"] = result, error
        loop.quit()

    relay.progress.connect(dialog.setLabelText)
    relay.done.connect(finish)
    show_timer.start(delay_ms)
    QThreadPool.globalInstance().start(_Job(fn, relay))
    if "result" not in outcome:
        loop.exec()
    show_timer.stop()
    dialog.close()
    dialog.deleteLater()
    if outcome.get("error") is not None:
        raise outcome["error"]
    return outcome.get("result")
