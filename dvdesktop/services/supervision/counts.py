"""Counts of supervision activities for the overview and the printed list:
the counting rule is services.reports.counting.supervision (shared with
`dvdesktop stats` and the reports); this gives its answer a name per number."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class SupervisionCounts:
    activities: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # every code of vocab.SUPERVISION_KINDS, in its order
    sent: int = 0  # recommendations sent to an authority
    waiting: int = 0  # sent, not answered yet
    answered: int = 0
    acted_on: int = 0  # answered and carried out, fully or partly
    late: int = 0  # waiting for over ANSWER_DAYS on the day asked


def supervision_counts(year: int | None = None, on: dt.date | None = None,
                       commune_code: str | None = None) -> SupervisionCounts:
    """Activities started in *year* (all when None) of every team not in the
    trash (of one commune when given); activities in the trash are never
    counted. "late" is read on *on* (today), whatever the year."""
    from ..reports import counting

    on = on or dt.date.today()
    start, end = (None, None) if year is None else (dt.date(year, 1, 1), dt.date(year, 12, 31))
    scope = counting.Scope(start, end, on, commune_code or None)
    activities, sent, waiting, answered, acted, late, *kinds = counting.supervision(scope)[counting.TOTAL]
    return SupervisionCounts(activities=activities, sent=sent, waiting=waiting, answered=answered, acted_on=acted,
                             late=late, by_kind=dict(zip(counting.SUPERVISION_KINDS, kinds)))
