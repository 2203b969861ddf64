"""Plain data for grassroots mediation: the *Sổ theo dõi hoạt động hòa giải ở
cơ sở* (Part I entries, Part II summary) and the commune statistics.

Small dataclasses only, no database objects: services.mediation fills them,
the printed register and the reports read them, and tests build them by hand.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core import vocab

# The four results of the commune's reporting form. Every case received falls
# in exactly one, so the four add up to the cases received:
#   thanh            outcome "thanh"
#   khong_thanh      outcome "khong_thanh", "dung" (stopped, e.g. a party
#                    withdrew) or "chuyen" (sent to the competent authority):
#                    mediation ended without a settlement
#   dang_giai_quyet  outcome "dang" and mediation has started (a start date or
#                    a session on or before the reference day)
#   chua_giai_quyet  outcome "dang" and mediation has not started yet
#                    (received, perhaps assigned, but no start date and no session)
STAT_RESULTS: tuple[tuple[str, str], ...] = (
    ("thanh", "Hòa giải thành"),
    ("khong_thanh", "Hòa giải không thành"),
    ("dang_giai_quyet", "Đang giải quyết"),
    ("chua_giai_quyet", "Chưa giải quyết"),
)

# Stored outcomes that count as "không thành" on the reporting form.
NOT_SETTLED = ("khong_thanh", "dung", "chuyen")

# Short result words of a case (the register's notes, the record's list).
REGISTER_RESULTS = {
    "thanh": "Thành",
    "khong_thanh": "Không thành",
    "dung": "Dừng hòa giải",
    "chuyen": "Chuyển cơ quan có thẩm quyền",
    "dang": "Đang hòa giải",
}


def result_category(outcome: str, started: bool) -> str:
    """The reporting-form result (a key of STAT_RESULTS) of one case."""
    if outcome == "thanh":
        return "thanh"
    if outcome in NOT_SETTLED:
        return "khong_thanh"
    return "dang_giai_quyet" if started else "chua_giai_quyet"


def _zero(choices) -> dict[str, int]:
    return {code: 0 for code, _ in choices}


# --- statistics --------------------------------------------------------------


@dataclass
class MediationCounts:
    """Counts of cases received in a period.

    by_scope: dan_su / hon_nhan_gia_dinh / khac; by_result: the four STAT_RESULTS
    keys; by_outcome: the stored outcome codes (dang, thanh, khong_thanh, dung,
    chuyen), for those who want the finer split of "không thành".
    """

    received: int = 0
    by_scope: dict[str, int] = field(default_factory=lambda: _zero(vocab.MEDIATION_SCOPES))
    by_result: dict[str, int] = field(default_factory=lambda: _zero(STAT_RESULTS))
    by_outcome: dict[str, int] = field(default_factory=lambda: _zero(vocab.MEDIATION_OUTCOMES))
    carried_out: int = 0  # settlements ("thành") recorded as carried out

    def add(self, scope: str, outcome: str, started: bool, carried_out: bool = False) -> None:
        self.received += 1
        self.by_scope[scope] = self.by_scope.get(scope, 0) + 1
        category = result_category(outcome, started)
        self.by_result[category] += 1
        self.by_outcome[outcome] = self.by_outcome.get(outcome, 0) + 1
        if carried_out:
            self.carried_out += 1

    @property
    def success_rate(self) -> float | None:
        """Share of "thành" among the cases whose mediation has ended."""
        ended = self.by_result["thanh"] + self.by_result["khong_thanh"]
        return self.by_result["thanh"] / ended if ended else None


@dataclass
class AreaMediationCounts(MediationCounts):
    area_id: int | None = None  # None: cases with no area recorded
    area_name: str = ""


@dataclass
class MediationStatistics(MediationCounts):
    """The year's figures for the commune (or one area), with a row per area."""

    year: int = 0
    area_id: int | None = None
    as_of: dt.date | None = None  # results as they stood on this day; None: as now
    per_area: list[AreaMediationCounts] = field(default_factory=list)


# --- the register, Part I ----------------------------------------------------


@dataclass
class RegisterParty:
    name: str
    age: int | None  # at the date received, from the birth year
    address: str
    side: str  # "Bên thứ nhất" / "Bên thứ hai" / "Người liên quan"
    demands: str = ""

    @property
    def text(self) -> str:
        """'Nguyễn Văn A, 45 tuổi, thôn Nà Khoang'."""
        parts = [self.name]
        if self.age is not None:
            parts.append(f"{self.age} tuổi")
        if self.address:
            parts.append(self.address)
        return ", ".join(parts)


@dataclass
class RegisterEntry:
    """One row of Part I."""

    stt: int
    received_on: dt.date
    mediators: list[str]  # lead mediator first
    invitees: list[str]  # people invited to take part (from the sessions' attendees)
    parties: list[RegisterParty]
    content: str  # main content of the dispute
    agreement: str  # for "thành": the agreement and how / by when it is carried out
    demands: list[str]  # otherwise: each side's demands, "Tên: yêu cầu"
    result: str  # REGISTER_RESULTS word
    result_code: str  # the stored outcome code
    notes: str
    scope: str = ""  # scope label, for the reader
    number: str = ""  # the case number, when the team keeps one
    area_name: str = ""  # the case's thôn / tổ dân phố (a commune-wide book shows it)

    @property
    def agreement_or_demands(self) -> str:
        """The column "Nội dung thỏa thuận hoặc yêu cầu của các bên"."""
        return self.agreement if self.agreement else "\n".join(self.demands)


# --- the register, Part II ---------------------------------------------------


@dataclass
class MediatorSummary:
    name: str
    cases: int = 0
    by_result: dict[str, int] = field(default_factory=lambda: _zero(STAT_RESULTS))
    by_scope: dict[str, int] = field(default_factory=dict)  # scope label → cases


@dataclass
class RegisterSummary:
    """Part II: the team leader's summary by mediator, by scope, by result."""

    total: int = 0
    by_mediator: list[MediatorSummary] = field(default_factory=list)
    by_scope: list[tuple[str, int]] = field(default_factory=list)  # (label, count), vocabulary order
    by_result: list[tuple[str, int]] = field(default_factory=list)  # (label, count), STAT_RESULTS order


@dataclass
class MediationRegister:
    year: int
    area_name: str = ""  # the thôn / tổ dân phố when the book is one area's, else ""
    entries: list[RegisterEntry] = field(default_factory=list)
    summary: RegisterSummary = field(default_factory=RegisterSummary)
