"""No lost work: the current draft is written to the user data folder every few seconds.

Only when the plan changed since the last write and is not saved; a clean exit
removes the draft; the next start offers to restore a draft whose session did
not end cleanly (a crash, a power cut).
"""
from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer, Signal

from .. import storage
from ..oslock import HeldLock

INTERVAL_MS = 5000
# Sessions of this process whose windows are alive: their drafts are not orphans.
LIVE_SESSIONS: set = set()


DRAFT_FAILED = ("Không tự lưu được bản nháp ({reason}). Phần mềm sẽ thử lại; hãy lưu kế hoạch "
                "(Ctrl+S) để không mất phần đã soạn.")
DRAFT_OK_AGAIN = "Đã tự lưu lại được bản nháp."


class Autosaver(QObject):
    # A Vietnamese sentence when drafts stop being written (once per run of failures), "" when they work again.
    failed = Signal(str)

    def __init__(self, document, source=lambda: "", interval_ms: int = INTERVAL_MS, parent=None):
        super().__init__(parent)
        self.document = document
        self.source = source  # -> the file path the plan belongs to, "" for a new plan
        self.session = os.urandom(6).hex()  # (uuid costs 15 ms of start-up)
        self.dirty = False
        self.failing = False
        # Held while this session runs; the OS lets go of it on a crash, which makes the draft an orphan.
        self.lock = HeldLock(storage.draft_lock_path(self.session))
        try:
            self.lock.acquire()
        except OSError:
            pass
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        document.changed.connect(self._mark)
        LIVE_SESSIONS.add(self.session)
        session, lock = self.session, self.lock
        # A destroyed window without a clean exit (a crash) leaves its draft as an orphan.
        self.destroyed.connect(lambda *_: (LIVE_SESSIONS.discard(session), lock.release(remove=False)))
        self.timer.start()

    def _mark(self, _path: str = ""):
        self.dirty = True

    def save_now(self) -> bool:
        """Write the draft when there is something new and unsaved; True when written."""
        if not self.dirty:
            return False
        if not self.document.is_modified():
            self.clear()  # saved, or a new plan replaced the draft's: nothing to recover
            return False
        try:
            storage.write_draft(self.document.plan.to_json(), str(self.source() or ""), self.session)
        except Exception as exc:  # a full disk must not interrupt typing; the next tick retries
            if not self.failing:  # said once, not every five seconds
                self.failing = True
                self.failed.emit(DRAFT_FAILED.format(reason=_reason(exc)))
            return False
        if self.failing:
            self.failing = False
            self.failed.emit("")
        self.dirty = False
        return True

    def clear(self):
        """The plan is saved or abandoned on purpose: its draft is no longer needed."""
        self.dirty = False
        storage.clear_draft(self.session)

    def stop(self):
        """Clean exit."""
        self.timer.stop()
        self.clear()
        LIVE_SESSIONS.discard(self.session)
        self.lock.release()


def _reason(exc: Exception) -> str:
    from ..errors import KehoachError
    from ..safefile import os_reason

    cause = exc if isinstance(exc, OSError) else exc.__cause__
    if isinstance(cause, OSError):
        return os_reason(cause)
    if isinstance(exc, KehoachError):
        return str(exc).rstrip(".")
    return "lỗi không rõ"


def orphan_drafts() -> list:
    return storage.orphan_drafts(exclude_sessions=LIVE_SESSIONS)


def offer_recovery(window) -> bool:
    """At start-up: offer the newest draft left by a crash; True when restored."""
    import datetime as _dt

    from ..plan.model import Plan
    from . import vi

    drafts = orphan_drafts()
    if not drafts:
        return False
    draft = drafts[0]
    when = _dt.datetime.fromtimestamp(draft.saved_at).strftime("%H:%M ngày %d/%m/%Y")
    name = draft.source.rsplit("/", 1)[-1].rsplit("\\", 1)[-1] if draft.source else "kế hoạch chưa đặt tên"
    answer = vi.ask(window, "Khôi phục bản nháp",
                    f"Lần trước phần mềm đã đóng đột ngột khi đang soạn “{name}”. "
                    f"Khôi phục bản nháp tự lưu lúc {when}?",
                    [("restore", "Khôi phục", vi.ACCEPT), ("discard", "Bỏ bản nháp", vi.DESTRUCTIVE),
                     ("later", "Để sau", vi.REJECT)], default="restore")
    if answer == "discard":
        for d in drafts:
            storage.discard_draft(d)
        return False
    if answer != "restore":
        return False
    try:
        plan = Plan.from_json(draft.plan_json)
    except Exception:
        vi.error(window, "Không khôi phục được", "Bản nháp bị hỏng, không đọc được.")
        storage.discard_draft(draft)
        return False
    window.document.replace_plan(plan)
    window.document.undo_stack.resetClean()  # restored work is not saved anywhere yet
    window.files.set_path(draft.source or None)
    storage.discard_draft(draft)
    window.autosaver.dirty = True
    window.autosaver.save_now()  # the restored draft is now this session's
    return True
