"""Profiles typed once and remembered; signers remembered; last year's hand-typed plan; printing."""
from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kehoach_desktop import storage
from kehoach_desktop.ui.new_plan_dialog import NewPlanDialog
from kehoach_desktop.ui.rollover_dialog import RolloverDialog

from .test_wizard_journeys import click_next, field, make_window, retype, when_modal
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)


def test_unit_typed_once_is_offered_in_the_next_new_plan(qtbot, answers, tmp_path):
    window = make_window(qtbot)
    retype(qtbot, field(window, "header.issuer"), "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH")
    retype(qtbot, field(window, "header.place"), "Hòa Bình")
    unit = window.wizard.current_step()
    qtbot.mouseClick(unit.findChild(type(window.wizard.next_button), "saveProfileButton"),
                     Qt.MouseButton.LeftButton)
    profiles = storage.load_profiles()
    assert [p.issuer for p in profiles] == ["ỦY BAN NHÂN DÂN XÃ HÒA BÌNH"]
    name = profiles[0].name
    assert unit.profile_combo.currentData() == name

    # The signer of a saved plan is remembered in the profile.
    window.wizard.go_to(window.wizard.step_index("signature"))
    retype(qtbot, field(window, "signature.name"), "Phạm Văn Bình")
    answers.save_paths.append(str(tmp_path / "a.json"))
    assert window.files.save_as()
    assert storage.find_profile(storage.load_profiles(), name).signers[0]["name"] == "Phạm Văn Bình"

    # A new plan for this unit: the header and the signer come from the profile.
    def answer(dialog):
        dialog.select("su-kien", "state", name)
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    when_modal(qtbot, NewPlanDialog, answer)
    assert window.files.new_plan()
    plan = window.document.plan
    assert plan.kind == "su-kien"
    assert plan.header.issuer == "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH" and plan.header.place == "Hòa Bình"
    assert plan.signature.name == "Phạm Văn Bình"
    assert window.files.path is None and window.windowTitle().startswith("Kế hoạch mới")


def test_choosing_a_profile_fills_the_header_in_one_undo_step(qtbot, answers):
    storage.upsert_profile(storage.Profile(name="Đảng ủy xã Hòa Bình", regime="party",
                                           issuer="ĐẢNG ỦY XÃ HÒA BÌNH", symbol="KH/ĐU", place="Hòa Bình"))
    window = make_window(qtbot)
    unit = window.wizard.current_step()
    unit.profile_combo.setFocus()
    index = unit.profile_combo.findData("Đảng ủy xã Hòa Bình")
    unit.profile_combo.setCurrentIndex(index)
    unit.profile_combo.activated.emit(index)
    plan = window.document.plan
    assert (plan.regime, plan.header.issuer, plan.header.symbol) == ("party", "ĐẢNG ỦY XÃ HÒA BÌNH", "KH/ĐU")
    window.document.undo_stack.undo()
    assert window.document.plan.header.issuer == ""
    assert window.document.plan.regime == "state"


def test_remembered_signer_is_chosen_from_the_list(qtbot, answers):
    storage.upsert_profile(storage.Profile(name="UBND", signers=[
        {"authority": "KT.", "collective": "CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "name": "Đỗ Thị Lan"}]))
    storage.update_settings(last_profile="UBND")
    window = make_window(qtbot)
    window.wizard.go_to(window.wizard.step_index("signature"))
    step = window.wizard.current_step()
    assert step.signer_combo.isEnabled() and step.signer_combo.count() == 2
    step.signer_combo.setCurrentIndex(1)
    step.signer_combo.activated.emit(1)
    sig = window.document.plan.signature
    assert (sig.authority, sig.position, sig.name) == ("KT.", "PHÓ CHỦ TỊCH", "Đỗ Thị Lan")
    assert field(window, "signature.name").text() == "Đỗ Thị Lan"


def test_last_years_hand_typed_plan_rolls_over(qtbot, answers, tmp_path, corpus_dir):
    source = tmp_path / "ke-hoach-2021.txt"
    shutil.copy(corpus_dir / "state-cam-thuy-2021.txt", source)
    window = make_window(qtbot)
    answers.open_paths.append(str(source))
    answers.replies += ["rollover"]

    seen = []

    def accept(dialog):
        seen.append(dialog)
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    when_modal(qtbot, RolloverDialog, accept)
    window.findChild(type(window.undo_action), "actionOpenPrevious").trigger()
    titles = [a[0] for a in answers.asked]
    # one question before the review: "Đã đọc …" and what to check are in it, not a box of their own
    assert titles[:1] == ["Kế hoạch năm mới"] and "Đã đọc kế hoạch" not in titles
    assert "ke-hoach-2021.txt" in answers.asked[0][1]
    plan = window.document.plan
    assert plan.header.number == "" and plan.header.date == ""
    assert seen and plan.to_dict() == seen[0].result_plan().to_dict()  # the rolled-over plan
    assert window.files.path is None  # never written over the hand-typed file
    assert len(window.wizard.steps) == 2 + len(plan.sections) + 4  # recipients, signature, appendices, review


def test_profile_dialog_adds_and_saves_a_unit(qtbot, answers):
    from kehoach_desktop.ui.profile_dialog import ProfileDialog

    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1  # an empty first profile to fill in
    name = dialog.findChild(type(dialog.inputs["name"]), "profile.name")
    name.selectAll()
    type_text(qtbot, name, "UBND xã Tân Lập")
    type_text(qtbot, dialog.inputs["issuer"], "ỦY BAN NHÂN DÂN XÃ TÂN LẬP")
    type_text(qtbot, dialog.inputs["archive"], "Lưu: VT, VP")
    dialog.regime.setCurrentIndex(dialog.regime.findData("state"))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert save.text().replace("&", "") == "Lưu"
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    saved = storage.load_profiles()
    assert [(p.name, p.issuer, p.archive) for p in saved] == [
        ("UBND xã Tân Lập", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Lưu: VT, VP")]


def test_saved_docx_opens_in_the_word_processor(qtbot, answers, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window = make_window(qtbot)
    target = tmp_path / "kh.docx"
    answers.save_paths.append(str(target))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert target.exists()
    review = window.wizard.review_step()
    window.wizard.go_to(window.wizard.step_index("review"))
    assert review.open_button.isEnabled()
    qtbot.mouseClick(review.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(target)]


def test_a_unit_added_while_writing_a_party_plan_starts_as_a_party_body(qtbot, answers):
    from PySide6.QtWidgets import QPushButton

    from kehoach_desktop.ui.profile_dialog import ProfileDialog

    storage.upsert_profile(storage.Profile(name="UBND xã An Lạc", regime="state", issuer="ỦY BAN NHÂN DÂN XÃ AN LẠC"))
    dialog = ProfileDialog(regime="party")
    qtbot.addWidget(dialog)
    assert dialog.regime.currentData() == "state"  # the saved UBND profile keeps its own
    qtbot.mouseClick(dialog.findChild(QPushButton, "addProfileButton"), Qt.MouseButton.LeftButton)
    assert dialog.regime.currentData() == "party"
    assert "ĐẢNG" in dialog.inputs["issuer"].placeholderText().upper()
