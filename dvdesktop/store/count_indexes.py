"""The indexes of the overview's counts (models.COUNT_INDEXES) on a database
made before they were declared.

A new database gets them from create_tables. An older one gets them the
first time this program opens it for writing (a province file: under a
second, once). They change no table and no schema version: a copy of the
program from before them opens the file as it did, and uses them or not.
When they cannot be made (a server account without the right, a lock held
too long) the database opens all the same, as slow as before.
"""
from __future__ import annotations

import logging

import peewee as pw

from .models import COUNT_INDEXES

log = logging.getLogger(__name__)


def missing(db: pw.Database) -> list[str]:
    names = [index._name for _model, index in COUNT_INDEXES]
    if isinstance(db, pw.PostgresqlDatabase):
        rows = db.execute_sql("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                              "AND indexname = ANY(%s)", (names,)).fetchall()
    else:
        marks = ", ".join("?" * len(names))
        rows = db.execute_sql(f"SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ({marks})",
                              names).fetchall()
    present = {name for (name,) in rows}
    return [name for name in names if name not in present]


def ensure(db: pw.Database) -> list[str]:
    """Make the count indexes *db* lacks; the names made."""
    wanted = set(missing(db))
    made = []
    for model, index in COUNT_INDEXES:
        if index._name not in wanted:
            continue
        try:
            with db.atomic():
                db.execute(model._schema._create_index(index, safe=True))
        except (pw.OperationalError, pw.ProgrammingError, pw.InternalError) as exc:
            log.warning("index %s not made (the counts stay slower): %s", index._name, exc)
            continue
        made.append(index._name)
    if made:
        log.info("count indexes made: %s", ", ".join(made))
    return made
