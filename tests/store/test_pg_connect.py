"""Connecting to PostgreSQL: the URL read as libpq reads it, GSSAPI encryption
off unless asked for, and no second OpenSSL (Python's ssl module) loaded
with the driver (store/pg_connect.py, lean_peewee.arm)."""
from __future__ import annotations

import subprocess
import sys
import uuid

import pytest

from dvdesktop.errors import DatabaseUnavailable
from dvdesktop.store.pg_connect import connect_params

LIBPQ_17 = 170000


def test_the_url_s_parts_are_decoded_as_libpq_decodes_them():
    url = "postgresql://c%C3%A1n%20b%E1%BB%99:p%40ss%3Aw%2Fo%25rd%E1%BB%87@db.xa.vn:5433/t%E1%BB%95%20d%C3%A2n"
    assert connect_params(url, LIBPQ_17, environ={}) == {
        "database": "tổ dân", "user": "cán bộ", "password": "p@ss:w/o%rdệ", "host": "db.xa.vn", "port": 5433,
        "connect_timeout": 10, "gssencmode": "disable"}


def test_the_query_s_options_reach_libpq_as_written():
    params = connect_params("postgresql://u@h/db?sslmode=verify-full&sslrootcert=/etc/ca.pem&connect_timeout=3"
                            "&application_name=dv", LIBPQ_17, environ={})
    assert params["sslmode"] == "verify-full" and params["sslrootcert"] == "/etc/ca.pem"
    assert params["connect_timeout"] == "3" and params["application_name"] == "dv"
    assert "password" not in params and "port" not in params


def test_gssapi_encryption_is_off_unless_the_url_or_the_environment_asks_for_it():
    assert connect_params("postgresql://u@h/db", LIBPQ_17, environ={})["gssencmode"] == "disable"
    assert connect_params("postgresql://u@h/db?gssencmode=prefer", LIBPQ_17, environ={})["gssencmode"] == "prefer"
    assert "gssencmode" not in connect_params("postgresql://u@h/db", LIBPQ_17, environ={"PGGSSENCMODE": "require"})
    # libpq before 12 does not know the option and would refuse the connection
    assert "gssencmode" not in connect_params("postgresql://u@h/db", 110005, environ={})


def test_a_bad_port_is_a_clear_message():
    with pytest.raises(DatabaseUnavailable, match="cổng không hợp lệ"):
        connect_params("postgresql://u:secret@h:54x2/db", LIBPQ_17, environ={})


FRESH_OPEN = """
import sys
from dvdesktop.store import open_database
from dvdesktop.store.models import Team
db = open_database(sys.argv[1])
print(Team.select().count())
print(" ".join(sorted(m for m in ("ssl", "_ssl", "playhouse", "playhouse.db_url", "playhouse.pool", "sqlite3", "_sqlite3") if m in sys.modules)) or "none")
dsn = db.connection().get_dsn_parameters()
print(dsn.get("gssencmode"), dsn.get("sslmode"))
import ssl  # the real module, for whoever needs it later
print(ssl.OPENSSL_VERSION.split()[0])
"""


def _fresh(script: str, *args: str, env=None) -> list[str]:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()


@pytest.mark.postgres
def test_a_fresh_process_on_a_server_loads_neither_python_s_ssl_nor_playhouse_nor_sqlite(pg_url):
    count, loaded, modes, openssl = _fresh(FRESH_OPEN, pg_url)
    assert count == "0"
    assert loaded == "none"
    assert modes == "disable prefer"  # libpq's sslmode default untouched
    assert openssl == "OpenSSL"


@pytest.mark.postgres
def test_the_url_s_sslmode_and_gssencmode_are_kept(pg_url):
    _count, _loaded, modes, _ = _fresh(FRESH_OPEN, pg_url + "?sslmode=disable&gssencmode=prefer")
    assert modes == "prefer disable"


@pytest.mark.postgres
def test_a_password_with_signs_and_vietnamese_letters_signs_in(pg_server):
    """The connection form encodes the password into the URL
    (recent_databases.server_url); it must reach the server decoded."""
    import psycopg2

    from dvdesktop.services.recent_databases import server_url
    from dvdesktop.store import close_database, open_database
    from dvdesktop.store.models import Team

    role, name = f"dv cán bộ {uuid.uuid4().hex[:6]}", f"dvpw_{uuid.uuid4().hex[:8]}"
    password = "m@t:kh/ẩu%20#?"
    admin = psycopg2.connect(pg_server.admin_url)
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(f"CREATE ROLE \"{role}\" LOGIN PASSWORD %s", (password,))
            cur.execute(f'CREATE DATABASE "{name}" OWNER "{role}" ENCODING \'UTF8\' TEMPLATE template0')
        host = psycopg2.extensions.parse_dsn(pg_server.admin_url)
        url = server_url(host.get("host", "localhost"), name, role, password, int(host.get("port", 5432)))
        open_database(url)
        assert Team.select().count() == 0
        close_database()
        with pytest.raises(DatabaseUnavailable, match="từ chối"):
            open_database(server_url(host.get("host", "localhost"), name, role, "sai", int(host.get("port", 5432))))
    finally:
        close_database()
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(f'DROP ROLE IF EXISTS "{role}"')
        admin.close()


# --- SSL: a server of its own with a certificate (the shared test server has no SSL) ---------------


def _run_as_server_user(args: list[str], **kw):
    import os

    if os.geteuid() == 0:  # initdb and postgres refuse root: as the postgres account
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kw)


@pytest.fixture(scope="module")
def ssl_server():
    """A throwaway PostgreSQL cluster with ssl=on and a self-signed
    certificate; its URL (scram-sha-256 password) and the certificate."""
    import glob
    import os
    import shutil
    import socket
    import tempfile
    from pathlib import Path

    initdb = shutil.which("initdb") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))), None)
    if not (initdb and shutil.which("openssl")) or (os.geteuid() == 0 and not shutil.which("runuser")):
        pytest.skip("no initdb/openssl here to start a server with SSL")
    bindir = os.path.dirname(os.path.realpath(initdb))
    base = Path(tempfile.mkdtemp(prefix="dvdesktop-pgssl-"))  # in /tmp: pytest's folders are closed to other accounts
    data, password = base / "data", "mật-khẩu"
    (base / "pw").write_text(password + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(base / "pw", "postgres")
    done = _run_as_server_user([f"{bindir}/initdb", "-D", str(data), "-U", "postgres", "-A", "scram-sha-256",
                                f"--pwfile={base / 'pw'}", "-E", "UTF8"])
    assert done.returncode == 0, done.stderr
    crt, key = data / "server.crt", data / "server.key"
    done = _run_as_server_user(["openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=localhost",
                                "-keyout", str(key), "-out", str(crt)])
    assert done.returncode == 0, done.stderr
    key.chmod(0o600)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    options = f"-p {port} -c ssl=on -c listen_addresses=127.0.0.1 -c unix_socket_directories={base}"
    done = _run_as_server_user([f"{bindir}/pg_ctl", "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start"])
    assert done.returncode == 0, done.stderr + (base / "log").read_text()
    ca = base / "ca.crt"  # a copy the test process may read
    shutil.copy(crt, ca)
    ca.chmod(0o644)
    yield f"postgresql://postgres:m%E1%BA%ADt-kh%E1%BA%A9u@127.0.0.1:{port}/postgres", ca
    _run_as_server_user([f"{bindir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"])
    shutil.rmtree(base, ignore_errors=True)


SSL_OPEN = """
import sys
from dvdesktop.errors import DatabaseUnavailable
from dvdesktop.store import close_database, open_database
from dvdesktop.store.models import Team
db = open_database(sys.argv[1])
print(Team.select().count(), db.execute_sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0])
print("ssl" in sys.modules)
close_database()
try:
    open_database(sys.argv[2])
except DatabaseUnavailable:
    print("refused")
"""


@pytest.mark.postgres
def test_ssl_as_the_url_asks_still_works_without_python_s_ssl(ssl_server, tmp_path):
    url, ca = ssl_server
    other = tmp_path / "other.crt"  # a certificate the server's is not signed by
    done = subprocess.run(["openssl", "req", "-new", "-x509", "-days", "1", "-nodes", "-subj", "/CN=other",
                           "-keyout", str(tmp_path / "other.key"), "-out", str(other)], capture_output=True)
    assert done.returncode == 0
    used, loaded, refused = _fresh(SSL_OPEN, f"{url}?sslmode=verify-ca&sslrootcert={ca}",
                                   f"{url}?sslmode=verify-ca&sslrootcert={other}")
    assert used == "0 True"  # the schema made, over SSL
    assert loaded == "False"
    assert refused == "refused"  # the certificate is still checked
