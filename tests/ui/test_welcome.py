"""First run: the welcome makes the unit's profile, the next New plan uses it; skipping is
remembered; the menu reopens it; the smoke test never waits for it. About and the guide."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QRadioButton, QWizard

from kehoach_desktop import storage
from kehoach_desktop.ui import welcome
from kehoach_desktop.ui.help_dialogs import AboutDialog, GuideDialog, about_facts
from kehoach_desktop.ui.new_plan_dialog import NewPlanDialog
from kehoach_desktop.ui.welcome import WelcomeWizard

from .test_wizard_journeys import make_window, when_modal
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]


def click(qtbot, wizard, which):
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def choose_kind(qtbot, wizard, kind):
    button = wizard.findChild(QRadioButton, f"kind.{kind}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))  # its circle
    assert button.isChecked()


def line(wizard, name) -> QLineEdit:
    widget = wizard.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def retype(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    type_text(qtbot, widget, text)


def test_profile_typed_in_the_welcome_is_the_one_the_next_new_plan_uses(qtbot, answers):  # noqa: F811
    window = make_window(qtbot)
    assert welcome.should_welcome()
    wizard = window.show_welcome()
    qtbot.waitExposed(wizard)
    choose_kind(qtbot, wizard, "party")
    type_text(qtbot, line(wizard, "welcome.commune"), "Hòa Bình")
    type_text(qtbot, line(wizard, "welcome.province"), "Lào Cai")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.unit_page
    assert line(wizard, "welcome.superior").text() == "ĐẢNG BỘ TỈNH LÀO CAI"  # no huyện in between
    assert line(wizard, "welcome.issuer").text() == "ĐẢNG ỦY XÃ HÒA BÌNH"
    assert line(wizard, "welcome.symbol").text() == "KH/ĐU"
    retype(qtbot, line(wizard, "welcome.archive"), "Lưu Văn phòng Đảng ủy xã")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert line(wizard, "signer.authority").text() == "T/M"
    type_text(qtbot, line(wizard, "signer.name"), "Vũ Thị Mai")
    assert wizard.button(QWizard.WizardButton.FinishButton).text().replace("&", "") == "Hoàn tất"
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    [profile] = storage.load_profiles()
    assert (profile.name, profile.regime, profile.issuer) == ("Đảng ủy xã Hòa Bình", "party", "ĐẢNG ỦY XÃ HÒA BÌNH")
    assert storage.load_settings()["last_profile"] == profile.name and not welcome.should_welcome()
    # The untouched first plan takes the unit at once.
    assert window.document.plan.header.issuer == "ĐẢNG ỦY XÃ HÒA BÌNH"
    assert window.wizard.current_step().profile_combo.currentData() == profile.name

    def answer(dialog):  # the user only picks the kind: the unit is already chosen
        assert dialog.profile_combo.currentData() == profile.name
        dialog.select("su-kien")
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    when_modal(qtbot, NewPlanDialog, answer)
    assert window.files.new_plan()
    plan = window.document.plan
    assert plan.kind == "su-kien" and plan.regime == "party"
    assert (plan.header.superior, plan.header.issuer, plan.header.symbol, plan.header.place) == (
        "ĐẢNG BỘ TỈNH LÀO CAI", "ĐẢNG ỦY XÃ HÒA BÌNH", "KH/ĐU", "Hòa Bình")
    assert plan.recipients[-1] == "Lưu Văn phòng Đảng ủy xã"
    assert (plan.signature.authority, plan.signature.name) == ("T/M", "Vũ Thị Mai")


def test_state_example_and_a_typed_unit_back_and_forth(qtbot):
    wizard = WelcomeWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.kind_page.level.setCurrentText("phường")
    type_text(qtbot, line(wizard, "welcome.commune"), "Ba Đình")
    type_text(qtbot, line(wizard, "welcome.province"), "thành phố Hà Nội")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert line(wizard, "welcome.issuer").text() == "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH"
    assert line(wizard, "welcome.superior").text() == ""
    retype(qtbot, line(wizard, "welcome.place"), "Ba Đình, Hà Nội")
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert line(wizard, "welcome.place").text() == "Ba Đình, Hà Nội"  # a correction survives Back
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert line(wizard, "signer.collective").text() == "ỦY BAN NHÂN DÂN"
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    [profile] = storage.load_profiles()
    assert (profile.regime, profile.place, profile.signers[0]["position"]) == ("state", "Ba Đình, Hà Nội", "CHỦ TỊCH")


def test_other_unit_needs_an_issuer_before_next(qtbot):
    wizard = WelcomeWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    choose_kind(qtbot, wizard, "other")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_text(qtbot, line(wizard, "welcome.issuer"), "HỘI NÔNG DÂN XÃ TÂN LẬP")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert storage.load_profiles()[0].name == "HỘI NÔNG DÂN XÃ TÂN LẬP"  # named after the issuer


def test_skipping_is_remembered_and_the_start_offers_it_only_once(qtbot, answers):  # noqa: F811
    from kehoach_desktop.ui.app import _after_start

    window = make_window(qtbot)
    _after_start(window, [])
    wizard = window.findChild(WelcomeWizard)
    assert wizard is not None and wizard.isVisible()
    assert wizard.button(QWizard.WizardButton.CancelButton).text().replace("&", "") == "Bỏ qua"
    click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert storage.load_settings()["welcome"] == "skipped" and storage.load_profiles() == []
    wizard.deleteLater()
    qtbot.waitUntil(lambda: window.findChild(WelcomeWizard) is None)
    _after_start(window, [])
    assert window.findChild(WelcomeWizard) is None
    # ... and the menu still reaches it.
    window.findChild(type(window.preview_action), "actionWelcome").trigger()
    qtbot.waitUntil(lambda: window.findChild(WelcomeWizard) is not None and window.findChild(WelcomeWizard).isVisible())


def test_no_welcome_when_a_profile_exists(qtbot, answers):  # noqa: F811
    storage.upsert_profile(storage.Profile(name="UBND xã An Phú", issuer="ỦY BAN NHÂN DÂN XÃ AN PHÚ"))
    assert not welcome.should_welcome()


def test_smoke_test_exits_0_on_a_machine_with_no_profile(tmp_path):
    data = tmp_path / "dữ liệu trống"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data))
    proc = subprocess.run([sys.executable, "-m", "kehoach_desktop", "--smoke-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert not (data / "kehoach" / "profiles.json").exists()


def test_about_tells_the_version_the_data_folder_and_how_to_back_up(qtbot, answers):  # noqa: F811
    from kehoach_desktop import __version__

    window = make_window(qtbot)
    seen = {}

    def look(dialog):
        seen["text"] = dialog.text.text()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    when_modal(qtbot, AboutDialog, look)
    window.findChild(type(window.preview_action), "actionAbout").trigger()
    text = seen["text"]
    assert __version__ in text and str(storage.data_dir()) in text
    assert "Sao lưu" in text and "di động" not in text
    assert about_facts()["portable"] is False


def test_about_in_portable_mode(monkeypatch, tmp_path):
    from kehoach_desktop import locations
    from kehoach_desktop.ui.help_dialogs import about_html

    monkeypatch.setattr(locations, "portable_data_dir", lambda: str(tmp_path / "DuLieu"))
    facts = about_facts()
    assert facts["portable"] and facts["data_dir"] == str(tmp_path / "DuLieu")
    assert "di động" in about_html(facts) and "kehoach-portable.ini" in about_html(facts)


def test_guide_is_bundled_and_shown(qtbot):
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert text.startswith("Hướng dẫn sử dụng") and "Sao lưu" in text and "kehoach-portable.ini" in text
    assert "#" not in text.splitlines()[0]  # shown as formatted text, not raw Markdown


def test_unit_page_hints_are_vietnamese_examples_not_field_keys(qtbot):
    """The unit page shares the profile dialog's fields, whose third item is a hint key:
    a user saw "header.superior" as the grey example in Cơ quan cấp trên."""
    wizard = WelcomeWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # a UBND without its xã would print “ỦY BAN NHÂN DÂN” alone
    type_text(qtbot, line(wizard, "welcome.commune"), "Hòa Bình")
    assert next_button.isEnabled()
    choose_kind(qtbot, wizard, "other")
    line(wizard, "welcome.commune").clear()
    assert next_button.isEnabled()  # another unit is typed on the next page
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    for key in ("superior", "issuer", "symbol", "place", "archive"):
        hint = line(wizard, f"welcome.{key}").placeholderText()
        assert not hint.startswith(("header.", "archive")), (key, hint)


def test_commune_completes_from_todays_units_and_fills_the_province(qtbot):
    """``tan lap`` in Tên xã, phường offers every Tân Lập with its province; choosing one
    fills the level and the province as they are today."""
    wizard = WelcomeWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    commune = line(wizard, "welcome.commune")
    commune.setFocus()
    qtbot.keyClicks(commune, "tan lap")
    popup = wizard.kind_page.commune_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    labels = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert labels and all("Tân Lập" in text and " — " in text for text in labels)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: commune.text() == "Tân Lập")
    chosen = labels[0]
    assert wizard.kind_page.level.currentText() == chosen.split(" Tân Lập")[0].lower()
    assert line(wizard, "welcome.province").text().lower() == chosen.split(" — ")[1].lower()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert line(wizard, "welcome.issuer").text().endswith("TÂN LẬP")


def test_welcome_from_the_menu_keeps_an_opened_plan(qtbot, answers, tmp_path, corpus_dir):  # noqa: F811
    """A hand-typed plan was opened (no file path of ours, nothing changed yet); Trợ giúp → Thiết lập
    đơn vị ban đầu → Hoàn tất replaced it with a blank new plan. Only the untouched start plan is."""
    import shutil

    source = tmp_path / "ke-hoach-cu.txt"
    shutil.copy(corpus_dir / "state-cam-thuy-2021.txt", source)
    window = make_window(qtbot)
    answers.replies += ["ok"]
    assert window.files.open(str(source))
    opened = window.document.plan.to_dict()
    wizard = window.show_welcome()
    qtbot.waitExposed(wizard)
    type_text(qtbot, line(wizard, "welcome.commune"), "Hòa Bình")
    type_text(qtbot, line(wizard, "welcome.province"), "Lào Cai")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert window.profile_name == "UBND xã Hòa Bình"
    assert window.document.plan.to_dict() == opened


def test_welcome_fills_the_untouched_start_plan(qtbot, answers):  # noqa: F811
    window = make_window(qtbot)
    wizard = window.show_welcome()
    qtbot.waitExposed(wizard)
    type_text(qtbot, line(wizard, "welcome.commune"), "Hòa Bình")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: window.document.plan.header.issuer == "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH")


def test_welcome_buttons_have_alt_keys_no_label_of_a_page_uses(qtbot):
    """Every button the welcome shows has its own Alt key, clashing with no field label's."""
    import re

    from PySide6.QtWidgets import QLabel

    wizard = WelcomeWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    which = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
             QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)
    keys = {}
    for b in which:
        match = re.search(r"&(\w)", wizard.buttonText(b).replace("&&", ""))
        assert match, wizard.buttonText(b)
        keys[b] = match.group(1).lower()
    assert len(set(keys.values())) == len(keys)
    for page in (wizard.kind_page, wizard.unit_page, wizard.signer_page):
        labels = {m.group(1).lower() for w in page.findChildren(QLabel)
                  for m in [re.search(r"&(\w)", w.text().replace("&&", ""))] if m}
        assert not labels & set(keys.values()), (page.title(), labels & set(keys.values()))
