"""Automatic backups of a SQLite database: when the program closes and once
a day, into a folder the clerk chooses (a USB stick, a network share),
rotated to keep 7 daily, 4 weekly and 12 monthly copies.

Each copy is written with SQLite's online backup into a temporary file in
the chosen folder, flushed to the device, then opened again from there and
checked (integrity check, schema version, record counts) before it takes its
final name; only then are older copies rotated away. A copy that fails (full
disk, USB stick pulled out) is removed, the earlier copies stay untouched,
and the error is a Vietnamese sentence.

A database on a PostgreSQL server is backed up on the server (pg_dump).
The settings are this computer's (the folder is a drive of this PC), kept in
a small JSON file in the program's data folder.
"""
from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import DatabaseUnavailable, UserError
from ..store.database import backup_sqlite
from ..store.location import data_dir
from .files import not_writable, require_writable_folder

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
DAILY_EVERY = dt.timedelta(hours=24)
_SETTINGS = "autobackup.json"
_STAMP = "%Y%m%d-%H%M%S"
# The record tables whose counts a copy reports (restoring shows them too).
COUNTED = ("area", "person", "team", "membership", "meeting", "outreach_session", "concern", "mediation_case",
           "campaign", "household", "exemplary_model", "evaluation", "supervision_activity", "user", "audit_log")


@dataclass
class BackupSettings:
    folder: str = ""  # "" = the program's data folder, sub-folder "sao-luu"
    on_close: bool = True
    daily: bool = True

    def target_folder(self) -> Path:
        return Path(self.folder).expanduser() if self.folder else data_dir() / "sao-luu"


def load_settings() -> BackupSettings:
    path = data_dir() / _SETTINGS
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BackupSettings()
    known = {k: v for k, v in raw.items() if k in BackupSettings.__dataclass_fields__}
    return BackupSettings(**known)


def save_settings(settings: BackupSettings) -> None:
    folder = settings.folder.strip()
    if folder and not Path(folder).expanduser().is_dir():
        raise UserError(f"Không tìm thấy thư mục «{folder}». Hãy chọn một thư mục có sẵn (cắm USB trước).")
    settings.folder = folder
    path = data_dir() / _SETTINGS
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


# --- one copy ---------------------------------------------------------------------


@dataclass(frozen=True)
class BackupCopy:
    """A verified copy: where, when, and what it holds."""

    path: Path
    taken_at: dt.datetime
    size_bytes: int
    schema_version: int | None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def records(self) -> int:
        return sum(n for t, n in self.counts.items() if t != "audit_log")


def _name(stem: str, at: dt.datetime) -> str:
    return f"{stem}-{at.strftime(_STAMP)}.sqlite3"


def _pattern(stem: str) -> re.Pattern:
    return re.compile(re.escape(stem) + r"-(\d{8}-\d{6})\.sqlite3$")


def inspect(path: str | Path) -> BackupCopy:
    """Open a copy read-only and check it: integrity, schema version, counts.
    Raises DatabaseUnavailable when it cannot be restored."""
    path = Path(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                raise DatabaseUnavailable(f"Bản sao lưu «{path.name}» bị hỏng ({'; '.join(rows[:2])}).")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "dv_meta" not in tables:
                raise DatabaseUnavailable(f"«{path.name}» không phải bản sao lưu của chương trình.")
            row = conn.execute("SELECT value FROM dv_meta WHERE key='schema_version'").fetchone()
            counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in COUNTED if t in tables}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(f"Không đọc được bản sao lưu «{path.name}»: {exc}.") from exc
    match = re.search(r"-(\d{8}-\d{6})\.sqlite3$", path.name)
    st = path.stat()
    taken = dt.datetime.strptime(match.group(1), _STAMP) if match else dt.datetime.fromtimestamp(st.st_mtime)
    return BackupCopy(path, taken, st.st_size, int(row[0]) if row else None, counts)


def _fsync(path: Path) -> None:
    """Push the file (and the folder's entry) to the device: a USB stick pulled
    out right after must still hold the copy."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        dfd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder: its rename is durable enough
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def _explain(exc: OSError, folder: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"Ổ đĩa của thư mục sao lưu «{folder}» đã đầy: bản sao lưu mới chưa được ghi, các bản cũ vẫn còn."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return not_writable(folder)
    return f"Không ghi được bản sao lưu vào «{folder}»: {exc.strerror or exc}."


def back_up(source: str | Path, folder: str | Path, *, at: dt.datetime | None = None) -> BackupCopy:
    """One verified copy of *source* in *folder*, then the rotation."""
    source, folder = Path(source), Path(folder)
    at = (at or dt.datetime.now()).replace(microsecond=0)
    if not folder.is_dir():
        try:
            if folder.parent.is_dir() and folder.name == "sao-luu":
                folder.mkdir()
            else:
                raise DatabaseUnavailable(f"Không tìm thấy thư mục sao lưu «{folder}» (USB chưa cắm, hoặc ổ mạng chưa nối?).")
        except OSError as exc:
            raise DatabaseUnavailable(_explain(exc, folder)) from exc
    require_writable_folder(folder, DatabaseUnavailable)  # said before SQLite fails to open a file there
    final = folder / _name(source.stem, at)
    partial = folder / (final.name + ".dang-ghi")
    _remove_stale(folder, source.stem)
    try:
        try:
            backup_sqlite(source, partial)
        except DatabaseUnavailable as exc:
            cause = exc.__cause__
            if isinstance(cause, OSError):
                raise DatabaseUnavailable(_explain(cause, folder)) from cause
            if isinstance(cause, sqlite3.Error) and "full" in str(cause).lower():
                raise DatabaseUnavailable(_explain(OSError(errno.ENOSPC, "full"), folder)) from cause
            raise
        _fsync(partial)
        copy = inspect(partial)
        partial.replace(final)
        _fsync(final)
    except OSError as exc:
        raise DatabaseUnavailable(_explain(exc, folder)) from exc
    finally:
        for leftover in (partial, partial.with_name(partial.name + ".tmp"), partial.with_name(partial.name + "-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
    rotate(folder, source.stem, now=at)
    return BackupCopy(final, at, copy.size_bytes, copy.schema_version, copy.counts)


def _remove_stale(folder: Path, stem: str) -> None:
    """Half-written copies of a run that was cut off (power cut, killed): never
    a copy, never restored, removed by the next run."""
    pattern = re.compile(re.escape(stem) + r"-\d{8}-\d{6}\.sqlite3\.dang-ghi")
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if pattern.match(name):
            try:
                (folder / name).unlink()
            except OSError:
                pass


def newest_for(source: str | Path, settings: BackupSettings | None = None) -> BackupCopy | None:
    """The newest copy of *source* that passes the check, for a window that
    cannot open the database and offers to restore (None: no good copy)."""
    settings = settings or load_settings()
    for _taken, path in copies(settings.target_folder(), Path(source).stem):
        try:
            return inspect(path)
        except DatabaseUnavailable:
            continue
    return None


# --- the folder's copies ---------------------------------------------------------------


def copies(folder: str | Path, stem: str) -> list[tuple[dt.datetime, Path]]:
    """The program's copies of the database *stem* in *folder*, newest first
    (other files in the folder are never touched)."""
    folder = Path(folder)
    pattern = _pattern(stem)
    found = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        m = pattern.match(name)
        if m:
            try:
                found.append((dt.datetime.strptime(m.group(1), _STAMP), folder / name))
            except ValueError:
                continue
    return sorted(found, reverse=True)


def to_keep(times: list[dt.datetime]) -> set[dt.datetime]:
    """The rotation: the newest copy of each of the 7 latest days that have
    one, of each of the 4 latest weeks, of each of the 12 latest months
    (a copy can count for all three); the newest copy is always kept."""
    times = sorted(times, reverse=True)
    keep: set[dt.datetime] = set(times[:1])
    for limit, bucket in ((KEEP_DAILY, lambda t: t.date()), (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
                          (KEEP_MONTHLY, lambda t: (t.year, t.month))):
        seen = []
        for t in times:
            b = bucket(t)
            if b not in seen:
                seen.append(b)
                if len(seen) > limit:
                    break
                keep.add(t)
    return keep


def rotate(folder: str | Path, stem: str, *, now: dt.datetime | None = None) -> list[Path]:
    """Remove the copies the rotation does not keep; the removed paths."""
    found = copies(folder, stem)
    keep = to_keep([t for t, _ in found])
    removed = []
    for t, path in found:
        if t not in keep:
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass  # a copy that cannot be removed stays: better one too many
    return removed


def latest(folder: str | Path, stem: str) -> tuple[dt.datetime, Path] | None:
    found = copies(folder, stem)
    return found[0] if found else None


def daily_due(source: str | Path, settings: BackupSettings, *, now: dt.datetime | None = None) -> bool:
    if not settings.daily:
        return False
    last = latest(settings.target_folder(), Path(source).stem)
    return last is None or (now or dt.datetime.now()) - last[0] >= DAILY_EVERY


def automatic(source: str | Path, reason: str, *, settings: BackupSettings | None = None,
              now: dt.datetime | None = None) -> BackupCopy | None:
    """The automatic copy for *reason* ("close" or "daily") when the settings
    ask for it (None otherwise). Writes the outcome to the status file that
    the window shows at the next start."""
    settings = settings or load_settings()
    if reason == "close" and not settings.on_close:
        return None
    if reason == "daily" and not daily_due(source, settings, now=now):
        return None
    try:
        copy = back_up(source, settings.target_folder(), at=now)
    except UserError as exc:
        _record_status({"ok": False, "at": dt.datetime.now().isoformat(timespec="seconds"), "message": exc.message})
        raise
    _record_status({"ok": True, "at": copy.taken_at.isoformat(), "path": str(copy.path), "records": copy.records})
    return copy


def _record_status(status: dict) -> None:
    try:
        (data_dir() / "autobackup-status.json").write_text(json.dumps(status, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass


def last_status() -> dict | None:
    """The outcome of the last automatic copy, for the status bar."""
    try:
        return json.loads((data_dir() / "autobackup-status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
