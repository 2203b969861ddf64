"""Meetings of a Tổ dân vận: the meeting, its attendance, agenda and follow-up
tasks, saved together; the quorum line; carrying open tasks into the next
meeting; numbering and agenda templates. No Qt here.

Child rows (attendance, agenda items, tasks) are validated by small record
services and written by save_meeting() in the same transaction as the
meeting. A ValidationError on a child row names the field as
``"<list>[<index>].<field>"`` (e.g. ``"tasks[2].description"``) so a form can
put the cursor in the right cell of the right grid.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw

from ..errors import ValidationError
from ..paths import resource
from ..store.base import database_proxy, now
from ..store.location import data_dir
from ..store.models import AgendaItem, Meeting, MeetingAttendance, MeetingTask, Person, Team
from ..vn import clean_line
from .core import audit, vocab
from .core.fields import Choice, Date, DateTime, Integer, Ref, Text
from .core.records import RecordService
from .register import MembershipService

AGENDA_TEMPLATES_FILE = "agenda_templates.json"


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
                (Meeting.team == values["team"]) & (Meeting.number == number)
                & (Meeting.starts_at >= dt.datetime(starts.year, 1, 1))
                & (Meeting.starts_at < dt.datetime(starts.year + 1, 1, 1))
            )
            if existing is not None:
                query = query.where(Meeting.id != existing.id)
            if query.exists():
                raise ValidationError("number", f"Số biên bản «{number}» đã dùng cho một cuộc họp khác của tổ trong năm {starts.year}.")


# --- child rows ----------------------------------------------------------------


class AttendanceService(RecordService):
    """One member's attendance at a meeting (written only through save_meeting)."""

    model = MeetingAttendance
    label = "điểm danh"
    fields = (
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


class AgendaItemService(RecordService):
    model = AgendaItem
    label = "nội dung họp"
    fields = (
        Integer("position", "Thứ tự", minimum=0, maximum=1000),
        Text("title", "Nội dung", required=True, max_length=300),
        Text("content", "Chi tiết", max_length=20000, multiline=True),
    )


class TaskService(RecordService):
    model = MeetingTask
    label = "nhiệm vụ"
    fields = (
        Ref("assignee", "Người thực hiện", model=Person),
        Text("assignee_name", "Người thực hiện", max_length=200),
        Text("description", "Nội dung nhiệm vụ", required=True, max_length=5000, multiline=True),
        Date("due_date", "Hạn hoàn thành"),
        Choice("status", "Tình trạng nhiệm vụ", choices=vocab.TASK_STATUSES, default="open"),
        Date("done_on", "Ngày hoàn thành"),
        Ref("carried_from", "Nhiệm vụ chuyển từ cuộc họp trước", model=MeetingTask),
    )


_CHILD_LABELS = {"attendance": "Điểm danh", "agenda": "Nội dung họp", "tasks": "Nhiệm vụ"}


def _child_error(kind: str, index: int, err: ValidationError) -> ValidationError:
    return ValidationError(f"{kind}[{index}].{err.field}", f"{_CHILD_LABELS[kind]}, dòng {index + 1}: {err.message}")


def _clean_children(service: type[RecordService], kind: str, rows) -> list[dict]:
    cleaned = []
    for i, row in enumerate(rows or ()):
        row = dict(row)
        row_id = row.pop("id", None)  # only tasks keep their id (links of carried tasks)
        if kind != "tasks":
            row_id = None
        try:
            values = service.clean(row)
        except ValidationError as err:
            raise _child_error(kind, i, err) from None
        if row_id is not None:
            values["id"] = int(row_id)
        cleaned.append(values)
    return cleaned


def _children_snapshot(meeting_id: int) -> dict:
    return {
        "attendance": [
            {"person": a.person_id, "status": a.status, "reason": a.reason}
            for a in MeetingAttendance.select().where(MeetingAttendance.meeting == meeting_id).order_by(MeetingAttendance.id)
        ],
        "agenda": [
            {"position": a.position, "title": a.title}
            for a in AgendaItem.select().where(AgendaItem.meeting == meeting_id).order_by(AgendaItem.position, AgendaItem.id)
        ],
        "tasks": [
            {"id": t.id, "description": t.description, "assignee": t.assignee_id, "due_date": t.due_date,
             "status": t.status, "done_on": t.done_on, "carried_from": t.carried_from_id}
            for t in MeetingTask.select().where(MeetingTask.meeting == meeting_id).order_by(MeetingTask.id)
        ],
    }


def save_meeting(
    data: dict[str, Any],
    attendance: list[dict] | None,
    agenda: list[dict] | None,
    tasks: list[dict] | None,
    meeting_id: int | None = None,
    expected_version: int | None = None,
) -> RecordData:
    """Create or change a meeting and replace its attendance, agenda and tasks,
    all in one transaction: any error leaves the database as it was.

    *attendance*: ``[{"person", "status", "reason"}]``; *agenda*:
    ``[{"title", "content"}]`` (their order is the agenda order); *tasks*:
    ``[{"id"?, "description", "assignee", "assignee_name", "due_date",
    "status", "done_on", "carried_from"}]``. A task row that gives the ``id``
    of one of this meeting's tasks changes that task in place (so links of
    tasks carried from it stay); the meeting's other tasks are removed.
    """
    att_rows = _clean_children(AttendanceService, "attendance", attendance)
    agenda_rows = _clean_children(AgendaItemService, "agenda", agenda)
    task_rows = _clean_children(TaskService, "tasks", tasks)
    with database_proxy.atomic():
        if meeting_id is None:
            before = None
            meeting = MeetingService.create_row(data)
        else:
            before = _children_snapshot(meeting_id)
            meeting = MeetingService.update_row(meeting_id, data, expected_version=expected_version)
        _check_attendance(meeting, att_rows)
        _check_tasks(meeting, task_rows)

        MeetingAttendance.delete().where(MeetingAttendance.meeting == meeting.id).execute()
        for row in att_rows:
            MeetingAttendance.create(meeting=meeting.id, **row)

        AgendaItem.delete().where(AgendaItem.meeting == meeting.id).execute()
        for position, row in enumerate(agenda_rows, start=1):
            row["position"] = position
            AgendaItem.create(meeting=meeting.id, **row)

        keep = {row["id"] for row in task_rows if row.get("id")}
        stale = MeetingTask.select(MeetingTask.id).where((MeetingTask.meeting == meeting.id) & MeetingTask.id.not_in(keep or {0}))
        MeetingTask.update(carried_from=None).where(MeetingTask.carried_from.in_(stale)).execute()
        MeetingTask.delete().where((MeetingTask.meeting == meeting.id) & MeetingTask.id.not_in(keep or {0})).execute()
        for row in task_rows:
            task_id = row.pop("id", None)
            if task_id:
                MeetingTask.update(**row, version=MeetingTask.version + 1, updated_at=now()).where(MeetingTask.id == task_id).execute()
            else:
                task_id = MeetingTask.create(meeting=meeting.id, **row).id
            if row["status"] != "open" and row.get("carried_from"):
                _close_ancestors(row["carried_from"], row["status"], row.get("done_on"))

        audit.write("update" if before else "create", meeting, table="meeting_children",
                    before=before, after=_children_snapshot(meeting.id))
    return MeetingService.get(meeting.id)


def _check_attendance(meeting: Meeting, rows: list[dict]) -> None:
    seen: set[int] = set()
    for i, row in enumerate(rows):
        if row["person"] in seen:
            name = Person.get_by_id(row["person"]).full_name
            raise ValidationError(f"attendance[{i}].person", f"Điểm danh, dòng {i + 1}: {name} đã có trong danh sách.")
        seen.add(row["person"])
        if row["status"] == "present":
            row["reason"] = ""


def _check_tasks(meeting: Meeting, rows: list[dict]) -> None:
    meeting_day = meeting.starts_at.date()
    own_ids = {t.id for t in MeetingTask.select(MeetingTask.id).where(MeetingTask.meeting == meeting.id)}
    carried: set[int] = set()
    for i, row in enumerate(rows):
        where = f"tasks[{i}]"
        prefix = f"Nhiệm vụ, dòng {i + 1}: "
        if row.get("id") and row["id"] not in own_ids:
            raise ValidationError(f"{where}.id", prefix + "nhiệm vụ này không thuộc cuộc họp đang sửa.")
        if row.get("assignee") and not row.get("assignee_name"):
            row["assignee_name"] = Person.get_by_id(row["assignee"]).full_name
        if row["status"] == "done" and row.get("done_on") is None:
            raise ValidationError(f"{where}.done_on", prefix + "nhiệm vụ đã xong cần có ngày hoàn thành.")
        if row["status"] == "open":
            row["done_on"] = None
        source_id = row.get("carried_from")
        if source_id:
            if source_id in carried:
                raise ValidationError(f"{where}.carried_from", prefix + "nhiệm vụ này đã được chuyển vào cuộc họp ở dòng khác.")
            carried.add(source_id)
            source = MeetingTask.select(MeetingTask, Meeting).join(Meeting).where(MeetingTask.id == source_id).get()
            if source.meeting_id == meeting.id or source.meeting.starts_at >= meeting.starts_at:
                raise ValidationError(f"{where}.carried_from", prefix + "chỉ chuyển được nhiệm vụ của cuộc họp trước.")
            if source.meeting.team_id != meeting.team_id:
                raise ValidationError(f"{where}.carried_from", prefix + "nhiệm vụ chuyển sang phải là của cùng tổ.")
            elsewhere = (
                MeetingTask.select().join(Meeting)
                .where((MeetingTask.carried_from == source_id) & (MeetingTask.meeting != meeting.id)
                       & Meeting.deleted_at.is_null())
            )
            if elsewhere.exists():
                raise ValidationError(f"{where}.carried_from", prefix + "nhiệm vụ này đã được chuyển sang một cuộc họp khác.")
        elif row.get("due_date") and row["due_date"] < meeting_day:
            raise ValidationError(f"{where}.due_date", prefix + "hạn hoàn thành không được trước ngày họp.")
        if row.get("done_on") and row["done_on"] < meeting_day and not source_id:
            raise ValidationError(f"{where}.done_on", prefix + "ngày hoàn thành không được trước ngày họp.")


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


# --- agenda templates ----------------------------------------------------------


@dataclass
class AgendaTemplate:
    name: str
    kind: str  # dinh_ky / dot_xuat
    items: list[str]


def _user_templates_path() -> Path:
    return data_dir() / AGENDA_TEMPLATES_FILE


def _parse_templates(raw: Any) -> list[AgendaTemplate]:
    if not isinstance(raw, list):
        raise ValidationError("templates", "Tệp mẫu nội dung họp phải là một danh sách.")
    kinds = {code for code, _ in vocab.MEETING_KINDS}
    result, names = [], set()
    for i, entry in enumerate(raw):
        if isinstance(entry, AgendaTemplate):
            entry = {"name": entry.name, "kind": entry.kind, "items": entry.items}
        if not isinstance(entry, dict):
            raise ValidationError(f"templates[{i}]", f"Mẫu thứ {i + 1} không hợp lệ.")
        name = clean_line(str(entry.get("name") or ""))
        if not name:
            raise ValidationError(f"templates[{i}].name", f"Mẫu thứ {i + 1} chưa có tên.")
        if name.casefold() in names:
            raise ValidationError(f"templates[{i}].name", f"Tên mẫu «{name}» bị trùng.")
        names.add(name.casefold())
        kind = entry.get("kind") or "dinh_ky"
        if kind not in kinds:
            raise ValidationError(f"templates[{i}].kind", f"Mẫu «{name}»: loại cuộc họp «{kind}» không hợp lệ.")
        items = [clean_line(str(t)) for t in entry.get("items") or () if str(t).strip()]
        if not items:
            raise ValidationError(f"templates[{i}].items", f"Mẫu «{name}» chưa có nội dung nào.")
        result.append(AgendaTemplate(name, kind, items))
    return result


def shipped_agenda_templates() -> list[AgendaTemplate]:
    with open(resource(AGENDA_TEMPLATES_FILE), encoding="utf-8") as f:
        return _parse_templates(json.load(f))


def load_agenda_templates() -> list[AgendaTemplate]:
    """The clerk's own templates when saved, else the ones shipped with the program.
    A damaged user copy falls back to the shipped templates."""
    path = _user_templates_path()
    if path.exists():
        try:
            with open(path, encoding="utf-8") as f:
                return _parse_templates(json.load(f))
        except (OSError, ValueError, ValidationError):
            pass
    return shipped_agenda_templates()


def save_agenda_templates(templates: list) -> Path:
    """Write the clerk's templates (AgendaTemplate or dicts) to the user data
    folder; they override the shipped ones from then on."""
    parsed = _parse_templates(list(templates))
    path = _user_templates_path()
    payload = [{"name": t.name, "kind": t.kind, "items": t.items} for t in parsed]
    fd, tmp = tempfile.mkstemp(prefix=".agenda", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def reset_agenda_templates() -> None:
    """Forget the clerk's templates and use the shipped ones again."""
    _user_templates_path().unlink(missing_ok=True)


def agenda_from_template(template: AgendaTemplate) -> list[dict]:
    return [{"title": t, "content": ""} for t in template.items]


__all__ = [
    "MeetingService", "AttendanceService", "AgendaItemService", "TaskService", "AttendanceRow", "AgendaTemplate",
    "save_meeting", "attendance_grid", "quorum", "format_quorum", "quorum_line", "absence_line",
    "open_tasks_for_next", "overdue_tasks", "latest_meeting", "copy_from_previous", "next_minutes_number",
    "shipped_agenda_templates", "load_agenda_templates", "save_agenda_templates", "reset_agenda_templates",
    "agenda_from_template",
]
