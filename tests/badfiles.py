"""Generators of hostile and broken files for tests (reusable by every test module).

Each ``make_*`` function writes one file into a folder and returns its path;
``*_bytes`` functions return the content. Nothing here needs the network, and
the big cases are built in a second or so without a gigabyte in memory.
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"""


def _write(folder, name: str, data: bytes) -> Path:
    path = Path(folder) / name
    path.write_bytes(data)
    return path


# ---- good and broken Word files ---------------------------------------------------------
def good_docx_bytes(text: str = "KẾ HOẠCH tuyên truyền") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with_parts(parts: dict, *, drop: tuple = (), base: bytes | None = None) -> bytes:
    """A real .docx with some parts replaced or added (name → bytes) and some dropped."""
    source = zipfile.ZipFile(io.BytesIO(base or good_docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in parts and info.filename not in drop:
                target.writestr(info.filename, source.read(info))
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def make_good_docx(folder, name="tot.docx") -> Path:
    return _write(folder, name, good_docx_bytes())


def make_empty(folder, name="rong.docx") -> Path:
    return _write(folder, name, b"")


def make_text_as_docx(folder, name="van-ban.docx") -> Path:
    return _write(folder, name, "KẾ HOẠCH\nTuyên truyền phòng, chống thiên tai\n".encode("utf-8"))


def make_truncated_docx(folder, name="cut.docx") -> Path:
    data = good_docx_bytes()
    return _write(folder, name, data[: len(data) // 2])


def make_billion_laughs(folder, name="laughs.docx") -> Path:
    return _write(folder, name, docx_with_parts({"word/document.xml": BILLION_LAUGHS}))


def make_external_entity(folder, name="xxe.docx") -> Path:
    return _write(folder, name, docx_with_parts({"word/document.xml": EXTERNAL_ENTITY}))


def make_utf16_doctype(folder, name="xxe16.docx") -> Path:
    text = EXTERNAL_ENTITY.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return _write(folder, name, docx_with_parts({"word/document.xml": text.encode("utf-16")}))


def make_doctype_in_typed_part(folder, name="typed.docx") -> Path:
    """A DOCTYPE in a part without an .xml name that [Content_Types] declares as XML."""
    base = good_docx_bytes()
    types = zipfile.ZipFile(io.BytesIO(base)).read("[Content_Types].xml").replace(
        b"</Types>", b'<Override PartName="/customXml/item1.dat" ContentType="application/xml"/></Types>')
    return _write(folder, name, docx_with_parts(
        {"[Content_Types].xml": types, "customXml/item1.dat": EXTERNAL_ENTITY}, base=base))


def make_doctype_in_content_types(folder, name="types.docx") -> Path:
    types = b'<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY a "aaaaaaaaaa">]><Types/>'
    return _write(folder, name, docx_with_parts({"[Content_Types].xml": types}))


def make_not_xml_document(folder, name="garbage.docx") -> Path:
    """Passes the gate (a zip with word/document.xml) but python-docx cannot parse it."""
    return _write(folder, name, docx_with_parts({"word/document.xml": b"\x00\x01 not xml <<<"}))


def make_xlsx_like(folder, name="bang-tinh.docx") -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", "<Relationships/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    return _write(folder, name, out.getvalue())


def make_many_entries(folder, count=2500, name="many.docx") -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", "<w:document/>")
        for i in range(count):
            z.writestr(f"x/{i}", b"")
    return _write(folder, name, out.getvalue())


# ---- OLE compound files (.doc, password-protected .docx) ---------------------------------
def ole_bytes(streams: list[str]) -> bytes:
    """A minimal OLE compound file: the header, then one directory sector naming ``streams``."""
    header = bytearray(512)
    header[:8] = OLE_MAGIC
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)  # version, byte order, sector shifts
    struct.pack_into("<I", header, 48, 0)  # first directory sector
    directory = bytearray(512)
    for i, name in enumerate(["Root Entry", *streams][:4]):
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry = 128 * i
        directory[entry:entry + len(encoded)] = encoded
        struct.pack_into("<HB", directory, entry + 64, len(encoded), 5 if i == 0 else 2)
    return bytes(header + directory)


def make_old_doc(folder, name="cu.doc") -> Path:
    return _write(folder, name, ole_bytes(["WordDocument", "1Table", "\x05SummaryInformation"]))


def make_encrypted_docx(folder, name="mat-khau.docx") -> Path:
    return _write(folder, name, ole_bytes(["EncryptionInfo", "EncryptedPackage"]))


def make_doc_mentioning_encryption(folder, name="noi-dung.doc") -> Path:
    """An old .doc whose text (UTF-16 in the file) mentions "EncryptedPackage": not encrypted."""
    text = "Bàn về EncryptedPackage".encode("utf-16-le")
    return _write(folder, name, ole_bytes(["WordDocument"]) + b"\0" * 3 + text)


# ---- zip bombs ------------------------------------------------------------------------
def _raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of deflated entries given as (name, raw deflate data, crc32, uncompressed size)."""
    out = bytearray()
    central = bytearray()
    for name, raw, crc, size in entries:
        encoded = name.encode("utf-8")
        offset = len(out)
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(raw), size,
                           len(encoded), 0) + encoded + raw
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc,
                               len(raw), size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central),
                      len(out), 0)
    return bytes(out + central + end)


def zeros_entry(name: str, size: int, chunk: int = 1 << 20) -> tuple[str, bytes, int, int]:
    """A part of ``size`` zero bytes, deflated at level 9 one chunk at a time.

    Each chunk ends with a full flush, so the compressed chunk is the same every
    time: it is compressed once and repeated (1 GiB costs a CRC pass, not a deflate).
    """
    assert size % chunk == 0
    zeros = b"\0" * chunk
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // chunk):
        crc = zlib.crc32(zeros, crc)
    return name, piece * (size // chunk) + b"\x03\x00", crc, size


def zip_bomb_bytes(size: int = 1 << 30) -> bytes:
    """A ~1 MB .docx-looking zip whose word/document.xml inflates to ``size`` zero bytes."""
    return _raw_zip([zeros_entry("word/document.xml", size)])


def make_zip_bomb(folder, size: int = 1 << 30, name="bomb.docx") -> Path:
    return _write(folder, name, zip_bomb_bytes(size))


def make_ratio_bomb(folder, name="ratio.docx") -> Path:
    """A real .docx plus an 8 MB part of zeros: small in total, but compressed ~1000:1."""
    base = good_docx_bytes()
    source = zipfile.ZipFile(io.BytesIO(base))
    entries = []
    for info in source.infolist():
        data = source.read(info)
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        entries.append((info.filename, compressor.compress(data) + compressor.flush(), zlib.crc32(data),
                        len(data)))
    entries.append(zeros_entry("word/media/big.bin", 8 << 20))
    return _write(folder, name, _raw_zip(entries))


def make_lying_bomb(folder, name="lying.docx") -> Path:
    """word/document.xml declares 4 KB but its data inflates to 64 MB (sizes in the index lie)."""
    _, raw, _, _ = zeros_entry("word/document.xml", 64 << 20)
    return _write(folder, name, _raw_zip([("word/document.xml", raw, 0, 4096)]))
