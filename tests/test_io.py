"""The one way in and out of files: load_plan and save_plan."""
from __future__ import annotations

import io
import json

import docx
import pytest

from kehoach_desktop.errors import FileRejected, SaveFailed
from kehoach_desktop.io import EDITED_NOTE, decode_text, load_plan, save_plan
from kehoach_desktop.plan.model import Plan


@pytest.fixture
def plan(state_plan_dict) -> Plan:
    return Plan.from_dict(state_plan_dict)


def test_app_docx_comes_back_exactly(tmp_path, plan):
    path = save_plan(plan, tmp_path / "kh.docx")
    result = load_plan(path)
    assert result.source == "app-docx" and result.notes == []
    assert result.plan.to_dict() == plan.to_dict()


def test_app_docx_edited_in_word_is_read_from_its_text_and_says_so(tmp_path, plan):
    path = save_plan(plan, tmp_path / "kh.docx")
    document = docx.Document(str(path))
    target = next(p for p in document.paragraphs if p.text.startswith("UBND xã ban hành"))
    target.runs[0].text = "Ủy ban nhân dân xã sửa trong Word. " + target.runs[0].text
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(buf.getvalue())
    result = load_plan(path)
    assert result.source == "docx" and result.notes[0] == EDITED_NOTE
    assert any("sửa trong Word" in p for p in result.plan.preamble)
    assert result.plan.kind == plan.kind  # what the text cannot say comes from the embedded copy


def test_json_round_trip_and_backup(tmp_path, plan):
    path = tmp_path / "kh.json"
    save_plan(plan, path)
    first = path.read_bytes()
    plan.summary = "Khác"
    save_plan(plan, path)
    assert load_plan(path).plan.summary == "Khác"
    assert (tmp_path / "kh.bak.json").read_bytes() == first


def test_unknown_extension_is_sniffed(tmp_path, plan):
    blob = save_plan(plan, tmp_path / "kh.docx").read_bytes()
    (tmp_path / "kh.dat").write_bytes(blob)
    assert load_plan(tmp_path / "kh.dat").source == "app-docx"
    (tmp_path / "kh.plan").write_text(plan.to_json(), encoding="utf-8")
    assert load_plan(tmp_path / "kh.plan").plan.to_dict() == plan.to_dict()
    (tmp_path / "kh.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(FileRejected, match="Không nhận ra loại tệp"):
        load_plan(tmp_path / "kh.bin")


def test_saving_to_another_format_is_refused_and_nothing_written(tmp_path, plan):
    with pytest.raises(SaveFailed):
        save_plan(plan, tmp_path / "kh.pdf")
    assert not (tmp_path / "kh.pdf").exists()


@pytest.mark.parametrize("encoded", [
    "Kế hoạch".encode("utf-8"), "\ufeffKế hoạch".encode("utf-8"), "Kế hoạch".encode("utf-16"),
])
def test_text_files_from_windows_decode(encoded):
    assert decode_text(encoded).lstrip("\ufeff") == "Kế hoạch"


def test_windows_1258_text_decodes():
    import unicodedata

    legacy = "K\u00ea\u0301 hoa\u0323ch".encode("cp1258")  # Windows-1258 writes tones as combining marks
    assert unicodedata.normalize("NFC", decode_text(legacy)) == "Kế hoạch"


def test_a_plan_json_with_a_bom_loads(tmp_path, plan):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(plan.to_dict(), ensure_ascii=False).encode("utf-8"))
    assert load_plan(path).plan.to_dict() == plan.to_dict()
