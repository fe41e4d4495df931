"""The library side panel, driven like a user with qtbot: search, preview, insert, drag, save."""
import pytest
from PySide6.QtCore import Qt

from kehoach_desktop.library.catalog import Library
from kehoach_desktop.plan.model import Header, Plan
from kehoach_desktop.ui.library_panel import ID_ROLE, LibraryPanel


@pytest.fixture
def plan():
    return Plan(regime="state", kind="", header=Header(issuer="ỦY BAN NHÂN DÂN XÃ CẨM TÂN", place="Cẩm Tân",
                                                       date="2026-04-10"))


@pytest.fixture
def panel(qtbot, plan):
    widget = LibraryPanel(Library.open())
    qtbot.addWidget(widget)
    widget.set_plan(plan)
    widget.show()
    return widget


def search(panel, qtbot, text):
    box = panel.findChild(type(panel.search_box), "librarySearch")
    box.clear()
    qtbot.keyClicks(box, text)
    return panel.findChild(type(panel.results), "libraryResults")


def first_paragraph(panel):
    return panel.library.get(panel.results.item(0).data(ID_ROLE))


def test_typing_kinh_phi_lists_funding_paragraphs_first(panel, qtbot):
    results = search(panel, qtbot, "kinh phi")
    assert results.count() > 3
    assert first_paragraph(panel).section == "kinh-phi"


def test_enter_inserts_with_the_year_filled_from_the_plan(panel, qtbot):
    panel.set_section("kinh-phi")
    results = search(panel, qtbot, "kinh phi du toan ngan sach xa nam")
    p = first_paragraph(panel)
    assert "{nam}" in p.text
    results.setFocus()
    with qtbot.waitSignal(panel.paragraph_chosen) as signal:
        qtbot.keyClick(results, Qt.Key.Key_Return)
    text = signal.args[0]
    assert "{nam}" not in text and "năm 2026" in text
    assert text == p.text.replace("{nam}", "2026")
    assert Library.open().get(p.id).uses == 1  # use count saved


def test_enter_in_the_search_box_inserts_the_first_result(panel, qtbot):
    search(panel, qtbot, "ban hanh ke hoach voi cac noi dung")
    with qtbot.waitSignal(panel.paragraph_chosen) as signal:
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert signal.args[0].startswith("Ủy ban nhân dân xã Cẩm Tân ban hành Kế hoạch")


def test_double_click_inserts(panel, qtbot):
    results = search(panel, qtbot, "dang uy")
    item = results.item(0)
    rect = results.visualItemRect(item)
    # Qt 6 item views take a double click only after a press on the same item, as a real mouse makes.
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.paragraph_chosen) as signal:
        qtbot.mouseDClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args[0] == panel.filled_text(item.data(ID_ROLE))


def test_preview_shows_the_whole_paragraph_and_highlights_what_to_fill(panel, qtbot):
    panel.set_section("ket-thuc")
    search(panel, qtbot, "tren day la ke hoach")
    p = first_paragraph(panel)
    preview = panel.findChild(type(panel.preview), "libraryPreview")
    assert "{noi_dung}" in p.text
    plain = preview.toPlainText()
    assert "Ủy ban nhân dân xã Cẩm Tân" in plain or "{co_quan}" not in p.text
    assert "{noi_dung}" in plain and "background-color:#fff2a8" in preview.toHtml().replace(" ", "")
    assert results_tooltip(panel, 0).startswith(p.text[:10])


def results_tooltip(panel, row):
    return panel.results.item(row).toolTip()


def test_section_filters_the_empty_search_and_ranks_when_searching(panel, qtbot):
    panel.set_section("to-chuc-thuc-hien")
    ids = [panel.results.item(i).data(ID_ROLE) for i in range(panel.results.count())]
    assert ids and all(panel.library.get(i).section == "to-chuc-thuc-hien" for i in ids)
    search(panel, qtbot, "kinh phi")
    assert first_paragraph(panel).section == "to-chuc-thuc-hien"
    assert any(panel.library.get(panel.results.item(i).data(ID_ROLE)).section == "kinh-phi"
               for i in range(panel.results.count()))


def test_party_plan_sees_no_state_only_paragraphs(panel, qtbot, plan):
    plan.regime = "party"
    panel.set_plan(plan)
    search(panel, qtbot, "uy ban nhan dan xa")
    ids = [panel.results.item(i).data(ID_ROLE) for i in range(panel.results.count())]
    assert ids and all("party" in panel.library.get(i).regimes for i in ids)


def test_drag_carries_the_filled_text(panel, qtbot):
    search(panel, qtbot, "kinh phi")
    item = panel.results.item(0)
    data = panel.results.mimeData([item])
    assert data.hasText() and data.text() == panel.filled_text(item.data(ID_ROLE))
    assert "text/plain" in panel.results.mimeTypes()


def test_save_favourite_and_delete_a_user_paragraph(panel, qtbot):
    panel.set_section("kinh-phi")
    panel.set_text_source(lambda: "Kinh phí từ Quỹ vì người nghèo của xã.")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    p = panel.library.get(panel.current_id())
    assert p.is_user and p.section == "kinh-phi" and "Đã lưu" in panel.status.text()
    assert Library.open().get(p.id) is not None
    assert "(của tôi)" in panel.results.currentItem().text()

    search(panel, qtbot, "")
    qtbot.mouseClick(panel.favourite_button, Qt.MouseButton.LeftButton)
    assert panel.results.item(0).data(ID_ROLE) == p.id and panel.results.item(0).text().startswith("★")
    assert Library.open().get(p.id).favourite

    panel.confirm = lambda question: False
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.library.get(p.id) is not None
    panel.confirm = lambda question: True
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.library.get(p.id) is None and Library.open().get(p.id) is None


def test_bundled_paragraphs_cannot_be_deleted(panel, qtbot):
    search(panel, qtbot, "kinh phi")
    assert not panel.delete_button.isEnabled()


def test_no_result_says_so(panel, qtbot):
    results = search(panel, qtbot, "khongcotunay")
    assert results.count() == 0 and "Không tìm thấy" in panel.status.text()
    assert not panel.insert_button.isEnabled()


def test_panels_share_one_library_and_see_each_others_changes(qtbot):
    first, second = LibraryPanel(), LibraryPanel()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    assert first.library is second.library
    first.set_section("kinh-phi")
    second.set_section("kinh-phi")
    p = first.add_user_paragraph("Kinh phí do các nhà hảo tâm trong thôn ủng hộ.")
    assert any(second.results.item(i).data(ID_ROLE) == p.id for i in range(second.results.count()))
    second.results.setCurrentRow(next(i for i in range(second.results.count())
                                      if second.results.item(i).data(ID_ROLE) == p.id))
    second.insert(p.id)  # a use recorded by the second panel keeps the first panel's paragraph
    assert Library.open().get(p.id).uses == 1


def test_a_failed_save_is_reported_not_raised(panel, qtbot, monkeypatch):
    from kehoach_desktop.errors import SaveFailed

    def fail(*args, **kwargs):
        raise SaveFailed("Không lưu được thư viện: ổ đĩa đầy.")

    monkeypatch.setattr(panel.library, "save", fail)
    assert panel.add_user_paragraph("Một đoạn không lưu được.", "kinh-phi") is None
    assert "ổ đĩa đầy" in panel.status.text()


def test_edit_a_user_paragraph_through_the_dialog(panel, qtbot):
    panel.set_section("kinh-phi")
    p = panel.add_user_paragraph("Kinh phí do thôn tự cân đối.")
    assert panel.edit_button.isEnabled()

    def fill(dialog):
        qtbot.addWidget(dialog)
        assert dialog.text_edit.toPlainText() == p.text
        dialog.title_edit.setText("Thôn tự cân đối")
        dialog.text_edit.setPlainText("Kinh phí do các thôn tự cân đối từ quỹ của thôn.")
        return True

    panel.run_dialog = fill
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    saved = Library.open().get(p.id)
    assert saved.title == "Thôn tự cân đối" and saved.text.endswith("quỹ của thôn.")
    assert panel.results.currentItem().text().startswith("Thôn tự cân đối")
    assert "quỹ của thôn" in panel.preview.toPlainText()

    panel.run_dialog = lambda dialog: False  # cancelled: nothing changes
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert Library.open().get(p.id).title == "Thôn tự cân đối"


def test_edit_is_off_for_bundled_paragraphs(panel, qtbot):
    search(panel, qtbot, "kinh phi")
    assert not panel.edit_button.isEnabled()


def test_share_menu_exports_and_imports(panel, qtbot, tmp_path):
    mine = panel.add_user_paragraph("Đoạn của xã để gửi xã bạn.", "muc-dich")
    out = tmp_path / "gui-xa-ban.xlsx"
    panel.ask_save_path = lambda suggested: str(out)
    panel.export_to_file()
    assert out.is_file() and "Đã xuất 1 đoạn" in panel.status.text()

    panel.confirm = lambda question: True
    panel.results.setCurrentRow(next(i for i in range(panel.results.count())
                                     if panel.results.item(i).data(ID_ROLE) == mine.id))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.library.get(mine.id) is None

    panel.ask_open_path = lambda: str(out)
    panel.import_from_file()
    assert "Đã thêm 1 đoạn văn mẫu, bỏ qua 0 đoạn trùng." == panel.status.text()
    search(panel, qtbot, "gui xa ban")
    assert panel.results.count() == 1

    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04broken")
    panel.ask_open_path = lambda: str(bad)
    panel.import_from_file()
    assert "bị hỏng" in panel.status.text()
    panel.ask_open_path = lambda: ""
    panel.import_from_file()  # cancelled: nothing happens
    assert "bị hỏng" in panel.status.text()


# ---- its dialogs go through ui/vi.py: Vietnamese buttons, scriptable in tests ----------------
def test_delete_asks_through_vi_with_vietnamese_choices(panel, qtbot, monkeypatch):
    from kehoach_desktop.ui import vi

    asked = []

    def ask(parent, title, text, choices, **kwargs):
        asked.append((title, text, [(key, label, role) for key, label, role in choices], kwargs))
        return replies.pop(0)

    monkeypatch.setattr(vi, "ask", ask)
    p = panel.add_user_paragraph("Kinh phí do Mặt trận xã vận động.", "kinh-phi")
    replies = ["keep"]
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.library.get(p.id) is not None
    title, text, choices, kwargs = asked[-1]
    assert title == "Xóa đoạn văn" and p.title in text
    assert choices == [("delete", "Xóa", vi.DESTRUCTIVE), ("keep", "Không xóa", vi.REJECT)]
    assert kwargs.get("default") == "keep"  # Enter does not delete
    replies = ["delete"]
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.library.get(p.id) is None


def test_share_files_are_chosen_through_vi(panel, monkeypatch, tmp_path):
    from kehoach_desktop.ui import vi

    panel.add_user_paragraph("Đoạn của xã để chia sẻ.", "muc-dich")
    calls = []
    out = tmp_path / "chia-se"  # no extension typed: vi adds the chosen filter's

    def choose_save(parent, title, suggested="", filters=vi.SAVE_FILTERS):
        calls.append(("save", title, suggested, filters))
        return vi.with_suffix(str(out), filters.split(";;")[0], "xlsx")

    def choose_open(parent, title, filters=vi.OPEN_FILTERS, folder=""):
        calls.append(("open", title, filters))
        return str(out) + ".xlsx"

    monkeypatch.setattr(vi, "choose_save_file", choose_save)
    monkeypatch.setattr(vi, "choose_open_file", choose_open)
    panel.export_to_file()
    assert (tmp_path / "chia-se.xlsx").is_file() and "Đã xuất 1 đoạn" in panel.status.text()
    panel.import_from_file()
    assert "bỏ qua 1 đoạn trùng" in panel.status.text()
    assert calls[0][:3] == ("save", "Xuất thư viện đoạn văn", "thu-vien-doan-van.xlsx")
    assert "*.xlsx" in calls[0][3] and "*.json" in calls[0][3]
    assert calls[1][:2] == ("open", "Nhập đoạn văn mẫu") and "*.xlsx" in calls[1][2]


def test_edit_dialog_buttons_are_vietnamese(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from kehoach_desktop.ui.library_panel import ParagraphEditDialog

    dialog = ParagraphEditDialog("Tiêu đề", "Nội dung")
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "") == "Lưu"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Hủy"
    dialog.text_edit.setPlainText("  ")
    assert not box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
