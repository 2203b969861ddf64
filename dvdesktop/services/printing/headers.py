"""What every printed document of a team or of the commune shares: the
header (Party or State style, as the settings choose for the kind), the
signer, and the member rows. No Qt here."""
from __future__ import annotations

import datetime as dt

from ...documents.data import HeaderData, MemberRow, SignerData
from ...errors import NotFoundError, UserError
from ...store.models import Membership, Team
from ...vn import clean_line
from ..core import numbering, vocab
from ..register import MembershipService
from ..settings import Organisation
from .catalog import KINDS

TEAM_CODE = "TDV"
ROLE_LABELS = dict(vocab.TEAM_ROLES)


def style(org: Organisation, kind: str) -> str:
    """The header style ("party" or "state") the settings choose for *kind*
    (a kind without a setting of its own follows the one it shares)."""
    declared = KINDS.get(kind)
    if declared is not None and declared.fixed_style:
        return declared.default_style
    return org.header_style(declared.style_key if declared is not None else kind)


def formatted_number(raw: str, style: str, kind_code: str, issuer_code: str) -> str:
    """A stored number as printed: digits only → 'Số: 05/BB-TDV' / 'Số 05-BB/TDV'
    (through services.numbering); anything else as typed."""
    raw = clean_line(raw or "") or ""
    if raw.isdigit() and int(raw) > 0:
        make = numbering.state_number if style == "state" else numbering.party_number
        try:
            return make(int(raw), kind_code, issuer_code)
        except UserError:
            return raw
    return raw


def team_header(org: Organisation, team: Team, style: str, kind_code: str, *, number: str = "",
                date: dt.date | None = None) -> HeaderData:
    """A team's own document: the commune's Party organisation (Party style) or
    People's Committee (State style) above the team's name."""
    return HeaderData.from_organisation(
        org, style, team.name, number=formatted_number(number, style, kind_code, TEAM_CODE),
        kind_code=kind_code, issuer_code=TEAM_CODE, date=date)


def commune_header(org: Organisation, style: str, kind_code: str, *, number: str = "",
                   date: dt.date | None = None) -> HeaderData:
    """A commune document: Đảng ủy xã under ĐẢNG BỘ TỈNH … (Party), or the
    People's Committee alone (State)."""
    if style == "party":
        parent = f"ĐẢNG BỘ {org.province_unit.upper()}" if org.province else ""
        issuer = org.party_committee or (f"ĐẢNG ỦY {org.commune}" if org.commune else "")
        code = "ĐU"
    else:
        parent = ""
        issuer = org.people_committee or (f"ỦY BAN NHÂN DÂN {org.commune}" if org.commune else "")
        code = "UBND"
    return HeaderData.from_organisation(org, style, issuer, parent=parent,
                                        number=formatted_number(number, style, kind_code, code),
                                        kind_code=kind_code, issuer_code=code, date=date)


# The collective body that signs "T/M …" / "TM. …": always the body that issues
# the paper (its header, or the authority named above the decision), never a
# free setting, so a Ban Thường vụ decision is not signed "T/M ĐẢNG ỦY".
PARTY_COMMITTEE, STANDING_COMMITTEE = "ĐẢNG ỦY", "BAN THƯỜNG VỤ"
PEOPLES_COMMITTEE, CHAIRMAN = "ỦY BAN NHÂN DÂN", "CHỦ TỊCH"


def _deputy(title: str) -> bool:
    return (clean_line(title or "") or "").upper().startswith("PHÓ")


def commune_signer(org: Organisation, style: str, body: str | None = None) -> SignerData:
    """Who signs a commune paper and on whose behalf. *body*: the issuing
    body when it is not the header's own (STANDING_COMMITTEE for a decision of
    the Ban Thường vụ, CHAIRMAN for the chairman's own decision). The settings
    give the name and the title (BÍ THƯ, PHÓ BÍ THƯ, CHỦ TỊCH, PHÓ CHỦ TỊCH).

    Party (Hướng dẫn 36-HD/VPTW): "T/M ĐẢNG ỦY" / "T/M BAN THƯỜNG VỤ", a
    deputy too signs T/M. State (Nghị định 30/2020): "TM. ỦY BAN NHÂN DÂN",
    a vice-chairman "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"; the chairman's own
    decision has no TM. line ("KT. CHỦ TỊCH" for a vice-chairman)."""
    if style == "party":
        s = org.party_signer
        return SignerData(s.title or "BÍ THƯ", f"T/M {body or PARTY_COMMITTEE}", s.name)
    s = org.state_signer
    title = s.title or "CHỦ TỊCH"
    deputy = _deputy(title) or (s.on_behalf or "").strip().upper().startswith("KT.")
    if body == CHAIRMAN:
        return SignerData(title, "KT. CHỦ TỊCH" if deputy else "", s.name)
    return SignerData(title, f"TM. {PEOPLES_COMMITTEE}" + ("\nKT. CHỦ TỊCH" if deputy else ""), s.name)


def _leader(team_id: int, on: dt.date) -> str:
    for m in MembershipService.current_rows(team_id, on):
        if m.role == "to_truong":
            return m.person.full_name
    return ""


def team_signer(team: Team, on: dt.date) -> SignerData:
    return SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN", _leader(team.id, on))


# --- lookups ----------------------------------------------------------------------


def find_team(team_id: int) -> Team:
    team = Team.get_or_none((Team.id == team_id) & Team.deleted_at.is_null())
    if team is None:
        raise NotFoundError(f"Không tìm thấy Tổ dân vận số {team_id}.")
    return team


def position(m: Membership | None) -> str:
    if m is None:
        return ""
    return ", ".join(x for x in (m.position, ROLE_LABELS.get(m.role, "")) if x)


def member_row(m: Membership) -> MemberRow:
    p = m.person
    return MemberRow(name=p.full_name, role=ROLE_LABELS.get(m.role, m.role), position=m.position,
                     gender=p.gender, birth_year=p.birth_year, ethnicity=p.ethnicity, phone=p.phone,
                     party_member=bool(p.party_member))


def lines(text: str) -> list[str]:
    return [clean_line(x) for x in (text or "").splitlines() if x.strip()]


def day_of(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
