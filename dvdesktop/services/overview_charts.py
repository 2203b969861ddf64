"""The data of the overview's charts for a year: activity by month, ratings
by level, concerns answered on time. Grouped queries only (one per kind of
record), no Qt. The counting rules are those of services/stats.py, so each
chart adds up to the figure `dvdesktop stats --year Y` gives:

* meetings held (by the month they started), outreach sessions (month held),
  concerns (month received); nothing in the trash, nothing of a deleted team;
* ratings: the distribution of the evaluation screen (complete ratings by
  level, the teams not yet rated, the teams that cannot be rated);
* concerns received in the year by how their answer came: by the due date,
  after it, still unanswered past it, or not due yet (on *today*). The
  answer is the day it was answered, else the day it was resolved.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import peewee as pw

from ..store.models import Concern, Meeting, OutreachSession, Team

# Timeliness of a concern's answer, in chart order.
ON_TIME, LATE, OVERDUE, WAITING = "on_time", "late", "overdue", "waiting"
TIMELINESS = (ON_TIME, LATE, OVERDUE, WAITING)
TIMELINESS_NAMES = {
    ON_TIME: "Trả lời đúng hạn",
    LATE: "Trả lời trễ hạn",
    OVERDUE: "Quá hạn, chưa trả lời",
    WAITING: "Chưa đến hạn",
}


@dataclass(frozen=True)
class MonthActivity:
    month: int  # 1..12
    meetings: int
    outreach_sessions: int
    concerns: int


@dataclass(frozen=True)
class LevelBar:
    code: str  # a level's code; "" for the teams not rated yet
    name: str
    count: int


@dataclass(frozen=True)
class Timeliness:
    on_time: int
    late: int
    overdue: int
    waiting: int

    def as_pairs(self) -> list[tuple[str, int]]:
        return [(key, getattr(self, key)) for key in TIMELINESS]

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.overdue + self.waiting


@dataclass(frozen=True)
class OverviewCharts:
    year: int
    months: tuple[MonthActivity, ...]  # twelve, January first
    levels: tuple[LevelBar, ...]  # best first; empty when the year has no criteria set
    unrated: int  # eligible teams whose rating is not complete
    has_criteria: bool
    timeliness: Timeliness


def _live_teams():
    return Team.select(Team.id).where(Team.deleted_at.is_null())


def _by_month(rows: Iterable[tuple]) -> dict[int, int]:
    return {int(month): int(n) for month, n in rows if month is not None}


def activity_by_month(year: int) -> tuple[MonthActivity, ...]:
    live = _live_teams()
    month = Meeting.starts_at.month
    meetings = _by_month(
        Meeting.select(month, pw.fn.COUNT(Meeting.id))
        .where(Meeting.deleted_at.is_null() & (Meeting.status == "held") & Meeting.team.in_(live)
               & (Meeting.starts_at >= dt.datetime(year, 1, 1)) & (Meeting.starts_at < dt.datetime(year + 1, 1, 1)))
        .group_by(month).tuples())
    month = OutreachSession.held_on.month
    sessions = _by_month(
        OutreachSession.select(month, pw.fn.COUNT(OutreachSession.id))
        .where(OutreachSession.deleted_at.is_null() & OutreachSession.team.in_(live)
               & (OutreachSession.held_on >= dt.date(year, 1, 1)) & (OutreachSession.held_on < dt.date(year + 1, 1, 1)))
        .group_by(month).tuples())
    month = Concern.received_on.month
    concerns = _by_month(
        Concern.select(month, pw.fn.COUNT(Concern.id))
        .where(_concerns_of_year(year))
        .group_by(month).tuples())
    return tuple(MonthActivity(m, meetings.get(m, 0), sessions.get(m, 0), concerns.get(m, 0)) for m in range(1, 13))


def _concerns_of_year(year: int):
    return (Concern.deleted_at.is_null() & (Concern.team.is_null() | Concern.team.in_(_live_teams()))
            & (Concern.received_on >= dt.date(year, 1, 1)) & (Concern.received_on < dt.date(year + 1, 1, 1)))


def answered_expression():
    """The day a concern was answered: answered_on, else resolved_on."""
    return pw.fn.COALESCE(Concern.answered_on, Concern.resolved_on)


def timeliness_condition(kind: str, today: dt.date):
    """SQL condition of one timeliness kind (the concerns list filters by it too).
    A concern without a due date is on time once answered, never overdue."""
    answered = answered_expression()
    if kind == ON_TIME:
        return answered.is_null(False) & (Concern.due_date.is_null() | (answered <= Concern.due_date))
    if kind == LATE:
        return answered.is_null(False) & Concern.due_date.is_null(False) & (answered > Concern.due_date)
    if kind == OVERDUE:
        return answered.is_null() & Concern.due_date.is_null(False) & (Concern.due_date < today)
    if kind == WAITING:
        return answered.is_null() & (Concern.due_date.is_null() | (Concern.due_date >= today))
    raise ValueError(kind)


def concern_timeliness(year: int, today: dt.date | None = None) -> Timeliness:
    today = today or dt.date.today()
    cases = [pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, ((timeliness_condition(k, today), 1),), 0)), 0) for k in TIMELINESS]
    row = Concern.select(*cases).where(_concerns_of_year(year)).tuples().first() or (0, 0, 0, 0)
    return Timeliness(*(int(x or 0) for x in row))


def overview_charts(year: int, today: dt.date | None = None) -> OverviewCharts:
    from .evaluation.board import year_board

    board = year_board(year)
    if board.distribution is not None:
        levels = tuple(LevelBar(lv.code, lv.name, lv.count) for lv in board.distribution.levels)
        unrated = board.distribution.unrated
    else:
        levels, unrated = (), 0
    return OverviewCharts(year, activity_by_month(year), levels, unrated, board.criteria_set is not None,
                          concern_timeliness(year, today))
