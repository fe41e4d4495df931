"""The command line of the spec: render, validate, import; exit codes; never a traceback."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kehoach_desktop.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kehoach_desktop", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def complete_plan(regime: str = "state") -> dict:
    state = regime == "state"
    return {
        "format": "kehoach", "version": 1, "regime": regime, "kind": "tuyen-truyen",
        "numbering": ["I.", "1.", "a)"],
        "header": {"superior": "" if state else "ĐẢNG BỘ TỈNH AN GIANG",
                   "issuer": "ỦY BAN NHÂN DÂN XÃ AN PHÚ" if state else "ĐẢNG ỦY XÃ AN PHÚ",
                   "number": "7", "symbol": "KH-UBND" if state else "KH/ĐU",
                   "place": "An Phú", "date": "2026-03-02"},
        "summary": "Tuyên truyền phòng, chống tác hại của thuốc lá năm 2026",
        "preamble": ["Căn cứ tình hình thực tế tại địa phương;"],
        "sections": [{"title": "MỤC ĐÍCH, YÊU CẦU", "content": ["Nâng cao nhận thức của Nhân dân."]},
                     {"title": "KINH PHÍ", "content": ["Kinh phí do ngân sách xã bảo đảm."]}],
        "closing": ["Trên đây là Kế hoạch tuyên truyền năm 2026./."],
        "recipients": ["Thường trực Đảng ủy xã", "Các thôn",
                       "Lưu: VT, VHXH" if state else "Lưu Văn phòng Đảng ủy"],
        "signature": {"authority": "TM." if state else "T/M",
                      "collective": "ỦY BAN NHÂN DÂN" if state else "BAN THƯỜNG VỤ",
                      "position": "CHỦ TỊCH" if state else "BÍ THƯ", "name": "Nguyễn Văn An"},
    }


def write_json(tmp_path: Path, data: dict, name: str = "plan.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_validate_corpus_text_plan_reports_missing_number(corpus_dir, capsys):
    code = main(["validate", str(corpus_dir / "state-cam-thuy-2021.expected.json"), "--json"])
    problems = json.loads(capsys.readouterr().out)
    assert code == 1
    assert {"code": "missing-number", "severity": "error", "where": "header.number"} == {
        k: v for k, v in next(p for p in problems if p["code"] == "missing-number").items() if k != "message"}
    assert all(set(p) == {"code", "severity", "where", "message"} for p in problems)


@pytest.mark.parametrize("regime", ["state", "party"])
def test_a_complete_plan_validates_with_exit_0(tmp_path, capsys, regime):
    path = write_json(tmp_path, complete_plan(regime))
    assert main(["validate", str(path)]) == 0
    assert main(["validate", str(path), "--json"]) == 0
    problems = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [p for p in problems if p["severity"] == "error"] == []


@pytest.mark.parametrize("name", ["state-cam-thuy-2021.docx-expected.json", "party-ben-tre-2021.docx-expected.json"])
def test_render_then_import_gives_back_the_same_plan(corpus_dir, tmp_path, capsys, name):
    src = corpus_dir / name
    out = tmp_path / "out.docx"
    assert main(["render", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["import", str(out)]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert imported == json.loads(src.read_text("utf-8"))
    assert main(["import", str(out), "-o", str(tmp_path / "back.json")]) == 0
    assert json.loads((tmp_path / "back.json").read_text("utf-8")) == imported


def test_render_keeps_a_backup_of_the_previous_file(tmp_path):
    path = write_json(tmp_path, complete_plan())
    out = tmp_path / "kh.docx"
    assert main(["render", str(path), "-o", str(out)]) == 0
    first = out.read_bytes()
    data = complete_plan()
    data["summary"] = "Tuyên truyền khác"
    write_json(tmp_path, data)
    assert main(["render", str(path), "-o", str(out)]) == 0
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("kh") and p != out and p.suffix == ".docx"]
    assert len(backups) == 1 and backups[0].read_bytes() == first


def _zip(parts: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return buf.getvalue()


def hostile_files(tmp_path: Path, good_docx: bytes) -> dict[str, Path]:
    files = {
        "empty.docx": b"",
        "text.docx": "Đây là văn bản, không phải Word".encode(),
        "truncated.docx": good_docx[: len(good_docx) // 2],
        "old.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024,
        "entity-bomb.docx": _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": (
            '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document>&c;</w:document>')}),
        "external.docx": _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": (
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>')}),
        "other-shape.json": json.dumps({"name": "không phải kế hoạch", "items": [1, 2]}).encode(),
        "broken.json": b'{"format": "kehoach", "version": 1, "sections": [',
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    return paths


@pytest.mark.parametrize("command", ["import", "validate", "render"])
def test_bad_input_gives_one_vietnamese_line_and_exit_2(tmp_path, command):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(complete_plan(), ensure_ascii=False), encoding="utf-8")
    assert main(["render", str(good), "-o", str(tmp_path / "good.docx")]) == 0
    paths = hostile_files(tmp_path, (tmp_path / "good.docx").read_bytes())
    for name, path in paths.items():
        before = path.read_bytes()
        proc = run_cli(command, str(path), *(["-o", str(tmp_path / "x.docx")] if command == "render" else []))
        assert proc.returncode == 2, (name, proc.stdout[:200], proc.stderr)
        err = proc.stderr.strip()
        assert err.startswith("Lỗi:") and "\n" not in err and "Traceback" not in err, (name, err)
        assert path.read_bytes() == before, name


def test_missing_file_and_bad_usage_exit_2(tmp_path, capsys):
    assert main(["import", str(tmp_path / "khong-co.docx")]) == 2
    assert "Lỗi" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["render"])
    assert info.value.code == 2


def test_control_characters_and_random_text_never_break_import_or_render(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    proc = run_cli("import", str(junk))
    assert proc.returncode in (0, 2) and "Traceback" not in proc.stderr
    data = complete_plan()
    data["summary"] = "Kế hoạch\x00\x07\x1b\ufffe chữ lạ \U0001F600"
    data["sections"][0]["content"].append("".join(chr(c) for c in range(32)))
    path = write_json(tmp_path, data)
    out = tmp_path / "junk.docx"
    proc = run_cli("render", str(path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 0


def test_help_and_usage_errors_are_vietnamese(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("Cách dùng:") and "hiện hướng dẫn" in out and "show this help" not in out
    with pytest.raises(SystemExit):
        main(["validate", "a.json", "--bad"])
    assert "tham số không hiểu" in capsys.readouterr().err


def test_unknown_word_and_no_screen_give_a_message_not_a_crash(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for args in (["frob"], []):
        proc = subprocess.run([sys.executable, "-m", "kehoach_desktop", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=60)
        assert proc.returncode == 2 and proc.stderr.startswith("Lỗi:"), proc.stderr


def test_a_reader_that_stops_reading_is_not_blamed_on_the_file(tmp_path, state_plan_dict):
    """``validate --json | head -1``: the pipe closes early; no message says the file is damaged."""
    import json as _json
    import subprocess
    import sys

    # 4,000 blanks to fill: ~1 MB of warnings, far more than a pipe holds, so the writer meets the close
    sections = [{"title": "NỘI DUNG", "content": [f"Thôn số {i} tổ chức vào ngày … tháng …" for i in range(4000)]}]
    plan = dict(state_plan_dict, sections=sections)
    path = tmp_path / "kh.json"
    path.write_text(_json.dumps(plan, ensure_ascii=False), "utf-8")
    cmd = [sys.executable, "-m", "kehoach_desktop", "validate", "--json", str(path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.read(10)
    proc.stdout.close()  # what `head` does once it has its lines
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) == 141
    assert "hỏng" not in err and "Error" not in err
