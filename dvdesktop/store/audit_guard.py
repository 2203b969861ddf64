"""The audit log is append-only: database triggers refuse to delete a row or
to change who did what, when, to which record.

Only the before/after contents may change, and the program does that in one
place: erasing a person's data (services/personal_data.py) replaces the
person's values in the log by markers, as the 2025 personal data law asks,
and writes an "erase" row saying so. The triggers hold for every program on
a PostgreSQL server; on a SQLite file whoever can write the file can drop
them (the guide says so: the file is the data)."""
from __future__ import annotations

import peewee as pw

FACTS = ("id", "at", "username", "action", "table_name", "record_id", "record_uid")
MESSAGE = "audit log is append-only"


def install(db: pw.Database) -> None:
    columns = ", ".join(FACTS)
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql(
            "CREATE OR REPLACE FUNCTION dv_audit_log_guard() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$ LANGUAGE plpgsql"
        )
        for name, event in (("audit_log_no_delete", "DELETE"), ("audit_log_keep_facts", f"UPDATE OF {columns}")):
            db.execute_sql(f'DROP TRIGGER IF EXISTS {name} ON "audit_log"')
            db.execute_sql(f'CREATE TRIGGER {name} BEFORE {event} ON "audit_log" '
                           "FOR EACH ROW EXECUTE FUNCTION dv_audit_log_guard()")
        return
    for name, event in (("audit_log_no_delete", "DELETE"), ("audit_log_keep_facts", f"UPDATE OF {columns}")):
        db.execute_sql(f'CREATE TRIGGER IF NOT EXISTS {name} BEFORE {event} ON "audit_log" '
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
