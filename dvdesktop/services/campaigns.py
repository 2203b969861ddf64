"""Campaigns and each team's contribution (saved one at a time as the
campaign's child rows, services.core.children). No Qt here."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import ValidationError
from ..store.models import Campaign, CampaignContribution, Team
from ..vn import sort_key
from .core.children import Child
from .core.fields import Date, Integer, Money, Number, Ref, Text
from .core.records import RecordService

_THIS_YEAR = dt.date.today().year
WORK_DAY_STEP = Decimal("0.1")  # the column keeps one decimal: 2,5 ngày công


@dataclass(frozen=True)
class WorkDays(Number):
    def coerce(self, value):
        number = super().coerce(value)
        if number != number.quantize(WORK_DAY_STEP):
            raise ValidationError(self.name, f"{self.label} chỉ ghi tối đa một chữ số sau dấu phẩy (ví dụ 2,5).")
        return number.quantize(WORK_DAY_STEP)


class CampaignService(RecordService):
    model = Campaign
    label = "phong trào, chiến dịch"
    fields = (
        Text("name", "Tên phong trào, chiến dịch", required=True, max_length=300),
        Text("kind", "Loại", max_length=100),
        Integer("year", "Năm", required=True, minimum=2000, maximum=_THIS_YEAR + 1),
        Date("start_date", "Ngày bắt đầu"),
        Date("end_date", "Ngày kết thúc"),
        Text("description", "Mô tả", max_length=20000, multiline=True),
    )

    @classmethod
    def check(cls, values, existing):
        start, end = values.get("start_date"), values.get("end_date")
        if start and end and end < start:
            raise ValidationError("end_date", "Ngày kết thúc phải sau ngày bắt đầu.")
        if start and start.year != values["year"]:
            raise ValidationError("start_date", f"Ngày bắt đầu phải trong năm {values['year']} của phong trào.")


class ContributionService(RecordService):
    """A team's part in a campaign: one row per campaign and team."""

    model = CampaignContribution
    label = "kết quả tham gia của tổ"
    fields = (
        Ref("campaign", "Phong trào, chiến dịch", required=True, model=Campaign),
        Ref("team", "Tổ dân vận", required=True, model=Team),
        Integer("households_mobilised", "Số hộ được vận động", maximum=100000, default=0),
        WorkDays("work_days", "Ngày công", default=Decimal(0)),
        Money("money", "Số tiền đóng góp (đồng)", default=0),
        Text("materials", "Vật tư, hiện vật", max_length=500),
        Text("result", "Kết quả", max_length=20000, multiline=True),
    )

    @classmethod
    def check(cls, values, existing):
        query = CampaignContribution.select().where(
            (CampaignContribution.campaign == values["campaign"]) & (CampaignContribution.team == values["team"])
        )
        if existing is not None:
            query = query.where(CampaignContribution.id != existing.id)
        if query.exists():
            raise ValidationError("team", "Tổ này đã có kết quả trong phong trào này; hãy sửa dòng đã có.")


# declared here: the child service is defined after the campaign's
CampaignService.children = (
    Child("contributions", ContributionService, fk="campaign", label="Kết quả tham gia của tổ"),
)


@dataclass
class TeamTotal:
    team_id: int
    team_name: str
    households: int = 0
    work_days: Decimal = Decimal("0.0")
    money: int = 0


@dataclass
class Totals:
    households: int = 0
    work_days: Decimal = Decimal("0.0")
    money: int = 0
    by_team: list[TeamTotal] = field(default_factory=list)


def totals(campaign_id: int | None = None, year: int | None = None) -> Totals:
    """Households mobilised, work days and money of a campaign, of a year's
    campaigns, or of all, with each team's sum (teams by name). Campaigns and
    teams in the trash are left out. Summed in Python: work days stay exact
    decimals on SQLite too."""
    query = (
        CampaignContribution.select(CampaignContribution.team, Team.name, CampaignContribution.households_mobilised,
                                    CampaignContribution.work_days, CampaignContribution.money)
        .join(Campaign, on=(CampaignContribution.campaign == Campaign.id))
        .switch(CampaignContribution).join(Team, on=(CampaignContribution.team == Team.id))
        .where(Campaign.deleted_at.is_null() & Team.deleted_at.is_null())
    )
    if campaign_id is not None:
        query = query.where(CampaignContribution.campaign == campaign_id)
    if year is not None:
        query = query.where(Campaign.year == year)
    result = Totals()
    teams: dict[int, TeamTotal] = {}
    # plain tuples, not models: a province year is thousands of contributions
    for team_id, team_name, households, work_days, money in query.tuples():
        work_days = Decimal(str(work_days or 0)).quantize(WORK_DAY_STEP)
        money = int(money or 0)
        households = int(households or 0)
        t = teams.setdefault(team_id, TeamTotal(team_id, team_name))
        t.households += households
        t.work_days += work_days
        t.money += money
        result.households += households
        result.work_days += work_days
        result.money += money
    result.by_team = sorted(teams.values(), key=lambda t: sort_key(t.team_name))
    return result
