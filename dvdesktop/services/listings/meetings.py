"""The meetings list (Họp Tổ dân vận): the year's meetings, newest first,
with the quorum counted from the attendance and the open and overdue tasks;
the agenda and tasks of one meeting for its form."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from ...store.models import AgendaItem, Area, Meeting, MeetingAttendance, MeetingTask, Team
from . import folded_contains, search_tokens

TASK_FILTERS = ("open", "overdue")  # MeetingFilter.tasks besides None (all)


@dataclass(frozen=True)
class MeetingFilter:
    query: str = ""
    year: int | None = None
    team_id: int | None = None
    kind: str | None = None
    status: str | None = None  # "held" / "planned"
    tasks: str | None = None  # None / "open" / "overdue" (every year: the year is then ignored)
    month: int | None = None  # 1..12: only that month of the year (a bar of the overview's chart)


@dataclass
class MeetingRow:
    id: int
    starts_at: dt.datetime
    team_name: str
    kind: str  # code (vocab.MEETING_KINDS)
    number: str
    title: str
    place: str
    status: str  # "held" / "planned"
    present: int  # attendance rows "present"
    listed: int  # attendance rows in all (0: no attendance taken)
    open_tasks: int
    overdue: bool  # has a task overdue on the day asked


def as_datetime(value) -> dt.datetime:
    """SQLite may hand a DATETIME back as text."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def overdue_meeting_ids(on: dt.date) -> set[int]:
    """Meetings with a task overdue on *on* (services.meetings.overdue_tasks)."""
    from ..meetings import overdue_tasks

    return {t.meeting_id for t in overdue_tasks(on)}


def meeting_ids(filters: MeetingFilter, sort: str | None = None, descending: bool = False,
                on: dt.date | None = None) -> list[int]:
    """Ids of the meetings matching *filters*, newest first when *sort* is
    None, else by date, team (area name order), kind or minutes number."""
    on = on or dt.date.today()
    q = (Meeting.select(Meeting.id).join(Team).join(Area)
         .where(Meeting.deleted_at.is_null() & Team.deleted_at.is_null()))
    for token in search_tokens(filters.query):
        q = q.where(folded_contains(Meeting.search_text, token) | folded_contains(Area.name_folded, token))
    if filters.tasks == "overdue":
        q = q.where(Meeting.id.in_(list(overdue_meeting_ids(on)) or [0]))
    elif filters.year is not None:
        q = q.where((Meeting.starts_at >= dt.datetime(filters.year, 1, 1))
                    & (Meeting.starts_at < dt.datetime(filters.year + 1, 1, 1)))
        if filters.month:
            first = dt.datetime(filters.year, filters.month, 1)
            after = dt.datetime(filters.year + filters.month // 12, filters.month % 12 + 1, 1)
            q = q.where((Meeting.starts_at >= first) & (Meeting.starts_at < after))
    if filters.tasks == "open":
        q = q.where(Meeting.id.in_(MeetingTask.select(MeetingTask.meeting).where(MeetingTask.status == "open")))
    if filters.team_id is not None:
        q = q.where(Meeting.team == filters.team_id)
    if filters.kind:
        q = q.where(Meeting.kind == filters.kind)
    if filters.status:
        q = q.where(Meeting.status == filters.status)
    if sort is None:
        order = [Meeting.starts_at.desc()]
    else:
        order = {"team": [Area.name_sort, Meeting.starts_at], "kind": [Meeting.kind, Meeting.starts_at],
                 "number": [pw.fn.LENGTH(Meeting.number), Meeting.number]}.get(sort, [Meeting.starts_at])
        if descending:
            order = [o.desc() for o in order]
    return [r[0] for r in q.order_by(*order, Meeting.id.desc()).tuples()]


def _counts(query) -> dict[int, int]:
    return dict(query.tuples())


def meeting_rows(ids: list[int], on: dt.date | None = None) -> list[MeetingRow]:
    """The rows of *ids*; overdue tasks as on *on*."""
    on = on or dt.date.today()
    if not ids:
        return []
    count = pw.fn.COUNT(MeetingAttendance.id)
    present = _counts(MeetingAttendance.select(MeetingAttendance.meeting, count)
                      .where(MeetingAttendance.meeting.in_(ids) & (MeetingAttendance.status == "present"))
                      .group_by(MeetingAttendance.meeting))
    listed = _counts(MeetingAttendance.select(MeetingAttendance.meeting, count)
                     .where(MeetingAttendance.meeting.in_(ids)).group_by(MeetingAttendance.meeting))
    open_tasks = _counts(MeetingTask.select(MeetingTask.meeting, pw.fn.COUNT(MeetingTask.id))
                         .where(MeetingTask.meeting.in_(ids) & (MeetingTask.status == "open"))
                         .group_by(MeetingTask.meeting))
    late = overdue_meeting_ids(on)
    query = (Meeting.select(Meeting.id, Meeting.starts_at, Team.name, Meeting.kind, Meeting.number, Meeting.title,
                            Meeting.place, Meeting.status).join(Team).where(Meeting.id.in_(ids)).tuples())
    return [MeetingRow(mid, as_datetime(starts), team, kind, number or "", title or "", place or "", status,
                       present.get(mid, 0), listed.get(mid, 0), open_tasks.get(mid, 0), mid in late)
            for mid, starts, team, kind, number, title, place, status in query]


@dataclass
class AgendaLine:
    title: str
    content: str


@dataclass
class TaskLine:
    id: int
    description: str
    assignee_id: int | None
    assignee_name: str
    due_date: dt.date | None
    status: str
    done_on: dt.date | None
    carried_from_id: int | None


def agenda_lines(meeting_id: int) -> list[AgendaLine]:
    """The meeting's agenda in its order."""
    rows = (AgendaItem.select(AgendaItem.title, AgendaItem.content).where(AgendaItem.meeting == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id).tuples())
    return [AgendaLine(title, content) for title, content in rows]


def task_lines(meeting_id: int) -> list[TaskLine]:
    """The meeting's follow-up tasks in the order they were entered."""
    rows = (MeetingTask.select(MeetingTask.id, MeetingTask.description, MeetingTask.assignee,
                               MeetingTask.assignee_name, MeetingTask.due_date, MeetingTask.status,
                               MeetingTask.done_on, MeetingTask.carried_from)
            .where(MeetingTask.meeting == meeting_id).order_by(MeetingTask.id).tuples())
    return [TaskLine(*row) for row in rows]


def task_meeting_start(task_id: int) -> dt.datetime | None:
    """When the meeting that set the task began (None: no such task)."""
    row = (MeetingTask.select(Meeting.starts_at).join(Meeting).where(MeetingTask.id == task_id).tuples().first())
    return as_datetime(row[0]) if row else None


__all__ = ["AgendaLine", "MeetingFilter", "MeetingRow", "TaskLine", "agenda_lines", "as_datetime", "meeting_ids",
           "meeting_rows", "overdue_meeting_ids", "task_lines", "task_meeting_start"]
