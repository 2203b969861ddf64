"""Faults of the environment: a full disk (a real small tmpfs), a read-only
database (its file system remounted read-only), a database locked by
another program, an unreachable or vanished server, a truncated or garbage
file, a database of a newer version. Each gives a clear Vietnamese message
and nothing is corrupted."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess

import peewee as pw
import pytest

from dvdesktop.errors import DatabaseUnavailable, SchemaTooNew
from dvdesktop.services import session
from dvdesktop.services.register import AreaService, PersonService
from dvdesktop.store import close_database, current_database, open_database

from tests.safety.helpers import integrity, remount_read_only, tmpfs


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _people(path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        conn.close()


def test_full_disk_under_the_database(tmp_path):
    """The database on a 4 MB tmpfs: people with long notes until the disk is full."""
    with tmpfs(tmp_path / "nho", "4m") as disk:
        path = disk / "xa.sqlite3"
        open_database(str(path))
        area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
        saved, message = 0, None
        for i in range(2000):
            try:
                PersonService.create({"full_name": "Tòng Văn " + "ABCDEGHIKLMNOPQSTUVXY"[i % 21] * (1 + i // 21),
                                      "area": area.id, "notes": "Ghi chú về gia đình. " * 150})
                saved += 1
            except Exception as exc:  # noqa: BLE001 - the error of the full disk, read below
                message = session.describe_error(exc)
                break
        assert message == "Ổ đĩa đã đầy, không ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại."
        assert saved > 10
        close_database()
        # Every saved person is there, whole; the refused one is not.
        subprocess.run(["mount", "-o", "remount,size=16m", str(disk)], check=True)
        assert integrity(path) == ["ok"]
        assert _people(path) == saved
        open_database(str(path))
        PersonService.create({"full_name": "Tòng Văn Sau", "area": area.id})
        close_database()
        assert _people(path) == saved + 1
        print(f"\nfull disk under the database: {saved} people saved before it filled, 0 lost, 0 partial")


def test_read_only_database_file(sqlite_db):
    """A file the clerk may only read (mode 444, the program run as an
    unprivileged user): reading works, a change is refused with a message."""
    import os
    import sys
    import tempfile

    PersonService.create({"full_name": "Tòng Văn Panh"})
    close_database()
    if shutil.which("setpriv") is None or os.geteuid() != 0:
        pytest.skip("needs root and setpriv to run the program as another user")
    folder = tempfile.mkdtemp(prefix="dv-ro-")
    try:
        os.chmod(folder, 0o777)
        path = os.path.join(folder, "xa.sqlite3")
        shutil.copy(sqlite_db.dv_path, path)
        os.chmod(path, 0o444)
        before = _digest(__import__("pathlib").Path(path))
        env = {**os.environ, "DVDESKTOP_DATA_DIR": os.path.join(folder, "data"),
               "DVDESKTOP_LOG_DIR": os.path.join(folder, "log")}
        as_nobody = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", sys.executable, "-m", "dvdesktop"]
        read = subprocess.run([*as_nobody, "stats", "--db", path], capture_output=True, text=True, env=env)
        assert read.returncode == 0, read.stderr
        write = subprocess.run([*as_nobody, "personal", "--db", path, "retention", "--years", "5"],
                               capture_output=True, text=True, env=env)
        assert write.returncode == 1
        assert write.stderr.strip() == f"Lỗi: Tệp «{path}» chỉ cho phép đọc, không ghi được. " \
                                       "Hãy chép tệp sang thư mục khác hoặc sửa quyền.", write.stderr
        assert _digest(__import__("pathlib").Path(path)) == before and integrity(path) == ["ok"]
        print(f"\nread-only file: {write.stderr.strip()}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_read_only_file_system(tmp_path, sqlite_db):
    PersonService.create({"full_name": "Tòng Văn Panh"})
    close_database()
    with tmpfs(tmp_path / "ro", "8m") as disk:
        path = disk / "xa.sqlite3"
        shutil.copy(sqlite_db.dv_path, path)
        remount_read_only(disk)  # a USB stick's lock switch, a share mounted read-only
        before = _digest(path)
        # Opened read-only for looking and printing (store/database.py); a change is refused in words.
        open_database(str(path))
        assert [p.full_name for p in PersonService.active()] == ["Tòng Văn Panh"]
        with pytest.raises(pw.OperationalError) as err:
            PersonService.create({"full_name": "Lò Thị Mới"})
        message = session.describe_error(err.value)
        assert "chỉ cho phép đọc" in message or "chỉ đọc" in message, message
        close_database()
        assert _digest(path) == before and integrity(path, immutable=True) == ["ok"]
        print(f"\nread-only file system: opened read-only; a change: «{message}»")


def test_database_locked_by_another_program(sqlite_db):
    PersonService.create({"full_name": "Tòng Văn Panh"})
    other = sqlite3.connect(sqlite_db.dv_path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO setting (uid, created_at, updated_at, version, key, value) "
                  "VALUES ('x', '2026-01-01', '2026-01-01', 1, 'khac', '1')")
    try:
        current_database().execute_sql("PRAGMA busy_timeout = 300")  # the real wait is 10 s
        with pytest.raises(pw.OperationalError) as err:
            PersonService.create({"full_name": "Lò Thị Mới"})
        assert session.describe_error(err.value) == (
            "Cơ sở dữ liệu đang bị máy khác hoặc chương trình khác khóa. Hãy thử lại sau ít phút.")
    finally:
        other.rollback()
        other.close()
    PersonService.create({"full_name": "Lò Thị Mới"})
    assert PersonService.active().count() == 2 and integrity(sqlite_db.dv_path) == ["ok"]


def test_unreachable_server():
    with pytest.raises(DatabaseUnavailable) as err:
        open_database("postgresql://dvtest:dvtest@127.0.0.1:1/khong_co")
    assert err.value.message == "Không kết nối được máy chủ PostgreSQL dvtest@127.0.0.1:1/khong_co. Hãy kiểm tra mạng và máy chủ."


@pytest.mark.postgres
def test_server_gone_while_working(pg_url):
    import psycopg2

    PersonService.create({"full_name": "Tòng Văn Panh"})
    pid = current_database().execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    from tests.conftest import PG_URL

    admin = psycopg2.connect(PG_URL)
    admin.autocommit = True
    admin.cursor().execute("SELECT pg_terminate_backend(%s)", (pid,))
    admin.close()
    with pytest.raises((pw.OperationalError, pw.InterfaceError)) as err:
        PersonService.create({"full_name": "Lò Thị Mới"})
    message = session.describe_error(err.value)
    assert message.startswith("Không kết nối được máy chủ") or message.startswith("Lỗi cơ sở dữ liệu"), message
    current_database().close()
    current_database().connect()
    assert [p.full_name for p in PersonService.active()] == ["Tòng Văn Panh"]  # nothing half-saved
    print(f"\nserver gone: «{message}»")


@pytest.fixture
def real_file(tmp_path):
    """A small real database, closed: to be damaged."""
    path = tmp_path / "xa.sqlite3"
    open_database(str(path))
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    for name in ("Tòng Văn Panh", "Lò Thị Hoa", "Quàng Văn Tâm"):
        PersonService.create({"full_name": name, "area": area.id, "notes": "Ghi chú. " * 400})
    current_database().execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    return path


@pytest.mark.parametrize("keep", [0.5, 0.25, 4096])
def test_truncated_file(real_file, keep):
    data = real_file.read_bytes()
    cut = int(len(data) * keep) if keep < 1 else keep
    real_file.write_bytes(data[:cut])
    before = _digest(real_file)
    try:
        info = session.open(str(real_file), create=False)
    except DatabaseUnavailable as exc:
        message = exc.message
    else:
        report = session.check()
        session.close()
        assert not report.healthy and info.schema_version is not None
        message = report.problems[0]
    assert "bị hỏng" in message or "không phải cơ sở dữ liệu" in message, message
    assert _digest(real_file) == before  # nothing written into the damaged file


def test_garbage_file(tmp_path):
    path = tmp_path / "rac.sqlite3"
    path.write_bytes(b"\x00\x17garbage, not a database" * 500)
    with pytest.raises(DatabaseUnavailable, match="không phải cơ sở dữ liệu của chương trình hoặc đã bị hỏng"):
        open_database(str(path))
    assert path.read_bytes() == b"\x00\x17garbage, not a database" * 500


def test_newer_version(real_file):
    conn = sqlite3.connect(real_file)
    conn.execute("UPDATE dv_meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = _digest(real_file)
    with pytest.raises(SchemaTooNew, match="phiên bản mới hơn của chương trình.*Hãy cập nhật chương trình"):
        open_database(str(real_file))
    assert _digest(real_file) == before and _people(real_file) == 3


def test_check_offers_the_newest_good_backup(real_file, tmp_path, capsys):
    from dvdesktop.cli import main
    from dvdesktop.services import autobackup

    folder = tmp_path / "usb"
    folder.mkdir()
    autobackup.save_settings(autobackup.BackupSettings(folder=str(folder)))
    good = autobackup.back_up(real_file, folder)
    real_file.write_bytes(b"garbage" * 1000)
    assert main(["check", "--db", str(real_file)]) == 1
    err = capsys.readouterr().err
    assert "không phải cơ sở dữ liệu của chương trình hoặc đã bị hỏng" in err
    assert f"Có bản sao lưu tốt lúc {good.taken_at:%H:%M %d/%m/%Y} (4 bản ghi)" in err and str(good.path) in err
