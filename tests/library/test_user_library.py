"""The user's library: add, edit, delete, favourite, use counts; saved atomically with a backup."""
import json
from pathlib import Path

import pytest
from platformdirs import user_data_dir

from kehoach_desktop.errors import KehoachError
from kehoach_desktop.library.catalog import Library
from kehoach_desktop.library.store import user_library_path
from kehoach_desktop.safefile import backup_path


def test_user_file_lives_in_the_xdg_data_folder(private_user_dirs):
    path = user_library_path()
    assert path == Path(user_data_dir("kehoach", appauthor=False)) / "library.json"
    assert str(path).startswith(str(private_user_dirs / "data"))


def test_add_edit_delete_survive_reopening():
    lib = Library.open()
    p = lib.add_user_paragraph("  Kinh phí   do Quỹ\u00a0đền ơn đáp nghĩa xã bảo đảm. ", "kinh-phi")
    assert p.text == "Kinh phí do Quỹ đền ơn đáp nghĩa xã bảo đảm." and p.title.startswith("Kinh phí")
    assert user_library_path().is_file()
    again = Library.open()
    assert again.get(p.id).text == p.text and again.get(p.id).section == "kinh-phi"
    again.edit(p.id, text="Kinh phí từ Quỹ vì người nghèo.", title="Quỹ vì người nghèo")
    third = Library.open()
    assert third.get(p.id).title == "Quỹ vì người nghèo"
    assert third.search("quy vi nguoi ngheo")[0].paragraph.id == p.id
    third.delete(p.id)
    assert Library.open().get(p.id) is None


def test_adding_the_same_text_again_does_not_duplicate():
    lib = Library.open()
    a = lib.add_user_paragraph("Đoạn văn của tôi về kinh phí.", "kinh-phi")
    b = lib.add_user_paragraph("ĐOẠN VĂN CỦA TÔI về kinh  phi", "kinh-phi")
    assert a.id == b.id and len(lib.user) == 1
    bundled = lib.bundled[0]
    assert lib.add_user_paragraph(bundled.text.upper(), bundled.section).id == bundled.id


def test_bundled_paragraphs_cannot_be_edited_or_deleted():
    lib = Library.open()
    pid = lib.bundled[0].id
    with pytest.raises(KehoachError):
        lib.edit(pid, text="khác")
    with pytest.raises(KehoachError):
        lib.delete(pid)
    assert lib.get(pid).text == Library.open().get(pid).text


def test_favourite_and_usage_are_kept_and_rank_first():
    lib = Library.open()
    last = [h.paragraph.id for h in lib.search("", section="kinh-phi", limit=50)][-1]
    lib.record_use(last)
    lib.record_use(last)
    assert lib.search("", section="kinh-phi")[0].paragraph.id == last
    other = lib.search("", section="kinh-phi")[1].paragraph.id
    assert lib.toggle_favourite(other) is True
    reopened = Library.open()
    assert reopened.get(last).uses == 2 and reopened.get(other).favourite
    assert [h.paragraph.id for h in reopened.search("", section="kinh-phi")][:2] == [other, last]
    data = json.loads(user_library_path().read_text("utf-8"))
    assert data["stats"][last]["uses"] == 2


def test_each_save_keeps_a_backup_and_a_damaged_file_falls_back_to_it():
    lib = Library.open()
    p = lib.add_user_paragraph("Đoạn thứ nhất để thử sao lưu.", "muc-dich")
    lib.add_user_paragraph("Đoạn thứ hai để thử sao lưu.", "muc-dich")
    path = user_library_path()
    assert backup_path(path).is_file()
    path.write_bytes(b'{"format": "kehoach-library", "paragr')  # cut off
    recovered = Library.open()
    assert recovered.get(p.id) is not None
    assert "sao lưu" in recovered.note


def test_a_damaged_file_without_backup_gives_an_empty_user_library():
    path = user_library_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not json", "utf-8")
    lib = Library.open()
    assert lib.user == [] and len(lib.bundled) >= 150 and lib.note


def test_a_missing_file_is_a_first_run_not_a_damage():
    lib = Library.open()
    lib.add_user_paragraph("Đoạn một.", "muc-dich")
    lib.add_user_paragraph("Đoạn hai.", "muc-dich")
    user_library_path().unlink()  # the user removed it on purpose
    again = Library.open()
    assert again.user == [] and again.note == ""


def test_own_paragraphs_come_before_bundled_ones_of_equal_rank():
    lib = Library.open()
    mine = lib.add_user_paragraph("Kinh phí do xã tự cân đối trong dự toán.", "kinh-phi", title="Kinh phí của xã")
    assert lib.search("", section="kinh-phi")[0].paragraph.id == mine.id
    assert lib.search("kinh phi", section="kinh-phi")[0].paragraph.id == mine.id
