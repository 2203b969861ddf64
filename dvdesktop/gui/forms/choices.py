"""Choices for combo boxes read from the database (areas, teams)."""
from __future__ import annotations


def area_choices() -> list[tuple[int, str]]:
    from ...store.models import Area

    rows = (Area.select(Area.id, Area.name, Area.kind).where(Area.deleted_at.is_null())
            .order_by(Area.name_sort).tuples())
    return [(aid, f"{kind.capitalize()} {name}" if kind else name) for aid, name, kind in rows]


def team_choices() -> list[tuple[int, str]]:
    from ...store.models import Area, Team

    rows = (Team.select(Team.id, Team.name).join(Area).where(Team.deleted_at.is_null())
            .order_by(Area.name_sort).tuples())
    return list(rows)


def ethnicity_choices() -> list[tuple[str, str]]:
    from ...store.models import Person

    rows = (Person.select(Person.ethnicity).where(Person.deleted_at.is_null() & (Person.ethnicity != ""))
            .distinct().tuples())
    from ...vn import sort_key

    names = sorted((r[0] for r in rows), key=sort_key)
    return [(n, n) for n in names]
