"""Secondary indexes set aside while a bulk load runs, made again after it (by
the demo's BulkWriter, table by table as each is complete).

Filling a table and then building each index once, sorted, is several times
cheaper than keeping every index up to date row by row (the province demo
writes 1.1 million rows). Both steps run inside the caller's transaction:
a failed load leaves the database as it was, indexes included.
"""
from __future__ import annotations

import peewee as pw


def secondary_indexes(db: pw.Database, tables: list[str]) -> dict[str, list[tuple[str, str]]]:
    """The indexes of *tables* other than primary keys, (name, SQL that creates
    it) by table (unique ones too: made again, they check the loaded rows as
    they would have row by row)."""
    if isinstance(db, pw.PostgresqlDatabase):
        rows = db.execute_sql(
            "SELECT i.indexname, i.tablename, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname)", (list(tables),)).fetchall()
    else:
        marks = ", ".join("?" * len(tables))
        rows = db.execute_sql(
            f"SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks})", list(tables)).fetchall()
    by_table: dict[str, list[tuple[str, str]]] = {}
    for name, table, sql in rows:
        by_table.setdefault(table, []).append((name, sql))
    return by_table


def drop_secondary_indexes(db: pw.Database, tables: list[str]) -> dict[str, list[str]]:
    """Drop the secondary indexes of *tables*; return the SQL that creates them again, by table."""
    indexes = secondary_indexes(db, tables)
    for named in indexes.values():
        for name, _sql in named:
            db.execute_sql(f'DROP INDEX "{name}"')
    return index_statements(indexes)


def index_statements(indexes: dict[str, list[tuple[str, str]]]) -> dict[str, list[str]]:
    """secondary_indexes' SQL only, by table."""
    return {table: [sql for _name, sql in named] for table, named in indexes.items()}
