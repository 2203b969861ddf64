"""People's supervision activities: the service's rules (SQLite and
PostgreSQL), soft delete and audit, the list's search and filters, the
counts in stats, overview and the rating metric, the migration from schema 1,
and the demo data."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import unicodedata

import pytest

from dvdesktop.errors import ValidationError
from dvdesktop.services import evaluation, overview
from dvdesktop.services import stats as stats_service
from dvdesktop.services.listings import supervision as listing
from dvdesktop.services.register import AreaService, TeamService
from dvdesktop.services.supervision.counts import supervision_counts
from dvdesktop.services.supervision.records import SupervisionService, is_late, status_of
from dvdesktop.store import close_database, migrations, open_database, schema_version
from dvdesktop.store.models import AuditLog, SupervisionActivity

TODAY = dt.date.today()
START = TODAY - dt.timedelta(days=60)
ROAD = "Dự án đường giao thông nông thôn bản Nà Hỳ 2 – Nà Khoang"


def day(n: int) -> str:
    """START + n days, as a clerk types it."""
    return f"{START + dt.timedelta(days=n):%d/%m/%Y}"


@pytest.fixture
def teams(db):
    a = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "xã Nà Hỳ"})
    b = AreaService.create({"name": "Huổi Thủng", "kind": "bản", "commune": "xã Nà Hỳ"})
    return TeamService.create({"area": a.id}), TeamService.create({"area": b.id})


def activity(team, **extra):
    return {"team": team.id, "subject": ROAD, "kind": "du_an", "form": "giam sat truc tiep",
            "start_date": day(0), "end_date": day(2), "participants": "Lò Văn Thắng – Tổ trưởng\nĐại diện 8 hộ dân",
            "participant_count": 10, "findings": "Mặt đường mỏng hơn thiết kế.",
            "recommendations": "Đề nghị kiểm tra độ dày mặt đường.", **extra}


def refused(data, field, existing=None):
    with pytest.raises(ValidationError) as err:
        if existing is None:
            SupervisionService.create(data)
        else:
            SupervisionService.update(existing.id, data)
    assert err.value.field == field, err.value.message
    return err.value.message


# --- rules --------------------------------------------------------------------------


def test_create_cleans_and_keeps_nfc_and_a_folded_search_column(teams):
    nfd = unicodedata.normalize("NFD", ROAD)
    a = SupervisionService.create(activity(teams[0], subject=nfd))
    stored = SupervisionActivity.get_by_id(a.id)
    assert stored.subject == ROAD and unicodedata.is_normalized("NFC", stored.subject)
    assert stored.form == "Giám sát trực tiếp"  # typed without marks: the listed form
    assert stored.start_date == START and stored.end_date == START + dt.timedelta(days=2)
    assert "duong giao thong nong thon ban na hy 2" in stored.search_text
    assert stored.acted_on == "" and status_of(stored.sent_on, stored.answered_on, stored.acted_on) == "not_sent"


def test_dates_in_order_with_vietnamese_messages(teams):
    t = teams[0]
    assert "trước ngày bắt đầu" in refused(activity(t, end_date=day(-1)), "end_date")
    assert "sau hôm nay" in refused(activity(t, start_date=f"{TODAY + dt.timedelta(days=1):%d/%m/%Y}",
                                             end_date=None), "start_date")
    assert "trước ngày bắt đầu" in refused(activity(t, sent_to="UBND xã", sent_on=day(-1)), "sent_on")
    assert "nơi nhận" in refused(activity(t, sent_on=day(3)), "sent_to").replace("cơ quan, tổ chức nhận", "nơi nhận")
    assert "chưa ghi nội dung kiến nghị" in refused(
        activity(t, recommendations="", sent_to="UBND xã", sent_on=day(3)), "recommendations")
    assert "Chưa có ngày gửi" in refused(activity(t, answered_on=day(5)), "answered_on")
    assert "trước ngày gửi" in refused(activity(t, sent_to="UBND xã", sent_on=day(5), answered_on=day(4)),
                                       "answered_on")
    assert "ngày trả lời" in refused(activity(t, sent_to="UBND xã", sent_on=day(5), answer="Đã sửa."), "answered_on")
    assert "đã trả lời" in refused(activity(t, acted_on="co"), "acted_on")
    assert "không hợp lệ" in refused(activity(t, kind="giao_thong"), "kind")
    assert "Chưa nhập" in refused(activity(t, subject="  "), "subject")
    assert SupervisionActivity.select().count() == 0


def test_send_answer_follow_up(teams):
    a = SupervisionService.create(activity(teams[0]))
    a = SupervisionService.send(a.id, "Ủy ban nhân dân xã Nà Hỳ", START + dt.timedelta(days=3))
    assert status_of(a.sent_on, a.answered_on, a.acted_on) == "waiting"
    assert is_late(a.sent_on, a.answered_on, START + dt.timedelta(days=40))
    assert not is_late(a.sent_on, a.answered_on, START + dt.timedelta(days=20))
    # an answer without a follow-up yet is "waiting to be carried out"
    a = SupervisionService.update(a.id, {"answer": "Đã chỉ đạo kiểm tra.", "answered_on": day(10)},
                                  expected_version=a.version)
    assert (a.acted_on, status_of(a.sent_on, a.answered_on, a.acted_on)) == ("cho", "answered")
    a = SupervisionService.update(a.id, {"acted_on": "Thực hiện một phần"})  # the label is understood
    assert (a.acted_on, status_of(a.sent_on, a.answered_on, a.acted_on)) == ("mot_phan", "acted")
    # the answer date cleared: "carried out" no longer fits, "waiting" silently goes
    refused({"answer": "", "answered_on": None}, "acted_on", a)
    a = SupervisionService.update(a.id, {"acted_on": "cho"})
    a = SupervisionService.update(a.id, {"answer": "", "answered_on": None})
    assert (a.acted_on, a.answered_on) == ("", None)


def test_soft_delete_restore_and_audit(teams):
    a = SupervisionService.create(activity(teams[0]))
    SupervisionService.update(a.id, {"findings": "Đã khắc phục."})
    SupervisionService.delete(a.id)
    assert listing.supervision_ids(listing.SupervisionFilter()) == []
    assert [r.id for r in SupervisionService.trash()] == [a.id]
    SupervisionService.restore(a.id)
    assert listing.supervision_ids(listing.SupervisionFilter()) == [a.id]
    actions = [r.action for r in AuditLog.select().where(AuditLog.table_name == "supervision_activity")
               .order_by(AuditLog.id)]
    assert actions == ["create", "update", "delete", "restore"]
    update = AuditLog.get((AuditLog.table_name == "supervision_activity") & (AuditLog.action == "update"))
    assert json.loads(update.after)["findings"] == "Đã khắc phục."


# --- the list -------------------------------------------------------------------------


@pytest.fixture
def listed(teams):
    t1, t2 = teams
    road = SupervisionService.create(activity(t1, sent_to="UBND xã", sent_on=day(3)))
    trash = SupervisionService.create(activity(t2, subject="Việc thu gom rác thải ở bản Huổi Thủng", kind="moi_truong",
                                               start_date=day(10), end_date=None, sent_to="UBND xã",
                                               sent_on=day(11), answered_on=day(20), acted_on="co"))
    money = SupervisionService.create(activity(t1, subject="Việc công khai thu, chi đóng góp làm đường",
                                               kind="dan_chu", start_date=day(20), end_date=day(20),
                                               recommendations="", findings="Đúng quy định."))
    old = SupervisionService.create(activity(t2, subject="Khai thác cát trên suối", kind="moi_truong",
                                             start_date=f"10/03/{TODAY.year - 1}", end_date=None))
    return {"road": road.id, "trash": trash.id, "money": money.id, "old": old.id, "teams": teams}


def ids(**filters):
    return listing.supervision_ids(listing.SupervisionFilter(**filters))


def test_listing_filters_and_diacritic_free_search(listed):
    t1, t2 = listed["teams"]
    everything = {listed[k] for k in ("road", "trash", "money", "old")}
    assert set(ids()) == everything
    assert listed["old"] in ids(year=TODAY.year - 1) and listed["old"] not in ids(year=TODAY.year)
    assert ids(query="duong giao thong na hy") == [listed["road"]]
    assert ids(query="ĐƯỜNG GIAO THÔNG") == [listed["road"]]
    assert set(ids(query="huoi thung")) == {listed["trash"], listed["old"]}  # the area's name too
    assert ids(query="cat suoi") == [listed["old"]]
    assert set(ids(kind="moi_truong")) == {listed["trash"], listed["old"]}
    assert set(ids(team_id=t1.id)) == {listed["road"], listed["money"]}
    assert set(ids(area_id=t2.area)) == {listed["trash"], listed["old"]}
    assert ids(status="waiting") == [listed["road"]]
    assert ids(status="answered") == ids(status="acted") == [listed["trash"]]
    assert set(ids(status="not_sent")) == {listed["money"], listed["old"]}
    # newest first; sorting by a column
    assert ids()[-1] == listed["old"]
    by_subject = listing.supervision_ids(listing.SupervisionFilter(), "subject")
    assert by_subject[0] == listed["road"]  # "Dự án …" before "Khai thác …" and "Việc …"
    assert listing.supervision_ids(listing.SupervisionFilter(), "subject", descending=True)[-1] == listed["road"]
    rows = {r.id: r for r in listing.supervision_rows(ids(), on=START + dt.timedelta(days=40))}
    assert rows[listed["road"]].status == "waiting" and rows[listed["road"]].late
    assert rows[listed["trash"]].status == "acted" and not rows[listed["trash"]].late
    assert rows[listed["road"]].team_name == t1.name and rows[listed["road"]].kind == "du_an"


# --- counts -----------------------------------------------------------------------------


def test_counts_in_stats_overview_and_rating(listed):
    year = TODAY.year
    t1, t2 = listed["teams"]
    this_year = [k for k in ("road", "trash", "money") if START.year == year]
    c = supervision_counts()
    assert (c.activities, c.sent, c.waiting, c.answered, c.acted_on) == (4, 2, 1, 1, 1)
    assert c.late == 1  # sent 57 days ago, no answer
    assert supervision_counts(on=START + dt.timedelta(days=20)).late == 0
    assert c.by_kind == {"du_an": 1, "dan_chu": 1, "an_ninh": 0, "moi_truong": 2, "can_bo": 0, "khac": 0}
    numbers = stats_service.collect()
    assert numbers["supervision_activities"] == 4 and numbers["supervision_moi_truong"] == 2
    assert (numbers["supervision_sent"], numbers["supervision_answered"], numbers["supervision_acted_on"]) == (2, 1, 1)
    last_year = stats_service.collect(year - 1)
    assert last_year["supervision_activities"] == 1 + (3 - len(this_year))
    table = stats_service.format_table(numbers)
    assert "Cuộc giám sát của Nhân dân" in table and "trong đó: Môi trường" in table
    counts = overview.year_counts(year)
    assert counts.supervision == len(this_year) and counts.supervision_waiting == (1 if this_year else 0)
    assert counts.supervision_late == counts.supervision_waiting
    assert "supervision" in evaluation.METRICS
    assert evaluation.metric_values(t1.id, START.year)["supervision"] == 2
    assert evaluation.metric_values(t2.id, year - 1)["supervision"] >= 1
    # a deleted activity or a deleted team is not counted
    SupervisionService.delete(listed["road"])
    assert supervision_counts().activities == 3
    TeamService.delete(t2.id)
    assert supervision_counts().activities == 1


def test_cli_stats_json_has_the_supervision_counts(listed, db_url, capsys):
    from dvdesktop.cli import main

    if not db_url.startswith("postgresql"):
        close_database()
    assert main(["stats", "--db", db_url, "--json"]) == 0
    numbers = json.loads(capsys.readouterr().out)
    assert numbers["supervision_activities"] == 4 and numbers["supervision_sent"] == 2
    assert main(["stats", "--db", db_url]) == 0
    assert "Kiến nghị giám sát đã được thực hiện" in capsys.readouterr().out
    open_database(db_url)


# --- migration --------------------------------------------------------------------------


def _schema(path):
    conn = sqlite3.connect(path)
    columns = conn.execute("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('supervision_activity') "
                           "ORDER BY cid").fetchall()
    indexes = sorted(conn.execute("SELECT name, \"unique\" FROM pragma_index_list('supervision_activity')").fetchall())
    fks = conn.execute("SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('supervision_activity')"
                       ).fetchall()
    conn.close()
    return columns, indexes, fks


def test_schema_2_is_upgraded_to_the_supervision_table(sqlite_db, tmp_path):
    path = sqlite_db.dv_path
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản"})
    team = TeamService.create({"area": area.id})
    fresh = _schema(path)
    # the database as schema 2 (rating stages, before supervision) left it: no supervision table
    sqlite_db.execute_sql("DROP TABLE supervision_activity")
    sqlite_db.execute_sql("UPDATE dv_meta SET value = '2' WHERE key = 'schema_version'")
    close_database()
    db = open_database(str(path))
    assert schema_version(db) == migrations.latest_version() >= 3
    assert db.dv_upgrade_backup.exists()
    conn = sqlite3.connect(db.dv_upgrade_backup)
    assert conn.execute("SELECT value FROM dv_meta WHERE key = 'schema_version'").fetchone()[0] == "2"
    assert "supervision_activity" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert _schema(path) == fresh  # the same table, columns and indexes as a new database
    a = SupervisionService.create(activity(team))
    assert SupervisionService.get(a.id).subject == ROAD


@pytest.mark.postgres
def test_schema_2_is_upgraded_on_postgresql(pg_server):
    db = open_database(pg_server.url)
    db.execute_sql("DROP TABLE IF EXISTS supervision_activity")
    db.execute_sql("UPDATE dv_meta SET value = '2' WHERE key = 'schema_version'")
    close_database()
    db = open_database(pg_server.url)
    try:
        assert schema_version(db) == migrations.latest_version()
        columns = {c.name for c in db.get_columns("supervision_activity")}
        assert {"subject", "kind", "sent_on", "answered_on", "acted_on", "search_text", "deleted_at"} <= columns
        assert {"supervision_activity_kind", "supervision_activity_start_date"} <= {
            i.name for i in db.get_indexes("supervision_activity")}
    finally:
        close_database()


# --- demo ---------------------------------------------------------------------------------


def test_demo_has_believable_supervision(db):
    from dvdesktop.services.demo.generator import build_demo

    ref = dt.date(2025, 12, 31)
    build_demo(scale="commune", seed=3, reference=ref)
    rows = list(SupervisionActivity.select())
    assert len(rows) >= 12 * 5  # every team, every year
    assert {r.kind for r in rows} >= {"du_an", "dan_chu", "an_ninh", "moi_truong"}
    assert any(r.subject.startswith("Dự án đường giao thông nông thôn bản") for r in rows)
    waiting = [r for r in rows if r.sent_on and not r.answered_on]
    assert waiting and any(r.start_date.year == 2025 for r in waiting)
    for r in rows:
        assert r.start_date <= ref and (r.end_date is None or r.start_date <= r.end_date <= ref)
        assert r.sent_on is None or (r.end_date <= r.sent_on <= ref and r.sent_to and r.recommendations)
        assert r.answered_on is None or (r.sent_on <= r.answered_on <= ref and r.acted_on)
        assert r.answered_on is not None or r.acted_on == ""
        # what the service would accept
        SupervisionService.check({f.name: getattr(r, f.name if f.name != "team" else "team_id")
                                  for f in SupervisionService.fields}, r)
