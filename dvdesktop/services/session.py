"""The open database, for the screens, the command line and worker threads.

One place to open and close the database, to find the log folder and to put
a database error into plain Vietnamese, so that nothing above the services
touches the storage layer (peewee, connections, schema versions):

    info = session.open("--db value or None", create=False)
    ...
    session.close()

Worker threads wrap their job in ``with session.worker():`` so the
connection peewee opened for the thread is closed when the job ends.
"""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..store import database as _db
from ..store import location as _location
from ..store.integrity import HealthReport, check as _check

log = logging.getLogger(__name__)

__all__ = ["DatabaseInfo", "locate", "open", "close", "current", "check", "describe_error", "is_read_only", "require_writable", "log_dir", "worker"]


@dataclass(frozen=True)
class DatabaseInfo:
    """Where a database is and, once opened, what was found there."""

    kind: str  # "sqlite" or "postgresql"
    target: str  # the file path or the URL (with its password)
    where: str  # for the status bar and messages: the file, or the server without the password
    schema_version: int | None = None
    upgrade_backup: str | None = None  # the copy taken before an upgrade at opening, if any
    read_only: bool = False  # a file that cannot be written: looking and printing only

    @property
    def is_postgres(self) -> bool:
        return self.kind == "postgresql"

    def display(self) -> str:
        return self.where


def _info(spec: _location.DatabaseSpec) -> DatabaseInfo:
    return DatabaseInfo(spec.kind, spec.target, spec.display())


def locate(value: str | None = None, *, demo: bool = False) -> DatabaseInfo:
    """Where a --db value points (else DVDESKTOP_DB, else the default file);
    with *demo*, the demo database file. Nothing is opened."""
    if demo and not value:
        return _info(_location.DatabaseSpec("sqlite", _location.demo_database()))
    return _info(_location.resolve(value))


def open(value: str | DatabaseInfo | None = None, *, create: bool = True) -> DatabaseInfo:  # noqa: A001
    """Open the database (creating or upgrading its tables as needed) for
    every thread of the program. create=False is for commands that only
    read: a missing or empty database is an error. Raises UserError
    (DatabaseUnavailable, SchemaTooNew) with a Vietnamese message."""
    spec = _location.DatabaseSpec(value.kind, value.target) if isinstance(value, DatabaseInfo) else _location.resolve(value)
    db = _db.open_database(spec, create=create)
    backup = getattr(db, "dv_upgrade_backup", None)
    return replace(_info(spec), schema_version=_db.schema_version(db),
                   upgrade_backup=str(backup) if backup is not None else None,
                   read_only=bool(getattr(db, "dv_read_only", False)))


def is_read_only() -> bool:
    """Whether the open database can only be read (refuse writing early)."""
    return bool(getattr(_db.database_proxy.obj, "dv_read_only", False))


def require_writable() -> None:
    """Raise a Vietnamese UserError when the open database is read-only."""
    if is_read_only():
        from ..errors import DatabaseUnavailable

        raise DatabaseUnavailable(READ_ONLY_MESSAGE)


READ_ONLY_MESSAGE = ("Cơ sở dữ liệu đang mở ở chế độ chỉ đọc (đĩa CD, USB chống ghi hoặc tệp chỉ cho đọc): "
                     "xem và in được, không lưu được thay đổi. Hãy chép tệp vào thư mục ghi được rồi mở bản chép.")


def close() -> None:
    """Close the database (quietly: closing after a failure must not hide it)."""
    _db.close_database()


def current() -> DatabaseInfo | None:
    """The database opened last (peewee reconnects to it on use), or None."""
    db = _db.database_proxy.obj
    spec = getattr(db, "dv_spec", None)
    return _info(spec) if spec is not None else None


def check() -> HealthReport:
    """Integrity and schema version of the open database."""
    return _check(_db.current_database())


def describe_error(exc: BaseException) -> str | None:
    """A Vietnamese sentence for an error of the database met while working
    (read-only file, lock held too long, server gone), or None when *exc* is
    not one (then it is a bug, for the log)."""
    return _db.describe_database_error(exc)


def log_dir() -> Path:
    """The folder of the program's log files (created when missing)."""
    return _location.log_dir()


@contextlib.contextmanager
def worker() -> Iterator[None]:
    """Around a job in a worker thread: peewee opens one connection per
    thread; this closes the thread's own when the job ends (the database
    stays open for the other threads)."""
    try:
        yield
    finally:
        try:
            _db.close_thread_connection()
        except Exception:  # noqa: BLE001 - must not hide the job's own result or error
            log.debug("closing a worker's connection failed", exc_info=True)
