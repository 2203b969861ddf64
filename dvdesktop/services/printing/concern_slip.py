"""Phiếu ghi nhận ý kiến, kiến nghị: a blank intake slip for paper-first work."""
from __future__ import annotations

from ...documents.data import ConcernSlipData
from ..core import vocab
from ..settings import Organisation, load_organisation
from .headers import commune_header, find_team, style, team_header
from .request import PrintRequest

# Channels that arrive in writing or online: a slip filled in by hand never has them.
_NOT_ON_PAPER = ("Cổng PAKN", "Mặt trận số", "Hộp thư góp ý")


def concern_slip_data(team_id: int | None = None, org: Organisation | None = None) -> ConcernSlipData:
    org = org or load_organisation()
    chosen = style(org, "concern-slip")
    if team_id is None:
        header, name = commune_header(org, chosen, "PTN"), ""
    else:
        team = find_team(team_id)
        header, name = team_header(org, team, chosen, "PTN"), team.name
    channels = [c for c in vocab.CONCERN_CHANNELS if c not in _NOT_ON_PAPER]
    return ConcernSlipData(header=header, team_name=name, channels=channels, fields=list(vocab.CONCERN_FIELDS))


def for_print(request: PrintRequest) -> ConcernSlipData:
    return concern_slip_data(request.team, request.org)
