"""The unit data file: built from the shared sources, loaded on first use, replaceable by a newer file
of the same shape, a bad file refused with the current data kept."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_desktop.cli import main
from kehoach_desktop.units import data
from kehoach_desktop.units.forms import header_forms
from kehoach_desktop.units.index import current_index

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    data.forget()
    yield
    data.forget()


def bundled_doc() -> dict:
    return json.loads(data.bundled_path().read_text("utf-8"))


def test_bundled_file_records_its_source_date_and_licence():
    doc = bundled_doc()
    assert doc["date"] == "2026-07-25" and "MIT" in doc["licence"]
    assert "thanglequoc" in doc["source"]["units"] and "dvhcvn" in doc["source"]["mapping"]
    for name in ("LICENSE-units-2026-07-25", "LICENSE-old-to-new-2025-07-01"):
        assert "MIT" in (data.bundled_path().parent / name).read_text("utf-8")
    loaded = data.current()
    assert (len(loaded.provinces), len(loaded.units), len(loaded.old_units)) == (34, 3321, 10047)


def test_names_are_clean():
    index = current_index()
    names = [u.name for u in index.data.units] + [u.name for u in index.data.old_units]
    assert all(n == " ".join(n.split()) for n in names)
    assert "Xã Bắc Sơn" in names and not any(n.startswith("xã ") for n in names)
    assert index.province["38"].name == "Tỉnh Thanh Hóa"  # the tone where official documents put it


def test_the_build_script_reproduces_the_bundled_file(tmp_path):
    source = ROOT.parent / "shared" / "data" / "units"
    if not source.is_dir():
        pytest.skip("the shared sources are not beside the worktree")
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_units
    finally:
        sys.path.pop(0)
    path = build_units.write(build_units.build(source), tmp_path)
    assert path.read_bytes() == data.bundled_path().read_bytes()


def test_completion_is_accent_insensitive_with_the_province():
    index = current_index()
    found = [index.label(u) for u in index.complete("tan lap")]
    assert "Xã Tân Lập — Tỉnh Lâm Đồng" in found and "Phường Tân Lập — Tỉnh Đắk Lắk" in found
    assert all("Tân Lập" in f for f in found[:4])
    assert [index.label(u) for u in index.complete("Tân Lập lâm")] == ["Xã Tân Lập — Tỉnh Lâm Đồng"]
    assert index.complete("") == []


def test_header_forms_of_each_regime():
    index = current_index()
    unit = index.complete("tan lap lam dong")[0]
    assert header_forms(index, unit, "party") == {
        "superior": "ĐẢNG BỘ TỈNH LÂM ĐỒNG", "issuer": "ĐẢNG ỦY XÃ TÂN LẬP", "place": "Tân Lập"}
    assert header_forms(index, unit, "state") == {
        "superior": "", "issuer": "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "place": "Tân Lập"}
    kept = header_forms(index, unit, "state", current={"issuer": "HỘI ĐỒNG NHÂN DÂN XÃ CŨ"})
    assert kept["issuer"] == "HỘI ĐỒNG NHÂN DÂN XÃ TÂN LẬP"
    assert header_forms(index, unit, "party", "superior") == {"superior": "ĐẢNG BỘ XÃ TÂN LẬP", "place": "Tân Lập"}
    zone = index.complete("phu quoc")[0]
    assert header_forms(index, zone, "state")["issuer"] == "ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC"


def newer_copy(tmp_path, **changes) -> Path:
    doc = bundled_doc()
    doc.update(changes)
    path = tmp_path / "don-vi-moi.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


def test_a_newer_file_of_the_same_shape_replaces_the_data(tmp_path, capsys):
    doc = bundled_doc()
    doc["units"][0][1] = "Phường Ba Đình Mới"
    path = newer_copy(tmp_path, date="2027-01-01", units=doc["units"])
    assert main(["units", "import", str(path)]) == 0
    assert "01/01/2027" in capsys.readouterr().out
    assert data.user_path().is_file()
    assert [u.name for u in current_index().complete("ba dinh moi")] == ["Phường Ba Đình Mới"]
    assert main(["units", "reset"]) == 0
    assert current_index().complete("ba dinh moi") == []


@pytest.mark.parametrize("change, words", [
    ({"format": "khac"}, "không phải dữ liệu đơn vị"),
    ({"provinces": []}, "thiếu danh sách “provinces”"),
    ({"units": [["00004", "Phường Ba Đình", "99"]]}, "mã tỉnh “99”"),
    ({"units": [["00004", "Ba Đình", "01"]]}, "tên không bắt đầu bằng"),
    ({"old_units": [["00001", "Phường Phúc Xá", "01", ["99999"]]]}, "đơn vị mới không có"),
    ({"date": "25/07/2026"}, "thiếu ngày"),
    ({"date": "2020-01-01"}, "cũ hơn danh sách đang dùng"),
])
def test_a_bad_file_is_refused_and_the_current_data_kept(tmp_path, capsys, change, words):
    path = newer_copy(tmp_path, **{"date": "2027-01-01", **change})
    assert main(["units", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and err.startswith("Lỗi: ")
    assert not data.user_path().exists()
    assert len(current_index().complete("tan lap")) >= 4


def test_not_json_at_all_is_refused(tmp_path, capsys):
    path = tmp_path / "hong.json"
    path.write_bytes(b"\x00\xff not json")
    assert main(["units", "import", str(path)]) == 2
    assert "không phải JSON" in capsys.readouterr().err


def test_a_damaged_installed_copy_falls_back_to_the_bundled_list():
    data.user_path().write_text('{"format": "kehoach-units"', "utf-8")
    data.forget()
    assert data.current().path == str(data.bundled_path())


def test_importing_the_package_does_not_load_the_data():
    code = ("import kehoach_desktop.units.data as d, kehoach_desktop.plan.validate_rules, "
            "kehoach_desktop.units.mentions; print(d.is_loaded())")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_bundled_file_passes_every_record_check():
    """The app loads its own file without the per-record checks (``trusted``): they run here."""
    strict = data.read_file(data.bundled_path())
    fast = data.read_file(data.bundled_path(), trusted=True)
    assert strict == fast


def test_a_user_file_is_never_trusted(tmp_path, monkeypatch):
    doc = bundled_doc()
    doc["date"] = "2099-01-01"
    doc["units"][0][0] = "not-a-code"
    (tmp_path / "units.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    monkeypatch.setattr(data, "user_path", lambda: tmp_path / "units.json")
    data.current.cache_clear()
    try:
        assert data.current().date != "2099-01-01"  # refused, the bundled list kept
    finally:
        data.current.cache_clear()
