"""Storage: peewee models, opening databases, schema versions."""
from .database import (
    backup_sqlite, close_database, close_thread_connection, current_database, open_database, schema_version,
)
from .location import DatabaseSpec, resolve

__all__ = ["open_database", "close_database", "close_thread_connection", "current_database", "backup_sqlite", "schema_version", "DatabaseSpec", "resolve"]
