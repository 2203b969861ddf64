"""The campaigns list (Phong trào, chiến dịch): a year's campaigns with the
teams' parts summed by services.campaigns.totals."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ...store.models import Campaign, CampaignContribution, Team
from ...vn import fold, sort_key as vn_key
from ..campaigns import totals
from . import search_tokens


@dataclass(frozen=True)
class CampaignFilter:
    query: str = ""
    year: int | None = None
    kind: str | None = None


@dataclass
class CampaignRow:
    id: int
    name: str
    kind: str
    start_date: dt.date | None
    description: str
    teams: int  # teams that took part
    households: int
    work_days: Decimal
    money: int


def campaign_ids(filters: CampaignFilter, sort: str | None = None, descending: bool = False) -> list[int]:
    """Ids of the campaigns matching *filters*, by name (Vietnamese order),
    by start date or by kind (then the name)."""
    q = Campaign.select(Campaign.id, Campaign.name, Campaign.kind, Campaign.start_date).where(
        Campaign.deleted_at.is_null())
    if filters.year is not None:
        q = q.where(Campaign.year == filters.year)
    if filters.kind:
        q = q.where(Campaign.kind == filters.kind)
    rows = list(q.tuples())
    tokens = search_tokens(filters.query)
    if tokens:  # a commune has tens of campaigns a year: folded in Python
        rows = [r for r in rows if all(t in fold(f"{r[1]} {r[2]}") for t in tokens)]
    if sort == "start_date":
        rows.sort(key=lambda r: (r[3] or dt.date.max, vn_key(r[1])), reverse=descending)
    elif sort == "kind":
        rows.sort(key=lambda r: (vn_key(r[2]), vn_key(r[1])), reverse=descending)
    else:
        rows.sort(key=lambda r: vn_key(r[1]), reverse=descending)
    return [r[0] for r in rows]


def campaign_rows(ids: list[int]) -> list[CampaignRow]:
    if not ids:
        return []
    result = []
    for cid, name, kind, start, description in (
            Campaign.select(Campaign.id, Campaign.name, Campaign.kind, Campaign.start_date, Campaign.description)
            .where(Campaign.id.in_(ids)).tuples()):
        t = totals(cid)
        result.append(CampaignRow(cid, name, kind or "", start, description or "", len(t.by_team), t.households,
                                  t.work_days, t.money))
    return result


def campaign_kinds_in_use() -> set[str]:
    """The kinds of the campaigns not deleted (any year)."""
    return {k for (k,) in Campaign.select(Campaign.kind).where(Campaign.deleted_at.is_null()).distinct().tuples() if k}


@dataclass
class ContributionLine:
    id: int
    team_name: str
    households: int
    work_days: Decimal
    money: int
    materials: str


def contribution_lines(campaign_id: int) -> list[ContributionLine]:
    """Each team's part in the campaign, by the team's name."""
    rows = (CampaignContribution.select(CampaignContribution.id, Team.name, CampaignContribution.households_mobilised,
                                        CampaignContribution.work_days, CampaignContribution.money,
                                        CampaignContribution.materials)
            .join(Team).where(CampaignContribution.campaign == campaign_id).tuples())
    return sorted((ContributionLine(*row) for row in rows), key=lambda c: vn_key(c.team_name))


__all__ = ["CampaignFilter", "CampaignRow", "ContributionLine", "campaign_ids", "campaign_kinds_in_use",
           "campaign_rows", "contribution_lines"]
