"""The tổ hòa giải of an area (Luật Hòa giải ở cơ sở 2013, Điều 12): its
mediators over time, the leader who keeps the register, and the warnings
about its composition.

The law asks the *team* for at least three mediators, a woman among them,
and in areas with ethnic minorities a mediator of a minority; one mediator
may handle a case on their own (Điều 20), so a case is never warned about
how many mediators it had. No Qt here."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...errors import NotFoundError, ValidationError
from ...store.models import Area, MediationTeamMember, Person
from ...vn import fold, name_sort_key
from ..core.fields import Choice, Date, Ref
from ..core.records import RecordService
from .rules import MAJORITY_ETHNICITY, MIN_MEDIATORS, as_id, is_minority_area

TEAM_ROLES = (("to_truong", "Tổ trưởng"), ("hoa_giai_vien", "Hòa giải viên"))
LEADER = "to_truong"


@dataclass(frozen=True)
class TeamMember:
    id: int
    person_id: int
    name: str
    gender: str
    ethnicity: str
    role: str  # to_truong / hoa_giai_vien
    start_date: dt.date
    end_date: dt.date | None

    @property
    def is_leader(self) -> bool:
        return self.role == LEADER


class MediationTeamMemberService(RecordService):
    model = MediationTeamMember
    label = "hòa giải viên của tổ hòa giải"
    fields = (
        Ref("area", "Địa bàn", required=True, model=Area),
        Ref("person", "Người", required=True, model=Person),
        Choice("role", "Vai trò trong tổ hòa giải", choices=TEAM_ROLES, default="hoa_giai_vien"),
        Date("start_date", "Từ ngày", required=True),
        Date("end_date", "Đến ngày"),
    )

    @classmethod
    def check(cls, values, existing):
        if values.get("end_date") and values["end_date"] < values["start_date"]:
            raise ValidationError("end_date", "Ngày thôi làm hòa giải viên không được trước ngày bắt đầu.")
        same = MediationTeamMember.select().where(
            (MediationTeamMember.area == values["area"]) & (MediationTeamMember.person == values["person"])
            & MediationTeamMember.end_date.is_null())
        if existing is not None:
            same = same.where(MediationTeamMember.id != existing.id)
        if values.get("end_date") is None and same.exists():
            person = Person.get_by_id(values["person"])
            raise ValidationError("person", f"{person.full_name} đã là hòa giải viên của tổ hòa giải này.")


def _area(area_id) -> Area:
    area = Area.get_or_none((Area.id == as_id(area_id)) & Area.deleted_at.is_null())
    if area is None:
        raise NotFoundError(f"Không tìm thấy địa bàn số {area_id}.")
    return area


def members(area_id: int, on: dt.date | None = None) -> list[TeamMember]:
    """The team's mediators on *on* (default today): the leader first, then by name."""
    on = on or dt.date.today()
    rows = (MediationTeamMember.select(MediationTeamMember, Person).join(Person)
            .where((MediationTeamMember.area == as_id(area_id)) & (MediationTeamMember.start_date <= on)
                   & (MediationTeamMember.end_date.is_null() | (MediationTeamMember.end_date > on))
                   & Person.deleted_at.is_null()))
    out = [TeamMember(m.id, m.person.id, m.person.full_name, m.person.gender, m.person.ethnicity or "", m.role,
                      m.start_date, m.end_date) for m in rows]
    return sorted(out, key=lambda m: (not m.is_leader, name_sort_key(m.name)))


def leader(area_id: int, on: dt.date | None = None) -> TeamMember | None:
    return next((m for m in members(area_id, on) if m.is_leader), None)


def team_label(area: Area) -> str:
    """'Tổ hòa giải bản Nà Khoang'."""
    place = f"{area.kind} {area.name}".strip() if area.kind else area.name
    return f"Tổ hòa giải {place}"


def composition_warnings(area_id: int, on: dt.date | None = None) -> list[str]:
    """Warnings (not errors) about the tổ hòa giải of an area on *on*: fewer
    than MIN_MEDIATORS, no woman, no mediator of an ethnic minority in an area
    with minorities, no leader or more than one."""
    area = _area(area_id)
    team = members(area.id, on)
    label = team_label(area)
    if not team:
        return [f"{label} chưa có hòa giải viên nào; Luật Hòa giải ở cơ sở yêu cầu mỗi tổ ít nhất "
                f"{MIN_MEDIATORS} hòa giải viên, trong đó có hòa giải viên nữ."]
    warnings = []
    if len(team) < MIN_MEDIATORS:
        warnings.append(f"{label} mới có {len(team)} hòa giải viên; Luật Hòa giải ở cơ sở yêu cầu ít nhất "
                        f"{MIN_MEDIATORS} người.")
    if not any(m.gender == "nữ" for m in team):
        warnings.append(f"{label} chưa có hòa giải viên nữ; cần ít nhất một người là nữ.")
    if is_minority_area(area) and not any(
            m.ethnicity and fold(m.ethnicity) != fold(MAJORITY_ETHNICITY) for m in team):
        warnings.append(f"Địa bàn có đồng bào dân tộc thiểu số nhưng {label[0].lower() + label[1:]} chưa có "
                        "hòa giải viên là người dân tộc thiểu số.")
    leaders = [m for m in team if m.is_leader]
    if not leaders:
        warnings.append(f"{label} chưa có tổ trưởng.")
    elif len(leaders) > 1:
        warnings.append(f"{label} có {len(leaders)} người cùng là tổ trưởng: "
                        + ", ".join(m.name for m in leaders) + "; mỗi tổ chỉ có một tổ trưởng.")
    return warnings


# --- changing the team (history is kept: a change ends one row and starts another) ----------


def add_member(area_id: int, person_id: int, role: str = "hoa_giai_vien", on: dt.date | None = None) -> TeamMember:
    """*person_id* joins the area's tổ hòa giải from *on* (default today)."""
    on = on or dt.date.today()
    row = MediationTeamMemberService.create(
        {"area": as_id(area_id), "person": as_id(person_id), "role": role, "start_date": on})
    return next(m for m in members(area_id, on) if m.id == row.id)


def end_member(member_id: int, on: dt.date | None = None) -> None:
    """The mediator leaves the team on *on*; a row started that same day is removed."""
    on = on or dt.date.today()
    row = MediationTeamMemberService.row(member_id)
    if row.start_date >= on:
        MediationTeamMemberService.delete(member_id)
    else:
        MediationTeamMemberService.update(member_id, {"end_date": on})


def make_leader(member_id: int, on: dt.date | None = None) -> None:
    """The mediator becomes the team's leader from *on*; the leader until then
    stays on as a mediator (each change is a new row, the old ones end)."""
    on = on or dt.date.today()
    row = MediationTeamMemberService.row(member_id)
    for m in members(row.area_id, on):
        if m.is_leader and m.id != member_id:
            end_member(m.id, on)
            add_member(row.area_id, m.person_id, "hoa_giai_vien", on)
    if row.role != LEADER:
        end_member(member_id, on)
        add_member(row.area_id, row.person_id, LEADER, on)
