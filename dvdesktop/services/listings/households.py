"""The households list (Hộ khó khăn): poor and struggling households, the
help each got in a year, the year it left poverty."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from ...store.models import Area, Household, HouseholdSupport
from ...vn import fold, name_sort_key
from . import search_tokens

STATES = ("still", "left")  # HouseholdFilter.state besides None (all)


@dataclass(frozen=True)
class HouseholdFilter:
    query: str = ""
    year: int | None = None  # for state: "still in difficulty" / "left poverty" in that year
    situation: str | None = None
    area_id: int | None = None
    state: str | None = None  # None / "still" (not out of poverty by year) / "left" (left in year)


@dataclass
class HouseholdRow:
    id: int
    head_name: str
    area_name: str
    situation: str  # code (vocab.HOUSEHOLD_SITUATIONS)
    members: int | None
    since_year: int | None
    left_poverty_year: int | None
    help_count: int  # help given in the year asked
    help_value: int  # đồng, in the year asked


def household_ids(filters: HouseholdFilter, sort: str | None = None, descending: bool = False) -> list[int]:
    """Ids of the households matching *filters*, by the head's name
    (Vietnamese order) or by area, situation, members, since_year,
    left_poverty_year (then the name; empty values last)."""
    year = filters.year or dt.date.today().year
    q = (Household.select(Household.id, Household.head_name, Area.name_sort, Household.situation,
                          Household.members, Household.since_year, Household.left_poverty_year)
         .join(Area).where(Household.deleted_at.is_null()))
    if filters.situation:
        q = q.where(Household.situation == filters.situation)
    if filters.area_id is not None:
        q = q.where(Household.area == filters.area_id)
    if filters.state == "still":
        q = q.where(Household.left_poverty_year.is_null() | (Household.left_poverty_year > year))
    elif filters.state == "left":
        q = q.where(Household.left_poverty_year == year)
    rows = list(q.tuples())
    tokens = search_tokens(filters.query)
    if tokens:  # hundreds of households in a commune: folded in Python
        rows = [r for r in rows if all(t in fold(r[1]) for t in tokens)]
    index = {"area": 2, "situation": 3, "members": 4, "since_year": 5, "left_poverty_year": 6}.get(sort)
    if index is None:
        rows.sort(key=lambda r: name_sort_key(r[1]), reverse=descending)
    else:
        rows.sort(key=lambda r: (r[index] is None, r[index] if r[index] is not None else 0
                                 if index != 2 else "", name_sort_key(r[1])), reverse=descending)
    return [r[0] for r in rows]


def household_rows(ids: list[int], year: int | None = None) -> list[HouseholdRow]:
    """The rows of *ids* with the help given in *year* (this year by default)."""
    year = year or dt.date.today().year
    if not ids:
        return []
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    help_ = {hid: (n, value) for hid, n, value in
             HouseholdSupport.select(HouseholdSupport.household, pw.fn.COUNT(HouseholdSupport.id),
                                     pw.fn.COALESCE(pw.fn.SUM(HouseholdSupport.value), 0))
             .where(HouseholdSupport.household.in_(ids) & (HouseholdSupport.given_on >= start)
                    & (HouseholdSupport.given_on <= end))
             .group_by(HouseholdSupport.household).tuples()}
    query = (Household.select(Household.id, Household.head_name, Area.name, Household.situation, Household.members,
                              Household.since_year, Household.left_poverty_year)
             .join(Area).where(Household.id.in_(ids)).tuples())
    result = []
    for row in query:
        n, value = help_.get(row[0], (0, 0))
        result.append(HouseholdRow(*row, help_count=int(n), help_value=int(value or 0)))
    return result


@dataclass
class SupportLine:
    id: int
    given_on: dt.date
    kind: str
    given_by: str
    value: int  # đồng


def support_lines(household_id: int) -> list[SupportLine]:
    """The help a household got, the latest first."""
    rows = (HouseholdSupport.select(HouseholdSupport.id, HouseholdSupport.given_on, HouseholdSupport.kind,
                                    HouseholdSupport.given_by, HouseholdSupport.value)
            .where(HouseholdSupport.household == household_id)
            .order_by(HouseholdSupport.given_on.desc(), HouseholdSupport.id.desc()).tuples())
    return [SupportLine(*row) for row in rows]


def support_total(household_id: int) -> tuple[int, int]:
    """(times helped, value in đồng) over every year."""
    values = [v for (v,) in HouseholdSupport.select(HouseholdSupport.value)
              .where(HouseholdSupport.household == household_id).tuples()]
    return len(values), sum(values)


__all__ = ["HouseholdFilter", "HouseholdRow", "SupportLine", "household_ids", "household_rows", "support_lines",
           "support_total"]
