"""Names as you type: today's units under the issuer, superior and place fields, driven like a user;
the choice fills the header forms of the regime in one undo step; start-up does not load the list."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kehoach_desktop.ui.profile_dialog import ProfileDialog

from .test_wizard_journeys import field, make_window
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]


def popup_rows(completer) -> list[str]:
    model = completer.popup().model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def choose(qtbot, completer, label: str) -> None:
    """Walk down the popup with the arrow key to ``label`` and press Enter."""
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    rows = popup_rows(completer)
    assert label in rows, rows
    for _ in range(rows.index(label) + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert popup.currentIndex().data() == label
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())


def type_into(qtbot, window, name: str, text: str):
    """Type ``text`` into the Đơn vị step's field ``header.<name>``; its completer once the popup shows."""
    edit = field(window, f"header.{name}")
    edit.setFocus()
    type_text(qtbot, edit, text)
    completer = window.wizard.current_step().unit_completers[name]
    qtbot.waitUntil(completer.popup().isVisible)
    return completer


def test_typing_without_accents_offers_every_tan_lap_with_its_province(qtbot, answers):  # noqa: F811
    window = make_window(qtbot)
    issuer = field(window, "header.issuer")
    completer = type_into(qtbot, window, "issuer", "tan lap")
    rows = popup_rows(completer)
    assert {"Xã Tân Lập — Tỉnh Lâm Đồng", "Phường Tân Lập — Tỉnh Đắk Lắk", "Xã Tân Lập — Tỉnh Quảng Trị",
            "Xã Tân Lập — Tỉnh Tây Ninh"} <= set(rows)
    assert window.document.plan.header.issuer == "tan lap"  # nothing chosen yet

    choose(qtbot, completer, "Xã Tân Lập — Tỉnh Lâm Đồng")
    header = window.document.plan.header
    assert (header.issuer, header.superior, header.place) == ("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "", "Tân Lập")
    assert issuer.text() == "ỦY BAN NHÂN DÂN XÃ TÂN LẬP" and field(window, "header.place").text() == "Tân Lập"

    window.document.undo_stack.undo()  # the choice is one undo step
    assert window.document.plan.header.issuer == "tan lap" and window.document.plan.header.place == ""


def test_party_regime_gets_the_provincial_party_committee_above(qtbot, answers):  # noqa: F811
    window = make_window(qtbot)
    window.document.set_value("regime", "party")
    completer = type_into(qtbot, window, "place", "Tân Lập lâm")
    choose(qtbot, completer, "Xã Tân Lập — Tỉnh Lâm Đồng")
    header = window.document.plan.header
    assert (header.superior, header.issuer, header.place) == ("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "ĐẢNG ỦY XÃ TÂN LẬP", "Tân Lập")
    assert field(window, "header.superior").text() == "ĐẢNG BỘ TỈNH LÂM ĐỒNG"


def test_escape_closes_the_popup_and_keeps_what_was_typed(qtbot, answers):  # noqa: F811
    window = make_window(qtbot)
    completer = type_into(qtbot, window, "superior", "phu quoc")
    assert popup_rows(completer)[0] == "Đặc khu Phú Quốc — Tỉnh An Giang"  # best first
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not completer.popup().isVisible())
    assert window.document.plan.header.superior == "phu quoc"


def test_the_profile_dialog_completes_too(qtbot):
    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.regime.setCurrentIndex(dialog.regime.findData("party"))
    issuer = dialog.findChild(QLineEdit, "profile.issuer")
    issuer.setFocus()
    qtbot.keyClicks(issuer, "xa tan lap")
    choose(qtbot, dialog.unit_completers["issuer"], "Xã Tân Lập — Tỉnh Tây Ninh")
    assert issuer.text() == "ĐẢNG ỦY XÃ TÂN LẬP"
    assert dialog.inputs["superior"].text() == "ĐẢNG BỘ TỈNH TÂY NINH"
    assert dialog.inputs["place"].text() == "Tân Lập"


STARTUP = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv)
    from kehoach_desktop.ui.main_window import MainWindow
    from kehoach_desktop.units import data
    window = MainWindow(fast_start=True)
    seen = {}
    def started():
        seen["loaded"] = data.is_loaded()
        seen["steps"] = len(window.wizard.steps)
        app.quit()
    window.started.connect(started)
    QTimer.singleShot(20000, app.quit)
    window.show()
    app.exec()
    print("RESULT " + json.dumps(seen))
""")


def test_start_up_does_not_load_the_unit_list(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", STARTUP], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    line = [x for x in done.stdout.splitlines() if x.startswith("RESULT")]
    assert line, done.stderr[-2000:]
    seen = json.loads(line[-1][len("RESULT "):])
    assert seen["steps"] >= 5 and seen["loaded"] is False


def test_menu_refuses_a_bad_list_and_the_completion_keeps_working(qtbot, answers, tmp_path):  # noqa: F811
    from kehoach_desktop.units import data

    bad = tmp_path / "don-vi.json"
    bad.write_text(json.dumps({"format": "kehoach-units", "version": 1, "date": "2030-01-01", "provinces": [],
                               "units": []}), "utf-8")
    window = make_window(qtbot)
    answers.open_paths.append(str(bad))
    window.findChild(type(window.preview_action), "actionUnitList").trigger()
    title, text, _choices, _details = answers.asked[-1]
    assert title == "Không cập nhật được danh sách" and "thiếu danh sách “provinces”" in text
    assert not data.user_path().exists()
    completer = type_into(qtbot, window, "issuer", "tan lap")
    assert "Xã Tân Lập — Tỉnh Lâm Đồng" in popup_rows(completer)


def test_menu_installs_a_newer_list(qtbot, answers, tmp_path):  # noqa: F811
    from kehoach_desktop.units import data

    doc = json.loads(data.bundled_path().read_text("utf-8"))
    doc["date"] = "2027-01-01"
    path = tmp_path / "don-vi-2027.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    window = make_window(qtbot)
    answers.open_paths.append(str(path))
    window.findChild(type(window.preview_action), "actionUnitList").trigger()
    assert "01/01/2027" in answers.asked[-1][1]
    assert data.current().date == "2027-01-01"
    data.reset()
