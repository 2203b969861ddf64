"""The areas list (Địa bàn và Tổ dân vận): each area with its team, the team
leader and the number of members on a day; the team of an area, the area of
a team, an area's former names."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from ...store.models import Area, AreaName, Membership, Person, Team
from . import folded_contains, search_tokens

TEAM_STATES = ("with", "without", "idle")  # AreaFilter.team_state besides None (all)


@dataclass(frozen=True)
class AreaFilter:
    query: str = ""
    kind: str | None = None
    team_state: str | None = None  # None / "with" (an active team) / "without" / "idle" (no meeting this quarter)
    in_use: str | None = None  # None / "active" / "inactive" (merged or no longer in use)


@dataclass
class AreaTeam:
    """The team shown for an area: its active team, else its latest one."""

    id: int
    name: str
    status: str  # code (vocab.TEAM_STATUSES)
    decision_number: str
    established_on: dt.date | None
    leader: str  # the tổ trưởng's name on the day asked, "" if none
    members: int  # current members on that day


@dataclass
class AreaRow:
    id: int
    name: str
    kind: str  # code (vocab.AREA_KINDS)
    households: int | None
    population: int | None
    active: bool
    team: AreaTeam | None


def area_ids(filters: AreaFilter, sort: str | None = None, descending: bool = False,
             on: dt.date | None = None) -> list[int]:
    """Ids of the areas matching *filters*, by name (Vietnamese order) or by
    kind, households or population; "idle" is read on *on*."""
    on = on or dt.date.today()
    q = Area.select(Area.id).where(Area.deleted_at.is_null())
    for token in search_tokens(filters.query):
        q = q.where(folded_contains(Area.name_folded, token))
    if filters.kind:
        q = q.where(Area.kind == filters.kind)
    if filters.in_use == "active":
        q = q.where(Area.active == True)  # noqa: E712 - peewee expression
    elif filters.in_use == "inactive":
        q = q.where(Area.active == False)  # noqa: E712
    active_teams = Team.select(Team.area).where(Team.deleted_at.is_null() & (Team.status == "active"))
    if filters.team_state == "with":
        q = q.where(Area.id.in_(active_teams))
    elif filters.team_state == "without":
        q = q.where(Area.id.not_in(active_teams))
    elif filters.team_state == "idle":
        from ..overview import teams_without_meeting

        idle = [line.team_id for line in teams_without_meeting(on)[1]]
        q = q.where(Area.id.in_(Team.select(Team.area).where(Team.id.in_(idle or [0]))))
    order = {"kind": [Area.kind, Area.name_sort], "households": [Area.households, Area.name_sort],
             "population": [Area.population, Area.name_sort]}.get(sort, [Area.name_sort])
    if descending:
        order = [o.desc() for o in order]
    return [r[0] for r in q.order_by(*order, Area.id).tuples()]


def area_rows(ids: list[int], on: dt.date | None = None) -> list[AreaRow]:
    """The rows of *ids* with their team, leader and member count on *on*."""
    on = on or dt.date.today()
    if not ids:
        return []
    teams: dict[int, Team] = {}
    for team in (Team.select().where(Team.area.in_(ids) & Team.deleted_at.is_null())
                 .order_by(Team.status, Team.established_on)):
        if team.area_id not in teams or team.status == "active":
            teams.setdefault(team.area_id, team)
    team_ids = [t.id for t in teams.values()]
    current = (Membership.team.in_(team_ids or [0]) & (Membership.start_date <= on)
               & (Membership.end_date.is_null() | (Membership.end_date > on)))
    counts = dict(Membership.select(Membership.team, pw.fn.COUNT(Membership.id)).where(current)
                  .group_by(Membership.team).tuples())
    leaders = dict(Membership.select(Membership.team, Person.full_name).join(Person)
                   .where(current & (Membership.role == "to_truong")).tuples())
    result = []
    for area in Area.select().where(Area.id.in_(ids)):
        team = teams.get(area.id)
        shown = None if team is None else AreaTeam(
            team.id, team.name, team.status, team.decision_number or "", team.established_on,
            leaders.get(team.id, ""), counts.get(team.id, 0))
        result.append(AreaRow(area.id, area.name, area.kind, area.households, area.population, bool(area.active), shown))
    return result


def team_of_area(area_id: int | None) -> int | None:
    """The area's team: the active one, else the latest established (not deleted)."""
    if area_id is None:
        return None
    row = (Team.select(Team.id).where((Team.area == area_id) & Team.deleted_at.is_null())
           .order_by((Team.status == "active").desc(), Team.established_on.desc()).tuples().first())
    return row[0] if row else None


def area_of_team(team_id: int | None) -> int | None:
    """The area a team belongs to (deleted teams too), None if no such team."""
    if team_id is None:
        return None
    row = Team.select(Team.area).where(Team.id == team_id).tuples().first()
    return row[0] if row else None


@dataclass
class FormerName:
    name: str
    valid_to: dt.date | None
    reason: str


def former_names(area_id: int) -> list[FormerName]:
    """The names the area had before, oldest first."""
    rows = (AreaName.select(AreaName.name, AreaName.valid_to, AreaName.reason)
            .where(AreaName.area == area_id).order_by(AreaName.valid_to).tuples())
    return [FormerName(name, valid_to, reason or "") for name, valid_to, reason in rows]


__all__ = ["AreaFilter", "AreaRow", "AreaTeam", "FormerName", "area_ids", "area_of_team", "area_rows",
           "former_names", "team_of_area"]
