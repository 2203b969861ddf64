"""The mediation case list (Hòa giải): the year's cases, newest first,
filtered by area, outcome and start deadline in SQL; parties' names masked
for confidential cases unless the organisation setting allows them.

`case_ids()` reads one light tuple per case (no parties, no sessions), so a
province year (thousands of cases) lists at once; the search, which also
looks at mediators' and (when shown) parties' names, reads those names as
plain tuples of the cases that passed the other filters. `case_rows()` builds
the rows of one block of ids.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from ...store.models import Area, MediationCase, MediationMediator, MediationParty
from ...vn import fold, sort_key
from .. import access
from ..core import vocab
from ..mediation.rules import (
    DEADLINE_DUE, DEADLINE_MISSED, DEADLINE_OK, DEADLINE_STARTED, DUE_SOON_DAYS, START_WITHIN_DAYS,
    deadline_state, mask_name, start_deadline,
)
from . import search_tokens

_SCOPE_LABELS = dict(vocab.MEDIATION_SCOPES)
_OUTCOME_LABELS = dict(vocab.MEDIATION_OUTCOMES)
_FAR = dt.date(9999, 12, 31)


@dataclass
class CaseRow:
    """One line of the case list; party names masked unless allowed."""

    id: int
    version: int
    number: str
    received_on: dt.date
    area_name: str
    scope: str  # label
    kind: str
    parties: str  # "N*** V** A* – T*** T** B*"
    mediators: str
    outcome: str  # code
    outcome_label: str
    deadline: dt.date | None
    deadline_state: str  # ok / due / missed / started: "missed" is shown in red
    confidential: bool
    names_masked: bool


@dataclass(frozen=True)
class MediationFilter:
    query: str = ""
    year: int | None = None
    area_id: int | None = None
    outcome: str | None = None  # a code of vocab.MEDIATION_OUTCOMES
    deadline: str | None = None  # DEADLINE_MISSED / _DUE / _OK / _STARTED
    show_names: bool = False  # parties' names of confidential cases searchable (and shown)


def _not_started():
    return MediationCase.started_on.is_null() & (MediationCase.outcome == "dang")


def _deadline_where(state: str, today: dt.date):
    """services.mediation.deadline_state in SQL: the deadline is assigned_on +
    START_WITHIN_DAYS, missed once today is past it, due from DUE_SOON_DAYS
    before it."""
    missed_before = today - dt.timedelta(days=START_WITHIN_DAYS)  # assigned before this: missed
    due_from = today - dt.timedelta(days=START_WITHIN_DAYS)
    due_to = today - dt.timedelta(days=START_WITHIN_DAYS - DUE_SOON_DAYS)
    if state == DEADLINE_STARTED:
        return ~_not_started()
    if state == DEADLINE_MISSED:
        return _not_started() & (MediationCase.assigned_on < missed_before)
    if state == DEADLINE_DUE:
        return _not_started() & MediationCase.assigned_on.between(due_from, due_to)
    if state == DEADLINE_OK:
        return _not_started() & (MediationCase.assigned_on.is_null() | (MediationCase.assigned_on > due_to))
    raise ValueError(state)


def _names_by_case(model, case_query) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for case_id, name in model.select(model.case, model.name).where(model.case.in_(case_query)).tuples():
        out.setdefault(case_id, []).append(name)
    return out


def case_ids(filters: MediationFilter, sort: str | None = None, descending: bool = False,
             today: dt.date | None = None) -> list[int]:
    """Ids of the cases matching *filters*, newest first when *sort* is None
    (or "received_on" descending), else by the column, then by the day received."""
    today = today or dt.date.today()
    where = MediationCase.deleted_at.is_null()
    if filters.year is not None:
        where &= MediationCase.received_on.between(dt.date(filters.year, 1, 1), dt.date(filters.year, 12, 31))
    if filters.area_id is not None:
        where &= MediationCase.area == filters.area_id
    if filters.outcome:
        where &= MediationCase.outcome == filters.outcome
    if filters.deadline:
        where &= _deadline_where(filters.deadline, today)
    query = (MediationCase
             .select(MediationCase.id, MediationCase.received_on, MediationCase.number, Area.name, MediationCase.scope,
                     MediationCase.kind, MediationCase.outcome, MediationCase.assigned_on, MediationCase.confidential)
             .join(Area, pw.JOIN.LEFT_OUTER, on=(MediationCase.area == Area.id))
             .where(where))
    rows = list(query.tuples())
    tokens = search_tokens(filters.query)
    if tokens and rows:
        ids_query = MediationCase.select(MediationCase.id).where(where)
        mediators = _names_by_case(MediationMediator, ids_query)
        parties = _names_by_case(MediationParty, ids_query)
        folded: dict[str, str] = {}  # the same names, areas and kinds come back case after case

        def f(text: str | None) -> str:
            text = text or ""
            if text not in folded:
                folded[text] = fold(text)
            return folded[text]

        kept = []
        for r in rows:
            cid, _received, number, area, scope, kind, outcome, _assigned, confidential = r
            words = [number, area, _SCOPE_LABELS.get(scope, scope), kind, _OUTCOME_LABELS.get(outcome, outcome),
                     *mediators.get(cid, ())]
            if (filters.show_names and access.may_see_confidential()) or not confidential:
                words += parties.get(cid, ())
            text = " ".join(f(w) for w in words)
            if all(t in text for t in tokens):
                kept.append(r)
        rows = kept
    keys = {
        "number": lambda r: sort_key(r[2] or ""),
        "area": lambda r: sort_key(r[3] or ""),
        "scope": lambda r: r[4],
        "kind": lambda r: sort_key(r[5] or ""),
        "deadline": lambda r: (r[7] + dt.timedelta(days=START_WITHIN_DAYS)) if r[7] else _FAR,
        "outcome": lambda r: _OUTCOME_LABELS.get(r[6], r[6]),
    }
    if sort in keys:
        key = keys[sort]
        rows.sort(key=lambda r: (key(r), r[1], r[0]), reverse=descending)
    else:  # received, newest first unless asked otherwise
        rows.sort(key=lambda r: (r[1], r[0]), reverse=not (sort == "received_on" and not descending))
    return [r[0] for r in rows]


def case_rows(ids: list[int], show_names: bool = False, today: dt.date | None = None) -> list[CaseRow]:
    """The list rows of *ids*; party names of a confidential case masked unless
    *show_names* (the organisation setting show_confidential_names); addresses
    and phones never appear."""
    if not ids:
        return []
    cases = list(MediationCase.select().where(MediationCase.id.in_(ids)))
    area_ids = {c.area_id for c in cases if c.area_id}
    areas = dict(Area.select(Area.id, Area.name).where(Area.id.in_(area_ids)).tuples()) if area_ids else {}
    parties: dict[int, list[str]] = {}
    for case_id, name in (MediationParty.select(MediationParty.case, MediationParty.name)
                          .where(MediationParty.case.in_(ids))
                          .order_by(MediationParty.side, MediationParty.id).tuples()):
        parties.setdefault(case_id, []).append(name)
    mediators: dict[int, list[str]] = {}
    for case_id, name in (MediationMediator.select(MediationMediator.case, MediationMediator.name)
                          .where(MediationMediator.case.in_(ids))
                          .order_by(MediationMediator.is_lead.desc(), MediationMediator.id).tuples()):
        mediators.setdefault(case_id, []).append(name)
    rows = []
    for c in cases:
        masked = bool(c.confidential) and not (show_names and access.may_see_confidential())
        names = [mask_name(n) if masked else n for n in parties.get(c.id, ())]
        rows.append(CaseRow(
            id=c.id, version=c.version, number=c.number, received_on=c.received_on,
            area_name=areas.get(c.area_id, ""), scope=_SCOPE_LABELS.get(c.scope, c.scope), kind=c.kind,
            parties=" – ".join(names), mediators=", ".join(mediators.get(c.id, ())),
            outcome=c.outcome, outcome_label=_OUTCOME_LABELS.get(c.outcome, c.outcome),
            deadline=start_deadline(c), deadline_state=deadline_state(c, today),
            confidential=bool(c.confidential), names_masked=masked,
        ))
    return rows


__all__ = ["MediationFilter", "case_ids", "case_rows"]
