"""The paragraph library inside the wizard: search, insert, see it in the plan and on the page."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from .test_wizard_journeys import choose_in_new_plan_dialog, make_window
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)


def _section_step(window, title_word: str):
    wizard = window.wizard
    for i, step in enumerate(wizard.steps):
        if step.key == "section" and title_word in step.title:
            wizard.go_to(i)
            return wizard.current_step()
    raise AssertionError(f"no section step titled {title_word}")


def test_search_insert_and_see_it_in_the_plan_and_the_preview(qtbot, answers):
    window = make_window(qtbot)
    choose_in_new_plan_dialog(qtbot, "tuyen-truyen", "state")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    step = _section_step(window, "KINH PHÍ")
    step.ensure_library()
    panel = step.library
    search = panel.findChild(QLineEdit, "librarySearch")
    search.setFocus()
    type_text(qtbot, search, "ngan sach xa")  # no accents, as people type
    results = panel.findChild(type(panel.results), "libraryResults")
    qtbot.waitUntil(lambda: results.count() > 0)
    before = window.document.plan.to_dict()["sections"]
    qtbot.keyClick(search, Qt.Key.Key_Return)

    after = window.document.plan.sections
    index = next(i for i, s in enumerate(after) if "KINH PHÍ" in s.title.upper())
    inserted = [p for p in after[index].content if isinstance(p, str) and p not in
                [q for q in before[index]["content"] if isinstance(q, str)]]
    assert len(inserted) == 1 and "ngân sách" in inserted[0].lower()
    assert "{nam}" not in inserted[0]  # placeholders filled from the plan
    window.wizard.preview.refresh_now()
    assert inserted[0][:40] in window.wizard.preview.page_text()
    with qtbot.waitActive(window):  # offscreen Qt does not give activation back after a dialog
        window.activateWindow()
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo takes it out
    assert window.document.plan.to_dict()["sections"] == before
