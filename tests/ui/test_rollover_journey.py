"""Issue 9, item 6: a last year's plan rolled over in the window: marked unsaved, its own unit shown."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kehoach_desktop import storage
from kehoach_desktop.plan.model import Header, Plan, Section, Signature
from kehoach_desktop.ui.rollover_dialog import RolloverDialog

from .test_wizard_journeys import make_window, when_modal
from .test_wizard_support import answers  # noqa: F401  (fixture)

PARTY = storage.Profile(name="Đảng ủy xã Hòa Bình", regime="party", superior="ĐẢNG BỘ TỈNH PHÚ THỌ",
                        issuer="ĐẢNG ỦY XÃ HÒA BÌNH", symbol="KH/ĐU", place="Hòa Bình")
STATE = storage.Profile(name="UBND xã Hòa Bình", regime="state", issuer="ỦY BAN NHÂN DÂN XÃ HÒA BÌNH",
                        symbol="KH-UBND", place="Hòa Bình")


def _plan_2024(issuer: str) -> Plan:
    return Plan(regime="state", kind="tuyen-truyen",
                header=Header(issuer=issuer, number="17", symbol="KH-UBND", place="Hòa Bình", date="2024-03-04"),
                summary="Tuyên truyền phòng, chống thiên tai năm 2024",
                preamble=["Thực hiện Kế hoạch số 9/KH-UBND ngày 15/01/2024 của UBND tỉnh;"],
                sections=[Section("NỘI DUNG", ["Tuyên truyền kết quả năm 2023, nhiệm vụ năm 2024."])],
                closing=["Trên đây là Kế hoạch của UBND xã./."], recipients=["Các thôn", "Lưu: VT, VH"],
                signature=Signature("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Hòa"))


def _roll_over(qtbot, window, answers, path):
    answers.open_paths.append(str(path))
    answers.replies += ["rollover"]
    seen = []

    def accept(dialog):
        seen.append(dialog.year.value())
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    when_modal(qtbot, RolloverDialog, accept)
    window.findChild(type(window.undo_action), "actionOpenPrevious").trigger()
    return seen


def _unit_profile(window) -> str:
    wizard = window.wizard
    wizard.go_to(wizard.step_index("unit"))
    return wizard.current_step().profile_combo.currentData() or ""


def test_rolled_over_plan_is_unsaved_and_shows_its_own_unit(qtbot, answers, tmp_path):
    storage.upsert_profile(PARTY)
    storage.upsert_profile(STATE)
    storage.update_settings(last_profile=PARTY.name)
    path = tmp_path / "ke-hoach-2024.json"
    path.write_text(_plan_2024("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH").to_json(), encoding="utf-8")
    window = make_window(qtbot)
    assert _unit_profile(window) == PARTY.name
    assert not window.isWindowModified()

    years = _roll_over(qtbot, window, answers, path)
    assert years and years[0] >= 2025
    plan = window.document.plan
    assert plan.summary.endswith(str(years[0])) and plan.header.date == ""
    assert window.isWindowModified() and "[*]" in window.windowTitle()  # shown as "*" by the window
    assert _unit_profile(window) == STATE.name  # the plan's own unit, not the party profile shown before
    # Undo cannot make the unsaved roll-over look saved.
    window.document.undo_stack.undo()
    assert window.isWindowModified()


def test_plan_of_a_unit_without_profile_shows_none_and_keeps_the_last_profile(qtbot, answers, tmp_path):
    storage.upsert_profile(PARTY)
    storage.update_settings(last_profile=PARTY.name)
    path = tmp_path / "ke-hoach-2024.json"
    path.write_text(_plan_2024("ỦY BAN NHÂN DÂN XÃ AN LẠC").to_json(), encoding="utf-8")
    window = make_window(qtbot)
    _roll_over(qtbot, window, answers, path)
    assert window.document.plan.header.issuer == "ỦY BAN NHÂN DÂN XÃ AN LẠC"
    assert _unit_profile(window) == ""
    assert storage.load_settings()["last_profile"] == PARTY.name  # New plan still offers it


def test_keeping_last_years_plan_to_read_is_not_marked_unsaved(qtbot, answers, tmp_path):
    path = tmp_path / "ke-hoach-2024.json"
    path.write_text(_plan_2024("ỦY BAN NHÂN DÂN XÃ AN LẠC").to_json(), encoding="utf-8")
    window = make_window(qtbot)
    answers.open_paths.append(str(path))
    answers.replies += ["keep"]
    window.findChild(type(window.undo_action), "actionOpenPrevious").trigger()
    assert window.document.plan.header.date == "2024-03-04"
    assert not window.isWindowModified()
