"""A database a clerk can read but not write (a CD, a write-protected USB
stick), made for real: the file and its folder lose their write bits. Root
writes anyway (the CAP_DAC_OVERRIDE capability), so as root the calling
thread drops that capability from its effective set meanwhile and the
operating system refuses every write, as it does for a clerk."""
from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import stat
from pathlib import Path

_CAP_VERSION_3 = 0x20080522
CAP_DAC_OVERRIDE = 1


class _Header(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _Data(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def _capabilities(change=None):
    libc = ctypes.CDLL(None, use_errno=True)
    header = _Header(_CAP_VERSION_3, 0)
    data = (_Data * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    if change is not None:
        change(data)
        if libc.capset(ctypes.byref(header), data) != 0:
            raise OSError(ctypes.get_errno(), "capset")
    return data


def _skip_on_windows() -> None:
    if os.name == "nt":  # a folder's read-only bit does not stop writing there on Windows
        import pytest

        pytest.skip("read-only folders are made with POSIX permissions")


@contextlib.contextmanager
def without_root_override():
    """The calling thread obeys file permissions even as root."""
    _skip_on_windows()
    if os.geteuid() != 0:
        yield
        return
    bit = 1 << CAP_DAC_OVERRIDE

    def drop(data):
        data[0].effective &= ~bit

    def restore(data):
        data[0].effective |= bit & data[0].permitted

    _capabilities(drop)
    try:
        yield
    finally:
        _capabilities(restore)


@contextlib.contextmanager
def read_only_copy(source: str | Path, folder: str | Path, name: str = "tren-dia-CD.sqlite3"):
    """Yield the path of a read-only copy of the (closed) database *source*
    in a read-only *folder* (created)."""
    _skip_on_windows()
    folder = Path(folder)
    folder.mkdir()
    target = folder / name
    shutil.copyfile(source, target)
    os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    os.chmod(folder, 0o555)
    try:
        with without_root_override():
            yield target
    finally:
        os.chmod(folder, 0o755)
        os.chmod(target, 0o644)


def snapshot(path: str | Path) -> dict[str, bytes]:
    """Every file of *path*'s folder with its bytes (to assert nothing changed)."""
    folder = Path(path).parent
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
