"""Choices for the combo boxes of the forms and filters: (code, label) pairs
in Vietnamese order."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...store.models import Area, Meeting, Person, Team
from ...vn import sort_key


def area_choices() -> list[tuple[int, str]]:
    """Areas not deleted, 'Thôn Nà Khoang' style, by name."""
    rows = (Area.select(Area.id, Area.name, Area.kind).where(Area.deleted_at.is_null())
            .order_by(Area.name_sort).tuples())
    return [(aid, f"{kind.capitalize()} {name}" if kind else name) for aid, name, kind in rows]


def team_choices() -> list[tuple[int, str]]:
    """Teams not deleted, by the name of their area."""
    rows = (Team.select(Team.id, Team.name).join(Area).where(Team.deleted_at.is_null())
            .order_by(Area.name_sort).tuples())
    return list(rows)


def ethnicity_choices() -> list[tuple[str, str]]:
    """The ethnic groups of the people in the register."""
    rows = (Person.select(Person.ethnicity).where(Person.deleted_at.is_null() & (Person.ethnicity != ""))
            .distinct().tuples())
    names = sorted((r[0] for r in rows), key=sort_key)
    return [(n, n) for n in names]


@dataclass
class MeetingChoice:
    id: int
    starts_at: dt.datetime
    kind: str  # code (vocab.MEETING_KINDS)
    number: str


def team_meetings(team_id: int | None, limit: int = 60) -> list[MeetingChoice]:
    """The team's latest meetings (not deleted), newest first."""
    if team_id is None:
        return []
    rows = (Meeting.select(Meeting.id, Meeting.starts_at, Meeting.kind, Meeting.number)
            .where((Meeting.team == team_id) & Meeting.deleted_at.is_null())
            .order_by(Meeting.starts_at.desc()).limit(limit).tuples())
    return [MeetingChoice(mid, dt.datetime.fromisoformat(starts) if isinstance(starts, str) else starts, kind,
                          number or "") for mid, starts, kind, number in rows]


def person_name(person_id: int | None) -> str | None:
    """A person's full name (deleted people too), None if there is no such person."""
    if person_id is None:
        return None
    row = Person.select(Person.full_name).where(Person.id == person_id).tuples().first()
    return row[0] if row else None


__all__ = ["MeetingChoice", "area_choices", "ethnicity_choices", "person_name", "team_choices", "team_meetings"]
