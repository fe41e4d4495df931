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
MAX_DOC_BYTES = 50 * 1024 * 1024  # checked before the .doc is copied anywhere
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
    """The LibreOffice program: in its usual folders, or on PATH (absolute folders only).

    On Windows ``shutil.which`` looks in the current folder first, where a stranger's USB stick
    could hold a ``soffice.exe``: there, only absolute folders are searched.
    """
    if os.name == "nt":
        for candidate in _windows_candidates():
            if os.path.isfile(candidate):
                return candidate
        return _on_absolute_path(("soffice.exe", "soffice.com"))
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return os.path.abspath(found)
    for candidate in MAC_FOLDERS:
        if os.path.isfile(candidate):
            return candidate
    return None


def _windows_candidates() -> list:
    out = list(WINDOWS_FOLDERS)
    for env in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432"):
        base = os.environ.get(env)
        if base and os.path.isabs(base):
            out.append(os.path.join(base, "LibreOffice", "program", "soffice.exe"))
    return out


def _on_absolute_path(names) -> str | None:
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        folder = folder.strip().strip('"')
        if not folder or not os.path.isabs(folder):
            continue  # "" and "." mean the current folder
        for name in names:
            candidate = os.path.join(folder, name)
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
    """Convert ``path`` (.doc) and return the .docx bytes; raises ``FileRejected`` with a Vietnamese message.

    The .doc is read (size-capped) before anything is copied; LibreOffice runs in its own process
    group with a private profile that keeps it off the network, is killed whole on timeout, and the
    temp folder (which holds the user's converted text) is removed in every case.
    """
    from ..safefile import read_bytes_limited

    path = Path(path)
    data = read_bytes_limited(path, max_bytes=MAX_DOC_BYTES)
    program = soffice or find_soffice()
    if not program:
        raise FileRejected(NOT_INSTALLED)
    _report(progress, 5, "Đang chuyển tệp .doc sang .docx bằng LibreOffice...")
    work_dir = Path(tempfile.mkdtemp(prefix="kehoach-doc-"))
    try:
        result = _convert_in(work_dir, data, path.suffix.lower() or ".doc", program, progress, timeout)
    finally:
        _remove_tree(work_dir)
    _report(progress, 100, "Đã chuyển xong.")
    return result


def _convert_in(work_dir: Path, data: bytes, suffix: str, program: str, progress, timeout: float) -> bytes:
    source = work_dir / "in" / ("vanban" + suffix)  # a plain ASCII name: LibreOffice and odd names do not mix
    source.parent.mkdir()
    source.write_bytes(data)
    out_dir = work_dir / "out"
    out_dir.mkdir()
    profile = work_dir / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(OFFLINE_SETTINGS, encoding="utf-8")
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--nodefault", "--nologo", "--convert-to", "docx", "--outdir", str(out_dir),
               str(source)]
    _report(progress, 20, "LibreOffice đang chuyển đổi...")
    try:
        returncode = _run_killing_group(command, timeout)
    except OSError:
        raise FileRejected(NOT_INSTALLED) from None
    if returncode is None:
        raise FileRejected(
            f"Chuyển tệp .doc quá {int(timeout)} giây nên đã dừng. Hãy mở tệp bằng Word và lưu "
            "thành .docx (Tệp → Lưu thành → Word Document).")
    result = out_dir / (source.stem + ".docx")
    if returncode != 0 or not result.is_file():
        raise FileRejected("LibreOffice không chuyển được tệp .doc này (tệp có thể bị hỏng hoặc có mật khẩu). "
                           "Hãy mở tệp bằng Word và lưu thành .docx.")
    if result.stat().st_size > MAX_DOCX_BYTES:
        raise FileRejected("Tệp sau khi chuyển quá lớn để mở.")
    return result.read_bytes()


def _run_killing_group(command: list, timeout: float) -> int | None:
    """Run ``command`` in a process group of its own; on timeout kill the whole group
    (``soffice`` starts ``oosplash`` and ``soffice.bin``); None when it timed out."""
    if os.name == "nt":
        flags = subprocess.CREATE_NEW_PROCESS_GROUP | getattr(subprocess, "CREATE_NO_WINDOW", 0)
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, creationflags=flags)
    else:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        return None
    finally:
        if proc.poll() is None:  # an exception (KeyboardInterrupt): never leave LibreOffice behind
            _kill_group(proc)


def _kill_group(proc) -> None:
    if os.name == "nt":  # the whole tree: soffice.exe → soffice.bin
        subprocess.run(["taskkill", "/T", "/F", "/PID", str(proc.pid)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
    else:
        import signal

        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _remove_tree(folder: Path) -> None:
    """Remove the temp folder; a process still closing its files gets a moment (Windows)."""
    import time

    for delay in (0, 0.2, 0.5, 1.0):
        time.sleep(delay)
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return


# LibreOffice's settings for the conversion's private profile: links are never updated, linked
# pictures from untrusted places are not fetched, and every Internet access goes to a closed
# local port (a proxy that does not exist), so a hostile .doc cannot make it reach the network.
OFFLINE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value>\
</prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value>\
</prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>1</value>\
</prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetNoProxy" oor:op="fuse"><value></value></prop></item>
""" + "".join(
    f'<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInet{kind}Proxy{field}" oor:op="fuse">'
    f"<value>{value}</value></prop></item>\n"
    for kind in ("HTTP", "HTTPS", "FTP") for field, value in (("Name", "127.0.0.1"), ("Port", "9"))) + """\
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ConnectTimeout" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ReadTimeout" oor:op="fuse"><value>1</value></prop></item>
</oor:items>
"""


__all__ = ["convert_doc_to_docx", "find_soffice", "NOT_INSTALLED", "TIMEOUT_SECONDS"]
