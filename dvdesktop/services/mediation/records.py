"""Grassroots mediation cases (Luật Hòa giải ở cơ sở 2013, Nghị định
15/2014): the record services of a case, its parties, mediators and sessions;
saving a case with them; opening a case (audited when confidential) and
reading the cases of a year for the register and the statistics.

Parties' names and details are sensitive personal data (Art. 4.3 of the law,
Luật Bảo vệ dữ liệu cá nhân 2025): the audit log keeps them out, and every
opening of a confidential case is written to it. The rules (deadline,
composition, masking) are in .rules, the register in .register, the
statistics in .stats.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...errors import ValidationError
from ...store.models import (
    Area, MediationCase, MediationMediator, MediationParty, MediationSession, Person, Team,
)
from ...vn import short_date
from .. import access
from ..core import audit, vocab
from ..core.children import Child, saving_children
from ..core.fields import Boolean, Choice, Date, Integer, Ref, Text
from ..core.data import RecordData
from ..core.records import RecordService
from .rules import as_id, deadline_state, start_deadline
from .parts import Candidate, MediatorData, PartyData, SessionData

# Finer kinds of dispute per scope, offered in the form (free text is allowed).
MEDIATION_KINDS: dict[str, tuple[str, ...]] = {
    "dan_su": (
        "Tranh chấp ranh giới đất", "Tranh chấp quyền sử dụng đất", "Mâu thuẫn hàng xóm",
        "Vay mượn, hợp đồng", "Bồi thường thiệt hại", "Lối đi, nước, cây cối",
    ),
    "hon_nhan_gia_dinh": (
        "Mâu thuẫn vợ chồng", "Mâu thuẫn giữa cha mẹ và con", "Nuôi dưỡng, cấp dưỡng",
        "Chia tài sản trong gia đình", "Thừa kế",
    ),
    "khac": (
        "Vi phạm pháp luật nhỏ chưa bị xử lý", "Phong tục, tập quán", "Trật tự, vệ sinh công cộng",
    ),
}

_THIS_YEAR = dt.date.today().year


# --- record services ---------------------------------------------------------


class MediationCaseService(RecordService):
    model = MediationCase
    label = "vụ việc hòa giải"
    fields = (
        Ref("area", "Địa bàn", model=Area),
        Ref("team", "Tổ", model=Team),
        Text("number", "Số vụ việc", max_length=50),
        Date("received_on", "Ngày tiếp nhận", required=True),
        Choice("grounds", "Căn cứ hòa giải", choices=vocab.MEDIATION_GROUNDS, default="party_request"),
        Choice("scope", "Lĩnh vực", choices=vocab.MEDIATION_SCOPES, default="dan_su"),
        Text("kind", "Loại việc", max_length=100),
        Text("summary", "Nội dung vụ việc", max_length=10000, multiline=True),
        Date("assigned_on", "Ngày phân công"),
        Date("started_on", "Ngày bắt đầu hòa giải"),
        Choice("outcome", "Kết quả", choices=vocab.MEDIATION_OUTCOMES, default="dang"),
        Date("closed_on", "Ngày kết thúc"),
        Text("agreement", "Nội dung thỏa thuận", max_length=10000, multiline=True),
        Text("carry_out_how", "Phương thức thực hiện", max_length=5000, multiline=True),
        Date("carry_out_by", "Thời hạn thực hiện"),
        Boolean("carried_out", "Đã thực hiện thỏa thuận", default=None),
        Date("carried_out_on", "Ngày thực hiện xong"),
        Boolean("confidential", "Bảo mật", default=True),
        Text("notes", "Ghi chú", max_length=5000, multiline=True),
    )

    @classmethod
    def clean(cls, data, *, partial=False):
        cleaned = super().clean(data, partial=partial)
        if cleaned.get("team") and not cleaned.get("area") and (not partial or "area" in cleaned):
            cleaned["area"] = Team.get_by_id(cleaned["team"]).area_id  # the team's area
        return cleaned

    @classmethod
    def derive_values(cls, cleaned, state, existing):
        if existing is None and not state.get("number") and state.get("received_on"):
            cleaned["number"] = state["number"] = next_case_number(
                state["received_on"].year, team_id=state.get("team"), area_id=state.get("area"))

    @classmethod
    def get(cls, record_id: int, *, include_deleted: bool = False) -> RecordData:
        found = super().get(record_id, include_deleted=include_deleted)
        if found.confidential:
            access.require_confidential("vụ việc hòa giải bảo mật")
        return found

    @classmethod
    def check(cls, values, existing):
        if values.get("confidential") or (existing is not None and existing.confidential):
            access.require_confidential("vụ việc hòa giải bảo mật")
        received = values["received_on"]
        assigned, started, closed = values.get("assigned_on"), values.get("started_on"), values.get("closed_on")
        outcome = values.get("outcome") or "dang"
        if assigned and assigned < received:
            raise ValidationError("assigned_on", "Ngày phân công không được trước ngày tiếp nhận.")
        if started and started < received:
            raise ValidationError("started_on", "Ngày bắt đầu hòa giải không được trước ngày tiếp nhận.")
        if started and assigned and started < assigned:
            raise ValidationError("started_on", "Ngày bắt đầu hòa giải không được trước ngày phân công.")
        if outcome == "dang":
            if closed:
                raise ValidationError("closed_on", "Vụ việc đang hòa giải chưa có ngày kết thúc; hãy chọn kết quả.")
        else:
            if not closed:
                raise ValidationError("closed_on", "Vụ việc đã có kết quả cần có ngày kết thúc.")
            for name, day, what in (("closed_on", received, "ngày tiếp nhận"), ("closed_on", assigned, "ngày phân công"),
                                    ("closed_on", started, "ngày bắt đầu hòa giải")):
                if day and closed < day:
                    raise ValidationError(name, f"Ngày kết thúc không được trước {what}.")
        if outcome == "thanh":
            if not (values.get("agreement") or "").strip():
                raise ValidationError("agreement", "Hòa giải thành cần ghi nội dung thỏa thuận.")
            if values.get("carry_out_by") and closed and values["carry_out_by"] < closed:
                raise ValidationError("carry_out_by", "Thời hạn thực hiện không được trước ngày hòa giải thành.")
        else:
            for name, what in (("carried_out", "Việc thực hiện thỏa thuận"), ("carried_out_on", "Ngày thực hiện xong"),
                               ("carry_out_by", "Thời hạn thực hiện")):
                if values.get(name) is not None:
                    raise ValidationError(name, f"{what} chỉ ghi cho vụ việc hòa giải thành.")
        if values.get("carried_out_on"):
            if values.get("carried_out") is not True:
                raise ValidationError("carried_out_on", "Chỉ ghi ngày thực hiện xong khi thỏa thuận đã được thực hiện.")
            if closed and values["carried_out_on"] < closed:
                raise ValidationError("carried_out_on", "Ngày thực hiện xong không được trước ngày hòa giải thành.")
        # saved with its sessions, the case is checked against them by check_children
        if existing is not None and not saving_children():
            dates = [s.held_on for s in MediationSession.select(MediationSession.held_on)
                     .where(MediationSession.case == existing.id)]
            check_session_dates(values, dates)


    @classmethod
    def check_children(cls, record, rows):
        if "parties" in rows and not rows["parties"]:
            raise ValidationError("parties", "Vụ việc cần có ít nhất một bên.")
        mediators = rows["mediators"] if "mediators" in rows else list(record.mediators)
        if record.assigned_on and not mediators:
            raise ValidationError("mediators", "Đã có ngày phân công nhưng chưa chọn hòa giải viên nào.")
        sessions = rows["sessions"] if "sessions" in rows else list(record.sessions)
        check_session_dates({"received_on": record.received_on, "closed_on": record.closed_on},
                            [s.held_on for s in sessions])


def check_session_dates(case_values: dict[str, Any], session_dates: Iterable[dt.date]) -> None:
    """Sessions on or after the date received, and not after the closing date."""
    dates = sorted(d for d in session_dates if d)
    if not dates:
        return
    received, closed = case_values.get("received_on"), case_values.get("closed_on")
    if received and dates[0] < received:
        raise ValidationError("held_on", f"Buổi hòa giải ngày {short_date(dates[0])} trước ngày tiếp nhận vụ việc.")
    if closed and dates[-1] > closed:
        raise ValidationError(
            "closed_on", f"Ngày kết thúc không được trước buổi hòa giải cuối cùng ({short_date(dates[-1])})."
        )


def clock_time(value, label: str = "Giờ", name: str = "time") -> str:
    """'8h30' / '8:30' / '08.30' / '8 giờ 30' → '08:30'; '' stays ''."""
    import re

    text = ("" if value is None else str(value)).strip().lower()
    if not text:
        return ""
    found = re.fullmatch(r"(\d{1,2})\s*(?:h|:|\.|giờ)\s*(\d{0,2})\s*(?:phút|p)?", text) or re.fullmatch(r"(\d{1,2})()", text)
    if found:
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    raise ValidationError(name, f"{label} «{value}» không đúng; hãy ghi giờ:phút, ví dụ 08:30.")


def _age_to_birth_year(data: dict[str, Any], reference_year: int) -> dict[str, Any]:
    """Parties are often known by age ("45 tuổi"): store the birth year."""
    data = dict(data)
    age = data.pop("age", None)
    if age not in (None, "") and data.get("birth_year") in (None, ""):
        years = Integer("age", "Tuổi", minimum=0, maximum=130).clean(age)
        data["birth_year"] = reference_year - years
    return data


class PartyService(RecordService):
    model = MediationParty
    label = "bên tranh chấp"
    fields = (
        Ref("case", "Vụ việc", required=True, model=MediationCase),
        Text("name", "Họ và tên", required=True),
        Choice("gender", "Giới tính", choices=vocab.GENDERS, default=""),
        Integer("birth_year", "Năm sinh", minimum=1900, maximum=_THIS_YEAR),
        Text("address", "Địa chỉ", max_length=300),
        Text("phone", "Điện thoại", max_length=30),
        Choice("side", "Bên", choices=vocab.MEDIATION_SIDES, default="A"),
        Text("demands", "Yêu cầu của bên", max_length=5000, multiline=True),
    )

    @classmethod
    def clean(cls, data, *, partial=False):
        """Accepts "age" instead of "birth_year": the age at the date the case was received."""
        if "age" in data:
            case = MediationCase.get_or_none(MediationCase.id == as_id(data.get("case"))) if data.get("case") else None
            data = _age_to_birth_year(data, case.received_on.year if case else dt.date.today().year)
        return super().clean(data, partial=partial)


class MediatorService(RecordService):
    model = MediationMediator
    label = "hòa giải viên"
    fields = (
        Ref("case", "Vụ việc", required=True, model=MediationCase),
        Ref("person", "Người", model=Person),
        Text("name", "Họ và tên hòa giải viên", required=True),
        Choice("gender", "Giới tính", choices=vocab.GENDERS, default=""),
        Boolean("is_lead", "Phụ trách chính", default=False),
    )

    @classmethod
    def clean(cls, data, *, partial=False):
        """A mediator chosen from the team's people takes their name and gender."""
        data = dict(data)
        person_id = as_id(data.get("person")) if data.get("person") not in (None, "") else None
        if person_id:
            person = Person.get_or_none(Person.id == person_id)
            if person is not None:
                if not (data.get("name") or "").strip() and not partial:
                    data["name"] = person.full_name
                if not data.get("gender") and not partial:
                    data["gender"] = person.gender
        return super().clean(data, partial=partial)

    @classmethod
    def check(cls, values, existing):
        others = MediationMediator.select().where(MediationMediator.case == values["case"])
        if existing is not None:
            others = others.where(MediationMediator.id != existing.id)
        if values.get("person") and others.where(MediationMediator.person == values["person"]).exists():
            raise ValidationError("person", f"{values['name']} đã có trong danh sách hòa giải viên của vụ việc.")
        if values.get("is_lead") and others.where(MediationMediator.is_lead == True).exists():  # noqa: E712
            raise ValidationError("is_lead", "Vụ việc đã có một hòa giải viên phụ trách chính.")


class SessionService(RecordService):
    model = MediationSession
    label = "buổi hòa giải"
    fields = (
        Ref("case", "Vụ việc", required=True, model=MediationCase),
        Date("held_on", "Ngày hòa giải", required=True),
        Text("start_time", "Giờ bắt đầu", max_length=5),
        Text("end_time", "Giờ kết thúc", max_length=5),
        Text("place", "Địa điểm", max_length=300),
        Text("attendees", "Thành phần tham dự", max_length=5000, multiline=True),
        Text("content", "Diễn biến, kết quả buổi hòa giải", max_length=20000, multiline=True),
    )

    @classmethod
    def clean(cls, data, *, partial=False):
        """Times typed as "8h30", "8:30" or "08.30" are kept as "08:30"."""
        data = dict(data)
        for name in ("start_time", "end_time"):
            if name in data:
                data[name] = clock_time(data[name], cls.field(name).label, name)
        return super().clean(data, partial=partial)

    @classmethod
    def check(cls, values, existing):
        if values.get("start_time") and values.get("end_time") and values["end_time"] < values["start_time"]:
            raise ValidationError("end_time", "Giờ kết thúc buổi hòa giải không được trước giờ bắt đầu.")
        if saving_children():
            return  # checked against the case by MediationCaseService.check_children
        case = MediationCase.get_by_id(values["case"])
        check_session_dates({"received_on": case.received_on, "closed_on": case.closed_on}, [values["held_on"]])


# --- saving a case with its parts ----------------------------------------------


# declared here: the child services are defined after the case's
MediationCaseService.children = (
    Child("parties", PartyService, fk="case", label="Bên tranh chấp", order=("side", "id")),
    Child("mediators", MediatorService, fk="case", label="Hòa giải viên", order=("-is_lead", "id")),
    Child("sessions", SessionService, fk="case", label="Buổi hòa giải", order=("held_on", "id")),
)


def save_case(
    data: dict[str, Any],
    parties: Sequence[dict[str, Any]],
    mediators: Sequence[dict[str, Any]],
    sessions: Sequence[dict[str, Any]],
    case_id: int | None = None,
    expected_version: int | None = None,
) -> RecordData:
    """Create or change a case with its parties, mediators and sessions in one
    transaction (MediationCaseService.save_with_children): any error (a
    ValidationError naming the field, "parties[1].name" for a row, a
    ConflictError when someone else saved the case meanwhile) leaves the
    database as it was.

    Children are given as dicts; one with "id" updates that row, rows of the
    case not listed are removed. A party may be given an "age" instead of a
    birth year. When sessions exist and no start date is given, mediation is
    taken to have started on the first session's day.
    """
    data = dict(data)
    session_days = []
    for s in sessions:
        try:
            session_days.append(SessionService.field("held_on").clean(s.get("held_on")))
        except ValidationError:
            pass  # reported with the session's row
    if session_days:
        if "started_on" in data:
            started = data["started_on"]
        else:
            old = MediationCase.get_or_none(MediationCase.id == case_id) if case_id is not None else None
            started = old.started_on if old is not None else None
        if started in (None, ""):
            data["started_on"] = min(session_days)
    return MediationCaseService.save_with_children(
        case_id, data, {"parties": list(parties), "mediators": list(mediators), "sessions": list(sessions)},
        expected_version=expected_version)


def mediator_candidates(team_id: int | None, on: dt.date | None = None, area_id: int | None = None) -> list[Candidate]:
    """The people mediators are chosen from: the mediators of the area's tổ hòa
    giải first, then the Tổ dân vận's current members not among them."""
    from ..register import MembershipService
    from .team import members

    out = [Candidate(m.person_id, m.name, m.gender) for m in members(area_id, on)] if area_id else []
    seen = {c.id for c in out}
    if team_id:
        out += [Candidate.of(m.person) for m in MembershipService.current_rows(team_id, on) if m.person.id not in seen]
    return out


# --- numbers -------------------------------------------------------------------


def next_case_number(year: int, *, team_id: int | None = None, area_id: int | None = None) -> str:
    """The next book number of the year for the team's (or area's) register:
    '05/2025'. Numbers a clerk typed in another form are skipped over."""
    query = MediationCase.select(MediationCase.number).where(
        (MediationCase.received_on >= dt.date(year, 1, 1)) & (MediationCase.received_on <= dt.date(year, 12, 31)))
    if team_id:
        query = query.where(MediationCase.team == team_id)
    elif area_id:
        query = query.where(MediationCase.area == area_id)
    highest = 0
    for (number,) in query.tuples():
        head = (number or "").split("/")[0].strip()
        if head.isdigit():
            highest = max(highest, int(head))
    return f"{highest + 1:02d}/{year}"


# --- opening a case ------------------------------------------------------------


@dataclass
class CaseDetail:
    """A case opened for viewing or editing, with its parts."""

    case: RecordData
    parties: list[PartyData]
    mediators: list[MediatorData]
    sessions: list[SessionData]
    deadline: dt.date | None
    deadline_state: str
    warnings: list[str] = field(default_factory=list)


def open_case_for_view(case_id: int, username: str | None = None, today: dt.date | None = None) -> CaseDetail:
    """Read a case with its parts; opening a confidential case writes a "view"
    row (who, when) to the audit log."""
    case = MediationCaseService.get(case_id)  # refuses a confidential case without the permission
    if case.confidential:
        audit.write("view", case, table=MediationCase._meta.table_name, username=username)
    parties, mediators, sessions = case_parts(case_id)
    return CaseDetail(
        case=case,
        parties=parties,
        mediators=mediators,
        sessions=sessions,
        deadline=start_deadline(case),
        deadline_state=deadline_state(case, today),
        # the composition rule is the area's team's, not the case's (one mediator may handle a case)
        warnings=team_warnings(case.area, case.received_on),
    )


def team_warnings(area_id: int | None, on: dt.date | None = None) -> list[str]:
    """The composition warnings of the tổ hòa giải of the case's area (none without an area)."""
    from .team import composition_warnings

    return composition_warnings(area_id, on) if area_id else []


def case_parts(case_id: int) -> tuple[list[PartyData], list[MediatorData], list[SessionData]]:
    """The case's parties, mediators (lead first) and sessions, read again
    without an audit row: for a form that opened the case through
    open_case_for_view and reloads it after a save."""
    case = MediationCase.get_or_none(MediationCase.id == case_id)
    if case is not None and case.confidential:
        access.require_confidential("vụ việc hòa giải bảo mật")
    return ([PartyData.of(r) for r in
             rows_by_case(MediationParty, [case_id], MediationParty.side, MediationParty.id)[case_id]],
            [MediatorData.of(r) for r in
             rows_by_case(MediationMediator, [case_id], MediationMediator.is_lead.desc(), MediationMediator.id)[case_id]],
            [SessionData.of(r) for r in
             rows_by_case(MediationSession, [case_id], MediationSession.held_on, MediationSession.id)[case_id]])


# --- reading many cases ----------------------------------------------------------


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def cases_received(year: int | None, area_id: int | None, *, ascending: bool = True) -> list[MediationCase]:
    query = MediationCase.select().where(MediationCase.deleted_at.is_null())
    if year is not None:
        first, last = _year_range(year)
        query = query.where(MediationCase.received_on.between(first, last))
    if area_id is not None:
        query = query.where(MediationCase.area == area_id)
    if ascending:
        query = query.order_by(MediationCase.received_on, MediationCase.id)
    else:
        query = query.order_by(MediationCase.received_on.desc(), MediationCase.id.desc())
    return list(query)


def rows_by_case(model, case_ids: list[int], *order) -> dict[int, list]:
    result: dict[int, list] = {cid: [] for cid in case_ids}
    if not case_ids:
        return result
    for row in model.select().where(model.case.in_(case_ids)).order_by(*order):
        result[row.case_id].append(row)
    return result


def parts_of(cases: list[MediationCase]):
    ids = [c.id for c in cases]
    parties = rows_by_case(MediationParty, ids, MediationParty.side, MediationParty.id)
    mediators = rows_by_case(MediationMediator, ids, MediationMediator.is_lead.desc(), MediationMediator.id)
    sessions = rows_by_case(MediationSession, ids, MediationSession.held_on, MediationSession.id)
    return parties, mediators, sessions


def area_names(cases: list[MediationCase]) -> dict[int, str]:
    ids = {c.area_id for c in cases if c.area_id}
    return {a.id: a.name for a in Area.select(Area.id, Area.name).where(Area.id.in_(ids))} if ids else {}
