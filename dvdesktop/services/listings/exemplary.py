"""The "Dân vận khéo" models list: the models of a year."""
from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from ...store.models import ExemplaryModel, Team
from ...vn import fold, sort_key as vn_key
from . import search_tokens


@dataclass(frozen=True)
class ModelFilter:
    query: str = ""
    year: int | None = None
    field: str | None = None
    level: str | None = None  # "" is "not yet recognised"; None is every level
    team_id: int | None = None


@dataclass
class ModelRow:
    id: int
    name: str
    field: str
    team_name: str | None  # None: a commune-level model
    level: str  # "" when not yet recognised
    results: str
    description: str


def model_ids(filters: ModelFilter, sort: str | None = None, descending: bool = False) -> list[int]:
    """Ids of the models matching *filters* (the search reads the name, the
    team and the description), by name or by field, team or level (then the
    name), in Vietnamese order."""
    q = (ExemplaryModel.select(ExemplaryModel.id, ExemplaryModel.name, ExemplaryModel.field, Team.name,
                               ExemplaryModel.level, ExemplaryModel.description)
         .join(Team, pw.JOIN.LEFT_OUTER, on=(ExemplaryModel.team == Team.id))
         .where(ExemplaryModel.deleted_at.is_null()))
    if filters.year is not None:
        q = q.where(ExemplaryModel.year == filters.year)
    if filters.field:
        q = q.where(ExemplaryModel.field == filters.field)
    if filters.level is not None:
        q = q.where(ExemplaryModel.level == filters.level)
    if filters.team_id is not None:
        q = q.where(ExemplaryModel.team == filters.team_id)
    rows = list(q.tuples())
    tokens = search_tokens(filters.query)
    if tokens:  # tens of models a year: folded in Python
        rows = [r for r in rows if all(t in fold(f"{r[1]} {r[3] or ''} {r[5]}") for t in tokens)]
    index = {"field": 2, "team": 3, "level": 4}.get(sort, 1)
    rows.sort(key=lambda r: (vn_key(r[index] or ""), vn_key(r[1])), reverse=descending)
    return [r[0] for r in rows]


def model_rows(ids: list[int]) -> list[ModelRow]:
    if not ids:
        return []
    q = (ExemplaryModel.select(ExemplaryModel.id, ExemplaryModel.name, ExemplaryModel.field, Team.name,
                               ExemplaryModel.level, ExemplaryModel.results, ExemplaryModel.description)
         .join(Team, pw.JOIN.LEFT_OUTER, on=(ExemplaryModel.team == Team.id))
         .where(ExemplaryModel.id.in_(ids)).tuples())
    return [ModelRow(mid, name, field, team, level or "", results or "", description or "")
            for mid, name, field, team, level, results, description in q]


__all__ = ["ModelFilter", "ModelRow", "model_ids", "model_rows"]
