"""services.listings: the lists of the main window without Qt, on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest

from dvdesktop.services.listings import choices, search_tokens
from dvdesktop.services.listings import people as pl
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService


@pytest.fixture
def register(db):
    """Two areas (one with a team), five people, memberships current and former."""
    na = AreaService.create({"name": "Nà Khoang", "kind": "bản", "households": 80, "population": 350})
    huoi = AreaService.create({"name": "Huổi Lếch", "kind": "bản", "households": 40, "population": 200})
    team = TeamService.create({"area": na.id, "decision_number": "12/QĐ-UBND", "established_on": "2020-01-01"})
    p = {}
    for key, name, extra in (
        ("thang", "Lò Văn Thắng", {"gender": "nam", "party_member": True, "ethnicity": "Thái", "birth_year": 1970,
                                   "phone": "0912 345 678", "area": na.id}),
        ("mai", "Quàng Thị Mai", {"gender": "nữ", "ethnicity": "Thái", "birth_year": 1985, "area": na.id}),
        ("hung", "Nguyễn Văn Hùng", {"gender": "nam", "birth_year": 1990, "area": huoi.id}),
        ("an", "Đặng Thị An", {"gender": "nữ", "ethnicity": "Dao", "birth_year": 1975}),
        ("anh", "Lường Văn Ánh", {"gender": "nam", "ethnicity": "Thái"}),
    ):
        p[key] = PersonService.create({"full_name": name, **extra})
    MembershipService.create({"person": p["thang"].id, "team": team.id, "role": "to_truong",
                              "start_date": "2020-01-01"})
    MembershipService.create({"person": p["mai"].id, "team": team.id, "role": "thanh_vien",
                              "start_date": "2020-01-01", "end_date": "2023-06-30"})
    MembershipService.create({"person": p["hung"].id, "team": team.id, "role": "to_pho", "start_date": "2024-03-01"})
    return {"na": na, "huoi": huoi, "team": team, **p}


ON = dt.date(2024, 12, 31)


def names_of(ids, rows):
    by_id = {r.id: r for r in rows}
    return [by_id[i].full_name for i in ids]


def test_search_tokens_fold_and_drop_wildcards():
    assert search_tokens("  Nguyễn  VĂN%_ ") == ["nguyen", "van"]
    assert search_tokens("") == []


# --- people ------------------------------------------------------------------------


def test_people_in_vietnamese_name_order(register):
    ids = pl.people_ids(pl.PeopleFilter(), on=ON)
    rows = pl.people_rows(ids, ON)
    # by given name (An, Ánh, Hùng, Mai, Thắng), not by the family name
    assert names_of(ids, rows) == ["Đặng Thị An", "Lường Văn Ánh", "Nguyễn Văn Hùng", "Quàng Thị Mai", "Lò Văn Thắng"]
    assert pl.people_ids(pl.PeopleFilter(), descending=True, on=ON) == list(reversed(ids))


def test_picker_and_people_list_search_alike(register):
    """The person picker filters as the people list does (folded_contains): without
    diacritics or case, đ as d, every word anywhere in the name; its own order after."""
    from dvdesktop.services.listings.person_picking import picker_ids

    duc = PersonService.create({"full_name": "Nguyễn Văn Đức", "area": register["huoi"].id})
    for query in ("nguyen van duc", "NGUYỄN văn ĐỨC", "duc nguyen", "đức"):
        assert picker_ids(query) == [duc.id], query
        assert pl.people_ids(pl.PeopleFilter(query=query), on=ON) == [duc.id], query
    for query in ("nguyen", "van", "an", "th", "zzz", ""):
        assert sorted(picker_ids(query)) == sorted(pl.people_ids(pl.PeopleFilter(query=query), on=ON)), query
    # the picker's order: a word's start first («an» → Đặng Thị An, Lường Văn Ánh before Nguyễn Văn Hùng's «van»)
    assert picker_ids("an")[:2] == [register["an"].id, register["anh"].id]
    # then the people of the team's area, in name order; everyone too (read in SQL), on both engines
    assert picker_ids("van", prefer_area=register["na"].id)[0] == register["thang"].id
    assert picker_ids("", prefer_area=register["na"].id)[:2] == [register["mai"].id, register["thang"].id]
    assert picker_ids("") == pl.people_ids(pl.PeopleFilter(), on=ON)


def test_people_sort_by_column(register):
    r = register
    born = [i for i in pl.people_ids(pl.PeopleFilter(), "birth_year", on=ON) if i != r["anh"].id]
    assert born == [r["thang"].id, r["an"].id, r["mai"].id, r["hung"].id]
    born = [i for i in pl.people_ids(pl.PeopleFilter(), "birth_year", True, on=ON) if i != r["anh"].id]
    assert born == [r["hung"].id, r["mai"].id, r["an"].id, r["thang"].id]
    # within one gender, by name
    men = pl.people_ids(pl.PeopleFilter(gender="nam"), "gender", on=ON)
    assert men == [r["anh"].id, r["hung"].id, r["thang"].id]
    by_area = pl.people_ids(pl.PeopleFilter(query="van"), "area", on=ON)
    # Huổi Lếch before Nà Khoang; Ánh (no area) first on SQLite and last on PostgreSQL (NULL order)
    assert by_area.index(r["hung"].id) < by_area.index(r["thang"].id)


def test_people_filters(register):
    r = register
    ids = lambda **kw: set(pl.people_ids(pl.PeopleFilter(**kw), on=ON))  # noqa: E731
    assert ids(query="lo van") == {r["thang"].id}
    assert ids(query="0912345") == {r["thang"].id}
    assert ids(query="thi") == {r["mai"].id, r["an"].id}
    assert ids(query="%") == {p.id for k, p in r.items() if k not in ("na", "huoi", "team")}
    assert ids(area_id=r["na"].id) == {r["thang"].id, r["mai"].id}
    assert ids(party=True) == {r["thang"].id}
    assert ids(party=False) == {r["mai"].id, r["hung"].id, r["an"].id, r["anh"].id}
    assert ids(gender="nữ") == {r["mai"].id, r["an"].id}
    assert ids(ethnicity="Thái") == {r["thang"].id, r["mai"].id, r["anh"].id}
    assert ids(status="current") == {r["thang"].id, r["hung"].id}
    assert ids(status="former") == {r["mai"].id}
    assert ids(status="none") == {r["mai"].id, r["an"].id, r["anh"].id}
    assert ids(team_id=r["team"].id) == {r["thang"].id, r["hung"].id}
    assert ids(role="to_truong") == {r["thang"].id}
    assert ids(role="to_truong", status="former") == set()
    assert ids(gender="nam", ethnicity="Thái", query="van") == {r["thang"].id, r["anh"].id}


def test_people_follow_the_day(register):
    r = register
    ids = lambda on, **kw: set(pl.people_ids(pl.PeopleFilter(**kw), on=on))  # noqa: E731
    assert ids(dt.date(2022, 12, 31), status="current") == {r["thang"].id, r["mai"].id}
    assert ids(dt.date(2022, 12, 31), status="former") == set()
    assert ids(dt.date(2023, 12, 31), status="former") == {r["mai"].id}
    rows = {x.id: x for x in pl.people_rows([r["mai"].id, r["hung"].id], dt.date(2022, 12, 31))}
    assert rows[r["mai"].id].roles and not rows[r["hung"].id].roles
    rows = {x.id: x for x in pl.people_rows([r["mai"].id, r["hung"].id], ON)}
    assert not rows[r["mai"].id].roles and rows[r["hung"].id].roles


def test_people_rows_are_plain_values(register):
    r = register
    (row,) = pl.people_rows([r["thang"].id], ON)
    assert (row.full_name, row.gender, row.birth_year, row.ethnicity, row.area_name, row.party_member) == \
        ("Lò Văn Thắng", "nam", 1970, "Thái", "Nà Khoang", True)
    assert len(row.roles) == 1 and "Nà Khoang" in row.roles[0]
    (anh,) = pl.people_rows([r["anh"].id], ON)
    assert anh.area_name == "" and anh.roles == [] and anh.party_member is False
    assert pl.people_rows([], ON) == []


def test_role_history_latest_first(register):
    r = register
    MembershipService.create({"person": r["mai"].id, "team": r["team"].id, "role": "to_pho",
                              "position": "chi hội trưởng", "start_date": "2024-01-01"})
    lines = pl.role_history(r["mai"].id)
    assert [(x.role, x.start_date, x.end_date) for x in lines] == [
        ("to_pho", dt.date(2024, 1, 1), None), ("thanh_vien", dt.date(2020, 1, 1), dt.date(2023, 6, 30))]
    assert lines[0].position == "chi hội trưởng" and lines[1].position == ""
    assert lines[0].team_name == r["team"].name


# --- choices -----------------------------------------------------------------------


def test_choices(register):
    r = register
    assert choices.area_choices() == [(r["huoi"].id, "Bản Huổi Lếch"), (r["na"].id, "Bản Nà Khoang")]
    assert choices.team_choices() == [(r["team"].id, r["team"].name)]
    assert choices.ethnicity_choices() == [("Dao", "Dao"), ("Kinh", "Kinh"), ("Thái", "Thái")]
    assert choices.person_name(r["an"].id) == "Đặng Thị An"
    assert choices.person_name(None) is None and choices.person_name(999999) is None
    assert choices.team_meetings(None) == [] and choices.team_meetings(r["team"].id) == []


# --- areas -------------------------------------------------------------------------


def test_areas_filters_sort_and_team(register):
    from dvdesktop.services.listings import areas as al

    r = register
    third = AreaService.create({"name": "Bản Chang", "kind": "tổ dân phố", "households": 120})
    f = al.AreaFilter
    assert al.area_ids(f(), on=ON) == [third.id, r["huoi"].id, r["na"].id]
    assert al.area_ids(f(), descending=True, on=ON) == [r["na"].id, r["huoi"].id, third.id]
    assert al.area_ids(f(query="na kh"), on=ON) == [r["na"].id]
    assert al.area_ids(f(query="NÀ KH"), on=ON) == [r["na"].id]  # as the people list searches: folded_contains
    assert al.area_ids(f(kind="bản"), on=ON) == [r["huoi"].id, r["na"].id]
    assert al.area_ids(f(team_state="with"), on=ON) == [r["na"].id]
    assert set(al.area_ids(f(team_state="without"), on=ON)) == {r["huoi"].id, third.id}
    assert al.area_ids(f(), "households", on=ON) == [r["huoi"].id, r["na"].id, third.id]
    assert al.area_ids(f(), "households", True, on=ON) == [third.id, r["na"].id, r["huoi"].id]
    rows = {x.id: x for x in al.area_rows(al.area_ids(f(), on=ON), ON)}
    na = rows[r["na"].id]
    assert (na.name, na.kind, na.households, na.population, na.active) == ("Nà Khoang", "bản", 80, 350, True)
    assert na.team.id == r["team"].id and na.team.leader == "Lò Văn Thắng" and na.team.members == 2
    assert na.team.decision_number == "12/QĐ-UBND" and na.team.established_on == dt.date(2020, 1, 1)
    assert rows[r["huoi"].id].team is None
    # on an earlier day: Mai still a member, Hùng not yet
    (early,) = al.area_rows([r["na"].id], dt.date(2022, 1, 1))
    assert early.team.members == 2
    (before,) = al.area_rows([r["na"].id], dt.date(2019, 1, 1))
    assert before.team.members == 0 and before.team.leader == ""
    assert al.team_of_area(r["na"].id) == r["team"].id and al.team_of_area(r["huoi"].id) is None
    assert al.area_of_team(r["team"].id) == r["na"].id and al.area_of_team(None) is None


def test_area_former_names(register):
    from dvdesktop.services.listings import areas as al

    r = register
    AreaService.rename(r["huoi"].id, "Huổi Lếch Mới", dt.date(2024, 1, 1))
    (old,) = al.former_names(r["huoi"].id)
    assert (old.name, old.valid_to) == ("Huổi Lếch", dt.date(2024, 1, 1))
    assert al.former_names(r["na"].id) == []


# --- meetings ----------------------------------------------------------------------


@pytest.fixture
def meetings(register):
    from dvdesktop.services import meetings as M

    r = register
    team = r["team"]
    other_area = AreaService.create({"name": "Co Muông", "kind": "bản"})
    other = TeamService.create({"area": other_area.id})

    def meeting(team_id, when, attendance=(), tasks=(), **extra):
        data = {"team": team_id, "starts_at": when, "place": "Nhà văn hóa", "title": "Họp định kỳ", **extra}
        return M.save_meeting(data, list(attendance), [{"title": "Tình hình"}, {"title": "Nhiệm vụ"}], list(tasks))

    first = meeting(team.id, "2024-03-05 08:00", [{"person": r["thang"].id}, {"person": r["hung"].id,
                                                                              "status": "excused",
                                                                              "reason": "ốm"}],
                    [{"description": "Vận động hộ ông A", "assignee": r["thang"].id, "due_date": "2024-04-01"},
                     {"description": "Báo cáo xã", "due_date": "2024-04-01", "status": "done",
                      "done_on": "2024-03-20"}], number="01/BB")
    second = meeting(team.id, "2024-09-10 19:30", kind="dot_xuat", place="Nhà ông Thắng", number="10/BB")
    planned = meeting(other.id, "2024-12-20 08:00", status="planned", number="2/BB")
    old = meeting(team.id, "2023-06-01 08:00", tasks=[{"description": "Sửa đường", "due_date": "2023-07-01"}])
    return {**r, "other": other, "first": first, "second": second, "planned": planned, "old": old}


def test_meetings_year_filters_and_order(meetings):
    from dvdesktop.services.listings import meetings as ml

    m = meetings
    f = ml.MeetingFilter
    assert ml.meeting_ids(f(year=2024), on=ON) == [m["planned"].id, m["second"].id, m["first"].id]
    assert ml.meeting_ids(f(year=2023), on=ON) == [m["old"].id]
    assert len(ml.meeting_ids(f(), on=ON)) == 4
    assert ml.meeting_ids(f(year=2024), "starts_at", on=ON) == [m["first"].id, m["second"].id, m["planned"].id]
    # team order follows the area names: Co Muông before Nà Khoang
    assert ml.meeting_ids(f(year=2024), "team", on=ON) == [m["planned"].id, m["first"].id, m["second"].id]
    # minutes numbers by length, then text: 01/BB, 02/BB (typed "2/BB", kept zero-padded), 10/BB
    assert ml.meeting_ids(f(year=2024), "number", on=ON) == [m["first"].id, m["planned"].id, m["second"].id]
    assert ml.meeting_ids(f(year=2024, team_id=m["team"].id), on=ON) == [m["second"].id, m["first"].id]
    assert ml.meeting_ids(f(year=2024, kind="dot_xuat"), on=ON) == [m["second"].id]
    assert ml.meeting_ids(f(year=2024, status="planned"), on=ON) == [m["planned"].id]
    assert ml.meeting_ids(f(year=2024, query="ong thang"), on=ON) == [m["second"].id]
    assert ml.meeting_ids(f(year=2024, query="co muong"), on=ON) == [m["planned"].id]  # the area's name
    assert ml.meeting_ids(f(year=2024, query="Ông THẮNG"), on=ON) == [m["second"].id]  # case and marks ignored
    assert ml.meeting_ids(f(year=2024, query="CÓ MƯỜNG"), on=ON) == [m["planned"].id]
    assert ml.meeting_ids(f(year=2024, tasks="open"), on=ON) == [m["first"].id]
    # overdue: any year, as on the day asked
    assert ml.meeting_ids(f(year=2024, tasks="overdue"), on=ON) == [m["first"].id, m["old"].id]
    assert ml.meeting_ids(f(tasks="overdue"), on=dt.date(2024, 3, 31)) == [m["old"].id]


def test_meeting_rows(meetings):
    from dvdesktop.services.listings import meetings as ml

    m = meetings
    rows = {x.id: x for x in ml.meeting_rows([m["first"].id, m["second"].id, m["planned"].id], ON)}
    first = rows[m["first"].id]
    assert first.starts_at == dt.datetime(2024, 3, 5, 8, 0) and first.team_name == m["team"].name
    assert (first.present, first.listed, first.open_tasks, first.overdue) == (1, 2, 1, True)
    assert (first.number, first.title, first.place, first.status) == ("01/BB", "Họp định kỳ", "Nhà văn hóa", "held")
    second = rows[m["second"].id]
    assert (second.kind, second.listed, second.open_tasks, second.overdue) == ("dot_xuat", 0, 0, False)
    assert rows[m["planned"].id].status == "planned"
    (early,) = ml.meeting_rows([m["first"].id], dt.date(2024, 3, 31))
    assert early.overdue is False
    assert ml.meeting_rows([], ON) == []


def test_meeting_agenda_tasks_and_choices(meetings):
    from dvdesktop.services.listings import meetings as ml

    m = meetings
    assert [a.title for a in ml.agenda_lines(m["first"].id)] == ["Tình hình", "Nhiệm vụ"]
    tasks = ml.task_lines(m["first"].id)
    assert [(t.description, t.assignee_id, t.due_date, t.status, t.done_on) for t in tasks] == [
        ("Vận động hộ ông A", m["thang"].id, dt.date(2024, 4, 1), "open", None),
        ("Báo cáo xã", None, dt.date(2024, 4, 1), "done", dt.date(2024, 3, 20))]
    assert ml.task_meeting_start(tasks[0].id) == dt.datetime(2024, 3, 5, 8, 0)
    assert ml.task_meeting_start(999999) is None
    chosen = choices.team_meetings(m["team"].id)
    assert [c.id for c in chosen] == [m["second"].id, m["first"].id, m["old"].id]
    assert (chosen[0].starts_at, chosen[0].kind, chosen[0].number) == (dt.datetime(2024, 9, 10, 19, 30), "dot_xuat",
                                                                       "10/BB")
    assert len(choices.team_meetings(m["team"].id, limit=1)) == 1


# --- outreach ----------------------------------------------------------------------


def test_outreach_list_and_totals(register):
    from dvdesktop.services.listings import outreach as ol
    from dvdesktop.services.outreach import OutreachService

    r = register
    other = TeamService.create({"area": r["huoi"].id})

    def session(team, day, **extra):
        return OutreachService.create({"team": team.id, "held_on": day, "topic": "Luật Đất đai 2024",
                                       "audience_total": 40, "audience_women": 20, "audience_minority": 30, **extra})

    a = session(r["team"], "2024-03-12", policy="Luật Đất đai", presenters="Lò Văn Thắng")
    b = session(r["team"], "2024-05-02", form="Đến từng hộ", topic="Phòng chống ma túy", audience_total=12,
                audience_women=5, audience_minority=12)
    c = session(other, "2024-05-02", form="Loa truyền thanh", topic="Bảo hiểm y tế", audience_total=300,
                audience_women=150, audience_minority=200)
    old = session(r["team"], "2023-10-10")
    f = ol.OutreachFilter
    assert ol.outreach_ids(f(year=2024)) == [c.id, b.id, a.id]  # newest first, then the latest entered
    assert ol.outreach_ids(f(year=2023)) == [old.id]
    assert ol.outreach_ids(f(year=2024), "audience_total") == [b.id, a.id, c.id]
    assert ol.outreach_ids(f(year=2024), "audience_total", True) == [c.id, a.id, b.id]
    assert ol.outreach_ids(f(year=2024), "team") == [c.id, b.id, a.id]  # Huổi Lếch before Nà Khoang
    assert ol.outreach_ids(f(year=2024, team_id=r["team"].id)) == [b.id, a.id]
    assert ol.outreach_ids(f(year=2024, form="Loa truyền thanh")) == [c.id]
    assert ol.outreach_ids(f(year=2024, query="dat dai")) == [a.id]
    assert ol.outreach_ids(f(year=2024, query="huoi lech")) == [c.id]  # the area's name
    assert ol.outreach_ids(f(year=2024, query="ĐẤT ĐAI")) == [a.id]  # case, marks and đ ignored
    assert ol.outreach_ids(f(year=2024, query="Huổi Lếch")) == [c.id]
    assert ol.outreach_ids(f()) == [c.id, b.id, a.id, old.id]
    t = ol.outreach_totals(f(year=2024))
    assert (t.sessions, t.audience, t.women, t.minority) == (3, 352, 175, 242)
    t = ol.outreach_totals(f(year=2022))
    assert (t.sessions, t.audience, t.women, t.minority) == (0, 0, 0, 0)
    rows = {x.id: x for x in ol.outreach_rows([a.id, c.id])}
    assert (rows[a.id].held_on, rows[a.id].team_name, rows[a.id].form, rows[a.id].policy, rows[a.id].presenters) == \
        (dt.date(2024, 3, 12), r["team"].name, "Họp dân", "Luật Đất đai", "Lò Văn Thắng")
    assert rows[c.id].audience_total == 300 and rows[c.id].team_name == other.name
    assert ol.outreach_rows([]) == []


# --- concerns ----------------------------------------------------------------------


def test_concerns_list(register):
    from dvdesktop.services.concerns import ConcernService
    from dvdesktop.services.listings import concerns as cl

    r = register

    def concern(day, **extra):
        return ConcernService.create({"received_on": day, "content": "Đường vào bản bị sạt lở", "field": "Giao thông",
                                      **extra})

    a = concern("2024-02-01", raised_by="Lò Văn Thắng", area=r["na"].id, team=r["team"].id,
                due_date="2024-03-01")
    b = concern("2024-06-10", anonymous=True, content="Tiền điện tăng\nNhiều hộ phản ánh", field="Khác",
                area=r["huoi"].id, due_date="2025-01-31")
    c = concern("2024-09-15", raised_by="Quàng Thị Mai", status="da_giai_quyet", forwarded_to="Ủy ban nhân dân xã",
                forwarded_on="2024-09-16", answered_on="2024-09-25", resolved_on="2024-10-01",
                due_date="2024-10-15")
    old = concern("2023-11-20", raised_by="Vàng A Dơ", due_date="2023-12-20")
    f = cl.ConcernFilter
    assert cl.concern_ids(f(year=2024), on=ON) == [c.id, b.id, a.id]
    assert cl.concern_ids(f(year=2024), "received_on", on=ON) == [a.id, b.id, c.id]
    by_area = cl.concern_ids(f(year=2024), "area", on=ON)  # c has no area: NULL first on SQLite, last on PostgreSQL
    assert [i for i in by_area if i != c.id] == [b.id, a.id]
    assert cl.concern_ids(f(year=2024), "due_date", True, on=ON)[0] == b.id
    assert cl.concern_ids(f(year=2024, status="open"), on=ON) == [b.id, a.id]
    assert cl.concern_ids(f(year=2024, status="da_giai_quyet"), on=ON) == [c.id]
    # overdue on the day asked: of the year chosen (as the overview's card), of any year without one
    assert cl.concern_ids(f(year=2024, status="overdue"), on=ON) == [a.id]
    assert cl.concern_ids(f(status="overdue"), on=ON) == [a.id, old.id]
    assert cl.concern_ids(f(status="overdue"), on=dt.date(2024, 2, 15)) == [old.id]
    assert cl.concern_ids(f(year=2024, field="Khác"), on=ON) == [b.id]
    assert cl.concern_ids(f(year=2024, area_id=r["na"].id), on=ON) == [a.id]
    assert cl.concern_ids(f(year=2024, team_id=r["team"].id), on=ON) == [a.id]
    assert cl.concern_ids(f(year=2024, query="sat lo"), on=ON) == [c.id, a.id]
    assert cl.concern_ids(f(year=2024, query="huoi"), on=ON) == [b.id]  # the area's name
    assert cl.concern_ids(f(year=2024, query="Sạt LỞ"), on=ON) == [c.id, a.id]  # case and marks ignored
    assert cl.concern_ids(f(year=2024, query="HUỔI"), on=ON) == [b.id]
    assert cl.concern_ids(f(), on=ON) == [c.id, b.id, a.id, old.id]
    rows = {x.id: x for x in cl.concern_rows([a.id, b.id, c.id], ON)}
    assert (rows[a.id].raised_by, rows[a.id].area_name, rows[a.id].overdue, rows[a.id].resolved) == \
        ("Lò Văn Thắng", "Nà Khoang", True, False)
    assert rows[b.id].anonymous and rows[b.id].content.startswith("Tiền điện tăng\n") and not rows[b.id].overdue
    assert rows[c.id].resolved and rows[c.id].area_name == "" and not rows[c.id].overdue
    (early,) = cl.concern_rows([a.id], dt.date(2024, 2, 15))
    assert early.overdue is False


# --- households --------------------------------------------------------------------


def test_households_list_and_help(register):
    from dvdesktop.services.households import HouseholdService, HouseholdSupportService
    from dvdesktop.services.listings import households as hl

    r = register
    som = HouseholdService.create({"area": r["na"].id, "head_name": "Vàng A Sình", "situation": "can_ngheo",
                                   "members": 6, "since_year": 2022, "left_poverty_year": 2024})
    pom = HouseholdService.create({"area": r["huoi"].id, "head_name": "Lò Văn Pọm", "members": 4, "since_year": 2020})
    on_ = HouseholdService.create({"area": r["na"].id, "head_name": "Quàng Văn Ón", "since_year": 2021,
                                   "left_poverty_year": 2023})
    gone = HouseholdService.create({"area": r["na"].id, "head_name": "Mùa A Chứ"})
    HouseholdService.delete(gone.id)
    HouseholdSupportService.create({"household": pom.id, "team": r["team"].id, "given_on": "2024-04-15",
                                    "kind": "Con giống", "given_by": "Tổ dân vận", "value": 3_000_000})
    HouseholdSupportService.create({"household": pom.id, "given_on": "2024-09-01", "kind": "Ngày công",
                                    "value": 500_000})
    HouseholdSupportService.create({"household": pom.id, "given_on": "2023-05-01", "kind": "Tư vấn", "value": 0})
    f = hl.HouseholdFilter
    # by given name: Ón, Pọm, Sình
    assert hl.household_ids(f(year=2024)) == [on_.id, pom.id, som.id]
    assert hl.household_ids(f(year=2024), descending=True) == [som.id, pom.id, on_.id]
    assert hl.household_ids(f(year=2024), "members") == [pom.id, som.id, on_.id]  # empty last
    assert hl.household_ids(f(year=2024), "area") == [pom.id, on_.id, som.id]  # Huổi Lếch, then Nà Khoang by name
    assert hl.household_ids(f(year=2024, query="lo van")) == [pom.id]
    assert hl.household_ids(f(year=2024, situation="can_ngheo")) == [som.id]
    assert hl.household_ids(f(year=2024, area_id=r["na"].id)) == [on_.id, som.id]
    assert hl.household_ids(f(year=2024, state="still")) == [pom.id]
    assert hl.household_ids(f(year=2023, state="still")) == [pom.id, som.id]
    assert hl.household_ids(f(year=2024, state="left")) == [som.id]
    assert hl.household_ids(f(year=2023, state="left")) == [on_.id]
    rows = {x.id: x for x in hl.household_rows([pom.id, som.id], 2024)}
    assert (rows[pom.id].area_name, rows[pom.id].help_count, rows[pom.id].help_value) == ("Huổi Lếch", 2, 3_500_000)
    assert (rows[som.id].situation, rows[som.id].members, rows[som.id].help_count) == ("can_ngheo", 6, 0)
    (pom_2023,) = hl.household_rows([pom.id], 2023)
    assert (pom_2023.help_count, pom_2023.help_value) == (1, 0)
    lines = hl.support_lines(pom.id)
    assert [(x.given_on, x.kind, x.value) for x in lines] == [
        (dt.date(2024, 9, 1), "Ngày công", 500_000), (dt.date(2024, 4, 15), "Con giống", 3_000_000),
        (dt.date(2023, 5, 1), "Tư vấn", 0)]
    assert lines[1].given_by == "Tổ dân vận"
    assert hl.support_total(pom.id) == (3, 3_500_000) and hl.support_total(som.id) == (0, 0)


# --- "Dân vận khéo" models ---------------------------------------------------------


def test_models_list(register):
    from dvdesktop.services.exemplary import ExemplaryModelService
    from dvdesktop.services.listings import exemplary as el

    r = register
    road = ExemplaryModelService.create({"name": "Đường bê tông nông thôn", "field": "Kinh tế", "year": 2024,
                                         "team": r["team"].id, "level": "Cấp xã", "results": "2 km đường\nxong",
                                         "description": "Vận động hiến đất"})
    bell = ExemplaryModelService.create({"name": "Tiếng kẻng an ninh", "field": "Quốc phòng – an ninh",
                                         "year": 2024})
    old = ExemplaryModelService.create({"name": "Ánh sáng đường quê", "field": "Kinh tế", "year": 2023})
    f = el.ModelFilter
    assert el.model_ids(f(year=2024)) == [road.id, bell.id]  # Đường < Tiếng
    assert el.model_ids(f()) == [old.id, road.id, bell.id]
    assert el.model_ids(f(year=2024), descending=True) == [bell.id, road.id]
    assert el.model_ids(f(year=2024), "field") == [road.id, bell.id]
    assert el.model_ids(f(year=2024), "level") == [bell.id, road.id]  # "" before "Cấp xã"
    assert el.model_ids(f(year=2024, level="")) == [bell.id]
    assert el.model_ids(f(year=2024, field="Kinh tế")) == [road.id]
    assert el.model_ids(f(year=2024, team_id=r["team"].id)) == [road.id]
    assert el.model_ids(f(year=2024, query="hien dat")) == [road.id]  # the description
    assert el.model_ids(f(year=2024, query="na khoang")) == [road.id]  # the team's name
    rows = {x.id: x for x in el.model_rows([road.id, bell.id])}
    assert (rows[road.id].team_name, rows[road.id].level, rows[road.id].results) == \
        (r["team"].name, "Cấp xã", "2 km đường\nxong")
    assert (rows[bell.id].team_name, rows[bell.id].level, rows[bell.id].description) == (None, "", "")


# --- campaigns ---------------------------------------------------------------------


def test_campaigns_list(register):
    from decimal import Decimal

    from dvdesktop.services.campaigns import CampaignService, ContributionService
    from dvdesktop.services.listings import campaigns as kl

    r = register
    other = TeamService.create({"area": r["huoi"].id})
    road = CampaignService.create({"name": "Làm đường bê tông", "kind": "Nông thôn mới", "year": 2024,
                                   "start_date": "2024-03-01", "description": "Đường vào bản"})
    clean = CampaignService.create({"name": "Ngày Chủ nhật xanh", "kind": "Môi trường", "year": 2024})
    old = CampaignService.create({"name": "Xóa nhà tạm", "kind": "An sinh", "year": 2023})
    ContributionService.create({"campaign": road.id, "team": r["team"].id, "households_mobilised": 30,
                                "work_days": "10,5", "money": 1_000_000, "materials": "xi măng"})
    ContributionService.create({"campaign": road.id, "team": other.id, "households_mobilised": 20,
                                "work_days": "4,5", "money": 500_000})
    f = kl.CampaignFilter
    assert kl.campaign_ids(f(year=2024)) == [road.id, clean.id]  # Làm < Ngày
    assert kl.campaign_ids(f(year=2024), descending=True) == [clean.id, road.id]
    assert kl.campaign_ids(f(year=2024), "start_date") == [road.id, clean.id]  # no date last
    assert kl.campaign_ids(f(year=2024), "kind") == [clean.id, road.id]  # Môi trường < Nông thôn mới
    assert kl.campaign_ids(f(year=2024, kind="Môi trường")) == [clean.id]
    assert kl.campaign_ids(f(year=2024, query="chu nhat")) == [clean.id]
    assert kl.campaign_ids(f(year=2024, query="nong thon")) == [road.id]  # the kind
    assert kl.campaign_ids(f()) == [road.id, clean.id, old.id]
    rows = {x.id: x for x in kl.campaign_rows([road.id, clean.id])}
    assert (rows[road.id].teams, rows[road.id].households, rows[road.id].work_days, rows[road.id].money) == \
        (2, 50, Decimal("15.0"), 1_500_000)
    assert rows[road.id].start_date == dt.date(2024, 3, 1) and rows[road.id].description == "Đường vào bản"
    assert (rows[clean.id].teams, rows[clean.id].money, rows[clean.id].start_date) == (0, 0, None)
    assert kl.campaign_kinds_in_use() == {"Nông thôn mới", "Môi trường", "An sinh"}
    lines = kl.contribution_lines(road.id)
    assert [(x.team_name, x.households, x.work_days, x.money, x.materials) for x in lines] == [
        (other.name, 20, Decimal("4.5"), 500_000, ""), (r["team"].name, 30, Decimal("10.5"), 1_000_000, "xi măng")]


# --- other reads the GUI now asks the services for ---------------------------------


def test_register_counts_follow_the_day(register):
    from dvdesktop.services.overview import register_counts

    c = register_counts(ON)
    assert (c.areas, c.active_teams, c.members, c.women, c.party_members, c.minorities, c.people) == \
        (2, 1, 2, 0, 1, 1, 5)  # members: Thắng (Thái, party) and Hùng (Kinh); Mai left in 2023
    c = register_counts(dt.date(2022, 12, 31))
    assert (c.members, c.women, c.minorities) == (2, 1, 2)  # Thắng and Mai
    assert register_counts(dt.date(2019, 12, 31)).active_teams == 0  # established 1 Jan 2020


def test_trash_limit(register):
    r = register
    for key in ("an", "anh", "hung"):
        PersonService.delete(r[key].id)
    assert len(PersonService.trash()) == 3
    assert len(list(PersonService.trash(limit=2))) == 2


def test_mediation_case_parts_without_audit(register):
    from dvdesktop.services.mediation import records as med
    from dvdesktop.store.models import AuditLog

    r = register
    parties = [{"name": "Lò Văn Thắng", "age": 45, "side": "B"}, {"name": "Quàng Thị Mai", "age": 30, "side": "A"}]
    case = med.save_case({"received_on": dt.date(2024, 3, 1), "area": r["na"].id, "confidential": True},
                         parties, [], [])
    parts = med.case_parts(case.id)
    assert [p.name for p in parts[0]] == ["Quàng Thị Mai", "Lò Văn Thắng"]  # side A first
    assert parts[1] == [] and parts[2] == []
    assert AuditLog.select().where(AuditLog.action == "view").count() == 0
    detail = med.open_case_for_view(case.id)  # the audited reading gives the same parts
    assert [p.id for p in detail.parties] == [p.id for p in parts[0]]
