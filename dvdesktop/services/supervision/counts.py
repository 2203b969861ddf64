"""Counts of supervision activities for the statistics, the overview and the
yearly rating: one aggregate query, activities of live teams only, dated by
their first day."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from ...store.models import SupervisionActivity as S
from ...store.models import Team
from ..core import vocab
from .records import ACTED, ANSWER_DAYS


@dataclass
class SupervisionCounts:
    activities: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # every code of vocab.SUPERVISION_KINDS, in its order
    sent: int = 0  # recommendations sent to an authority
    waiting: int = 0  # sent, not answered yet
    answered: int = 0
    acted_on: int = 0  # answered and carried out, fully or partly
    late: int = 0  # waiting for over ANSWER_DAYS on the day asked


def _case(condition) -> pw.Expression:
    return pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, ((condition, 1),), 0)), 0)


def supervision_counts(year: int | None = None, team_id: int | None = None,
                       on: dt.date | None = None) -> SupervisionCounts:
    """Activities started in *year* (all when None), of one team or of every
    team not in the trash; activities in the trash are never counted. "late"
    is read on *on* (today)."""
    on = on or dt.date.today()
    where = S.deleted_at.is_null() & S.team.in_(Team.select(Team.id).where(Team.deleted_at.is_null()))
    if year is not None:
        where &= (S.start_date >= dt.date(year, 1, 1)) & (S.start_date < dt.date(year + 1, 1, 1))
    if team_id is not None:
        where &= S.team == team_id
    kinds = [code for code, _label in vocab.SUPERVISION_KINDS]
    row = S.select(
        pw.fn.COUNT(S.id),
        _case(S.sent_on.is_null(False)),
        _case(S.sent_on.is_null(False) & S.answered_on.is_null()),
        _case(S.answered_on.is_null(False)),
        _case(S.answered_on.is_null(False) & S.acted_on.in_(ACTED)),
        _case(S.sent_on.is_null(False) & S.answered_on.is_null() & (S.sent_on < on - dt.timedelta(days=ANSWER_DAYS))),
        *(_case(S.kind == code) for code in kinds),
    ).where(where).tuples().first()
    numbers = [int(x or 0) for x in row]
    return SupervisionCounts(activities=numbers[0], sent=numbers[1], waiting=numbers[2], answered=numbers[3],
                             acted_on=numbers[4], late=numbers[5], by_kind=dict(zip(kinds, numbers[6:])))
