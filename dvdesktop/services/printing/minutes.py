"""Biên bản họp Tổ dân vận: a meeting with its attendance, agenda and tasks."""
from __future__ import annotations

from ...documents.data import AgendaEntry, Attendee, MinutesData, TaskEntry
from ...errors import NotFoundError
from ...store.models import AgendaItem, Meeting, MeetingAttendance, MeetingTask, Person
from ..core import vocab
from ..register import MembershipService
from ..settings import Organisation, load_organisation
from .headers import day_of, lines, position, style, team_header
from .request import PrintRequest


def minutes_data(meeting_id: int, org: Organisation | None = None) -> MinutesData:
    org = org or load_organisation()
    meeting = Meeting.get_or_none((Meeting.id == meeting_id) & Meeting.deleted_at.is_null())
    if meeting is None:
        raise NotFoundError(f"Không tìm thấy cuộc họp số {meeting_id}.")
    team = meeting.team
    day = day_of(meeting.starts_at)
    members = MembershipService.current_rows(team.id, day)
    order = {m.person_id: i for i, m in enumerate(members)}
    by_person = {m.person_id: m for m in members}
    rows = list(MeetingAttendance.select(MeetingAttendance, Person).join(Person)
                .where(MeetingAttendance.meeting == meeting.id))
    recorded = {a.person_id for a in rows}
    # a member left off the attendance list counts as absent (as meetings.quorum() counts)
    entries = [(order.get(a.person_id, len(order)), a.person.name_sort,
                Attendee(a.person.full_name, position(by_person.get(a.person_id)), a.status, a.reason)) for a in rows]
    entries += [(order[m.person_id], "", Attendee(m.person.full_name, position(m), "absent"))
                for m in members if m.person_id not in recorded]
    attendees = [a for *_, a in sorted(entries, key=lambda e: e[:2])]
    agenda = [AgendaEntry(a.title, a.content) for a in
              AgendaItem.select().where(AgendaItem.meeting == meeting.id).order_by(AgendaItem.position, AgendaItem.id)]
    tasks, carried = [], []
    statuses = dict(vocab.TASK_STATUSES)
    for t in MeetingTask.select().where((MeetingTask.meeting == meeting.id) & (MeetingTask.status != "cancelled")) \
            .order_by(MeetingTask.id):
        who = t.assignee.full_name if t.assignee_id else t.assignee_name
        if t.carried_from_id:
            first = _first_of_chain(t)
            carried.append(TaskEntry(t.description, who or "", first.due_date or t.due_date,
                                     assigned_on=day_of(first.meeting.starts_at),
                                     status=statuses.get(t.status, t.status)))
        else:
            tasks.append(TaskEntry(t.description, who or "", t.due_date))
    present = {a.person_id for a in rows if a.status == "present"}
    chair, secretary = meeting.chair, meeting.secretary
    return MinutesData(
        header=team_header(org, team, style(org, "minutes"), "BB", number=meeting.number, date=day),
        team_name=team.name, starts_at=meeting.starts_at, ends_at=meeting.ends_at, place=meeting.place,
        kind=meeting.kind, title=meeting.title,
        chair=chair.full_name if chair else "", chair_position=position(by_person.get(meeting.chair_id)),
        secretary=secretary.full_name if secretary else "",
        secretary_position=position(by_person.get(meeting.secretary_id)),
        attendees=attendees, guests=lines(meeting.guests), agenda=agenda,
        discussion=meeting.discussion, conclusions=meeting.conclusions, tasks=tasks, carried_tasks=carried,
        chair_present=meeting.chair_id in present, secretary_present=meeting.secretary_id in present,
    )


def _first_of_chain(task: MeetingTask) -> MeetingTask:
    """The task as first given, following carried_from back (each link once)."""
    seen = {task.id}
    while task.carried_from_id and task.carried_from_id not in seen:
        earlier = MeetingTask.get_or_none(MeetingTask.id == task.carried_from_id)
        if earlier is None:
            break
        seen.add(earlier.id)
        task = earlier
    return task


def for_print(request: PrintRequest) -> MinutesData:
    return minutes_data(request.id, request.org)
