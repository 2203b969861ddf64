"""Printed supervision documents: fill documents.supervision_data from the
database. No Qt here; services/printing.py calls these for the kinds
"supervision" (one activity's report) and "supervision-list" (a year)."""
from __future__ import annotations

import datetime as dt

from ...documents import blocks as B
from ...documents import supervision as supervision_doc
from ...documents.supervision_data import SupervisionEntry, SupervisionListData, SupervisionReportData
from ...errors import NotFoundError
from ...store.models import Area, SupervisionActivity, Team
from ...vn import short_date
from ..core import vocab
from ..printing.headers import commune_header, commune_signer, find_team, team_header, team_signer
from ..printing.headers import style as _style
from ..settings import Organisation, load_organisation
from .counts import supervision_counts
from .records import ACTED, acted_label, kind_label

STYLE_KEY = "supervision"


def _area_label(team: Team) -> str:
    area = team.area
    return f"{area.kind} {area.name}".strip() if area.kind else area.name


def report_data(activity_id: int, org: Organisation | None = None) -> SupervisionReportData:
    org = org or load_organisation()
    a = SupervisionActivity.get_or_none((SupervisionActivity.id == activity_id)
                                        & SupervisionActivity.deleted_at.is_null())
    if a is None:
        raise NotFoundError(f"Không tìm thấy cuộc giám sát số {activity_id}.")
    team = a.team
    # the report is made when the supervision ends (or on its first day when it has no end)
    day = a.end_date or a.start_date
    recipients = []
    if a.sent_to:
        recipients.append(a.sent_to)
    area = _area_label(team)
    recipients += [f"Chi bộ {area}", f"Ban Công tác Mặt trận {area}", "Lưu: Tổ dân vận"]
    return SupervisionReportData(
        header=team_header(org, team, _style(org, STYLE_KEY), "BC", date=day),
        team_name=team.name, subject=a.subject, kind=kind_label(a.kind), form=a.form,
        start_date=a.start_date, end_date=a.end_date, participants=a.participants,
        participant_count=a.participant_count or 0, findings=a.findings, recommendations=a.recommendations,
        sent_to=a.sent_to, sent_on=a.sent_on, answer=a.answer, answered_on=a.answered_on,
        acted_on=acted_label(a.acted_on) if a.answered_on else "",
        signer=team_signer(team, day), recipients=recipients,
    )


def _result(a: SupervisionActivity) -> str:
    if a.answered_on is not None:
        text = f"Đã trả lời {short_date(a.answered_on)}"
        label = acted_label(a.acted_on)
        return f"{text}; {label.lower()}" if label else text
    return "Chờ trả lời" if a.sent_on is not None else "Chưa gửi kiến nghị"


def list_data(year: int | None = None, team_id: int | None = None, *, area_id: int | None = None,
              org: Organisation | None = None, today: dt.date | None = None) -> SupervisionListData:
    """The activities started in *year* (this year by default), of one team,
    of one area's team(s) or of the whole commune, oldest first."""
    org = org or load_organisation()
    today = today or dt.date.today()
    year = year or today.year
    style = _style(org, STYLE_KEY)
    S = SupervisionActivity
    query = (S.select(S, Team).join(Team).join(Area)
             .where(S.deleted_at.is_null() & Team.deleted_at.is_null()
                    & (S.start_date >= dt.date(year, 1, 1)) & (S.start_date <= dt.date(year, 12, 31))))
    if team_id is not None:
        team = find_team(team_id)
        query = query.where(S.team == team.id)
        header, scope, signer = team_header(org, team, style, "DS", date=today), team.name, team_signer(team, today)
    else:
        if area_id is not None:
            query = query.where(Team.area == area_id)
        header, scope = commune_header(org, style, "DS", date=today), org.commune or "toàn xã"
        signer = commune_signer(org, style)
    entries = []
    for a in query.order_by(S.start_date, S.id):
        sent = f"{a.sent_to} ({short_date(a.sent_on)})" if a.sent_on else ""
        entries.append(SupervisionEntry(
            start_date=a.start_date, end_date=a.end_date, team_name=a.team.name, subject=a.subject,
            kind=kind_label(a.kind), form=a.form, participant_count=a.participant_count or 0,
            recommendations=a.recommendations, sent=sent, result=_result(a)))
    if team_id is None and area_id is None:
        counts = supervision_counts(year)
        totals = [(label, counts.by_kind.get(code, 0)) for code, label in vocab.SUPERVISION_KINDS]
        sent, answered, acted = counts.sent, counts.answered, counts.acted_on
    else:  # count what is listed
        by_label = {}
        for e in entries:
            by_label[e.kind] = by_label.get(e.kind, 0) + 1
        totals = [(label, by_label.get(label, 0)) for _code, label in vocab.SUPERVISION_KINDS]
        listed = list(query)
        sent = sum(a.sent_on is not None for a in listed)
        answered = sum(a.answered_on is not None for a in listed)
        acted = sum(a.answered_on is not None and a.acted_on in ACTED for a in listed)
    return SupervisionListData(header=header, scope_name=scope, year=year, entries=entries,
                               show_team=team_id is None, totals=totals, sent=sent, answered=answered,
                               acted_on=acted, signer=signer)


def report_document(activity_id: int, **options) -> B.Document:
    return supervision_doc.report(report_data(activity_id, **options))


def list_document(year: int | None = None, team_id: int | None = None, **options) -> B.Document:
    return supervision_doc.list_document(list_data(year, team_id, **options))
