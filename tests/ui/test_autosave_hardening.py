"""Drafts: failures told to the user once; sessions told apart by an OS lock, not by process ids."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap

from kehoach_desktop import storage
from kehoach_desktop.ui import autosave
from kehoach_desktop.ui.autosave import orphan_drafts

from .test_wizard_journeys import field, make_window
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)


def test_autosave_failure_is_told_once_in_vietnamese_then_cleared(qtbot, answers, monkeypatch):
    window = make_window(qtbot, autosave_ms=20)
    calls = []
    real_write = storage.write_draft
    disk_full = [True]

    def full_disk(*args, **kwargs):
        calls.append(1)
        if disk_full[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(*args, **kwargs)

    monkeypatch.setattr(storage, "write_draft", full_disk)
    told = []
    window.autosaver.failed.connect(told.append)
    type_text(qtbot, field(window, "header.issuer"), "ỦY BAN NHÂN DÂN XÃ AN")
    qtbot.waitUntil(lambda: len(calls) >= 3)  # retried on every tick…
    assert len(told) == 1  # …but said once
    assert "ổ đĩa đã đầy" in told[0] and "No space" not in told[0]
    assert "ổ đĩa đã đầy" in window.statusBar().currentMessage()
    disk_full[0] = False
    window.autosaver.dirty = True
    qtbot.waitUntil(lambda: len(told) == 2)
    assert told[1] == "" and window.statusBar().currentMessage() == autosave.DRAFT_OK_AGAIN


HOLDER = textwrap.dedent("""
    import sys, time
    from kehoach_desktop import storage
    from kehoach_desktop.oslock import HeldLock
    session = sys.argv[1]
    lock = HeldLock(storage.draft_lock_path(session)); assert lock.acquire()
    storage.write_draft('{"format": "kehoach", "version": 1}', "", session)
    print("ready", flush=True)
    time.sleep(120)
""")


def test_a_second_running_instance_keeps_its_draft_until_it_really_dies(qtbot, answers, tmp_path):
    """Another running copy of the app (another process) is never taken for a crashed one;
    once it is killed (kill -9: no clean exit), the OS releases its lock and the draft is offered."""
    other = subprocess.Popen([sys.executable, "-c", HOLDER, "other01"], stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ), cwd=os.getcwd())
    try:
        assert other.stdout.readline().strip() == "ready"
        draft = storage.draft_path("other01")
        raw = json.loads(draft.read_text(encoding="utf-8"))
        raw["pid"] = 999_999_999  # a process id that means nothing (as on Windows, or reused)
        draft.write_text(json.dumps(raw), encoding="utf-8")
        assert orphan_drafts() == []  # alive: not offered, and "Bỏ bản nháp" cannot delete it
    finally:
        other.send_signal(signal.SIGKILL)
        other.wait()
    offered = orphan_drafts()
    assert [d.path.name for d in offered] == ["draft-other01.json"]
    storage.discard_draft(offered[0])
    assert not draft.exists() and not storage.draft_lock_path("other01").exists()
