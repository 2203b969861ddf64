"""Quyết định thành lập / kiện toàn Tổ dân vận, with the members as an annex."""
from __future__ import annotations

import datetime as dt

from ...documents.data import DecisionData
from ...errors import UserError
from ...vn import format_date
from ..register import MembershipService
from ..settings import Organisation, load_organisation
from .headers import CHAIRMAN, STANDING_COMMITTEE, commune_header, commune_signer, find_team, member_row, style
from .request import PrintRequest


def decision_data(team_id: int, kind: str = "thanh_lap", on: dt.date | None = None, *, number: str = "",
                  org: Organisation | None = None) -> DecisionData:
    """Quyết định thành lập (kind="thanh_lap") or kiện toàn ("kien_toan") of a
    team with its members on *on*. The founding decision's number and date
    come from the team record."""
    if kind not in ("thanh_lap", "kien_toan"):
        raise UserError("Loại quyết định phải là «thành lập» hoặc «kiện toàn».")
    org = org or load_organisation()
    team = find_team(team_id)
    chosen = style(org, "decision")
    if kind == "thanh_lap":
        on = on or team.established_on or dt.date.today()
        number = number or team.decision_number
        previous = ""
    else:
        on = on or dt.date.today()
        previous = team.decision_number or ""
        if previous and team.established_on:
            previous += f" {format_date(team.established_on)}"
    area = team.area
    area_name = f"{area.kind} {area.name}".strip()
    if chosen == "party":
        committee = org.party_committee or f"Đảng ủy {org.commune}".strip()
        authority = f"BAN THƯỜNG VỤ {committee}".upper()
        grounds = ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam", f"Căn cứ Quy chế làm việc của {committee}"]
        proposal = f"Xét đề nghị của Chi bộ {area_name}"
        signer = commune_signer(org, chosen, STANDING_COMMITTEE)  # the authority above: the Ban Thường vụ
        recipients = ["Thường trực Đảng ủy", f"Chi bộ {area_name}", "Như Điều 3", "Lưu Văn phòng Đảng ủy"]
    else:
        committee = org.people_committee or f"Ủy ban nhân dân {org.commune}".strip()
        authority = f"CHỦ TỊCH {committee}".upper()
        grounds = ["Căn cứ Luật Tổ chức chính quyền địa phương", "Căn cứ Luật Thực hiện dân chủ ở cơ sở"]
        proposal = f"Theo đề nghị của Trưởng {area_name}"
        signer = commune_signer(org, chosen, CHAIRMAN)  # the authority above: the chairman himself
        recipients = ["Như Điều 3", "Thường trực Đảng ủy", "Lưu: VT"]
    return DecisionData(
        header=commune_header(org, chosen, "QĐ", number=number, date=on),
        team_name=team.name, kind=kind, authority=authority, grounds=grounds, proposal=proposal,
        members=[member_row(m) for m in MembershipService.current_rows(team.id, on)],
        previous_decision=previous, signer=signer, recipients=recipients,
    )


def for_print(request: PrintRequest) -> DecisionData:
    # A founding decision is dated by the team record; only a kiện toàn takes the chosen day.
    on = request.on if request.decision_kind == "kien_toan" else None
    return decision_data(request.team, request.decision_kind, on, org=request.org)
