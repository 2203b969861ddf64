"""Plain data of the yearly rating's printed papers: the *Phiếu tự đánh giá,
xếp loại Tổ dân vận* of one team and the *Báo cáo kết quả đánh giá, xếp
loại Tổ dân vận* of all teams. services/evaluation/printing.py fills these;
tests build them by hand. No database here."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .data import HeaderData, SignerData


@dataclass
class SheetCriterion:
    code: str
    text: str
    max_points: Decimal
    self_score: Decimal | None = None  # the team's own score (blank: to fill in by hand)
    reviewed_score: Decimal | None = None  # the commune's score (blank until reviewed)


@dataclass
class SheetGroup:
    title: str
    criteria: list[SheetCriterion] = field(default_factory=list)


@dataclass
class EvaluationSheetData:
    """Phiếu tự đánh giá, xếp loại of one team for one year."""

    header: HeaderData
    team_name: str  # "Tổ dân vận bản Nà Khoang"
    year: int
    criteria_set_name: str = ""
    groups: list[SheetGroup] = field(default_factory=list)
    max_total: Decimal = Decimal(0)
    self_total: Decimal | None = None  # None while the team has not scored every criterion
    reviewed_total: Decimal | None = None
    proposed_level: str = ""  # the level the team's own total reaches
    reviewed_level: str = ""  # the level after review (or decided)
    signer: SignerData = field(default_factory=lambda: SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN"))


@dataclass
class ReportLevel:
    name: str
    count: int


@dataclass
class ReportTeam:
    team_name: str
    area_name: str
    commune: str = ""
    total: Decimal | None = None  # None: not scored
    level: str = ""  # the level's name; "" when not rated
    note: str = ""  # the stage, or why the team is not rated


@dataclass
class EvaluationReportData:
    """Báo cáo kết quả đánh giá, xếp loại Tổ dân vận năm Y (all teams)."""

    header: HeaderData
    year: int
    scope: str  # "xã Nậm Pồ"
    criteria_set_name: str = ""
    teams_total: int = 0
    levels: list[ReportLevel] = field(default_factory=list)  # best first
    unrated: int = 0  # eligible teams not rated yet
    ineligible: int = 0  # teams active too few months
    min_active_months: int = 0
    teams: list[ReportTeam] = field(default_factory=list)
    several_communes: bool = False
    signer: SignerData = field(default_factory=SignerData)
    recipients: list[str] = field(default_factory=list)
