"""The supervision list (Giám sát): the year's supervision activities, newest
first; filters by team, area, kind and where the recommendations stand."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...store.models import Area, SupervisionActivity, Team
from ..supervision.records import ACTED, is_late, status_of
from . import folded_contains, search_tokens

S = SupervisionActivity
_SORTS = {"start_date": S.start_date, "team": Area.name_sort, "kind": S.kind, "subject": S.subject,
          "participant_count": S.participant_count, "sent_on": S.sent_on, "answered_on": S.answered_on}
STATUS_FILTERS = ("not_sent", "waiting", "answered", "acted")


@dataclass(frozen=True)
class SupervisionFilter:
    query: str = ""
    year: int | None = None
    team_id: int | None = None
    area_id: int | None = None
    kind: str | None = None
    status: str | None = None  # not_sent / waiting (for an answer) / answered / acted (on)


@dataclass
class SupervisionRow:
    id: int
    start_date: dt.date
    end_date: dt.date | None
    team_name: str
    kind: str  # code (vocab.SUPERVISION_KINDS)
    form: str
    subject: str
    participant_count: int
    sent_to: str
    sent_on: dt.date | None
    answered_on: dt.date | None
    acted_on: str
    recommendations: str
    status: str  # services.supervision.records.STATUSES
    late: bool  # sent, unanswered for over ANSWER_DAYS on the day asked


def _filtered(filters: SupervisionFilter):
    q = (S.select(S.id).join(Team).join(Area)
         .where(S.deleted_at.is_null() & Team.deleted_at.is_null()))
    for token in search_tokens(filters.query):
        q = q.where(folded_contains(S.search_text, token) | folded_contains(Area.name_folded, token))
    if filters.year is not None:
        q = q.where((S.start_date >= dt.date(filters.year, 1, 1)) & (S.start_date <= dt.date(filters.year, 12, 31)))
    if filters.team_id is not None:
        q = q.where(S.team == filters.team_id)
    if filters.area_id is not None:
        q = q.where(Team.area == filters.area_id)
    if filters.kind:
        q = q.where(S.kind == filters.kind)
    if filters.status == "not_sent":
        q = q.where(S.sent_on.is_null())
    elif filters.status == "waiting":
        q = q.where(S.sent_on.is_null(False) & S.answered_on.is_null())
    elif filters.status == "answered":
        q = q.where(S.answered_on.is_null(False))
    elif filters.status == "acted":
        q = q.where(S.answered_on.is_null(False) & S.acted_on.in_(ACTED))
    return q


def supervision_ids(filters: SupervisionFilter, sort: str | None = None, descending: bool = False) -> list[int]:
    """Ids of the activities matching *filters* (the search also finds the
    area's name), newest first when *sort* is None, else by the column
    (start_date, team, kind, subject, participant_count, sent_on,
    answered_on), the newest first among equals."""
    q = _filtered(filters)
    if sort is None:
        order = [S.start_date.desc()]
    else:
        column = _SORTS.get(sort, S.start_date)
        order = [column.desc() if descending else column, S.start_date.desc()]
    return [r[0] for r in q.order_by(*order, S.id.desc()).tuples()]


def supervision_rows(ids: list[int], on: dt.date | None = None) -> list[SupervisionRow]:
    """The rows of *ids*; "late" as on *on* (today)."""
    if not ids:
        return []
    on = on or dt.date.today()
    query = (S.select(S.id, S.start_date, S.end_date, Team.name, S.kind, S.form, S.subject, S.participant_count,
                      S.sent_to, S.sent_on, S.answered_on, S.acted_on, S.recommendations)
             .join(Team).where(S.id.in_(ids)).tuples())
    return [SupervisionRow(*row[:12], row[12] or "", status_of(row[9], row[10], row[11]),
                           is_late(row[9], row[10], on)) for row in query]


__all__ = ["STATUS_FILTERS", "SupervisionFilter", "SupervisionRow", "supervision_ids", "supervision_rows"]
