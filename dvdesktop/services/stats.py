"""Statistics of the whole database: counts by aggregate SQL, no per-row Python.

Without a year the figures are the current state: records in the register
today and every activity ever recorded. With a year:

* teams, memberships_active, members — as on 31 December of that year
  (or today, while the year is not over): teams established and not
  dissolved by then, memberships running on that day, distinct people in them;
* persons — distinct people who were team members at some time in the year;
* meetings (held), outreach sessions and their audience, concerns, mediation
  cases — those dated in the year (concerns and cases by the date received);
  concerns_resolved / mediation_successful — of those received in the year,
  the ones resolved / mediated successfully; mediation_unsuccessful counts
  what the commune's reporting form calls "không thành" (not settled,
  stopped, sent to the authority: services.mediation_register.NOT_SETTLED);
* exemplary_models — models of that year.

Soft-deleted rows (in the trash) are never counted, nor the records of a
deleted team.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee as pw

from ..store.models import (
    Area, Campaign, CampaignContribution, Concern, Evaluation, ExemplaryModel, Household, MediationCase, Meeting,
    Membership, OutreachSession, Person, Team,
)
from ..vn import format_number
from .mediation.register_data import NOT_SETTLED

# Keys in output order with their Vietnamese labels (for the table).
LABELS = {
    "areas": "Địa bàn (thôn, bản, tổ dân phố)",
    "teams": "Tổ dân vận",
    "persons": "Người",
    "members": "Thành viên đang tham gia tổ",
    "memberships_active": "Lượt thành viên đang hoạt động",
    "meetings": "Cuộc họp Tổ dân vận",
    "outreach_sessions": "Buổi tuyên truyền, vận động",
    "outreach_audience": "Lượt người nghe tuyên truyền",
    "concerns": "Ý kiến, kiến nghị",
    "concerns_resolved": "Kiến nghị đã giải quyết",
    "mediation_cases": "Vụ việc hòa giải",
    "mediation_successful": "Hòa giải thành",
    "mediation_unsuccessful": "Hòa giải không thành",
    "mediation_ongoing": "Đang hòa giải",
    "exemplary_models": "Mô hình \u201cDân vận khéo\u201d",
    "households_helped": "Hộ khó khăn được giúp đỡ",
    "campaign_work_days": "Ngày công đóng góp cho phong trào",
    "campaign_money": "Tiền đóng góp cho phong trào (đồng)",
    "evaluations": "Lượt tổ được đánh giá, xếp loại",
}


def _live_teams():
    return Team.select(Team.id).where(Team.deleted_at.is_null())


def _count_case(condition) -> pw.Expression:
    return pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, ((condition, 1),), 0)), 0)


def collect(year: int | None = None, today: dt.date | None = None) -> dict:
    """The statistics as a dict of plain numbers (JSON-ready)."""
    today = today or dt.date.today()
    live = _live_teams()
    if year is None:
        on = today
        start = end = None
    else:
        on = min(dt.date(year, 12, 31), today)
        start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)

    def in_year(field, datetime_field=False):
        if year is None:
            return pw.SQL("1 = 1")
        if datetime_field:
            return (field >= dt.datetime(year, 1, 1)) & (field < dt.datetime(year + 1, 1, 1))
        return (field >= start) & (field < end)

    stats: dict[str, object] = {"year": year}

    # register
    stats["areas"] = Area.select().where(Area.deleted_at.is_null() & (Area.active == True)).count()  # noqa: E712
    team_q = Team.select().where(Team.deleted_at.is_null())
    if year is None:
        team_q = team_q.where(Team.status == "active")
    else:
        team_q = team_q.where(
            (Team.established_on.is_null() | (Team.established_on <= on))
            & (Team.dissolved_on.is_null() | (Team.dissolved_on > on))
        )
    stats["teams"] = team_q.count()
    running = (
        Membership.team.in_(live)
        & Membership.person.in_(Person.select(Person.id).where(Person.deleted_at.is_null()))
        & (Membership.start_date <= on)
        & (Membership.end_date.is_null() | (Membership.end_date > on))
    )
    row = Membership.select(pw.fn.COUNT(Membership.id), pw.fn.COUNT(Membership.person.distinct())).where(running).tuples().first()
    stats["memberships_active"], stats["members"] = int(row[0] or 0), int(row[1] or 0)
    if year is None:
        stats["persons"] = Person.select().where(Person.deleted_at.is_null()).count()
    else:
        stats["persons"] = (
            Membership.select(pw.fn.COUNT(Membership.person.distinct()))
            .where(
                Membership.team.in_(live)
                & Membership.person.in_(Person.select(Person.id).where(Person.deleted_at.is_null()))
                & (Membership.start_date < end)
                & (Membership.end_date.is_null() | (Membership.end_date > start))
            )
            .scalar() or 0
        )

    # activity
    stats["meetings"] = Meeting.select().where(
        Meeting.deleted_at.is_null() & (Meeting.status == "held") & Meeting.team.in_(live)
        & in_year(Meeting.starts_at, datetime_field=True)
    ).count()
    row = OutreachSession.select(pw.fn.COUNT(OutreachSession.id), pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_total), 0)).where(
        OutreachSession.deleted_at.is_null() & OutreachSession.team.in_(live) & in_year(OutreachSession.held_on)
    ).tuples().first()
    stats["outreach_sessions"], stats["outreach_audience"] = int(row[0] or 0), int(row[1] or 0)
    row = Concern.select(pw.fn.COUNT(Concern.id), _count_case(Concern.status == "da_giai_quyet")).where(
        Concern.deleted_at.is_null() & (Concern.team.is_null() | Concern.team.in_(live)) & in_year(Concern.received_on)
    ).tuples().first()
    stats["concerns"], stats["concerns_resolved"] = int(row[0] or 0), int(row[1] or 0)
    row = MediationCase.select(
        pw.fn.COUNT(MediationCase.id), _count_case(MediationCase.outcome == "thanh"),
        _count_case(MediationCase.outcome.in_(NOT_SETTLED)), _count_case(MediationCase.outcome == "dang"),
    ).where(
        MediationCase.deleted_at.is_null() & (MediationCase.team.is_null() | MediationCase.team.in_(live))
        & in_year(MediationCase.received_on)
    ).tuples().first()
    stats["mediation_cases"], stats["mediation_successful"] = int(row[0] or 0), int(row[1] or 0)
    stats["mediation_unsuccessful"], stats["mediation_ongoing"] = int(row[2] or 0), int(row[3] or 0)
    models = ExemplaryModel.select().where(
        ExemplaryModel.deleted_at.is_null() & (ExemplaryModel.team.is_null() | ExemplaryModel.team.in_(live))
    )
    if year is not None:
        models = models.where(ExemplaryModel.year == year)
    stats["exemplary_models"] = models.count()
    households = Household.select().where(Household.deleted_at.is_null())
    if year is not None:
        from ..store.models import HouseholdSupport

        households = households.where(Household.id.in_(
            HouseholdSupport.select(HouseholdSupport.household).where(in_year(HouseholdSupport.given_on))
        ))
    stats["households_helped"] = households.count()
    contrib = CampaignContribution.select(
        pw.fn.COALESCE(pw.fn.SUM(CampaignContribution.work_days), 0), pw.fn.COALESCE(pw.fn.SUM(CampaignContribution.money), 0)
    ).join(Campaign).where(Campaign.deleted_at.is_null() & CampaignContribution.team.in_(live))
    if year is not None:
        contrib = contrib.where(Campaign.year == year)
    work_days, money = contrib.tuples().first()
    work_days = Decimal(str(work_days or 0))
    stats["campaign_work_days"] = int(work_days) if work_days == work_days.to_integral_value() else float(work_days)
    stats["campaign_money"] = int(money or 0)
    evaluations = Evaluation.select().where(Evaluation.team.in_(live))
    if year is not None:
        evaluations = evaluations.where(Evaluation.year == year)
    stats["evaluations"] = evaluations.count()
    ordered = {"year": year}
    ordered.update({k: stats[k] for k in LABELS})
    return ordered


def format_table(stats: dict, title: str = "") -> str:
    """A readable Vietnamese table with numbers in the Vietnamese format."""
    year = stats.get("year")
    heading = title or (f"THỐNG KÊ NĂM {year}" if year else "THỐNG KÊ HIỆN TẠI")
    rows = [(label, format_number(stats[key])) for key, label in LABELS.items() if key in stats]
    width = max(len(label) for label, _ in rows)
    num_width = max(len(n) for _, n in rows)
    lines = [heading, "-" * (width + num_width + 3)]
    lines += [f"{label.ljust(width)}   {number.rjust(num_width)}" for label, number in rows]
    return "\n".join(lines)
