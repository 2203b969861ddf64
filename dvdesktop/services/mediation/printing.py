"""Printed mediation documents: fill documents.mediation_data from the
database. No Qt here; services/printing/mediation.py calls these for the kinds
"register", "mediation-summary" and "mediation" (and so do the GUI and the command line).

The commune's summary over all its teams (summary_data) is a table of
figures, not a register. The register and the case papers carry the parties' names (they are the legal record): reading
them goes through services.mediation, which writes the audit rows
(register_rows for the register, open_case_for_view for one case).
"""
from __future__ import annotations

import datetime as dt

from ...documents import blocks as B
from ...documents import mediation as mediation_doc
from ...documents import mediation_register as register_doc
from ...documents import mediation_summary as summary_doc
from ...documents.data import HeaderData, SignerData
from ...documents.mediation_data import (
    CaseParty, CaseSession, MediationRecordData, MediationRegisterData, MediationSummaryData, SummaryRow,
)
from ...errors import NotFoundError, UserError
from ...store.models import Area, MediationCase, MediationTeamMember, Team
from ...vn import sort_key
from ..core import vocab
from . import team as mediation_team
from .register_data import STAT_RESULTS
from .stats import statistics
from .records import open_case_for_view
from .register import invitees, register_rows
from ..printing.headers import style as header_style
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


REGISTER_NEEDS_AREA = (
    "Sổ theo dõi hoạt động hòa giải ở cơ sở là sổ của từng tổ hòa giải: hãy chọn địa bàn (--area). "
    "Số liệu của cả xã in ở «Bảng tổng hợp kết quả hoạt động hòa giải ở cơ sở» (dvdesktop print mediation-summary)."
)


def register_data(year: int, area_id: int | None = None, *, org: Organisation | None = None,
                  username: str | None = None, book_number: str = "", opened_on: dt.date | None = None,
                  closed_on: dt.date | None = None, leader: str | None = None,
                  today: dt.date | None = None) -> MediationRegisterData:
    """The year's book of the tổ hòa giải of one area (one book per team).
    Opened on 1 January and, for a year that is over, closed on 31 December
    unless told; signed by the team's leader on the last day it covers."""
    if area_id is None:
        raise UserError(REGISTER_NEEDS_AREA)
    org = org or load_organisation()
    today = today or dt.date.today()
    area = Area.get_or_none((Area.id == area_id) & Area.deleted_at.is_null())
    if area is None:
        raise NotFoundError(f"Không tìm thấy địa bàn số {area_id}.")
    register = register_rows(year, area_id, username=username)
    closed = closed_on or (dt.date(year, 12, 31) if year < today.year else None)
    if leader is None:
        head = mediation_team.leader(area.id, min(closed or today, dt.date(year, 12, 31)))
        leader = head.name if head else ""
    return MediationRegisterData(
        year=year, province=org.province or area.province, commune=org.commune or area.commune,
        area=_area_label(area), team_name=_area_label(area), book_number=book_number,
        opened_on=opened_on or dt.date(year, 1, 1), closed_on=closed,
        entries=register.entries, summary=register.summary, leader=leader,
        style=header_style(org, "register"),
    )


def summary_data(year: int, *, org: Organisation | None = None, today: dt.date | None = None) -> MediationSummaryData:
    """The commune's figures over all its tổ hòa giải (a row per area that
    has a team or received cases): not a register, a summary table."""
    org = org or load_organisation()
    today = today or dt.date.today()
    on = min(today, dt.date(year, 12, 31))
    figures = statistics(year)
    by_area = {r.area_id: r for r in figures.per_area}
    area_ids = set(by_area) | {a for (a,) in MediationTeamMember.select(MediationTeamMember.area).distinct().tuples()}
    areas = {a.id: a for a in Area.select().where(Area.id.in_([i for i in area_ids if i]) & Area.deleted_at.is_null())}
    rows = []
    for area_id in sorted(area_ids, key=lambda i: (i is None, sort_key(areas[i].name) if i in areas else "")):
        if area_id is not None and area_id not in areas:
            continue
        counts = by_area.get(area_id)
        team = mediation_team.members(area_id, on) if area_id is not None else []
        if not team and counts is None:
            continue  # a team set up after the year, with no case in it
        rows.append(SummaryRow(
            team=_area_label(areas.get(area_id)) if area_id is not None else "Chưa ghi địa bàn",
            mediators=len(team), women=sum(1 for m in team if m.gender == "nữ"),
            received=counts.received if counts else 0,
            by_scope=[(label, (counts.by_scope.get(code, 0) if counts else 0)) for code, label in vocab.MEDIATION_SCOPES],
            by_result=[(label, (counts.by_result.get(code, 0) if counts else 0)) for code, label in STAT_RESULTS],
        ))
    style = header_style(org, "mediation-summary")
    header = HeaderData.from_organisation(org, style, org.people_committee or f"Ủy ban nhân dân {org.commune}",
                                          parent="", date=today if year >= today.year else dt.date(year, 12, 31))
    signer = org.state_signer
    return MediationSummaryData(
        header=header, year=year, commune=org.commune, rows=rows,
        signer=SignerData(title=signer.title, on_behalf=signer.on_behalf, name=signer.name) if signer else None,
    )


# The number of a case's paper: the case's number in the register with the
# paper's kind ("Số: 05/VB-THG", "Số: 05/BB-THG"); THG = tổ hòa giải.
ISSUER_CODE = "THG"
PAPER_CODES = {"thanh": "VB"}  # văn bản hòa giải thành; the không-thành record is a biên bản (BB)


def paper_number(case_number: str, outcome: str) -> str:
    """'05/2025' → '05/VB-THG' (the year is the paper's date); '' without a number."""
    head = (case_number or "").split("/")[0].strip()
    if not head:
        return ""
    if head.isdigit():
        head = f"{int(head):02d}"
    return f"{head}/{PAPER_CODES.get(outcome, 'BB')}-{ISSUER_CODE}"


def _header(org: Organisation, area: Area | None, day: dt.date | None, number: str = "",
            outcome: str = "thanh") -> HeaderData:
    """The mediation team under the commune's People's Committee, as the
    mediation papers are headed: 'UBND XÃ NẬM PỒ' / 'TỔ HÒA GIẢI BẢN NÀ KHOANG',
    'Số: 05/VB-THG'."""
    style = header_style(org, "mediation")
    parent = f"UBND {org.commune}".upper() if org.commune else ""
    return HeaderData.from_organisation(org, style, team_name(area, org), parent=parent, date=day,
                                        number=number, kind_code=PAPER_CODES.get(outcome, "BB"),
                                        issuer_code=ISSUER_CODE)


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
        header=_header(org, area, case.closed_on, paper_number(case.number, case.outcome), case.outcome),
        team_name=team_name(area, org), outcome=case.outcome,
        grounds=dict(vocab.MEDIATION_GROUNDS).get(case.grounds, case.grounds),
        received_on=case.received_on, assigned_on=case.assigned_on, closed_on=case.closed_on, number=case.number,
        scope=dict(vocab.MEDIATION_SCOPES).get(case.scope, case.scope), kind=case.kind,
        parties=parties, mediators=mediators,
        invitees=invitees(detail.sessions, mediators, [p.name for p in parties]),
        summary=case.summary,
        sessions=[CaseSession(s.held_on, s.place, s.attendees, s.content, s.start_time, s.end_time)
                  for s in detail.sessions],
        agreement=case.agreement, carry_out_how=case.carry_out_how, carry_out_by=case.carry_out_by,
        notes=case.notes,
    )


def register_document(year: int, area_id: int | None = None, **options) -> B.Document:
    return register_doc.build(register_data(year, area_id, **options))


def summary_document(year: int, **options) -> B.Document:
    return summary_doc.build(summary_data(year, **options))


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
