"""The yearly rating's printed papers: fill documents.evaluation_data from
the ratings (ratings.rating, board.year_board). No Qt here; the kinds
"evaluation-sheet" and "evaluation-report" are declared in
services/printing/catalog.py (the GUI's In… menu and `dvdesktop print` both
go through it).

The header style is the setting both papers share (Party or State).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ...documents.evaluation_data import (
    EvaluationReportData, EvaluationSheetData, ReportLevel, ReportTeam, SheetCriterion, SheetGroup,
)
from ..settings import Organisation, load_organisation
from .board import year_board
from .criteria import require_criteria_set
from .ratings import STAGE_NAMES, level_for, rating

STYLE_KEY = "evaluation-sheet"  # the header setting of both papers (printing/catalog.py)


def this_year() -> int:
    return dt.date.today().year


def sheet_data(team_id: int, year: int, *, org: Organisation | None = None,
               today: dt.date | None = None) -> EvaluationSheetData:
    from ..printing.headers import team_header, team_signer
    from ..printing.headers import find_team as _team

    org = org or load_organisation()
    today = today or dt.date.today()
    r = rating(team_id, year)
    team = _team(team_id)
    reviewed = r.stage in ("review", "decided")
    groups: list[SheetGroup] = []
    for line in r.criteria:
        if not groups or groups[-1].title != line.group:
            groups.append(SheetGroup(line.group))
        review_score = line.given if reviewed or (line.given is not None and line.given != line.self_score) else None
        groups[-1].criteria.append(SheetCriterion(line.code, line.text, line.max_points, line.self_score, review_score))
    criteria = [c for g in groups for c in g.criteria]
    self_total = (sum((c.self_score for c in criteria), Decimal(0))
                  if criteria and all(c.self_score is not None for c in criteria) else None)
    reviewed_total = (sum((c.reviewed_score for c in criteria), Decimal(0))
                      if reviewed and all(c.reviewed_score is not None for c in criteria) else None)
    proposed = level_for(self_total, r.levels)[1] if self_total is not None and r.levels else ""
    reviewed_level = ""
    if reviewed_total is not None:
        decided = r.stage == "decided" and r.level_name
        reviewed_level = r.level_name if decided else level_for(reviewed_total, r.levels)[1]
    style = org.header_style(STYLE_KEY)
    day = min(today, dt.date(year + 1, 12, 31))
    return EvaluationSheetData(
        header=team_header(org, team, style, "", date=day), team_name=r.team_name, year=year,
        criteria_set_name=r.criteria_set_name, groups=groups, max_total=r.max_total, self_total=self_total,
        reviewed_total=reviewed_total, proposed_level=proposed, reviewed_level=reviewed_level,
        signer=team_signer(team, day),
    )


def _note(row) -> str:
    if not row.eligible:
        return "Không xếp loại (hoạt động chưa đủ thời gian)"
    if row.stage == "decided":
        return ""
    if row.stage is None and row.given_total is None:
        return "Chưa đánh giá"
    return STAGE_NAMES.get(row.stage or "", "")


def report_data(year: int, *, org: Organisation | None = None, today: dt.date | None = None) -> EvaluationReportData:
    from ..printing.headers import commune_header, commune_signer

    org = org or load_organisation()
    today = today or dt.date.today()
    cset = require_criteria_set(year)
    board = year_board(year)
    dist = board.distribution
    style = org.header_style(STYLE_KEY)
    teams = [ReportTeam(row.team_name, row.area_name, row.commune,
                        row.given_total if row.eligible else None,
                        row.level_name if row.eligible and row.level_code else "", _note(row))
             for row in board.rows]
    several = len({row.commune for row in board.rows}) > 1
    scope = org.commune or ("toàn tỉnh" if several else "xã")
    recipients = ["- Thường trực Đảng ủy;", "- Ủy ban Mặt trận Tổ quốc xã;", "- Các Tổ dân vận;", "- Lưu: VT."]
    return EvaluationReportData(
        header=commune_header(org, style, "BC", date=min(today, dt.date(year + 1, 12, 31))), year=year, scope=scope,
        criteria_set_name=cset.name, teams_total=dist.teams,
        levels=[ReportLevel(lv.name, lv.count) for lv in dist.levels], unrated=dist.unrated,
        ineligible=dist.ineligible, min_active_months=cset.quota.min_active_months, teams=teams,
        several_communes=several, signer=commune_signer(org, style), recipients=recipients,
    )
