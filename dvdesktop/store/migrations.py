"""Numbered schema migrations.

A new database gets every table as the models define them and the latest
version number. An older database is upgraded one numbered step at a time
(after a backup copy, see database.open_database). Each step receives the
peewee database and a playhouse SchemaMigrator.

To change the schema: change the model, then append a step here that brings
a database of the previous version to the new shape, and add a test.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import peewee as pw
from playhouse.migrate import SchemaMigrator


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[pw.Database, SchemaMigrator], None]


def _initial(db: pw.Database, migrator: SchemaMigrator) -> None:  # pragma: no cover - version 1 is created whole
    raise RuntimeError("version 1 is created by create_tables, never migrated to")


def _rating_stages(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Who recorded each stage of a team's yearly rating and when; whether a
    criteria set is still the shipped sample.

    Plain ALTER TABLE ... ADD COLUMN with a default: playhouse's add_column
    makes a NOT NULL column by rebuilding the table on SQLite, and dropping
    the old table would cascade-delete the rows that refer to it (criteria,
    scores)."""
    postgres = isinstance(db, pw.PostgresqlDatabase)
    boolean = "BOOLEAN NOT NULL DEFAULT FALSE" if postgres else "INTEGER NOT NULL DEFAULT 0"
    for table, column, kind in (
        ("evaluation", "self_on", "DATE"),
        ("evaluation", "self_by", "VARCHAR(200) NOT NULL DEFAULT ''"),
        ("evaluation", "review_on", "DATE"),
        ("evaluation", "review_by", "VARCHAR(200) NOT NULL DEFAULT ''"),
        ("evaluation", "decided_by", "VARCHAR(200) NOT NULL DEFAULT ''"),
        ("criteria_set", "is_sample", boolean),
    ):
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}')


MIGRATIONS: list[Migration] = [
    Migration(1, "Lược đồ ban đầu", _initial),
    Migration(2, "Đánh giá, xếp loại: ngày và người của từng bước; bộ tiêu chí mẫu", _rating_stages),
]


def latest_version() -> int:
    return MIGRATIONS[-1].version


def pending(current: int) -> list[Migration]:
    return [m for m in MIGRATIONS if m.version > current]
