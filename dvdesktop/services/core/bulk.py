"""Inserting many rows at once, below peewee's per-value query building
(which costs seconds for ten thousand rows): one prepared statement run over
all rows (SQLite's executemany, psycopg2's execute_values). Rows are dicts
already prepared by the model (Model.prepare_row); values go through each
field's db_value, as peewee would send them."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from ...store.base import database_proxy

PAGE = 2000


def insert_rows(model, rows: list[dict]) -> None:
    """Insert *rows* (all with the same keys) into *model*'s table, in the
    current transaction."""
    if not rows:
        return
    names = list(rows[0])
    fields = [model._meta.fields[n] for n in names]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    convert = [f.db_value for f in fields]
    params = [tuple(c(row[n]) for c, n in zip(convert, names)) for row in rows]
    db = database_proxy.obj
    table = model._meta.table_name
    cursor = db.cursor()
    try:
        if isinstance(db, pw.PostgresqlDatabase):
            from psycopg2.extras import execute_values

            execute_values(cursor, f'INSERT INTO "{table}" ({columns}) VALUES %s', params, page_size=PAGE)
        else:
            # dates as the text peewee stores (sqlite3's own date adapters are deprecated since Python 3.12)
            params = [tuple(_sqlite(v) for v in row) for row in params]
            sql = f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(fields))})'
            for i in range(0, len(params), PAGE):
                cursor.executemany(sql, params[i:i + PAGE])
    finally:
        cursor.close()


def _sqlite(value):
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def ids_by_uid(model, uids: list[str]) -> dict[str, int]:
    """uid → id of the rows of *model* with those uids."""
    found: dict[str, int] = {}
    for i in range(0, len(uids), 900):
        found.update(dict(model.select(model.uid, model.id).where(model.uid.in_(uids[i:i + 900])).tuples()))
    return found
