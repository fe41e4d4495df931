"""``python -m kehoach_desktop library ...`` through cli.main, as a script would use it."""
import json

from kehoach_desktop.cli import main
from kehoach_desktop.library.store import user_library_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_kinh_phi_returns_funding_paragraphs_first(capsys):
    code, out, _ = run(capsys, "library", "search", "kinh phi", "--json")
    rows = json.loads(out)
    assert code == 0 and rows and set(rows[0]) == {"id", "section", "title", "text"}
    assert [r["section"] for r in rows[:5]] == ["kinh-phi"] * 5
    assert "Kinh phí" in rows[0]["text"]


def test_search_duties_with_section(capsys):
    code, out, _ = run(capsys, "library", "search", "to chuc thuc hien", "--section", "to-chuc-thuc-hien",
                       "--json", "--limit", "8")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 8
    assert all(r["section"] == "to-chuc-thuc-hien" for r in rows)


def test_search_plain_output_and_no_match(capsys):
    code, out, _ = run(capsys, "library", "search", "dang", "uy", "--limit", "2")
    assert code == 0 and out.count("\n    ") == 2 and "Đảng ủy" in out
    code, out, _ = run(capsys, "library", "search", "khongcotunay")
    assert code == 0 and "Không tìm thấy" in out


def test_export_then_import_into_a_fresh_user_library(capsys, tmp_path):
    xlsx = tmp_path / "tat-ca.xlsx"
    code, out, _ = run(capsys, "library", "export", str(xlsx))
    assert code == 0 and xlsx.is_file() and "Đã xuất" in out
    code, out, _ = run(capsys, "library", "import", str(xlsx))
    assert code == 0 and "Đã thêm 0 đoạn văn mẫu" in out  # everything is already there

    mine = tmp_path / "cua-toi.json"
    mine.write_text(json.dumps({"format": "kehoach-library", "version": 1, "paragraphs": [
        {"section": "kinh-phi", "title": "Quỹ riêng", "text": "Kinh phí từ quỹ riêng của thôn."}]},
        ensure_ascii=False), "utf-8")
    code, out, _ = run(capsys, "library", "import", str(mine))
    assert code == 0 and "Đã thêm 1 đoạn văn mẫu, bỏ qua 0 đoạn trùng." in out
    assert user_library_path().is_file()
    code, out, _ = run(capsys, "library", "search", "quy rieng", "--json")
    assert json.loads(out)[0]["title"] == "Quỹ riêng"


def test_bad_input_is_one_vietnamese_line_and_exit_2(capsys, tmp_path):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 cut")
    code, out, err = run(capsys, "library", "import", str(bad))
    assert code == 2 and err.startswith("Lỗi: ") and err.count("\n") == 1
    code, out, err = run(capsys, "library", "import", str(tmp_path / "khong-co.json"))
    assert code == 2 and err.startswith("Lỗi: ")
    code, out, err = run(capsys, "library", "search", "x", "--limit", "0")
    assert code == 2 and err.startswith("Lỗi: ")


def test_search_does_not_load_openpyxl(tmp_path):
    import os
    import subprocess
    import sys

    code = ("import sys; from kehoach_desktop.cli import main; "
            "rc = main(['library', 'search', 'kinh phi', '--json']); "
            "print('openpyxl' in sys.modules, 'PySide6' in sys.modules, rc)")
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    assert out.stdout.strip().splitlines()[-1] == "False False 0"
