"""Danh sách người tham dự: a blank attendance sheet, of a meeting, of a team
(its members' names filled in) or of nobody in particular."""
from __future__ import annotations

import datetime as dt

from ...documents.data import AttendanceSheetData
from ...documents.forms import rows_on_one_page
from ...errors import NotFoundError
from ...store.models import Meeting
from ..core import vocab
from ..register import MembershipService
from ..settings import Organisation, load_organisation
from .headers import commune_header, day_of, find_team, member_row, style, team_header
from .request import PrintRequest


def attendance_sheet_data(team_id: int | None = None, meeting_id: int | None = None,
                          org: Organisation | None = None) -> AttendanceSheetData:
    org = org or load_organisation()
    chosen = style(org, "attendance-sheet")
    title, day = "", None
    if meeting_id is not None:
        meeting = Meeting.get_or_none((Meeting.id == meeting_id) & Meeting.deleted_at.is_null())
        if meeting is None:
            raise NotFoundError(f"Không tìm thấy cuộc họp số {meeting_id}.")
        team_id, day = meeting.team_id, day_of(meeting.starts_at)
        kind = dict(vocab.MEETING_KINDS).get(meeting.kind, "").lower()
        title = (meeting.title or f"cuộc họp {kind}").strip()
    if team_id is None:
        header = commune_header(org, chosen, "DS")
        header.date = None
        return AttendanceSheetData(header=header, team_name="", meeting_title=title, blank_rows=rows_on_one_page(0))
    team = find_team(team_id)
    members = [member_row(m) for m in MembershipService.current_rows(team.id, day or dt.date.today())]
    return AttendanceSheetData(header=team_header(org, team, chosen, "DS", date=day), team_name=team.name,
                               meeting_title=title, names=members, blank_rows=rows_on_one_page(len(members)))


def for_print(request: PrintRequest) -> AttendanceSheetData:
    return attendance_sheet_data(request.team, request.id, request.org)
