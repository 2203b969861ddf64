"""The tổ hòa giải of an area as data: changing it keeps the history; the
schema-7 migration (its table, the session times) on SQLite and PostgreSQL;
the demo's mediation is believable (a team per area that meets the rule,
mediators of that team on each case, parties who fit the dispute)."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from dvdesktop.services.mediation import team
from dvdesktop.services.register import AreaService, PersonService
from dvdesktop.store import close_database, migrations, open_database, schema_version
from dvdesktop.store.models import (
    MediationCase, MediationMediator, MediationParty, MediationSession, MediationTeamMember,
)

D = dt.date


def test_changes_keep_the_history(db):
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "ethnic_groups": "Thái"})
    a = PersonService.create({"full_name": "Lò Văn An", "gender": "nam", "ethnicity": "Thái"})
    b = PersonService.create({"full_name": "Lò Thị Bích", "gender": "nữ", "ethnicity": "Thái"})
    c = PersonService.create({"full_name": "Tòng Văn Cường", "gender": "nam", "ethnicity": "Thái"})
    first = team.add_member(area.id, a.id, "to_truong", D(2024, 1, 1))
    team.add_member(area.id, b.id, on=D(2024, 1, 1))
    third = team.add_member(area.id, c.id, on=D(2024, 1, 1))
    assert team.composition_warnings(area.id, D(2024, 6, 1)) == []
    # the leader changes on 1 July: An stays a mediator, Cường leads
    team.make_leader(third.id, D(2024, 7, 1))
    assert team.leader(area.id, D(2024, 6, 30)).name == "Lò Văn An"
    assert team.leader(area.id, D(2024, 7, 1)).name == "Tòng Văn Cường"
    assert len(team.members(area.id, D(2024, 7, 1))) == 3
    assert MediationTeamMember.get_by_id(first.id).end_date == D(2024, 7, 1)  # the old row ends, not overwritten
    # Bích leaves: the team is short of a woman and of a third mediator
    bich = next(m for m in team.members(area.id, D(2024, 9, 1)) if m.name == "Lò Thị Bích")
    team.end_member(bich.id, D(2024, 9, 1))
    warnings = team.composition_warnings(area.id, D(2024, 9, 1))
    assert len(warnings) == 2 and "mới có 2" in warnings[0] and "nữ" in warnings[1]
    assert team.composition_warnings(area.id, D(2024, 8, 31)) == []
    # a mistake on the day it was made is removed, not ended
    again = team.add_member(area.id, b.id, on=D(2024, 10, 1))
    team.end_member(again.id, D(2024, 10, 1))
    assert MediationTeamMember.get_or_none(MediationTeamMember.id == again.id) is None


# --- schema 7 --------------------------------------------------------------------------------


def _schema(path):
    conn = sqlite3.connect(path)
    # (the added columns carry DEFAULT '' as ALTER TABLE needs; peewee gives the default in Python)
    out = {t: conn.execute(f"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}') ORDER BY name"
                           ).fetchall() for t in ("mediation_team_member", "mediation_session")}
    out["fks"] = conn.execute("SELECT \"table\", \"from\", \"to\", on_delete FROM "
                              "pragma_foreign_key_list('mediation_team_member') ORDER BY \"from\"").fetchall()
    conn.close()
    return out


def test_schema_3_is_upgraded_to_the_mediation_team(sqlite_db):
    path = sqlite_db.dv_path
    fresh = _schema(path)
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản"})
    sqlite_db.execute_sql("INSERT INTO mediation_case (uid, created_at, updated_at, version, received_on, grounds, "
                          "scope, kind, summary, outcome, agreement, carry_out_how, confidential, notes, number, area_id) "
                          "VALUES ('u1', '2024-01-01', '2024-01-01', 1, '2024-01-01', 'party_request', 'dan_su', '', '',"
                          " 'dang', '', '', 1, '', '01/2024', ?)", (area.id,))
    case_id = sqlite_db.execute_sql("SELECT id FROM mediation_case").fetchone()[0]
    sqlite_db.execute_sql("INSERT INTO mediation_session (uid, created_at, updated_at, version, case_id, held_on, place, "
                          "attendees, content, start_time, end_time) VALUES ('s1', '2024-01-02', '2024-01-02', 1, ?, "
                          "'2024-01-02', '', '', 'Gặp hai bên', '', '')", (case_id,))
    # the database as schema 3 left it: no team table, no session times
    sqlite_db.execute_sql("DROP TABLE mediation_team_member")
    sqlite_db.execute_sql("ALTER TABLE mediation_session DROP COLUMN start_time")
    sqlite_db.execute_sql("ALTER TABLE mediation_session DROP COLUMN end_time")
    sqlite_db.execute_sql("UPDATE dv_meta SET value = '3' WHERE key = 'schema_version'")
    close_database()
    db = open_database(str(path))
    assert schema_version(db) == migrations.latest_version() >= 7
    assert _schema(path) == fresh  # the same columns and keys as a new database
    [session] = MediationSession.select()
    assert (session.start_time, session.end_time, session.content) == ("", "", "Gặp hai bên")  # kept, times blank
    person = PersonService.create({"full_name": "Lò Thị Hoa", "gender": "nữ"})
    assert team.add_member(area.id, person.id, on=D(2024, 1, 1)).name == "Lò Thị Hoa"


@pytest.mark.postgres
def test_schema_3_is_upgraded_on_postgresql(pg_server):
    db = open_database(pg_server.url)
    db.execute_sql("DROP TABLE IF EXISTS mediation_team_member")
    db.execute_sql("ALTER TABLE mediation_session DROP COLUMN IF EXISTS start_time")
    db.execute_sql("ALTER TABLE mediation_session DROP COLUMN IF EXISTS end_time")
    db.execute_sql("UPDATE dv_meta SET value = '3' WHERE key = 'schema_version'")
    close_database()
    db = open_database(pg_server.url)
    try:
        assert schema_version(db) == migrations.latest_version()
        assert {"area_id", "person_id", "role", "start_date", "end_date"} <= {
            c.name for c in db.get_columns("mediation_team_member")}
        assert {"start_time", "end_time"} <= {c.name for c in db.get_columns("mediation_session")}
    finally:
        close_database()


# --- the demo ------------------------------------------------------------------------------------


def test_demo_mediation_is_believable(db):
    from dvdesktop.services.demo.generator import build_demo

    ref = dt.date(2025, 12, 31)
    build_demo(scale="commune", seed=3, reference=ref)
    cases = list(MediationCase.select())
    assert len(cases) >= 30
    parties = {}
    for p in MediationParty.select():
        parties.setdefault(p.case_id, []).append(p)
    mediators = {}
    for m in MediationMediator.select():
        mediators.setdefault(m.case_id, []).append(m)
    seen_kinds = set()
    for c in cases:
        side = {p.side: p for p in parties[c.id]}
        a, b = side["A"], side["B"]
        age_a, age_b = c.received_on.year - a.birth_year, c.received_on.year - b.birth_year
        seen_kinds.add(c.kind)
        if c.kind == "Mâu thuẫn vợ chồng":  # a wife and a husband
            assert {a.gender, b.gender} == {"nam", "nữ"}, c.id
            assert abs(age_a - age_b) <= 10
        elif c.kind == "Mâu thuẫn mẹ chồng, nàng dâu":  # two women, the mother-in-law the elder
            assert a.gender == b.gender == "nữ" and age_b >= age_a + 15, c.id
        elif c.kind == "Xô xát do say rượu":  # young men
            assert a.gender == b.gender == "nam" and age_a <= 30 and age_b <= 30, c.id
        elif c.kind in ("Tranh chấp chia thừa kế", "Mâu thuẫn nuôi dưỡng cha mẹ già"):  # one family
            assert a.name.split()[0] == b.name.split()[0] and abs(age_a - age_b) <= 14, c.id
        # one to three mediators, all of the area's tổ hòa giải on the day received
        team_ids = {m.person_id for m in team.members(c.area_id, c.received_on)}
        assert 1 <= len(mediators[c.id]) <= 3
        assert len({m.person_id for m in mediators[c.id]}) == len(mediators[c.id]), c.id  # nobody twice
        assert {m.person_id for m in mediators[c.id]} <= team_ids, c.id
        assert sum(m.is_lead for m in mediators[c.id]) == 1
    assert {"Mâu thuẫn vợ chồng", "Xô xát do say rượu"} <= seen_kinds
    assert any(len(ms) == 1 for ms in mediators.values())  # one mediator may handle a case
    # every area's team meets the rule today; its sessions carry times
    for area_id in {c.area_id for c in cases}:
        assert team.composition_warnings(area_id, ref) == [], area_id
        ids = [m.person_id for m in team.members(area_id, ref)]
        assert len(ids) == len(set(ids)), area_id
    for s in MediationSession.select():
        assert s.start_time and s.end_time and s.start_time < s.end_time


def test_mediators_are_offered_from_the_areas_team_first(db):
    from dvdesktop.services.mediation.records import mediator_candidates
    from dvdesktop.services.register import MembershipService, TeamService

    area = AreaService.create({"name": "Nà Khoang", "kind": "bản"})
    tdv = TeamService.create({"area": area.id, "established_on": "2020-01-01"})
    member = PersonService.create({"full_name": "Lò Văn Thắng", "gender": "nam"})
    both = PersonService.create({"full_name": "Quàng Thị Mai", "gender": "nữ"})
    mediator = PersonService.create({"full_name": "Cầm Văn Ún", "gender": "nam"})
    for p in (member, both):
        MembershipService.create({"person": p.id, "team": tdv.id, "role": "thanh_vien", "start_date": "2020-01-01"})
    team.add_member(area.id, mediator.id, "to_truong", D(2020, 1, 1))
    team.add_member(area.id, both.id, on=D(2020, 1, 1))
    names = [c.full_name for c in mediator_candidates(tdv.id, D(2024, 1, 1), area.id)]
    assert names == ["Cầm Văn Ún", "Quàng Thị Mai", "Lò Văn Thắng"]  # the team's (leader first), then the others once
    assert [c.full_name for c in mediator_candidates(None, D(2024, 1, 1), area.id)] == ["Cầm Văn Ún", "Quàng Thị Mai"]
