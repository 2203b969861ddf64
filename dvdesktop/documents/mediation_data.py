"""Plain data of the grassroots mediation documents (Luật Hòa giải ở cơ sở
2013): the *Sổ theo dõi hoạt động hòa giải ở cơ sở*, the văn bản hòa giải
thành and the biên bản hòa giải không thành.

services/mediation/printing.py fills these from the database; tests build
them by hand. No database and no service here: the register's Part I rows
and Part II summary are the plain dataclasses of
services/mediation_register.py (RegisterEntry, RegisterSummary), read
duck-typed like HeaderData.from_organisation reads the organisation.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .data import HeaderData

# --- the register ---------------------------------------------------------------


@dataclass
class MediationRegisterData:
    """Sổ theo dõi hoạt động hòa giải ở cơ sở for one year.

    entries: Part I rows, objects with stt, received_on, mediators,
    invitees, parties (each with .text), content, agreement_or_demands,
    result, notes (services.mediation_register.RegisterEntry).
    summary: Part II, an object with total, by_mediator (name, cases,
    by_result), by_scope and by_result ((label, count) pairs)
    (services.mediation_register.RegisterSummary)."""

    year: int
    province: str = ""  # "Điện Biên"
    commune: str = ""  # "xã Nậm Pồ"
    area: str = ""  # "bản Nà Khoang": the thôn / tổ dân phố of the team
    team_name: str = ""  # what the cover's "Tổ hòa giải:" line says: "bản Nà Khoang"
    book_number: str = ""  # "01"; "" prints a blank to fill in
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None  # None while the book is still in use
    entries: list[Any] = field(default_factory=list)
    summary: Any = None
    leader: str = ""  # the mediation team leader who signs Part II ("" : a blank)
    style: str = "state"


# --- the commune's summary over its teams --------------------------------------------


@dataclass
class SummaryRow:
    team: str  # the tổ hòa giải by its thôn / bản: "bản Nà Khoang"
    mediators: int = 0
    women: int = 0
    received: int = 0
    by_scope: list[tuple[str, int]] = field(default_factory=list)  # (label, count), vocabulary order
    by_result: list[tuple[str, int]] = field(default_factory=list)  # (label, count), reporting-form order


@dataclass
class MediationSummaryData:
    """Bảng tổng hợp kết quả hoạt động hòa giải ở cơ sở: a row per tổ hòa giải
    of the commune (not a register: the register is each team's own book)."""

    header: HeaderData
    year: int
    commune: str = ""  # "xã Nậm Pồ"
    rows: list[SummaryRow] = field(default_factory=list)
    signer: Any = None  # SignerData of the People's Committee, or None
    preparer: str = ""  # "NGƯỜI LẬP BẢNG" signs on the left


# --- one case's documents ----------------------------------------------------------


@dataclass
class CaseParty:
    name: str
    side: str = ""  # "Bên thứ nhất" / "Bên thứ hai" / "Người liên quan"
    side_code: str = "A"  # A / B / lien_quan
    gender: str = ""
    birth_year: int | None = None
    address: str = ""
    demands: str = ""


@dataclass
class CaseSession:
    held_on: dt.date | None
    place: str = ""
    attendees: str = ""
    content: str = ""
    start_time: str = ""  # "08:30"; "" when not recorded (a blank to fill in is printed)
    end_time: str = ""


@dataclass
class MediationRecordData:
    """One case for the văn bản hòa giải thành (outcome "thanh") or the
    biên bản hòa giải không thành (outcomes "khong_thanh", "dung", "chuyen")."""

    header: HeaderData
    team_name: str  # "Tổ hòa giải bản Nà Khoang"
    outcome: str  # thanh / khong_thanh / dung / chuyen
    grounds: str = ""  # label: "Một bên hoặc các bên yêu cầu"
    received_on: dt.date | None = None
    assigned_on: dt.date | None = None
    closed_on: dt.date | None = None
    number: str = ""  # the case number in the register, when kept
    scope: str = ""  # label: "Dân sự"
    kind: str = ""  # "Tranh chấp ranh giới đất"
    parties: list[CaseParty] = field(default_factory=list)
    mediators: list[str] = field(default_factory=list)  # the lead mediator first
    invitees: list[str] = field(default_factory=list)
    summary: str = ""
    sessions: list[CaseSession] = field(default_factory=list)
    agreement: str = ""
    carry_out_how: str = ""
    carry_out_by: dt.date | None = None
    rights_duties: list[str] | None = None  # None: the standard wording of the law
    notes: str = ""  # not printed in full: the reason a mediation stopped, when given
