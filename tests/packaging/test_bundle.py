"""The PyInstaller bundle itself, not the source tree: packaging/build.sh builds it once per test
session; a copy installed under a folder with Vietnamese letters and spaces then runs its command
line (render, validate, import), opens and closes its window (--smoke-test), keeps its data in a
Vietnamese-named folder, and in portable mode beside itself."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..test_cli import complete_plan

ROOT = Path(__file__).resolve().parents[2]
LIMIT_MB = 150
UNUSED_QT = ("Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6Wayland", "Qt6Pdf", "Qt6Svg", "Qt6WebEngine",
             "Qt6Multimedia", "Qt63D", "Qt6Designer", "Qt6Sql")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="build.sh builds the Linux bundle")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must have PyInstaller (scripts/setup.sh --test installs the build extra)")
        pytest.skip("PyInstaller not installed (bash packaging/build.sh installs it into .venv)")
    out = tmp_path_factory.mktemp("build")
    proc = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh"), str(out / "dist"), str(out / "work")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out / "dist" / "kehoach_desktop"


@pytest.fixture(scope="session")
def installed(built, tmp_path_factory) -> Path:
    """The bundle copied as an installer would: into a folder with Vietnamese letters and spaces."""
    folder = tmp_path_factory.mktemp("install") / "Thư mục có dấu" / "Soạn Kế hoạch"
    shutil.copytree(built, folder, symlinks=True)
    return folder


def run(installed: Path, *args, env_extra=None, home: Path | None = None, timeout=120):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if home is not None:
        env.update(HOME=str(home), XDG_DATA_HOME=str(home / "Dữ liệu người dùng"))
    env.update(env_extra or {})
    return subprocess.run([str(installed / "kehoach_desktop"), *map(str, args)], env=env, cwd=installed.parent,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def tree(folder: Path) -> set:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_bundle_is_small_and_ships_every_form_and_resource(built):
    size_mb = sum(p.stat().st_size for p in built.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    print(f"bundle: {size_mb:.1f} MB")
    assert size_mb < LIMIT_MB
    internal = built / "_internal"
    assert tree(internal / "forms") == tree(ROOT / "forms")
    assert tree(internal / "resources") >= {p for p in tree(ROOT / "resources") if "__pycache__" not in p}
    libs = [p.name for p in internal.rglob("*.so*")]
    assert not [n for n in libs if any(q in n for q in UNUSED_QT)]
    assert {"libqxcb.so", "libqoffscreen.so", "libqminimal.so", "QtPrintSupport.abi3.so"} <= set(libs)


def test_every_library_the_bundle_loads_is_found(built):
    if shutil.which("ldd") is None:
        pytest.skip("ldd not installed")
    internal = built / "_internal"
    missing = []
    for lib in internal.rglob("*.so*"):
        if lib.is_file() and not lib.is_symlink():
            out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True,
                                 env=dict(os.environ, LD_LIBRARY_PATH=str(internal))).stdout
            missing += [f"{lib.name}: {line.strip()}" for line in out.splitlines() if "not found" in line]
    assert missing == []


def test_command_line_of_the_bundle_on_vietnamese_paths(installed, tmp_path):
    folder = tmp_path / "Kế hoạch năm 2026"
    folder.mkdir()
    source = folder / "kế hoạch tuyên truyền.json"
    source.write_text(json.dumps(complete_plan("party"), ensure_ascii=False), "utf-8")
    docx = folder / "bản in ký.docx"
    proc = run(installed, "render", source, "-o", docx)
    assert proc.returncode == 0 and docx.is_file(), proc.stderr
    proc = run(installed, "validate", docx)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    back = folder / "đọc lại.json"
    proc = run(installed, "import", docx, "-o", back)
    assert proc.returncode == 0, proc.stderr
    plan = json.loads(back.read_text("utf-8"))
    assert plan["header"]["issuer"] == "ĐẢNG ỦY XÃ AN PHÚ" and plan["signature"]["name"] == "Nguyễn Văn An"
    proc = run(installed, "library", "search", "kinh phi")  # the bundled paragraph library
    assert proc.returncode == 0 and "Kinh phí" in proc.stdout
    proc = run(installed, "--help")  # names the program the user has, not "python -m"
    assert proc.returncode == 0 and proc.stdout.startswith("Cách dùng: kehoach_desktop ")


def test_doc_import_without_libreoffice_says_where_to_get_it(installed, tmp_path):
    old = tmp_path / "kế hoạch cũ.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    empty = tmp_path / "không có chương trình"
    empty.mkdir()
    proc = run(installed, "import", old, env_extra={"PATH": str(empty)})
    assert proc.returncode == 2
    assert "LibreOffice" in proc.stderr and "libreoffice.org" in proc.stderr and "Traceback" not in proc.stderr


def test_smoke_test_opens_and_closes_the_window_with_no_profile(installed, tmp_path):
    home = tmp_path / "Nhà của tôi"
    home.mkdir()
    proc = run(installed, "--smoke-test", home=home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = home / "Dữ liệu người dùng" / "kehoach"
    assert (data / "settings.json").is_file()  # the window's size, kept on closing
    assert not (installed / "DuLieu").exists()


def test_portable_bundle_keeps_its_data_beside_itself(installed, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    marker = installed / "kehoach-portable.ini"
    marker.write_text("data = Dữ liệu trên USB\n", "utf-8")
    try:
        proc = run(installed, "--smoke-test", home=home)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert (installed / "Dữ liệu trên USB" / "settings.json").is_file()
        assert not (home / "Dữ liệu người dùng" / "kehoach").exists()
    finally:
        marker.unlink()
        shutil.rmtree(installed / "Dữ liệu trên USB", ignore_errors=True)
