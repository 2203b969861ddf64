"""peewee is loaded without psycopg2 on SQLite and gets it back for PostgreSQL
(dvdesktop/lean_peewee.py). Each check runs in a fresh interpreter, since this
test process has imported psycopg2 long ago."""
from __future__ import annotations

import subprocess
import sys

import pytest

SQLITE_ONLY = """
import sys
from dvdesktop.services import session
from dvdesktop.store import open_database
from dvdesktop.services import overview, reports, users  # what the first screen imports
db = open_database(sys.argv[1])
db.execute_sql("SELECT 1").fetchone()
users.sign_in_state()
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("psycopg2", "openpyxl", "playhouse", "_hashlib", "socket", "calendar"))
print(" ".join(loaded) or "none")
"""

# peewee's own use of hashlib (a constraint's name) and a password check load it then; its socket
# (an IPField's conversions) and calendar (a TimestampField's in UTC) likewise
HASHING_LATER = """
import sys
from dvdesktop.store import open_database
import peewee
from dvdesktop.services import users
open_database(sys.argv[1])
assert "_hashlib" not in sys.modules
print(peewee.hashlib.md5(b"dvdesktop").hexdigest()[:8], users.verify_password("mật khẩu", users.hash_password("mật khẩu")))
assert "socket" not in sys.modules and "calendar" not in sys.modules  # peewee's, loaded on first use
import datetime
print(peewee.IPField().db_value("10.0.0.1"), peewee.IPField().python_value(167772161),
      peewee.TimestampField(utc=True).db_value(datetime.datetime(2026, 12, 2, 8, 30)))
"""

SQLITE_THEN_POSTGRES = """
import sys
from dvdesktop.store import close_database, open_database
from dvdesktop.store.models import Team
open_database(sys.argv[1])
close_database()
assert "psycopg2" not in sys.modules
db = open_database(sys.argv[2])
print(db.execute_sql("SELECT current_setting('server_encoding')").fetchone()[0], Team.select().count())
with db.atomic():  # a transaction: peewee asks the driver for its transaction state
    db.execute_sql("SELECT 1")
print(db.in_transaction())
"""


def _run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_sqlite_never_loads_the_postgresql_driver_nor_openpyxl_nor_openssl_nor_socket(tmp_path):
    assert _run(SQLITE_ONLY, str(tmp_path / "a.sqlite3")) == "none"


def test_hashing_works_once_asked_for(tmp_path):
    assert _run(HASHING_LATER, str(tmp_path / "a.sqlite3")).splitlines() == ["24c35481 True", "167772161 10.0.0.1 1796200200"]


@pytest.mark.postgres
def test_postgresql_works_after_a_lean_start(tmp_path, pg_url):
    encoding_and_count, in_transaction = _run(SQLITE_THEN_POSTGRES, str(tmp_path / "a.sqlite3"), pg_url).splitlines()
    assert encoding_and_count == "UTF8 0"
    assert in_transaction == "False"


# peewee's SQLite state as its own import leaves it, and as lean_peewee.arm_sqlite() does
# after a start on a server: the same driver, version and adapters
SQLITE_STATE = """
import datetime, decimal, sys
if sys.argv[1] == "lean":
    from dvdesktop.store import open_database
    open_database(sys.argv[2])  # a server first: peewee without sqlite3
    assert "sqlite3" not in sys.modules and "_sqlite3" not in sys.modules
    import peewee
    assert peewee.sqlite3 is None
    db = open_database(sys.argv[3])
    from dvdesktop.store.models import Team
    print(Team.select().count(), db.execute_sql("SELECT value FROM dv_meta WHERE key = 'schema_version'").fetchone()[0] != "")
else:
    import peewee
    print(0, True)
import sqlite3
print(peewee.sqlite3 is sqlite3, peewee.__sqlite_version__ == sqlite3.sqlite_version_info,
      peewee.SqliteDatabase.server_version == sqlite3.sqlite_version_info)
print(sorted((t.__name__, p) for t, p in sqlite3.adapters), sorted(sqlite3.converters))
samples = [decimal.Decimal("1.50"), datetime.date(2026, 12, 2), datetime.time(8, 30, 5)]
print([sqlite3.adapters[(type(v), sqlite3.PrepareProtocol)](v) for v in samples])
"""


@pytest.mark.postgres
def test_sqlite_after_a_start_on_a_server_is_as_peewee_makes_it(tmp_path, pg_url):
    lean = _run(SQLITE_STATE, "lean", pg_url, str(tmp_path / "after.sqlite3")).splitlines()
    plain = subprocess.run([sys.executable, "-c", SQLITE_STATE, "plain"], capture_output=True, text=True,
                           timeout=60, cwd=tmp_path)  # peewee imported alone, without dvdesktop
    assert plain.returncode == 0, plain.stderr
    assert lean[0] == "0 True"  # the tables made and the version written (an upsert: peewee's server_version)
    assert lean[1] == "True True True"
    assert lean[1:] == plain.stdout.strip().splitlines()[1:]


def test_peewee_s_date_converters_for_python_3_12():
    import datetime

    from dvdesktop.lean_peewee import _date, _timestamp

    assert _date(b"2026-12-02") == datetime.date(2026, 12, 2)
    assert _timestamp(b"2026-12-02 08:30:05") == datetime.datetime(2026, 12, 2, 8, 30, 5)
    assert _timestamp(b"2026-12-02T08:30:05.5") == datetime.datetime(2026, 12, 2, 8, 30, 5, 500000)
    assert _timestamp(b"2026-12-02 08:30:05.1234567") == datetime.datetime(2026, 12, 2, 8, 30, 5, 123456)
