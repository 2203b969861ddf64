"""The parts of a mediation case as plain data (what the case form and the
printed record read): parties, mediators, sessions, and the team members a
mediator is chosen from."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...store.models import MediationMediator, MediationParty, MediationSession, Person


@dataclass(frozen=True)
class PartyData:
    id: int
    side: str
    name: str
    gender: str
    birth_year: int | None
    address: str
    phone: str
    demands: str

    @classmethod
    def of(cls, p: MediationParty) -> PartyData:
        return cls(p.id, p.side, p.name, p.gender, p.birth_year, p.address, p.phone, p.demands)


@dataclass(frozen=True)
class MediatorData:
    id: int
    person_id: int | None
    name: str
    gender: str
    is_lead: bool

    @classmethod
    def of(cls, m: MediationMediator) -> MediatorData:
        return cls(m.id, m.person_id, m.name, m.gender, bool(m.is_lead))


@dataclass(frozen=True)
class SessionData:
    id: int
    held_on: dt.date
    place: str
    attendees: str
    content: str
    start_time: str = ""  # "08:30"
    end_time: str = ""

    @classmethod
    def of(cls, s: MediationSession) -> SessionData:
        return cls(s.id, s.held_on, s.place, s.attendees, s.content, s.start_time or "", s.end_time or "")


@dataclass(frozen=True)
class Candidate:
    """A person who may be chosen as a mediator."""

    id: int
    full_name: str
    gender: str

    @classmethod
    def of(cls, p: Person) -> Candidate:
        return cls(p.id, p.full_name, p.gender)
