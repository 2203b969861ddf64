"""Meetings of a Tổ dân vận: the meeting, its attendance, agenda and follow-up
tasks, saved together; the quorum line; carrying open tasks into the next
meeting; numbering. Agenda templates are in services.agenda_templates. No Qt here.

Child rows (attendance, agenda items, tasks) are validated by small record
services and saved with the meeting in one transaction (the children declared
on MeetingService, services.core.children). A ValidationError on a child row
names the field as ``"<list>[<index>].<field>"`` (e.g.
``"tasks[2].description"``) so a form can put the cursor in the right cell of
the right grid.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import peewee as pw

from ..errors import ValidationError
from ..store.base import now
from ..store.models import AgendaItem, Meeting, MeetingAttendance, MeetingTask, Person, Team
from .core import vocab
from .core.children import Child, saving_children
from .core.fields import Choice, Date, DateTime, Integer, Ref, Text
from .core.records import RecordService
from .register import MembershipService


class MeetingService(RecordService):
    model = Meeting
    label = "cuộc họp"
    fields = (
        Ref("team", "Tổ dân vận", required=True, model=Team),
        Choice("kind", "Loại cuộc họp", choices=vocab.MEETING_KINDS, default="dinh_ky"),
        Text("number", "Số biên bản", max_length=50),
        Text("title", "Tên cuộc họp", max_length=300),
        DateTime("starts_at", "Thời gian bắt đầu", required=True),
        DateTime("ends_at", "Thời gian kết thúc"),
        Text("place", "Địa điểm", max_length=300),
        Ref("chair", "Chủ trì", model=Person),
        Ref("secretary", "Thư ký", model=Person),
        Text("guests", "Khách mời", max_length=3000, multiline=True),
        Text("discussion", "Ý kiến thảo luận", max_length=50000, multiline=True),
        Text("conclusions", "Kết luận", max_length=20000, multiline=True),
        Choice("status", "Tình trạng", choices=vocab.MEETING_STATUSES, default="held"),
    )

    @classmethod
    def check(cls, values, existing):
        starts, ends = values["starts_at"], values.get("ends_at")
        if ends is not None and ends <= starts:
            raise ValidationError("ends_at", "Thời gian kết thúc phải sau thời gian bắt đầu.")
        if values.get("status") == "held" and starts > now() + dt.timedelta(minutes=5):
            raise ValidationError("status", "Cuộc họp chưa diễn ra, không thể ghi là «Đã họp»; chọn «Dự kiến».")
        if values.get("chair") and values.get("chair") == values.get("secretary"):
            raise ValidationError("secretary", "Thư ký phải là người khác với chủ trì.")
        number = values.get("number")
        if number:
            query = cls.active().where(
                (Meeting.team == values["team"])
                & (Meeting.starts_at >= dt.datetime(starts.year, 1, 1))
                & (Meeting.starts_at < dt.datetime(starts.year + 1, 1, 1))
            )
            if existing is not None:
                query = query.where(Meeting.id != existing.id)
            # "3", "03" and "03-BB/TDV" are the same minutes number
            taken = {_leading_number(n) for (n,) in query.select(Meeting.number).tuples()} - {None}
            if _leading_number(number) in taken or query.where(Meeting.number == number).exists():
                raise ValidationError("number", f"Số biên bản «{number}» đã dùng cho một cuộc họp khác của tổ trong năm {starts.year}.")
        # saved with its attendance, the meeting is checked against it by check_children
        if existing is not None and not saving_children():
            recorded = list(MeetingAttendance.select().where(MeetingAttendance.meeting == existing.id))
            _check_presiding(values, {a.person_id for a in recorded if a.status == "present"}, recorded)

    @classmethod
    def clean(cls, data, *, partial=False):
        cleaned = super().clean(data, partial=partial)
        if cleaned.get("number"):
            cleaned["number"] = padded_number(cleaned["number"])
        return cleaned

    @classmethod
    def check_children(cls, record, rows):
        if "attendance" in rows:
            recorded = rows["attendance"]
        else:
            recorded = list(MeetingAttendance.select().where(MeetingAttendance.meeting == record.id))
        present = {a.person_id for a in recorded if a.status == "present"}
        _check_presiding({"status": record.status, "chair": record.chair_id, "secretary": record.secretary_id},
                         present, recorded)


def _check_presiding(values: dict, present: set[int], recorded: list | None = None) -> None:
    """A held meeting is chaired and minuted by people who were there: the
    minutes carry their signatures."""
    if values.get("status") != "held" or recorded is not None and not recorded:
        return  # a meeting still planned, or whose attendance is not recorded yet
    for name, label in (("chair", "Người chủ trì"), ("secretary", "Thư ký")):
        person_id = values.get(name)
        if person_id and person_id not in present:
            who = Person.get_by_id(person_id).full_name
            raise ValidationError(
                name, f"{label} ({who}) không có mặt theo danh sách điểm danh: chọn {label.lower()} trong số "
                      f"người có mặt, hoặc ghi đồng chí {who} là «Có mặt».")


# --- child rows ----------------------------------------------------------------


class AttendanceService(RecordService):
    """One member's attendance at a meeting (saved with the meeting)."""

    model = MeetingAttendance
    label = "điểm danh"
    fields = (
        Ref("meeting", "Cuộc họp", required=True, model=Meeting),
        Ref("person", "Thành viên", required=True, model=Person),
        Choice("status", "Có mặt / vắng", choices=vocab.ATTENDANCE, default="present"),
        Text("reason", "Lý do vắng", max_length=300),
    )

    @classmethod
    def clean(cls, data, *, partial=False):
        cleaned = super().clean(data, partial=partial)
        if cleaned.get("status", "present") != "excused":
            # "absent without reason" printed with a reason contradicts itself
            cleaned["reason"] = ""
        return cleaned

    @classmethod
    def check(cls, values, existing):
        others = MeetingAttendance.select().where(
            (MeetingAttendance.meeting == values["meeting"]) & (MeetingAttendance.person == values["person"]))
        if existing is not None:
            others = others.where(MeetingAttendance.id != existing.id)
        if others.exists():
            raise ValidationError("person", f"{Person.get_by_id(values['person']).full_name} đã có trong danh sách.")


class AgendaItemService(RecordService):
    model = AgendaItem
    label = "nội dung họp"
    fields = (
        Ref("meeting", "Cuộc họp", required=True, model=Meeting),
        Integer("position", "Thứ tự", minimum=0, maximum=1000),
        Text("title", "Nội dung", required=True, max_length=300),
        Text("content", "Chi tiết", max_length=20000, multiline=True),
    )


class TaskService(RecordService):
    model = MeetingTask
    label = "nhiệm vụ"
    fields = (
        Ref("meeting", "Cuộc họp", required=True, model=Meeting),
        Ref("assignee", "Người thực hiện", model=Person),
        Text("assignee_name", "Người thực hiện", max_length=200),
        Text("description", "Nội dung nhiệm vụ", required=True, max_length=5000, multiline=True),
        Date("due_date", "Hạn hoàn thành"),
        Choice("status", "Tình trạng nhiệm vụ", choices=vocab.TASK_STATUSES, default="open"),
        Date("done_on", "Ngày hoàn thành"),
        Ref("carried_from", "Nhiệm vụ chuyển từ cuộc họp trước", model=MeetingTask),
    )

    @classmethod
    def derive_values(cls, cleaned, state, existing):
        if state.get("assignee") and not state.get("assignee_name"):
            cleaned["assignee_name"] = state["assignee_name"] = Person.get_by_id(state["assignee"]).full_name
        if state.get("status") == "open" and state.get("done_on") is not None:
            cleaned["done_on"] = state["done_on"] = None

    @classmethod
    def check(cls, values, existing):
        meeting = Meeting.get_by_id(values["meeting"])
        meeting_day = meeting.starts_at.date()
        if values["status"] == "done" and values.get("done_on") is None:
            raise ValidationError("done_on", "nhiệm vụ đã xong cần có ngày hoàn thành.")
        source_id = values.get("carried_from")
        if source_id:
            copies = (
                MeetingTask.select(MeetingTask.meeting).join(Meeting)
                .where((MeetingTask.carried_from == source_id) & Meeting.deleted_at.is_null())
            )
            if existing is not None:
                copies = copies.where(MeetingTask.id != existing.id)
            if copies.where(MeetingTask.meeting == meeting.id).exists():
                raise ValidationError("carried_from", "nhiệm vụ này đã được chuyển vào cuộc họp ở dòng khác.")
            source = MeetingTask.select(MeetingTask, Meeting).join(Meeting).where(MeetingTask.id == source_id).get()
            if source.meeting_id == meeting.id or source.meeting.starts_at >= meeting.starts_at:
                raise ValidationError("carried_from", "chỉ chuyển được nhiệm vụ của cuộc họp trước.")
            if source.meeting.team_id != meeting.team_id:
                raise ValidationError("carried_from", "nhiệm vụ chuyển sang phải là của cùng tổ.")
            if copies.exists():
                raise ValidationError("carried_from", "nhiệm vụ này đã được chuyển sang một cuộc họp khác.")
        elif values.get("due_date") and values["due_date"] < meeting_day:
            raise ValidationError("due_date", "hạn hoàn thành không được trước ngày họp.")
        if values.get("done_on") and values["done_on"] < meeting_day and not source_id:
            raise ValidationError("done_on", "ngày hoàn thành không được trước ngày họp.")

    @classmethod
    def after_save(cls, record, before):
        if record.status != "open" and record.carried_from_id:
            _close_ancestors(record.carried_from_id, record.status, record.done_on)


def _unlink_carried(task: MeetingTask) -> None:
    """Tasks carried from a task being removed keep their text but lose the link."""
    MeetingTask.update(carried_from=None).where(MeetingTask.carried_from == task.id).execute()


# declared here: the child services are defined after the meeting's
MeetingService.children = (
    Child("attendance", AttendanceService, fk="meeting", label="Điểm danh"),
    Child("agenda", AgendaItemService, fk="meeting", label="Nội dung họp", order=("position", "id"), position="position"),
    Child("tasks", TaskService, fk="meeting", label="Nhiệm vụ", before_remove=_unlink_carried),
)


def save_meeting(
    data: dict[str, Any],
    attendance: list[dict] | None,
    agenda: list[dict] | None,
    tasks: list[dict] | None,
    meeting_id: int | None = None,
    expected_version: int | None = None,
) -> RecordData:
    """Create or change a meeting and replace its attendance, agenda and tasks,
    all in one transaction: any error leaves the database as it was
    (MeetingService.save_with_children; see services.core.children).

    *attendance*: ``[{"person", "status", "reason"}]``; *agenda*:
    ``[{"title", "content"}]`` (their order is the agenda order); *tasks*:
    ``[{"id"?, "description", "assignee", "assignee_name", "due_date",
    "status", "done_on", "carried_from"}]``. A row that gives the ``id`` of
    one of this meeting's rows changes that row in place (so links of tasks
    carried from it stay); the meeting's other rows are removed.
    """
    return MeetingService.save_with_children(
        meeting_id, data, {"attendance": attendance or [], "agenda": agenda or [], "tasks": tasks or []},
        expected_version=expected_version)


def _close_ancestors(task_id: int, status: str, done_on: dt.date | None) -> None:
    """A carried task that is done (or cancelled) closes the tasks it was carried from."""
    seen = set()
    while task_id and task_id not in seen:
        seen.add(task_id)
        task = MeetingTask.get_or_none(MeetingTask.id == task_id)
        if task is None:
            return
        if task.status == "open":
            MeetingTask.update(status=status, done_on=done_on, version=MeetingTask.version + 1, updated_at=now()).where(
                MeetingTask.id == task.id).execute()
        task_id = task.carried_from_id


# --- attendance and quorum -----------------------------------------------------


@dataclass
class AttendanceRow:
    person_id: int
    full_name: str
    role: str  # to_truong / to_pho / thanh_vien, "" for someone no longer a member
    position: str
    status: str  # present / excused / absent
    reason: str = ""

    @property
    def role_label(self) -> str:
        return dict(vocab.TEAM_ROLES).get(self.role, "")

    @property
    def status_label(self) -> str:
        return dict(vocab.ATTENDANCE).get(self.status, self.status)


def _day(on: dt.date | dt.datetime) -> dt.date:
    return on.date() if isinstance(on, dt.datetime) else on


def attendance_grid(team_id: int, on: dt.date | dt.datetime, meeting_id: int | None = None) -> list[AttendanceRow]:
    """Every member of the team on *on*, leader first, with the status recorded
    for *meeting_id* (present when nothing is recorded yet). People recorded
    at that meeting who are no longer members come last."""
    recorded: dict[int, MeetingAttendance] = {}
    if meeting_id is not None:
        recorded = {a.person_id: a for a in MeetingAttendance.select().where(MeetingAttendance.meeting == meeting_id)}
    rows = []
    for m in MembershipService.current_rows(team_id, _day(on)):
        a = recorded.pop(m.person_id, None)
        rows.append(AttendanceRow(m.person_id, m.person.full_name, m.role, m.position,
                                  a.status if a else "present", a.reason if a else ""))
    if recorded:
        people = {p.id: p for p in Person.select().where(Person.id.in_(list(recorded)))}
        for pid, a in sorted(recorded.items(), key=lambda kv: people[kv[0]].name_sort):
            rows.append(AttendanceRow(pid, people[pid].full_name, "", "", a.status, a.reason))
    return rows


def quorum(meeting_id: int) -> tuple[int, int]:
    """(present, total) derived from the attendance and the membership on the
    meeting day; a member left off the attendance list counts as absent."""
    meeting = MeetingService.row(meeting_id)
    rows = attendance_grid(meeting.team_id, meeting.starts_at, meeting.id)
    recorded = {a.person_id for a in MeetingAttendance.select(MeetingAttendance.person).where(MeetingAttendance.meeting == meeting_id)}
    present = sum(1 for r in rows if r.status == "present" and r.person_id in recorded)
    return present, len(rows)


def format_quorum(present: int, total: int) -> str:
    return f"Có mặt {present}/{total} đồng chí"


def quorum_line(meeting_id: int) -> str:
    """'Có mặt 7/8 đồng chí' — never typed, always counted."""
    return format_quorum(*quorum(meeting_id))


def absence_line(meeting_id: int) -> str:
    """'Vắng 1 đồng chí có lý do (Lò Thị Hoa: đi viện); 1 đồng chí không lý do (Vàng A Dơ).'"""
    meeting = MeetingService.row(meeting_id)
    recorded = {a.person_id for a in MeetingAttendance.select(MeetingAttendance.person).where(MeetingAttendance.meeting == meeting_id)}
    excused, absent = [], []
    for r in attendance_grid(meeting.team_id, meeting.starts_at, meeting.id):
        if r.person_id not in recorded or r.status == "absent":
            absent.append(r.full_name)
        elif r.status == "excused":
            excused.append(f"{r.full_name}: {r.reason}" if r.reason else r.full_name)
    if not excused and not absent:
        return "Không có đồng chí nào vắng mặt."
    parts = []
    if excused:
        parts.append(f"{len(excused)} đồng chí có lý do ({', '.join(excused)})")
    if absent:
        parts.append(f"{len(absent)} đồng chí không lý do ({', '.join(absent)})")
    return "Vắng " + "; ".join(parts) + "."


# --- tasks carried over, overdue tasks -----------------------------------------


def _live_tasks():
    """Open tasks of meetings not in the trash that have not been carried on
    into a later meeting (the last task of each carried chain)."""
    Later = MeetingTask.alias()
    LaterMeeting = Meeting.alias()
    carried_on = (
        Later.select(Later.id).join(LaterMeeting, on=(Later.meeting == LaterMeeting.id))
        .where((Later.carried_from == MeetingTask.id) & LaterMeeting.deleted_at.is_null())
    )
    return (
        MeetingTask.select(MeetingTask, Meeting).join(Meeting)
        .where((MeetingTask.status == "open") & Meeting.deleted_at.is_null() & ~pw.fn.EXISTS(carried_on))
    )


def open_tasks_for_next(team_id: int, before: dt.datetime | dt.date) -> list[dict]:
    """Drafts of the open tasks of the team's meetings before *before*, ready to
    put in the next meeting's task list: each has ``carried_from`` set, and a
    task already carried into a later meeting is offered only once (its last
    copy)."""
    if not isinstance(before, dt.datetime):
        before = dt.datetime.combine(before, dt.time(0, 0))
    rows = (
        _live_tasks().where((Meeting.team == team_id) & (Meeting.starts_at < before))
        .order_by(Meeting.starts_at, MeetingTask.id)
    )
    return [
        {"description": t.description, "assignee": t.assignee_id, "assignee_name": t.assignee_name,
         "due_date": t.due_date, "status": "open", "done_on": None, "carried_from": t.id}
        for t in rows
    ]


def overdue_tasks(on: dt.date, team_id: int | None = None) -> list[MeetingTask]:
    """Open tasks whose due date is before *on* (each carried chain once)."""
    query = _live_tasks().where(MeetingTask.due_date.is_null(False) & (MeetingTask.due_date < on))
    if team_id is not None:
        query = query.where(Meeting.team == team_id)
    return list(query.order_by(MeetingTask.due_date, MeetingTask.id))


# --- drafts and numbers --------------------------------------------------------


def latest_meeting(team_id: int) -> Meeting | None:
    return (
        MeetingService.active().where(Meeting.team == team_id)
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc()).first()
    )


def copy_from_previous(team_id: int) -> dict[str, Any] | None:
    """A draft for a recurring meeting from the team's latest one: kind, place,
    guests, chair, secretary and the agenda titles. None when the team has
    never met."""
    last = latest_meeting(team_id)
    if last is None:
        return None
    agenda = AgendaItem.select().where(AgendaItem.meeting == last.id).order_by(AgendaItem.position, AgendaItem.id)
    return {
        "team": team_id,
        "kind": last.kind,
        "place": last.place,
        "guests": last.guests,
        "chair": last.chair_id,
        "secretary": last.secretary_id,
        "agenda": [{"title": a.title, "content": ""} for a in agenda],
    }


_LEADING_NUMBER = re.compile(r"\s*(\d+)")


def _leading_number(text: str | None) -> int | None:
    match = _LEADING_NUMBER.match(text or "")
    return int(match.group(1)) if match else None


def padded_number(text: str) -> str:
    """A minutes number as kept and printed: the leading number of two digits
    at least ("3" → "03", "3-BB/TDV" → "03-BB/TDV"), the rest as typed."""
    match = _LEADING_NUMBER.match(text or "")
    if not match:
        return text
    return f"{int(match.group(1)):02d}{text[match.end():]}"


def suggested_minutes_number(team_id: int, year: int) -> str:
    """next_minutes_number() as the form shows it: "03"."""
    return f"{next_minutes_number(team_id, year):02d}"


def next_minutes_number(team_id: int, year: int) -> int:
    """The number to suggest for the team's next minutes in *year*: one more
    than the highest number used (the clerk may type another)."""
    numbers = (
        Meeting.select(Meeting.number)
        .where((Meeting.team == team_id) & Meeting.deleted_at.is_null()
               & (Meeting.starts_at >= dt.datetime(year, 1, 1)) & (Meeting.starts_at < dt.datetime(year + 1, 1, 1)))
        .tuples()
    )
    highest = 0
    for (text,) in numbers:
        match = _LEADING_NUMBER.match(text or "")
        if match:
            highest = max(highest, int(match.group(1)))
    return highest + 1


__all__ = [
    "MeetingService", "AttendanceService", "AgendaItemService", "TaskService", "AttendanceRow",
    "save_meeting", "attendance_grid", "quorum", "format_quorum", "quorum_line", "absence_line",
    "open_tasks_for_next", "overdue_tasks", "latest_meeting", "copy_from_previous", "next_minutes_number",
    "suggested_minutes_number", "padded_number",
]
