"""Areas, teams, people and memberships: the team register."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee as pw

from ..errors import ValidationError
from ..store.base import database_proxy, now
from ..store.models import Area, AreaName, Membership, Person, Team
from ..vn import fold
from .core import audit, vocab
from .core.fields import Boolean, Choice, Date, Integer, Ref, Text
from .core.data import RecordData
from .core.records import RecordService

_THIS_YEAR = dt.date.today().year


class AreaService(RecordService):
    model = Area
    label = "địa bàn"
    fields = (
        Text("name", "Tên địa bàn", required=True),
        Choice("kind", "Loại địa bàn", choices=vocab.AREA_KINDS, default="thôn"),
        Text("province", "Tỉnh, thành phố"),
        Text("commune", "Xã, phường"),
        Text("commune_code", "Mã xã", max_length=20),
        Integer("households", "Số hộ", maximum=100000),
        Integer("population", "Số nhân khẩu", maximum=1000000),
        Text("ethnic_groups", "Các dân tộc", max_length=300),
        Boolean("active", "Còn hoạt động", default=True),
        Text("notes", "Ghi chú", max_length=5000, multiline=True),
    )

    @classmethod
    def check(cls, values, existing):
        if existing is not None and existing.merged_into_id is not None and values.get("active"):
            raise ValidationError("active", "Địa bàn đã sáp nhập vào địa bàn khác, không dùng lại được.")
        if values.get("households") and values.get("population") and values["population"] < values["households"]:
            raise ValidationError("population", "Số nhân khẩu không thể ít hơn số hộ.")
        query = cls.active().where(
            (Area.name_folded == fold(values["name"])) & (Area.commune == (values.get("commune") or ""))
        )
        if existing is not None:
            query = query.where(Area.id != existing.id)
        if query.exists():
            raise ValidationError("name", f"Đã có địa bàn «{values['name']}» trong xã này.")

    @classmethod
    def rename(cls, area_id: int, new_name: str, on: dt.date, reason: str = "Đổi tên") -> RecordData:
        """Rename an area, keeping the old name in its history."""
        with database_proxy.atomic():
            area = cls.row(area_id)
            old = area.name
            last = AreaName.select(pw.fn.MAX(AreaName.valid_to)).where(AreaName.area == area).scalar()
            AreaName.create(area=area, name=old, valid_from=last, valid_to=on, reason=reason)
            return cls.update(area_id, {"name": new_name})

    @classmethod
    def merge(cls, source_ids: list[int], target_id: int, on: dt.date) -> RecordData:
        """Merge areas into *target* on *on* (sáp nhập thôn).

        The people of the merged areas move to the target; their teams are
        dissolved on that day (the target's team goes on: one team per area);
        their meetings, concerns, cases and households stay with the area they
        happened in, which keeps its old name, inactive, pointing to the target."""
        cls.require_write()
        with database_proxy.atomic():
            target = cls.row(target_id)
            if target.merged_into_id is not None or not target.active:
                raise ValidationError("merged_into", f"Địa bàn «{target.name}» đã ngừng hoạt động, không sáp nhập vào được.")
            if len(set(source_ids)) != len(source_ids):
                raise ValidationError("merged_into", "Một địa bàn được chọn hai lần.")
            for source_id in source_ids:
                if source_id == target_id:
                    raise ValidationError("merged_into", "Không thể sáp nhập một địa bàn vào chính nó.")
                source = cls.row(source_id)
                if source.merged_into_id is not None:
                    raise ValidationError("merged_into", f"Địa bàn «{source.name}» đã được sáp nhập trước đó.")
                before = audit.snapshot(source)
                AreaName.create(area=source, name=source.name, valid_to=on, reason=f"Sáp nhập vào {target.name}")
                Person.update(area=target).where((Person.area == source) & Person.deleted_at.is_null()).execute()
                for team in TeamService.active().where((Team.area == source) & (Team.status == "active")):
                    TeamService.update(team.id, {"status": "dissolved", "dissolved_on": max(on, team.established_on or on)})
                Area.update(merged_into=target, active=False, version=Area.version + 1, updated_at=now()).where(
                    Area.id == source.id).execute()
                audit.write("update", source, before=before, after=audit.snapshot(cls.row(source.id)))
        return cls.get(target.id)

    @classmethod
    def name_on(cls, area: Area | RecordData, day: dt.date) -> str:
        """The name the area had on *day* (old records keep their old names)."""
        row = (
            AreaName.select(AreaName.name)
            .where((AreaName.area == area.id) & (AreaName.valid_to > day)
                   & ((AreaName.valid_from.is_null()) | (AreaName.valid_from <= day)))
            .order_by(AreaName.valid_to)
            .first()
        )
        return row.name if row else area.name

    @classmethod
    def check_delete(cls, record):
        if Team.select().where((Team.area == record) & Team.deleted_at.is_null()).exists():
            raise ValidationError("id", f"Địa bàn «{record.name}» còn Tổ dân vận; hãy xóa hoặc chuyển tổ trước.")


class TeamService(RecordService):
    model = Team
    label = "tổ dân vận"
    fields = (
        Ref("area", "Địa bàn", required=True, model=Area),
        Text("name", "Tên tổ", required=True),
        Text("decision_number", "Số quyết định thành lập", max_length=50),
        Date("established_on", "Ngày thành lập"),
        Choice("status", "Tình trạng", choices=vocab.TEAM_STATUSES, default="active"),
        Date("dissolved_on", "Ngày giải thể"),
        Ref("cadre", "Cán bộ phụ trách", model=Person),
        Text("cadre_name", "Họ tên cán bộ phụ trách"),
        Text("cadre_title", "Chức vụ cán bộ phụ trách"),
        Text("cadre_phone", "Điện thoại cán bộ phụ trách", max_length=30),
        Text("notes", "Ghi chú", max_length=5000, multiline=True),
    )

    @classmethod
    def clean(cls, data, *, partial=False):
        data = dict(data)
        if not data.get("name") and data.get("area") and not partial:
            area = Area.get_or_none(Area.id == getattr(data["area"], "id", data["area"]))
            if area is not None:
                data["name"] = f"Tổ dân vận {area.kind} {area.name}" if area.kind else f"Tổ dân vận {area.name}"
        cleaned = super().clean(data, partial=partial)
        if cleaned.get("cadre") and not cleaned.get("cadre_name"):
            # the cadre's name is printed on documents even if the person is later removed
            cleaned["cadre_name"] = Person.get_by_id(cleaned["cadre"]).full_name
        return cleaned

    @classmethod
    def check(cls, values, existing):
        if values.get("dissolved_on") and values.get("established_on") and values["dissolved_on"] < values["established_on"]:
            raise ValidationError("dissolved_on", "Ngày giải thể phải sau ngày thành lập.")
        if values.get("status") == "dissolved" and not values.get("dissolved_on"):
            raise ValidationError("dissolved_on", "Tổ đã giải thể cần có ngày giải thể.")
        if values.get("status") == "active":
            query = cls.active().where((Team.area == values["area"]) & (Team.status == "active"))
            if existing is not None:
                query = query.where(Team.id != existing.id)
            if query.exists():
                raise ValidationError("area", "Địa bàn này đã có một Tổ dân vận đang hoạt động.")

    @classmethod
    def after_save(cls, record, before):
        """A dissolved team has no current members: their memberships end on
        the day it was dissolved (history kept)."""
        if record.status == "dissolved" and record.dissolved_on:
            open_ones = Membership.select().where(
                (Membership.team == record.id) & Membership.end_date.is_null()
                & (Membership.start_date < record.dissolved_on))
            for membership in open_ones:
                MembershipService.end(membership.id, record.dissolved_on, "Tổ giải thể")

    @classmethod
    def check_delete(cls, record):
        """Deleting a team hides it; its history stays for restore."""


def _overlaps(start: dt.date, end: dt.date | None):
    """Memberships whose period overlaps [start, end]."""
    cond = (Membership.end_date.is_null()) | (Membership.end_date > start)
    if end is not None:
        cond &= Membership.start_date < end
    return cond


class PersonService(RecordService):
    model = Person
    label = "người"
    fields = (
        Text("full_name", "Họ và tên", required=True),
        Choice("gender", "Giới tính", choices=vocab.GENDERS, default=""),
        Integer("birth_year", "Năm sinh", minimum=1900, maximum=_THIS_YEAR),
        Text("ethnicity", "Dân tộc", max_length=50),
        Text("phone", "Điện thoại", max_length=30),
        Text("address", "Địa chỉ", max_length=300),
        Ref("area", "Địa bàn", model=Area),
        Boolean("party_member", "Đảng viên", default=False),
        Text("titles", "Chức danh khác", max_length=300),
        Text("notes", "Ghi chú", max_length=5000, multiline=True),
    )

    @classmethod
    def clean(cls, data, *, partial=False):
        cleaned = super().clean(data, partial=partial)
        if "full_name" in cleaned:
            name = cleaned["full_name"]
            if any(ch.isdigit() for ch in name):
                raise ValidationError("full_name", "Họ và tên không được chứa chữ số.")
            if len(name.split()) < 2:
                raise ValidationError("full_name", "Nhập đủ họ và tên (ít nhất hai chữ).")
        if "phone" in cleaned and cleaned["phone"]:
            digits = "".join(ch for ch in cleaned["phone"] if ch.isdigit())
            if not 8 <= len(digits) <= 12 or any(ch not in "0123456789 .-+()" for ch in cleaned["phone"]):
                raise ValidationError("phone", "Số điện thoại không hợp lệ (8–12 chữ số).")
        if "ethnicity" in cleaned and not cleaned["ethnicity"] and not partial:
            cleaned["ethnicity"] = "Kinh"
        return cleaned

    @classmethod
    def likely_duplicates(cls, full_name: str, birth_year: int | None, exclude_id: int | None = None) -> list[RecordData]:
        """People with the same folded name (and the same birth year, when both
        are known): warn before adding one more."""
        query = cls._data_query().where(Person.deleted_at.is_null() & (Person.name_folded == fold(full_name)))
        if birth_year:
            query = query.where((Person.birth_year == birth_year) | Person.birth_year.is_null())
        if exclude_id:
            query = query.where(Person.id != exclude_id)
        return cls._read_data(query.limit(10))


class MembershipService(RecordService):
    model = Membership
    label = "thành viên tổ"
    fields = (
        Ref("person", "Người", required=True, model=Person),
        Ref("team", "Tổ dân vận", required=True, model=Team),
        Choice("role", "Vai trò trong tổ", choices=vocab.TEAM_ROLES, default="thanh_vien"),
        Text("position", "Chức vụ ở thôn"),
        Date("start_date", "Ngày bắt đầu", required=True),
        Date("end_date", "Ngày kết thúc"),
        Text("end_reason", "Lý do thôi"),
    )

    @classmethod
    def check(cls, values, existing):
        start, end = values["start_date"], values.get("end_date")
        if end is not None and end < start:
            raise ValidationError("end_date", "Ngày kết thúc phải sau ngày bắt đầu.")
        others = Membership.select().where(_overlaps(start, end))
        if existing is not None:
            others = others.where(Membership.id != existing.id)
        if others.where((Membership.person == values["person"]) & (Membership.team == values["team"])).exists():
            raise ValidationError("person", "Người này đã là thành viên của tổ trong khoảng thời gian đó.")
        if values["role"] == "to_truong":
            leader = others.where((Membership.team == values["team"]) & (Membership.role == "to_truong")).first()
            if leader is not None:
                raise ValidationError(
                    "role",
                    f"Tổ đã có tổ trưởng ({leader.person.full_name}) trong thời gian này. "
                    "Dùng «Kiện toàn» để thay tổ trưởng.",
                )

    @classmethod
    def end(cls, membership_id: int, on: dt.date, reason: str = "") -> RecordData:
        return cls.update(membership_id, {"end_date": on, "end_reason": reason})

    @classmethod
    def reassign(cls, membership_id: int, on: dt.date, role: str, position: str | None = None,
                 reason: str = "Kiện toàn", *, demote_current_leader: bool = False) -> RecordData:
        """Kiện toàn: end a membership on *on* and start the new role the same day.

        With *demote_current_leader*, a new tổ trưởng takes over in the same
        step: the team's current leader becomes a member from that day."""
        with database_proxy.atomic():
            old = cls.row(membership_id)
            if demote_current_leader and role == "to_truong":
                leader = (Membership.select().where(
                    (Membership.team == old.team_id) & (Membership.role == "to_truong")
                    & (Membership.id != old.id) & (Membership.start_date <= on)
                    & (Membership.end_date.is_null() | (Membership.end_date > on))).first())
                if leader is not None:
                    cls.reassign(leader.id, on, "thanh_vien", None, reason)
            if old.end_date is not None:
                raise ValidationError("end_date", "Thành viên này đã thôi, không thể kiện toàn.")
            if on <= old.start_date:
                raise ValidationError("start_date", "Ngày kiện toàn phải sau ngày bắt đầu vai trò cũ.")
            cls.end(old.id, on, reason)
            return cls.create({
                "person": old.person_id, "team": old.team_id, "role": role,
                "position": old.position if position is None else position, "start_date": on,
            })

    @classmethod
    def current(cls, team_id: int, on: dt.date | None = None) -> list[Member]:
        """The team's members on *on* (today by default), leader first."""
        return [Member.of(m) for m in cls.current_rows(team_id, on)]

    @classmethod
    def current_rows(cls, team_id: int, on: dt.date | None = None) -> list[Membership]:
        """current() as peewee rows with the person joined (for services)."""
        on = on or dt.date.today()
        order = pw.Case(Membership.role, (("to_truong", 0), ("to_pho", 1)), 2)
        rows = (
            Membership.select(Membership, Person).join(Person)
            .where((Membership.team == team_id) & (Membership.start_date <= on)
                   & (Membership.end_date.is_null() | (Membership.end_date > on)) & Person.deleted_at.is_null())
            .order_by(order, Person.name_sort)
        )
        return list(rows)

    @classmethod
    def current_by_team(cls, on: dt.date | None = None) -> dict[int, list[Membership]]:
        """Every team's members on *on*, leader first, in one query (rosters of
        a whole commune or province); peewee rows, for services."""
        on = on or dt.date.today()
        order = pw.Case(Membership.role, (("to_truong", 0), ("to_pho", 1)), 2)
        rows = (
            Membership.select(Membership, Person).join(Person)
            .where((Membership.start_date <= on) & (Membership.end_date.is_null() | (Membership.end_date > on))
                   & Person.deleted_at.is_null())
            .order_by(Membership.team, order, Person.name_sort)
        )
        teams: dict[int, list[Membership]] = {}
        for m in rows:
            teams.setdefault(m.team_id, []).append(m)
        return teams

    @classmethod
    def former(cls, team_id: int, on: dt.date | None = None) -> list[Member]:
        """Members who had left the team by *on*, the latest to leave first."""
        on = on or dt.date.today()
        return [Member.of(m) for m in (
            Membership.select(Membership, Person).join(Person)
            .where((Membership.team == team_id) & Membership.end_date.is_null(False) & (Membership.end_date <= on))
            .order_by(Membership.end_date.desc())
        )]


@dataclass(frozen=True)
class Member:
    """One membership of a team with the member's name, as screens list it."""

    id: int
    version: int
    person_id: int
    full_name: str
    team_id: int
    role: str
    position: str
    start_date: dt.date
    end_date: dt.date | None
    end_reason: str

    @classmethod
    def of(cls, m: Membership) -> Member:
        """From a membership row read with its person joined."""
        return cls(m.id, m.version, m.person_id, m.person.full_name, m.team_id, m.role, m.position,
                   m.start_date, m.end_date, m.end_reason)


def person_roles(person_ids: list[int], on: dt.date | None = None) -> dict[int, list[str]]:
    """For each person, their current roles as short text: 'Tổ trưởng – Tổ dân vận thôn Nà Khoang'."""
    on = on or dt.date.today()
    labels = dict(vocab.TEAM_ROLES)
    result: dict[int, list[str]] = {pid: [] for pid in person_ids}
    if not person_ids:
        return result
    rows = (
        Membership.select(Membership.person, Membership.role, Membership.position, Team.name)
        .join(Team)
        .where(Membership.person.in_(person_ids) & (Membership.start_date <= on)
               & (Membership.end_date.is_null() | (Membership.end_date > on)))
        .tuples()
    )
    for pid, role, position, team_name in rows:
        text = f"{labels.get(role, role)} – {team_name}"
        if position:
            text += f" ({position})"
        result[pid].append(text)
    return result
