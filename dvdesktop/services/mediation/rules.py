"""The rules of grassroots mediation a clerk is reminded of (Luật Hòa giải ở
cơ sở 2013, Nghị định 15/2014): the start deadline, the mediation group's
team's composition (see .team), a case's state on a given day,
and masking the parties' names. No Qt here."""
from __future__ import annotations

import datetime as dt
import re

from ...store.models import MediationCase
from ...vn import clean_line, fold

# Mediation must start within this many days of the assignment of mediators
# (calendar days, counted from the day after assigned_on).
START_WITHIN_DAYS = 3
# deadline_state() says "due" from this many days before the deadline.
DUE_SOON_DAYS = 1

# A tổ hòa giải (the team of an area, not the mediators of one case): at least
# this many mediators, at least one a woman, and in areas with ethnic minorities
# at least one mediator of a minority (services.mediation.team).
MIN_MEDIATORS = 3

MAJORITY_ETHNICITY = "Kinh"

DEADLINE_OK = "ok"
DEADLINE_DUE = "due"
DEADLINE_MISSED = "missed"
DEADLINE_STARTED = "started"


def as_id(value) -> int | None:
    value = getattr(value, "id", value)
    return int(value) if value not in (None, "") else None


# --- the start deadline --------------------------------------------------------


def start_deadline(case) -> dt.date | None:
    """The last day mediation may start: the assignment day + START_WITHIN_DAYS."""
    assigned = getattr(case, "assigned_on", None)
    return assigned + dt.timedelta(days=START_WITHIN_DAYS) if assigned else None


def _started(case) -> bool:
    return bool(getattr(case, "started_on", None)) or (getattr(case, "outcome", "dang") or "dang") != "dang"


def deadline_state(case, today: dt.date | None = None) -> str:
    """"started" once mediation has started (or the case is closed);
    otherwise "missed" after the deadline, "due" on the deadline or within
    DUE_SOON_DAYS before it, "ok" before that or when nobody is assigned yet."""
    if _started(case):
        return DEADLINE_STARTED
    deadline = start_deadline(case)
    if deadline is None:
        return DEADLINE_OK
    today = today or dt.date.today()
    if today > deadline:
        return DEADLINE_MISSED
    if (deadline - today).days <= DUE_SOON_DAYS:
        return DEADLINE_DUE
    return DEADLINE_OK


def started_late(case) -> bool:
    """Mediation started, but after the deadline (for the notes of a report)."""
    deadline, started = start_deadline(case), getattr(case, "started_on", None)
    return bool(deadline and started and started > deadline)


def status_on(case: MediationCase, session_days: list[dt.date], as_of: dt.date | None) -> tuple[str, bool]:
    """(outcome, started) as they stood on *as_of* (None: as now)."""
    if as_of is None:
        return case.outcome, bool(case.started_on or session_days or case.outcome != "dang")
    closed = case.outcome != "dang" and case.closed_on is not None and case.closed_on <= as_of
    outcome = case.outcome if closed else "dang"
    started = closed or bool(case.started_on and case.started_on <= as_of) or any(d <= as_of for d in session_days)
    return outcome, started


# --- the mediation team's composition (checked in .team) ---------------------------


def is_minority_area(area) -> bool:
    """An area whose recorded ethnic groups include any group other than Kinh."""
    groups = area if isinstance(area, str) else getattr(area, "ethnic_groups", "") or ""
    return any(fold(g) not in {"", fold(MAJORITY_ETHNICITY)} for g in re.split(r"[,;/\n]|\bvà\b", groups))


# --- confidentiality -----------------------------------------------------------


def mask_name(name: str | None) -> str:
    """'Nguyễn Văn An' → 'N*** V** A*': each word's first letter, then at most
    three stars (so the length of the name does not show)."""
    words = (clean_line(name) or "").split()
    return " ".join(w[0] + "*" * min(len(w) - 1, 3) for w in words)
