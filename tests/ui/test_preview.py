"""The live preview: the printed blocks from the layout rules (pure), and the widget."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt

from kehoach_desktop.pages.blocks import Para, Table, page_blocks
from kehoach_desktop.plan.edits import InsertItem
from kehoach_desktop.plan.layout import rules_for
from kehoach_desktop.plan.model import Plan, Section
from kehoach_desktop.ui.plan_document import PlanDocument
from kehoach_desktop.ui.widgets.preview import PreviewWidget


def state_plan(**kw) -> Plan:
    data = {"format": "kehoach", "version": 1, "regime": "state",
            "header": {"superior": "", "issuer": "ỦY BAN NHÂN DÂN XÃ CẨM TÂN", "number": "5",
                       "symbol": "KH-UBND", "place": "Cẩm Tân", "date": "2025-02-03"},
            "summary": "Tuyên truyền pháp luật năm 2026",
            "preamble": ["Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh;"],
            "sections": [{"title": "MỤC ĐÍCH, YÊU CẦU", "content": [
                {"title": "Mục đích", "content": ["Nâng cao nhận thức."]},
                {"title": "Yêu cầu", "content": [{"title": "Thiết thực", "content": []}]}]}],
            "closing": ["Trên đây là Kế hoạch./."],
            "recipients": ["Các thôn (để thực hiện)", "Lưu: VT, VH"],
            "signature": {"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN",
                          "position": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
            "typist": "HNT", "copies": 20}
    data.update(kw)
    return Plan.from_dict(data)


def paras(blocks) -> list:
    """Every paragraph of the printed blocks, those inside the header and foot tables too."""
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out += [p for row in block.rows for cell in row.cells for p in cell.paras]
        elif isinstance(block, Para):
            out.append(block)
    return out


def para_of(blocks, text: str) -> Para:
    found = [p for p in paras(blocks) if p.text == text]
    assert found, f"{text!r} not found"
    return found[0]


# ---- pure: blocks from the rules --------------------------------------------------------
def test_state_header_words_and_sizes():
    blocks = page_blocks(state_plan())
    rules = rules_for("state")
    national = para_of(blocks[:1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").style
    assert national.size == 12 and national.bold
    motto = para_of(blocks[:1], "Độc lập - Tự do - Hạnh phúc").style
    assert motto.size == rules.motto_style.size and motto.bold
    assert para_of(blocks[:1], "Số: 05/KH-UBND").style.size == 13  # padded number
    assert para_of(blocks[:1], "Cẩm Tân, ngày 03 tháng 02 năm 2025").style.italic
    assert para_of(blocks[:1], "ỦY BAN NHÂN DÂN\nXÃ CẨM TÂN")  # broken at a natural place
    assert any(p.rule for p in paras(blocks[:1]))  # the line under the motto


def test_party_header_and_title():
    plan = state_plan(regime="party", header={"issuer": "ĐẢNG ỦY XÃ A", "number": "", "symbol": "KH/ĐU"})
    blocks = page_blocks(plan)
    texts = [p.text for p in paras(blocks[:1])]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in texts and not any("Độc lập" in t for t in texts)
    assert "*" in texts
    assert any(re.fullmatch(r"Số\s{6,}-KH/ĐU", t) for t in texts)  # the blank for the văn thư is kept
    title = para_of(blocks, "KẾ HOẠCH").style
    assert title.size == 16 and title.bold
    assert para_of(blocks, "-----")


def test_body_headings_labels_and_foot():
    blocks = page_blocks(state_plan())
    by_path = {b.path: b for b in blocks if isinstance(b, Para)}
    h1 = by_path["sections[0]"]
    assert h1.text == "I. MỤC ĐÍCH, YÊU CẦU" and h1.keep_next and h1.style.bold
    assert by_path["sections[0].content[0]"].text == "1. Mục đích" and by_path["sections[0].content[0]"].style.bold
    sub = by_path["sections[0].content[1].content[0]"]
    assert sub.text == "a) Thiết thực" and not sub.style.bold
    body = by_path["preamble[0]"]
    assert body.style.align == "justify" and body.style.size == 14 and body.first_line > 0
    assert body.after == rules_for("state").body.space_after_pt
    assert blocks[-2].path == "closing[0]" and blocks[-2].keep_next  # goes with the signature
    foot = blocks[-1:]
    label = para_of(foot, "Nơi nhận:").style
    assert label.bold and label.italic
    assert para_of(foot, "- Các thôn (để thực hiện);").style.size == 11
    assert para_of(foot, "- Lưu: VT, VH.")
    texts = " ".join(p.text for p in paras(foot))
    assert "TM. ỦY BAN NHÂN DÂN" in texts and "HNT.(20)" in texts and "Nguyễn Văn A" in texts


def test_plain_section_keeps_its_text():
    plan = state_plan(sections=[{"title": "A <b> & c", "plain": True, "content": []}])
    plain = next(b for b in page_blocks(plan) if b.path == "sections[0]")
    assert plain.text == "I. A <b> & c" and not plain.keep_next


# ---- the widget --------------------------------------------------------------------------------
@pytest.fixture
def preview(qtbot):
    doc = PlanDocument(state_plan())
    widget = PreviewWidget(doc)
    qtbot.addWidget(widget)
    widget.resize(600, 800)
    widget.show()
    return widget


def test_typing_shows_within_a_moment(preview, qtbot):
    doc = preview.document
    for text in ("Tuyên", "Tuyên truyền", "Tuyên truyền MỚI"):
        doc.set_value("summary", text)
    assert "Tuyên truyền MỚI" not in preview.page_text()  # debounced, not yet
    qtbot.waitUntil(lambda: "Tuyên truyền MỚI" in preview.page_text(), timeout=2000)


def test_refresh_relays_only_changed_blocks(preview):
    before = {id(item) for item in preview.pages_view.laid}
    preview.document.set_value("preamble[0]", "Căn cứ mới;")
    preview.refresh_now()
    after = [id(item) for item in preview.pages_view.laid]
    new = [i for i in after if i not in before]
    assert len(new) == 1  # only the edited paragraph was laid out again


def test_pages_grow_and_page_of(preview):
    assert preview.page_count == 1
    doc = preview.document
    long = "Nội dung rất dài của kế hoạch, lặp lại nhiều lần để kín trang. " * 12
    doc.begin_macro("Thêm")
    for i in range(12):
        doc.apply(InsertItem("sections[0].content", 0, long))
    doc.end_macro()
    preview.refresh_now()
    assert preview.page_count >= 3
    assert preview.page_of("recipients") == preview.page_count - 1
    assert preview.page_of("header") == 0


def test_zoom_keys_and_fit(preview, qtbot):
    preview.fit_width()
    fitted = preview.zoom
    assert 0.3 < fitted < 1.0
    preview.scroll.setFocus()
    qtbot.waitUntil(preview.scroll.hasFocus)
    qtbot.keyClick(preview.scroll, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom > fitted
    bigger = preview.zoom
    qtbot.keyClick(preview.scroll, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom < bigger
    assert preview.pages_view.width() == int((preview.pages_view.geometry_.width + 32) * preview.zoom)


def test_replace_plan_refreshes(preview, qtbot):
    preview.document.replace_plan(state_plan(summary="Kế hoạch khác hẳn"))
    qtbot.waitUntil(lambda: "Kế hoạch khác hẳn" in preview.page_text(), timeout=2000)
    assert preview.page_of("summary") == 0


def test_grab_renders_white_page(preview):
    preview.refresh_now()
    image = preview.pages_view.grab().toImage()
    g = preview.pages_view.geometry_
    z = preview.zoom
    x, y = int((16 + g.width / 2) * z), int((16 + 5) * z)  # inside the top margin of page 1
    assert image.pixelColor(x, y).name() == "#ffffff"
    assert image.pixelColor(2, 2).name() != "#ffffff"  # the grey desk


def test_click_on_page_tells_the_path(preview, qtbot):
    preview.set_zoom(1.0)
    view = preview.pages_view
    g = view.geometry_
    index = next(i for i, b in enumerate(preview.blocks) if b.path == "preamble[0]")
    piece = next(p for p in view.pages[0] if p.index == index)
    x = int((16 + g.margin_left + 50) * view.zoom)
    y = int((16 + g.margin_top + piece.y + 12) * view.zoom)
    with qtbot.waitSignal(preview.path_clicked) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert blocker.args == ["preamble[0]"]
