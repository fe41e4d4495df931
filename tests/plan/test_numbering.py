"""Section labels, the number line and the date line."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from kehoach_desktop.plan import numbering as n
from kehoach_desktop.plan.layout import PARTY, STATE


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(k):
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    r = n.roman(k)
    total = sum(-values[a] if values[a] < values[b] else values[a] for a, b in zip(r, r[1:] + "I"))
    assert total == k


@given(st.integers(min_value=1, max_value=2000))
def test_letters_never_use_f_j_w_z_and_are_distinct(k):
    a, b = n.letter(k), n.letter(k + 1)
    assert a != b and not set(a) & set("fjwz")
    assert set(a) <= set(n.VIETNAMESE_LETTERS)


def test_letter_sequence():
    assert [n.letter(i) for i in range(1, 9)] == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert n.letter(23) == "y" and n.letter(24) == "aa"


@given(st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=6))
def test_label_shapes(numbers):
    numbering = ["I.", "1.", "1.1.", "a)"]
    lab = n.label(numbering, tuple(numbers))
    depth = len(numbers) - 1
    if depth == 0:
        assert lab == n.roman(numbers[0]) + "."
    elif depth == 1:
        assert lab == f"{numbers[1]}."
    elif depth == 2:
        assert lab == f"{numbers[1]}.{numbers[2]}."
    else:
        assert lab.endswith(")") and lab[:-1] == n.letter(numbers[-1])


def test_label_defaults_and_deep_levels_repeat_last_style():
    assert n.label(["I.", "1.", "a)"], (2, 3, 5)) == "đ)"
    assert n.label(["I.", "1."], (1, 2, 3)) == "3."


@pytest.mark.parametrize("number,expected", [("5", "05"), ("05", "05"), ("45", "45"), ("123", "123")])
def test_number_padding(number, expected):
    assert n.pad_number(number) == expected


def test_number_lines_of_both_regimes():
    assert n.number_line(STATE.number_template, "5", "KH-UBND") == "Số: 05/KH-UBND"
    assert n.number_line(PARTY.number_template, "23", "KH/ĐUK") == "Số 23-KH/ĐUK"
    blank = n.number_line(STATE.number_template, "", "KH-UBND")
    assert blank.startswith("Số: ") and blank.endswith("/KH-UBND") and blank[4:-8].strip() == ""


@pytest.mark.parametrize("iso,expected", [
    ("2021-05-20", "Cẩm Tân, ngày 20 tháng 5 năm 2021"),
    ("2021-02-05", "Cẩm Tân, ngày 05 tháng 02 năm 2021"),
    ("2021-01-09", "Cẩm Tân, ngày 09 tháng 01 năm 2021"),
    ("2021-12-10", "Cẩm Tân, ngày 10 tháng 12 năm 2021"),
    ("2021-03-01", "Cẩm Tân, ngày 01 tháng 3 năm 2021"),
])
def test_date_line_padding(iso, expected):
    assert n.date_line("Cẩm Tân", iso) == expected


def test_undated_draft_has_blanks_and_the_current_year():
    line = n.date_line("Cẩm Tân", "", today=dt.date(2026, 11, 23))
    assert line.startswith("Cẩm Tân, ngày ") and line.endswith("năm 2026")
    assert "tháng" in line and line.split("ngày")[1].split("tháng")[0].strip() == ""


@pytest.mark.parametrize("bad", ["2021-02-30", "20/5/2021", "x"])
def test_bad_dates_are_not_parsed(bad):
    assert n.parse_date(bad) is None


@pytest.mark.parametrize("title,labelled", [
    ("II. NỘI DUNG", True), ("1. Mục đích", True), ("1.2. Thời gian", True), ("a) Tuyên truyền", True),
    ("MỤC ĐÍCH, YÊU CẦU", False), ("Mục đích", False), ("Về công tác", False)])
def test_typed_labels_are_detected(title, labelled):
    assert n.starts_with_label(title) is labelled
