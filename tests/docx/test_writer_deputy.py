"""The second authority line ("KT. CHỦ TỊCH" under "TM. ỦY BAN NHÂN DÂN") in the written DOCX."""
from __future__ import annotations

from .docx_facts import alignment, cell_texts, open_docx, render_cached, small_plan, text_facts

_STATE_SIG = {"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN", "deputy": "KT. CHỦ TỊCH",
              "position": "PHÓ CHỦ TỊCH", "name": "Trần Văn Cường"}


def _right(plan: dict):
    return open_docx(render_cached(plan)).tables[-1].rows[0].cells[1]


def test_deputy_line_sits_between_authority_and_position():
    right = _right(small_plan("state", signature=_STATE_SIG))
    assert cell_texts(right) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                 "", "", "", "", "Trần Văn Cường"]


def test_deputy_line_has_the_authority_style():
    paras = _right(small_plan("state", signature=_STATE_SIG)).paragraphs
    first, deputy = text_facts(paras[0]), text_facts(paras[1])
    assert (deputy.size, deputy.bold, deputy.italic) == (first.size, first.bold, first.italic) == (14, True, False)
    assert alignment(paras[1]) == "center"


def test_deputy_line_directly_under_first_line_no_extra_space():
    paras = _right(small_plan("state", signature=_STATE_SIG)).paragraphs
    spacing = paras[1].paragraph_format.space_before
    assert spacing is None or spacing == 0


def test_party_deputy_line_keeps_party_style():
    sig = {"authority": "T/M", "collective": "BAN THƯỜNG VỤ", "deputy": "K/T BÍ THƯ",
           "position": "PHÓ BÍ THƯ", "name": "Lê Thị Bình"}
    paras = _right(small_plan("party", signature=sig)).paragraphs
    assert [p.text for p in paras[:3]] == ["T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "PHÓ BÍ THƯ"]
    assert (text_facts(paras[1]).size, text_facts(paras[1]).bold) == (14, True)
    assert text_facts(paras[2]).bold is False  # the party position is not bold; the deputy line is


def test_without_deputy_the_block_is_unchanged():
    right = _right(small_plan("state"))
    assert cell_texts(right)[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_embedded_plan_keeps_deputy_and_is_not_seen_as_edited():
    from kehoach_desktop.docx.embed import read_embedded

    found = read_embedded(open_docx(render_cached(small_plan("state", signature=_STATE_SIG))))
    assert found is not None and not found.edited
    assert found.plan.signature.deputy == "KT. CHỦ TỊCH"


def test_written_page_read_back_as_hand_typed_gives_the_deputy():
    from kehoach_desktop.docx.recognise import recognise_docx

    sig = recognise_docx(open_docx(render_cached(small_plan("state", signature=_STATE_SIG)))).plan.signature
    assert (sig.authority, sig.collective, sig.deputy, sig.position, sig.name) == (
        "TM.", "ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Cường")
