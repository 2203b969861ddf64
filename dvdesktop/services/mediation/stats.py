"""Statistics of mediation cases as on the commune's reporting form: by
scope and by result, with a row per area. No Qt here."""
from __future__ import annotations

import datetime as dt

from ...store.models import MediationSession
from ...vn import sort_key
from .records import area_names, cases_received, rows_by_case
from .register_data import AreaMediationCounts, MediationStatistics
from .rules import status_on


def statistics(year: int, area_id: int | None = None, as_of: dt.date | None = None) -> MediationStatistics:
    """Cases received in *year* (in one area, or all), by scope and by result
    as on the commune's reporting form, with a row per area (name order, cases
    without an area last).

    Results are the cases' state now, or on *as_of* when given (e.g. the last
    day of the reporting period, so that the figures do not change later).
    "Chưa giải quyết" = received but mediation not started (no start date, no
    session); see mediation_register.STAT_RESULTS.
    """
    cases = cases_received(year, area_id)
    if as_of is not None:
        cases = [c for c in cases if c.received_on <= as_of]
    sessions = rows_by_case(MediationSession, [c.id for c in cases], MediationSession.held_on)
    areas = area_names(cases)
    stats = MediationStatistics(year=year, area_id=area_id, as_of=as_of)
    per_area: dict[int | None, AreaMediationCounts] = {}
    for c in cases:
        outcome, started = status_on(c, [s.held_on for s in sessions[c.id]], as_of)
        done = outcome == "thanh" and bool(c.carried_out) and (
            as_of is None or c.carried_out_on is None or c.carried_out_on <= as_of)
        stats.add(c.scope, outcome, started, done)
        row = per_area.get(c.area_id)
        if row is None:
            row = per_area[c.area_id] = AreaMediationCounts(
                area_id=c.area_id, area_name=areas.get(c.area_id, "Chưa ghi địa bàn"))
        row.add(c.scope, outcome, started, done)
    stats.per_area = sorted(per_area.values(), key=lambda r: (r.area_id is None, sort_key(r.area_name)))
    return stats
