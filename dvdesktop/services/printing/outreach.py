"""Biên bản buổi tuyên truyền, vận động: one outreach session."""
from __future__ import annotations

from ...documents.data import OutreachRecordData
from ...errors import NotFoundError
from ...store.models import OutreachSession
from ..settings import Organisation, load_organisation
from .headers import style, team_header, team_signer
from .request import PrintRequest


def outreach_data(session_id: int, org: Organisation | None = None) -> OutreachRecordData:
    org = org or load_organisation()
    s = OutreachSession.get_or_none((OutreachSession.id == session_id) & OutreachSession.deleted_at.is_null())
    if s is None:
        raise NotFoundError(f"Không tìm thấy buổi tuyên truyền số {session_id}.")
    team = s.team
    return OutreachRecordData(
        header=team_header(org, team, style(org, "outreach"), "BB", date=s.held_on),
        team_name=team.name, held_on=s.held_on, place=s.place, form=s.form, topic=s.topic, policy=s.policy,
        presenters=s.presenters, audience_total=s.audience_total, audience_women=s.audience_women,
        audience_minority=s.audience_minority, materials=s.materials, result=s.result,
        leader=team_signer(team, s.held_on),
    )


def for_print(request: PrintRequest) -> OutreachRecordData:
    return outreach_data(request.id, request.org)
