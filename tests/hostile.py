"""Generators of hostile files sized to prove a cap (kept in tmp, built in about a second each).

Every generator writes one file and returns its path. Random text keeps the
compression ratio of real text, so the size caps, not the ratio rule, are
what refuses or bounds them.
"""
from __future__ import annotations

import base64
import io
import json
import random
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _words(rng: random.Random, n: int) -> bytes:
    return base64.b64encode(rng.randbytes(n * 3 // 4 + 3))[:n]


def _docx_with_body(body: bytes, extra: dict | None = None) -> bytes:
    from tests.badfiles import docx_with_parts

    xml = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="' + W.encode()
           + b'"><w:body>' + body + b"</w:body></w:document>")
    return docx_with_parts({"word/document.xml": xml, **(extra or {})})


def _plain_paragraphs_docx(folder, name: str, count: int, length: int, seed: int) -> Path:
    rng = random.Random(seed)
    body = b"".join(b"<w:p><w:r><w:t>" + _words(rng, length) + b"</w:t></w:r></w:p>" for _ in range(count))
    path = Path(folder) / name
    path.write_bytes(_docx_with_body(body))
    return path


def many_paragraphs_docx(folder) -> Path:
    """Short paragraphs by the hundred thousand (a few MB of XML): over the paragraph cap."""
    return _plain_paragraphs_docx(folder, "nhieu-doan.docx", 120_000, 12, seed=1)


def near_caps_docx(folder) -> Path:
    """Just under the caps, with real-text-sized paragraphs: must be read, within the time and memory."""
    return _plain_paragraphs_docx(folder, "gan-gioi-han.docx", 9_000, 120, seed=3)


def dense_runs_docx(folder, paragraphs=2_000, runs=120, seed=2) -> Path:
    """Few paragraphs but hundreds of thousands of runs: over the element cap."""
    rng = random.Random(seed)
    body = b"".join(b"<w:p>" + b"".join(b"<w:r><w:rPr><w:b/></w:rPr><w:t>" + _words(rng, 3) + b"</w:t></w:r>"
                                        for _ in range(runs)) + b"</w:p>" for _ in range(paragraphs))
    path = Path(folder) / "day-dac.docx"
    path.write_bytes(_docx_with_body(body))
    return path


def million_paragraph_json(folder) -> Path:
    plan = {"format": "kehoach", "version": 1, "sections": [{"title": "I", "content": ["x"] * 1_000_000}]}
    path = Path(folder) / "trieu-doan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


def deep_json(folder, depth=800) -> Path:
    inner = '{"title": "a", "content": []}'
    for _ in range(depth):
        inner = '{"title": "a", "content": [' + inner + "]}"
    path = Path(folder) / "long-nhau.json"
    path.write_text('{"format": "kehoach", "version": 1, "sections": [' + inner + "]}", encoding="utf-8")
    return path


def huge_int_json(folder) -> Path:
    path = Path(folder) / "so-dai.json"
    path.write_text('{"format": "kehoach", "version": 1, "copies": ' + "9" * 5000 + "}", encoding="utf-8")
    return path


def odd_utf16_text(folder) -> Path:
    path = Path(folder) / "utf16.txt"
    path.write_bytes("KẾ HOẠCH\nTuyên truyền".encode("utf-16") + b"\x41")
    return path


def big_text(folder, lines=400_000, seed=4) -> Path:
    rng = random.Random(seed)
    path = Path(folder) / "van-ban-dai.txt"
    path.write_bytes(b"\n".join(_words(rng, 40) for _ in range(lines)))
    return path


def _library_xlsx(folder, name: str, change, add: dict | None = None) -> Path:
    """A two-row library sheet written by openpyxl, its parts passed through ``change(name, body)``,
    parts ``add`` put in place of (or beside) them."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Mục", "Nội dung"])
    wb.active.append(["kinh-phi", "Kinh phí thực hiện từ ngân sách xã."])
    out = io.BytesIO()
    wb.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            if info.filename not in (add or {}):
                z.writestr(info.filename, change(info.filename, source.read(info)))
        for part, body in (add or {}).items():
            z.writestr(part, body)
    path = Path(folder) / name
    path.write_bytes(target.getvalue())
    return path


def shared_strings_bomb_xlsx(folder, megabytes=60) -> Path:
    """A small .xlsx whose sharedStrings part inflates to tens of MB."""
    strings = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main">' + b"<si><t>aaaaaaaaaaaaaaaaaaaa</t></si>" * (megabytes * 35_000)
               + b"</sst>")
    return _library_xlsx(folder, "chuoi-chung.xlsx", lambda name, body: body, {"xl/sharedStrings.xml": strings})


def case_bypass_docx(folder) -> Path:
    """The main part under a non-XML name, declared XML in another letter case in [Content_Types]."""
    from tests.badfiles import EXTERNAL_ENTITY, docx_with_parts, good_docx_bytes

    base = good_docx_bytes()
    source = zipfile.ZipFile(io.BytesIO(base))
    types = source.read("[Content_Types].xml").replace(
        b"</Types>", b'<Override PartName="/WORD/MAIN.BIN" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = source.read("_rels/.rels").replace(b"word/document.xml", b"word/main.bin")
    path = Path(folder) / "vuot-cong.docx"
    path.write_bytes(docx_with_parts({"[Content_Types].xml": types, "_rels/.rels": rels,
                                      "word/main.bin": EXTERNAL_ENTITY}, base=base))
    return path


def whole_sheet_dimension_xlsx(folder) -> Path:
    """A two-row library sheet that declares the whole grid (A1:XFD1048576) as its size."""
    import re

    def change(name, body):
        if name != "xl/worksheets/sheet1.xml":
            return body
        return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', body)

    return _library_xlsx(folder, "ca-bang.xlsx", change)
