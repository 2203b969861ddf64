"""What each team recorded in a year, as the numbers a criterion's metric reads.

The counting rules are those of services/stats.py, so a team's figures add
up to the commune's: records in the trash are left out; a record belongs to
the year of its own date (meetings by the day they started, concerns and
mediation cases by the day received, outreach by the day held); only held
meetings count; "Dân vận khéo" models and campaigns by their year; a
mediation case counts as closed when it is no longer under way.

Two ways to the same numbers: year_facts() for every team of a year with
ONE grouped query per kind of record (the all-teams grid, 2,128 teams of a
province in well under a second), team_facts() for one team (the rating
form). A test holds them equal.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from ...store.base import database_proxy
from ...store.models import (
    Campaign, CampaignContribution, Concern, ExemplaryModel, MediationCase, Meeting, MeetingAttendance, OutreachSession,
    SupervisionActivity, Team,
)

# Metrics a criterion may name, with their Vietnamese labels.
METRICS = {
    "meetings": "Số cuộc họp Tổ dân vận đã tổ chức",
    "attendance_pct": "Tỷ lệ lượt thành viên dự họp (%)",
    "outreach_sessions": "Số buổi tuyên truyền, vận động",
    "outreach_audience": "Số lượt người nghe tuyên truyền",
    "concerns": "Số ý kiến, kiến nghị đã tiếp nhận",
    "concerns_resolved_pct": "Tỷ lệ kiến nghị đã được giải quyết (%)",
    "mediation_cases": "Số vụ việc hòa giải",
    "mediation_success_pct": "Tỷ lệ hòa giải thành (%)",
    "supervision": "Số cuộc giám sát của Nhân dân đã tổ chức",
    "exemplary_models": "Số mô hình \u201cDân vận khéo\u201d",
    "campaign_households": "Số hộ được vận động tham gia phong trào",
}


@dataclass(frozen=True)
class TeamFacts:
    """The counts behind the metrics of one team in one year."""

    meetings: int = 0
    attendance_total: int = 0  # attendance lines of held meetings
    attendance_present: int = 0
    outreach_sessions: int = 0
    outreach_audience: int = 0
    concerns: int = 0
    concerns_resolved: int = 0
    mediation_cases: int = 0
    mediation_successful: int = 0
    mediation_ongoing: int = 0
    exemplary_models: int = 0
    campaign_households: int = 0
    supervision: int = 0

    @property
    def mediation_closed(self) -> int:
        return self.mediation_cases - self.mediation_ongoing

    def metrics(self) -> dict[str, float]:
        """The value of every metric (percentages with one decimal; a rate
        with nothing to count is 100 %: nothing was left unresolved)."""
        return {
            "meetings": float(self.meetings),
            "attendance_pct": _pct(self.attendance_present, self.attendance_total, 0.0),
            "outreach_sessions": float(self.outreach_sessions),
            "outreach_audience": float(self.outreach_audience),
            "concerns": float(self.concerns),
            "concerns_resolved_pct": _pct(self.concerns_resolved, self.concerns, 100.0),
            "mediation_cases": float(self.mediation_cases),
            "mediation_success_pct": _pct(self.mediation_successful, self.mediation_closed, 100.0),
            "exemplary_models": float(self.exemplary_models),
            "campaign_households": float(self.campaign_households),
            "supervision": float(self.supervision),
        }


def _pct(part: int, whole: int, empty: float) -> float:
    return round(100.0 * part / whole, 1) if whole else empty


def _year_bounds(year: int):
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 1), dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)


def _count_case(condition) -> pw.Expression:
    return pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, ((condition, 1),), 0)), 0)


# --- every team of a year: one grouped query per kind of record --------------


def year_facts(year: int, team_ids: set[int] | None = None) -> dict[int, TeamFacts]:
    """TeamFacts of every live team (or of *team_ids*) for *year*; teams
    that recorded nothing get zeros."""
    start, end, start_dt, end_dt = _year_bounds(year)
    if team_ids is None:
        team_ids = {tid for (tid,) in Team.select(Team.id).where(Team.deleted_at.is_null()).tuples()}
    values: dict[int, dict[str, int]] = {tid: {} for tid in team_ids}

    def put(query, *names):
        # the raw cursor: peewee's row conversion costs more than the query here
        for row in database_proxy.execute(query).fetchall():
            target = values.get(row[0])
            if target is not None:
                for name, value in zip(names, row[1:]):
                    target[name] = int(value or 0)

    held = Meeting.deleted_at.is_null() & (Meeting.status == "held") & (Meeting.starts_at >= start_dt) & (Meeting.starts_at < end_dt)
    put(Meeting.select(Meeting.team, pw.fn.COUNT(Meeting.id)).where(held).group_by(Meeting.team), "meetings")
    put(
        MeetingAttendance.select(Meeting.team, pw.fn.COUNT(MeetingAttendance.id), _count_case(MeetingAttendance.status == "present"))
        .join(Meeting).where(held).group_by(Meeting.team),
        "attendance_total", "attendance_present",
    )
    put(
        OutreachSession.select(OutreachSession.team, pw.fn.COUNT(OutreachSession.id), pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_total), 0))
        .where(OutreachSession.deleted_at.is_null() & (OutreachSession.held_on >= start) & (OutreachSession.held_on < end))
        .group_by(OutreachSession.team),
        "outreach_sessions", "outreach_audience",
    )
    put(
        Concern.select(Concern.team, pw.fn.COUNT(Concern.id), _count_case(Concern.status == "da_giai_quyet"))
        .where(Concern.deleted_at.is_null() & Concern.team.is_null(False) & (Concern.received_on >= start) & (Concern.received_on < end))
        .group_by(Concern.team),
        "concerns", "concerns_resolved",
    )
    put(
        MediationCase.select(MediationCase.team, pw.fn.COUNT(MediationCase.id), _count_case(MediationCase.outcome == "thanh"),
                             _count_case(MediationCase.outcome == "dang"))
        .where(MediationCase.deleted_at.is_null() & MediationCase.team.is_null(False)
               & (MediationCase.received_on >= start) & (MediationCase.received_on < end))
        .group_by(MediationCase.team),
        "mediation_cases", "mediation_successful", "mediation_ongoing",
    )
    put(
        ExemplaryModel.select(ExemplaryModel.team, pw.fn.COUNT(ExemplaryModel.id))
        .where(ExemplaryModel.deleted_at.is_null() & ExemplaryModel.team.is_null(False) & (ExemplaryModel.year == year))
        .group_by(ExemplaryModel.team),
        "exemplary_models",
    )
    put(
        CampaignContribution.select(CampaignContribution.team, pw.fn.COALESCE(pw.fn.SUM(CampaignContribution.households_mobilised), 0))
        .join(Campaign).where(Campaign.deleted_at.is_null() & (Campaign.year == year))
        .group_by(CampaignContribution.team),
        "campaign_households",
    )
    put(
        SupervisionActivity.select(SupervisionActivity.team, pw.fn.COUNT(SupervisionActivity.id))
        .where(SupervisionActivity.deleted_at.is_null() & (SupervisionActivity.start_date >= start)
               & (SupervisionActivity.start_date < end))
        .group_by(SupervisionActivity.team).tuples(),
        "supervision",
    )
    return {tid: TeamFacts(**v) for tid, v in values.items()}


def year_metrics(year: int) -> dict[int, dict[str, float]]:
    """Every metric of every live team for *year*: {team_id: {metric: value}}."""
    return {tid: facts.metrics() for tid, facts in year_facts(year).items()}


# --- one team ----------------------------------------------------------------


def team_facts(team_id: int, year: int) -> TeamFacts:
    """TeamFacts of one team for *year*, by queries of its own (the form of
    one team needs no grouping)."""
    start, end, start_dt, end_dt = _year_bounds(year)
    meetings = Meeting.select(Meeting.id).where(
        (Meeting.team == team_id) & Meeting.deleted_at.is_null() & (Meeting.status == "held")
        & (Meeting.starts_at >= start_dt) & (Meeting.starts_at < end_dt)
    )
    att = MeetingAttendance.select(
        pw.fn.COUNT(MeetingAttendance.id), _count_case(MeetingAttendance.status == "present"),
    ).where(MeetingAttendance.meeting.in_(meetings)).tuples().first()
    outreach = OutreachSession.select(pw.fn.COUNT(OutreachSession.id), pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_total), 0)).where(
        (OutreachSession.team == team_id) & OutreachSession.deleted_at.is_null()
        & (OutreachSession.held_on >= start) & (OutreachSession.held_on < end)
    ).tuples().first()
    concerns = Concern.select(pw.fn.COUNT(Concern.id), _count_case(Concern.status == "da_giai_quyet")).where(
        (Concern.team == team_id) & Concern.deleted_at.is_null() & (Concern.received_on >= start) & (Concern.received_on < end)
    ).tuples().first()
    mediation = MediationCase.select(
        pw.fn.COUNT(MediationCase.id), _count_case(MediationCase.outcome == "thanh"), _count_case(MediationCase.outcome == "dang"),
    ).where(
        (MediationCase.team == team_id) & MediationCase.deleted_at.is_null()
        & (MediationCase.received_on >= start) & (MediationCase.received_on < end)
    ).tuples().first()
    models = ExemplaryModel.select().where(
        (ExemplaryModel.team == team_id) & ExemplaryModel.deleted_at.is_null() & (ExemplaryModel.year == year)
    ).count()
    households = (
        CampaignContribution.select(pw.fn.COALESCE(pw.fn.SUM(CampaignContribution.households_mobilised), 0))
        .join(Campaign).where((CampaignContribution.team == team_id) & (Campaign.year == year) & Campaign.deleted_at.is_null())
        .scalar()
    )
    supervision = SupervisionActivity.select().where(
        (SupervisionActivity.team == team_id) & SupervisionActivity.deleted_at.is_null()
        & (SupervisionActivity.start_date >= start) & (SupervisionActivity.start_date < end)
    ).count()
    return TeamFacts(
        supervision=supervision,
        meetings=meetings.count(), attendance_total=int(att[0] or 0), attendance_present=int(att[1] or 0),
        outreach_sessions=int(outreach[0] or 0), outreach_audience=int(outreach[1] or 0),
        concerns=int(concerns[0] or 0), concerns_resolved=int(concerns[1] or 0),
        mediation_cases=int(mediation[0] or 0), mediation_successful=int(mediation[1] or 0),
        mediation_ongoing=int(mediation[2] or 0), exemplary_models=models, campaign_households=int(households or 0),
    )


def metric_values(team_id: int, year: int) -> dict[str, float]:
    """The value of every metric for one team in *year*."""
    return team_facts(team_id, year).metrics()


team_metrics = metric_values
