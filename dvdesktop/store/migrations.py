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
from playhouse.migrate import SchemaMigrator, migrate


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[pw.Database, SchemaMigrator], None]


def _initial(db: pw.Database, migrator: SchemaMigrator) -> None:  # pragma: no cover - version 1 is created whole
    raise RuntimeError("version 1 is created by create_tables, never migrated to")


def _rating_stages(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Who recorded each stage of a team's yearly rating and when; whether a
    criteria set is still the shipped sample."""
    migrate(
        migrator.add_column("evaluation", "self_on", pw.DateField(null=True)),
        migrator.add_column("evaluation", "self_by", pw.CharField(max_length=200, default="")),
        migrator.add_column("evaluation", "review_on", pw.DateField(null=True)),
        migrator.add_column("evaluation", "review_by", pw.CharField(max_length=200, default="")),
        migrator.add_column("evaluation", "decided_by", pw.CharField(max_length=200, default="")),
        migrator.add_column("criteria_set", "is_sample", pw.BooleanField(default=False)),
    )


MIGRATIONS: list[Migration] = [
    Migration(1, "Lược đồ ban đầu", _initial),
    Migration(2, "Đánh giá, xếp loại: ngày và người của từng bước; bộ tiêu chí mẫu", _rating_stages),
]


def latest_version() -> int:
    return MIGRATIONS[-1].version


def pending(current: int) -> list[Migration]:
    return [m for m in MIGRATIONS if m.version > current]
