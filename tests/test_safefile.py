"""Atomic saves with a backup, and bounded reads: the old file survives every failure."""
from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile

import pytest

from kehoach_desktop import safefile
from kehoach_desktop.errors import FileRejected, SaveFailed
from kehoach_desktop.safefile import backup_path, read_bytes_limited, write_atomic

OLD = b"old version \x00\xff" * 100
NEW = b"new version " * 1000
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(OLD)
    return path


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(safefile.TEMP_PREFIX))


def test_backup_path():
    assert backup_path("/x/ke-hoach.docx").name == "ke-hoach.bak.docx"
    assert backup_path("/x/plan").name == "plan.bak"
    assert backup_path("/x/a.b.json").name == "a.b.bak.json"


def test_new_file_is_written_without_backup(tmp_path):
    path = tmp_path / "moi.json"
    write_atomic(path, NEW)
    assert path.read_bytes() == NEW
    assert not backup_path(path).exists()
    assert leftovers(tmp_path) == []
    assert stat.S_IMODE(path.stat().st_mode) & 0o644 == 0o644  # not mkstemp's private 0600


def test_success_keeps_backup_of_old_bytes(target):
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert backup_path(target).read_bytes() == OLD
    write_atomic(target, b"third")
    assert target.read_bytes() == b"third"
    assert backup_path(target).read_bytes() == NEW  # the backup is the previous version
    assert leftovers(target.parent) == []


def test_backup_can_be_turned_off(target):
    write_atomic(target, NEW, backup=False)
    assert target.read_bytes() == NEW
    assert not backup_path(target).exists()


def test_mode_of_old_file_is_kept(target):
    os.chmod(target, 0o640)
    write_atomic(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_verify_sees_the_data_first(target):
    seen = []
    write_atomic(target, NEW, verify=seen.append)
    assert seen == [NEW]


def _raise(exc):
    def fail(*args, **kwargs):
        raise exc
    return fail


def test_verify_refusal_leaves_everything(target):
    with pytest.raises(SaveFailed, match="tệp cũ vẫn giữ nguyên"):
        write_atomic(target, NEW, verify=_raise(ValueError("not a docx")))
    assert target.read_bytes() == OLD
    assert not backup_path(target).exists()
    assert leftovers(target.parent) == []


@pytest.mark.parametrize("where", ["write", "fsync", "replace", "backup-copy"])
def test_failure_half_way_keeps_old_file(target, monkeypatch, where):
    failure = OSError(errno.EIO, "Input/output error")
    if where == "write":
        real_fdopen = os.fdopen

        class BrokenFile:
            def __init__(self, fd, mode):
                self._f = real_fdopen(fd, mode)

            def write(self, data):
                self._f.write(data[: len(data) // 2])
                raise failure

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self._f.close()

        monkeypatch.setattr(safefile.os, "fdopen", BrokenFile)
    elif where == "fsync":
        monkeypatch.setattr(safefile.os, "fsync", _raise(failure))
    elif where == "replace":
        monkeypatch.setattr(safefile.os, "replace", _raise(failure))
    else:
        monkeypatch.setattr(shutil, "copyfileobj", _raise(failure))
    with pytest.raises(SaveFailed) as info:
        write_atomic(target, NEW)
    assert "tệp cũ vẫn giữ nguyên" in str(info.value)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_failure_on_final_replace_keeps_old_file_and_backup(target, monkeypatch):
    """The backup is refreshed only once the new file is in place: a failed replace loses no generation."""
    backup_path(target).write_bytes(b"older generation")
    real_replace = os.replace

    def replace(src, dst):
        if os.fspath(dst) == os.fspath(target):
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(safefile.os, "replace", replace)
    with pytest.raises(SaveFailed):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert backup_path(target).read_bytes() == b"older generation"
    assert leftovers(target.parent) == []


@pytest.mark.parametrize("exc,fragment", [
    (OSError(errno.ENOSPC, "No space left on device"), "Ổ đĩa đã đầy"),
    (OSError(errno.ENAMETOOLONG, "File name too long"), "Đường dẫn tệp quá dài"),
    (OSError(errno.EROFS, "Read-only file system"), "Không có quyền ghi vào thư mục"),
    (PermissionError(errno.EACCES, "Permission denied"), "Không có quyền ghi vào thư mục"),
])
def test_messages_for_each_failure(target, monkeypatch, exc, fragment):
    monkeypatch.setattr(tempfile, "mkstemp", _raise(exc))
    with pytest.raises(SaveFailed, match=fragment):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD


def test_file_open_in_word_is_retried_then_reported(target, monkeypatch):
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if os.fspath(dst) == os.fspath(target):
            raise PermissionError(errno.EACCES, "Access is denied")
        os.rename(src, dst)

    monkeypatch.setattr(safefile, "RETRY_ON_PERMISSION", True)
    monkeypatch.setattr(safefile, "RETRY_DELAYS", (0, 0, 0))
    monkeypatch.setattr(safefile.os, "replace", replace)
    with pytest.raises(SaveFailed, match=r"đang được mở trong chương trình khác \(ví dụ Word\)"):
        write_atomic(target, NEW)
    assert sum(os.fspath(c) == os.fspath(target) for c in calls) == 4  # first try + 3 retries
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_brief_lock_is_overcome_by_retry(target, monkeypatch):
    real_replace = os.replace
    failures = [PermissionError(errno.EACCES, "Access is denied")] * 2

    def replace(src, dst):
        if os.fspath(dst) == os.fspath(target) and failures:
            raise failures.pop()
        real_replace(src, dst)

    monkeypatch.setattr(safefile, "RETRY_ON_PERMISSION", True)
    monkeypatch.setattr(safefile, "RETRY_DELAYS", (0, 0, 0))
    monkeypatch.setattr(safefile.os, "replace", replace)
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW


def test_missing_folder(tmp_path):
    with pytest.raises(SaveFailed, match="Không tìm thấy thư mục"):
        write_atomic(tmp_path / "khong-co" / "a.docx", NEW)


def test_target_is_a_folder(tmp_path):
    with pytest.raises(SaveFailed, match="là một thư mục"):
        write_atomic(tmp_path, NEW)


READ_ONLY_MESSAGE = (r"Không có quyền ghi vào thư mục “.*”\. Hãy chọn “Lưu thành\.\.\.” và lưu vào "
                     r"thư mục khác, ví dụ Tài liệu\.")


@pytest.mark.skipif(IS_ROOT or sys.platform == "win32", reason="root ignores chmod; see the simulated test")
def test_read_only_folder_real(target):
    folder = target.parent
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(SaveFailed, match=READ_ONLY_MESSAGE):
            write_atomic(target, NEW)
        assert target.read_bytes() == OLD
        assert leftovers(folder) == []
    finally:
        os.chmod(folder, 0o700)


def test_read_only_folder_simulated(target, monkeypatch):
    # What mkstemp raises in a folder without write permission (root bypasses chmod in CI).
    monkeypatch.setattr(tempfile, "mkstemp",
                        _raise(PermissionError(errno.EACCES, "Permission denied")))
    with pytest.raises(SaveFailed, match=READ_ONLY_MESSAGE):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


# ---- reading -------------------------------------------------------------------------
def test_read_ok(target):
    assert read_bytes_limited(target, max_bytes=len(OLD)) == OLD


@pytest.mark.parametrize("case,fragment", [
    ("missing", "Không tìm thấy tệp “khong-co.docx”"),
    ("folder", "là một thư mục"),
    ("empty", r"trống \(0 byte\)"),
    ("too-big", r"quá lớn \(2,5 MB\); phần mềm chỉ mở tệp đến 2 MB\."),
])
def test_read_refusals(tmp_path, case, fragment):
    path = {"missing": tmp_path / "khong-co.docx", "folder": tmp_path, "empty": tmp_path / "rong.docx",
            "too-big": tmp_path / "lon.docx"}[case]
    if case == "empty":
        path.write_bytes(b"")
    if case == "too-big":
        path.write_bytes(b"\0" * (5 * 512 * 1024))
    with pytest.raises(FileRejected, match=fragment):
        read_bytes_limited(path, max_bytes=2 * 1024 * 1024)


def test_read_without_permission(target, monkeypatch):
    if not IS_ROOT and sys.platform != "win32":
        os.chmod(target, 0)
        try:
            with pytest.raises(FileRejected, match="Không có quyền đọc tệp"):
                read_bytes_limited(target, max_bytes=10**6)
        finally:
            os.chmod(target, 0o600)
    monkeypatch.setattr("builtins.open", _raise(PermissionError(errno.EACCES, "Permission denied")))
    with pytest.raises(FileRejected, match="Không có quyền đọc tệp"):
        read_bytes_limited(target, max_bytes=10**6)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_read_refuses_a_pipe_without_blocking(tmp_path):
    pipe = tmp_path / "pipe.docx"
    os.mkfifo(pipe)
    with pytest.raises(FileRejected, match="không phải là một tệp thông thường"):
        read_bytes_limited(pipe, max_bytes=10**6)


def test_locked_backup_is_named(target, monkeypatch):
    """Word holding the backup open (Windows refuses to open it for writing): nothing changes."""
    backup_path(target).write_bytes(b"older")
    real_open = open

    def locked_open(path, mode="r", *args, **kwargs):
        if os.fspath(path) == os.fspath(backup_path(target)) and "+" in mode:
            raise PermissionError(errno.EACCES, "Access is denied")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", locked_open)
    with pytest.raises(SaveFailed, match="Tệp sao lưu “ke-hoach.bak.docx” đang được mở"):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert backup_path(target).read_bytes() == b"older"
    assert leftovers(target.parent) == []


def test_backup_that_cannot_be_replaced_after_the_save_keeps_the_previous_version(target, monkeypatch):
    backup_path(target).write_bytes(b"older")
    real_replace = os.replace

    def replace(src, dst):
        if os.fspath(dst) == os.fspath(backup_path(target)):
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(safefile.os, "replace", replace)
    with pytest.raises(SaveFailed, match="Đã lưu “ke-hoach.docx”.*ke-hoach.bak2.docx") as caught:
        write_atomic(target, NEW)
    assert "Input/output" not in str(caught.value)
    assert target.read_bytes() == NEW
    assert backup_path(target).read_bytes() == b"older"
    assert (target.parent / "ke-hoach.bak2.docx").read_bytes() == OLD
    assert leftovers(target.parent) == []


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlink_target_is_updated(target):
    link = target.parent / "link.docx"
    link.symlink_to(target)
    write_atomic(link, NEW)
    assert link.is_symlink()
    assert target.read_bytes() == NEW
    assert backup_path(target).read_bytes() == OLD


def test_long_windows_path_is_named(tmp_path, monkeypatch):
    # Windows reports a path past MAX_PATH as "not found": say what the user can do about it.
    monkeypatch.setattr(safefile, "WINDOWS_PATHS", True)
    deep = tmp_path.joinpath(*["thu-muc-rat-dai-" * 2] * 10, "ke-hoach.docx")
    with pytest.raises(SaveFailed, match="Đường dẫn tệp quá dài"):
        write_atomic(deep, NEW)


@pytest.mark.parametrize("windows", [False, True])
def test_name_too_long_for_the_file_system(tmp_path, monkeypatch, windows):
    monkeypatch.setattr(safefile, "WINDOWS_PATHS", windows)
    with pytest.raises(SaveFailed, match="Đường dẫn tệp quá dài"):
        write_atomic(tmp_path / ("ke-hoach-" * 40 + ".docx"), NEW)
    assert leftovers(tmp_path) == []


def test_data_reaches_the_disk_before_the_swap(target, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", os.fstat(fd).st_size))
        real_fsync(fd)

    def replace(src, dst):
        events.append(("replace", os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(safefile.os, "fsync", fsync)
    monkeypatch.setattr(safefile.os, "replace", replace)
    write_atomic(target, NEW)
    swap = events.index(("replace", os.fspath(target)))
    assert ("fsync", len(NEW)) in events[:swap]  # the new bytes, flushed to disk, before the swap
    assert ("fsync", len(OLD)) in events[:events.index(("replace", os.fspath(backup_path(target))))]


def test_read_only_file_is_named(target, monkeypatch):
    # Windows refuses to replace a file with the read-only attribute (copied from a CD or an e-mail).
    real_replace, real_access = os.replace, os.access

    def replace(src, dst):
        if os.fspath(dst) == os.fspath(target):
            raise PermissionError(errno.EACCES, "Access is denied")
        real_replace(src, dst)

    monkeypatch.setattr(safefile.os, "replace", replace)
    monkeypatch.setattr(safefile.os, "access",
                        lambda p, mode: False if os.fspath(p) == os.fspath(target) else real_access(p, mode))
    with pytest.raises(SaveFailed, match=r"“ke-hoach\.docx” đang ở chế độ chỉ đọc"):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []
