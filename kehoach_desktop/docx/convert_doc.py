"""Old Word ``.doc`` → ``.docx`` bytes, through LibreOffice when it is installed.

LibreOffice runs headless with a private profile (so it neither clashes with
an open LibreOffice nor leaves settings behind), into a temporary folder, with
a time limit. When it is not installed the user is told how to save the file
as .docx in Word. No Qt: progress is a plain callback ``progress(percent, text)``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import FileRejected

TIMEOUT_SECONDS = 60
MAX_DOCX_BYTES = 100 * 1024 * 1024
WINDOWS_FOLDERS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
MAC_FOLDERS = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)

NOT_INSTALLED = ("Không mở được tệp .doc (định dạng Word cũ) vì máy chưa cài LibreOffice. "
                 "Hãy mở tệp bằng Word, chọn Tệp → Lưu thành (File → Save As), chọn kiểu "
                 "“Word Document (*.docx)”, rồi mở tệp .docx vừa lưu. Hoặc cài LibreOffice "
                 "(miễn phí, tải tại https://vi.libreoffice.org) rồi mở lại tệp .doc.")


def find_soffice() -> str | None:
    """The LibreOffice program: on PATH, or in its usual Windows / macOS folders."""
    for name in ("soffice", "soffice.exe", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in WINDOWS_FOLDERS + MAC_FOLDERS:
        if os.path.isfile(candidate):
            return candidate
    for env in ("PROGRAMFILES", "PROGRAMFILES(X86)"):
        base = os.environ.get(env)
        if base:
            candidate = os.path.join(base, "LibreOffice", "program", "soffice.exe")
            if os.path.isfile(candidate):
                return candidate
    return None


def _report(progress, percent: int, text: str) -> None:
    if progress is not None:
        try:
            progress(percent, text)
        except Exception:  # a broken progress display must not stop the conversion
            pass


def convert_doc_to_docx(path, progress=None, *, timeout: float = TIMEOUT_SECONDS,
                        soffice: str | None = None) -> bytes:
    """Convert ``path`` (.doc) and return the .docx bytes; raises ``FileRejected`` with a Vietnamese message."""
    path = Path(path)
    if not path.is_file():
        raise FileRejected(f"Không tìm thấy tệp “{path.name}”.")
    program = soffice or find_soffice()
    if not program:
        raise FileRejected(NOT_INSTALLED)
    _report(progress, 5, "Đang chuyển tệp .doc sang .docx bằng LibreOffice...")
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as work:
        work_dir = Path(work)
        source = work_dir / "in" / ("vanban" + (path.suffix.lower() or ".doc"))
        source.parent.mkdir()
        shutil.copyfile(path, source)  # a plain ASCII name: LibreOffice and odd file names do not mix
        out_dir = work_dir / "out"
        out_dir.mkdir()
        profile = (work_dir / "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--nolockcheck", "--convert-to", "docx", "--outdir", str(out_dir), str(source)]
        _report(progress, 20, "LibreOffice đang chuyển đổi...")
        try:
            proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise FileRejected(
                f"Chuyển tệp .doc quá {int(timeout)} giây nên đã dừng. Hãy mở tệp bằng Word và lưu "
                "thành .docx (Tệp → Lưu thành → Word Document).") from None
        except OSError:
            raise FileRejected(NOT_INSTALLED) from None
        result = out_dir / (source.stem + ".docx")
        if proc.returncode != 0 or not result.is_file():
            raise FileRejected("LibreOffice không chuyển được tệp .doc này (tệp có thể bị hỏng hoặc có mật khẩu). "
                               "Hãy mở tệp bằng Word và lưu thành .docx.")
        if result.stat().st_size > MAX_DOCX_BYTES:
            raise FileRejected("Tệp sau khi chuyển quá lớn để mở.")
        data = result.read_bytes()
    _report(progress, 100, "Đã chuyển xong.")
    return data


__all__ = ["convert_doc_to_docx", "find_soffice", "NOT_INSTALLED", "TIMEOUT_SECONDS"]
