"""The rules of grassroots mediation a clerk is reminded of (Luật Hòa giải ở
cơ sở 2013, Nghị định 15/2014): the start deadline, the mediation group's
composition (areas with ethnic minorities), a case's state on a given day,
and masking the parties' names. No Qt here."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ...store.models import Area, MediationCase, Person
from ...vn import clean_line, fold

# Mediation must start within this many days of the assignment of mediators
# (calendar days, counted from the day after assigned_on).
START_WITHIN_DAYS = 3
# deadline_state() says "due" from this many days before the deadline.
DUE_SOON_DAYS = 1

# A mediation group: at least this many mediators, at least one a woman, and
# in areas with ethnic minorities at least one mediator of a minority.
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


# --- the mediation group's composition -------------------------------------------


def is_minority_area(area) -> bool:
    """An area whose recorded ethnic groups include any group other than Kinh."""
    groups = area if isinstance(area, str) else getattr(area, "ethnic_groups", "") or ""
    return any(fold(g) not in {"", fold(MAJORITY_ETHNICITY)} for g in re.split(r"[,;/\n]|\bvà\b", groups))


def _mediator_facts(mediators: Sequence) -> list[tuple[str, str | None]]:
    """(gender, ethnicity or None when unknown) of each mediator, from the
    mediator row or dict, falling back on the linked person."""
    facts = []
    person_ids = [as_id(m.get("person") if isinstance(m, dict) else getattr(m, "person_id", None)) for m in mediators]
    people = {p.id: p for p in Person.select().where(Person.id.in_([i for i in person_ids if i]))} if any(person_ids) else {}
    for m, pid in zip(mediators, person_ids):
        get = m.get if isinstance(m, dict) else (lambda k, _m=m: getattr(_m, k, None))
        person = people.get(pid)
        gender = get("gender") or (person.gender if person else "") or ""
        ethnicity = get("ethnicity") or (person.ethnicity if person else None)
        facts.append((gender, ethnicity))
    return facts


def composition_warnings(case_or_mediators, area=None, *, minority_area: bool | None = None) -> list[str]:
    """Warnings (not errors) about a mediation group: fewer than MIN_MEDIATORS,
    no woman, and in an area with ethnic minorities no minority mediator.

    *case_or_mediators*: a case id (its mediators and, when *area* is None, its
    area are read) or a list of MediationMediator rows / dicts with name,
    gender, person and optionally ethnicity. *area*: an Area, its id, or None.
    *minority_area* overrides what the area's ethnic groups say.
    """
    if isinstance(case_or_mediators, (int, MediationCase)):
        case = MediationCase.get_by_id(as_id(case_or_mediators))
        mediators = list(case.mediators)
        if area is None:
            area = case.area_id
    else:
        mediators = list(case_or_mediators)
    if isinstance(area, int):
        area = Area.get_or_none(Area.id == area)
    warnings = []
    facts = _mediator_facts(mediators)
    if len(mediators) < MIN_MEDIATORS:
        if mediators:
            warnings.append(
                f"Nhóm hòa giải mới có {len(mediators)} hòa giải viên; "
                f"Luật Hòa giải ở cơ sở yêu cầu ít nhất {MIN_MEDIATORS} người."
            )
        else:
            warnings.append(f"Chưa có hòa giải viên nào; cần ít nhất {MIN_MEDIATORS} người.")
    if mediators and not any(gender == "nữ" for gender, _ in facts):
        warnings.append("Nhóm hòa giải chưa có hòa giải viên nữ; cần ít nhất một người là nữ.")
    minority = is_minority_area(area) if minority_area is None and area is not None else bool(minority_area)
    if minority and not any(e and fold(e) != fold(MAJORITY_ETHNICITY) for _, e in facts):
        warnings.append(
            "Địa bàn có đồng bào dân tộc thiểu số nhưng nhóm hòa giải chưa có hòa giải viên "
            "là người dân tộc thiểu số."
        )
    return warnings


# --- confidentiality -----------------------------------------------------------


def mask_name(name: str | None) -> str:
    """'Nguyễn Văn An' → 'N*** V** A*': each word's first letter, then at most
    three stars (so the length of the name does not show)."""
    words = (clean_line(name) or "").split()
    return " ".join(w[0] + "*" * min(len(w) - 1, 3) for w in words)
