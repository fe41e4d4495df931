"""One way to find what the app ships (source tree or PyInstaller bundle), and portable mode:
a ``kehoach-portable.ini`` beside the program keeps the user's data beside it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kehoach_desktop import locations, storage
from kehoach_desktop.forms import FORMS_DIR, load_forms
from kehoach_desktop.library.store import bundled_dir, load_bundled, user_library_path

ROOT = Path(__file__).resolve().parents[1]


def test_source_tree_resources_and_forms():
    assert not locations.is_bundled()
    assert locations.forms_dir() == FORMS_DIR == ROOT / "forms"
    assert locations.resource_path("library") == bundled_dir() == ROOT / "resources" / "library"
    assert locations.resource_path("guide", "huong-dan-su-dung.md").is_file()
    assert locations.program_dir() == ROOT


def test_no_file_is_located_beside_the_source_but_through_locations():
    """Every ``Path(__file__)`` of the package is in locations.py: the bundle has no source tree."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "kehoach_desktop").rglob("*.py")
                 if "__file__" in p.read_text("utf-8") and p.name != "locations.py"]
    assert offenders == [], "find shipped files with kehoach_desktop.locations.resource_path / forms_dir"


@pytest.fixture
def bundle(tmp_path, monkeypatch):
    """Pretend to run as the PyInstaller bundle installed in a folder with Vietnamese letters and spaces."""
    folder = tmp_path / "Thư mục có dấu" / "Soạn Kế hoạch"
    internal = folder / "_internal"
    (internal / "resources" / "library").mkdir(parents=True)
    (internal / "forms").mkdir()
    (internal / "forms" / "trong.json").write_bytes((ROOT / "forms" / "trong.json").read_bytes())
    (internal / "resources" / "library" / "kinh-phi.json").write_bytes(
        (ROOT / "resources" / "library" / "kinh-phi.json").read_bytes())
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "kehoach_desktop"))
    return folder


def test_bundle_reads_its_own_data_folder(bundle):
    assert locations.is_bundled()
    assert locations.app_root() == bundle / "_internal"
    assert locations.program_dir() == bundle
    forms, errors = load_forms(locations.forms_dir())
    assert [f.id for f in forms] == ["trong"] and errors == []
    assert load_bundled(bundled_dir()) and bundled_dir() == bundle / "_internal" / "resources" / "library"


def test_command_line_names_the_bundled_program(bundle):
    from kehoach_desktop.cli import build_parser

    assert locations.command_name() == "kehoach_desktop"
    assert build_parser().format_usage().startswith("Cách dùng: kehoach_desktop ")


def test_not_portable_without_the_file(bundle, private_user_dirs):
    assert locations.portable_data_dir() == ""
    assert storage.data_dir() == private_user_dirs / "data" / "kehoach"


def test_portable_file_keeps_every_user_file_beside_the_program(bundle, private_user_dirs):
    (bundle / "kehoach-portable.ini").write_text("; bản chạy từ USB\n", "utf-8")
    data = bundle / "DuLieu"
    assert storage.data_dir() == data and data.is_dir()
    storage.upsert_profile(storage.Profile(name="UBND xã Tân Lập", issuer="ỦY BAN NHÂN DÂN XÃ TÂN LẬP"))
    storage.update_settings(last_profile="UBND xã Tân Lập")
    storage.write_draft('{"format": "kehoach"}', session="t")
    assert user_library_path() == data / "library.json"
    assert {p.name for p in data.iterdir()} >= {"profiles.json", "settings.json", "drafts"}
    assert not (private_user_dirs / "data" / "kehoach" / "profiles.json").exists()


@pytest.mark.parametrize("line, where", [("data = Dữ liệu của tôi", "Dữ liệu của tôi"),
                                         ("[portable]\ndata_dir=\"Kế hoạch/dữ liệu\"", "Kế hoạch/dữ liệu"),
                                         ("\ufeffdata = DL", "DL")])
def test_portable_file_may_name_the_folder(bundle, line, where):
    (bundle / "kehoach-portable.ini").write_text(line, "utf-8")
    assert storage.data_dir() == bundle / where


def test_portable_folder_may_be_absolute(bundle, tmp_path):
    target = tmp_path / "USB" / "dữ liệu"
    (bundle / "kehoach-portable.ini").write_text(f"data = {target}\n", "utf-8")
    assert storage.data_dir() == target


def test_unreadable_portable_file_still_means_portable(bundle):
    (bundle / "kehoach-portable.ini").write_bytes(b"data = \xff\xfe\xfa")
    assert storage.data_dir() == bundle / "DuLieu"
