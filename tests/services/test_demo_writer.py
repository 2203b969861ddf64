"""The demo's bulk writer: every row and every index written back, uids
that are UUID version 7, tables sealed early, many rows per INSERT, on
SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import sys
import time
import uuid
from decimal import Decimal

import pytest

from dvdesktop.services.demo import generator
from dvdesktop.services.demo.generator import BulkWriter, build_demo
from dvdesktop.store import close_database, open_database
from dvdesktop.store.base import database_proxy
from dvdesktop.store.models import (
    ALL_MODELS, EvaluationScore, Meeting, MeetingAttendance, MeetingTask, Meta, Person,
)


def _boom(self):
    raise RuntimeError("boom")


def _indexes(db) -> set[tuple[str, str]]:
    """(table, index name) of every secondary index."""
    if db.__class__.__name__.startswith("Postgres"):
        rows = db.execute_sql(
            "SELECT tablename, indexname FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexname NOT LIKE '%%_pkey'").fetchall()
    else:
        rows = db.execute_sql(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    return {tuple(r) for r in rows}


def test_every_row_and_index_written_back(db):
    before = _indexes(db)
    result = build_demo(scale="commune", seed=3, reference=dt.date(2026, 6, 30))

    assert _indexes(db) == before  # made again, table by table (most while the late steps ran)
    for model in ALL_MODELS:
        if model is Meta:
            continue
        table = model._meta.table_name
        stored = model.select().count() if table != "setting" else None
        if table in result.counts:
            assert stored == result.counts[table], table  # rows written before a table was sealed are kept
    assert result.counts["meeting_attendance"] > 500


def test_uids_are_unique_uuid7_in_time_order(db):
    build_demo(scale="commune", seed=4, reference=dt.date(2026, 6, 30))
    uids = [p.uid for p in Person.select(Person.uid).order_by(Person.id)]
    parsed = [uuid.UUID(u) for u in uids]
    assert all(str(p) == u for p, u in zip(parsed, uids))  # lower-case, canonical form
    assert all(p.version == 7 and p.variant == uuid.RFC_4122 for p in parsed)
    assert len(set(uids)) == len(uids)
    assert uids == sorted(uids)  # time-ordered: appended to the unique index


def test_sqlite_writes_the_uid_text_of_uid(sqlite_db):
    """On SQLite the INSERT makes each uid's text from three numbers: the same
    text BulkWriter.uid() makes (what PostgreSQL gets), across the time
    field's 16-bit boundary and near its 48-bit end."""
    db = database_proxy.obj
    db.execute_sql("PRAGMA foreign_keys = OFF")
    stamp = dt.datetime(2026, 3, 1, 19, 30)
    for epoch in (0, 1_780_000_065_000, (1 << 48) - 3_000):
        Meeting.delete().execute()
        writer, replay = BulkWriter(db, seed=epoch % 97), BulkWriter(db, seed=epoch % 97)
        try:
            writer.uid_epoch_ms = replay.uid_epoch_ms = epoch
            for n in range(2_000):
                writer.add(Meeting, stamp, {"team": 1, "kind": "dinh_ky", "title": f"Họp {n}", "starts_at": stamp})
            writer.finish()
            expected = [replay.uid() for _ in range(2_000)]
        finally:
            writer.close()
            replay.close()
        assert [m.uid for m in Meeting.select(Meeting.uid).order_by(Meeting.id)] == expected


def test_a_sealed_table_takes_no_more_rows(sqlite_db):
    database_proxy.obj.execute_sql("PRAGMA foreign_keys = OFF")  # as build_demo: a meeting without its team
    writer = BulkWriter(database_proxy.obj, seed=1)
    try:
        stamp = dt.datetime(2026, 3, 1, 19, 30)
        writer.add(Meeting, stamp, {"team": 1, "kind": "dinh_ky", "number": "01-BB/TDV", "title": "Họp",
                                    "starts_at": stamp, "status": "held"})
        writer.seal([Meeting, MeetingAttendance])
        with pytest.raises(RuntimeError, match="sealed"):
            writer.add(Meeting, stamp, {"team": 1, "kind": "dinh_ky", "title": "Họp", "starts_at": stamp})
        writer.finish()
    finally:
        writer.close()
    assert writer.counts == {Meeting: 1}
    assert Meeting.select().count() == 1


def test_a_failed_build_leaves_nothing(tmp_path, monkeypatch):
    open_database(str(tmp_path / "x.sqlite3"))
    try:
        monkeypatch.setattr(generator.Generator, "build_campaigns", _boom)
        with pytest.raises(RuntimeError, match="boom"):
            build_demo(scale="commune", seed=1, reference=dt.date(2026, 6, 30))
        assert Person.select().count() == 0  # nothing half-written
        assert _indexes(database_proxy.obj) >= {("person", "person_uid")}
    finally:
        close_database()


def test_rows_kept_back_for_whole_statements_are_all_written(sqlite_db):
    """SQLite takes a table's rows in INSERTs of table.per rows; a flush keeps
    the rest back until the table's last flush (seal or finish), then writes it."""
    db = database_proxy.obj
    db.execute_sql("PRAGMA foreign_keys = OFF")
    writer = BulkWriter(db, seed=2)
    writer.FLUSH_AT = 1_000  # many flushes, each leaving a remainder
    stamp = dt.datetime(2026, 3, 1, 19, 30)
    try:
        for n in range(7_777):
            writer.add(MeetingAttendance, stamp, {"meeting": n // 9 + 1, "person": n, "status": "present"})
            if n % 3 == 0:
                writer.add(Meeting, stamp, {"team": 1, "kind": "dinh_ky", "title": f"Họp {n}", "starts_at": stamp})
        per = writer.tables[MeetingAttendance].per
        assert 1 < per < 7_777
        writer.seal([Meeting])
        writer.finish()
    finally:
        writer.close()
    assert MeetingAttendance.select().count() == 7_777 == writer.counts[MeetingAttendance]
    assert Meeting.select().count() == 2_593 == writer.counts[Meeting]
    assert [a.person_id for a in MeetingAttendance.select().order_by(MeetingAttendance.id)] == list(range(7_777))


def _table_rows(path) -> dict:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {n: con.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names
               if n not in ("setting", "audit_log", "sqlite_stat1")}
        out["indexes"] = sorted(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())
        return out
    finally:
        con.close()


def test_child_process_writes_what_the_thread_writes(tmp_path):
    """The province's writer process (used here for a commune) stores the very
    rows and indexes the writing thread stores, --force included."""
    built = {}
    for how in (False, True):
        path = tmp_path / f"{how}.sqlite3"
        open_database(str(path))
        try:
            build_demo(scale="commune", seed=5, reference=dt.date(2026, 6, 30), writer_process=how)
            build_demo(scale="commune", seed=6, reference=dt.date(2026, 6, 30), writer_process=how, force=True)
        finally:
            close_database()
        built[how] = _table_rows(path)
    assert built[True] == built[False]
    assert len(built[True]["meeting_attendance"]) > 500


def test_a_failed_build_in_the_child_leaves_nothing(tmp_path, monkeypatch):
    open_database(str(tmp_path / "x.sqlite3"))
    try:
        db = database_proxy.obj
        before = _indexes(db)

        monkeypatch.setattr(generator.Generator, "build_evaluations", _boom)  # after the early tables are sealed
        with pytest.raises(RuntimeError, match="boom"):
            build_demo(scale="commune", seed=1, reference=dt.date(2026, 6, 30), writer_process=True)
        assert Person.select().count() == 0 and Meeting.select().count() == 0
        assert _indexes(db) == before
        monkeypatch.undo()
        build_demo(scale="commune", seed=1, reference=dt.date(2026, 6, 30), writer_process=True)  # not locked
        assert Person.select().count() > 50
    finally:
        close_database()


KILLED_BUILD = r"""
import datetime as dt, sys, time
from dvdesktop.services.demo import generator
from dvdesktop.store import open_database
def slow(self):  # the early tables sent to the child: stop here until killed
    print("sealed", flush=True)
    time.sleep(60)
generator.Generator.build_campaigns = slow
open_database(sys.argv[1])
generator.build_demo(scale="commune", seed=1, reference=dt.date(2026, 6, 30), writer_process=True)
"""


def test_killed_parent_leaves_the_database_as_it_was(tmp_path):
    """The parent killed mid-build: its child sees the pipe close without a
    commit, rolls back and exits; the file is unchanged and free to write."""
    import os
    import signal
    import sqlite3
    import subprocess

    path = tmp_path / "k.sqlite3"
    open_database(str(path))
    close_database()
    parent = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(path)], stdout=subprocess.PIPE, text=True,
                              env=dict(os.environ, DVDESKTOP_DATA_DIR=str(tmp_path)))
    assert parent.stdout.readline().strip() == "sealed"
    time.sleep(0.5)  # the child busy with the rows and indexes
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    con = sqlite3.connect(path, timeout=20)  # waits for the child's rollback
    try:
        con.execute("BEGIN IMMEDIATE")
        assert con.execute("SELECT count(*) FROM person").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'person_uid'").fetchone() == (1,)
        con.execute("ROLLBACK")
    finally:
        con.close()


def test_a_row_given_as_values_is_the_row_given_as_a_dict(sqlite_db):
    """add_values (the hottest tables) stores what add() stores: the columns
    given in any order, the others' defaults, dates and decimals as the
    adapters write them. (On PostgreSQL the values go as they are; the demo
    built there, above, writes them.)"""
    database = database_proxy.obj
    database.execute_sql("PRAGMA foreign_keys = OFF")  # as build_demo: no meeting 7 here
    writer = BulkWriter(database, seed=5)
    stamp = dt.datetime(2026, 3, 1, 19, 30)
    due, done = dt.date(2026, 3, 31), dt.date(2026, 3, 28)
    try:
        task = writer.layout(MeetingTask, ("status", "meeting", "assignee", "assignee_name", "description",
                                           "due_date", "done_on"))
        score = writer.layout(EvaluationScore, ("evaluation", "criterion", "self_score", "reviewed_score"))
        writer.add(MeetingTask, stamp, {"meeting": 7, "assignee": 3, "assignee_name": "Lò Văn Thắng",
                                        "description": "Vận động hộ nghèo", "due_date": due, "status": "done",
                                        "done_on": done})
        writer.add_values(task, stamp, ("done", 7, 3, "Lò Văn Thắng", "Vận động hộ nghèo", due, done))
        writer.add(EvaluationScore, stamp, {"evaluation": 2, "criterion": 9, "self_score": Decimal("7.5"),
                                            "reviewed_score": None})
        writer.add_values(score, stamp, (3, 9, Decimal("7.5"), None))  # (evaluation, criterion) is unique
        with pytest.raises(ValueError, match="derives"):
            writer.layout(Person, ("full_name",))
        writer.finish()
    finally:
        writer.close()

    def stored(model):
        rows = [{k: v for k, v in row.items() if k not in ("id", "uid", "evaluation")}
                for row in model.select().order_by(model.id).dicts()]
        assert len(rows) == 2
        return rows

    first, second = stored(MeetingTask)
    assert first == second and second["due_date"] == due and second["done_on"] == done
    assert second["carried_from"] is None and second["created_at"] == stamp
    first, second = stored(EvaluationScore)
    assert first == second and second["self_score"] == Decimal("7.5") and second["reviewed_score"] is None


def test_the_indexes_kept_during_the_load_exist(sqlite_db):
    """LIVE_INDEXES name real indexes (a renamed one would quietly be dropped
    and made again at the end, the slow way)."""
    assert generator.LIVE_INDEXES <= {name for _table, name in _indexes(database_proxy.obj)}
