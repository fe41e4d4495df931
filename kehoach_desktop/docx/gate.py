"""Everything a .docx goes through before python-docx sees it. No Qt.

A .docx from a stranger's USB stick is a zip of XML. Before parsing: sniff
the first bytes (an old .doc or a password-protected file is an OLE compound
file), read the zip's end record ourselves to cap the entry count before
``zipfile`` builds its index, cap the declared uncompressed sizes and the
compression ratio, and stream every XML part through a bounded decompressor
to refuse any DOCTYPE (entity bombs, external entities). ``zipfile`` never
inflates a part past its declared size, so the caps bound the memory too.
Past the gate, one catch-all turns whatever python-docx raises into one
Vietnamese sentence.
"""
from __future__ import annotations

import codecs
import io
import re
import struct
import zipfile
import zlib
from xml.etree import ElementTree

from ..errors import FileRejected
from ..lazy_regex import lazy_compile

MAX_FILE_BYTES = 100 * 1024 * 1024  # a 60-page plan with photos is a few MB
MAX_ENTRIES = 2000
MAX_CENTRAL_DIRECTORY = 1024 * 1024  # bytes of zip index read before counting entries
MAX_TOTAL_UNCOMPRESSED = 120 * 1024 * 1024  # python-docx holds every part in memory at once
# python-docx parses a part whole. The app's own parts at every plan cap (plan/limits.py) are at most
# ~12 MB (document.xml) and ~13 MB (the embedded plan, ASCII JSON): these limits stay above them.
MAX_XML_PART = 16 * 1024 * 1024
MAX_XML_TOTAL = 40 * 1024 * 1024
MAX_ELEMENTS = 600_000  # element starts in all XML parts; the app's DOCX at the caps has ~120,000
MAX_PARAGRAPHS = 20_000  # <w:p> in all XML parts; a 60-page plan has ~1,000, the app's at the caps 10,000
MAX_RATIO = 200
RATIO_CHECKED_ABOVE = 1024 * 1024
# A plan of repeated lines compresses far beyond 200: XML parts are bounded by the absolute caps above
# (bytes, elements, paragraphs) whatever their ratio; other parts (pictures) must not compress like that.
MAX_CONTENT_TYPES = 1024 * 1024
CHUNK = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_PART = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"

EMPTY = "Tệp trống (0 byte), không có nội dung để mở."
ENCRYPTED = "Tệp được đặt mật khẩu. Hãy mở trong Word, bỏ mật khẩu rồi lưu lại."
OLD_DOC = ("Tệp Word 97-2003 (.doc) chưa mở được trực tiếp. Hãy mở trong Word, chọn "
           "“Lưu thành” kiểu .docx rồi mở lại.")
TEXT = ("Tệp không phải tài liệu Word (.docx) mà là văn bản thuần. Hãy dùng chức năng nhập "
        "văn bản, hoặc mở bằng Word và lưu thành .docx.")
RTF = "Tệp RTF không phải tài liệu .docx. Hãy mở trong Word và lưu thành .docx."
PDF = "Tệp PDF không phải tài liệu Word (.docx), phần mềm không đọc được nội dung của nó."
NOT_ZIP = "Tệp không phải tài liệu Word (.docx), hoặc đã bị hỏng."
CORRUPT = ("Tệp Word bị hỏng hoặc không đầy đủ (có thể chép chưa xong). Hãy chép lại tệp, "
           "hoặc mở trong Word và lưu lại.")
XLSX = "Tệp là bảng tính Excel, không phải tài liệu Word (.docx)."
PPTX = "Tệp là bài trình chiếu PowerPoint, không phải tài liệu Word (.docx)."
ODF = ("Tệp OpenDocument (.odt) không phải tài liệu .docx. Hãy mở bằng LibreOffice hoặc Word "
       "và lưu thành .docx.")
NOT_WORD = "Tệp nén này không phải tài liệu Word (.docx): không có phần nội dung văn bản."
TOO_MANY = "Tệp có quá nhiều thành phần ({count}), không phải tài liệu Word bình thường; không mở."
TOO_BIG = ("Tệp khi giải nén quá lớn ({size} MB, giới hạn {limit} MB), có thể là tệp độc hại; "
           "không mở.")
RATIO = "Tệp chứa phần nén bất thường (tỉ lệ nén quá cao), có thể là tệp độc hại; không mở."
DOCTYPE = "Tệp chứa khai báo DOCTYPE không an toàn; không mở."
TOO_DENSE = ("Tệp Word có quá nhiều thành phần ({what}), vượt xa một kế hoạch bình thường; không mở. "
             "Hãy chia văn bản thành nhiều tệp nhỏ hơn.")
UNREADABLE = "Không đọc được tệp Word: tệp bị hỏng hoặc không đúng định dạng."

_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, NotImplementedError,
               EOFError, zlib.error, OSError, ValueError, struct.error, KeyError)
_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_DOCTYPE = lazy_compile(rb"<!DOCTYPE", re.IGNORECASE)
_DOCTYPE_TEXT = lazy_compile(r"<!DOCTYPE", re.IGNORECASE)
_PARAGRAPH = lazy_compile(rb"<w:p[\s>/]")
_PARAGRAPH_TEXT = lazy_compile(r"<w:p[\s>/]")
_XML_NAME = lazy_compile(r"\.(xml|rels|vml)$", re.IGNORECASE)


def check_docx_bytes(data: bytes) -> None:
    """Raise ``FileRejected`` unless ``data`` is a zip that python-docx may safely read."""
    data = data if isinstance(data, bytes) else bytes(data)
    if not data:
        raise FileRejected(EMPTY)
    if data.startswith(OLE_MAGIC):
        raise FileRejected(ENCRYPTED if is_encrypted_ole(data) else OLD_DOC)
    if not data.startswith(b"PK"):
        raise FileRejected(_not_zip_message(data))
    try:
        _check_declared_entries(data)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise FileRejected(TOO_MANY.format(count=len(infos)))
            names = {i.filename.lower() for i in infos}  # OPC part names ignore letter case
            if MAIN_PART not in names:
                raise FileRejected(_not_word_message(names))
            xml_parts = _xml_parts(archive, infos)
            _check_sizes(infos, xml_parts)
            tally = _Tally()
            for info in infos:
                if info.filename.lower() in xml_parts:
                    if info.file_size > MAX_XML_PART:
                        raise FileRejected(TOO_BIG.format(size=_megabytes(info.file_size),
                                                          limit=_megabytes(MAX_XML_PART)))
                    tally.size += info.file_size
                    if tally.size > MAX_XML_TOTAL:
                        raise FileRejected(TOO_BIG.format(size=f"hơn {_megabytes(tally.size)}",
                                                          limit=_megabytes(MAX_XML_TOTAL)))
                    _refuse_doctype(archive, info, tally)
    except FileRejected:
        raise
    except _ZIP_ERRORS:
        raise FileRejected(CORRUPT) from None
    except Exception:  # the gate is a boundary too: whatever a stranger's bytes raise, one sentence
        raise FileRejected(CORRUPT) from None


def open_docx_bytes(data: bytes):
    """The ``docx.Document`` of checked bytes; any parser failure becomes one Vietnamese sentence."""
    check_docx_bytes(data)
    import docx  # lazy: start-up does not need python-docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - python-docx/lxml/zipfile raise a dozen types
        raise FileRejected(UNREADABLE) from None
    _check_structure(document)
    return document


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOT_A_DOCUMENT = ("Phần nội dung chính của tệp không phải là văn bản Word (thiếu phần thân văn bản); "
                  "tệp bị hỏng hoặc được tạo sai. Hãy mở bằng Word và lưu lại.")
BAD_STYLES = ("Phần kiểu định dạng (styles) của tệp Word bị hỏng hoặc sai loại. Hãy mở tệp bằng Word, "
              "lưu lại rồi mở lại.")


def _check_structure(document) -> None:
    """What readers below take for granted: a ``w:document`` root with a body, a real styles part."""
    element = document.element
    if getattr(element, "tag", None) != _W + "document" or element.find(_W + "body") is None:
        raise FileRejected(NOT_A_DOCUMENT)
    try:
        document.styles  # python-docx builds default styles when there are none; a wrong part fails
        document.part.numbering_part  # noqa: B018 - same for numbering
    except NotImplementedError:
        pass
    except Exception:  # noqa: BLE001
        raise FileRejected(BAD_STYLES) from None


def open_docx(path):
    from ..safefile import read_bytes_limited

    return open_docx_bytes(read_bytes_limited(path, max_bytes=MAX_FILE_BYTES))


# ---- OLE: old .doc or encrypted OOXML ----------------------------------------------
_OLE_STREAMS = tuple("\0".join(n).encode("ascii") + b"\0" for n in ("EncryptionInfo", "EncryptedPackage"))


def is_encrypted_ole(data: bytes) -> bool:
    """True when the OLE directory holds an ``EncryptionInfo``/``EncryptedPackage`` stream.

    Directory entries are 128 bytes, aligned on 128 in the file, the UTF-16LE
    name first and its byte length (with the terminator) at offset 64: matching
    that shape keeps a .doc whose text mentions the words from looking encrypted.
    """
    for name in _OLE_STREAMS:
        size = len(name) + 2  # the UTF-16 terminator
        start = data.find(name)
        while start != -1:
            if start % 128 == 0 and len(data) >= start + 66:
                if struct.unpack_from("<H", data, start + 64)[0] == size:
                    return True
            start = data.find(name, start + 1)
    return False


# ---- not a zip --------------------------------------------------------------------
def _not_zip_message(data: bytes) -> str:
    head = data[:1024]
    if head.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(b"%PDF"):
        return PDF
    if _looks_like_text(head):
        return TEXT
    return NOT_ZIP


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end
            return False
        text = head[: exc.start].decode("utf-8")
    return all(ch.isprintable() or ch in "\r\n\t" for ch in text)


# ---- the zip index -------------------------------------------------------------------
def _check_declared_entries(data: bytes) -> None:
    """Count entries from the end record before ``zipfile`` indexes them (memory)."""
    at = data.rfind(_EOCD, max(0, len(data) - 65557))
    if at < 0 or len(data) < at + 22:
        raise FileRejected(CORRUPT)
    count, cd_size = struct.unpack_from("<HI", data, at + 10)
    if (count == 0xFFFF or cd_size == 0xFFFFFFFF) and at >= 20 and data[at - 20:at - 16] == _ZIP64_LOCATOR:
        (offset,) = struct.unpack_from("<Q", data, at - 12)
        if offset + 56 <= len(data) and data[offset:offset + 4] == _ZIP64_EOCD:
            count, cd_size = struct.unpack_from("<QQ", data, offset + 32)
    if count > MAX_ENTRIES:
        raise FileRejected(TOO_MANY.format(count=count))
    if cd_size > MAX_CENTRAL_DIRECTORY:
        raise FileRejected(TOO_MANY.format(count=f"hơn {cd_size // 46}"))  # 46: the smallest entry


def _megabytes(size: int) -> str:
    return str(round(size / (1024 * 1024)))


def _check_sizes(infos, xml_parts: set) -> None:
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise FileRejected(TOO_BIG.format(size=_megabytes(total), limit=_megabytes(MAX_TOTAL_UNCOMPRESSED)))
    for info in infos:
        if info.filename.lower() in xml_parts:
            continue
        if info.file_size > RATIO_CHECKED_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FileRejected(RATIO)


def _not_word_message(names: set) -> str:
    if "xl/workbook.xml" in names:
        return XLSX
    if "ppt/presentation.xml" in names:
        return PPTX
    if "mimetype" in names and "content.xml" in names:
        return ODF
    return NOT_WORD


# ---- XML parts: no DOCTYPE -------------------------------------------------------------
def _xml_parts(archive: zipfile.ZipFile, infos) -> set:
    """Lower-cased names of every part a parser may read as XML: by extension, or typed XML in
    [Content_Types] (matched without regard to letter case, as OPC and python-docx do)."""
    parts = {i.filename.lower() for i in infos if _XML_NAME.search(i.filename)}
    info = next((i for i in infos if i.filename == CONTENT_TYPES), None)
    if info is None:
        return parts
    if info.file_size > MAX_CONTENT_TYPES:
        raise FileRejected(CORRUPT)
    _refuse_doctype(archive, info)  # before parsing it below
    try:
        root = ElementTree.fromstring(archive.read(info))
    except (ElementTree.ParseError, LookupError, ValueError):  # LookupError: a bogus encoding name
        raise FileRejected(CORRUPT) from None  # what the gate cannot read, it cannot vouch for
    xml_extensions = set()
    for node in root:
        kind = node.get("ContentType", "").lower()
        is_xml = "xml" in kind and not kind.startswith("image/")
        if node.tag.endswith("Default") and is_xml:
            xml_extensions.add(node.get("Extension", "").lower())
        elif node.tag.endswith("Override") and is_xml:
            parts.add(node.get("PartName", "").lstrip("/").lower())
    parts.update(i.filename.lower() for i in infos if i.filename.rsplit(".", 1)[-1].lower() in xml_extensions)
    return parts


class _Tally:
    """What the XML parts hold in all: bytes, element starts, paragraphs (counted while scanning)."""

    def __init__(self):
        self.size = self.elements = self.paragraphs = 0

    def add(self, elements: int, paragraphs: int) -> None:
        self.elements += elements
        self.paragraphs += paragraphs
        if self.elements > MAX_ELEMENTS:
            raise FileRejected(TOO_DENSE.format(what=f"hơn {MAX_ELEMENTS:,} thẻ XML".replace(",", ".")))
        if self.paragraphs > MAX_PARAGRAPHS:
            raise FileRejected(TOO_DENSE.format(what=f"hơn {MAX_PARAGRAPHS:,} đoạn văn".replace(",", ".")))


def _refuse_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo, tally=None) -> None:
    """Stream one part through the decompressor, 64 KB at a time, looking for a DOCTYPE (and counting)."""
    tally = tally or _Tally()
    with archive.open(info) as stream:
        head = stream.read(CHUNK)
        encoding = _wide_encoding(head)
        if encoding is None:
            _scan_bytes(stream, head, tally)
        else:
            _scan_text(stream, head, encoding, tally)


def _wide_encoding(head: bytes) -> str | None:
    """The encoding of an XML part written in UTF-16/32 (the DOCTYPE bytes differ there)."""
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                      (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return name
    for prefix, name in ((b"<\0\0\0", "utf-32-le"), (b"\0\0\0<", "utf-32-be"),
                         (b"<\0", "utf-16-le"), (b"\0<", "utf-16-be")):
        if head.startswith(prefix):
            return name
    return None


def _scan_bytes(stream, chunk: bytes, tally) -> None:
    tail = b""
    while chunk:
        window = tail + chunk
        if _DOCTYPE.search(window):
            raise FileRejected(DOCTYPE)
        # counted in the new bytes only (a tag cut between chunks is counted in the next one)
        tally.add(chunk.count(b"<") - chunk.count(b"</"),
                  len(_PARAGRAPH.findall(window)) - len(_PARAGRAPH.findall(tail)))
        tail = window[-8:]
        chunk = stream.read(CHUNK)


def _scan_text(stream, chunk: bytes, encoding: str, tally) -> None:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    tail = ""
    while chunk:
        text = decoder.decode(chunk)
        window = tail + text
        if _DOCTYPE_TEXT.search(window):
            raise FileRejected(DOCTYPE)
        tally.add(text.count("<") - text.count("</"),
                  len(_PARAGRAPH_TEXT.findall(window)) - len(_PARAGRAPH_TEXT.findall(tail)))
        tail = window[-8:]
        chunk = stream.read(CHUNK)
