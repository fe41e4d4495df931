"""Hostile inputs through the real command line, each in its own process, time and memory measured.

Whatever the file (up to 50 MB), the program answers within 2 s of CPU and
300 MB of peak memory, with exit code 0, 1 or 2 and Vietnamese lines only:
no traceback, no Python name, and no file changed that the user did not name.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests import hostile
from tests.test_cli import complete_plan

ROOT = Path(__file__).resolve().parent.parent
CPU_SECONDS = 2.0
PEAK_MB = 300
PYTHON_NAMES = re.compile(r"Traceback|\b[A-Z][A-Za-z]*(Error|Exception)\b|File \"|\bline \d+")


def _run_alone(*args, env=None, cwd=None):
    """(exit code, stdout, stderr, CPU s, peak MB, wall s) of one CLI run, measured by a small launcher."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        proc = subprocess.run([sys.executable, str(ROOT / "tests" / "measure_child.py"), str(report), *args],
                              cwd=cwd or ROOT, capture_output=True, timeout=120,
                              env={**os.environ, **(env or {}), "PYTHONPATH": str(ROOT)})
        figures = json.loads(report.read_text(encoding="utf-8"))
    return (figures["code"], proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"),
            figures["cpu"], figures["peak_mb"], figures["wall"])


def check_bounded(*args, expect_codes=(0, 1, 2), env=None, cwd=None) -> tuple[int, str, str]:
    code, out, err, cpu, peak, wall = _run_alone(*args, env=env, cwd=cwd)
    print(f"{' '.join(map(str, args))[-60:]}: exit {code}, {cpu:.2f} s CPU, {wall:.2f} s, {peak:.0f} MB")
    assert code in expect_codes, err
    assert not PYTHON_NAMES.search(err), err
    assert cpu < CPU_SECONDS, f"{cpu:.2f} s of CPU"
    assert peak < PEAK_MB, f"{peak:.0f} MB"
    return code, out, err


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile")


@pytest.mark.parametrize("make,command,fragment", [
    (hostile.many_paragraphs_docx, "import", "đoạn văn"),
    (hostile.dense_runs_docx, "import", "thẻ XML"),
    (hostile.million_paragraph_json, "render", "đoạn văn"),
    (hostile.deep_json, "validate", "lồng"),
    (hostile.huge_int_json, "validate", "chữ số"),
    (hostile.big_text, "import", "quá dài"),
    (hostile.case_bypass_docx, "import", "DOCTYPE"),
], ids=lambda v: getattr(v, "__name__", v))
def test_hostile_file_is_refused_quickly_in_bounded_memory(hostile_dir, make, command, fragment, tmp_path):
    path = make(hostile_dir)
    before = path.read_bytes()
    out_dir = tmp_path / "ra"
    out_dir.mkdir()
    extra = ["-o", str(out_dir / "ra.docx")] if command == "render" else []
    code, _, err = check_bounded(command, str(path), *extra, expect_codes=(2,))
    assert fragment in err
    assert path.read_bytes() == before
    assert list(out_dir.iterdir()) == []


def test_odd_utf16_text_is_read_without_a_traceback(hostile_dir):
    check_bounded("import", str(hostile.odd_utf16_text(hostile_dir)))


def test_docx_just_under_the_caps_is_read_within_bounds(hostile_dir):
    code, out, _ = check_bounded("import", str(hostile.near_caps_docx(hostile_dir)), expect_codes=(0,))
    assert json.loads(out)["format"] == "kehoach"


def test_xlsx_shared_strings_bomb_is_refused(hostile_dir, tmp_path):
    path = hostile.shared_strings_bomb_xlsx(hostile_dir)
    assert path.stat().st_size < 2 * 1024 * 1024
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    _, _, err = check_bounded("library", "import", str(path), expect_codes=(2,), env=env)
    assert "không an toàn" in err


def test_a_plan_at_the_caps_is_saved_and_reopened_by_the_app(tmp_path):
    """What the app accepts it can save: a plan near every cap renders, and its own DOCX passes its gate."""
    plan = complete_plan()
    text = "Tăng cường tuyên truyền, phổ biến, giáo dục pháp luật cho cán bộ, đảng viên và Nhân dân. "
    plan["sections"] = [{"title": f"Mục {i}", "content": [text * 2] * 60} for i in range(70)]  # 4,200
    plan["recipients"] = [f"Chi bộ thôn {i}" for i in range(4_999)] + ["Lưu: VT."]  # at the cap
    source = tmp_path / "lon.json"
    source.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "lon.docx"
    check_bounded("render", str(source), "-o", str(out), expect_codes=(0,))
    code, printed, _ = check_bounded("import", str(out), expect_codes=(0,))
    assert json.loads(printed)["sections"] == plan["sections"]


# ---- names ------------------------------------------------------------------------------------
@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names are always valid Unicode")
def test_file_names_that_are_not_utf8_never_crash_the_output(tmp_path):
    folder = os.fsencode(tmp_path)
    source = folder + b"/ke-hoach-\xff\xfe.json"
    with open(source, "w", encoding="utf-8") as f:
        json.dump(complete_plan(), f, ensure_ascii=False)
    out = folder + b"/ban-in-\xe9.docx"
    proc = subprocess.run([sys.executable, "-m", "kehoach_desktop", "render", source, "-o", out],
                          cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr and "Đã lưu".encode() in proc.stderr
    assert os.path.exists(out)
    missing = folder + b"/khong-co-\xff.docx"
    proc = subprocess.run([sys.executable, "-m", "kehoach_desktop", "validate", missing],
                          cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert "Không tìm thấy tệp".encode() in proc.stderr


@pytest.mark.parametrize("command", ["import", "rollover"])
def test_output_name_is_used_as_given_or_refused(tmp_path, command):
    source = tmp_path / "X.json"
    source.write_text(json.dumps(complete_plan(), ensure_ascii=False), encoding="utf-8")
    before = source.read_bytes()
    names = sorted(p.name for p in tmp_path.iterdir())
    for wrong in ("X.docx", "/dev/full", "ke-hoach.txt"):
        target = wrong if wrong.startswith("/") else str(tmp_path / wrong)
        code, _, err, *_ = _run_alone(command, str(source), "-o", target)
        assert code == 2 and "phải có đuôi .json" in err and "không tự đổi tên" in err
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names  # nothing else written, no backup


def test_render_never_writes_over_a_file_it_was_not_given(tmp_path):
    source = tmp_path / "X.json"
    source.write_text(json.dumps(complete_plan(), ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "X.docx"
    other.write_bytes(b"PK\x03\x04 someone else's report")
    code, _, err, *_ = _run_alone("render", str(source))
    assert code == 2 and "-o" in err and other.read_bytes() == b"PK\x03\x04 someone else's report"


def test_exports_never_replace_a_file_of_another_kind(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    report = tmp_path / "bao-cao.docx"
    report.write_bytes(b"PK\x03\x04 a Word file")
    plan = tmp_path / "ke-hoach.json"
    plan.write_text(json.dumps(complete_plan(), ensure_ascii=False), encoding="utf-8")
    for target, fragment in ((report, "phải có đuôi .xlsx"), (plan, "không ghi đè")):
        before = target.read_bytes()
        code, _, err, *_ = _run_alone("library", "export", str(target), env=env)
        assert code == 2 and fragment in err, err
        assert target.read_bytes() == before
    library = tmp_path / "thu-vien.json"
    assert _run_alone("library", "export", str(library), env=env)[0] == 0
    assert _run_alone("library", "export", str(library), env=env)[0] == 0
    assert (tmp_path / "thu-vien.bak.json").exists()  # an existing export is backed up like every save


def test_xlsx_declaring_the_whole_grid_is_read_in_bounds(hostile_dir, tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    _, out, _ = check_bounded("library", "import", str(hostile.whole_sheet_dimension_xlsx(hostile_dir)),
                              expect_codes=(0,), env=env)
    assert "Đã thêm 1 đoạn" in out
