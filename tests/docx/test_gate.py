"""The DOCX gate: hostile and broken files are refused in Vietnamese, fast, in bounded memory."""
from __future__ import annotations

import tracemalloc

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_desktop.docx import gate
from kehoach_desktop.docx.gate import check_docx_bytes, is_encrypted_ole, open_docx, open_docx_bytes
from kehoach_desktop.errors import FileRejected
from tests import badfiles
from tests.conftest import corpus_files

MB = 1024 * 1024

# (maker, the exact Vietnamese sentence)
CASES = [
    (badfiles.make_empty, "Tệp “rong.docx” trống (0 byte), không có nội dung để mở."),
    (badfiles.make_text_as_docx, gate.TEXT),
    (badfiles.make_truncated_docx, gate.CORRUPT),
    (badfiles.make_old_doc, gate.OLD_DOC),
    (badfiles.make_encrypted_docx, gate.ENCRYPTED),
    (badfiles.make_doc_mentioning_encryption, gate.OLD_DOC),
    (badfiles.make_billion_laughs, gate.DOCTYPE),
    (badfiles.make_external_entity, gate.DOCTYPE),
    (badfiles.make_utf16_doctype, gate.DOCTYPE),
    (badfiles.make_doctype_in_typed_part, gate.DOCTYPE),
    (badfiles.make_doctype_in_content_types, gate.DOCTYPE),
    (badfiles.make_xlsx_like, gate.XLSX),
    (badfiles.make_many_entries, gate.TOO_MANY.format(count=2501)),
    (badfiles.make_ratio_bomb, gate.RATIO),
    (badfiles.make_lying_bomb, gate.CORRUPT),
    (badfiles.make_not_xml_document, gate.UNREADABLE),
]


@pytest.mark.parametrize("make,message", CASES, ids=[c[0].__name__[5:] for c in CASES])
def test_bad_file_is_refused_and_left_unchanged(tmp_path, make, message):
    path = make(tmp_path)
    before = path.read_bytes()
    with pytest.raises(FileRejected) as info:
        open_docx(path)
    assert str(info.value) == message
    assert "\n" not in str(info.value)
    assert path.read_bytes() == before


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    return badfiles.make_zip_bomb(tmp_path_factory.mktemp("bomb"))


def test_bomb_is_what_it_claims(bomb):
    import zipfile

    assert bomb.stat().st_size < 2 * MB
    (info,) = zipfile.ZipFile(bomb).infolist()
    assert info.file_size == 1 << 30
    with zipfile.ZipFile(bomb).open(info) as part:  # really inflates (first MB only)
        assert part.read(MB) == b"\0" * MB


def test_zip_bomb_refused_from_declared_size_in_bounded_memory(bomb):
    before = bomb.read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(FileRejected) as info:
            open_docx(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(info.value) == gate.TOO_BIG.format(size="1024", limit=str(gate.MAX_TOTAL_UNCOMPRESSED // MB))
    assert peak < 50 * MB
    assert bomb.read_bytes() == before


@pytest.mark.parametrize("make", [badfiles.make_lying_bomb, badfiles.make_billion_laughs,
                                  badfiles.make_ratio_bomb])
def test_memory_stays_bounded(tmp_path, make):
    data = make(tmp_path).read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(FileRejected):
            open_docx_bytes(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * MB


def test_total_cap_without_ratio(monkeypatch):
    # 3 MB of zeros stays under the ratio rule when the limit is lowered: the total cap alone refuses.
    monkeypatch.setattr(gate, "MAX_TOTAL_UNCOMPRESSED", 2 * MB)
    monkeypatch.setattr(gate, "MAX_RATIO", 10**6)
    with pytest.raises(FileRejected, match="quá lớn"):
        check_docx_bytes(badfiles.zip_bomb_bytes(3 * MB))


def test_good_docx_passes(tmp_path):
    path = badfiles.make_good_docx(tmp_path)
    before = path.read_bytes()
    document = open_docx(path)
    assert isinstance(document, docx.document.Document)
    assert document.paragraphs[-1].text == "KẾ HOẠCH tuyên truyền"
    assert path.read_bytes() == before


def test_good_docx_with_harmless_parts_passes():
    # "DOCTYPE" as escaped text and an SVG-like image part with a DOCTYPE are fine.
    body = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:body><w:p><w:r><w:t>&lt;!DOCTYPE html&gt;</w:t></w:r></w:p></w:body></w:document>')
    data = badfiles.docx_with_parts({"word/document.xml": body.encode(),
                                     "word/media/logo.svg": b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN">'})
    document = open_docx_bytes(data)
    assert document.paragraphs[0].text == "<!DOCTYPE html>"


@pytest.mark.parametrize("path", corpus_files("*.docx"), ids=lambda p: p.name)
def test_corpus_documents_pass(path):
    check_docx_bytes(path.read_bytes())
    assert open_docx(path).paragraphs


def test_python_docx_failures_become_one_sentence(monkeypatch):
    def explode(*args, **kwargs):
        raise KeyError("[Content_Types].xml")

    data = badfiles.good_docx_bytes()
    monkeypatch.setattr(docx, "Document", explode)
    with pytest.raises(FileRejected) as info:
        open_docx_bytes(data)
    assert str(info.value) == gate.UNREADABLE


@pytest.mark.parametrize("data,message", [
    (b"{\\rtf1\\ansi KE HOACH}", gate.RTF),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", gate.PDF),
    (b"\x89PNG\r\n\x1a\n\0\0\0", gate.NOT_ZIP),
    ("KẾ HOẠCH".encode("utf-16"), gate.TEXT),
    (b"PK\x03\x04garbage", gate.CORRUPT),
])
def test_other_non_docx(data, message):
    with pytest.raises(FileRejected) as info:
        check_docx_bytes(data)
    assert str(info.value) == message


def test_other_zip_kinds():
    import io
    import zipfile

    def zipped(*names):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            for name in names:
                z.writestr(name, "x")
        return out.getvalue()

    for names, message in ((("ppt/presentation.xml",), gate.PPTX), (("mimetype", "content.xml"), gate.ODF),
                           (("a.txt",), gate.NOT_WORD)):
        with pytest.raises(FileRejected) as info:
            check_docx_bytes(zipped(*names))
        assert str(info.value) == message


def test_encryption_needs_a_directory_entry():
    assert is_encrypted_ole(badfiles.ole_bytes(["EncryptionInfo", "EncryptedPackage"]))
    assert not is_encrypted_ole(badfiles.ole_bytes(["WordDocument"]))
    shifted = b"\0" * 64 + badfiles.ole_bytes(["EncryptedPackage"])[512:]
    assert not is_encrypted_ole(shifted)  # the name, but not where a directory entry stands


def test_open_docx_refuses_too_big_files(tmp_path, monkeypatch):
    monkeypatch.setattr(gate, "MAX_FILE_BYTES", 1000)
    path = badfiles.make_good_docx(tmp_path)
    with pytest.raises(FileRejected, match="quá lớn"):
        open_docx(path)


GOOD = badfiles.good_docx_bytes()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), max_size=8),
       st.integers(0, len(GOOD)))
def test_damaged_container_gives_only_file_rejected(flips, cut):
    data = bytearray(GOOD[:max(cut, 1)])
    for at, value in flips:
        if at < len(data):
            data[at] = value
    try:
        open_docx_bytes(bytes(data))
    except FileRejected as exc:
        assert str(exc) and "\n" not in str(exc)


def test_one_huge_xml_part_is_refused(monkeypatch):
    monkeypatch.setattr(gate, "MAX_XML_PART", MB)
    monkeypatch.setattr(gate, "MAX_RATIO", 10**6)
    with pytest.raises(FileRejected) as info:
        check_docx_bytes(badfiles.zip_bomb_bytes(2 * MB))
    assert str(info.value) == gate.TOO_BIG.format(size="2", limit="1")


def test_big_zip_index_is_refused_before_zipfile_reads_it(monkeypatch):
    data = badfiles.docx_with_parts({f"x/{i}": b"" for i in range(30)})
    monkeypatch.setattr(gate, "MAX_CENTRAL_DIRECTORY", 1000)
    opened = []
    monkeypatch.setattr(gate.zipfile, "ZipFile", lambda *a, **k: opened.append(a))
    with pytest.raises(FileRejected, match=r"quá nhiều thành phần \(hơn \d+\)"):
        check_docx_bytes(data)
    assert opened == []
