"""The overview's count indexes (store/count_indexes.py): a new database has
them, an older one gets them when opened for writing (the schema version
untouched), and SQLite's planner reads the counts from them rather than
from the deleted_at indexes and the tables."""
import datetime as dt
import sqlite3

from dvdesktop.store import close_database, count_indexes, migrations, open_database, schema_version
from dvdesktop.store.models import COUNT_INDEXES

NAMES = [index._name for _model, index in COUNT_INDEXES]


def _sqlite_indexes(path):
    with sqlite3.connect(path) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_new_database_has_them(db):
    assert count_indexes.missing(db) == []


def test_an_older_database_gets_them_when_opened(sqlite_db):
    path = sqlite_db.dv_path
    for name in NAMES:
        sqlite_db.execute_sql(f'DROP INDEX "{name}"')
    close_database()
    assert not set(NAMES) & _sqlite_indexes(path)
    db = open_database(str(path))
    assert count_indexes.missing(db) == []
    assert schema_version(db) == migrations.latest_version()  # an index, not a new schema
    close_database()
    assert set(NAMES) <= _sqlite_indexes(path)


def test_a_read_only_file_opens_without_them(sqlite_db, tmp_path):
    from tests.read_only import read_only_copy, snapshot

    path = sqlite_db.dv_path
    sqlite_db.execute_sql('DROP INDEX "meeting_live_by_start"')
    close_database()
    with read_only_copy(path, tmp_path / "cd") as copy:
        before = snapshot(copy)
        db = open_database(str(copy))
        assert getattr(db, "dv_read_only", False)
        assert count_indexes.missing(db) == ["meeting_live_by_start"]
        close_database()
        assert snapshot(copy) == before  # nothing written


def _plan(db, query):
    sql, params = query.sql()
    return " | ".join(row[3] for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())


def test_sqlite_counts_from_the_indexes(sqlite_db):
    """Without the planner's statistics (a clerk's file never has them) the
    counts of the overview use the count indexes, covering."""
    import peewee as pw

    from dvdesktop.services import meetings
    from dvdesktop.services.overview import _midnight
    from dvdesktop.store.models import Concern, Meeting, OutreachSession, Team

    on = dt.date(2025, 5, 1)
    held = (Meeting.select(pw.fn.COUNT(Meeting.id)).join(Team)
            .where(Meeting.deleted_at.is_null() & Team.deleted_at.is_null() & (Meeting.status == "held")
                   & (Meeting.starts_at >= _midnight(dt.date(2025, 1, 1)))
                   & (Meeting.starts_at < _midnight(dt.date(2026, 1, 1)))))
    assert "COVERING INDEX meeting_live_by_start" in _plan(sqlite_db, held)
    sessions = (OutreachSession.select(pw.fn.SUM(OutreachSession.audience_total)).join(Team)
                .where(OutreachSession.deleted_at.is_null() & Team.deleted_at.is_null()
                       & (OutreachSession.held_on >= dt.date(2025, 1, 1)) & (OutreachSession.held_on < dt.date(2026, 1, 1))))
    assert "COVERING INDEX outreach_session_live_by_day" in _plan(sqlite_db, sessions)
    concerns = (Concern.select(pw.fn.COUNT(Concern.id))
                .where(Concern.deleted_at.is_null() & (Concern.received_on >= dt.date(2025, 1, 1))
                       & (Concern.received_on <= dt.date(2025, 12, 31)) & (Concern.status == "da_giai_quyet")))
    assert "COVERING INDEX concern_live_by_received" in _plan(sqlite_db, concerns)
    assert "meeting_task_open_by_due" in _plan(sqlite_db, meetings._overdue_query(on))
