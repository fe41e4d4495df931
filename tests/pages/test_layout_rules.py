"""The print layout model without Qt: line breaking, widows, keep-with-next, the signature kept whole."""
from __future__ import annotations

from kehoach_desktop.pages.blocks import (Cell, Para, PrintOptions, Row, Table, is_draft, page_blocks,
                                          page_setup, plan_for_options)
from kehoach_desktop.pages.copies import proposed_copies
from kehoach_desktop.pages.paginate import paginate
from kehoach_desktop.pages.typeset import LaidRow, line_height, set_blocks, set_para
from kehoach_desktop.plan.layout import TextStyle, rules_for

from .plan_shapes import make_plan


class OnePointPerChar:
    """Every character one point wide: breaks are easy to predict."""

    def width(self, text, style):
        return float(len(text))


BODY = TextStyle(14, align="justify")
M = OnePointPerChar()


def words(laid):
    return [" ".join(r.text for r in line.runs) for line in laid.lines]


def test_lines_break_at_spaces_and_justify_all_but_the_last():
    laid = set_para(Para("aaaa bbbb cccc dddd", BODY), 10, M)
    assert words(laid) == ["aaaa bbbb", "cccc dddd"]
    first = laid.lines[0].runs[0]
    assert first.x == 0 and len(first.text) + first.spacing == 10  # stretched to the right edge
    last = laid.lines[1].runs
    assert len(last) == 1 and last[0].text == "cccc dddd" and last[0].spacing == 0  # not stretched


def test_a_line_may_break_after_a_hyphen_inside_a_word():
    laid = set_para(Para("xx 58-NQ/TW yy", BODY), 6, M)
    assert words(laid)[0] == "xx 58-"


def test_the_whole_word_moves_when_the_line_overflows_past_its_slash():
    # LibreOffice: "58-NQ/T" would fit but the word is not broken after the slash, nor at its hyphen.
    laid = set_para(Para("xx 58-NQ/TW yy", BODY), 10, M)
    assert words(laid)[0] == "xx"


def test_first_line_indent_takes_room_from_the_first_line_only():
    laid = set_para(Para("aaa bbb ccc ddd", BODY, first_line=4), 8, M)
    assert words(laid) == ["aaa", "bbb ccc", "ddd"]
    assert laid.lines[0].runs[0].x == 4


def test_single_spacing_is_the_fonts_line_height_rounded_to_the_twip():
    assert line_height(14) == 16.1  # measured on LibreOffice's pages: 16.1 pt per line of 14 pt
    assert line_height(12) == 13.8


def _para(lines: int, **kw):
    return Para(" ".join(["abcd"] * lines), BODY, **kw)


def _setup(lines_per_page: int):
    setup = page_setup(rules_for("state"))
    height = line_height(14) * lines_per_page
    return setup.__class__(**{**setup.__dict__, "top": 0.0, "bottom": setup.height - height})


def test_widow_and_orphan_control_never_leave_one_line_alone():
    setup = _setup(10)
    items = set_blocks([_para(8), _para(3, widow=True)], 4, M)
    pages = paginate(items, setup)
    # 8 lines + 2 of 3 would leave one line alone on the next page: all three move.
    assert [len(p.runs) for p in pages] == [8, 3]
    items = set_blocks([_para(9), _para(4, widow=True)], 4, M)
    pages = paginate(items, setup)
    # one line would fit at the foot: an orphan, so the paragraph starts on the next page
    assert [len(p.runs) for p in pages] == [9, 4]


def test_a_heading_keeps_with_the_first_lines_of_the_next_paragraph():
    setup = _setup(10)
    heading = Para("HEAD", BODY, keep_next=True)
    items = set_blocks([_para(8), heading, _para(5, widow=True)], 4, M)
    pages = paginate(items, setup)
    assert pages[1].runs[0].text == "HEAD"


def test_the_signature_row_moves_whole_with_the_last_paragraph():
    setup = _setup(10)
    foot = Table((Row((Cell(2, (Para("Nơi", BODY), Para("nhận", BODY))),
                       Cell(2, tuple(Para("x", BODY) for _ in range(4))))),), 0.0)
    items = set_blocks([_para(7), _para(1, keep_next=True, widow=True), foot], 4, M)
    assert isinstance(items[-1], LaidRow) and items[-1].height == 4 * line_height(14)
    pages = paginate(items, setup)
    assert len(pages) == 2
    assert pages[1].runs[0].text == "abcd"  # the last paragraph went along with the signature


def test_blocks_follow_the_writer_and_the_options():
    plan = make_plan(8, "plain")
    blocks = page_blocks(plan)
    assert isinstance(blocks[0], Table) and isinstance(blocks[-1], Table)
    body = [b for b in blocks if isinstance(b, Para) and b.path.startswith(("preamble", "sections", "closing"))]
    assert body[-1].keep_next  # the last paragraph goes with the signature
    assert all(b.widow for b in body)
    signing = plan_for_options(plan, PrintOptions(for_signing=True))
    assert signing.header.number == "" and signing.header.date == "" and plan.header.number
    assert is_draft(signing) and not is_draft(plan)


def test_copies_one_per_recipient_and_one_per_archive_unit():
    assert proposed_copies(["UBND huyện", "Các thôn", "Lưu: VT, VH"]) == 4
    assert proposed_copies(["Đảng ủy xã", "Lưu VT"]) == 2
    assert proposed_copies([]) == 1
