"""Grouped queries behind the report's detail: members by role and kind,
concerns by field, cases by scope and result, activity by month, ratings.
Each is one aggregate query for a whole province, never one per team."""
from __future__ import annotations

import peewee as pw

from ...store.base import database_proxy
from ...store.models import (
    Area, Concern, CriteriaSet, Evaluation, ExemplaryModel, MediationCase, Meeting, Membership, OutreachSession,
    Person, Team,
)
from .counting import Scope, concern_filter, count_case, meeting_filter, mediation_filter, models_filter, running_memberships


def roles(scope: Scope) -> dict[str, int]:
    """Memberships running on scope.on by role (to_truong / to_pho / thanh_vien)."""
    q = (Membership.select(Membership.role, pw.fn.COUNT(Membership.id)).where(running_memberships(scope))
         .group_by(Membership.role))
    return {role: int(n) for role, n in q.tuples()}


def member_kinds(scope: Scope) -> dict[str, int]:
    """Distinct members on scope.on: total, women, Kinh, other ethnic groups, party members."""
    people = Membership.select(Membership.person).where(running_memberships(scope))
    row = Person.select(
        pw.fn.COUNT(Person.id), count_case(Person.gender == "nữ"), count_case(Person.ethnicity == "Kinh"),
        count_case(Person.party_member == True),  # noqa: E712
    ).where(Person.id.in_(people)).tuples().first() or (0, 0, 0, 0)
    total, women, kinh, party = (int(v or 0) for v in row)
    return {"total": total, "women": women, "kinh": kinh, "minority": total - kinh, "party": party}


def uncovered_areas(scope: Scope) -> list[str]:
    """Areas in use on scope.on without a working team, by name."""
    working = Team.select(Team.area).where(
        Team.deleted_at.is_null()
        & (Team.established_on.is_null() | (Team.established_on <= scope.on))
        & (Team.dissolved_on.is_null() | (Team.dissolved_on > scope.on))
        & ((Team.status == "active") if scope.all_time else pw.SQL("1 = 1")))
    q = Area.select(Area.kind, Area.name).where(
        Area.deleted_at.is_null() & (Area.active == True) & Area.id.not_in(working))  # noqa: E712
    if scope.commune_code:
        q = q.where(Area.commune_code == scope.commune_code)
    return sorted(f"{kind} {name}".strip() for kind, name in q.tuples())


def kien_toan(scope: Scope) -> dict[str, int]:
    """Changes of composition in the period (founding members excluded):
    teams whose members changed, members who joined, who left, new tổ trưởng."""
    founded_later = Team.established_on.is_null() | (Membership.start_date > Team.established_on)
    joined = (Membership.start_date >= scope.start) & (Membership.start_date <= scope.end) & founded_later
    left = Membership.end_date.is_null(False) & (Membership.end_date >= scope.start) & (Membership.end_date <= scope.end)
    base = (Membership.select().join(Team, on=(Membership.team == Team.id))
            .where(Membership.team.in_(scope.live_teams()) & (joined | left)))
    row = base.select(
        pw.fn.COUNT(Membership.team.distinct()), count_case(joined), count_case(left),
        count_case(joined & (Membership.role == "to_truong")),
    ).tuples().first() or (0, 0, 0, 0)
    teams, n_joined, n_left, leaders = (int(v or 0) for v in row)
    return {"teams": teams, "joined": n_joined, "left": n_left, "new_leaders": leaders}


def concern_fields(scope: Scope) -> dict[str, int]:
    q = Concern.select(Concern.field, pw.fn.COUNT(Concern.id)).where(concern_filter(scope)).group_by(Concern.field)
    return {f or "Khác": int(n) for f, n in q.tuples()}


def mediation_by(scope: Scope, column: str) -> dict[str, int]:
    """Cases received in the period by scope ('scope') or by result ('outcome')."""
    field = getattr(MediationCase, column)
    q = MediationCase.select(field, pw.fn.COUNT(MediationCase.id)).where(mediation_filter(scope)).group_by(field)
    return {k: int(n) for k, n in q.tuples()}


def model_levels(scope: Scope) -> dict[str, int]:
    q = (ExemplaryModel.select(ExemplaryModel.level, pw.fn.COUNT(ExemplaryModel.id)).where(models_filter(scope))
         .group_by(ExemplaryModel.level))
    return {level or "": int(n) for level, n in q.tuples()}


def _month_key(field, datetime_field: bool = False):
    """'YYYY-MM' of a date or timestamp column, in the database's own dialect."""
    if isinstance(database_proxy.obj, pw.PostgresqlDatabase):
        return pw.fn.to_char(field, "YYYY-MM")
    return pw.fn.strftime("%Y-%m", field)


def by_month(scope: Scope) -> dict[str, dict[str, int]]:
    """{'meetings' | 'outreach' | 'concerns': {'2026-03': n, …}} of the period."""
    out: dict[str, dict[str, int]] = {}
    m_key = _month_key(Meeting.starts_at, True)
    q = Meeting.select(m_key, pw.fn.COUNT(Meeting.id)).where(meeting_filter(scope)).group_by(m_key)
    out["meetings"] = {k: int(n) for k, n in q.tuples()}
    o_key = _month_key(OutreachSession.held_on)
    q = OutreachSession.select(o_key, pw.fn.COUNT(OutreachSession.id)).where(
        OutreachSession.deleted_at.is_null() & OutreachSession.team.in_(scope.live_teams())
        & scope.dated(OutreachSession.held_on)).group_by(o_key)
    out["outreach"] = {k: int(n) for k, n in q.tuples()}
    c_key = _month_key(Concern.received_on)
    q = Concern.select(c_key, pw.fn.COUNT(Concern.id)).where(concern_filter(scope)).group_by(c_key)
    out["concerns"] = {k: int(n) for k, n in q.tuples()}
    return out


def ratings(scope: Scope, year: int) -> tuple[list[dict], dict[str, int]]:
    """(levels of the year's criteria set, best first; ratings of *year* by level code)."""
    import json

    cset = (CriteriaSet.select().where(CriteriaSet.deleted_at.is_null() & (CriteriaSet.year == year))
            .order_by(CriteriaSet.id.desc()).first())
    levels = json.loads(cset.levels or "[]") if cset else []
    q = (Evaluation.select(Evaluation.rating, pw.fn.COUNT(Evaluation.id))
         .where(Evaluation.team.in_(scope.live_teams()) & (Evaluation.year == year)).group_by(Evaluation.rating))
    return levels, {r or "": int(n) for r, n in q.tuples()}


def best_rated(scope: Scope, year: int, limit: int = 5) -> list[tuple[str, float, str]]:
    """(team name, total points, level code) of the best totals of *year*."""
    q = (Evaluation.select(Team.name, Evaluation.total, Evaluation.rating).join(Team, on=(Evaluation.team == Team.id))
         .where(Evaluation.team.in_(scope.live_teams()) & (Evaluation.year == year))
         .order_by(Evaluation.total.desc(), Team.name).limit(limit))
    return [(name, float(total or 0), rating or "") for name, total, rating in q.tuples()]


def commune_names() -> dict[str, str]:
    """Commune code → name, as the areas record them."""
    q = Area.select(Area.commune_code, pw.fn.MAX(Area.commune)).where(Area.deleted_at.is_null()).group_by(Area.commune_code)
    return {code or "": name or "" for code, name in q.tuples()}
