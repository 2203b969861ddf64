"""Campaigns and each team's contribution; households the teams help. No Qt here."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import ValidationError
from ..store.models import Area, Campaign, CampaignContribution, Household, HouseholdSupport, Team
from ..vn import name_sort_key, sort_key
from .core import vocab
from .core.fields import Choice, Date, Integer, Number, Ref, Text
from .core.records import RecordService

_THIS_YEAR = dt.date.today().year
WORK_DAY_STEP = Decimal("0.1")  # the column keeps one decimal: 2,5 ngày công


@dataclass(frozen=True)
class Money(Integer):
    """Whole đồng, typed the Vietnamese way: '1.500.000', '1 500 000 đ', '2.000.000 đồng'."""

    def coerce(self, value):
        if isinstance(value, float):
            if not value.is_integer():
                raise ValidationError(self.name, f"{self.label} phải là số đồng chẵn.")
            value = int(value)
        if isinstance(value, Decimal):
            if value != value.to_integral_value():
                raise ValidationError(self.name, f"{self.label} phải là số đồng chẵn.")
            value = int(value)
        if isinstance(value, str):
            text = value.strip().lower()
            for unit in ("đồng", "vnđ", "vnd", "đ"):
                if text.endswith(unit):
                    text = text[: -len(unit)].strip()
                    break
            if "," in text:
                raise ValidationError(self.name, f"{self.label} phải là số đồng chẵn (không có phần lẻ sau dấu phẩy).")
            value = text
        return super().coerce(value)


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


# --- households ----------------------------------------------------------------


class HouseholdService(RecordService):
    model = Household
    label = "hộ gia đình"
    fields = (
        Ref("area", "Địa bàn", required=True, model=Area),
        Text("head_name", "Chủ hộ", required=True),
        Choice("situation", "Hoàn cảnh", choices=vocab.HOUSEHOLD_SITUATIONS, default="ngheo"),
        Integer("members", "Số nhân khẩu", minimum=1, maximum=50),
        Integer("since_year", "Năm bắt đầu", minimum=1990, maximum=_THIS_YEAR),
        Integer("left_poverty_year", "Năm thoát nghèo", minimum=1990, maximum=_THIS_YEAR),
        Text("notes", "Ghi chú", max_length=5000, multiline=True),
    )

    @classmethod
    def check(cls, values, existing):
        since, left = values.get("since_year"), values.get("left_poverty_year")
        if since and left and left < since:
            raise ValidationError("left_poverty_year", "Năm thoát nghèo không được trước năm bắt đầu.")


class HouseholdSupportService(RecordService):
    model = HouseholdSupport
    label = "lần hỗ trợ"
    fields = (
        Ref("household", "Hộ được giúp", required=True, model=Household),
        Ref("team", "Tổ dân vận", model=Team),
        Date("given_on", "Ngày hỗ trợ", required=True),
        Text("kind", "Hình thức hỗ trợ", required=True, max_length=100),
        Text("description", "Nội dung", max_length=5000, multiline=True),
        Text("given_by", "Người, đơn vị hỗ trợ", max_length=300),
        Money("value", "Trị giá (đồng)", default=0),
    )

    @classmethod
    def check(cls, values, existing):
        if values["given_on"] > dt.date.today():
            raise ValidationError("given_on", "Ngày hỗ trợ không được sau hôm nay.")
        household = Household.get_by_id(values["household"])
        if household.since_year and values["given_on"].year < household.since_year:
            raise ValidationError("given_on", f"Ngày hỗ trợ trước năm {household.since_year} hộ bắt đầu được theo dõi.")


def households_left_poverty(year: int) -> list[Household]:
    """Households (not in the trash) that left poverty in *year*, by head's name."""
    rows = list(HouseholdService.active().where(Household.left_poverty_year == year))
    return sorted(rows, key=lambda h: name_sort_key(h.head_name))
