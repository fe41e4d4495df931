"""A signer never leaks from one unit's profile to another's (issue 9, item 3).

The trial that found it: a UBND profile shown on the Đơn vị step, last year's party plan opened
and saved: its signer ("TRƯỞNG BAN — …") was stored in the UBND profile, and new UBND plans then
defaulted to it. Plans and names here are made up for the test (not in the corpus).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kehoach_desktop import storage
from kehoach_desktop.plan.model import Header, Plan, Section, Signature
from kehoach_desktop.ui.profile_dialog import ProfileDialog
from kehoach_desktop.ui.signer_dialog import SignerDialog

from .test_wizard_journeys import make_window, when_modal
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)

UBND = storage.Profile(name="UBND xã Mường Khoa", regime="state", issuer="ỦY BAN NHÂN DÂN XÃ MƯỜNG KHOA",
                       symbol="KH-UBND", place="Mường Khoa", archive="Lưu: VT, VHXH",
                       signers=[{"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH",
                                 "name": "Lò Văn Pản"}])
PARTY_SIGNER = Signature(authority="", collective="", position="TRƯỞNG BAN", name="Hà Thị Nguyệt")


def party_plan() -> Plan:
    return Plan(regime="party", summary="tuyên truyền Nghị quyết Đại hội Đảng bộ xã năm 2025",
                header=Header(superior="ĐẢNG ỦY XÃ MƯỜNG KHOA", issuer="BAN TUYÊN GIÁO VÀ DÂN VẬN",
                              symbol="KH/BTGDV", place="Mường Khoa"),
                sections=[Section(title="MỤC ĐÍCH, YÊU CẦU", content=["Quán triệt sâu rộng Nghị quyết."])],
                recipients=["Thường trực Đảng ủy xã (để báo cáo)", "Lưu BTGDV"], signature=PARTY_SIGNER)


def unit_combo(window):
    return window.wizard.step_widget(window.wizard.step_index("unit")).profile_combo


def test_opening_another_units_plan_never_stores_its_signer_in_the_profile_shown(qtbot, answers, tmp_path):
    storage.upsert_profile(UBND)
    storage.update_settings(last_profile=UBND.name)
    window = make_window(qtbot)
    assert unit_combo(window).currentData() == UBND.name  # the UBND profile is shown

    path = tmp_path / "ke-hoach-ban-tuyen-giao-2025.json"
    path.write_text(party_plan().to_json(), "utf-8")
    assert window.files.open(str(path))
    # The Đơn vị step shows the plan's own unit: no profile is that unit.
    assert unit_combo(window).currentData() == ""
    window.wizard.go_to(window.wizard.step_index("signature"))
    assert not window.wizard.current_step().signer_combo.isEnabled()  # no UBND signers offered

    window.document.set_value("summary", "tuyên truyền Nghị quyết Đại hội Đảng bộ xã năm 2026")
    answers.save_paths.append(str(tmp_path / "ke-hoach-2026.json"))
    assert window.files.save_as()
    ubnd = storage.find_profile(storage.load_profiles(), UBND.name)
    assert [s["name"] for s in ubnd.signers] == ["Lò Văn Pản"]  # the party signer did not leak
    assert [p.name for p in storage.load_profiles()] == [UBND.name]
    assert storage.load_settings()["last_profile"] == UBND.name  # New plan still offers it


def test_the_plans_own_profile_is_shown_and_keeps_its_signer(qtbot, answers, tmp_path):
    ban = storage.Profile(name="Ban Tuyên giáo xã", regime="party", issuer="Ban Tuyên giáo và Dân vận",
                          symbol="KH/BTGDV")
    storage.upsert_profile(ban)
    storage.upsert_profile(UBND)
    storage.update_settings(last_profile=UBND.name)
    window = make_window(qtbot)
    path = tmp_path / "nam-truoc.json"
    path.write_text(party_plan().to_json(), "utf-8")
    assert window.files.open(str(path))
    assert unit_combo(window).currentData() == ban.name  # matched by issuer, whatever the case typed
    answers.save_paths.append(str(tmp_path / "nam-nay.json"))
    assert window.files.save_as()
    profiles = storage.load_profiles()
    assert storage.find_profile(profiles, ban.name).signers[0]["name"] == "Hà Thị Nguyệt"
    assert [s["name"] for s in storage.find_profile(profiles, UBND.name).signers] == ["Lò Văn Pản"]


def test_profile_manager_edits_and_removes_remembered_signers(qtbot, answers):
    profile = storage.Profile(**{**UBND.to_dict(), "signers": [
        {"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "name": "Lò Văn Pản"},
        {"authority": "", "collective": "", "position": "TRƯỞNG BAN", "name": "Hà Thị Nguyệt"}]})
    storage.upsert_profile(profile)
    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    assert dialog.signer_list.count() == 2
    # Remove the signer that leaked in before the fix.
    dialog.signer_list.setCurrentRow(1)
    qtbot.mouseClick(dialog.findChild(type(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Save)), "removeSignerButton"), Qt.MouseButton.LeftButton)
    assert [s["name"] for s in storage.load_profiles()[0].signers] == ["Lò Văn Pản"]

    def edit(signer_dialog):
        name = signer_dialog.inputs["name"]
        name.selectAll()
        type_text(qtbot, name, "Lò Văn Păn")
        signer_dialog.accept()

    when_modal(qtbot, SignerDialog, edit)
    dialog.signer_list.setCurrentRow(0)
    dialog._edit_signer()
    signer = storage.load_profiles()[0].signers[0]
    assert (signer["authority"], signer["name"]) == ("TM.", "Lò Văn Păn")
    assert "Lò Văn Păn" in dialog.signer_list.item(0).text()


def test_profile_dialog_suggests_the_header_of_its_regime(qtbot, answers):
    storage.upsert_profile(UBND)
    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    assert "ĐẢNG" not in dialog.inputs["superior"].placeholderText()
    dialog.regime.setCurrentIndex(dialog.regime.findData("party"))
    assert "ĐẢNG BỘ TỈNH" in dialog.inputs["superior"].placeholderText()
    assert "KH/" in dialog.inputs["symbol"].placeholderText()
