"""``fold`` (one str.translate table) gives exactly the definition of folding, on any text."""
import unicodedata

from hypothesis import given, settings, strategies as st

from kehoach_desktop.plan.text import _fold_slowly, fold

VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ALPHABET = VIET + VIET.upper() + " ,.;:-–“”…/()0123456789\u00a0\u0300\u0301\u0303\u0309\u0323İıß"


def test_examples():
    assert fold("Kinh phí") == "kinh phi" == _fold_slowly("Kinh phí")
    assert fold("ĐẢNG ỦY") == "dang uy"
    assert fold("“Kế hoạch” – năm…") == _fold_slowly("“Kế hoạch” – năm…")
    assert fold(unicodedata.normalize("NFD", "Đảng ủy xã")) == "dang uy xa"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_same_as_fold_on_vietnamese_text(text):
    assert fold(text) == _fold_slowly(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_same_as_fold_on_any_text(text):
    assert fold(text) == _fold_slowly(text)
