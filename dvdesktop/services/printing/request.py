"""What a print asks for: the options of `dvdesktop print` and of the GUI's
print buttons, handed to a kind's data function (catalog.PrintableKind.data)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..settings import Organisation


@dataclass
class PrintRequest:
    org: Organisation
    id: int | None = None  # the meeting, outreach session or mediation case
    team: int | None = None  # None: the whole commune
    year: int | None = None  # None: this year
    area: int | None = None  # None: the whole commune
    on: dt.date | None = None  # the day a member list or a kiện toàn decision is made for (None: today)
    show_names: bool = False  # residents' names in the concerns register
    decision_kind: str = "thanh_lap"  # or "kien_toan"
