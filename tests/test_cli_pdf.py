"""``pdf PLAN -o OUT.pdf``: A4, PDF/A, fonts embedded, the words back; bad input and bad targets."""
from __future__ import annotations

import errno
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from kehoach_desktop.cli import main

from .conftest import need_program
from .test_cli import complete_plan, run_cli, write_json


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def test_pdf_of_a_json_plan_is_a4_pdfa_with_embedded_fonts_and_the_words(tmp_path):
    need_program("pdfinfo", "pdffonts", "pdftotext")
    plan = write_json(tmp_path, complete_plan())
    out = tmp_path / "ke-hoach.pdf"
    result = run_cli("pdf", str(plan), "-o", str(out))
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "(A4)" in info and "Pages:           1" in info
    assert "Title:           Tuyên truyền phòng, chống tác hại của thuốc lá năm 2026" in info
    assert "Author:          ỦY BAN NHÂN DÂN XÃ AN PHÚ" in info
    meta = subprocess.run(["pdfinfo", "-meta", str(out)], capture_output=True, text=True).stdout
    assert 'pdfaid:part="1"' in meta and 'pdfaid:conformance="B"' in meta
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    text = pdf_text(out)
    assert unicodedata.is_normalized("NFC", text)
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 07/KH-UBND", "An Phú, ngày 02 tháng 3 năm 2026",
                  "KẾ HOẠCH", "Kinh phí do ngân sách xã bảo đảm.", "Nguyễn Văn An"):
        assert words in text
    assert "DỰ THẢO" not in text  # numbered and dated: not a draft


@pytest.fixture(autouse=True)
def app_first(qapp):
    """In-process runs of ``pdf`` find pytest-qt's QApplication (not one of their own)."""
    return qapp


def test_pdf_of_the_apps_docx_has_the_same_pages_as_of_its_json(tmp_path):
    need_program("pdftotext")
    data = complete_plan()
    data["header"]["number"] = ""
    plan = write_json(tmp_path, data)
    assert main(["render", str(plan), "-o", str(tmp_path / "plan.docx")]) == 0
    assert main(["pdf", str(plan), "-o", str(tmp_path / "a.pdf")]) == 0
    assert main(["pdf", str(tmp_path / "plan.docx"), "-o", str(tmp_path / "b.pdf")]) == 0
    a, b = pdf_text(tmp_path / "a.pdf"), pdf_text(tmp_path / "b.pdf")
    assert a.split() == b.split()
    assert a.startswith("DỰ THẢO")  # no number yet: a draft
    assert main(["pdf", str(plan), "--ky-so", "-o", str(tmp_path / "c.pdf")]) == 0
    signing = pdf_text(tmp_path / "c.pdf")
    assert "DỰ THẢO" not in signing and "ngày 02 tháng 3" not in signing and "Số:" in signing


@pytest.mark.parametrize("content", [b"\x00\x01garbage", b'{"format": "other"}', b"PK\x03\x04broken"])
def test_pdf_of_what_is_not_a_plan_says_one_vietnamese_sentence(tmp_path, content):
    bad = tmp_path / "x.json"
    bad.write_bytes(content)
    out = tmp_path / "x.pdf"
    result = run_cli("pdf", str(bad), "-o", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: ") and "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EROFS])
def test_a_full_or_read_only_folder_leaves_no_half_file(tmp_path, monkeypatch, capsys, failure):
    from kehoach_desktop import safefile

    plan = write_json(tmp_path, complete_plan())
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "old.pdf").write_bytes(b"%PDF-old")

    def fail(*args, **kwargs):
        raise OSError(failure, os.strerror(failure))
    monkeypatch.setattr(safefile.os, "replace", fail)
    assert main(["pdf", str(plan), "-o", str(folder / "old.pdf")]) == 2
    message = capsys.readouterr().err.strip()
    assert message.startswith("Lỗi: ") and len(message.splitlines()) == 1
    assert ("đầy" in message) if failure == errno.ENOSPC else ("quyền ghi" in message)
    assert sorted(p.name for p in folder.iterdir()) == ["old.pdf"]  # no temp file left behind
    assert (folder / "old.pdf").read_bytes() == b"%PDF-old"


def test_pdf_refuses_an_output_that_is_not_pdf(tmp_path, capsys):
    plan = write_json(tmp_path, complete_plan())
    assert main(["pdf", str(plan), "-o", str(tmp_path / "x.docx")]) == 2
    assert ".pdf" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_the_pdf_command_keeps_qt_out_of_the_cli_until_it_runs():
    code = ("import sys, kehoach_desktop.cli as c; c.build_parser(); "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.strip()
    assert out == "False"
