"""Opening a database (SQLite file or PostgreSQL server), schema version checks,
upgrades, and consistent backup copies."""
from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path, PurePath

import peewee as pw

from ..errors import DatabaseUnavailable, EmptyDatabase, SchemaTooNew, UserError
from ..lean_peewee import arm_sqlite
from . import audit_guard, count_indexes, migrations, network_path
from .base import database_proxy
from .location import DatabaseSpec, resolve
from .models import ALL_MODELS, Meta

log = logging.getLogger(__name__)


class _NeverRaised(Exception):
    pass


def sqlite_error(name: str) -> type[BaseException]:
    """sqlite3's exception class *name* for an except clause; a class never
    raised when sqlite3 was never loaded (a server: lean_peewee.py)."""
    module = sys.modules.get("sqlite3")
    return getattr(module, name) if module is not None else _NeverRaised

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10000,  # ms: another PC or the backup thread may hold a lock briefly
    "synchronous": "normal",
    # 8 MB per connection (each thread has its own): the file's pages stay in
    # the system's cache anyway, and 32 MB a thread doubled the window's memory
    # on a province database (bench/bench_startup.py)
    "cache_size": -8000,
}


class _Savepoint(pw._savepoint):
    def rollback(self, begin=True):
        if self.db.in_transaction():
            super().rollback(begin)


# A database that cannot be written (a CD, a write-protected USB stick, a file
# shared read-only) is opened read-only for looking and printing: no WAL
# switch, no -wal/-shm files created beside it.
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 10000, "cache_size": -32000}


class Sqlite(pw.SqliteDatabase):
    """SQLite rolls a transaction back by itself on some errors (a full disk,
    an I/O error); peewee's rollback after that would fail with "no
    transaction is active" and hide the real error from the clerk."""

    def in_transaction(self) -> bool:
        conn = self._state.conn
        return conn is not None and conn.in_transaction

    def rollback(self):
        if self.in_transaction():
            super().rollback()

    def savepoint(self):
        return _Savepoint(self)


def sqlite_writable(path: Path) -> bool:
    """Whether this process may write the file and create files beside it
    (SQLite's journal). The effective ids count: that is what the OS checks."""
    try:
        ids = os.access in os.supports_effective_ids
        return (os.access(path, os.W_OK, effective_ids=ids)
                and os.access(path.parent, os.W_OK | os.X_OK, effective_ids=ids))
    except OSError:
        return False


def _connect_sqlite_read_only(path: Path, immutable: bool) -> pw.SqliteDatabase:
    arm_sqlite()
    # file:///… (file:///C:/… on Windows, non-ASCII folder names escaped)
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    db = Sqlite(uri, pragmas=READ_ONLY_PRAGMAS, check_same_thread=False, uri=True)
    db.dv_read_only = True
    return db


SQLITE_HEADER = b"SQLite format 3\x00"


def _check_sqlite_header(path: Path, create: bool) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseUnavailable(f"Không đọc được tệp «{path}» (tệp đang bị khóa hoặc không có quyền đọc).") from exc
    if not head:
        if not create:
            raise DatabaseUnavailable(f"Cơ sở dữ liệu «{path}» còn trống, chưa có dữ liệu.")
        return
    if head != SQLITE_HEADER:
        raise DatabaseUnavailable(f"Tệp «{path}» không phải cơ sở dữ liệu của chương trình hoặc đã bị hỏng. "
                                  "Hãy mở tệp khác hoặc khôi phục từ bản sao lưu.")


def _pragmas(path: Path) -> dict:
    """WAL on a local disk, the rollback journal on a network share (network_path)."""
    return {**SQLITE_PRAGMAS, "journal_mode": network_path.journal_mode(str(path))}


def _connect_sqlite(path: Path, create: bool) -> pw.SqliteDatabase:
    arm_sqlite()  # SQLite's driver for peewee, only now (lean_peewee.py)
    effective = os.access in os.supports_effective_ids
    if not path.exists():
        if not create:
            where = " Tệp ở ổ mạng: hãy kiểm tra máy chủ, mạng và quyền truy cập." if network_path.is_network_path(
                str(path)) else ""
            raise DatabaseUnavailable(f"Không tìm thấy cơ sở dữ liệu «{path}».{where}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(f"Không tạo được thư mục «{path.parent}» (ổ chỉ đọc hoặc không có quyền "
                                      "ghi). Hãy chọn thư mục khác, ví dụ Tài liệu.") from exc
        if not os.access(path.parent, os.W_OK | os.X_OK, effective_ids=effective):
            raise DatabaseUnavailable(f"Thư mục «{path.parent}» chỉ đọc, không tạo được cơ sở dữ liệu ở đó. "
                                      "Hãy chọn thư mục khác, ví dụ Tài liệu.")
        return Sqlite(str(path), pragmas=_pragmas(path), check_same_thread=False)
    if path.is_dir():
        raise DatabaseUnavailable(f"«{path}» là một thư mục, không phải tệp cơ sở dữ liệu.")
    if not os.access(path, os.R_OK, effective_ids=effective):
        raise DatabaseUnavailable(f"Không có quyền đọc tệp «{path}». Hãy nhờ người quản trị máy cấp quyền.")
    # look before SQLite writes its header into an empty file, or a WAL switch into someone else's file
    _check_sqlite_header(path, create)
    if not sqlite_writable(path):
        return _connect_sqlite_read_only(path, immutable=False)
    return Sqlite(str(path), pragmas=_pragmas(path), check_same_thread=False)


def _connect_postgres(url: str) -> pw.PostgresqlDatabase:
    from ..lean_peewee import arm
    from .pg_connect import connect_params

    arm()  # psycopg2 for peewee, only now (lean_peewee.py)
    params = connect_params(url, pw.psycopg2.extensions.libpq_version() if pw.psycopg2 else 0)
    return pw.PostgresqlDatabase(params.pop("database"), **params)


def _read_only_place(path: Path) -> bool:
    """The file's folder cannot be written (SQLite keeps its journal and WAL
    index beside the file)."""
    folder = path.parent
    try:
        if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
        return folder.exists() and not os.access(folder, os.W_OK)
    except OSError:
        return False


def explain_operational_error(exc: Exception, spec: DatabaseSpec, fallback: bool = True) -> str | None:
    """Plain Vietnamese for errors of the environment (never the driver's
    English text); for anything else a general sentence, or None without
    *fallback*."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "Cơ sở dữ liệu đang bị máy khác hoặc chương trình khác khóa. Hãy thử lại sau ít phút."
    if "readonly" in text or "read-only" in text or "read only" in text:
        return f"Tệp «{spec.target}» chỉ cho phép đọc, không ghi được. Hãy chép tệp sang thư mục khác hoặc sửa quyền."
    if "disk is full" in text or "no space" in text or "database or disk is full" in text:
        return "Ổ đĩa đã đầy, không ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại."
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return f"Tệp «{spec.target}» không phải cơ sở dữ liệu của chương trình hoặc đã bị hỏng."
    if "disk i/o error" in text:
        return (f"Không đọc, ghi được tệp «{spec.target}» (lỗi ổ đĩa, USB bị rút ra hoặc mạng chập chờn). "
                "Hãy kiểm tra ổ đĩa rồi thử lại.")
    if "unable to open" in text:
        if not spec.is_postgres and _read_only_place(Path(spec.target)):
            return (f"Tệp «{spec.target}» nằm trên ổ đĩa hoặc thư mục chỉ cho phép đọc (USB gạt khóa, thư mục dùng chung "
                    "không có quyền ghi): chương trình cần ghi được vào thư mục đó. Hãy chép tệp sang máy rồi mở.")
        folder = Path(spec.target).parent
        if not spec.is_postgres and not os.access(folder, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
            return f"Không mở được tệp «{spec.target}»: thư mục «{folder}» chỉ đọc hoặc không có quyền ghi."
        return f"Không mở được tệp «{spec.target}» (tệp đang bị chương trình khác giữ hoặc không có quyền)."
    if spec.is_postgres and any(s in text for s in ("could not connect", "connection refused", "timeout", "could not translate host", "server closed")):
        return f"Không kết nối được máy chủ {spec.display()}. Hãy kiểm tra mạng và máy chủ."
    if spec.is_postgres and ("password authentication" in text or "authentication failed" in text):
        return f"Máy chủ {spec.display()} từ chối tên đăng nhập hoặc mật khẩu."
    if spec.is_postgres and "does not exist" in text:
        return f"Máy chủ không có cơ sở dữ liệu được chỉ định ({spec.display()})."
    if spec.is_postgres and ("permission denied" in text):
        return f"Tài khoản trên máy chủ {spec.display()} không có quyền làm việc này. Hãy hỏi người quản trị máy chủ."
    if not fallback:
        return None
    log.warning("database error not explained: %s", exc)  # the driver's words stay in the log
    return (f"Cơ sở dữ liệu «{spec.display()}» báo lỗi, không dùng được lúc này. Hãy thử lại; nếu vẫn lỗi, "
            "hãy khôi phục từ bản sao lưu (chi tiết đã ghi vào nhật ký).")


def describe_database_error(exc: BaseException) -> str | None:
    """Plain Vietnamese for a database error met after the database was opened
    (a write to a read-only file, a lock held too long, the server gone), or
    None when *exc* is not an error of the database."""
    if not isinstance(exc, (pw.OperationalError, pw.InterfaceError, sqlite_error("OperationalError"))):
        return None  # integrity or SQL errors are bugs: they go to the log
    spec = getattr(database_proxy.obj, "dv_spec", None) or DatabaseSpec("sqlite", "?")
    return explain_operational_error(exc, spec, fallback=False)  # unknown: a bug, for the log


def schema_version(db: pw.Database) -> int | None:
    """The schema version stored in *db*, None for an empty database."""
    if not db.table_exists(Meta._meta.table_name):
        tables = db.get_tables()
        if tables:
            raise DatabaseUnavailable("Cơ sở dữ liệu này không phải của chương trình Tổ dân vận (thiếu bảng phiên bản).")
        return None
    row = db.execute_sql(f"SELECT value FROM {Meta._meta.table_name} WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def _set_version(db: pw.Database, version: int) -> None:
    Meta.insert(key="schema_version", value=str(version)).on_conflict(
        conflict_target=[Meta.key], update={Meta.value: str(version)}
    ).execute()


def backup_sqlite(source: str | Path, target: str | Path) -> Path:
    """A consistent copy of a SQLite database, even while it is being written
    (SQLite online backup API)."""
    source, target = Path(source), Path(target)
    if not source.exists():
        raise DatabaseUnavailable(f"Không tìm thấy cơ sở dữ liệu «{source}».")
    # The folder is made when missing (the program's own backup folders); a
    # folder typed by a clerk is checked before (services.files.check_output_folder).
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailable(f"Không tạo được thư mục «{target.parent}» (ổ chỉ đọc hoặc không có quyền ghi).") from exc
    import sqlite3

    tmp = target.with_name(target.name + ".tmp")
    try:
            # a database on a CD cannot get the -shm file WAL reading needs: read it as it is
        immutable = "" if sqlite_writable(source) else "&immutable=1"
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro{immutable}", uri=True, timeout=30)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst, pages=1024)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        tmp.replace(target)
    except sqlite3.Error as exc:
        _unlink_quietly(tmp)
        if not os.access(target.parent, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
            raise DatabaseUnavailable(f"Không ghi được vào thư mục «{target.parent}» (chỉ đọc hoặc không có "
                                      "quyền ghi). Hãy chọn thư mục khác.") from exc
        raise DatabaseUnavailable(f"Không sao lưu được: {explain_operational_error(exc, DatabaseSpec('sqlite', str(source)))}") from exc
    except OSError as exc:
        _unlink_quietly(tmp)
        raise DatabaseUnavailable(f"Không ghi được tệp sao lưu «{target}» (thư mục chỉ đọc, ổ đầy hoặc tệp đang "
                                  "mở). Hãy chọn chỗ khác.") from exc
    return target


def upgrade_backup_path(path: PurePath, version: int, when: dt.datetime) -> PurePath:
    """The copy taken before an upgrade, beside the database (on its share
    too): 'dvdesktop.v3-20260105-093000.bak.sqlite3', valid on Windows."""
    return path.with_name(f"{path.stem}.v{version}-{when:%Y%m%d-%H%M%S}.bak{path.suffix}")


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # the cleanup must not hide the error being reported
        pass


def _upgrade(db: pw.Database, spec: DatabaseSpec, current: int) -> Path | None:
    steps = migrations.pending(current)
    if not steps:
        return None
    backup = None
    if not spec.is_postgres:
        path = Path(spec.target)
        backup = backup_sqlite(path, upgrade_backup_path(path, current, dt.datetime.now()))
        log.info("backup before upgrade written to %s", backup)
    from playhouse.migrate import SchemaMigrator  # brings psycopg2: only when there is an upgrade to do

    migrator = SchemaMigrator.from_database(db)
    for step in steps:
        with db.atomic():
            step.apply(db, migrator)
            _set_version(db, step.version)
        log.info("database upgraded to schema %d (%s)", step.version, step.description)
    return backup


def open_database(value: str | DatabaseSpec | None = None, *, create: bool = True) -> pw.Database:
    """Open and bind the database named by *value* (see location.resolve).

    create=False is for commands that only read: a missing file is an error
    instead of a new empty database. Raises DatabaseUnavailable / SchemaTooNew.
    """
    spec = value if isinstance(value, DatabaseSpec) else resolve(value)
    try:
        if spec.is_postgres:
            db = _connect_postgres(spec.target)
        else:
            db = _connect_sqlite(Path(spec.target), create)
        try:
            db.connect(reuse_if_open=True)
            database_proxy.initialize(db)
            db.dv_spec = spec
            current = schema_version(db)
        except (pw.OperationalError, sqlite_error("OperationalError")):
            if not getattr(db, "dv_read_only", False):
                raise
            # A WAL database in a folder that cannot be written has no -shm
            # file to read through: read the file as it is (nobody can be
            # writing it there).
            _close_quietly()
            db = _connect_sqlite_read_only(Path(spec.target), immutable=True)
            db.connect()
            database_proxy.initialize(db)
            db.dv_spec = spec
            current = schema_version(db)
        read_only = getattr(db, "dv_read_only", False)
        if current is None:
            if read_only:
                raise DatabaseUnavailable(f"Tệp «{spec.display()}» chỉ đọc được và còn trống, chưa có dữ liệu.")
            if not create:
                raise EmptyDatabase(f"Cơ sở dữ liệu «{spec.display()}» còn trống, chưa có dữ liệu.")
            with db.atomic():
                db.create_tables(ALL_MODELS)
                audit_guard.install(db)
                _set_version(db, migrations.latest_version())
        elif current > migrations.latest_version():
            raise SchemaTooNew(
                f"Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của chương trình (lược đồ {current}, "
                f"chương trình này chỉ hiểu đến {migrations.latest_version()}). Hãy cập nhật chương trình."
            )
        elif current < migrations.latest_version() and read_only:
            raise DatabaseUnavailable(
                f"Cơ sở dữ liệu «{spec.display()}» của phiên bản cũ hơn cần được nâng cấp, nhưng tệp chỉ đọc được. "
                "Hãy chép tệp vào một thư mục ghi được (ví dụ Tài liệu) rồi mở bản chép.")
        elif current < migrations.latest_version():
            db.dv_upgrade_backup = _upgrade(db, spec, current)
        if current is not None and not read_only:
            count_indexes.ensure(db)  # the overview's indexes, on a database made before them
        return db
    except UserError:
        _close_quietly()
        raise
    except (pw.OperationalError, pw.DatabaseError, sqlite_error("Error")) as exc:
        _close_quietly()
        raise DatabaseUnavailable(explain_operational_error(exc, spec)) from exc


def _close_quietly() -> None:
    try:
        if database_proxy.obj is not None and not database_proxy.obj.is_closed():
            database_proxy.obj.close()
    except Exception:  # noqa: BLE001 - closing after a failure must not hide it
        pass


def current_database() -> pw.Database:
    if database_proxy.obj is None:
        raise DatabaseUnavailable("Chưa mở cơ sở dữ liệu.")
    return database_proxy.obj


def close_database() -> None:
    _close_quietly()


def close_thread_connection() -> None:
    """Close the calling thread's connection (peewee keeps one per thread);
    the database stays open for the other threads. Worker threads call it
    when their job is done."""
    _close_quietly()
