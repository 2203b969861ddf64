"""The data of the overview page (Tổng quan): this year's work in numbers, what
is late, which teams have not met this quarter and which areas still have no
team. Small dataclasses, no Qt."""
from __future__ import annotations

import datetime as dt
import heapq
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

import peewee as pw

from ..store.base import database_proxy
from ..store.models import (
    Area, Campaign, CampaignContribution, Concern, ExemplaryModel, Meeting, Membership, OutreachSession, Person, Team,
)
from ..vn import sort_key
from . import campaigns, concerns, meetings

# The target: a Tổ dân vận in every thôn / tổ dân phố (Bắc Giang 2024: 100 %).
TARGET_COVERAGE_PERCENT = 100
_ROMAN = ("I", "II", "III", "IV")


@dataclass
class YearCounts:
    year: int
    meetings: int = 0
    outreach_sessions: int = 0
    audience: int = 0
    concerns_received: int = 0
    concerns_resolved: int = 0
    models: int = 0
    work_days: Decimal = Decimal("0.0")
    money: int = 0
    supervision: int = 0  # people's supervision activities started in the year
    supervision_waiting: int = 0  # of those, recommendations sent and not answered yet
    supervision_late: int = 0  # of the waiting, those sent over a month before (services.supervision.records.is_late)


@dataclass
class TeamLine:
    team_id: int
    team_name: str
    area_name: str
    last_meeting: dt.date | None  # the team's latest held meeting, any time before
    commune: str = ""  # its area's commune: a province has many "thôn Bãi Cả"


@dataclass
class AreaLine:
    area_id: int
    area_name: str
    kind: str


@dataclass
class Coverage:
    areas: int
    covered: int
    uncovered: list[AreaLine] = field(default_factory=list)
    target_percent: int = TARGET_COVERAGE_PERCENT

    @property
    def percent(self) -> float:
        """Share of areas that have an active team, one decimal (0 when there are no areas)."""
        return round(100.0 * self.covered / self.areas, 1) if self.areas else 0.0

    @property
    def reached(self) -> bool:
        return self.areas > 0 and self.percent >= self.target_percent


@dataclass
class Quarter:
    year: int
    number: int  # 1..4
    start: dt.date
    end: dt.date  # exclusive

    @property
    def label(self) -> str:
        return f"Quý {_ROMAN[self.number - 1]} năm {self.year}"


@dataclass
class Overview:
    on: dt.date
    counts: YearCounts
    overdue_concerns: int
    overdue_tasks: int
    quarter: Quarter
    idle_teams: int  # active teams with no held meeting in the quarter (teams_without_meeting)
    first_idle_teams: list[TeamLine]  # the first IDLE_NAMED of them by name, for the overview's line
    coverage: Coverage


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0))


def quarter_of(on: dt.date) -> Quarter:
    number = (on.month - 1) // 3 + 1
    start = dt.date(on.year, 3 * number - 2, 1)
    end = dt.date(on.year + 1, 1, 1) if number == 4 else dt.date(on.year, 3 * number + 1, 1)
    return Quarter(on.year, number, start, end)


def _live_teams():
    return Team.select().where(Team.deleted_at.is_null() & (Team.status == "active"))


def year_counts(year: int) -> YearCounts:
    start, end = _year_range(year)
    held = (
        Meeting.select().join(Team)
        .where(Meeting.deleted_at.is_null() & Team.deleted_at.is_null() & (Meeting.status == "held")
               & (Meeting.starts_at >= _midnight(start)) & (Meeting.starts_at < _midnight(end)))
    )
    sessions = OutreachSession.select().join(Team).where(
        OutreachSession.deleted_at.is_null() & Team.deleted_at.is_null()
        & (OutreachSession.held_on >= start) & (OutreachSession.held_on < end)
    )
    audience = sessions.select(pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_total), 0)).scalar()
    live_concerns = Concern.select().where(Concern.deleted_at.is_null())
    # the year's concerns are those received in it; resolved: of those, the ones resolved (as `stats` counts)
    received = live_concerns.where(concerns.received_in(year)).count()
    resolved = live_concerns.where(concerns.received_in(year) & concerns.resolved_condition()).count()
    models = ExemplaryModel.select().where(ExemplaryModel.deleted_at.is_null() & (ExemplaryModel.year == year)).count()
    work_days, money = _campaign_sums(year)
    from .supervision.counts import supervision_counts

    supervised = supervision_counts(year)
    return YearCounts(
        year=year, meetings=held.count(), outreach_sessions=sessions.count(), audience=int(audience or 0),
        concerns_received=received, concerns_resolved=resolved, models=models,
        work_days=work_days, money=money,
        supervision=supervised.activities, supervision_waiting=supervised.waiting,
        supervision_late=supervised.late,
    )


def _campaign_sums(year: int) -> tuple[Decimal, int]:
    """The year's work days and money as campaigns.totals(year=…) sums them
    (the same rows, each work day figure rounded the same way), without its
    per-team table the overview does not show: half the time on a province."""
    # one row per distinct work day figure (a province: a few dozen, not 6,000 rows
    # through peewee): each is rounded as totals() rounds it, times its rows
    c = CampaignContribution
    query = (
        c.select(c.work_days, pw.fn.COUNT(c.id), pw.fn.SUM(c.money))
        .join(Campaign, on=(c.campaign == Campaign.id))
        .switch(c).join(Team, on=(c.team == Team.id))
        .where(Campaign.deleted_at.is_null() & Team.deleted_at.is_null() & (Campaign.year == year))
        .group_by(c.work_days).tuples()
    )
    work_days, money = Decimal(0), 0
    for days, rows, amount in query:
        work_days += Decimal(str(days or 0)).quantize(campaigns.WORK_DAY_STEP) * rows
        money += int(amount or 0)
    return work_days, money


def _driver_rows(query) -> list[tuple]:
    """The rows of *query* as the database driver returns them (ints, strings;
    dates as text on SQLite), without peewee's conversion of each value."""
    sql, params = query.sql()
    return database_proxy.execute_sql(sql, params).fetchall()


def _idle(quarter: Quarter, on: dt.date, *columns):
    """Active teams (established by *on*) with no held meeting in *quarter*."""
    met = (
        Meeting.select(Meeting.team)
        .where(Meeting.deleted_at.is_null() & (Meeting.status == "held")
               & (Meeting.starts_at >= _midnight(quarter.start)) & (Meeting.starts_at < _midnight(quarter.end)))
    )
    return (_live_teams().select(*columns)
            .where(Team.id.not_in(met) & (Team.established_on.is_null() | (Team.established_on <= on))))


def _lines(quarter: Quarter, teams: list[tuple], only_ids: list[int] | None = None) -> list[TeamLine]:
    """(id, name, area, commune) rows as TeamLines with each team's latest held meeting before *quarter*."""
    before = Meeting.deleted_at.is_null() & (Meeting.status == "held") & (Meeting.starts_at < _midnight(quarter.start))
    if only_ids is not None:
        before &= Meeting.team.in_(only_ids)
    last = dict(_driver_rows(Meeting.select(Meeting.team, pw.fn.MAX(Meeting.starts_at)).where(before)
                             .group_by(Meeting.team)))
    lines = []
    for team_id, team_name, area_name, commune in teams:
        when = last.get(team_id)
        if isinstance(when, str):  # SQLite aggregates come back as text
            when = dt.datetime.fromisoformat(when)
        lines.append(TeamLine(team_id, team_name, area_name, when.date() if when else None, commune))
    lines.sort(key=lambda line: (sort_key(line.team_name), line.team_id))
    return lines


def teams_without_meeting(on: dt.date) -> tuple[Quarter, list[TeamLine]]:
    """Active teams with no held meeting in the quarter of *on*, by name."""
    quarter = quarter_of(on)
    # the driver's own tuples (a province: 4,000 rows, each through peewee's
    # converters took longer than the queries)
    return quarter, _lines(quarter, _driver_rows(_idle(quarter, on, Team.id, Team.name, Area.name, Area.commune).join(Area)))


IDLE_NAMED = 8  # the overview names the first idle teams; the areas list (listings/areas.py) shows them all


def idle_teams(on: dt.date, first: int = IDLE_NAMED) -> tuple[Quarter, int, list[TeamLine]]:
    """How many teams teams_without_meeting(on) lists, and its first *first*
    lines, without a line for every team: the names stream past once, only
    the first few in Vietnamese order are kept (a province: 1,900 idle teams,
    1 MB less at the overview's figures than with every line kept)."""
    quarter = quarter_of(on)
    sql, params = _idle(quarter, on, Team.id, Team.name, Area.name, Area.commune).join(Area).sql()
    count = 0

    def counted(rows):
        nonlocal count
        for row in rows:
            count += 1
            yield sort_key(row[1]), row[0], row

    kept = [row for _key, _id, row in heapq.nsmallest(first, counted(database_proxy.execute_sql(sql, params)))]
    if not kept:
        return quarter, count, []
    return quarter, count, _lines(quarter, kept, only_ids=[row[0] for row in kept])


def coverage(on: dt.date | None = None) -> Coverage:
    """Areas in use (active, not merged, not in the trash) and how many have an active team
    (established by *on* when given, as the register's count of active teams is)."""
    in_use = Area.deleted_at.is_null() & (Area.active == True) & Area.merged_into.is_null()  # noqa: E712
    teams = _live_teams()
    if on is not None:
        teams = teams.where(Team.established_on.is_null() | (Team.established_on <= on))
    # counted by the database; only the areas without a team come back as rows
    areas = Area.select().where(in_use).count()
    uncovered = [AreaLine(area_id, name, kind) for area_id, name, kind in
                 Area.select(Area.id, Area.name, Area.kind)
                 .where(in_use & Area.id.not_in(teams.select(Team.area)))
                 .order_by(Area.name_sort).tuples()]
    return Coverage(areas=areas, covered=areas - len(uncovered), uncovered=uncovered)


@dataclass
class RegisterCounts:
    """The register on a day: the first figures of the overview page."""

    areas: int  # in use (active, not in the trash)
    active_teams: int  # active, established by the day
    members: int  # people with a membership current on the day
    women: int  # of the members
    party_members: int
    minorities: int  # not Kinh
    people: int  # everyone in the register (not in the trash)


@contextmanager
def _small_page_cache(kib: int = 500):
    """The counts read each page once: a small SQLite page cache while they run
    (the two counting threads no longer fill 8 MB each; as quick, bench/bench_startup.py),
    the connection's own size again after. Read from the count indexes
    (models.COUNT_INDEXES), half a megabyte does: 2 MB a thread was 3 MB more
    at the overview's figures for no quicker count."""
    db = database_proxy.obj
    if isinstance(db, pw.PostgresqlDatabase) or db is None:
        yield
        return
    before = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    db.execute_sql(f"PRAGMA cache_size = {-abs(kib)}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA cache_size = {int(before)}")
        db.execute_sql("PRAGMA shrink_memory")


def register_counts(on: dt.date | None = None) -> RegisterCounts:
    with _small_page_cache():
        return _register_counts(on or dt.date.today())


def _register_counts(on: dt.date) -> RegisterCounts:
    current = (Membership.start_date <= on) & (Membership.end_date.is_null() | (Membership.end_date > on))

    def among(cond):
        return pw.fn.SUM(pw.Case(None, [(cond, 1)], 0))

    # one pass over the members for the four figures (a province: 3× quicker than four counts)
    members, women, party_members, minorities = (
        Person.select(pw.fn.COUNT(Person.id), among(Person.gender == "nữ"),
                      among(Person.party_member == True),  # noqa: E712 - peewee expression
                      among(Person.ethnicity != "Kinh"))
        .where(Person.id.in_(Membership.select(Membership.person).where(current)) & Person.deleted_at.is_null())
        .tuples().get()
    )
    return RegisterCounts(
        areas=Area.select().where(Area.deleted_at.is_null() & Area.active).count(),
        active_teams=Team.select().where(Team.deleted_at.is_null() & (Team.status == "active")
                                         & (Team.established_on.is_null() | (Team.established_on <= on))).count(),
        members=int(members or 0),
        women=int(women or 0),
        party_members=int(party_members or 0),
        minorities=int(minorities or 0),
        people=Person.select().where(Person.deleted_at.is_null()).count(),
    )


def overview(on: dt.date | None = None) -> Overview:
    with _small_page_cache():
        return _overview(on or dt.date.today())


def _overview(on: dt.date) -> Overview:
    quarter, idle, first_idle = idle_teams(on)
    return Overview(
        on=on,
        counts=year_counts(on.year),
        # of the year shown, like the other cards (and as `stats --year` counts them)
        overdue_concerns=concerns.overdue(on).where(concerns.received_in(on.year)).count(),
        overdue_tasks=meetings.count_overdue_tasks(on),  # counted by the database: no rows kept
        quarter=quarter,
        idle_teams=idle,
        first_idle_teams=first_idle,
        coverage=coverage(on),  # the same day as the register's count of active teams
    )
