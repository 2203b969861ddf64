"""Restoring a backup copy over a SQLite database, the careful way a clerk
needs it: first say what the copy holds (when it was made, how many teams,
people, meetings …) so the right file is chosen; then keep the database it
replaces aside, beside it, so a wrong choice can be undone.

    summary = inspect_backup("dvdesktop-2025-03-01.sqlite3")   # nothing written
    result = restore_backup("dvdesktop-2025-03-01.sqlite3", "dvdesktop.sqlite3")
    result.kept_aside  # the replaced database: dvdesktop.truoc-khoi-phuc-20250302-101500.sqlite3

The database being replaced must be closed first (the caller closes it and
opens it again afterwards). No Qt here.
"""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..store import migrations
from ..store.database import backup_sqlite
from ..vn import format_number
from .files import describe_os_error, format_size, require_writable_folder

# What the summary counts, in the order it is shown (records in the trash are not counted).
COUNTED = (
    ("team", "Tổ dân vận"),
    ("person", "Người"),
    ("meeting", "Cuộc họp"),
    ("outreach_session", "Buổi tuyên truyền"),
    ("concern", "Kiến nghị"),
    ("mediation_case", "Vụ việc hòa giải"),
    ("supervision_activity", "Cuộc giám sát"),
)
# Tables whose newest change dates the data inside the copy.
_DATED = ("team", "person", "membership", "meeting", "outreach_session", "concern", "mediation_case",
          "supervision_activity", "evaluation")


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    size_bytes: int
    made_at: dt.datetime  # when the file was written (the backup's date)
    last_change: dt.datetime | None  # the newest change recorded inside
    schema_version: int
    counts: tuple[tuple[str, int], ...]  # (Vietnamese name, number of records)

    def lines(self) -> list[str]:
        """The summary in plain Vietnamese, one line each (the window and the CLI)."""
        out = [f"Tệp: {self.path} ({format_size(self.size_bytes)})",
               f"Sao lưu lúc: {self.made_at:%H:%M ngày %d/%m/%Y}"]
        if self.last_change is not None:
            out.append(f"Thay đổi cuối cùng trong dữ liệu: {self.last_change:%H:%M ngày %d/%m/%Y}")
        out += [f"{name}: {format_number(n)}" for name, n in self.counts]
        return out


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    kept_aside: Path | None  # the replaced database, None when there was none
    summary: BackupSummary


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _parse_time(value) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def inspect_backup(path: str | Path) -> BackupSummary:
    """What the backup at *path* holds; UserError in plain Vietnamese when it
    is not a copy this program can restore. Nothing is written."""
    path = Path(path).expanduser()
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp sao lưu «{path}».")
    if path.is_dir():
        raise UserError(f"«{path}» là một thư mục, không phải tệp sao lưu.")
    try:
        stat = path.stat()
        conn = _open_read_only(path)
    except OSError as exc:
        raise UserError(describe_os_error(exc, path)) from exc
    except sqlite3.Error as exc:
        raise UserError(f"Không mở được tệp «{path}»: tệp hỏng hoặc không phải bản sao lưu.") from exc
    try:
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError:
            raise UserError(f"Tệp «{path}» không phải bản sao lưu cơ sở dữ liệu (tệp hỏng hoặc tệp khác).") from None
        if "dv_meta" not in tables:
            raise UserError(f"Tệp «{path}» không phải bản sao lưu của chương trình Tổ dân vận.")
        row = conn.execute("SELECT value FROM dv_meta WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > migrations.latest_version():
            raise UserError(f"Bản sao lưu «{path.name}» do phiên bản mới hơn của chương trình tạo ra "
                            f"(lược đồ {version}, chương trình này chỉ hiểu đến {migrations.latest_version()}). "
                            "Hãy cập nhật chương trình trước khi khôi phục.")
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise UserError(f"Bản sao lưu «{path.name}» bị hỏng, không khôi phục được.")
        counts = []
        for table, name in COUNTED:
            if table not in tables:
                continue
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            where = " WHERE deleted_at IS NULL" if "deleted_at" in columns else ""
            counts.append((name, conn.execute(f"SELECT count(*) FROM {table}{where}").fetchone()[0]))
        changes = [_parse_time(conn.execute(f"SELECT max(updated_at) FROM {t}").fetchone()[0])
                   for t in _DATED if t in tables]
        changes = [c for c in changes if c is not None]
    except sqlite3.DatabaseError as exc:
        raise UserError(f"Tệp «{path}» không đọc được như một cơ sở dữ liệu: tệp hỏng hoặc không phải bản sao lưu.") from None
    finally:
        conn.close()
    return BackupSummary(path, stat.st_size, dt.datetime.fromtimestamp(stat.st_mtime), max(changes, default=None),
                         version, tuple(counts))


def kept_aside_name(target: Path, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return target.with_name(f"{target.stem}.truoc-khoi-phuc-{stamp}{target.suffix}")


def restore_backup(backup: str | Path, target: str | Path) -> RestoreResult:
    """Replace the (closed) SQLite database *target* by the copy *backup*.
    The database replaced is kept beside it (kept_aside_name); on any failure
    *target* is left as it was."""
    summary = inspect_backup(backup)
    target = Path(target).expanduser()
    if target.exists() and target.is_dir():
        raise UserError(f"«{target}» là một thư mục, không phải tệp cơ sở dữ liệu.")
    if target.exists() and target.resolve() == summary.path.resolve():
        raise UserError("Bản sao lưu chính là cơ sở dữ liệu đang dùng: hãy chọn một tệp sao lưu khác.")
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"Thư mục «{folder}» không tồn tại.")
    require_writable_folder(folder)
    incoming = target.with_name(f".{target.name}.khoi-phuc.tmp")
    kept = None
    try:
        backup_sqlite(summary.path, incoming)  # a consistent copy, checked below before anything is replaced
        if target.exists():
            kept = kept_aside_name(target)
            try:  # a consistent copy of the old database, its WAL included
                backup_sqlite(target, kept)
            except UserError:  # not a readable database (the reason to restore): keep the file as it is
                os.replace(target, kept)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(incoming, target)
    except OSError as exc:
        raise UserError(describe_os_error(exc, target)) from exc
    finally:
        try:
            incoming.unlink(missing_ok=True)
        except OSError:  # the first error is the one to tell
            pass
    return RestoreResult(target, kept, summary)
