"""A lock the operating system releases when the process ends, however it ends. No Qt.

Drafts belong to a running session while its lock file is held open and
locked (``fcntl.flock`` on Linux/macOS, ``msvcrt.locking`` on Windows). A
crash, a kill or a power cut releases it: no process ids, which Windows
reuses and which another running instance would be mistaken for.
"""
from __future__ import annotations

import contextlib
import os


def _lock(fd: int) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class HeldLock:
    """``HeldLock(path).acquire()`` holds ``path`` locked until ``release()`` or the process ends."""

    def __init__(self, path):
        self.path = os.fspath(path)
        self.fd: int | None = None

    def acquire(self) -> bool:
        if self.fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return False
        if not _lock(fd):
            os.close(fd)
            return False
        self.fd = fd
        return True

    def release(self, *, remove: bool = True) -> None:
        if self.fd is None:
            return
        if remove:  # before closing: on Windows an open file cannot be removed, so try both orders
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.close(self.fd)
        self.fd = None
        if remove:
            with contextlib.suppress(OSError):
                os.unlink(self.path)


def is_held(path) -> bool:
    """True while some process (this one included) holds the lock at ``path``."""
    try:
        fd = os.open(os.fspath(path), os.O_RDWR)
    except OSError:
        return False  # no lock file: nobody holds it
    try:
        return not _lock(fd)  # our probe's lock goes with the close below
    finally:
        os.close(fd)


__all__ = ["HeldLock", "is_held"]
