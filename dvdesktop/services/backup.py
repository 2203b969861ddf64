"""Backups a clerk can make and check: a consistent SQLite copy, verified."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import DatabaseUnavailable
from ..store.database import backup_sqlite
from .files import check_output_folder


@dataclass
class BackupResult:
    path: Path
    size_bytes: int
    tables: int


def backup_database(source: str | Path, target: str | Path) -> BackupResult:
    """Copy *source* to *target* with SQLite's online backup, then open the copy
    and check it, so that a clerk never keeps a backup that cannot be restored.
    The folder is the clerk's choice: it must be there and writable (never created)."""
    check_output_folder(target)
    path = backup_sqlite(source, target)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DatabaseUnavailable(f"Bản sao lưu «{path}» bị lỗi; hãy thử lại.")
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(f"Không đọc lại được bản sao lưu «{path}» vừa ghi; hãy thử lại hoặc ghi vào "
                                  "chỗ khác.") from exc
    return BackupResult(path, path.stat().st_size, tables)
