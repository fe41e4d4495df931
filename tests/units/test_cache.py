"""The unit data's ready-made copy (``units/cache.py``): used only for the bytes it was made from,
never instead of the full check of a user's file, and a damaged copy is made again."""
from __future__ import annotations

import json

import pytest

from kehoach_desktop.units import cache, data
from kehoach_desktop.units.index import UnitIndex, current_index, rows_by_key


@pytest.fixture(autouse=True)
def fresh():
    data.forget()
    yield
    data.forget()


def _no_parse(*args, **kwargs):
    raise AssertionError("the file was parsed although its copy fits")


def test_the_copy_gives_the_same_data_and_index_as_the_file(monkeypatch):
    first = data.current()
    assert cache.cache_path(True).is_file()
    data.forget()
    monkeypatch.setattr(cache, "parse", _no_parse)
    again = data.current()
    assert again == data.read_file(data.bundled_path()) == first
    assert isinstance(again.units, cache.Records)  # made from the copy
    assert again.rows_by_key == rows_by_key(data.read_file(data.bundled_path()))
    fresh_index = UnitIndex(data.read_file(data.bundled_path()))  # keys folded now, not taken from the copy
    index = current_index()
    assert index.new_by_name == fresh_index.new_by_name and index.old_by_name == fresh_index.old_by_name
    assert index.old_province_by_name == fresh_index.old_province_by_name
    assert [u.name for u in index.complete("tan lap lam")] == ["Xã Tân Lập"]


def test_a_damaged_copy_is_ignored_and_made_again():
    data.current()
    copy = cache.cache_path(True)
    blob = bytearray(copy.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    copy.write_bytes(bytes(blob))
    data.forget()
    assert len(data.current().units) == 3321
    assert copy.read_bytes() != bytes(blob)  # written again from the file


def test_a_copy_of_other_bytes_is_not_used(tmp_path, monkeypatch):
    """A user's file changed after its copy was made is checked in full again, and refused."""
    doc = json.loads(data.bundled_path().read_text("utf-8"))
    doc["date"] = "2099-01-01"
    user = tmp_path / "units.json"
    user.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    monkeypatch.setattr(data, "user_path", lambda: user)
    assert data.current().date == "2099-01-01"
    assert cache.cache_path(False).is_file()
    doc["units"][0][0] = "not-a-code"  # the same date: only the full check finds it
    user.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    data.forget()
    assert data.current().date == "2026-07-25"  # refused, the bundled list kept


def test_the_bundled_files_copy_is_never_used_for_a_users_file(tmp_path, monkeypatch):
    """The bundled file is read with its shape checked only: its copy is kept apart from the user's."""
    data.current()
    user = tmp_path / "units.json"
    user.write_bytes(data.bundled_path().read_bytes())
    monkeypatch.setattr(data, "user_path", lambda: user)
    data.forget()
    checked = []
    real = cache.parse
    monkeypatch.setattr(cache, "parse", lambda *a, **k: checked.append(k.get("trusted")) or real(*a, **k))
    data.current()
    assert checked == [False]  # the user's file was parsed with every record checked


def test_a_folder_that_cannot_be_written_still_reads_the_data(monkeypatch, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    monkeypatch.setattr(cache, "cache_path", lambda trusted: blocked / "units.marshal")
    assert len(data.current().old_units) == 10047


def test_a_name_holding_a_separator_makes_no_copy():
    """Rows are joined by control characters; a record that holds one would read back wrong, so the
    group is not copied (the file is read each time instead)."""
    good = [data.Unit("00001", "Xã Tân Lập", "01"), data.Unit("00002", "Phường Ba Đình", "01")]
    blob = cache._rows(good)
    records = cache.Records(data.Unit, blob, len(good))
    assert tuple(records) == tuple(good) and records[1].name == "Phường Ba Đình"
    assert cache._rows([data.Unit("00003", "Xã A" + cache.FIELD + "B", "01")]) is None
    assert cache._rows([data.Unit("00004", "Xã A" + cache.ROW + "B", "01")]) is None
