"""Printing: fill the documents' dataclasses from the database and write the
PDF or Word file. The renderers (dvdesktop/documents) never query the
database; this module is the only bridge. No Qt here.

    print_document("minutes", "bien-ban.pdf", id=12)
    print_document("roster", "danh-sach.docx")             # every team of the commune
    print_document("concerns", "kien-nghi.pdf", team=3, year=2025)
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..documents import BUILDERS, render
from ..documents import blocks as B
from ..documents.data import (
    AgendaEntry, Attendee, AttendanceSheetData, ConcernEntry, ConcernRegisterData, ConcernSlipData,
    DecisionData, HeaderData, MemberRow, MinutesData, OutreachRecordData, RosterData, RosterGroup,
    SignerData, TaskEntry,
)
from ..errors import NotFoundError, UserError
from ..store.models import (
    AgendaItem, Concern, Meeting, MeetingAttendance, MeetingTask, Membership, OutreachSession, Person, Team,
)
from ..vn import clean_line, sort_key
from .core import numbering, vocab
from .register import MembershipService
from .settings import Organisation, load_organisation

KINDS = vocab.PRINT_KINDS
# Which organisation setting chooses the header style of each printed kind.
_STYLE_KEY = {"attendance-sheet": "minutes", "concern-slip": "concerns"}

TEAM_CODE = "TDV"
ROLE_LABELS = dict(vocab.TEAM_ROLES)
STATUS_LABELS = dict(vocab.CONCERN_STATUSES)


# --- headers and signers --------------------------------------------------------


def _style(org: Organisation, kind: str) -> str:
    return org.header_style(_STYLE_KEY.get(kind, kind))


def _formatted_number(raw: str, style: str, kind_code: str, issuer_code: str) -> str:
    """A stored number as printed: digits only → 'Số: 05/BB-TDV' / 'Số 5-BB/TDV'
    (through services.numbering); anything else as typed."""
    raw = clean_line(raw or "") or ""
    if raw.isdigit() and int(raw) > 0:
        make = numbering.state_number if style == "state" else numbering.party_number
        try:
            return make(int(raw), kind_code, issuer_code)
        except UserError:
            return raw
    return raw


def team_header(org: Organisation, team: Team, style: str, kind_code: str, *, number: str = "",
                date: dt.date | None = None) -> HeaderData:
    """A team's own document: the commune's Party organisation (Party style) or
    People's Committee (State style) above the team's name."""
    return HeaderData.from_organisation(
        org, style, team.name, number=_formatted_number(number, style, kind_code, TEAM_CODE),
        kind_code=kind_code, issuer_code=TEAM_CODE, date=date)


def commune_header(org: Organisation, style: str, kind_code: str, *, number: str = "",
                   date: dt.date | None = None) -> HeaderData:
    """A commune document: Đảng ủy xã under ĐẢNG BỘ TỈNH … (Party), or the
    People's Committee alone (State)."""
    if style == "party":
        parent = f"ĐẢNG BỘ {org.province_unit.upper()}" if org.province else ""
        issuer = org.party_committee or (f"ĐẢNG ỦY {org.commune}" if org.commune else "")
        code = "ĐU"
    else:
        parent = ""
        issuer = org.people_committee or (f"ỦY BAN NHÂN DÂN {org.commune}" if org.commune else "")
        code = "UBND"
    return HeaderData.from_organisation(org, style, issuer, parent=parent,
                                        number=_formatted_number(number, style, kind_code, code),
                                        kind_code=kind_code, issuer_code=code, date=date)


def commune_signer(org: Organisation, style: str) -> SignerData:
    if style == "party":
        s = org.party_signer
        return SignerData(s.title or "BÍ THƯ", s.on_behalf or "T/M ĐẢNG ỦY", s.name)
    s = org.state_signer
    return SignerData(s.title or "CHỦ TỊCH", s.on_behalf or "TM. ỦY BAN NHÂN DÂN", s.name)


def _leader(team_id: int, on: dt.date) -> str:
    for m in MembershipService.current_rows(team_id, on):
        if m.role == "to_truong":
            return m.person.full_name
    return ""


def team_signer(team: Team, on: dt.date) -> SignerData:
    return SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN", _leader(team.id, on))


# --- lookups ----------------------------------------------------------------------


def _team(team_id: int) -> Team:
    team = Team.get_or_none((Team.id == team_id) & Team.deleted_at.is_null())
    if team is None:
        raise NotFoundError(f"Không tìm thấy Tổ dân vận số {team_id}.")
    return team


def _position(m: Membership | None) -> str:
    if m is None:
        return ""
    return ", ".join(x for x in (m.position, ROLE_LABELS.get(m.role, "")) if x)


def _member_row(m: Membership) -> MemberRow:
    p = m.person
    return MemberRow(name=p.full_name, role=ROLE_LABELS.get(m.role, m.role), position=m.position,
                     gender=p.gender, birth_year=p.birth_year, ethnicity=p.ethnicity, phone=p.phone,
                     party_member=bool(p.party_member))


def _lines(text: str) -> list[str]:
    return [clean_line(x) for x in (text or "").splitlines() if x.strip()]


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


# --- the documents' data ------------------------------------------------------------


def minutes_data(meeting_id: int, org: Organisation | None = None) -> MinutesData:
    org = org or load_organisation()
    meeting = Meeting.get_or_none((Meeting.id == meeting_id) & Meeting.deleted_at.is_null())
    if meeting is None:
        raise NotFoundError(f"Không tìm thấy cuộc họp số {meeting_id}.")
    team = meeting.team
    day = _day(meeting.starts_at)
    style = _style(org, "minutes")
    members = MembershipService.current_rows(team.id, day)
    order = {m.person_id: i for i, m in enumerate(members)}
    by_person = {m.person_id: m for m in members}
    rows = list(MeetingAttendance.select(MeetingAttendance, Person).join(Person)
                .where(MeetingAttendance.meeting == meeting.id))
    recorded = {a.person_id for a in rows}
    # a member left off the attendance list counts as absent (as meetings.quorum() counts)
    entries = [(order.get(a.person_id, len(order)), a.person.name_sort,
                Attendee(a.person.full_name, _position(by_person.get(a.person_id)), a.status, a.reason)) for a in rows]
    entries += [(order[m.person_id], "", Attendee(m.person.full_name, _position(m), "absent"))
                for m in members if m.person_id not in recorded]
    attendees = [a for *_, a in sorted(entries, key=lambda e: e[:2])]
    agenda = [AgendaEntry(a.title, a.content) for a in
              AgendaItem.select().where(AgendaItem.meeting == meeting.id).order_by(AgendaItem.position, AgendaItem.id)]
    tasks = []
    for t in MeetingTask.select().where((MeetingTask.meeting == meeting.id) & (MeetingTask.status != "cancelled")) \
            .order_by(MeetingTask.id):
        who = t.assignee.full_name if t.assignee_id else t.assignee_name
        tasks.append(TaskEntry(t.description, who or "", t.due_date))
    chair, secretary = meeting.chair, meeting.secretary
    return MinutesData(
        header=team_header(org, team, style, "BB", number=meeting.number, date=day),
        team_name=team.name, starts_at=meeting.starts_at, ends_at=meeting.ends_at, place=meeting.place,
        kind=meeting.kind, title=meeting.title,
        chair=chair.full_name if chair else "", chair_position=_position(by_person.get(meeting.chair_id)),
        secretary=secretary.full_name if secretary else "",
        secretary_position=_position(by_person.get(meeting.secretary_id)),
        attendees=attendees, guests=_lines(meeting.guests), agenda=agenda,
        discussion=meeting.discussion, conclusions=meeting.conclusions, tasks=tasks,
    )


def outreach_data(session_id: int, org: Organisation | None = None) -> OutreachRecordData:
    org = org or load_organisation()
    s = OutreachSession.get_or_none((OutreachSession.id == session_id) & OutreachSession.deleted_at.is_null())
    if s is None:
        raise NotFoundError(f"Không tìm thấy buổi tuyên truyền số {session_id}.")
    team = s.team
    return OutreachRecordData(
        header=team_header(org, team, _style(org, "outreach"), "BB", date=s.held_on),
        team_name=team.name, held_on=s.held_on, place=s.place, form=s.form, topic=s.topic, policy=s.policy,
        presenters=s.presenters, audience_total=s.audience_total, audience_women=s.audience_women,
        audience_minority=s.audience_minority, materials=s.materials, result=s.result,
        leader=team_signer(team, s.held_on),
    )


def concern_register_data(team_id: int | None = None, year: int | None = None, *,
                          start: dt.date | None = None, end: dt.date | None = None,
                          show_names: bool = False, org: Organisation | None = None,
                          today: dt.date | None = None) -> ConcernRegisterData:
    """Concerns received in [start, end] (default: the whole of *year*, this
    year when not given), of one team or of the whole commune. Residents'
    names are left out unless *show_names*."""
    org = org or load_organisation()
    today = today or dt.date.today()
    if start is None and end is None:
        year = year or today.year
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    style = _style(org, "concerns")
    query = Concern.select().where(Concern.deleted_at.is_null())
    if start:
        query = query.where(Concern.received_on >= start)
    if end:
        query = query.where(Concern.received_on <= end)
    if team_id is not None:
        team = _team(team_id)
        query = query.where(Concern.team == team.id)
        header, scope, signer = team_header(org, team, style, "BC", date=today), team.name, team_signer(team, today)
    else:
        header, scope = commune_header(org, style, "BC", date=today), org.commune or "toàn xã"
        signer = commune_signer(org, style)
    entries = []
    for c in query.order_by(Concern.received_on, Concern.id):
        who = "Ẩn danh" if c.anonymous or not c.raised_by else c.raised_by
        entries.append(ConcernEntry(
            received_on=c.received_on, content=c.content, raised_by=who if show_names else "",
            area=c.area.name if c.area_id else "", channel=c.channel, field=c.field,
            forwarded_to=c.forwarded_to, forwarded_on=c.forwarded_on, answer=c.answer,
            status=STATUS_LABELS.get(c.status, c.status)))
    return ConcernRegisterData(header=header, scope_name=scope, period_start=start, period_end=end,
                               entries=entries, show_names=show_names, signer=signer)


def roster_data(team_id: int | None = None, on: dt.date | None = None,
                org: Organisation | None = None) -> RosterData:
    """One team's members on *on* (today), or every active team's."""
    org = org or load_organisation()
    on = on or dt.date.today()
    style = _style(org, "roster")
    if team_id is not None:
        team = _team(team_id)
        groups = [RosterGroup(team.name, [_member_row(m) for m in MembershipService.current_rows(team.id, on)])]
        return RosterData(header=team_header(org, team, style, "DS", date=on), subject=team.name, groups=groups,
                          on=on, signer=team_signer(team, on))
    teams = sorted(Team.select().where(Team.deleted_at.is_null() & (Team.status == "active")),
                   key=lambda t: sort_key(t.name))
    members = MembershipService.current_by_team(on)
    groups = [RosterGroup(t.name, [_member_row(m) for m in members.get(t.id, [])]) for t in teams]
    subject = f"các Tổ dân vận {org.commune}".strip()
    return RosterData(header=commune_header(org, style, "DS", date=on), subject=subject, groups=groups, on=on,
                      signer=commune_signer(org, style))


def decision_data(team_id: int, kind: str = "thanh_lap", on: dt.date | None = None, *, number: str = "",
                  org: Organisation | None = None) -> DecisionData:
    """Quyết định thành lập (kind="thanh_lap") or kiện toàn ("kien_toan") of a
    team with its members on *on*. The founding decision's number and date
    come from the team record."""
    if kind not in ("thanh_lap", "kien_toan"):
        raise UserError("Loại quyết định phải là «thành lập» hoặc «kiện toàn».")
    org = org or load_organisation()
    team = _team(team_id)
    style = _style(org, "decision")
    if kind == "thanh_lap":
        on = on or team.established_on or dt.date.today()
        number = number or team.decision_number
        previous = ""
    else:
        on = on or dt.date.today()
        previous = team.decision_number or ""
        if previous and team.established_on:
            from ..vn import format_date

            previous += f" {format_date(team.established_on)}"
    area = team.area
    area_name = f"{area.kind} {area.name}".strip()
    if style == "party":
        committee = org.party_committee or f"Đảng ủy {org.commune}".strip()
        authority = f"BAN THƯỜNG VỤ {committee}".upper()
        grounds = ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam", f"Căn cứ Quy chế làm việc của {committee}"]
        proposal = f"Xét đề nghị của Chi bộ {area_name}"
        signer = commune_signer(org, style)
        if not org.party_signer.on_behalf:
            signer.on_behalf = "T/M BAN THƯỜNG VỤ"
        recipients = ["Thường trực Đảng ủy", f"Chi bộ {area_name}", "Như Điều 3", "Lưu Văn phòng Đảng ủy"]
    else:
        committee = org.people_committee or f"Ủy ban nhân dân {org.commune}".strip()
        authority = f"CHỦ TỊCH {committee}".upper()
        grounds = ["Căn cứ Luật Tổ chức chính quyền địa phương", "Căn cứ Luật Thực hiện dân chủ ở cơ sở"]
        proposal = f"Theo đề nghị của Trưởng {area_name}"
        signer = commune_signer(org, style)
        recipients = ["Như Điều 3", "Thường trực Đảng ủy", "Lưu: VT"]
    return DecisionData(
        header=commune_header(org, style, "QĐ", number=number, date=on),
        team_name=team.name, kind=kind, authority=authority, grounds=grounds, proposal=proposal,
        members=[_member_row(m) for m in MembershipService.current_rows(team.id, on)],
        previous_decision=previous, signer=signer, recipients=recipients,
    )


def attendance_sheet_data(team_id: int | None = None, meeting_id: int | None = None,
                          org: Organisation | None = None) -> AttendanceSheetData:
    org = org or load_organisation()
    style = _style(org, "attendance-sheet")
    title, day = "", None
    if meeting_id is not None:
        meeting = Meeting.get_or_none((Meeting.id == meeting_id) & Meeting.deleted_at.is_null())
        if meeting is None:
            raise NotFoundError(f"Không tìm thấy cuộc họp số {meeting_id}.")
        team_id, day = meeting.team_id, _day(meeting.starts_at)
        kind = dict(vocab.MEETING_KINDS).get(meeting.kind, "").lower()
        title = (meeting.title or f"cuộc họp {kind}").strip()
    if team_id is None:
        header = commune_header(org, style, "DS")
        header.date = None
        return AttendanceSheetData(header=header, team_name="", meeting_title=title, blank_rows=20)
    team = _team(team_id)
    members = [_member_row(m) for m in MembershipService.current_rows(team.id, day or dt.date.today())]
    return AttendanceSheetData(header=team_header(org, team, style, "DS", date=day), team_name=team.name,
                               meeting_title=title, names=members, blank_rows=max(6, 15 - len(members)))


def concern_slip_data(team_id: int | None = None, org: Organisation | None = None) -> ConcernSlipData:
    org = org or load_organisation()
    style = _style(org, "concern-slip")
    if team_id is None:
        header, name = commune_header(org, style, "PTN"), ""
    else:
        team = _team(team_id)
        header, name = team_header(org, team, style, "PTN"), team.name
    channels = [c for c in vocab.CONCERN_CHANNELS if c not in ("Cổng PAKN", "Mặt trận số", "Hộp thư góp ý")]
    return ConcernSlipData(header=header, team_name=name, channels=channels, fields=list(vocab.CONCERN_FIELDS))


# --- one entry point for the GUI and the command line ----------------------------------


def document(kind: str, *, id: int | None = None, team: int | None = None, year: int | None = None,
             show_names: bool = False, decision_kind: str = "thanh_lap", area: int | None = None,
             on: dt.date | None = None, org: Organisation | None = None) -> B.Document:
    """The document of *kind* (a key of KINDS) ready to render. *on*: the day
    a member list or a kiện toàn decision is made for (today by default)."""
    if kind not in KINDS:
        raise UserError(f"Không có loại văn bản «{kind}»; chọn một trong: {', '.join(KINDS)}.")
    org = org or load_organisation()
    if kind in ("register", "mediation"):
        from .mediation import printing as mediation_printing

        if kind == "register":
            return mediation_printing.register_document(year or dt.date.today().year, area, org=org)
        if id is None:
            raise UserError("In văn bản hòa giải cần số vụ việc (--id).")
        return mediation_printing.case_document(id, org=org)
    if kind == "minutes":
        if id is None:
            raise UserError("In biên bản họp cần số cuộc họp (--id).")
        data = minutes_data(id, org)
    elif kind == "outreach":
        if id is None:
            raise UserError("In biên bản tuyên truyền cần số buổi tuyên truyền (--id).")
        data = outreach_data(id, org)
    elif kind == "concerns":
        data = concern_register_data(team, year, show_names=show_names, org=org)
    elif kind == "roster":
        data = roster_data(team, on, org=org)
    elif kind == "decision":
        if team is None:
            raise UserError("In quyết định cần số Tổ dân vận (--team).")
        data = decision_data(team, decision_kind, on if decision_kind == "kien_toan" else None, org=org)
    elif kind == "attendance-sheet":
        data = attendance_sheet_data(team, id, org)
    else:
        data = concern_slip_data(team, org)
    return BUILDERS[kind](data)


def print_document(kind: str, output: str | Path, **options) -> Path:
    """Write the document of *kind* to *output* (.pdf or .docx)."""
    render.file_format(output)  # refuse a wrong ending before any work
    return render.write(document(kind, **options), output)
