"""The people list (Thành viên): every person of the register, filtered in
SQL on the indexed search_text and name_sort columns, with their roles."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from ...store.models import Area, Membership, Person, Team
from ..core import vocab
from . import fetch_ids, folded_contains, search_tokens

STATUSES = ("current", "former", "none")  # PeopleFilter.status besides None (everyone)


@dataclass(frozen=True)
class PeopleFilter:
    query: str = ""
    area_id: int | None = None
    team_id: int | None = None
    role: str | None = None
    status: str | None = None  # None / "current" / "former" / "none"
    party: bool | None = None
    gender: str | None = None
    ethnicity: str | None = None


@dataclass
class PersonRow:
    id: int
    full_name: str
    gender: str  # code, as stored (vocab.GENDERS)
    birth_year: int | None
    ethnicity: str
    phone: str
    area_name: str
    party_member: bool
    roles: list[str] = field(default_factory=list)  # current roles on the day asked, as short text


def _current(on: dt.date):
    return (Membership.start_date <= on) & (Membership.end_date.is_null() | (Membership.end_date > on))


def _memberships(filters: PeopleFilter, on: dt.date, current: bool):
    query = Membership.select(Membership.person)
    if current:
        query = query.where(_current(on))
    else:
        query = query.where(Membership.end_date.is_null(False) & (Membership.end_date <= on))
    if filters.team_id is not None:
        query = query.where(Membership.team == filters.team_id)
    if filters.role:
        query = query.where(Membership.role == filters.role)
    return query


def _filtered(filters: PeopleFilter, on: dt.date):
    q = Person.select(Person.id).where(Person.deleted_at.is_null())
    for token in search_tokens(filters.query):
        q = q.where(folded_contains(Person.search_text, token))
    if filters.area_id is not None:
        q = q.where(Person.area == filters.area_id)
    if filters.party is not None:
        q = q.where(Person.party_member == filters.party)
    if filters.gender:
        q = q.where(Person.gender == filters.gender)
    if filters.ethnicity:
        q = q.where(Person.ethnicity == filters.ethnicity)
    any_current = Membership.select(Membership.person).where(_current(on))
    if filters.status == "former":
        q = q.where(Person.id.in_(_memberships(filters, on, False)) & Person.id.not_in(any_current))
    elif filters.status == "none":
        q = q.where(Person.id.not_in(any_current))
    elif filters.status == "current" or filters.team_id is not None or filters.role:
        q = q.where(Person.id.in_(_memberships(filters, on, True)))
    return q


def people_ids(filters: PeopleFilter, sort: str | None = None, descending: bool = False,
               on: dt.date | None = None, limit: int | None = None) -> list[int]:
    """Ids of the people matching *filters* (memberships read on *on*), in
    Vietnamese name order or by the column *sort*: name, gender, birth_year,
    ethnicity, phone, area, party; the first *limit* of them if given (in
    name order the covering index person_live_list stops there)."""
    on = on or dt.date.today()
    q = _filtered(filters, on)
    orders = {
        None: [Person.name_sort], "name": [Person.name_sort], "gender": [Person.gender, Person.name_sort],
        "birth_year": [Person.birth_year, Person.name_sort], "ethnicity": [Person.ethnicity, Person.name_sort],
        "phone": [Person.phone], "party": [Person.party_member, Person.name_sort],
    }
    if sort == "area":
        q = q.join(Area, join_type=pw.JOIN.LEFT_OUTER, on=(Person.area == Area.id))
        order = [Area.name_sort, Person.name_sort]
    else:
        order = orders.get(sort, [Person.name_sort])
    if descending:
        order = [o.desc() for o in order]
    q = q.order_by(*order, Person.id)
    return fetch_ids(q.limit(limit) if limit else q)


def people_rows(ids: list[int], on: dt.date | None = None) -> list[PersonRow]:
    """The rows of *ids* (any order; deleted people included if asked for)
    with their roles on *on* (as register.person_roles words them).

    Two plain SQL statements read straight from the cursor: the list asks
    for a screen of rows at every pause in typing, and building the same
    queries with peewee (a parameter node per id) cost more than running them."""
    on = on or dt.date.today()
    if not ids:
        return []
    from ...store.base import database_proxy

    db = database_proxy.obj
    marks = ", ".join([db.param] * len(ids))
    labels = dict(vocab.TEAM_ROLES)
    roles: dict[int, list[str]] = {}
    day = on.isoformat()
    for pid, role, position, team in db.execute_sql(
            f'SELECT m.person_id, m.role, m.position, t.name FROM membership m JOIN team t ON t.id = m.team_id '
            f'WHERE m.person_id IN ({marks}) AND m.start_date <= {db.param} '
            f'AND (m.end_date IS NULL OR m.end_date > {db.param}) ORDER BY m.id', [*ids, day, day]).fetchall():
        roles.setdefault(pid, []).append(f"{labels.get(role, role)} – {team}" + (f" ({position})" if position else ""))
    rows = db.execute_sql(
        f'SELECT p.id, p.full_name, p.gender, p.birth_year, p.ethnicity, p.phone, a.name, p.party_member '
        f'FROM person p LEFT OUTER JOIN area a ON a.id = p.area_id WHERE p.id IN ({marks})', ids).fetchall()
    return [PersonRow(pid, name, gender, year, ethnicity, phone, area or "", bool(party), roles.get(pid, []))
            for pid, name, gender, year, ethnicity, phone, area, party in rows]


@dataclass
class RoleLine:
    """One role a person held or holds in a team."""

    role: str  # code (vocab.TEAM_ROLES)
    team_name: str
    position: str
    start_date: dt.date
    end_date: dt.date | None


def role_history(person_id: int) -> list[RoleLine]:
    """Every role of the person in any team, the latest first."""
    rows = (Membership.select(Membership.role, Team.name, Membership.position, Membership.start_date,
                              Membership.end_date)
            .join(Team).where(Membership.person == person_id).order_by(Membership.start_date.desc()).tuples())
    return [RoleLine(role, team, position or "", start, end) for role, team, position, start, end in rows]


__all__ = ["PeopleFilter", "PersonRow", "RoleLine", "people_ids", "people_rows", "role_history"]
