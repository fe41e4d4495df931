"""The library's own file: export, import, merge without duplicates, foreign files rejected."""
import json
import unicodedata

import pytest

from kehoach_desktop.errors import FileRejected
from kehoach_desktop.library.catalog import Library
from kehoach_desktop.library.entry import Paragraph
from kehoach_desktop.library.share import merge, parse_library, section_key, regime_keys, kind_keys, text_key
from kehoach_desktop.library.store import user_library_path


def test_text_key_ignores_form_spacing_case_and_accents():
    a = "Kinh phí thực hiện   được bố trí."
    assert text_key(a) == text_key(unicodedata.normalize("NFD", "KINH PHÍ thực\u00a0hiện được bố trí"))
    assert text_key(a) != text_key("Kinh phí thực hiện được bố trí thêm.")


def test_merge_skips_duplicates_in_the_library_and_in_the_file():
    existing = [Paragraph(id="a", section="kinh-phi", text="Kinh phí do ngân sách xã bảo đảm.")]
    incoming = [Paragraph(id="x", section="kinh-phi", text="kinh phi do ngan sach xa bao dam"),
                Paragraph(id="y", section="muc-dich", text="Một đoạn mới."),
                Paragraph(id="z", section="muc-dich", text="MỘT ĐOẠN MỚI")]
    added, summary = merge(existing, incoming)
    assert [p.text for p in added] == ["Một đoạn mới."]
    assert (summary.added, summary.duplicates) == (1, 2)
    assert summary.message() == "Đã thêm 1 đoạn văn mẫu, bỏ qua 2 đoạn trùng."


def test_export_and_import_round_trip(tmp_path):
    lib = Library.open()
    mine = lib.add_user_paragraph("Đoạn riêng của xã về thi đua khen thưởng.", "to-chuc-thuc-hien")
    out = tmp_path / "thu-vien.json"
    lib.export_file(out, [mine])
    doc = json.loads(out.read_text("utf-8"))
    assert doc["format"] == "kehoach-library" and doc["version"] == 1
    assert doc["paragraphs"][0]["text"] == mine.text

    user_library_path().unlink()
    fresh = Library.open()
    summary = fresh.import_file(out)
    assert (summary.added, summary.duplicates) == (1, 0)
    assert fresh.search("doan rieng thi dua")[0].paragraph.text == mine.text
    assert Library.open().import_file(out).duplicates == 1  # saved, and not added twice


def test_whole_library_export_then_import_adds_nothing(tmp_path):
    lib = Library.open()
    out = tmp_path / "all.json"
    assert lib.export_file(out) == len(lib.entries)
    summary = lib.import_file(out)
    assert summary.added == 0 and summary.duplicates == len(lib.entries)


@pytest.mark.parametrize("content", [
    b"", b"\x00\x01garbage", b'{"format": "kehoach", "version": 1}', b'{"format": "kehoach-library"}',
    b'{"format": "kehoach-library", "version": 2, "paragraphs": []}', b"[1, 2, 3]", b'{"format": "kehoach-lib',
])
def test_foreign_files_are_rejected_and_change_nothing(tmp_path, content):
    lib = Library.open()
    lib.add_user_paragraph("Đoạn có sẵn trước khi nhập.", "muc-dich")
    before = user_library_path().read_bytes()
    bad = tmp_path / "la.json"
    bad.write_bytes(content)
    with pytest.raises(FileRejected) as info:
        lib.import_file(bad)
    assert "Tệp" in str(info.value)
    assert user_library_path().read_bytes() == before and len(lib.user) == 1


def test_entries_without_text_are_counted_not_fatal():
    data = json.dumps({"format": "kehoach-library", "version": 1, "paragraphs": [
        {"section": "kinh-phi", "text": "Đoạn tốt."}, {"section": "kinh-phi", "text": ""}, 5]}).encode()
    paras, invalid = parse_library(data)
    assert [p.text for p in paras] == ["Đoạn tốt."] and invalid == 2


def test_human_words_map_to_keys():
    assert section_key("Kinh phí") == "kinh-phi"
    assert section_key("KINH PHÍ THỰC HIỆN") == "kinh-phi"
    assert section_key("to-chuc-thuc-hien") == "to-chuc-thuc-hien"
    assert section_key("Tổ chức thực hiện") == "to-chuc-thuc-hien"
    assert section_key("???") == ""
    assert regime_keys("Đảng") == ["party"] and regime_keys("Chính quyền") == ["state"]
    assert regime_keys("") == ["state", "party"] and regime_keys("Cả hai") == ["state", "party"]
    assert kind_keys("Tuyên truyền, kiem-tra-giam-sat") == ["tuyen-truyen", "kiem-tra-giam-sat"]
