"""The concerns list (Ý kiến, kiến nghị): the year's concerns, newest first,
or every overdue one; overdue as services.concerns.is_overdue says."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from ...store.models import Area, Concern
from ..concerns import RESOLVED, is_overdue, overdue_condition, received_in, resolved_condition
from .. import access
from . import folded_contains, search_tokens

_SORTS = {"received_on": Concern.received_on, "raised_by": Concern.raised_by, "area": Area.name_sort,
          "field": Concern.field, "status": Concern.status, "due_date": Concern.due_date}


@dataclass(frozen=True)
class ConcernFilter:
    query: str = ""
    year: int | None = None
    status: str | None = None  # a status code, "open" (not resolved) or "overdue" (of the year, any when None)
    field: str | None = None
    area_id: int | None = None
    team_id: int | None = None
    month: int | None = None  # 1..12: received in that month of the year (a bar of the overview's chart)
    timeliness: str | None = None  # services.overview_charts.TIMELINESS: how the answer came, read on the day


@dataclass
class ConcernRow:
    id: int
    received_on: dt.date
    anonymous: bool
    raised_by: str
    area_name: str
    field: str
    content: str
    status: str  # code (vocab.CONCERN_STATUSES)
    due_date: dt.date | None
    overdue: bool  # on the day asked

    @property
    def resolved(self) -> bool:
        return self.status == RESOLVED


def concern_ids(filters: ConcernFilter, sort: str | None = None, descending: bool = False,
                on: dt.date | None = None) -> list[int]:
    """Ids of the concerns matching *filters* (the search also finds the
    area's name); "overdue" is read on *on*. Newest first when *sort* is None,
    else by the column, the newest first among equals."""
    on = on or dt.date.today()
    q = (Concern.select(Concern.id).join(Area, pw.JOIN.LEFT_OUTER, on=(Concern.area == Area.id))
         .where(Concern.deleted_at.is_null()))
    for token in search_tokens(filters.query):
        q = q.where(folded_contains(Concern.search_text, token) | folded_contains(Area.name_folded, token))
    if filters.status == "overdue":
        # overdue on *on*, of the year chosen (any year when none), as the overview counts them
        q = q.where(overdue_condition(on))
        if filters.year is not None:
            q = q.where(received_in(filters.year))
    else:
        if filters.year is not None:
            q = q.where((Concern.received_on >= dt.date(filters.year, 1, 1))
                        & (Concern.received_on <= dt.date(filters.year, 12, 31)))
            if filters.month:
                first = dt.date(filters.year, filters.month, 1)
                after = dt.date(filters.year + filters.month // 12, filters.month % 12 + 1, 1)
                q = q.where((Concern.received_on >= first) & (Concern.received_on < after))
        if filters.timeliness:
            from ..overview_charts import timeliness_condition

            q = q.where(timeliness_condition(filters.timeliness, on))
        if filters.month or filters.timeliness:
            # the list behind a chart's bar counts as the chart does (stats.py): not a deleted team's concerns
            from ...store.models import Team

            q = q.where(Concern.team.is_null() | Concern.team.in_(Team.select(Team.id).where(Team.deleted_at.is_null())))
        if filters.status == "open":
            q = q.where(~resolved_condition())
        elif filters.status == RESOLVED:
            q = q.where(resolved_condition())
        elif filters.status:
            q = q.where(Concern.status == filters.status)
    if filters.field:
        q = q.where(Concern.field == filters.field)
    if filters.area_id is not None:
        q = q.where(Concern.area == filters.area_id)
    if filters.team_id is not None:
        q = q.where(Concern.team == filters.team_id)
    if sort is None:
        order = [Concern.received_on.desc()]
    else:
        column = _SORTS.get(sort, Concern.received_on)
        order = [column.desc() if descending else column, Concern.received_on.desc()]
    tokens = search_tokens(filters.query)
    if tokens and not access.may_see_confidential():
        # search_text holds who raised it: without the permission a name must not find its concerns
        from ...vn import fold

        q = q.select_extend(Concern.content, Concern.forwarded_to, Concern.field, Area.name_folded)
        rows = q.order_by(*order, Concern.id.desc()).tuples()
        return [r[0] for r in rows
                if all(t in " ".join((fold(r[1] or ""), fold(r[2] or ""), fold(r[3] or ""), r[4] or "")) for t in tokens)]
    return [r[0] for r in q.order_by(*order, Concern.id.desc()).tuples()]


def concern_rows(ids: list[int], on: dt.date | None = None) -> list[ConcernRow]:
    """The rows of *ids*, overdue as on *on*."""
    on = on or dt.date.today()
    if not ids:
        return []
    query = Concern.select(Concern, Area).join(Area, pw.JOIN.LEFT_OUTER).where(Concern.id.in_(ids))
    names = access.may_see_confidential()  # who raised a concern is confidential (services/access.py)
    return [ConcernRow(c.id, c.received_on, bool(c.anonymous), (c.raised_by or "") if names else "", c.area.name if c.area_id else "",
                       c.field, c.content or "", c.status, c.due_date, is_overdue(c, on))
            for c in query]


__all__ = ["ConcernFilter", "ConcernRow", "concern_ids", "concern_rows"]
