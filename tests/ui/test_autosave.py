"""No lost work: autosave while typing, recovery after a crash, no draft after a clean exit."""
from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication

from kehoach_desktop import storage
from kehoach_desktop.ui.main_window import MainWindow
from kehoach_desktop.ui.autosave import LIVE_SESSIONS, offer_recovery, orphan_drafts

from .test_wizard_journeys import field, make_window
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)


def draft_files():
    folder = storage.data_dir() / storage.DRAFTS_DIR
    return sorted(folder.glob("draft-*.json")) if folder.is_dir() else []


def test_autosave_writes_only_when_changed(qtbot, answers):
    window = make_window(qtbot, autosave_ms=20)
    saver = window.autosaver
    assert not saver.save_now()  # nothing typed yet
    type_text(qtbot, field(window, "header.issuer"), "ỦY BAN NHÂN DÂN XÃ AN")
    qtbot.waitUntil(lambda: len(draft_files()) == 1)
    assert not saver.dirty
    assert not saver.save_now()  # nothing new since
    assert orphan_drafts() == []  # the window is alive: its draft is not offered


def test_crash_mid_edit_is_recovered_at_next_start(qtbot, answers, tmp_path):
    window = MainWindow(autosave_ms=20)  # not handed to qtbot: the crash destroys it
    window.show()
    type_text(qtbot, field(window, "header.issuer"), "ĐẢNG ỦY XÃ BÌNH MINH")
    qtbot.waitUntil(lambda: len(draft_files()) == 1)
    session = window.autosaver.session
    # The crash: the window vanishes without closeEvent (no clean exit).
    window.autosaver.timer.stop()
    shiboken6.delete(window)
    assert session not in LIVE_SESSIONS
    assert len(draft_files()) == 1

    again = make_window(qtbot)
    answers.replies.append("restore")
    assert offer_recovery(again)
    title, text, choices, _ = answers.asked[-1]
    assert title == "Khôi phục bản nháp" and choices == ["restore", "discard", "later"]
    assert again.document.plan.header.issuer == "ĐẢNG ỦY XÃ BÌNH MINH"
    assert again.isWindowModified()  # restored work is not saved anywhere yet
    again.wizard.go_to(0)
    assert field(again, "header.issuer").text() == "ĐẢNG ỦY XÃ BÌNH MINH"
    # The old draft is consumed; only the new session's draft remains.
    assert [p.name for p in draft_files()] == [f"draft-{again.autosaver.session}.json"]
    QApplication.processEvents()


def test_discarding_the_offer_removes_the_draft(qtbot, answers):
    storage.write_draft('{"format": "kehoach", "version": 1, "summary": "cũ"}', "", session="dead")
    window = make_window(qtbot)
    answers.replies.append("discard")
    assert not offer_recovery(window)
    assert draft_files() == []
    assert window.document.plan.summary == ""


def test_clean_exit_leaves_no_draft(qtbot, answers):
    window = make_window(qtbot, autosave_ms=20)
    type_text(qtbot, field(window, "header.number"), "9")
    qtbot.waitUntil(lambda: len(draft_files()) == 1)
    answers.replies.append("discard")  # "Không lưu" when asked about unsaved changes
    assert window.close()
    assert draft_files() == []
    assert offer_recovery(make_window(qtbot)) is False


def test_a_discarded_draft_is_not_offered_after_a_crash(qtbot, answers):
    window = make_window(qtbot, autosave_ms=20)
    type_text(qtbot, field(window, "header.number"), "4")
    qtbot.waitUntil(lambda: len(draft_files()) == 1)
    answers.replies.append("discard")  # Open another plan → "Không lưu"
    assert window.files.confirm_discard()
    window.document.replace_plan(window.document.plan.copy())  # what Open does next
    qtbot.waitUntil(lambda: draft_files() == [])
