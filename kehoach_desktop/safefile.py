"""Files that must not be lost: atomic writes with a backup, bounded reads. No Qt.

``write_atomic`` never opens the user's file for writing: it writes a temp file
beside it (same folder, so ``os.replace`` is atomic), flushes and fsyncs it,
copies the previous version to ``backup_path``, then swaps the new file in.
Any failure leaves the old file byte-for-byte as it was, removes the temp file
and raises ``SaveFailed`` with a plain Vietnamese sentence.
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from pathlib import Path

from .errors import FileRejected, KehoachError, SaveFailed
from .lazy_regex import lazy_compile

TEMP_PREFIX = ".~"
# On Windows a file open in Word (or scanned by an antivirus) refuses os.replace for a
# moment: retry for about a second before telling the user.
RETRY_ON_PERMISSION = os.name == "nt"
RETRY_DELAYS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.25)
_WINDOWS_LOCKED = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WINDOWS_PATH_TOO_LONG = (206,)  # ERROR_FILENAME_EXCED_RANGE
SAVE_AS = "“Lưu thành...”"
WINDOWS_PATHS = os.name == "nt"
# Our own temp names (mkstemp with the prefix and ".tmp"): left by a crash, removed by a later save.
_OUR_TEMP = lazy_compile(r"^\.~[A-Za-z0-9_]{6,12}\.tmp$")
STALE_TEMP_SECONDS = 15 * 60  # younger ones may belong to a save running right now


def backup_path(path) -> Path:
    """``plan.docx`` → ``plan.bak.docx`` in the same folder."""
    path = Path(path)
    return path.with_name(f"{path.stem}.bak{path.suffix}")


# ---- writing -------------------------------------------------------------------
def write_atomic(path, data: bytes, *, backup: bool = True, verify=None) -> None:
    """Write ``data`` to ``path`` all or nothing; keep the previous version as a backup.

    ``verify(data)`` runs first and refuses the save by raising.
    """
    target = Path(os.path.abspath(os.fspath(path)))
    if verify is not None:
        _verify(verify, data)
    try:
        if target.is_symlink():  # update the file the link points to, not the link
            target = Path(os.path.realpath(target))
        if target.is_dir():
            raise SaveFailed(f"“{target.name}” là một thư mục. Hãy chọn {SAVE_AS} và đặt tên tệp khác.")
        folder = target.parent
        if not folder.is_dir():
            raise SaveFailed(PATH_TOO_LONG if _too_long(target) else _missing_folder(folder))
    except OSError as exc:  # e.g. a name too long for the file system
        raise SaveFailed(_save_message(exc, target, "create", False)) from exc
    _refuse_unwritable(target)
    existed = target.exists()
    _remove_stale_temps(folder)
    temps: list[str] = []
    stage = "create"
    replaced = False
    try:
        temp = _temp_file_with(folder, data, temps, mode_from=target)
        bak_temp = None
        if backup and existed:
            stage = "backup"
            bak_temp = _temp_copy_of(target, folder, temps)
            _probe_backup(backup_path(target))
        stage = "replace"
        _replace(temp, target)
        temps.remove(temp)
        replaced = True
        if bak_temp is not None:  # only now: a failed replace keeps the previous backup generation
            _replace(bak_temp, backup_path(target))
            temps.remove(bak_temp)
        _fsync_folder(folder)
    except OSError as exc:
        if replaced and bak_temp in temps:  # the previous version must not be lost with the temp
            kept = _keep_previous(bak_temp, target)
            if kept is not None:
                temps.remove(bak_temp)
            raise SaveFailed(_backup_failed(exc, target, kept)) from exc
        raise SaveFailed(_save_message(exc, target, stage, existed)) from exc
    finally:
        for leftover in temps:
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def _probe_backup(backup: Path) -> None:
    """Open the old backup for writing before anything changes: Windows refuses it while Word has it open."""
    if backup.exists():
        with open(backup, "r+b"):
            pass


def _keep_previous(bak_temp: str, target: Path) -> Path | None:
    """The previous version under a second backup name, when the usual one cannot be replaced."""
    for n in range(2, 10):
        other = target.with_name(f"{target.stem}.bak{n}{target.suffix}")
        if not other.exists():
            with contextlib.suppress(OSError):
                os.replace(bak_temp, other)
                return other
    return None


def _backup_failed(exc: OSError, target: Path, kept: Path | None) -> str:
    where = f"được giữ trong “{kept.name}”" if kept else "không giữ được"
    return (f"Đã lưu “{target.name}”, nhưng không cập nhật được bản sao lưu “{backup_path(target).name}” "
            f"({os_reason(exc)}); bản trước của tệp {where}.")


def _refuse_unwritable(target: Path) -> None:
    """A read-only file or a device is never replaced behind the user's back (Word refuses too)."""
    try:
        info = os.stat(target)
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise SaveFailed(f"“{target.name}” không phải là một tệp thông thường nên không ghi vào được. "
                         f"Hãy chọn {SAVE_AS} và đặt tên tệp khác.")
    if not info.st_mode & stat.S_IWUSR:
        raise SaveFailed(READ_ONLY.format(name=target.name))


def _remove_stale_temps(folder: Path) -> None:
    """Temp files of ours that a crash (or a power cut) left beside the documents."""
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _OUR_TEMP.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and \
                        now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
                    os.unlink(entry.path)


def _verify(verify, data: bytes) -> None:
    try:
        verify(data)
    except SaveFailed:
        raise
    except Exception as exc:  # noqa: BLE001 - any refusal means: do not touch the file
        detail = f" ({exc})" if isinstance(exc, KehoachError) and str(exc) else ""
        raise SaveFailed("Tệp vừa tạo không mở lại được nên chưa lưu; tệp cũ vẫn giữ nguyên"
                         f"{detail}. Hãy thử lại, hoặc {SAVE_AS} vào tệp khác.") from exc


def _new_temp(folder: Path, temps: list) -> tuple[int, str]:
    import tempfile  # only a write needs it (with shutil, bz2, lzma and random: ~3 ms for every reader)

    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
    temps.append(name)
    return fd, name


def _temp_file_with(folder: Path, data: bytes, temps: list, mode_from: Path) -> str:
    fd, name = _new_temp(folder, temps)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    _copy_mode(mode_from, name)
    return name


def _temp_copy_of(source: Path, folder: Path, temps: list) -> str:
    import shutil

    fd, name = _new_temp(folder, temps)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out, 1024 * 1024)
        out.flush()
        os.fsync(out.fileno())
    with contextlib.suppress(OSError):
        shutil.copystat(source, name)
    return name


def _copy_mode(target: Path, temp: str) -> None:
    """mkstemp makes 0600 files: give the new file the old one's mode, or a normal one."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o644
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)


def _replace(source: str, target: Path) -> None:
    delays = RETRY_DELAYS if RETRY_ON_PERMISSION else ()
    for delay in (*delays, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if delay is None:
                raise
            time.sleep(delay)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the system allows it (not on Windows)."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | flag)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


READ_ONLY = ("Tệp “{name}” đang ở chế độ chỉ đọc (Read-only) nên không lưu đè được. Hãy chọn " + SAVE_AS
             + " và lưu thành tệp khác, hoặc bỏ thuộc tính chỉ đọc của tệp rồi lưu lại.")


def _save_message(exc: OSError, target: Path, stage: str, existed: bool = True) -> str:
    code = exc.errno
    winerror = getattr(exc, "winerror", None)
    folder = target.parent
    kept = "tệp cũ vẫn giữ nguyên" if existed else "chưa có tệp nào được tạo"
    if stage == "backup" and backup_path(target).exists() and (
            winerror in _WINDOWS_LOCKED or isinstance(exc, PermissionError)):
        return (f"Tệp sao lưu “{backup_path(target).name}” đang được mở trong chương trình khác "
                "(ví dụ Word). Hãy đóng tệp đó rồi lưu lại, hoặc lưu thành tệp khác.")
    if (isinstance(exc, PermissionError) and stage == "replace" and winerror not in _WINDOWS_LOCKED
            and target.exists() and not os.access(target, os.W_OK)):
        return READ_ONLY.format(name=target.name)
    if winerror in _WINDOWS_LOCKED or (
            isinstance(exc, PermissionError) and stage == "replace" and target.exists()):
        return ("Tệp đang được mở trong chương trình khác (ví dụ Word). Hãy đóng tệp rồi lưu lại, "
                "hoặc lưu thành tệp khác.")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)) or winerror in (39, 112):
        return (f"Ổ đĩa đã đầy nên không lưu được tệp; {kept}. Hãy xóa bớt tệp "
                f"không cần, hoặc chọn {SAVE_AS} và lưu vào ổ đĩa khác.")
    if code == errno.ENAMETOOLONG or winerror in _WINDOWS_PATH_TOO_LONG or (
            code == errno.ENOENT and _too_long(target)):
        return PATH_TOO_LONG
    if code == errno.ENOENT:
        return _missing_folder(folder)
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Không có quyền ghi vào thư mục “{folder}”. Hãy chọn {SAVE_AS} và lưu vào "
                "thư mục khác, ví dụ Tài liệu.")
    return (f"Không lưu được tệp “{target.name}” ({os_reason(exc)}); {kept}. "
            f"Hãy thử lại, hoặc chọn {SAVE_AS} và lưu vào thư mục khác.")


# What the system said, in Vietnamese: never the system's English text inside a Vietnamese sentence.
_OS_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy", errno.EACCES: "không có quyền", errno.EPERM: "không được phép",
    errno.EROFS: "ổ đĩa chỉ cho đọc", errno.EIO: "lỗi đọc ghi ổ đĩa, có thể USB bị lỗi hoặc đã rút ra",
    errno.ELOOP: "đường dẫn vòng lặp: lối tắt trỏ về chính nó",
    errno.ENAMETOOLONG: "tên hoặc đường dẫn quá dài", errno.ENOENT: "không tìm thấy",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục", errno.EISDIR: "là một thư mục",
    errno.EBUSY: "đang được dùng", errno.ETXTBSY: "đang được dùng", errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENXIO: "thiết bị không sẵn sàng", errno.EINVAL: "tên tệp không hợp lệ", errno.EEXIST: "tệp đã có",
    errno.EFBIG: "tệp quá lớn", getattr(errno, "EDQUOT", -1): "hết hạn mức dung lượng",
}


def os_reason(exc: OSError) -> str:
    """A short Vietnamese reason for an ``OSError`` (the error number when it is not a common one)."""
    reason = _OS_REASONS.get(getattr(exc, "errno", None))
    if reason:
        return reason
    number = getattr(exc, "winerror", None) or getattr(exc, "errno", None)
    return f"lỗi hệ thống số {number}" if number else "lỗi hệ thống"


PATH_TOO_LONG = (f"Đường dẫn tệp quá dài. Hãy chọn {SAVE_AS}, đặt tên tệp ngắn hơn hoặc lưu vào "
                 "thư mục khác, ví dụ Tài liệu.")


def _too_long(target: Path) -> bool:
    """Windows without long-path support stops at 260 characters (MAX_PATH), temp name included."""
    return WINDOWS_PATHS and len(str(target)) + 20 >= 260


def _missing_folder(folder: Path) -> str:
    return (f"Không tìm thấy thư mục “{folder}” (có thể đã bị xóa, hoặc USB đã được rút ra). "
            f"Hãy chọn {SAVE_AS} và lưu vào thư mục khác, ví dụ Tài liệu.")


# ---- reading --------------------------------------------------------------------
def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    text = f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"
    return text.replace(".", ",")  # Vietnamese decimal comma


def read_bytes_limited(path, *, max_bytes: int) -> bytes:
    """The whole file, refused with a Vietnamese ``FileRejected`` when it cannot or must not be read."""
    path = Path(os.fspath(path))
    name = path.name or str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileRejected(f"Không tìm thấy tệp “{name}”. Có thể tệp đã bị xóa, đổi tên hoặc "
                           "USB đã được rút ra.") from None
    except PermissionError:
        raise FileRejected(_no_read_permission(name)) from None
    except OSError as exc:
        raise FileRejected(_read_failed(name, exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileRejected(f"“{name}” là một thư mục, không phải tệp. Hãy chọn một tệp.")
    if not stat.S_ISREG(info.st_mode):
        raise FileRejected(f"“{name}” không phải là một tệp thông thường. Hãy chọn một tệp khác.")
    if info.st_size == 0:
        raise FileRejected(f"Tệp “{name}” trống (0 byte), không có nội dung để mở.")
    if info.st_size > max_bytes:
        raise FileRejected(_too_big(name, info.st_size, max_bytes))
    try:
        with open(path, "rb") as stream:
            data = _read_upto(stream, info.st_size, max_bytes + 1)
    except PermissionError:
        raise FileRejected(_no_read_permission(name)) from None
    except IsADirectoryError:
        raise FileRejected(f"“{name}” là một thư mục, không phải tệp. Hãy chọn một tệp.") from None
    except OSError as exc:
        raise FileRejected(_read_failed(name, exc)) from None
    if not data:
        raise FileRejected(f"Tệp “{name}” trống (0 byte), không có nội dung để mở.")
    if len(data) > max_bytes:
        raise FileRejected(_too_big(name, len(data), max_bytes))
    return data


def _read_upto(stream, expected: int, limit: int) -> bytes:
    """Read at most ``limit`` bytes; ``read(n)`` reserves n bytes, so ask for what stat said first."""
    parts = [stream.read(min(expected + 1, limit))]
    total = len(parts[0])
    while parts[-1] and total < limit and total > expected:  # the file grew since stat
        parts.append(stream.read(min(1024 * 1024, limit - total)))
        total += len(parts[-1])
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _too_big(name: str, size: int, max_bytes: int) -> str:
    return (f"Tệp “{name}” quá lớn ({_megabytes(size)} MB); phần mềm chỉ mở tệp đến "
            f"{_megabytes(max_bytes)} MB.")


def _no_read_permission(name: str) -> str:
    return (f"Không có quyền đọc tệp “{name}”. Hãy chép tệp vào thư mục Tài liệu rồi mở lại.")


def _read_failed(name: str, exc: OSError) -> str:
    reason = os_reason(exc)
    return f"Không đọc được tệp “{name}” ({reason}). Hãy chép tệp vào máy rồi mở lại."


# ---- what may be replaced ---------------------------------------------------------
# Extension → (what it is, the part a zip of that kind holds): a save never replaces a file of another
# kind under the same name (library JSON over a Word file, a plan over someone else's JSON).
_KINDS = {".docx": ("tài liệu Word", "word/document.xml"), ".xlsx": ("bảng tính Excel", "xl/workbook.xml"),
          ".json": ("tệp JSON của phần mềm", None)}


def refuse_other_kind(path, *, marker: bytes = b'"kehoach') -> None:
    """``SaveFailed`` when ``path`` exists and is not a file of the kind its extension says.

    ``marker``: for JSON, bytes the existing file must hold near its start (the format name).
    """
    path = Path(os.fspath(path))
    kind = _KINDS.get(path.suffix.lower())
    try:
        info = os.stat(path)
    except OSError:
        return  # nothing there (or unreachable: the save itself will say why)
    if not stat.S_ISREG(info.st_mode):
        raise SaveFailed(f"“{path.name}” không phải là một tệp thông thường nên không ghi vào được. "
                         "Hãy chọn tên tệp khác.")
    if info.st_size == 0 or kind is None:
        return
    if not _is_kind(path, kind[1], marker):
        raise SaveFailed(f"Đã có tệp “{path.name}” nhưng không phải {kind[0]} cùng loại; phần mềm không ghi đè "
                         "lên tệp loại khác. Hãy đặt tên tệp khác.")


def _is_kind(path: Path, member: str | None, marker: bytes) -> bool:
    import zipfile

    try:
        if member is not None:
            with zipfile.ZipFile(path) as archive:  # reads the index only
                return member in archive.namelist()
        with open(path, "rb") as stream:
            head = stream.read(4096)
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and marker in head
