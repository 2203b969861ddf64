"""The data of the overview's charts for a year: activity by month, ratings
by level, concerns answered on time. Grouped queries only (one per kind of
record), no Qt. The record filters are those of services/reports/counting
(shared with `dvdesktop stats`), so each chart adds up to the figure
`dvdesktop stats --year Y` gives:

* meetings held (by the month they started), outreach sessions (month held),
  concerns (month received); nothing in the trash, nothing of a deleted team;
* ratings: the distribution of the evaluation screen (complete ratings by
  level, the teams not yet rated, the teams that cannot be rated);
* concerns received in the year by how their answer came (on the day *on*):
  answered (status answered or resolved) by the due date or after it; not
  answered and past the due date (the "overdue" of the counting rules), or
  not due yet. The day of the answer is answered_on, else resolved_on.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import peewee as pw

from ..store.models import Concern, Meeting, OutreachSession
from .concerns import ANSWERED
from .reports.counting import Scope, concern_filter, meeting_filter

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


def _by_month(rows: Iterable[tuple]) -> dict[int, int]:
    return {int(month): int(n) for month, n in rows if month is not None}


def _scope(year: int, on: dt.date | None) -> Scope:
    return Scope.year(year, today=on or dt.date.today())


def activity_by_month(year: int, on: dt.date | None = None) -> tuple[MonthActivity, ...]:
    scope = _scope(year, on)
    month = Meeting.starts_at.month
    meetings = _by_month(Meeting.select(month, pw.fn.COUNT(Meeting.id)).where(meeting_filter(scope))
                         .group_by(month).tuples())
    s = OutreachSession
    month = s.held_on.month
    sessions = _by_month(
        s.select(month, pw.fn.COUNT(s.id))
        .where(s.deleted_at.is_null() & s.team.in_(scope.live_teams()) & scope.dated(s.held_on))  # counting.outreach
        .group_by(month).tuples())
    month = Concern.received_on.month
    concerns = _by_month(Concern.select(month, pw.fn.COUNT(Concern.id)).where(concern_filter(scope))
                         .group_by(month).tuples())
    return tuple(MonthActivity(m, meetings.get(m, 0), sessions.get(m, 0), concerns.get(m, 0)) for m in range(1, 13))


def answered_expression():
    """The day a concern was answered: answered_on, else resolved_on."""
    return pw.fn.COALESCE(Concern.answered_on, Concern.resolved_on)


def timeliness_condition(kind: str, on: dt.date):
    """SQL condition of one timeliness kind on the day *on* (the concerns list
    filters by it too). Answered by status, as the counting rules say; an
    answer without a due date (or without its day) is on time."""
    answered = Concern.status.in_(ANSWERED)
    day = answered_expression()
    if kind == ON_TIME:
        return answered & (Concern.due_date.is_null() | day.is_null() | (day <= Concern.due_date))
    if kind == LATE:
        return answered & Concern.due_date.is_null(False) & day.is_null(False) & (day > Concern.due_date)
    if kind == OVERDUE:
        return ~answered & Concern.due_date.is_null(False) & (Concern.due_date < on)
    if kind == WAITING:
        return ~answered & (Concern.due_date.is_null() | (Concern.due_date >= on))
    raise ValueError(kind)


def concern_timeliness(year: int, on: dt.date | None = None) -> Timeliness:
    scope = _scope(year, on)
    cases = [pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, ((timeliness_condition(k, scope.on), 1),), 0)), 0)
             for k in TIMELINESS]
    row = Concern.select(*cases).where(concern_filter(scope)).tuples().first() or (0, 0, 0, 0)
    return Timeliness(*(int(x or 0) for x in row))


def overview_charts(year: int, on: dt.date | None = None) -> OverviewCharts:
    """The charts of *year*, read on the day *on* (today; the overview passes
    31 December for a past year)."""
    from .evaluation.board import year_board

    board = year_board(year)
    if board.distribution is not None:
        levels = tuple(LevelBar(lv.code, lv.name, lv.count) for lv in board.distribution.levels)
        unrated = board.distribution.unrated
    else:
        levels, unrated = (), 0
    return OverviewCharts(year, activity_by_month(year, on), levels, unrated, board.criteria_set is not None,
                          concern_timeliness(year, on))
