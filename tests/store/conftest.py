"""The storage layer's tests (opening, migrations, backup, WAL) use the
shared database fixtures of tests/conftest.py: `sqlite_db` for what is about
the SQLite file itself, `db_url`/`db` for what must hold on both engines."""
