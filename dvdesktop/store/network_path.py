"""SQLite files on a network share (\\\\server\\share\\… or a mapped drive).

A commune office sometimes keeps the database on a shared folder of another
PC. SQLite opens such a file, but its WAL journal needs shared memory that a
network file system does not give: two PCs would each see their own copy of
the recent changes. On a network path the database therefore uses the
classic rollback journal (journal_mode=DELETE), which works over SMB with
file locks, and the messages name the network when the file cannot be
reached. Several PCs working at once belong on PostgreSQL (docs/huong-dan-ky-thuat.md).
"""
from __future__ import annotations

import sys

# Windows' GetDriveTypeW answer for a drive letter mapped to a share.
_DRIVE_REMOTE = 4


def _is_unc(path: str) -> bool:
    """\\\\server\\share\\… (or //server/share/…, which Windows reads the same)."""
    return len(path) > 2 and path[:2] in ("\\\\", "//") and path[2] not in "\\/?."


def _is_mapped_network_drive(path: str) -> bool:
    if sys.platform != "win32" or len(path) < 2 or path[1] != ":":
        return False
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(path[:2] + "\\") == _DRIVE_REMOTE


def is_network_path(path: str) -> bool:
    """True for a file on a network share: a UNC path on any system, a mapped
    network drive (Z:\\…) on Windows."""
    path = str(path)
    return _is_unc(path) or _is_mapped_network_drive(path)


def journal_mode(path: str) -> str:
    """SQLite's journal for the file at *path*: WAL on a local disk, the
    rollback journal on a network share."""
    return "delete" if is_network_path(path) else "wal"
