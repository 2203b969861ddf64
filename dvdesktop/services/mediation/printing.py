"""Printed mediation documents: fill documents.mediation_data from the
database. No Qt here; services/printing/mediation.py calls these for the kinds
"register" and "mediation" (and so do the GUI and the command line).

Both documents carry the parties' names (they are the legal record): reading
them goes through services.mediation, which writes the audit rows
(register_rows for the register, open_case_for_view for one case).
"""
from __future__ import annotations

import datetime as dt

from ...documents import blocks as B
from ...documents import mediation as mediation_doc
from ...documents import mediation_register as register_doc
from ...documents.data import HeaderData
from ...documents.mediation_data import CaseParty, CaseSession, MediationRecordData, MediationRegisterData
from ...errors import NotFoundError, UserError
from ...store.models import Area, MediationCase, Team
from ..core import vocab
from .records import open_case_for_view
from .register import invitees, register_rows
from ..settings import Organisation, load_organisation

MEDIATION_TEAM = "Tổ hòa giải"


def _area_label(area: Area | None) -> str:
    """'bản Nà Khoang'."""
    if area is None:
        return ""
    return f"{area.kind} {area.name}".strip() if area.kind else area.name


def team_name(area: Area | None, org: Organisation) -> str:
    """'Tổ hòa giải bản Nà Khoang'; for a commune-wide book, 'Các tổ hòa giải xã Nậm Pồ'."""
    if area is not None:
        return f"{MEDIATION_TEAM} {_area_label(area)}"
    return f"Các tổ hòa giải {org.commune}".strip() if org.commune else "Các tổ hòa giải"


def register_data(year: int, area_id: int | None = None, *, org: Organisation | None = None,
                  username: str | None = None, book_number: str = "", opened_on: dt.date | None = None,
                  closed_on: dt.date | None = None, leader: str = "",
                  today: dt.date | None = None) -> MediationRegisterData:
    """The year's book, of one area or of the whole commune. Opened on 1
    January and, for a year that is over, closed on 31 December unless told."""
    org = org or load_organisation()
    today = today or dt.date.today()
    area = None
    if area_id is not None:
        area = Area.get_or_none((Area.id == area_id) & Area.deleted_at.is_null())
        if area is None:
            raise NotFoundError(f"Không tìm thấy địa bàn số {area_id}.")
    register = register_rows(year, area_id, username=username)
    return MediationRegisterData(
        year=year, province=org.province or (area.province if area else ""),
        commune=org.commune or (area.commune if area else ""), area=_area_label(area),
        team_name=team_name(area, org), book_number=book_number,
        opened_on=opened_on or dt.date(year, 1, 1),
        closed_on=closed_on or (dt.date(year, 12, 31) if year < today.year else None),
        entries=register.entries, summary=register.summary, leader=leader,
        style=org.header_style("register"),
    )


def _header(org: Organisation, area: Area | None, day: dt.date | None) -> HeaderData:
    """The mediation team under the commune: 'XÃ NẬM PỒ' / 'TỔ HÒA GIẢI BẢN NÀ KHOANG'."""
    style = org.header_style("mediation")
    return HeaderData.from_organisation(org, style, team_name(area, org), parent=(org.commune or "").upper(),
                                        date=day)


def case_data(case_id: int, *, org: Organisation | None = None, username: str | None = None) -> MediationRecordData:
    """One case for its settlement or không-thành record (an audited view)."""
    org = org or load_organisation()
    found = MediationCase.get_or_none((MediationCase.id == case_id) & MediationCase.deleted_at.is_null())
    if found is None:
        raise NotFoundError(f"Không tìm thấy vụ việc hòa giải số {case_id}.")
    if found.outcome == "dang":
        raise UserError("Vụ việc đang hòa giải, chưa có kết quả: chưa có văn bản hòa giải để in.")
    detail = open_case_for_view(case_id, username)
    case = detail.case
    area = Area.get_or_none(Area.id == case.area) if case.area else None
    if area is None and case.team:
        team = Team.get_or_none(Team.id == case.team)
        area = team.area if team is not None else None
    sides = dict(vocab.MEDIATION_SIDES)
    mediators = [m.name for m in detail.mediators]
    parties = [CaseParty(name=p.name, side=sides.get(p.side, p.side), side_code=p.side, gender=p.gender,
                         birth_year=p.birth_year, address=p.address, demands=p.demands) for p in detail.parties]
    return MediationRecordData(
        header=_header(org, area, case.closed_on),
        team_name=team_name(area, org), outcome=case.outcome,
        grounds=dict(vocab.MEDIATION_GROUNDS).get(case.grounds, case.grounds),
        received_on=case.received_on, assigned_on=case.assigned_on, closed_on=case.closed_on, number=case.number,
        scope=dict(vocab.MEDIATION_SCOPES).get(case.scope, case.scope), kind=case.kind,
        parties=parties, mediators=mediators,
        invitees=invitees(detail.sessions, mediators, [p.name for p in parties]),
        summary=case.summary,
        sessions=[CaseSession(s.held_on, s.place, s.attendees, s.content) for s in detail.sessions],
        agreement=case.agreement, carry_out_how=case.carry_out_how, carry_out_by=case.carry_out_by,
        notes=case.notes,
    )


def register_document(year: int, area_id: int | None = None, **options) -> B.Document:
    return register_doc.build(register_data(year, area_id, **options))


def case_document(case_id: int, **options) -> B.Document:
    """The settlement (outcome "thành") or the không-thành record."""
    return mediation_doc.build(case_data(case_id, **options))


def case_document_name(case_id: int) -> str:
    """A file name without its ending: 'van-ban-hoa-giai-thanh-12' / 'bien-ban-hoa-giai-khong-thanh-12'."""
    from ..files import slug

    case = MediationCase.get_or_none(MediationCase.id == case_id)
    # the case's number when it has one ("05/2025" → "05-2025"), else its id
    tail = slug(case.number) if case is not None and case.number else str(case_id)
    if case is not None and case.outcome == "thanh":
        return f"van-ban-hoa-giai-thanh-{tail}"
    return f"bien-ban-hoa-giai-khong-thanh-{tail}"
