"""Plain data the document renderers take. A service (services/printing/)
fills these from the database; tests build them by hand. No database here."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# --- header and signatures ---------------------------------------------------


@dataclass
class HeaderData:
    """Who issues the document, its number, place and date.

    number: the number as issued, without "Số": "05/BB-TDV" (State) or
    "12-BB/TDV" (Party). When empty, a blank to fill in by hand is printed
    from kind_code and issuer_code ("Số:     /BB-TDV")."""

    style: str = "party"  # "party" / "state"
    parent: str = ""  # "ĐẢNG BỘ XÃ NẬM PỒ" / "ỦY BAN NHÂN DÂN XÃ NẬM PỒ"
    issuer: str = ""  # "TỔ DÂN VẬN BẢN NÀ KHOANG"
    number: str = ""
    kind_code: str = ""  # BB, QĐ, DS ...
    issuer_code: str = ""  # TDV, ĐU, UBND ...
    place: str = ""  # "Nậm Pồ"
    date: dt.date | None = None

    @classmethod
    def from_organisation(cls, org, style: str, issuer: str, *, parent: str | None = None, number: str = "",
                          kind_code: str = "", issuer_code: str = "", date: dt.date | None = None) -> "HeaderData":
        """Build from services.settings.Organisation (duck-typed: the documents
        layer imports no service). Default parent line: the commune's Party
        organisation (Party style) or its People's Committee (State style)."""
        if parent is None:
            if style == "party":
                parent = f"ĐẢNG BỘ {org.commune}" if org.commune else ""
            else:
                parent = org.people_committee or (f"ỦY BAN NHÂN DÂN {org.commune}" if org.commune else "")
        place = getattr(org, "place_name", "") or getattr(org, "commune_short", "") or ""
        return cls(style=style, parent=(parent or "").upper(), issuer=(issuer or "").upper(), number=number,
                   kind_code=kind_code, issuer_code=issuer_code, place=place, date=date)


@dataclass
class SignerData:
    title: str = ""  # "TỔ TRƯỞNG", "BÍ THƯ"
    on_behalf: str = ""  # "T/M TỔ DÂN VẬN", "TM. ỦY BAN NHÂN DÂN"
    name: str = ""


# --- people ------------------------------------------------------------------


@dataclass
class Attendee:
    name: str
    position: str = ""  # "Bí thư chi bộ, Tổ trưởng"
    status: str = "present"  # present / excused / absent
    reason: str = ""


@dataclass
class MemberRow:
    name: str
    role: str = ""  # "Tổ trưởng", "Tổ phó", "Thành viên"
    position: str = ""  # "Bí thư chi bộ", "Trưởng thôn" ...
    gender: str = ""  # "nam" / "nữ"
    birth_year: int | None = None
    ethnicity: str = ""
    phone: str = ""
    party_member: bool = False
    note: str = ""


# --- documents ---------------------------------------------------------------


@dataclass
class AgendaEntry:
    title: str
    content: str = ""


@dataclass
class TaskEntry:
    description: str
    assignee: str = ""
    due: dt.date | None = None
    assigned_on: dt.date | None = None  # a task carried over: the day of the meeting that gave it
    status: str = ""  # a task carried over: "Đang thực hiện", "Đã xong" …


@dataclass
class MinutesData:
    """Biên bản họp Tổ dân vận (Nghị định 30/2020, mẫu 1.9)."""

    header: HeaderData
    team_name: str  # "Tổ dân vận bản Nà Khoang"
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    place: str = ""
    kind: str = "dinh_ky"  # dinh_ky / dot_xuat
    title: str = ""  # "Họp định kỳ tháng 01 năm 2025" (a second subject line)
    chair: str = ""
    chair_position: str = ""
    secretary: str = ""
    secretary_position: str = ""
    attendees: list[Attendee] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)
    agenda: list[AgendaEntry] = field(default_factory=list)
    discussion: str = ""
    conclusions: str = ""
    tasks: list[TaskEntry] = field(default_factory=list)  # given at this meeting
    carried_tasks: list[TaskEntry] = field(default_factory=list)  # "Việc chuyển từ cuộc họp trước"
    # the minutes never show someone absent signing: a blank to sign instead of the name
    chair_present: bool = True
    secretary_present: bool = True


@dataclass
class OutreachRecordData:
    """Biên bản buổi tuyên truyền, vận động."""

    header: HeaderData
    team_name: str
    held_on: dt.date | None = None
    place: str = ""
    form: str = ""
    topic: str = ""
    policy: str = ""
    presenters: str = ""
    audience_total: int = 0
    audience_women: int = 0
    audience_minority: int = 0
    materials: str = ""
    result: str = ""
    recorder: str = ""
    leader: SignerData = field(default_factory=lambda: SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN"))


@dataclass
class ConcernEntry:
    received_on: dt.date | None
    content: str
    raised_by: str = ""  # empty or "Ẩn danh" when hidden
    area: str = ""
    channel: str = ""
    field: str = ""
    forwarded_to: str = ""
    forwarded_on: dt.date | None = None
    answer: str = ""
    status: str = ""  # label: "Đã chuyển" ...
    overdue: bool = False  # on the document's date (services.concerns.is_overdue)


@dataclass
class ConcernRegisterData:
    """Báo cáo tổng hợp ý kiến, kiến nghị của Nhân dân for a period (numbered -BC)."""

    header: HeaderData
    scope_name: str  # "Tổ dân vận bản Nà Khoang" or "xã Nậm Pồ"
    reporter: str = ""  # who reports, as the opening sentence names it: "Đảng ủy xã Nậm Pồ" (scope_name if empty)
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    entries: list[ConcernEntry] = field(default_factory=list)
    show_names: bool = False  # residents' names are personal data: hidden unless asked for
    maker: str = ""
    signer: SignerData = field(default_factory=lambda: SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN"))


@dataclass
class RosterGroup:
    team_name: str
    members: list[MemberRow] = field(default_factory=list)


@dataclass
class RosterData:
    """Danh sách thành viên Tổ dân vận (one team or all teams)."""

    header: HeaderData
    subject: str  # "Tổ dân vận bản Nà Khoang" / "các Tổ dân vận xã Nậm Pồ"
    groups: list[RosterGroup] = field(default_factory=list)
    on: dt.date | None = None  # membership on this date
    note: str = ""  # "(Kèm theo Quyết định số ...)"
    signer: SignerData = field(default_factory=SignerData)
    recipients: list[str] | None = None


@dataclass
class DecisionData:
    """Quyết định thành lập / kiện toàn Tổ dân vận, with its member list."""

    header: HeaderData
    team_name: str  # "Tổ dân vận bản Nà Khoang"
    kind: str = "thanh_lap"  # thanh_lap / kien_toan
    authority: str = ""  # "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ NẬM PỒ"
    grounds: list[str] = field(default_factory=list)  # "Căn cứ ..." lines
    proposal: str = ""  # "Xét đề nghị của ..."
    members: list[MemberRow] = field(default_factory=list)
    duties: list[str] = field(default_factory=list)
    executors: str = ""  # Điều 3: who carries the decision out
    previous_decision: str = ""  # kiện toàn: the decision it replaces
    signer: SignerData = field(default_factory=SignerData)
    recipients: list[str] = field(default_factory=list)


@dataclass
class AttendanceSheetData:
    """Blank attendance sheet for a meeting: names pre-filled when known."""

    header: HeaderData
    team_name: str
    meeting_title: str = ""
    names: list[MemberRow] = field(default_factory=list)
    blank_rows: int = 12
    chair: SignerData = field(default_factory=lambda: SignerData("CHỦ TỌA"))
    secretary: SignerData = field(default_factory=lambda: SignerData("THƯ KÝ"))


@dataclass
class ConcernSlipData:
    """Blank slip to take down one resident's concern in the village."""

    header: HeaderData
    team_name: str
    channels: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
