"""Tổng hợp ý kiến, kiến nghị: the concerns received in a period, of a team
or of the commune. Residents' names are personal data: left out unless asked."""
from __future__ import annotations

import datetime as dt

from ...documents.data import ConcernEntry, ConcernRegisterData
from ...store.models import Concern
from ...errors import UserError
from ...vn import short_date
from ..concerns import is_overdue
from ..core import vocab
from ..settings import Organisation, load_organisation
from .headers import commune_header, commune_signer, find_team, style, team_header, team_signer
from .request import PrintRequest

STATUS_LABELS = dict(vocab.CONCERN_STATUSES)


def concern_register_data(team_id: int | None = None, year: int | None = None, *,
                          start: dt.date | None = None, end: dt.date | None = None,
                          show_names: bool = False, org: Organisation | None = None,
                          today: dt.date | None = None) -> ConcernRegisterData:
    """Concerns received in [start, end] (default: the whole of *year*, this
    year when not given), of one team or of the whole commune. Residents'
    names are left out unless *show_names*."""
    org = org or load_organisation()
    today = today or dt.date.today()
    if start is None and end is None:
        year = year or today.year
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if start is not None and start > today:
        raise UserError(f"Chưa thể lập báo cáo: kỳ báo cáo bắt đầu ngày {short_date(start)}, sau ngày lập "
                        f"{short_date(today)}.")
    if end is None or end > today:
        end = today  # a period never ends after the report's own date
    chosen = style(org, "concerns")
    query = Concern.select().where(Concern.deleted_at.is_null())
    if start:
        query = query.where(Concern.received_on >= start)
    if end:
        query = query.where(Concern.received_on <= end)
    if team_id is not None:
        team = find_team(team_id)
        query = query.where(Concern.team == team.id)
        header, scope, signer = team_header(org, team, chosen, "BC", date=today), team.name, team_signer(team, today)
        reporter = team.name
    else:
        header, scope = commune_header(org, chosen, "BC", date=today), org.commune or "toàn xã"
        if chosen == "party":
            reporter = org.party_committee or f"Đảng ủy {org.commune}".strip()
        else:
            reporter = org.people_committee or f"Ủy ban nhân dân {org.commune}".strip()
        signer = commune_signer(org, chosen)
    entries = []
    for c in query.order_by(Concern.received_on, Concern.id):
        who = "Ẩn danh" if c.anonymous or not c.raised_by else c.raised_by
        entries.append(ConcernEntry(
            received_on=c.received_on, content=c.content, raised_by=who if show_names else "",
            area=c.area.name if c.area_id else "", channel=c.channel, field=c.field,
            forwarded_to=c.forwarded_to, forwarded_on=c.forwarded_on, answer=c.answer,
            status=STATUS_LABELS.get(c.status, c.status), overdue=is_overdue(c, today)))
    return ConcernRegisterData(header=header, scope_name=scope, reporter=reporter, period_start=start, period_end=end,
                               entries=entries, show_names=show_names, signer=signer)


def for_print(request: PrintRequest) -> ConcernRegisterData:
    return concern_register_data(request.team, request.year, show_names=request.show_names, org=request.org)
