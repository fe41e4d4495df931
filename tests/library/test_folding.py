import unicodedata

from hypothesis import given, settings, strategies as st

from kehoach_desktop.library.folding import fast_fold
from kehoach_desktop.plan.text import fold

VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ALPHABET = VIET + VIET.upper() + " ,.;:-–“”…/()0123456789\u00a0\u0300\u0301\u0303\u0309\u0323İıß"


def test_examples():
    assert fast_fold("Kinh phí") == "kinh phi" == fold("Kinh phí")
    assert fast_fold("ĐẢNG ỦY") == "dang uy"
    assert fast_fold("“Kế hoạch” – năm…") == fold("“Kế hoạch” – năm…")
    assert fast_fold(unicodedata.normalize("NFD", "Đảng ủy xã")) == "dang uy xa"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_same_as_fold_on_vietnamese_text(text):
    assert fast_fold(text) == fold(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_same_as_fold_on_any_text(text):
    assert fast_fold(text) == fold(text)
