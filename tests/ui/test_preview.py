"""The live preview: blocks from the layout rules (pure), pagination (pure), and the widget."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt

from kehoach_desktop.plan.edits import InsertItem
from kehoach_desktop.plan.layout import rules_for
from kehoach_desktop.plan.model import Plan, Section
from kehoach_desktop.plan.page_flow import FlowBlock, paginate
from kehoach_desktop.plan.page_html import page_blocks, page_html
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


def style_of(html: str, text: str) -> str:
    """The style attribute of the <p> that holds ``text``."""
    m = re.search(r'<p align="(\w+)" style="([^"]*)">' + re.escape(text) + "</p>", html)
    assert m, f"{text!r} not found"
    return f"align={m.group(1)};{m.group(2)}"


# ---- pure: blocks from the rules --------------------------------------------------------
def test_state_header_words_and_sizes():
    html = page_blocks(state_plan())[0].html
    rules = rules_for("state")
    assert "font-size:12pt;font-weight:bold" in style_of(html, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = style_of(html, "Độc lập - Tự do - Hạnh phúc")
    assert f"font-size:{rules.motto_style.size:g}pt" in motto and "underline" in motto
    assert "font-size:13pt" in style_of(html, "Số: 05/KH-UBND")  # padded number
    assert "font-style:italic" in style_of(html, "Cẩm Tân, ngày 03 tháng 02 năm 2025")
    assert "ỦY BAN NHÂN DÂN<br/>XÃ CẨM TÂN" in html  # broken at a natural place
    assert "<hr" in html


def test_party_header_and_title():
    plan = state_plan(regime="party", header={"issuer": "ĐẢNG ỦY XÃ A", "number": "", "symbol": "KH/ĐU"})
    blocks = page_blocks(plan)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in blocks[0].html and "Độc lập" not in blocks[0].html
    assert ">*</p>" in blocks[0].html
    assert re.search(r"Số(&nbsp;){6,}-KH/ĐU", blocks[0].html)  # the blank for the văn thư is kept
    title = blocks[1].html
    assert "font-size:16pt;font-weight:bold" in style_of(title, "KẾ HOẠCH")
    assert ">-----</p>" in title


def test_body_headings_labels_and_foot():
    blocks = page_blocks(state_plan())
    by_path = {b.path: b for b in blocks}
    h1 = by_path["sections[0]"]
    assert h1.kind == "heading" and h1.keep_with_next
    assert "font-weight:bold" in style_of(h1.html, "I. MỤC ĐÍCH, YÊU CẦU")
    assert "font-weight:bold" in style_of(by_path["sections[0].content[0]"].html, "1. Mục đích")
    assert "font-weight:normal" in style_of(by_path["sections[0].content[1].content[0]"].html, "a) Thiết thực")
    body = style_of(by_path["preamble[0]"].html, "Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh;")
    assert body.startswith("align=justify") and "font-size:14pt" in body and "text-indent:37.8px" in body
    assert by_path["preamble[0]"].after_pt == rules_for("state").body.space_after_pt
    assert blocks[-2].path == "closing[0]" and blocks[-2].keep_with_next  # goes with the signature
    foot = blocks[-1].html
    assert "font-weight:bold;font-style:italic" in style_of(foot, "Nơi nhận:")
    assert "font-size:11pt" in style_of(foot, "- Các thôn (để thực hiện);")
    assert "- Lưu: VT, VH.</p>" in foot
    assert "TM. ỦY BAN NHÂN DÂN" in foot and "HNT.(20)" in foot and "Nguyễn Văn A" in foot


def test_plain_section_and_escape():
    plan = state_plan(sections=[{"title": "A <b> & c", "plain": True, "content": []}])
    blocks = page_blocks(plan)
    plain = next(b for b in blocks if b.path == "sections[0]")
    assert plain.kind == "paragraph" and "I. A &lt;b&gt; &amp; c" in plain.html
    assert page_html(plan).startswith("<html>")


# ---- pure: pagination ------------------------------------------------------------------------
def test_paginate_splits_at_allowed_breaks():
    pages = paginate([FlowBlock(60), FlowBlock(100, breaks=(20, 40, 60, 80))], 100)
    assert len(pages) == 2
    first = pages[0][-1]
    assert (first.index, first.top, first.bottom) == (1, 0, 40)
    assert (pages[1][0].top, pages[1][0].y) == (40, 0)


def test_paginate_keep_with_next_and_unsplittable():
    pages = paginate([FlowBlock(80), FlowBlock(10, keep_with_next=True), FlowBlock(30, splittable=False)], 100)
    assert [p.index for p in pages[1]] == [1, 2]  # the heading went with the block
    pages = paginate([FlowBlock(250, splittable=False), FlowBlock(10)], 100)
    assert len(pages) == 2 and pages[0][0].bottom == 250
    pages = paginate([FlowBlock(250)], 100)  # no break allowed: cut at the page end
    assert [len(p) for p in pages] == [1, 1, 1]


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
