"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL.

PostgreSQL tests run when DVDESKTOP_TEST_PG names a server URL whose user may
create databases (.ci/run sets it). Without it they are skipped locally; with
CI=true a missing server fails them instead.
"""
from __future__ import annotations

import os
import uuid

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dvdesktop.store import close_database, open_database  # noqa: E402
from dvdesktop.store.models import ALL_MODELS  # noqa: E402

PG_URL = os.environ.get("DVDESKTOP_TEST_PG", "")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(autouse=True)
def _private_data_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real user's data or log folder."""
    base = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("DVDESKTOP_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("DVDESKTOP_LOG_DIR", str(base / "log"))
    monkeypatch.delenv("DVDESKTOP_DB", raising=False)


class PgServer:
    """One scratch database on the test server for the whole session."""

    def __init__(self, admin_url: str):
        import psycopg2

        self.name = f"dvtest_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.admin_url = admin_url
        conn = psycopg2.connect(admin_url)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{self.name}" ENCODING \'UTF8\' TEMPLATE template0')
        conn.close()
        base, _, _ = admin_url.rpartition("/")
        self.url = f"{base}/{self.name}"
        self.created = False

    def drop(self):
        import psycopg2

        close_database()
        conn = psycopg2.connect(self.admin_url)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        conn.close()


@pytest.fixture(scope="session")
def pg_server():
    if not PG_URL:
        if IN_CI:
            pytest.fail("CI=true but DVDESKTOP_TEST_PG is not set: the PostgreSQL tests must run in CI.")
        pytest.skip("no PostgreSQL server (set DVDESKTOP_TEST_PG=postgresql://user:pass@host/postgres)")
    server = PgServer(PG_URL)
    yield server
    server.drop()


def _empty_postgres(server: PgServer) -> str:
    db = open_database(server.url)
    tables = ", ".join(f'"{m._meta.table_name}"' for m in ALL_MODELS if m._meta.table_name != "dv_meta")
    db.execute_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    return server.url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A URL or path of an empty, opened and bound database; every test using
    it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        path = str(tmp_path / "test.sqlite3")
        open_database(path)
        yield path
    else:
        server = request.getfixturevalue("pg_server")
        yield _empty_postgres(server)
    close_database()


@pytest.fixture
def pg_url(pg_server):
    """An empty, opened PostgreSQL database alone, for the few tests whose
    subject is PostgreSQL itself (e.g. the GUI's backup pointing to pg_dump)."""
    yield _empty_postgres(pg_server)
    close_database()


@pytest.fixture
def db(db_url):
    """The opened peewee database (SQLite or PostgreSQL)."""
    from dvdesktop.store import current_database

    return current_database()


@pytest.fixture
def sqlite_db(tmp_path):
    """SQLite only, for tests of file-level behaviour (backup, WAL, migrations)."""
    path = tmp_path / "test.sqlite3"
    database = open_database(str(path))
    database.dv_path = path
    yield database
    close_database()
