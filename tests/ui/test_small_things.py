"""Issue 9, item 10: save folder, a .docx nothing opens, the version in About, the last profile
offered by New, a binary .txt refused in the window."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kehoach_desktop import __version__, storage
from kehoach_desktop.ui.new_plan_dialog import NewPlanDialog

from .test_wizard_journeys import make_window, when_modal
from .test_wizard_support import answers  # noqa: F401  (fixture)


def test_save_dialog_opens_in_documents_then_in_the_last_folder(qtbot, answers, tmp_path, monkeypatch):
    home = tmp_path / "nha"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "khong-co"))  # no user-dirs.dirs: the default
    asked = []
    from kehoach_desktop.ui import vi

    def choose(parent, title, suggested="", filters=""):
        asked.append(suggested)
        return answers.save_paths.pop(0) if answers.save_paths else ""
    monkeypatch.setattr(vi, "choose_save_file", choose)
    window = make_window(qtbot)
    window.files.save_as()
    assert Path(asked[-1]).parent == home / "Documents"

    folder = tmp_path / "ke-hoach-2026"
    folder.mkdir()
    answers.save_paths.append(str(folder / "mot.docx"))
    window.files.save_as()
    assert (folder / "mot.docx").exists()
    window.files.set_path(None)  # a new plan: no folder of its own
    window.files.save_as()
    assert Path(asked[-1]).parent == folder


def test_open_saved_file_says_so_when_no_program_opens_docx(qtbot, answers, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    window = make_window(qtbot)
    answers.save_paths.append(str(tmp_path / "ke-hoach.docx"))
    assert window.files.save_as()
    review = window.wizard.review_step()
    assert review.open_button.isEnabled()
    asked_before = len(answers.asked)
    qtbot.mouseClick(review.open_button, Qt.MouseButton.LeftButton)
    title, text, _choices, details = answers.asked[asked_before]
    assert title == "Không mở được tệp Word" and ".docx" in text and "ke-hoach.docx" in details


def test_about_shows_the_version(qtbot, answers):
    window = make_window(qtbot)
    window.findChild(type(window.undo_action), "actionAbout").trigger()
    title, text, _choices, _details = answers.asked[-1]
    assert title == "Giới thiệu" and f"phiên bản {__version__}" in text


def test_new_plan_offers_the_profile_last_used(qtbot, answers):
    storage.upsert_profile(storage.Profile(name="Đảng ủy xã An Lạc", regime="party", issuer="ĐẢNG ỦY XÃ AN LẠC",
                                           symbol="KH/ĐU"))
    storage.upsert_profile(storage.Profile(name="UBND xã An Lạc", regime="state",
                                           issuer="ỦY BAN NHÂN DÂN XÃ AN LẠC", symbol="KH-UBND"))
    storage.update_settings(last_profile="UBND xã An Lạc")
    window = make_window(qtbot)
    seen = []

    def look(dialog):
        seen.append((dialog.profile_combo.currentData(), dialog.regime_combo.currentData()))
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    when_modal(qtbot, NewPlanDialog, look)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == [("UBND xã An Lạc", "state")]
    assert window.document.plan.header.issuer == "ỦY BAN NHÂN DÂN XÃ AN LẠC"


def test_binary_txt_is_refused_in_the_window(qtbot, answers, tmp_path):
    path = tmp_path / "ke-hoach-cu.txt"
    path.write_bytes(bytes(range(256)) * 8)
    window = make_window(qtbot)
    before = window.document.plan.to_dict()
    answers.open_paths.append(str(path))
    window.findChild(type(window.undo_action), "actionOpenPrevious").trigger()
    title, text, _choices, _details = answers.asked[-1]
    assert title == "Không mở được tệp" and "nhị phân" in text
    assert window.document.plan.to_dict() == before
