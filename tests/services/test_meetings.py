import datetime as dt
import json
from types import SimpleNamespace

import pytest

from dvdesktop.errors import ConflictError, ValidationError
from dvdesktop.services import agenda_templates as T
from dvdesktop.services import meetings as M
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.store.location import data_dir
from dvdesktop.store.models import AgendaItem, AuditLog, Meeting, MeetingAttendance, MeetingTask


@pytest.fixture
def team(db):
    """A team of four on 1 Jan 2025; a fifth member joins on 1 Jun 2025."""
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    team = TeamService.create({"area": area.id})
    names = [("Lò Văn Thắng", "to_truong"), ("Quàng Thị Mai", "to_pho"), ("Vàng A Dơ", "thanh_vien"),
             ("Lò Thị Hoa", "thanh_vien")]
    team = SimpleNamespace(id=team.id, people=[])  # the team's id and its people, for the tests
    for name, role in names:
        p = PersonService.create({"full_name": name})
        MembershipService.create({"person": p.id, "team": team.id, "role": role, "start_date": "2025-01-01"})
        team.people.append(p)
    late = PersonService.create({"full_name": "Giàng A Páo"})
    MembershipService.create({"person": late.id, "team": team.id, "start_date": "2025-06-01"})
    team.late = late
    return team


def meeting_data(team, when="2025-03-05 08:00", **extra):
    return {"team": team.id, "starts_at": when, "place": "Nhà văn hóa bản", "title": "Họp định kỳ tháng 3",
            "chair": team.people[0].id, "secretary": team.people[1].id, **extra}


def test_attendance_grid_lists_members_of_the_day_leader_first(team):
    grid = M.attendance_grid(team.id, dt.date(2025, 3, 5))
    assert [r.full_name for r in grid][:2] == ["Lò Văn Thắng", "Quàng Thị Mai"]
    assert len(grid) == 4 and all(r.status == "present" for r in grid)
    assert len(M.attendance_grid(team.id, dt.datetime(2025, 7, 1, 8, 0))) == 5


def test_quorum_is_counted_from_attendance_not_typed(team):
    a, b, c, d = team.people
    meeting = M.save_meeting(
        meeting_data(team),
        attendance=[{"person": a.id}, {"person": b.id}, {"person": c.id, "status": "excused", "reason": "Đi viện"},
                    {"person": d.id, "status": "absent", "reason": "typed before the status was changed"}],
        agenda=[{"title": "Đánh giá tháng 2"}], tasks=[],
    )
    assert M.quorum(meeting.id) == (2, 4)
    assert M.quorum_line(meeting.id) == "Có mặt 2/4 đồng chí"
    assert M.absence_line(meeting.id) == "Vắng 1 đồng chí có lý do (Vàng A Dơ: Đi viện); 1 đồng chí không lý do (Lò Thị Hoa)."
    grid = {r.full_name: r.status for r in M.attendance_grid(team.id, meeting.starts_at, meeting.id)}
    assert grid["Vàng A Dơ"] == "excused"


def test_member_left_off_the_list_counts_as_absent(team):
    a, b, c, _ = team.people
    meeting = M.save_meeting(meeting_data(team), [{"person": x.id} for x in (a, b, c)], [], [])
    assert M.quorum_line(meeting.id) == "Có mặt 3/4 đồng chí"
    full = M.save_meeting(meeting_data(team, "2025-04-05 08:00"), [{"person": x.id} for x in team.people], [], [])
    assert M.absence_line(full.id) == "Không có đồng chí nào vắng mặt."


def test_meeting_and_children_saved_together_and_replaced(team):
    a, b, *_ = team.people
    meeting = M.save_meeting(
        meeting_data(team, kind="Định kỳ"),
        [{"person": a.id}, {"person": b.id}],
        [{"title": "Nội dung 1"}, {"title": "Nội dung 2"}],
        [{"description": "Vận động hộ ông Sùng dọn vệ sinh", "assignee": b.id, "due_date": "2025-03-20"}],
    )
    assert meeting.kind == "dinh_ky"
    assert [i.title for i in AgendaItem.select().where(AgendaItem.meeting == meeting.id).order_by(AgendaItem.position)] == ["Nội dung 1", "Nội dung 2"]
    task = MeetingTask.get(MeetingTask.meeting == meeting.id)
    assert task.assignee_name == "Quàng Thị Mai"
    M.save_meeting({"conclusions": "Thống nhất."}, [{"person": a.id}, {"person": b.id, "status": "present"}],
                   [{"title": "Chỉ một nội dung"}], [], meeting_id=meeting.id, expected_version=meeting.version)
    assert MeetingAttendance.select().where(MeetingAttendance.meeting == meeting.id).count() == 2
    assert AgendaItem.select().where(AgendaItem.meeting == meeting.id).count() == 1
    assert MeetingTask.select().where(MeetingTask.meeting == meeting.id).count() == 0
    assert Meeting.get_by_id(meeting.id).conclusions == "Thống nhất."
    with pytest.raises(ConflictError):
        M.save_meeting({"title": "x"}, [], [], [], meeting_id=meeting.id, expected_version=meeting.version)
    assert AuditLog.select().where(AuditLog.table_name == "meeting_children").count() == 2


def test_a_bad_child_row_leaves_nothing_half_written(team):
    a, b, *_ = team.people
    with pytest.raises(ValidationError) as err:
        M.save_meeting(meeting_data(team), [{"person": a.id}], [{"title": "Nội dung"}],
                       [{"description": "Việc 1"}, {"description": "   "}])
    assert err.value.field == "tasks[1].description"
    assert "dòng 2" in err.value.message
    # a rule checked after the meeting row is written must roll it back too
    with pytest.raises(ValidationError) as err:
        M.save_meeting(meeting_data(team), [{"person": a.id}, {"person": a.id}], [{"title": "Nội dung"}], [])
    assert err.value.field == "attendance[1].person"
    for model in (Meeting, MeetingAttendance, AgendaItem, MeetingTask):
        assert model.select().count() == 0
    # an edit that fails keeps the old children
    meeting = M.save_meeting(meeting_data(team), [{"person": a.id}, {"person": b.id}], [{"title": "Cũ"}], [])
    with pytest.raises(ValidationError):
        M.save_meeting({"title": "Mới"}, [{"person": b.id}], [{"title": "Mới"}], [{"description": "x", "status": "done"}],
                       meeting_id=meeting.id)
    assert Meeting.get_by_id(meeting.id).title == "Họp định kỳ tháng 3"
    assert [i.title for i in AgendaItem.select().where(AgendaItem.meeting == meeting.id)] == ["Cũ"]


def test_meeting_rules_name_the_field(team):
    with pytest.raises(ValidationError) as err:
        M.MeetingService.create(meeting_data(team, ends_at="2025-03-05 07:00"))
    assert err.value.field == "ends_at" and "kết thúc" in err.value.message
    with pytest.raises(ValidationError) as err:
        M.MeetingService.create(meeting_data(team, secretary=team.people[0].id))
    assert err.value.field == "secretary"
    future = (dt.datetime.now() + dt.timedelta(days=3)).isoformat()
    with pytest.raises(ValidationError) as err:
        M.MeetingService.create(meeting_data(team, future))
    assert err.value.field == "status"
    assert M.MeetingService.create(meeting_data(team, future, status="Dự kiến")).status == "planned"
    M.MeetingService.create(meeting_data(team, number="01"))
    with pytest.raises(ValidationError) as err:
        M.MeetingService.create(meeting_data(team, "2025-05-01 08:00", number="01"))
    assert err.value.field == "number"


def test_open_tasks_carry_into_next_meeting_once(team):
    a, b, c, _ = team.people
    first = M.save_meeting(meeting_data(team, "2025-02-05 08:00"), [], [], [
        {"description": "Vận động hộ nghèo vay vốn", "assignee": c.id, "due_date": "2025-02-28"},
        {"description": "Sửa đường nội đồng", "due_date": "2025-02-20", "status": "done", "done_on": "2025-02-18"},
    ])
    drafts = M.open_tasks_for_next(team.id, dt.datetime(2025, 3, 5, 8, 0))
    assert [d["description"] for d in drafts] == ["Vận động hộ nghèo vay vốn"]
    source_id = drafts[0]["carried_from"]
    second = M.save_meeting(meeting_data(team, "2025-03-05 08:00"), [], [], drafts)
    carried = MeetingTask.get(MeetingTask.meeting == second.id)
    assert carried.carried_from_id == source_id and carried.assignee_id == c.id
    # carrying the same task again into another meeting is refused
    with pytest.raises(ValidationError) as err:
        M.save_meeting(meeting_data(team, "2025-03-20 08:00"), [], [], drafts)
    assert err.value.field == "tasks[0].carried_from"
    # at the next meeting the task is offered once (its latest copy), not twice
    drafts3 = M.open_tasks_for_next(team.id, dt.date(2025, 4, 5))
    assert [d["carried_from"] for d in drafts3] == [carried.id]
    # re-saving the second meeting keeps the carried task (by id) without duplicating it
    M.save_meeting({}, [], [], [{"id": carried.id, "description": carried.description, "carried_from": source_id}],
                   meeting_id=second.id)
    assert MeetingTask.select().where(MeetingTask.carried_from == source_id).count() == 1
    # done in the later meeting closes the original too
    M.save_meeting({}, [], [], [{"id": carried.id, "description": carried.description, "carried_from": source_id,
                                  "status": "done", "done_on": "2025-03-25"}], meeting_id=second.id)
    assert MeetingTask.get_by_id(source_id).status == "done"
    assert M.open_tasks_for_next(team.id, dt.date(2025, 4, 5)) == []
    assert first.id != second.id


def test_overdue_tasks_count_each_chain_once(team):
    M.save_meeting(meeting_data(team, "2025-02-05 08:00"), [], [], [
        {"description": "Thu quỹ khuyến học", "due_date": "2025-02-28"},
        {"description": "Không có hạn"},
    ])
    assert [t.description for t in M.overdue_tasks(dt.date(2025, 3, 1))] == ["Thu quỹ khuyến học"]
    assert M.overdue_tasks(dt.date(2025, 2, 28)) == []
    drafts = M.open_tasks_for_next(team.id, dt.date(2025, 3, 5))
    M.save_meeting(meeting_data(team, "2025-03-05 08:00"), [], [], drafts)
    overdue = M.overdue_tasks(dt.date(2025, 3, 10), team_id=team.id)
    assert len(overdue) == 1 and overdue[0].carried_from_id is not None


def test_copy_from_previous_and_next_number(team):
    assert M.copy_from_previous(team.id) is None
    assert M.next_minutes_number(team.id, 2025) == 1
    M.save_meeting(meeting_data(team, "2025-01-05 08:00", number="01/BB-TDV", guests="Đồng chí Bí thư Đảng ủy xã"),
                   [], [{"title": "A"}, {"title": "B"}], [])
    M.save_meeting(meeting_data(team, "2025-02-05 08:00", number="07", place="Nhà ông Lò Văn Thắng"),
                   [], [{"title": "Tình hình tháng 1"}, {"title": "Phân công"}], [])
    M.save_meeting(meeting_data(team, "2024-12-05 08:00", number="12"), [], [], [])
    draft = M.copy_from_previous(team.id)
    assert draft["place"] == "Nhà ông Lò Văn Thắng" and draft["kind"] == "dinh_ky"
    assert [a["title"] for a in draft["agenda"]] == ["Tình hình tháng 1", "Phân công"]
    assert draft["chair"] == team.people[0].id and draft["secretary"] == team.people[1].id
    assert M.next_minutes_number(team.id, 2025) == 8
    assert M.next_minutes_number(team.id, 2024) == 13


def test_agenda_templates_shipped_and_user_copy_overrides(db):
    shipped = T.load_agenda_templates()
    names = [t.name for t in shipped]
    assert 4 <= len(shipped) <= 6 and "Họp định kỳ tháng" in names and "Họp tổng kết năm" in names
    assert any(t.kind == "dot_xuat" for t in shipped)
    mine = shipped[:1] + [{"name": "Họp chuẩn bị bầu cử", "kind": "dot_xuat", "items": ["Quán triệt", "Phân công"]}]
    path = T.save_agenda_templates(mine)
    assert path.parent == data_dir()
    assert json.loads(path.read_text(encoding="utf-8"))[1]["name"] == "Họp chuẩn bị bầu cử"
    assert [t.name for t in T.load_agenda_templates()] == ["Họp định kỳ tháng", "Họp chuẩn bị bầu cử"]
    assert T.agenda_from_template(T.load_agenda_templates()[1])[0] == {"title": "Quán triệt", "content": ""}
    with pytest.raises(ValidationError) as err:
        T.save_agenda_templates([{"name": "Trống", "items": []}])
    assert err.value.field == "templates[0].items"
    T.reset_agenda_templates()
    assert [t.name for t in T.load_agenda_templates()] == names


def test_a_held_meeting_is_chaired_and_minuted_by_people_present(team):
    """The minutes carry the chair's and the secretary's signatures: neither may be absent."""
    a, b, c, _ = team.people
    with pytest.raises(ValidationError) as err:
        M.save_meeting(meeting_data(team), [{"person": a.id}, {"person": b.id, "status": "excused", "reason": "Ốm"},
                                            {"person": c.id}], [], [])
    assert err.value.field == "secretary" and "Quàng Thị Mai" in err.value.message
    assert "không có mặt" in err.value.message
    assert Meeting.select().count() == 0
    with pytest.raises(ValidationError) as err:
        M.save_meeting(meeting_data(team, chair=c.id), [{"person": a.id}, {"person": b.id}], [], [])
    assert err.value.field == "chair"
    meeting = M.save_meeting(meeting_data(team), [{"person": a.id}, {"person": b.id}, {"person": c.id}], [], [])
    # changing only the chair later is checked against the attendance kept
    with pytest.raises(ValidationError) as err:
        M.MeetingService.update(meeting.id, {"chair": team.people[3].id})
    assert err.value.field == "chair"
    M.MeetingService.update(meeting.id, {"chair": c.id})
    # a meeting still planned has nobody present yet
    future = (dt.datetime.now() + dt.timedelta(days=3)).isoformat()
    M.save_meeting(meeting_data(team, future, status="planned"), [], [], [])


def test_minutes_numbers_are_zero_padded_typed_or_suggested(team):
    assert M.suggested_minutes_number(team.id, 2025) == "01"
    typed = M.save_meeting(meeting_data(team, number="3"), [], [], [])
    assert typed.number == "03"
    assert M.suggested_minutes_number(team.id, 2025) == "04"
    assert M.padded_number("3-BB/TDV") == "03-BB/TDV" and M.padded_number("12") == "12"
    # "3" and "03-BB/TDV" are the same number of the year
    with pytest.raises(ValidationError) as err:
        M.save_meeting(meeting_data(team, "2025-04-05 08:00", number="03-BB/TDV"), [], [], [])
    assert err.value.field == "number"
