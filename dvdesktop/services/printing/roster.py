"""Danh sách thành viên: one team's members on a day, or every active team's."""
from __future__ import annotations

import datetime as dt

from ...documents.data import RosterData, RosterGroup
from ...store.models import Team
from ...vn import sort_key
from ..register import MembershipService
from ..settings import Organisation, load_organisation
from .headers import commune_header, commune_signer, find_team, member_row, style, team_header, team_signer
from .request import PrintRequest


def roster_data(team_id: int | None = None, on: dt.date | None = None,
                org: Organisation | None = None) -> RosterData:
    """One team's members on *on* (today), or every active team's."""
    org = org or load_organisation()
    on = on or dt.date.today()
    chosen = style(org, "roster")
    if team_id is not None:
        team = find_team(team_id)
        groups = [RosterGroup(team.name, [member_row(m) for m in MembershipService.current_rows(team.id, on)])]
        return RosterData(header=team_header(org, team, chosen, "DS", date=on), subject=team.name, groups=groups,
                          on=on, signer=team_signer(team, on))
    teams = sorted(Team.select().where(Team.deleted_at.is_null() & (Team.status == "active")),
                   key=lambda t: sort_key(t.name))
    members = MembershipService.current_by_team(on)
    groups = [RosterGroup(t.name, [member_row(m) for m in members.get(t.id, [])]) for t in teams]
    subject = f"các Tổ dân vận {org.commune}".strip()
    return RosterData(header=commune_header(org, chosen, "DS", date=on), subject=subject, groups=groups, on=on,
                      signer=commune_signer(org, chosen))


def for_print(request: PrintRequest) -> RosterData:
    return roster_data(request.team, request.on, org=request.org)
