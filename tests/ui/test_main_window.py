"""The window's file side: open a plan saved by the app, undo/redo, save, reopen; title; closing;
saving where it cannot be written; recent files; help; drag and drop."""
from __future__ import annotations

import errno
import json
import os

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from kehoach_desktop import safefile, storage
from kehoach_desktop.docx.writer import render_docx
from kehoach_desktop.io import load_plan
from kehoach_desktop.plan.model import Plan

from .test_wizard_journeys import click_next, field, make_window, retype
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)


@pytest.fixture
def saved_corpus_plan(tmp_path, state_plan_dict):
    """A corpus plan rendered by the app's writer, as a user would have saved it."""
    path = tmp_path / "cam-tan.docx"
    path.write_bytes(render_docx(Plan.from_dict(state_plan_dict)))
    return path


def test_open_corpus_plan_edit_undo_redo_save_reopen(qtbot, saved_corpus_plan, answers):
    window = make_window(qtbot)
    answers.open_paths.append(str(saved_corpus_plan))
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # Ctrl+O
    assert window.files.path == saved_corpus_plan
    assert window.windowTitle().startswith("cam-tan.docx[*]")
    assert not window.isWindowModified()
    plan = window.document.plan
    original = [s.title for s in plan.sections]
    titles = [s.title for s in window.wizard.steps]
    assert titles[2].startswith("I. ") and original[0] in titles[2]

    # Change the first paragraph of section II in its step.
    wizard = window.wizard
    wizard.go_to(wizard.step_index("section") + 1)
    outline = wizard.current_step().outline
    assert outline.select_path("sections[1].content[0]")
    before = plan.sections[1].content[0]
    text = before.title if not isinstance(before, str) else before
    outline.text_edit.selectAll()
    type_text(qtbot, outline.text_edit, "Nội dung mới của mục hai")
    changed = window.document.plan.sections[1].content[0]
    changed_text = changed if isinstance(changed, str) else changed.title
    assert changed_text == "Nội dung mới của mục hai"
    assert window.isWindowModified()

    qtbot.keyClick(outline.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after_undo = window.document.plan.sections[1].content[0]
    assert (after_undo if isinstance(after_undo, str) else after_undo.title) == text
    assert not window.isWindowModified()
    qtbot.keyClick(outline.text_edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.isWindowModified()

    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S: same file
    assert not window.isWindowModified()
    assert safefile.backup_path(saved_corpus_plan).exists()  # the previous version is kept
    reopened = load_plan(saved_corpus_plan)
    assert reopened.source == "app-docx"
    item = reopened.plan.sections[1].content[0]
    assert (item if isinstance(item, str) else item.title) == "Nội dung mới của mục hai"
    assert [s.title for s in reopened.plan.sections] == original
    assert str(saved_corpus_plan) == storage.load_recent()[0]


def test_missing_signer_problem_leads_to_the_field(qtbot, answers):
    window = make_window(qtbot)
    wizard = window.wizard
    wizard.go_to(wizard.step_index("review"))
    review = wizard.current_step()
    items = [review.problems.item(i) for i in range(review.problems.count())]
    signer = [it for it in items if it.data(Qt.ItemDataRole.UserRole) == "signature.name"]
    assert signer, [it.text() for it in items]
    assert "người ký" in signer[0].text()
    rect = review.problems.visualItemRect(signer[0])
    qtbot.mouseClick(review.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wizard.current_step().key == "signature"
    assert QApplication.focusWidget().objectName() == "signature.name"
    type_text(qtbot, QApplication.focusWidget(), "Lê Văn Nam")
    assert window.document.plan.signature.name == "Lê Văn Nam"
    qtbot.waitUntil(lambda: not any(p.where == "signature.name" for p in wizard.problems))
    assert wizard.step_list.is_done(wizard.step_index("signature"))


def test_section_problem_lands_in_the_outline(qtbot, answers):
    window = make_window(qtbot)
    wizard = window.wizard
    qtbot.waitUntil(lambda: bool(wizard.problems))  # validation runs just after the window shows
    problem = next(p for p in wizard.problems if p.where.startswith("sections[1]"))
    assert wizard.focus_problem(problem.where)
    assert wizard.current_index() == wizard.step_index("section") + 1
    assert wizard.current_step().outline.current_path() == problem.where


def test_closing_with_unsaved_changes_asks(qtbot, answers, tmp_path):
    window = make_window(qtbot)
    retype(qtbot, field(window, "header.number"), "3")
    assert window.isWindowModified()
    answers.replies.append("cancel")
    assert not window.close()
    assert answers.asked[-1][2] == ["save", "discard", "cancel"]
    answers.replies.append("save")
    answers.save_paths.append(str(tmp_path / "kh.json"))
    assert window.close()
    assert json.loads((tmp_path / "kh.json").read_text("utf-8"))["header"]["number"] == "3"


def test_save_into_a_read_only_folder_keeps_old_file_and_offers_elsewhere(qtbot, answers, tmp_path,
                                                                           monkeypatch):
    locked = tmp_path / "khoa"
    locked.mkdir()
    target = locked / "kh.docx"
    window = make_window(qtbot)
    window.document.set_value("summary", "Bản đầu")
    answers.save_paths.append(str(target))
    assert window.files.save_as()
    old = target.read_bytes()

    if os.geteuid() == 0:  # root writes anywhere: make the folder refuse new files instead
        real = safefile._new_temp

        def refuse(folder, temps):
            if os.path.samefile(folder, locked):
                raise PermissionError(errno.EACCES, "Permission denied", str(folder))
            return real(folder, temps)
        monkeypatch.setattr(safefile, "_new_temp", refuse)
    else:
        locked.chmod(0o555)
    try:
        window.document.set_value("summary", "Bản sửa")
        elsewhere = tmp_path / "noi-khac.docx"
        answers.replies.append("elsewhere")
        answers.save_paths.append(str(elsewhere))
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        title, text, choices, _details = answers.asked[-1]
        assert choices == ["elsewhere", "cancel"] and title == "Chưa lưu được"
        assert text and text.isprintable()  # the SaveFailed Vietnamese sentence
        assert target.read_bytes() == old  # the old file is intact
        assert load_plan(elsewhere).plan.summary == "Bản sửa"
        assert window.files.path == elsewhere and not window.isWindowModified()
    finally:
        locked.chmod(0o755)


def test_help_key_shows_the_guidance_of_the_current_step(qtbot, answers):
    window = make_window(qtbot)
    click_next(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_dialog = window.help_dialog
    assert help_dialog.isVisible() and help_dialog.windowTitle() == "Hướng dẫn: Trích yếu và căn cứ"
    text = help_dialog.browser.toPlainText()
    assert "Trích yếu" in text and "Ví dụ đúng" in text and "Lỗi hay gặp" in text


def test_help_fits_the_plan_regime(qtbot, answers):
    """F1 on the Đơn vị step: a UBND plan gets a state header and the article of NĐ 30; a party
    plan gets ĐẢNG BỘ TỈNH above ĐẢNG ỦY XÃ and Hướng dẫn 36 — never the other regime's example."""
    window = make_window(qtbot)
    window.document.set_value("regime", "state")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    text = window.help_dialog.browser.toPlainText()
    assert "Nghị định 30/2020/NĐ-CP" in text and "ỦY BAN NHÂN DÂN XÃ" in text
    assert "ĐẢNG BỘ XÃ …" not in text.split("Lỗi hay gặp")[0]  # the example suggests no party header
    placeholder = window.wizard.current_step().findChild(QLineEdit, "header.superior").placeholderText()
    assert "ĐẢNG" not in placeholder
    window.help_dialog.close()
    window.document.set_value("regime", "party")
    qtbot.waitUntil(lambda: window.wizard.current_step().findChild(QLineEdit, "header.superior") is not None
                    and "ĐẢNG BỘ TỈNH" in window.wizard.current_step().findChild(
                        QLineEdit, "header.superior").placeholderText())
    window.findChild(type(window.preview_action), "actionHelp").trigger()  # (the help took the focus)
    text = window.help_dialog.browser.toPlainText()
    assert "36-HD/VPTW" in text and "ĐẢNG BỘ TỈNH" in text and "ĐẢNG ỦY XÃ" in text


def test_drop_a_plan_file_opens_it(qtbot, answers, tmp_path):
    path = tmp_path / "keo-tha.json"
    path.write_text(Plan(summary="Kéo thả").to_json(), "utf-8")
    window = make_window(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.document.plan.summary == "Kéo thả"
    assert window.windowTitle().startswith("keo-tha.json")
    assert [a.text() for a in window.recent_menu.actions()] == ["keo-tha.json"]


def test_every_input_has_an_object_name_and_texts_are_vietnamese(qtbot, answers):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit

    window = make_window(qtbot)
    for i in range(len(window.wizard.steps)):
        window.wizard.go_to(i)
        step = window.wizard.current_step()
        inputs = [w for kind in (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QAbstractButton)
                  for w in step.findChildren(kind)]
        for w in inputs:
            if isinstance(w.parent(), (QComboBox, QDateEdit, QLineEdit)):
                continue  # the inner editor of a combo or date box, a line edit's clear button
            if type(w).__name__ in ("QSpinBoxLineEdit",):
                continue
            assert w.objectName(), f"{type(w).__name__} in step {step.title}"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Tệp", "&Sửa", "&Xem", "Trợ &giúp"]


def test_window_geometry_is_remembered(qtbot, answers, monkeypatch):
    from kehoach_desktop.ui.main_window import MainWindow

    window = make_window(qtbot)
    window.resize(1200, 720)
    window.close()
    saved = storage.load_settings()["window_geometry"]
    restored = []
    real = MainWindow.restoreGeometry
    monkeypatch.setattr(MainWindow, "restoreGeometry",
                        lambda self, data: restored.append(bytes(data.toBase64()).decode()) or real(self, data))
    again = MainWindow()  # (the offscreen screen is 800×600, so Qt clamps the size itself)
    qtbot.addWidget(again)
    assert restored == [saved]


def test_a_recent_file_that_is_gone_is_reported_and_forgotten(qtbot, answers, tmp_path):
    gone = tmp_path / "da-xoa.docx"
    storage.add_recent(gone)
    window = make_window(qtbot)
    assert [a.text() for a in window.recent_menu.actions()] == ["da-xoa.docx"]
    window.recent_menu.actions()[0].trigger()
    assert answers.asked[-1][0] == "Không mở được tệp"
    assert storage.load_recent() == []
    assert not window.recent_menu.isEnabled()


def test_changing_the_regime_keeps_the_keyboard_in_the_combo(qtbot, answers):
    window = make_window(qtbot)
    combo = window.wizard.current_step().findChild(type(window.wizard.current_step().profile_combo), "regime")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next regime: party
    qtbot.waitUntil(lambda: window.wizard._shape[0] == "party")
    assert window.document.plan.regime == "party"
    # (the offscreen platform drops the window's activation when the old page goes; the
    # window's own focus widget is what gets the keyboard back)
    qtbot.waitUntil(lambda: window.focusWidget() is not None and window.focusWidget().objectName() == "regime")
    assert window.focusWidget().isVisible()
