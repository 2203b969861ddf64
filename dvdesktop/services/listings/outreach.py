"""The outreach list (Tuyên truyền, vận động): the year's sessions, newest
first, and the listeners counted over the sessions shown."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from ...store.models import Area, OutreachSession, Team
from . import folded_contains, search_tokens

_SORTS = {"held_on": OutreachSession.held_on, "team": Area.name_sort, "form": OutreachSession.form,
          "topic": OutreachSession.topic, "audience_total": OutreachSession.audience_total,
          "audience_women": OutreachSession.audience_women, "audience_minority": OutreachSession.audience_minority}


@dataclass(frozen=True)
class OutreachFilter:
    query: str = ""
    year: int | None = None
    team_id: int | None = None
    form: str | None = None
    month: int | None = None  # 1..12: only that month of the year (a bar of the overview's chart)


@dataclass
class OutreachRow:
    id: int
    held_on: dt.date
    team_name: str
    form: str
    topic: str
    audience_total: int
    audience_women: int
    audience_minority: int
    presenters: str
    policy: str


@dataclass
class OutreachTotals:
    sessions: int
    audience: int
    women: int
    minority: int


def _filtered(filters: OutreachFilter):
    q = (OutreachSession.select(OutreachSession.id).join(Team).join(Area)
         .where(OutreachSession.deleted_at.is_null() & Team.deleted_at.is_null()))
    for token in search_tokens(filters.query):
        q = q.where(folded_contains(OutreachSession.search_text, token) | folded_contains(Area.name_folded, token))
    if filters.year is not None:
        q = q.where((OutreachSession.held_on >= dt.date(filters.year, 1, 1))
                    & (OutreachSession.held_on <= dt.date(filters.year, 12, 31)))
        if filters.month:
            first = dt.date(filters.year, filters.month, 1)
            after = dt.date(filters.year + filters.month // 12, filters.month % 12 + 1, 1)
            q = q.where((OutreachSession.held_on >= first) & (OutreachSession.held_on < after))
    if filters.team_id is not None:
        q = q.where(OutreachSession.team == filters.team_id)
    if filters.form:
        q = q.where(OutreachSession.form == filters.form)
    return q


def outreach_ids(filters: OutreachFilter, sort: str | None = None, descending: bool = False) -> list[int]:
    """Ids of the sessions matching *filters* (the search also finds the
    area's name), newest first when *sort* is None, else by the column
    (held_on, team, form, topic, audience_total, audience_women,
    audience_minority), the newest first among equals."""
    q = _filtered(filters)
    if sort is None:
        order = [OutreachSession.held_on.desc(), OutreachSession.id.desc()]
    else:
        column = _SORTS.get(sort, OutreachSession.held_on)
        order = [column.desc() if descending else column, OutreachSession.held_on.desc()]
    return [r[0] for r in q.order_by(*order, OutreachSession.id.desc()).tuples()]


def outreach_totals(filters: OutreachFilter) -> OutreachTotals:
    """Sessions and listeners (all, women, ethnic minorities) over the sessions matching *filters*."""
    row = (OutreachSession.select(pw.fn.COUNT(OutreachSession.id),
                                  pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_total), 0),
                                  pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_women), 0),
                                  pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_minority), 0))
           .where(OutreachSession.id.in_(_filtered(filters))).tuples().first())
    return OutreachTotals(*(int(x or 0) for x in row))


def outreach_rows(ids: list[int]) -> list[OutreachRow]:
    if not ids:
        return []
    query = (OutreachSession.select(OutreachSession.id, OutreachSession.held_on, Team.name, OutreachSession.form,
                                    OutreachSession.topic, OutreachSession.audience_total,
                                    OutreachSession.audience_women, OutreachSession.audience_minority,
                                    OutreachSession.presenters, OutreachSession.policy)
             .join(Team).where(OutreachSession.id.in_(ids)).tuples())
    return [OutreachRow(*row) for row in query]


__all__ = ["OutreachFilter", "OutreachRow", "OutreachTotals", "outreach_ids", "outreach_rows", "outreach_totals"]
