"""Search: folding, prefixes, any order, ranking, filters, and agreement with a brute-force scan."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings, strategies as st

from kehoach_desktop.library.entry import Paragraph, section_label
from kehoach_desktop.library.search import SearchIndex, bits, query_terms
from kehoach_desktop.library.store import load_bundled
from kehoach_desktop.plan.text import fold


def para(pid, section, text, title="", **kw):
    return Paragraph(id=pid, section=section, text=text, title=title or pid, **kw)


def ids(hits):
    return [h.paragraph.id for h in hits]


def test_accents_and_case_are_ignored():
    index = SearchIndex([para("a", "kinh-phi", "Kinh phí do ngân sách xã bảo đảm."),
                         para("b", "to-chuc-thuc-hien", "Đảng ủy xã lãnh đạo."),
                         para("c", "muc-dich", "Nội dung khác.")])
    assert ids(index.search("kinh phi")) == ["a"]
    assert ids(index.search("KINH PHÍ")) == ["a"]
    assert ids(index.search("dang uy")) == ["b"]
    assert ids(index.search("Đảng")) == ["b"]
    assert "b" in ids(index.search("đ")) and "b" in ids(index.search("d"))


def test_decomposed_query_finds_composed_text():
    index = SearchIndex([para("a", "kinh-phi", "Kinh phí thực hiện")])
    assert ids(index.search(unicodedata.normalize("NFD", "kinh phí"))) == ["a"]


def test_word_prefixes_in_any_order_and_all_words_must_match():
    index = SearchIndex([para("a", "noi-dung", "Tuyên truyền trên hệ thống loa truyền thanh"),
                         para("b", "noi-dung", "Tuyên truyền trực quan bằng băng rôn")])
    assert set(ids(index.search("tuy"))) == {"a", "b"}
    assert ids(index.search("thanh tuyen")) == ["a"]
    assert ids(index.search("loa truc")) == []
    assert ids(index.search("uyen")) == []  # inside a word is not a prefix
    assert ids(index.search("khongcotu")) == []


def test_current_section_comes_first():
    entries = [para("x1", "muc-dich", "bảo đảm kinh phí cho hoạt động"),
               para("x2", "kinh-phi", "bảo đảm kinh phí cho hoạt động tuyên truyền")]
    index = SearchIndex(entries)
    assert ids(index.search("kinh phi", section="kinh-phi"))[0] == "x2"
    assert ids(index.search("kinh phi", section="muc-dich"))[0] == "x1"
    assert ids(index.search("kinh phi", section="kinh-phi", only_section=True)) == ["x2"]


def test_favourite_and_use_count_rank_before_match_quality():
    entries = [para("title", "kinh-phi", "Nguồn ngân sách.", title="Kinh phí"),
               para("used", "kinh-phi", "Có nhắc kinh phí ở cuối.", uses=3),
               para("fav", "kinh-phi", "Cũng có kinh phí.", favourite=True)]
    index = SearchIndex(entries)
    assert ids(index.search("kinh phi")) == ["fav", "used", "title"]
    entries[2].favourite = False
    index.refresh_stats()
    assert ids(index.search("kinh phi")) == ["used", "title", "fav"]


def test_title_matches_rank_before_text_matches_then_proximity():
    entries = [para("far", "noi-dung", "kinh tế phát triển, sau đó nói về phí dịch vụ", title="Khác"),
               para("near", "noi-dung", "bảo đảm kinh phí cho việc này", title="Khác nữa"),
               para("title", "noi-dung", "nguồn ngân sách xã", title="Kinh phí")]
    assert ids(SearchIndex(entries).search("kinh phi")) == ["title", "near", "far"]


def test_section_name_counts_as_title_words():
    entries = [para("a", "noi-dung", "tổ chức thực hiện tốt", title="A"),
               para("b", "to-chuc-thuc-hien", "Các thôn phối hợp", title="B")]
    assert ids(SearchIndex(entries).search("to chuc thuc hien"))[0] == "b"


def test_empty_query_lists_the_section_only():
    entries = [para("a", "kinh-phi", "x"), para("b", "muc-dich", "y"), para("c", "kinh-phi", "z")]
    index = SearchIndex(entries)
    assert ids(index.search("", section="kinh-phi")) == ["a", "c"]
    assert ids(index.search("")) == ["a", "b", "c"]
    assert ids(index.search("", section="giai-phap")) == ["a", "b", "c"]  # nothing filed there yet


def test_regime_and_kind_filters():
    entries = [para("s", "kinh-phi", "kinh phí xã", regimes=["state"]),
               para("p", "kinh-phi", "kinh phí đảng", regimes=["party"], kinds=["su-kien"]),
               para("t", "kinh-phi", "kinh phí tuyên truyền", regimes=["state"], kinds=["tuyen-truyen"]),
               para("all", "kinh-phi", "kinh phí chung")]
    index = SearchIndex(entries)
    assert set(ids(index.search("kinh", regime="state"))) == {"s", "t", "all"}
    assert set(ids(index.search("kinh", regime="party", kind="tuyen-truyen"))) == {"all"}
    assert set(ids(index.search("kinh", regime="party", kind="su-kien"))) == {"p", "all"}
    assert set(ids(index.search("kinh", kind="trong"))) == {"s", "p", "t", "all"}
    assert set(ids(index.search("kinh", kind="mau-moi"))) == {"s", "p", "t", "all"}  # a form no paragraph knows


def test_limit_is_respected_on_a_large_library():
    entries = [para(f"p{i}", "noi-dung", f"đoạn số {i} về kinh phí") for i in range(500)]
    index = SearchIndex(entries)
    assert len(index.search("kinh", limit=7)) == 7
    assert index.search("kinh", limit=0) == []


def test_bits_lists_set_positions_lowest_first():
    assert bits(0b101001) == [0, 3, 5]
    assert bits(0b101001, 2) == [0, 3]
    assert bits(0) == []


def test_placeholder_names_are_not_searchable_words():
    index = SearchIndex([para("a", "can-cu", "{co_quan} ban hành Kế hoạch {noi_dung}.", title="Lời dẫn")])
    assert ids(index.search("ban hanh")) == ["a"]
    assert ids(index.search("co_quan")) == [] and ids(index.search("noi dung")) == []


def test_query_terms_are_folded_and_unique():
    assert query_terms("Kinh  PHÍ kinh, đảng") == ["kinh", "phi", "dang"]


BUNDLED = load_bundled()
INDEX = SearchIndex(BUNDLED)
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
WORDS = sorted({w for p in BUNDLED for w in re.findall(r"\w+", fold(p.title + " " + PLACEHOLDER.sub(" ", p.text)))})


def brute(query):
    terms = query_terms(query)
    found = set()
    for p in BUNDLED:
        words = re.findall(r"\w+", fold(f"{p.title} {PLACEHOLDER.sub(' ', p.text)} {section_label(p.section)}"))
        if all(any(w.startswith(t) for w in words) for t in terms):
            found.add(p.id)
    return found


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), st.integers(1, 6))
def test_index_finds_exactly_what_a_brute_force_scan_finds(words, cut):
    query = " ".join(w[:cut] for w in words)
    assert set(ids(INDEX.search(query, limit=10_000))) == brute(query)
