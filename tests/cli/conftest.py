"""Fixtures for the command line's tests: the CLI opens the database itself
(`--db`), so it gets a closed SQLite file rather than an open connection."""
from __future__ import annotations

import pytest

from dvdesktop.store import close_database


@pytest.fixture
def db_file(sqlite_db):
    """Path of an empty, migrated SQLite database, closed for the CLI to open."""
    path = str(sqlite_db.dv_path)
    close_database()
    return path
