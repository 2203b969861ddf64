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
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("psycopg2", "openpyxl", "playhouse", "_hashlib"))
print(" ".join(loaded) or "none")
"""

# peewee's own use of hashlib (a constraint's name) and a password check load it then
HASHING_LATER = """
import sys
from dvdesktop.store import open_database
import peewee
from dvdesktop.services import users
open_database(sys.argv[1])
assert "_hashlib" not in sys.modules
print(peewee.hashlib.md5(b"dvdesktop").hexdigest()[:8], users.verify_password("mật khẩu", users.hash_password("mật khẩu")))
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


def test_sqlite_never_loads_the_postgresql_driver_nor_openpyxl_nor_openssl(tmp_path):
    assert _run(SQLITE_ONLY, str(tmp_path / "a.sqlite3")) == "none"


def test_hashing_works_once_asked_for(tmp_path):
    assert _run(HASHING_LATER, str(tmp_path / "a.sqlite3")) == "24c35481 True"


@pytest.mark.postgres
def test_postgresql_works_after_a_lean_start(tmp_path, pg_url):
    encoding_and_count, in_transaction = _run(SQLITE_THEN_POSTGRES, str(tmp_path / "a.sqlite3"), pg_url).splitlines()
    assert encoding_and_count == "UTF8 0"
    assert in_transaction == "False"
