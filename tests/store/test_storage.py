import sqlite3
import threading

import pytest

from dvdesktop.cli import main
from dvdesktop.errors import DatabaseUnavailable, SchemaTooNew
from dvdesktop.services.register import PersonService
from dvdesktop.store import close_database, migrations, open_database, schema_version
from dvdesktop.store.location import resolve


def test_sqlite_pragmas(sqlite_db):
    assert sqlite_db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert sqlite_db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert sqlite_db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_same_schema_on_both_engines(db):
    assert schema_version(db) == migrations.latest_version()


def test_read_only_open_refuses_missing_file(tmp_path):
    missing = tmp_path / "nope.sqlite3"
    with pytest.raises(DatabaseUnavailable) as err:
        open_database(str(missing), create=False)
    assert "Không tìm thấy" in err.value.message
    assert not missing.exists()


def test_not_our_database_is_refused(tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseUnavailable):
        open_database(str(other))


def test_garbage_file_is_refused_with_message(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseUnavailable) as err:
        open_database(str(bad))
    assert "không phải cơ sở dữ liệu" in err.value.message


def test_newer_schema_is_refused(sqlite_db):
    path = sqlite_db.dv_path
    sqlite_db.execute_sql("UPDATE dv_meta SET value = '999' WHERE key = 'schema_version'")
    close_database()
    with pytest.raises(SchemaTooNew) as err:
        open_database(str(path))
    assert "phiên bản mới hơn" in err.value.message


def test_older_schema_is_upgraded_after_backup(sqlite_db, monkeypatch):
    path = sqlite_db.dv_path
    PersonService.create({"full_name": "Lò Văn Thắng"})
    close_database()
    applied = []

    def add_column(db, migrator):
        from playhouse.migrate import migrate
        import peewee as pw

        migrate(migrator.add_column("person", "nickname", pw.CharField(default="")))
        applied.append(True)

    latest = migrations.latest_version()
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [migrations.Migration(latest + 1, "test", add_column)])
    db = open_database(str(path))
    assert applied == [True]
    assert schema_version(db) == latest + 1
    backup = db.dv_upgrade_backup
    assert backup.exists() and backup.parent == path.parent
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT value FROM dv_meta").fetchone()[0] == str(latest)
    assert conn.execute("SELECT full_name FROM person").fetchone()[0] == "Lò Văn Thắng"
    conn.close()
    assert "nickname" in [c.name for c in db.get_columns("person")]


def test_db_env_variable_and_postgres_url():
    assert resolve("postgresql://u:secret@server:5433/dv").is_postgres
    assert "secret" not in resolve("postgresql://u:secret@server:5433/dv").display()
    assert resolve("~/a.sqlite3").target.endswith("a.sqlite3")


def test_check_command(sqlite_db, capsys):
    path = str(sqlite_db.dv_path)
    close_database()
    assert main(["check", "--db", path]) == 0
    assert "Tình trạng: tốt" in capsys.readouterr().out


def test_check_reports_corruption(sqlite_db, capsys):
    path = sqlite_db.dv_path
    for i in range(300):
        PersonService.model.insert(full_name=f"Người Số {i}", uid=f"u{i}").execute()
    close_database()
    data = bytearray(path.read_bytes())
    data[8192:12288] = b"\xff" * 4096  # clobber a b-tree page
    path.write_bytes(bytes(data))
    code = main(["check", "--db", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("Lỗi:") and "Traceback" not in err


def test_check_missing_database_exit_1(tmp_path, capsys):
    assert main(["check", "--db", str(tmp_path / "x.sqlite3")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Không tìm thấy" in err
    assert not (tmp_path / "x.sqlite3").exists()


def test_usage_error_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["no-such-command"])
    assert exc.value.code == 2


def test_backup_while_writing(sqlite_db, tmp_path, capsys):
    path = str(sqlite_db.dv_path)
    PersonService.create({"full_name": "Sùng A Chứ"})
    stop = threading.Event()

    def writer():
        conn = sqlite3.connect(path, timeout=30)
        i = 0
        while not stop.is_set() and i < 2000:
            conn.execute("INSERT INTO audit_log (at, action, table_name) VALUES ('2025-01-01', 'x', 't')")
            conn.commit()
            i += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert main(["backup", "--db", path, "-o", str(tmp_path / "copy.sqlite3")]) == 0
    finally:
        stop.set()
        thread.join()
    conn = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT full_name FROM person").fetchone()[0] == "Sùng A Chứ"
    conn.close()
    assert "Đã sao lưu" in capsys.readouterr().out
