"""Plain data of the people's supervision documents: the Báo cáo kết quả giám
sát of one activity and the year's list of activities. services/supervision/
printing.py fills these; tests build them by hand. No database here."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .data import HeaderData, SignerData


@dataclass
class SupervisionReportData:
    """Báo cáo kết quả giám sát of one supervision activity of a team."""

    header: HeaderData
    team_name: str  # "Tổ dân vận bản Nà Khoang"
    subject: str  # what was supervised
    kind: str = ""  # label: "Chương trình, dự án"
    form: str = ""  # "Giám sát trực tiếp"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    participants: str = ""  # one line per participant or group, as typed
    participant_count: int = 0
    findings: str = ""
    recommendations: str = ""
    sent_to: str = ""
    sent_on: dt.date | None = None
    answer: str = ""
    answered_on: dt.date | None = None
    acted_on: str = ""  # label: "Đã thực hiện"; "" while not answered
    signer: SignerData = field(default_factory=lambda: SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN"))
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận:" lines, without the leading "- "


@dataclass
class SupervisionEntry:
    start_date: dt.date | None
    end_date: dt.date | None
    team_name: str
    subject: str
    kind: str  # label
    form: str
    participant_count: int
    recommendations: str
    sent: str  # "Ủy ban nhân dân xã (12/03/2025)" or ""
    result: str  # "Đã trả lời 20/03/2025; đã thực hiện" / "Chờ trả lời" / "Chưa gửi kiến nghị"


@dataclass
class SupervisionListData:
    """Danh sách các cuộc giám sát của Nhân dân in one year (landscape)."""

    header: HeaderData
    scope_name: str  # "Tổ dân vận bản Nà Khoang" or "xã Nà Hỳ"
    year: int
    entries: list[SupervisionEntry] = field(default_factory=list)
    show_team: bool = True  # a commune-wide list names each activity's team
    totals: list[tuple[str, int]] = field(default_factory=list)  # ("Chương trình, dự án", 3) … for the summary line
    sent: int = 0
    answered: int = 0
    acted_on: int = 0
    maker: str = ""
    signer: SignerData = field(default_factory=lambda: SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN"))
