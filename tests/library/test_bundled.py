"""The bundled library: enough good paragraphs, every section and kind, two-tier government only."""
import unicodedata

from kehoach_desktop.library.entry import KINDS, SECTIONS
from kehoach_desktop.library.store import load_bundled
from kehoach_desktop.plan.text import fold_words

BUNDLED = load_bundled()
REQUIRED = ["can-cu", "muc-dich", "yeu-cau", "noi-dung", "hinh-thuc", "thoi-gian", "kinh-phi",
            "to-chuc-thuc-hien", "ket-thuc", "nhiem-vu", "kiem-tra", "che-do-bao-cao"]


def test_at_least_150_paragraphs_with_unique_ids():
    assert len(BUNDLED) >= 150
    assert len({p.id for p in BUNDLED}) == len(BUNDLED)
    assert all(p.source == "bundled" for p in BUNDLED)


def test_every_section_regime_and_kind_is_covered():
    for key in REQUIRED:
        assert sum(p.section == key for p in BUNDLED) >= 4, key
    assert all(p.section in SECTIONS for p in BUNDLED)
    for regime in ("state", "party"):
        assert sum(regime in p.regimes for p in BUNDLED) >= 60
    for kind in KINDS:
        assert any(p.fits(kind=kind) for p in BUNDLED)
        if kind != "trong":
            assert sum(kind in p.kinds for p in BUNDLED) >= 10, kind


def test_no_district_level_names():
    for p in BUNDLED:
        words = fold_words(p.text + " " + p.title)
        assert "huyen" not in words, p.id  # "huyện" as a word, not inside "chuyện"


def test_state_closings_end_with_the_official_mark():
    closings = [p for p in BUNDLED if p.section == "ket-thuc"]
    assert any("state" in p.regimes for p in closings) and any("party" in p.regimes for p in closings)
    for p in closings:
        if p.regimes == ["state"]:
            assert p.text.endswith("./."), p.id
        else:
            assert not p.text.endswith("./."), p.id


def test_text_is_nfc_titles_are_short():
    for p in BUNDLED:
        assert unicodedata.is_normalized("NFC", p.text) and p.text == p.text.strip()
        assert 0 < len(p.title) <= 80, p.id
        assert len(p.text) >= 40, p.id
