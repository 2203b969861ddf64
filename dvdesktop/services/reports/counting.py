"""The counting rules shared by `dvdesktop stats` and the reports.

One function per kind of record, each a single aggregate query. With
``group=True`` the same query is grouped by the commune code of the record
(its team's area, or its own area when it has no team), which gives the
table by commune of a province report in one query per kind; the totals of
that table are, by construction, the figures counted without grouping.

A ``Scope`` says what is counted:

* ``start``/``end`` — the period, both days included; ``None`` for "every
  activity ever recorded" (stats without --year);
* ``on`` — the day for the figures "as on" a date (teams, members): the last
  day of the period, or today while the period is not over;
* ``commune_code`` — only the areas of that commune and what hangs on them.

Rules (as `stats` documents them): soft-deleted rows never count, nor the
records of a deleted team. Teams and memberships are counted as on ``on``;
people who were members at some time in the period; meetings held, outreach
sessions, concerns and mediation cases dated in the period (concerns and cases
by the date received); "Dân vận khéo" models, campaigns and ratings belong to
a year: they count when their year lies in the period's years (for a period
that is not whole calendar years, campaigns must also have dates overlapping
it, when dates are recorded).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import peewee as pw

from ..mediation.register_data import NOT_SETTLED
from ...store.models import (
    Area, Campaign, CampaignContribution, Concern, Evaluation, ExemplaryModel, Household, HouseholdSupport,
    MediationCase, Meeting, MeetingAttendance, Membership, OutreachSession, Person, SupervisionActivity, Team,
)
from ..core import vocab
from ..concerns import ANSWERED, overdue_condition, resolved_condition
from ..supervision.records import ACTED, ANSWER_DAYS

TOTAL = None  # the key of the ungrouped row


@dataclass(frozen=True)
class Scope:
    start: dt.date | None
    end: dt.date | None  # inclusive
    on: dt.date
    commune_code: str | None = None

    @classmethod
    def current(cls, today: dt.date, commune_code: str | None = None) -> "Scope":
        return cls(None, None, today, commune_code)

    @classmethod
    def period(cls, start: dt.date, end: dt.date, today: dt.date | None = None,
               commune_code: str | None = None) -> "Scope":
        today = today or dt.date.today()
        return cls(start, end, min(end, today), commune_code or None)

    @classmethod
    def year(cls, year: int, today: dt.date | None = None, commune_code: str | None = None) -> "Scope":
        return cls.period(dt.date(year, 1, 1), dt.date(year, 12, 31), today, commune_code)

    @property
    def all_time(self) -> bool:
        return self.start is None

    @property
    def stop(self) -> dt.date | None:
        """The day after the period (exclusive bound)."""
        return None if self.end is None else self.end + dt.timedelta(days=1)

    @property
    def years(self) -> list[int]:
        return [] if self.all_time else list(range(self.start.year, self.end.year + 1))

    @property
    def whole_years(self) -> bool:
        return (not self.all_time and (self.start.month, self.start.day) == (1, 1)
                and (self.end.month, self.end.day) == (12, 31))

    # --- conditions -----------------------------------------------------------
    def dated(self, field, datetime_field: bool = False) -> pw.Expression:
        if self.all_time:
            return pw.SQL("1 = 1")
        lo, hi = self.start, self.stop
        if datetime_field:
            lo, hi = dt.datetime.combine(lo, dt.time()), dt.datetime.combine(hi, dt.time())
        return (field >= lo) & (field < hi)

    def in_years(self, field) -> pw.Expression:
        return pw.SQL("1 = 1") if self.all_time else field.in_(self.years)

    def commune_areas(self):
        return Area.select(Area.id).where(Area.commune_code == self.commune_code)

    def live_teams(self):
        """Teams not in the trash (of the commune, when one is chosen)."""
        q = Team.select(Team.id).where(Team.deleted_at.is_null())
        if self.commune_code:
            q = q.where(Team.area.in_(self.commune_areas()))
        return q

    def team_or_area(self, model) -> pw.Expression:
        """A record that may have no team (concerns, cases): no team or a live
        team; with a commune, its team's commune or, without team, its area's."""
        if not self.commune_code:
            return model.team.is_null() | model.team.in_(self.live_teams())
        return model.team.in_(self.live_teams()) | (model.team.is_null() & model.area.in_(self.commune_areas()))


def count_case(condition) -> pw.Expression:
    return pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, ((condition, 1),), 0)), 0)


def _plain(value) -> int | float:
    """A sum as Python numbers: PostgreSQL answers SUM with Decimal, SQLite with int."""
    if value is None:
        return 0
    if isinstance(value, (Decimal, float)):
        return int(value) if value == int(value) else float(value)
    return int(value)


def _rows(query, key, group: bool, width: int) -> dict:
    """Run an aggregate query: {None: (values…)} or, grouped, {commune code: (values…)}."""
    if group:
        query = query.select_extend(key).group_by(key)
        return {row[-1] or "": tuple(_plain(v) for v in row[:-1]) for row in query.tuples()}
    row = query.tuples().first() or (0,) * width
    return {TOTAL: tuple(_plain(v) for v in row)}


TeamArea = Area.alias("team_area")
RowArea = Area.alias("row_area")


def _team_joined(query, model):
    """Join model → Team → Area so that Area.commune_code groups the rows."""
    return query.join(Team, on=(model.team == Team.id)).join(Area, on=(Team.area == Area.id))


def _team_or_area_joined(query, model):
    return (query.join(Team, pw.JOIN.LEFT_OUTER, on=(model.team == Team.id))
            .join(TeamArea, pw.JOIN.LEFT_OUTER, on=(Team.area == TeamArea.id))
            .switch(model).join(RowArea, pw.JOIN.LEFT_OUTER, on=(model.area == RowArea.id)))


_EITHER_COMMUNE = pw.fn.COALESCE(TeamArea.commune_code, RowArea.commune_code)


# --- the register ------------------------------------------------------------------


def areas(scope: Scope, group: bool = False) -> dict:
    """(areas in use,) — thôn, bản, tổ dân phố not merged away or deleted."""
    q = Area.select(pw.fn.COUNT(Area.id)).where(Area.deleted_at.is_null() & (Area.active == True))  # noqa: E712
    if scope.commune_code:
        q = q.where(Area.commune_code == scope.commune_code)
    return _rows(q, Area.commune_code, group, 1)


def _team_running(scope: Scope) -> pw.Expression:
    if scope.all_time:
        return Team.status == "active"
    return ((Team.established_on.is_null() | (Team.established_on <= scope.on))
            & (Team.dissolved_on.is_null() | (Team.dissolved_on > scope.on)))


def teams(scope: Scope, group: bool = False) -> dict:
    """(teams,) working on scope.on (without a period: active today)."""
    q = Team.select(pw.fn.COUNT(Team.id)).join(Area, on=(Team.area == Area.id)).where(
        Team.deleted_at.is_null() & _team_running(scope))
    if scope.commune_code:
        q = q.where(Area.commune_code == scope.commune_code)
    return _rows(q, Area.commune_code, group, 1)


def _live_people():
    return Person.select(Person.id).where(Person.deleted_at.is_null())


def running_memberships(scope: Scope) -> pw.Expression:
    return (Membership.team.in_(scope.live_teams()) & Membership.person.in_(_live_people())
            & (Membership.start_date <= scope.on)
            & (Membership.end_date.is_null() | (Membership.end_date > scope.on)))


def memberships(scope: Scope, group: bool = False) -> dict:
    """(memberships running on scope.on, distinct people in them)."""
    q = _team_joined(Membership.select(pw.fn.COUNT(Membership.id), pw.fn.COUNT(Membership.person.distinct())),
                     Membership).where(running_memberships(scope))
    return _rows(q, Area.commune_code, group, 2)


def persons(scope: Scope, group: bool = False) -> dict:
    """(people,): every live person without a period; else distinct people
    who were team members at some time in the period."""
    if scope.all_time and not scope.commune_code and not group:
        return {TOTAL: (Person.select().where(Person.deleted_at.is_null()).count(),)}
    cond = Membership.team.in_(scope.live_teams()) & Membership.person.in_(_live_people())
    if not scope.all_time:
        cond &= (Membership.start_date < scope.stop) & (Membership.end_date.is_null() | (Membership.end_date > scope.start))
    q = _team_joined(Membership.select(pw.fn.COUNT(Membership.person.distinct())), Membership).where(cond)
    return _rows(q, Area.commune_code, group, 1)


# --- activity --------------------------------------------------------------------------


def meeting_filter(scope: Scope) -> pw.Expression:
    return (Meeting.deleted_at.is_null() & (Meeting.status == "held") & Meeting.team.in_(scope.live_teams())
            & scope.dated(Meeting.starts_at, datetime_field=True))


def held_meetings(scope: Scope):
    return Meeting.select(Meeting.id).where(meeting_filter(scope))


def meetings(scope: Scope, group: bool = False) -> dict:
    """(meetings held,)"""
    q = _team_joined(Meeting.select(pw.fn.COUNT(Meeting.id)), Meeting).where(meeting_filter(scope))
    return _rows(q, Area.commune_code, group, 1)


def attendance(scope: Scope) -> tuple[int, int]:
    """(attendance rows, present) of the meetings held — as the rating metric
    attendance_pct counts them."""
    row = (MeetingAttendance.select(pw.fn.COUNT(MeetingAttendance.id), count_case(MeetingAttendance.status == "present"))
           .join(Meeting, on=(MeetingAttendance.meeting == Meeting.id)).where(meeting_filter(scope)).tuples().first())
    return int(row[0] or 0), int(row[1] or 0)


def outreach(scope: Scope, group: bool = False) -> dict:
    """(sessions, audience, women in it, ethnic minority people in it)"""
    s = OutreachSession
    q = _team_joined(s.select(pw.fn.COUNT(s.id), pw.fn.COALESCE(pw.fn.SUM(s.audience_total), 0),
                              pw.fn.COALESCE(pw.fn.SUM(s.audience_women), 0),
                              pw.fn.COALESCE(pw.fn.SUM(s.audience_minority), 0)), s).where(
        s.deleted_at.is_null() & s.team.in_(scope.live_teams()) & scope.dated(s.held_on))
    return _rows(q, Area.commune_code, group, 4)


def concern_filter(scope: Scope) -> pw.Expression:
    return Concern.deleted_at.is_null() & scope.team_or_area(Concern) & scope.dated(Concern.received_on)


def concerns(scope: Scope, group: bool = False) -> dict:
    """(received, resolved, forwarded, answered, overdue). Overdue: past its
    due date on scope.on and neither answered nor resolved."""
    c = Concern
    q = _team_or_area_joined(c.select(
        pw.fn.COUNT(c.id), count_case(resolved_condition()), count_case(c.forwarded_on.is_null(False)),
        count_case(c.status.in_(ANSWERED)),
        count_case(overdue_condition(scope.on)),
    ), c).where(concern_filter(scope))
    return _rows(q, _EITHER_COMMUNE, group, 5)


def mediation_filter(scope: Scope) -> pw.Expression:
    m = MediationCase
    return m.deleted_at.is_null() & scope.team_or_area(m) & scope.dated(m.received_on)


def mediation(scope: Scope, group: bool = False) -> dict:
    """(cases received, settled, not settled — không thành, dừng, chuyển —, ongoing)"""
    m = MediationCase
    q = _team_or_area_joined(m.select(
        pw.fn.COUNT(m.id), count_case(m.outcome == "thanh"), count_case(m.outcome.in_(NOT_SETTLED)),
        count_case(m.outcome == "dang")), m).where(mediation_filter(scope))
    return _rows(q, _EITHER_COMMUNE, group, 4)


def models_filter(scope: Scope) -> pw.Expression:
    e = ExemplaryModel
    team = e.team.in_(scope.live_teams()) if scope.commune_code else (e.team.is_null() | e.team.in_(scope.live_teams()))
    return e.deleted_at.is_null() & team & scope.in_years(e.year)


def exemplary_models(scope: Scope, group: bool = False) -> dict:
    """(models,) of the period's years; a model without a team counts for the
    whole database only."""
    e = ExemplaryModel
    q = (e.select(pw.fn.COUNT(e.id)).join(Team, pw.JOIN.LEFT_OUTER, on=(e.team == Team.id))
         .join(Area, pw.JOIN.LEFT_OUTER, on=(Team.area == Area.id)).where(models_filter(scope)))
    return _rows(q, Area.commune_code, group, 1)


def households(scope: Scope, group: bool = False) -> dict:
    """(households helped in the period, of them those that left poverty in
    the period's years). Without a period: every household on record."""
    h = Household
    cond = h.deleted_at.is_null()
    if scope.commune_code:
        cond &= h.area.in_(scope.commune_areas())
    if not scope.all_time:
        cond &= h.id.in_(HouseholdSupport.select(HouseholdSupport.household).where(scope.dated(HouseholdSupport.given_on)))
    left = h.left_poverty_year.is_null(False) & scope.in_years(h.left_poverty_year)
    q = h.select(pw.fn.COUNT(h.id), count_case(left)).join(Area, on=(h.area == Area.id)).where(cond)
    return _rows(q, Area.commune_code, group, 2)


def campaign_filter(scope: Scope) -> pw.Expression:
    cond = Campaign.deleted_at.is_null() & scope.in_years(Campaign.year)
    if not scope.all_time and not scope.whole_years:
        cond &= ((Campaign.start_date.is_null() | (Campaign.start_date <= scope.end))
                 & (Campaign.end_date.is_null() | (Campaign.end_date >= scope.start)))
    return cond


def campaigns(scope: Scope, group: bool = False) -> dict:
    """(work days, money in đồng, households mobilised, campaigns taken part in)"""
    cc = CampaignContribution
    q = (cc.select(pw.fn.COALESCE(pw.fn.SUM(cc.work_days), 0), pw.fn.COALESCE(pw.fn.SUM(cc.money), 0),
                   pw.fn.COALESCE(pw.fn.SUM(cc.households_mobilised), 0), pw.fn.COUNT(cc.campaign.distinct()))
         .join(Campaign, on=(cc.campaign == Campaign.id)).switch(cc)
         .join(Team, on=(cc.team == Team.id)).join(Area, on=(Team.area == Area.id))
         .where(campaign_filter(scope) & cc.team.in_(scope.live_teams())))
    return _rows(q, Area.commune_code, group, 4)


def evaluations(scope: Scope, group: bool = False) -> dict:
    """(team ratings of the period's years,)"""
    q = _team_joined(Evaluation.select(pw.fn.COUNT(Evaluation.id)), Evaluation).where(
        Evaluation.team.in_(scope.live_teams()) & scope.in_years(Evaluation.year))
    return _rows(q, Area.commune_code, group, 1)


def supervision_filter(scope: Scope) -> pw.Expression:
    """Supervision activities of live teams, dated by their first day."""
    s = SupervisionActivity
    return s.deleted_at.is_null() & s.team.in_(scope.live_teams()) & scope.dated(s.start_date)


SUPERVISION_KINDS = [code for code, _label in vocab.SUPERVISION_KINDS]


def supervision(scope: Scope, group: bool = False) -> dict:
    """(activities, recommendations sent, waiting for an answer, answered,
    acted on — fully or partly —, late, then one count per code of
    vocab.SUPERVISION_KINDS in its order) of the activities started in the
    period. Late: sent, unanswered, over ANSWER_DAYS old on scope.on."""
    s = SupervisionActivity
    sent, unanswered = s.sent_on.is_null(False), s.answered_on.is_null()
    q = _team_joined(s.select(
        pw.fn.COUNT(s.id), count_case(sent), count_case(sent & unanswered), count_case(s.answered_on.is_null(False)),
        count_case(s.answered_on.is_null(False) & s.acted_on.in_(ACTED)),
        count_case(sent & unanswered & (s.sent_on < scope.on - dt.timedelta(days=ANSWER_DAYS))),
        *(count_case(s.kind == code) for code in SUPERVISION_KINDS),
    ), s).where(supervision_filter(scope))
    return _rows(q, Area.commune_code, group, 6 + len(SUPERVISION_KINDS))


def work_days_value(value) -> int | float:
    """A sum of work days as JSON wants it: an int when whole."""
    d = Decimal(str(value or 0))
    return int(d) if d == d.to_integral_value() else float(d)


# --- the figures `dvdesktop stats` prints --------------------------------------------


def stats_figures(scope: Scope, run=None) -> dict:
    """Every figure of `dvdesktop stats`, by its JSON key (the same keys
    services.stats.LABELS lists), for *scope*. *run(fn)* may answer
    fn(scope) from a cache (the report has counted them already)."""
    def total(fn):
        return (run(fn) if run else fn(scope))[TOTAL]

    n_memberships, n_members = total(memberships)
    n_cases, n_settled, n_not_settled, n_ongoing = total(mediation)
    n_concerns, n_resolved, *_ = total(concerns)
    n_sessions, audience, *_ = total(outreach)
    work_days, money, *_ = total(campaigns)
    n_supervised, n_sent, _waiting, n_answered, n_acted, _late, *by_kind = total(supervision)
    return {
        "areas": total(areas)[0],
        "teams": total(teams)[0],
        "persons": total(persons)[0],
        "members": n_members,
        "memberships_active": n_memberships,
        "meetings": total(meetings)[0],
        "outreach_sessions": n_sessions,
        "outreach_audience": int(audience),
        "concerns": n_concerns,
        "concerns_resolved": n_resolved,
        "mediation_cases": n_cases,
        "mediation_successful": n_settled,
        "mediation_unsuccessful": n_not_settled,
        "mediation_ongoing": n_ongoing,
        "exemplary_models": total(exemplary_models)[0],
        "households_helped": total(households)[0],
        "campaign_work_days": work_days_value(work_days),
        "campaign_money": int(money or 0),
        "evaluations": total(evaluations)[0],
        "supervision_activities": n_supervised,
        **{f"supervision_{code}": n for code, n in zip(SUPERVISION_KINDS, by_kind)},
        "supervision_sent": n_sent,
        "supervision_answered": n_answered,
        "supervision_acted_on": n_acted,
    }
