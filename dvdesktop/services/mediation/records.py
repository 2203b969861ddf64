"""Grassroots mediation (Luật Hòa giải ở cơ sở 2013, Nghị định 15/2014):
cases, parties, mediators and sessions; the start deadline; the mediation
group's composition; statistics, the register and exports; confidentiality.

Parties' names and details are sensitive personal data (Art. 4.3 of the law,
Luật Bảo vệ dữ liệu cá nhân 2025): lists mask them unless the organisation
setting allows them, exports leave them out unless asked, and every opening of
a confidential case, every export with personal data and every register built
with names is written to the audit log.
"""
from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...errors import ValidationError
from ...store.base import database_proxy
from ...store.models import (
    Area, MediationCase, MediationMediator, MediationParty, MediationSession, Person, Team,
)
from ...vn import clean_line, fold, name_sort_key, short_date, sort_key
from ..core import audit, vocab
from ..core.fields import Boolean, Choice, Date, Integer, Ref, Text
from .register_data import (
    REGISTER_RESULTS, STAT_RESULTS, AreaMediationCounts, MediationRegister, MediationStatistics,
    MediatorSummary, RegisterEntry, RegisterParty, RegisterSummary, result_category,
)
from ..core.data import RecordData
from ..core.records import RecordService
from .parts import Candidate, MediatorData, PartyData, SessionData

# Mediation must start within this many days of the assignment of mediators
# (calendar days, counted from the day after assigned_on).
START_WITHIN_DAYS = 3
# deadline_state() says "due" from this many days before the deadline.
DUE_SOON_DAYS = 1

# A mediation group: at least this many mediators, at least one a woman, and
# in areas with ethnic minorities at least one mediator of a minority.
MIN_MEDIATORS = 3

MAJORITY_ETHNICITY = "Kinh"

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

DEADLINE_OK = "ok"
DEADLINE_DUE = "due"
DEADLINE_MISSED = "missed"
DEADLINE_STARTED = "started"

_THIS_YEAR = dt.date.today().year

# save_case() checks the dates across the case and its sessions once, at the
# end; the single-record services check them at once.
_deferred = contextvars.ContextVar("mediation_deferred_checks", default=False)


@contextlib.contextmanager
def _defer_cross_checks():
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def _id(value) -> int | None:
    value = getattr(value, "id", value)
    return int(value) if value not in (None, "") else None


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
    def check(cls, values, existing):
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
        if existing is not None and not _deferred.get():
            dates = [s.held_on for s in MediationSession.select(MediationSession.held_on)
                     .where(MediationSession.case == existing.id)]
            check_session_dates(values, dates)


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
            case = MediationCase.get_or_none(MediationCase.id == _id(data.get("case"))) if data.get("case") else None
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
        person_id = _id(data.get("person")) if data.get("person") not in (None, "") else None
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
        Text("place", "Địa điểm", max_length=300),
        Text("attendees", "Thành phần tham dự", max_length=5000, multiline=True),
        Text("content", "Diễn biến, kết quả buổi hòa giải", max_length=20000, multiline=True),
    )

    @classmethod
    def check(cls, values, existing):
        if _deferred.get():
            return
        case = MediationCase.get_by_id(values["case"])
        check_session_dates({"received_on": case.received_on, "closed_on": case.closed_on}, [values["held_on"]])


# --- saving a case with its parts ----------------------------------------------


def _sync_children(service: type[RecordService], model, case_id: int, items: Sequence[dict[str, Any]]) -> list:
    """Make the case's child rows match *items*: a dict with "id" updates that
    row (only when something changed), one without adds a row, and rows not
    listed are removed."""
    existing = {r.id: r for r in model.select().where(model.case == case_id)}
    keep: set[int] = set()
    saved = []
    pending = []
    for item in items:
        data = dict(item)
        row_id = _id(data.pop("id", None))
        data["case"] = case_id
        if row_id is not None:
            if row_id not in existing:
                raise ValidationError("id", f"{service.label.capitalize()} số {row_id} không thuộc vụ việc này.")
            keep.add(row_id)
        pending.append((row_id, data))
    for row_id in set(existing) - keep:
        service.delete(row_id)
    for row_id, data in pending:
        if row_id is None:
            saved.append(service.create_row(data))
            continue
        record = existing[row_id]
        cleaned = service.clean(data, partial=True)
        if all(record.__data__.get(k) == v for k, v in cleaned.items()):
            saved.append(record)
        else:
            saved.append(service.update_row(row_id, data))
    return saved


def save_case(
    data: dict[str, Any],
    parties: Sequence[dict[str, Any]],
    mediators: Sequence[dict[str, Any]],
    sessions: Sequence[dict[str, Any]],
    case_id: int | None = None,
    expected_version: int | None = None,
) -> RecordData:
    """Create or change a case with its parties, mediators and sessions in one
    transaction: any error (a ValidationError naming the field, a ConflictError
    when someone else saved the case meanwhile) leaves the database as it was.

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
            pass  # reported with the session below
    if session_days:
        if "started_on" in data:
            started = data["started_on"]
        else:
            old = MediationCase.get_or_none(MediationCase.id == case_id) if case_id is not None else None
            started = old.started_on if old is not None else None
        if started in (None, ""):
            data["started_on"] = min(session_days)
    if not parties:
        raise ValidationError("parties", "Vụ việc cần có ít nhất một bên.")
    with database_proxy.atomic(), _defer_cross_checks():
        if case_id is None:
            case = MediationCaseService.create_row(data)
        else:
            case = MediationCaseService.update_row(case_id, data, expected_version=expected_version)
        received_year = case.received_on.year
        parties = [_age_to_birth_year(p, received_year) for p in parties]
        _sync_children(PartyService, MediationParty, case.id, parties)
        saved_mediators = _sync_children(MediatorService, MediationMediator, case.id, mediators)
        saved_sessions = _sync_children(SessionService, MediationSession, case.id, sessions)
        if case.assigned_on and not saved_mediators:
            raise ValidationError("mediators", "Đã có ngày phân công nhưng chưa chọn hòa giải viên nào.")
        check_session_dates(
            {"received_on": case.received_on, "closed_on": case.closed_on}, [s.held_on for s in saved_sessions]
        )
    return MediationCaseService.get(case.id)


def mediator_candidates(team_id: int, on: dt.date | None = None) -> list[Candidate]:
    """The team's current members: the people mediators are chosen from."""
    from ..register import MembershipService

    return [Candidate.of(m.person) for m in MembershipService.current_rows(team_id, on)]


# --- the start deadline --------------------------------------------------------


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


def start_deadline(case) -> dt.date | None:
    """The last day mediation may start: the assignment day + START_WITHIN_DAYS."""
    assigned = getattr(case, "assigned_on", None)
    return assigned + dt.timedelta(days=START_WITHIN_DAYS) if assigned else None


def _started(case) -> bool:
    return bool(getattr(case, "started_on", None)) or (getattr(case, "outcome", "dang") or "dang") != "dang"


def deadline_state(case, today: dt.date | None = None) -> str:
    """"started" once mediation has started (or the case is closed);
    otherwise "missed" after the deadline, "due" on the deadline or within
    DUE_SOON_DAYS before it, "ok" before that or when nobody is assigned yet."""
    if _started(case):
        return DEADLINE_STARTED
    deadline = start_deadline(case)
    if deadline is None:
        return DEADLINE_OK
    today = today or dt.date.today()
    if today > deadline:
        return DEADLINE_MISSED
    if (deadline - today).days <= DUE_SOON_DAYS:
        return DEADLINE_DUE
    return DEADLINE_OK


def started_late(case) -> bool:
    """Mediation started, but after the deadline (for the notes of a report)."""
    deadline, started = start_deadline(case), getattr(case, "started_on", None)
    return bool(deadline and started and started > deadline)


# --- the mediation group's composition -------------------------------------------


def is_minority_area(area) -> bool:
    """An area whose recorded ethnic groups include any group other than Kinh."""
    groups = area if isinstance(area, str) else getattr(area, "ethnic_groups", "") or ""
    return any(fold(g) not in {"", fold(MAJORITY_ETHNICITY)} for g in re.split(r"[,;/\n]|\bvà\b", groups))


def _mediator_facts(mediators: Sequence) -> list[tuple[str, str | None]]:
    """(gender, ethnicity or None when unknown) of each mediator, from the
    mediator row or dict, falling back on the linked person."""
    facts = []
    person_ids = [_id(m.get("person") if isinstance(m, dict) else getattr(m, "person_id", None)) for m in mediators]
    people = {p.id: p for p in Person.select().where(Person.id.in_([i for i in person_ids if i]))} if any(person_ids) else {}
    for m, pid in zip(mediators, person_ids):
        get = m.get if isinstance(m, dict) else (lambda k, _m=m: getattr(_m, k, None))
        person = people.get(pid)
        gender = get("gender") or (person.gender if person else "") or ""
        ethnicity = get("ethnicity") or (person.ethnicity if person else None)
        facts.append((gender, ethnicity))
    return facts


def composition_warnings(case_or_mediators, area=None, *, minority_area: bool | None = None) -> list[str]:
    """Warnings (not errors) about a mediation group: fewer than MIN_MEDIATORS,
    no woman, and in an area with ethnic minorities no minority mediator.

    *case_or_mediators*: a case id (its mediators and, when *area* is None, its
    area are read) or a list of MediationMediator rows / dicts with name,
    gender, person and optionally ethnicity. *area*: an Area, its id, or None.
    *minority_area* overrides what the area's ethnic groups say.
    """
    if isinstance(case_or_mediators, (int, MediationCase)):
        case = MediationCase.get_by_id(_id(case_or_mediators))
        mediators = list(case.mediators)
        if area is None:
            area = case.area_id
    else:
        mediators = list(case_or_mediators)
    if isinstance(area, int):
        area = Area.get_or_none(Area.id == area)
    warnings = []
    facts = _mediator_facts(mediators)
    if len(mediators) < MIN_MEDIATORS:
        if mediators:
            warnings.append(
                f"Nhóm hòa giải mới có {len(mediators)} hòa giải viên; "
                f"Luật Hòa giải ở cơ sở yêu cầu ít nhất {MIN_MEDIATORS} người."
            )
        else:
            warnings.append(f"Chưa có hòa giải viên nào; cần ít nhất {MIN_MEDIATORS} người.")
    if mediators and not any(gender == "nữ" for gender, _ in facts):
        warnings.append("Nhóm hòa giải chưa có hòa giải viên nữ; cần ít nhất một người là nữ.")
    minority = is_minority_area(area) if minority_area is None and area is not None else bool(minority_area)
    if minority and not any(e and fold(e) != fold(MAJORITY_ETHNICITY) for _, e in facts):
        warnings.append(
            "Địa bàn có đồng bào dân tộc thiểu số nhưng nhóm hòa giải chưa có hòa giải viên "
            "là người dân tộc thiểu số."
        )
    return warnings


# --- confidentiality -----------------------------------------------------------


def mask_name(name: str | None) -> str:
    """'Nguyễn Văn An' → 'N*** V** A*': each word's first letter, then at most
    three stars (so the length of the name does not show)."""
    words = (clean_line(name) or "").split()
    return " ".join(w[0] + "*" * min(len(w) - 1, 3) for w in words)


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
    case = MediationCaseService.get(case_id)
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
        warnings=composition_warnings(mediators, case.area) if mediators else [],
    )


def case_parts(case_id: int) -> tuple[list[PartyData], list[MediatorData], list[SessionData]]:
    """The case's parties, mediators (lead first) and sessions, read again
    without an audit row: for a form that opened the case through
    open_case_for_view and reloads it after a save."""
    return ([PartyData.of(r) for r in
             _by_case(MediationParty, [case_id], MediationParty.side, MediationParty.id)[case_id]],
            [MediatorData.of(r) for r in
             _by_case(MediationMediator, [case_id], MediationMediator.is_lead.desc(), MediationMediator.id)[case_id]],
            [SessionData.of(r) for r in
             _by_case(MediationSession, [case_id], MediationSession.held_on, MediationSession.id)[case_id]])


# --- reading many cases ----------------------------------------------------------


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _cases(year: int | None, area_id: int | None, *, ascending: bool = True) -> list[MediationCase]:
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


def _by_case(model, case_ids: list[int], *order) -> dict[int, list]:
    result: dict[int, list] = {cid: [] for cid in case_ids}
    if not case_ids:
        return result
    for row in model.select().where(model.case.in_(case_ids)).order_by(*order):
        result[row.case_id].append(row)
    return result


def _parts(cases: list[MediationCase]):
    ids = [c.id for c in cases]
    parties = _by_case(MediationParty, ids, MediationParty.side, MediationParty.id)
    mediators = _by_case(MediationMediator, ids, MediationMediator.is_lead.desc(), MediationMediator.id)
    sessions = _by_case(MediationSession, ids, MediationSession.held_on, MediationSession.id)
    return parties, mediators, sessions


def _area_names(cases: list[MediationCase]) -> dict[int, str]:
    ids = {c.area_id for c in cases if c.area_id}
    return {a.id: a.name for a in Area.select(Area.id, Area.name).where(Area.id.in_(ids))} if ids else {}


_SCOPE_LABELS = dict(vocab.MEDIATION_SCOPES)
_OUTCOME_LABELS = dict(vocab.MEDIATION_OUTCOMES)
_SIDE_LABELS = dict(vocab.MEDIATION_SIDES)
_GROUNDS_LABELS = dict(vocab.MEDIATION_GROUNDS)
_RESULT_LABELS = dict(STAT_RESULTS)


@dataclass
class CaseRow:
    """One line of the case list; party names masked unless allowed."""

    id: int
    version: int
    number: str
    received_on: dt.date
    area_name: str
    scope: str  # label
    kind: str
    parties: str  # "N*** V** A* – T*** T** B*"
    mediators: str
    outcome: str  # code
    outcome_label: str
    deadline: dt.date | None
    deadline_state: str  # ok / due / missed / started: "missed" is shown in red
    confidential: bool
    names_masked: bool


def list_rows(year: int | None = None, area_id: int | None = None, show_names: bool = False,
              today: dt.date | None = None) -> list[CaseRow]:
    """Light rows for the case list, newest first. Party names of a
    confidential case are masked unless *show_names* (the organisation setting
    show_confidential_names) allows them; addresses and phones never appear."""
    cases = _cases(year, area_id, ascending=False)
    parties, mediators, _ = _parts(cases)
    areas = _area_names(cases)
    rows = []
    for c in cases:
        masked = bool(c.confidential) and not show_names
        names = [mask_name(p.name) if masked else p.name for p in parties[c.id]]
        rows.append(CaseRow(
            id=c.id, version=c.version, number=c.number, received_on=c.received_on,
            area_name=areas.get(c.area_id, ""), scope=_SCOPE_LABELS.get(c.scope, c.scope), kind=c.kind,
            parties=" – ".join(names), mediators=", ".join(m.name for m in mediators[c.id]),
            outcome=c.outcome, outcome_label=_OUTCOME_LABELS.get(c.outcome, c.outcome),
            deadline=start_deadline(c), deadline_state=deadline_state(c, today),
            confidential=bool(c.confidential), names_masked=masked,
        ))
    return rows


def list_rows_by_setting(year: int | None = None, area_id: int | None = None, today: dt.date | None = None) -> list[CaseRow]:
    """list_rows() with names shown as the organisation setting says."""
    from ..settings import load_organisation

    return list_rows(year, area_id, load_organisation().show_confidential_names, today)


# --- statistics ----------------------------------------------------------------


def _status_on(case: MediationCase, session_days: list[dt.date], as_of: dt.date | None) -> tuple[str, bool]:
    """(outcome, started) as they stood on *as_of* (None: as now)."""
    if as_of is None:
        return case.outcome, bool(case.started_on or session_days or case.outcome != "dang")
    closed = case.outcome != "dang" and case.closed_on is not None and case.closed_on <= as_of
    outcome = case.outcome if closed else "dang"
    started = closed or bool(case.started_on and case.started_on <= as_of) or any(d <= as_of for d in session_days)
    return outcome, started


def statistics(year: int, area_id: int | None = None, as_of: dt.date | None = None) -> MediationStatistics:
    """Cases received in *year* (in one area, or all), by scope and by result
    as on the commune's reporting form, with a row per area (name order, cases
    without an area last).

    Results are the cases' state now, or on *as_of* when given (e.g. the last
    day of the reporting period, so that the figures do not change later).
    "Chưa giải quyết" = received but mediation not started (no start date, no
    session); see mediation_register.STAT_RESULTS.
    """
    cases = _cases(year, area_id)
    if as_of is not None:
        cases = [c for c in cases if c.received_on <= as_of]
    sessions = _by_case(MediationSession, [c.id for c in cases], MediationSession.held_on)
    areas = _area_names(cases)
    stats = MediationStatistics(year=year, area_id=area_id, as_of=as_of)
    per_area: dict[int | None, AreaMediationCounts] = {}
    for c in cases:
        outcome, started = _status_on(c, [s.held_on for s in sessions[c.id]], as_of)
        done = outcome == "thanh" and bool(c.carried_out) and (
            as_of is None or c.carried_out_on is None or c.carried_out_on <= as_of)
        stats.add(c.scope, outcome, started, done)
        row = per_area.get(c.area_id)
        if row is None:
            row = per_area[c.area_id] = AreaMediationCounts(
                area_id=c.area_id, area_name=areas.get(c.area_id, "Chưa ghi địa bàn"))
        row.add(c.scope, outcome, started, done)
    stats.per_area = sorted(per_area.values(), key=lambda r: (r.area_id is None, sort_key(r.area_name)))
    return stats


# --- the register ------------------------------------------------------------------


def _split_people(text: str) -> list[str]:
    return [clean_line(p) for p in re.split(r"[,;\n]", text or "") if clean_line(p)]


def _invitees(sessions, mediator_names: list[str], party_names: list[str]) -> list[str]:
    """People named in the sessions' attendees who are neither mediators nor parties."""
    known = {fold(n) for n in mediator_names + party_names}
    result, seen = [], set()
    for s in sessions:
        for name in _split_people(s.attendees):
            key = fold(name)
            if key not in known and key not in seen:
                seen.add(key)
                result.append(name)
    return result


def _agreement_text(c: MediationCase) -> str:
    if c.outcome != "thanh":
        return ""
    parts = [c.agreement]
    if c.carry_out_how:
        parts.append(f"Phương thức thực hiện: {c.carry_out_how}")
    if c.carry_out_by:
        parts.append(f"Thời hạn thực hiện: {short_date(c.carry_out_by)}")
    return "\n".join(p for p in parts if p)


def _notes(c: MediationCase) -> str:
    parts = []
    if c.outcome == "thanh":
        if c.carried_out is True:
            parts.append("Đã thực hiện xong" + (f" ngày {short_date(c.carried_out_on)}" if c.carried_out_on else ""))
        elif c.carried_out is False:
            parts.append("Chưa thực hiện thỏa thuận")
    elif c.outcome in {"dung", "chuyen"}:
        parts.append(_OUTCOME_LABELS[c.outcome])
    if c.closed_on:
        parts.append(f"Kết thúc ngày {short_date(c.closed_on)}")
    if c.notes:
        parts.append(c.notes)
    return "; ".join(parts)


def _age(birth_year: int | None, on: dt.date) -> int | None:
    return on.year - birth_year if birth_year else None


def register_rows(year: int, area_id: int | None = None, username: str | None = None) -> MediationRegister:
    """Part I and Part II of the *Sổ theo dõi hoạt động hòa giải ở cơ sở* for the
    cases received in *year* (one area's book, or all), oldest first.

    The register carries the parties' names (it is the legal record); building
    it with confidential cases writes one audit row listing them."""
    cases = _cases(year, area_id)
    parties, mediators, sessions = _parts(cases)
    areas = _area_names(cases)
    register = MediationRegister(year=year)
    if area_id is not None:
        area = Area.get_or_none(Area.id == area_id)
        register.area_name = area.name if area else ""
    by_mediator: dict[object, MediatorSummary] = {}
    summary = RegisterSummary(total=len(cases))
    scope_counts = {code: 0 for code, _ in vocab.MEDIATION_SCOPES}
    result_counts = {code: 0 for code, _ in STAT_RESULTS}
    for stt, c in enumerate(cases, start=1):
        names = [m.name for m in mediators[c.id]]
        party_names = [p.name for p in parties[c.id]]
        _, started = _status_on(c, [s.held_on for s in sessions[c.id]], None)
        category = result_category(c.outcome, started)
        register.entries.append(RegisterEntry(
            stt=stt,
            received_on=c.received_on,
            mediators=names,
            invitees=_invitees(sessions[c.id], names, party_names),
            parties=[RegisterParty(p.name, _age(p.birth_year, c.received_on), p.address,
                                   _SIDE_LABELS.get(p.side, p.side), p.demands) for p in parties[c.id]],
            content=c.summary or c.kind,
            agreement=_agreement_text(c),
            demands=[f"{p.name}: {p.demands}" for p in parties[c.id] if p.demands] if c.outcome != "thanh" else [],
            result=REGISTER_RESULTS.get(c.outcome, c.outcome),
            result_code=c.outcome,
            notes=_notes(c),
            scope=_SCOPE_LABELS.get(c.scope, c.scope),
            number=c.number,
            area_name=areas.get(c.area_id, ""),
        ))
        scope_counts[c.scope] = scope_counts.get(c.scope, 0) + 1
        result_counts[category] += 1
        for m in mediators[c.id]:
            key = m.person_id or fold(m.name)
            row = by_mediator.setdefault(key, MediatorSummary(name=m.name))
            row.cases += 1
            row.by_result[category] += 1
    summary.by_mediator = sorted(by_mediator.values(), key=lambda r: name_sort_key(r.name))
    summary.by_scope = [(_SCOPE_LABELS.get(code, code), n) for code, n in scope_counts.items()]
    summary.by_result = [(_RESULT_LABELS[code], n) for code, n in result_counts.items()]
    register.summary = summary
    confidential = [c.id for c in cases if c.confidential]
    if confidential:
        audit.write("view", table=MediationCase._meta.table_name, username=username,
                    after={"purpose": "register", "year": year, "case_ids": confidential})
    return register


# --- exports -------------------------------------------------------------------------

# (key, Vietnamese column header, personal data?)
EXPORT_COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("number", "Số vụ việc", False),
    ("received_on", "Ngày tiếp nhận", False),
    ("area", "Địa bàn", False),
    ("grounds", "Căn cứ hòa giải", False),
    ("scope", "Lĩnh vực", False),
    ("kind", "Loại việc", False),
    ("assigned_on", "Ngày phân công", False),
    ("start_deadline", "Hạn bắt đầu hòa giải", False),
    ("started_on", "Ngày bắt đầu", False),
    ("mediators", "Hòa giải viên", False),
    ("sessions", "Số buổi hòa giải", False),
    ("outcome", "Kết quả", False),
    ("result", "Kết quả (biểu thống kê)", False),
    ("closed_on", "Ngày kết thúc", False),
    ("carried_out", "Đã thực hiện thỏa thuận", False),
    ("parties", "Các bên (họ tên, năm sinh, địa chỉ)", True),
    ("summary", "Nội dung vụ việc", True),
    ("demands", "Yêu cầu của các bên", True),
    ("agreement", "Nội dung thỏa thuận", True),
    ("carry_out_how", "Phương thức thực hiện", True),
    ("carry_out_by", "Thời hạn thực hiện", True),
    ("notes", "Ghi chú", True),
)


def export_columns(include_personal: bool = False) -> list[tuple[str, str]]:
    """(key, header) of the columns export_rows() fills."""
    return [(k, h) for k, h, personal in EXPORT_COLUMNS if include_personal or not personal]


def export_rows(year: int, include_personal: bool = False, area_id: int | None = None,
                username: str | None = None) -> list[dict[str, Any]]:
    """The year's cases as dicts keyed as export_columns() says, oldest first.

    Without *include_personal* the parties, the dispute's content, the demands,
    the agreement and the notes are left out (they name people). With it, an
    "export" row listing the confidential cases goes to the audit log."""
    cases = _cases(year, area_id)
    parties, mediators, sessions = _parts(cases)
    areas = _area_names(cases)
    keys = [k for k, _ in export_columns(include_personal)]
    rows = []
    for c in cases:
        _, started = _status_on(c, [s.held_on for s in sessions[c.id]], None)
        row: dict[str, Any] = {
            "number": c.number, "received_on": c.received_on, "area": areas.get(c.area_id, ""),
            "grounds": _GROUNDS_LABELS.get(c.grounds, c.grounds), "scope": _SCOPE_LABELS.get(c.scope, c.scope),
            "kind": c.kind, "assigned_on": c.assigned_on, "start_deadline": start_deadline(c),
            "started_on": c.started_on, "mediators": ", ".join(m.name for m in mediators[c.id]),
            "sessions": len(sessions[c.id]), "outcome": _OUTCOME_LABELS.get(c.outcome, c.outcome),
            "result": _RESULT_LABELS[result_category(c.outcome, started)], "closed_on": c.closed_on,
            "carried_out": {True: "Có", False: "Chưa", None: ""}[c.carried_out],
        }
        if include_personal:
            row.update({
                "parties": "; ".join(
                    ", ".join(x for x in (p.name, str(p.birth_year or ""), p.address) if x) for p in parties[c.id]),
                "summary": c.summary,
                "demands": "; ".join(f"{p.name}: {p.demands}" for p in parties[c.id] if p.demands),
                "agreement": c.agreement, "carry_out_how": c.carry_out_how, "carry_out_by": c.carry_out_by,
                "notes": c.notes,
            })
        rows.append({k: row[k] for k in keys})
    confidential = [c.id for c in cases if c.confidential]
    if include_personal and confidential:
        audit.write("export", table=MediationCase._meta.table_name, username=username,
                    after={"purpose": "export", "year": year, "case_ids": confidential})
    return rows


__all__ = [
    "START_WITHIN_DAYS", "DUE_SOON_DAYS", "MIN_MEDIATORS", "MEDIATION_KINDS", "EXPORT_COLUMNS",
    "MediationCaseService", "PartyService", "MediatorService", "SessionService",
    "save_case", "check_session_dates", "mediator_candidates",
    "start_deadline", "deadline_state", "started_late",
    "is_minority_area", "composition_warnings",
    "mask_name", "open_case_for_view", "CaseDetail",
    "CaseRow", "list_rows", "list_rows_by_setting",
    "statistics", "register_rows", "export_columns", "export_rows",
]
