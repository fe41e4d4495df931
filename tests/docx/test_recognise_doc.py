"""Old .doc files: conversion through LibreOffice, or a clear message when it is missing."""
import io
import sys

import docx
import pytest

from kehoach_desktop.docx import convert_doc
from kehoach_desktop.docx.convert_doc import NOT_INSTALLED, convert_doc_to_docx
from kehoach_desktop.docx.recognise import recognise_docx
from kehoach_desktop.errors import FileRejected

from ..conftest import need_program


def test_missing_libreoffice_says_how_to_save_as_docx(tmp_path, monkeypatch):
    doc = tmp_path / "cu.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    monkeypatch.setattr(convert_doc, "find_soffice", lambda: None)
    with pytest.raises(FileRejected) as err:
        convert_doc_to_docx(doc)
    assert str(err.value) == NOT_INSTALLED and ".docx" in str(err.value)
    assert "libreoffice.org" in str(err.value)  # where to get it


def test_time_limit(tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(30)\n")
    fake.chmod(0o755)
    doc = tmp_path / "cu.doc"
    doc.write_bytes(b"x")
    with pytest.raises(FileRejected) as err:
        convert_doc_to_docx(doc, soffice=str(fake), timeout=0.5)
    assert "giây" in str(err.value)


def test_failed_conversion_is_a_message(tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text(f"#!{sys.executable}\nimport sys\nsys.exit(1)\n")
    fake.chmod(0o755)
    doc = tmp_path / "cu.doc"
    doc.write_bytes(b"x")
    with pytest.raises(FileRejected):
        convert_doc_to_docx(doc, soffice=str(fake))


def test_missing_file(tmp_path):
    with pytest.raises(FileRejected):
        convert_doc_to_docx(tmp_path / "khong-co.doc")


def test_real_doc_converted_and_recognised(tmp_path):
    need_program("soffice")
    import subprocess

    document = docx.Document()
    for text in ("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "Số: 12/KH-UBND", "Hòa Bình, ngày 05 tháng 3 năm 2025",
                 "KẾ HOẠCH", "Tuyên truyền pháp luật năm 2025", "I. MỤC ĐÍCH", "- Nâng cao nhận thức.",
                 "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"):
        document.add_paragraph(text)
    source = tmp_path / "kh.docx"
    document.save(source)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, timeout=120, check=True)
    steps = []
    data = convert_doc_to_docx(tmp_path / "kh.doc", progress=lambda p, t: steps.append(p))
    assert steps[0] < steps[-1] == 100
    plan = recognise_docx(docx.Document(io.BytesIO(data))).plan
    assert plan.header.number == "12" and plan.summary == "Tuyên truyền pháp luật năm 2025"
    assert plan.signature.name == "Nguyễn Văn An" and plan.recipients == ["Lưu: VT"]
