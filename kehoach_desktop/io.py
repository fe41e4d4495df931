"""Every way a plan comes in from a file or goes out to one. No Qt.

``load_plan`` picks the reader by the file's extension (and, for an unknown
extension, by its first bytes); ``save_plan`` renders in memory, checks that
the result reopens, and writes it atomically with a backup of the previous
version. Both raise only ``KehoachError`` subclasses for what a user can meet.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import FileRejected, KehoachError, SaveFailed
from .plan.model import Plan, PlanFormatError

MAX_JSON_BYTES = 20 * 1024 * 1024
MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_DOCX_BYTES = 100 * 1024 * 1024  # a 60-page plan with photos is a few MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

EDITED_NOTE = ("Tệp đã được sửa bằng chương trình khác (ví dụ Word) sau khi lưu từ phần mềm: "
               "nội dung được đọc lại từ văn bản trong tệp, hãy kiểm tra lại từng phần.")


@dataclass
class LoadResult:
    plan: Plan
    notes: list = field(default_factory=list)  # Vietnamese: what the user should check
    source: str = "json"  # json | app-docx | docx | text | doc


def _read(path: Path, max_bytes: int) -> bytes:
    from .safefile import read_bytes_limited

    return read_bytes_limited(path, max_bytes=max_bytes)


def decode_text(data: bytes) -> str:
    """Text files from Windows: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")  # an odd length: the last byte is a lost half
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


NOT_TEXT = ("Tệp “{name}” không phải văn bản (.txt) mà là dữ liệu nhị phân, hoặc đã bị hỏng; "
            "phần mềm không đọc được nội dung của nó.")
BINARY_SHARE = 0.02  # control or undecodable characters: none in real text, about one in ten in random bytes
_TEXT_CONTROLS = set("\t\n\r\f\v\x1a")  # tab, line ends, page break, a DOS end-of-file mark


def looks_binary(data: bytes, text: str) -> bool:
    """True for bytes that are no text: NULs (UTF-16 aside), or control and undecodable characters."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if not text:
        return False
    bad = sum(1 for ch in text if ch == "\ufffd" or (ch < " " or "\x7f" <= ch <= "\x9f") and ch not in _TEXT_CONTROLS)
    return bad > 0 and bad >= BINARY_SHARE * len(text)


def load_json(path: Path) -> LoadResult:
    text = decode_text(_read(path, MAX_JSON_BYTES))
    return LoadResult(Plan.from_json(text), [], "json")


def load_docx_bytes(data: bytes) -> LoadResult:
    from .docx.embed import read_embedded
    from .docx.package import read_docx_bytes

    document = read_docx_bytes(data)  # lxml alone: python-docx is for writing
    embedded = read_embedded(document)
    if embedded is not None and not embedded.edited:
        return LoadResult(embedded.plan, [], "app-docx")
    result = _recognise(lambda r: r.recognise_docx(document))
    notes = list(result.notes)
    plan = result.plan
    if embedded is not None:
        # The text wins over the stale embedded copy; what the text cannot say comes from it.
        plan.kind = plan.kind or embedded.plan.kind
        notes.insert(0, EDITED_NOTE)
    return LoadResult(plan, notes, "docx")


def _recognise(call):
    from .docx import recognise
    from .plan.limits import check_plan

    try:
        result = call(recognise)
        check_plan(result.plan)  # what is read must be savable: beyond a cap, say so now
        return result
    except KehoachError:
        raise
    except RecursionError:
        raise FileRejected("Tệp có cấu trúc lồng nhau quá sâu, không đọc được.") from None
    except Exception:  # the import boundary: a parser error becomes one sentence
        raise FileRejected(
            "Không nhận dạng được nội dung kế hoạch trong tệp: tệp có thể bị hỏng hoặc có cấu trúc lạ. "
            "Hãy mở tệp bằng Word, lưu lại rồi thử lần nữa.") from None


def load_text(path: Path) -> LoadResult:
    data = _read(path, MAX_TEXT_BYTES)
    try:
        text = decode_text(data)
    except UnicodeDecodeError:  # a UTF-16 mark on bytes that are not UTF-16
        text = ""
        data = b"\x00"
    if looks_binary(data, text):
        raise FileRejected(NOT_TEXT.format(name=Path(path).name))
    check_text_size(text)
    result = _recognise(lambda r: r.recognise_text(text))
    return LoadResult(result.plan, list(result.notes), "text")


def check_text_size(text: str) -> None:
    """Plain text beyond the plan caps is refused before the recogniser reads it line by line."""
    from .plan.limits import MAX_PARAGRAPHS, MAX_TEXT_CHARS, PlanTooBig

    if len(text) > MAX_TEXT_CHARS or text.count("\n") > 2 * MAX_PARAGRAPHS:
        raise PlanTooBig("Văn bản quá dài để là một kế hoạch (quá "
                         f"{MAX_TEXT_CHARS:,} ký tự hoặc {2 * MAX_PARAGRAPHS:,} dòng); không đọc.".replace(",", "."))


def load_doc(path: Path, progress=None) -> LoadResult:
    from .docx.convert_doc import convert_doc_to_docx

    data = convert_doc_to_docx(path, progress=progress)
    result = load_docx_bytes(data)
    result.source = "doc"
    return result


def load_plan(path, *, progress=None) -> LoadResult:
    """Read a plan from .json, .docx (the app's own or hand-typed), .doc or .txt."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext == ".json":
        return load_json(path)
    if ext in (".txt", ".text"):
        return load_text(path)
    if ext == ".doc":
        return load_doc(path, progress)
    if ext in (".docx", ".docm", ".dotx"):
        return load_docx_bytes(_read(path, MAX_DOCX_BYTES))
    head = _read(path, MAX_DOCX_BYTES)
    if head.startswith(ZIP_MAGIC):
        return load_docx_bytes(head)
    if head.startswith(OLE_MAGIC):
        return load_doc(path, progress)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return LoadResult(Plan.from_json(decode_text(head)), [], "json")
    raise FileRejected("Không nhận ra loại tệp. Phần mềm mở được tệp .docx, .doc, .txt và .json.")


def render_bytes(plan: Plan, path) -> tuple[bytes, callable]:
    """The bytes to write for ``path`` (DOCX or JSON by extension) and a check that they reopen."""
    from .plan.limits import check_plan

    check_plan(plan)  # what is beyond the caps is refused before rendering, with the reason
    ext = Path(path).suffix.lower()
    if ext == ".json":
        data = (plan.to_json() + "\n").encode("utf-8")

        def verify(blob: bytes) -> None:
            if Plan.from_json(blob.decode("utf-8")).to_dict() != plan.to_dict():
                raise SaveFailed("Bản lưu không khớp với kế hoạch; tệp cũ được giữ nguyên.")

        return data, verify
    if ext != ".docx":
        raise SaveFailed("Chỉ lưu được tệp .docx hoặc .json. Hãy chọn tên tệp có đuôi .docx.")
    from .docx.embed import read_embedded
    from .docx.package import read_docx_bytes
    from .docx.writer import render_docx

    data = render_docx(plan)

    def verify(blob: bytes) -> None:  # reopened the way the app opens it
        try:
            embedded = read_embedded(read_docx_bytes(blob))
        except FileRejected:
            embedded = None
        if embedded is None or embedded.edited or embedded.plan.to_dict() != plan.to_dict():
            raise SaveFailed("Tệp Word vừa tạo không mở lại được đúng; tệp cũ được giữ nguyên.")

    return data, verify


def save_plan(plan: Plan, path, *, backup: bool = True) -> Path:
    """Render in memory, check it reopens, replace the target atomically, keep a backup."""
    from .safefile import refuse_other_kind, write_atomic

    path = Path(path)
    refuse_other_kind(path, marker=b'"kehoach"')  # a plan, never over a file of another kind
    data, verify = render_bytes(plan, path)
    write_atomic(path, data, backup=backup, verify=verify)
    return path


__all__ = ["LoadResult", "load_plan", "save_plan", "render_bytes", "decode_text", "PlanFormatError"]
