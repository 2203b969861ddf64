"""Yearly rating of the Tổ dân vận: criteria sets, scores, ratings, quota.

A criteria set is data, not code: its groups, criteria, maximum points,
rating levels with their thresholds and the quota rules come from a JSON file
(resources/criteria/default.json is a realistic example, meant to be edited
to the province's rules of the year) or from the settings form.

Stored shapes (store.models):

* CriteriaSet.levels  — JSON list, best level first:
  ``[{"code": "HTXS", "name": "Hoàn thành xuất sắc nhiệm vụ", "min_points": 90}, ...]``
* CriteriaSet.quota   — JSON object:
  ``{"top_level_max_share_of": ["HTXS", "HTT", 0.2], "min_active_months": 9}``
  meaning: teams rated HTXS may be at most 20 % of the teams rated HTT or
  better (HTXS are chosen among those rated "tốt"), and a team active fewer
  than 9 months in the year is not rated.
* Criterion.metric    — optional ``"name:target"``: the value of *name* for
  the team and year (see METRICS) reaching *target* suggests the full points,
  less suggests a proportional score (rounded down to 0.5).

Flow of one evaluation (one team, one year):
``self`` (the team scores itself) → ``review`` (the commune board checks and
may change scores) → ``decided`` (the decision is made; rating final).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

import peewee as pw

from ..errors import NotFoundError, ValidationError
from ..paths import resource
from ..store.base import database_proxy, now
from ..store.models import (
    CampaignContribution, Concern, CriteriaSet, Criterion, Evaluation, EvaluationScore, ExemplaryModel,
    MediationCase, Meeting, MeetingAttendance, OutreachSession, Team,
)
from ..vn import nfc
from .core import audit
from .core.fields import Integer, Number, Ref, Text
from .core.records import RecordService

DEFAULT_CRITERIA = "default.json"
STAGES = ("self", "review", "decided")

# Metrics a criterion may name; each is computed for one team and one year.
METRICS = {
    "meetings": "Số cuộc họp Tổ dân vận đã tổ chức",
    "attendance_pct": "Tỷ lệ lượt thành viên dự họp (%)",
    "outreach_sessions": "Số buổi tuyên truyền, vận động",
    "outreach_audience": "Số lượt người nghe tuyên truyền",
    "concerns": "Số ý kiến, kiến nghị đã tiếp nhận",
    "concerns_resolved_pct": "Tỷ lệ kiến nghị đã được giải quyết (%)",
    "mediation_cases": "Số vụ việc hòa giải",
    "mediation_success_pct": "Tỷ lệ hòa giải thành (%)",
    "exemplary_models": "Số mô hình \"Dân vận khéo\"",
    "campaign_households": "Số hộ được vận động tham gia phong trào",
}


def default_criteria_path() -> Path:
    return resource("criteria", DEFAULT_CRITERIA)


# --- record services ---------------------------------------------------------


def _json_list(value: str, name: str, label: str) -> list:
    try:
        data = json.loads(value or "[]")
    except json.JSONDecodeError:
        raise ValidationError(name, f"{label} không đúng định dạng JSON.") from None
    if not isinstance(data, list):
        raise ValidationError(name, f"{label} phải là một danh sách.")
    return data


class CriteriaSetService(RecordService):
    model = CriteriaSet
    label = "bộ tiêu chí"
    fields = (
        Integer("year", "Năm", required=True, minimum=2000, maximum=2200),
        Text("name", "Tên bộ tiêu chí", required=True, max_length=300),
        Text("levels", "Mức xếp loại", max_length=5000, multiline=True),
        Text("quota", "Quy định tỷ lệ", max_length=2000, multiline=True),
    )

    @classmethod
    def derive_values(cls, cleaned, state, existing):
        """Check the levels and quota JSON and store them as checked: NFC
        names (also where the JSON escaped the marks), numeric thresholds."""
        levels = check_levels(_json_list(state.get("levels") or "[]", "levels", "Mức xếp loại"))
        try:
            quota = json.loads(state.get("quota") or "{}")
        except json.JSONDecodeError:
            raise ValidationError("quota", "Quy định tỷ lệ không đúng định dạng JSON.") from None
        cleaned["levels"] = state["levels"] = json.dumps(levels, ensure_ascii=False)
        cleaned["quota"] = state["quota"] = json.dumps(check_quota_rules(quota), ensure_ascii=False)

    @classmethod
    def for_year(cls, year: int) -> CriteriaSet | None:
        """The criteria set used for *year* (the latest one entered)."""
        return cls.active().where(CriteriaSet.year == year).order_by(CriteriaSet.id.desc()).first()

    @classmethod
    def criteria(cls, set_id: int) -> list[Criterion]:
        return list(Criterion.select().where(Criterion.criteria_set == set_id).order_by(Criterion.position, Criterion.id))


class CriterionService(RecordService):
    model = Criterion
    label = "tiêu chí"
    fields = (
        Ref("criteria_set", "Bộ tiêu chí", required=True, model=CriteriaSet),
        Text("group", "Nhóm tiêu chí", max_length=300),
        Text("code", "Mã tiêu chí", required=True, max_length=20),
        Text("title", "Nội dung tiêu chí", required=True, max_length=2000, multiline=True),
        Number("max_points", "Điểm tối đa", required=True),
        Text("metric", "Chỉ số gợi ý điểm", max_length=50),
        Integer("position", "Thứ tự", default=0),
    )

    @classmethod
    def check(cls, values, existing):
        if values["max_points"] <= 0:
            raise ValidationError("max_points", "Điểm tối đa phải lớn hơn 0.")
        if values.get("metric"):
            parse_metric(values["metric"])
        query = Criterion.select().where((Criterion.criteria_set == values["criteria_set"]) & (Criterion.code == values["code"]))
        if existing is not None:
            query = query.where(Criterion.id != existing.id)
        if query.exists():
            raise ValidationError("code", f"Bộ tiêu chí đã có tiêu chí mã «{values['code']}».")


# --- criteria definitions (JSON) ---------------------------------------------


def parse_metric(metric: str) -> tuple[str, Decimal]:
    """'meetings:4' → ('meetings', Decimal(4)); a bare name has target 1."""
    name, _, target = (metric or "").partition(":")
    name = name.strip()
    if name not in METRICS:
        raise ValidationError("metric", f"Chỉ số «{name}» không có; chọn một trong: {', '.join(METRICS)}.")
    try:
        value = Decimal(target.strip() or "1")
    except ArithmeticError:
        raise ValidationError("metric", f"Mức của chỉ số «{metric}» phải là số.") from None
    if value <= 0:
        raise ValidationError("metric", f"Mức của chỉ số «{metric}» phải lớn hơn 0.")
    return name, value


def check_levels(levels: list) -> list[dict]:
    if not levels:
        raise ValidationError("levels", "Bộ tiêu chí cần ít nhất một mức xếp loại.")
    cleaned, seen = [], set()
    for level in levels:
        if not isinstance(level, dict) or not level.get("code") or not level.get("name"):
            raise ValidationError("levels", "Mỗi mức xếp loại cần có mã (code) và tên (name).")
        try:
            points = float(level.get("min_points", 0))
        except (TypeError, ValueError):
            raise ValidationError("levels", f"Ngưỡng điểm của mức «{level['name']}» phải là số.") from None
        if level["code"] in seen:
            raise ValidationError("levels", f"Mã mức xếp loại «{level['code']}» bị lặp.")
        seen.add(level["code"])
        cleaned.append({"code": nfc(str(level["code"])), "name": nfc(str(level["name"])), "min_points": points})
    if any(a["min_points"] <= b["min_points"] for a, b in zip(cleaned, cleaned[1:])):
        raise ValidationError("levels", "Các mức xếp loại phải xếp từ cao xuống thấp, ngưỡng điểm giảm dần.")
    return cleaned


def check_quota_rules(quota: Any) -> dict:
    if not isinstance(quota, dict):
        raise ValidationError("quota", "Quy định tỷ lệ phải là một đối tượng JSON.")
    rule = quota.get("top_level_max_share_of")
    if rule is not None:
        if not (isinstance(rule, list) and len(rule) == 3 and isinstance(rule[2], (int, float)) and 0 <= rule[2] <= 1):
            raise ValidationError("quota", "«top_level_max_share_of» phải có dạng [mức cao nhất, mức so sánh, tỷ lệ 0–1].")
    months = quota.get("min_active_months")
    if months is not None and not (isinstance(months, int) and 0 <= months <= 12):
        raise ValidationError("quota", "«min_active_months» phải là số tháng từ 0 đến 12.")
    return quota


def load_definition(source: str | Path | dict | None = None) -> dict:
    """Read and check a criteria-set definition (a JSON file, or its dict)."""
    if source is None:
        source = default_criteria_path()
    if isinstance(source, dict):
        data = source
    else:
        path = Path(source)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NotFoundError(f"Không tìm thấy tệp bộ tiêu chí «{path}».") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ValidationError("file", f"Tệp bộ tiêu chí «{path.name}» không đúng định dạng JSON ({exc}).") from None
    groups = data.get("groups")
    if not isinstance(groups, list) or not groups:
        raise ValidationError("groups", "Bộ tiêu chí cần ít nhất một nhóm tiêu chí (groups).")
    codes = set()
    for group in groups:
        for crit in group.get("criteria") or []:
            if not crit.get("code") or not crit.get("title"):
                raise ValidationError("criteria", "Mỗi tiêu chí cần có mã (code) và nội dung (title).")
            if crit["code"] in codes:
                raise ValidationError("criteria", f"Mã tiêu chí «{crit['code']}» bị lặp.")
            codes.add(crit["code"])
            try:
                if Decimal(str(crit.get("max_points"))) <= 0:
                    raise ArithmeticError
            except ArithmeticError:
                raise ValidationError("criteria", f"Điểm tối đa của tiêu chí {crit['code']} phải là số dương.") from None
            if crit.get("metric"):
                parse_metric(crit["metric"])
    if not codes:
        raise ValidationError("criteria", "Bộ tiêu chí chưa có tiêu chí nào.")
    check_levels(data.get("levels") or [])
    check_quota_rules(data.get("quota") or {})
    return data


def definition_rows(data: dict) -> list[dict]:
    """The criteria of a definition, flattened in order: group, code, title, max_points, metric, position."""
    rows, position = [], 0
    for group in data["groups"]:
        for crit in group.get("criteria") or []:
            position += 1
            rows.append({
                "group": nfc(group.get("title", "")), "code": nfc(str(crit["code"])), "title": nfc(crit["title"]),
                "max_points": Decimal(str(crit["max_points"])), "metric": crit.get("metric") or "", "position": position,
            })
    return rows


def import_criteria_set(source: str | Path | dict | None, year: int, *, name: str | None = None) -> CriteriaSet:
    """Create the criteria set of *year* from a JSON file or dict (None: the
    default set shipped with the program)."""
    data = load_definition(source)
    with database_proxy.atomic():
        cset = CriteriaSetService.create_row({
            "year": year,
            "name": name or str(data.get("name") or "Bộ tiêu chí năm {year}").replace("{year}", str(year)),
            "levels": json.dumps(data["levels"], ensure_ascii=False),
            "quota": json.dumps(data.get("quota") or {}, ensure_ascii=False),
        })
        for row in definition_rows(data):
            CriterionService.create_row({"criteria_set": cset.id, **row})
    return cset


# --- rating ------------------------------------------------------------------


def levels_of(cset: CriteriaSet) -> list[dict]:
    return json.loads(cset.levels or "[]")


def quota_of(cset: CriteriaSet) -> dict:
    return json.loads(cset.quota or "{}")


def rate(total: Decimal | float, levels: list[dict]) -> str:
    """The code of the best level whose threshold *total* reaches."""
    for level in levels:
        if float(total) >= float(level["min_points"]):
            return level["code"]
    return levels[-1]["code"] if levels else ""


def level_name(code: str, levels: list[dict]) -> str:
    for level in levels:
        if level["code"] == code:
            return level["name"]
    return code


def active_months(team: Team, year: int) -> int:
    """Whole months the team was active in *year* (established date to the
    end of the year or its dissolution)."""
    start = max(team.established_on or dt.date(year, 1, 1), dt.date(year, 1, 1))
    stop = min(team.dissolved_on or dt.date(year + 1, 1, 1), dt.date(year + 1, 1, 1))  # exclusive
    months = 0
    while months < 12 and _add_months(start, months + 1) <= stop:
        months += 1
    return months


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def quota_problems(ratings: list[str], quota: dict, levels: list[dict]) -> list[str]:
    """Warnings when the ratings break the quota rule (pure function)."""
    rule = quota.get("top_level_max_share_of")
    if not rule:
        return []
    top, base, share = rule
    codes = [lv["code"] for lv in levels]
    base_index = codes.index(base) if base in codes else len(codes)
    top_count = sum(1 for r in ratings if r == top)
    base_count = sum(1 for r in ratings if r in codes[: base_index + 1])
    allowed = int(base_count * share + 1e-9)
    if top_count > allowed:
        return [
            f"Số tổ xếp loại «{level_name(top, levels)}» ({top_count}) vượt quá {share:.0%} số tổ được xếp loại "
            f"«{level_name(base, levels)}» trở lên ({base_count}); tối đa {allowed} tổ."
        ]
    return []


def enforce_quota(ratings: list[str], scores: list[float], quota: dict, levels: list[dict]) -> list[str]:
    """Lower the lowest-scored top ratings to the next level until the quota
    holds (what a commune board does before deciding). Returns new ratings."""
    rule = quota.get("top_level_max_share_of")
    if not rule:
        return list(ratings)
    top, base, share = rule
    codes = [lv["code"] for lv in levels]
    ratings = list(ratings)
    base_index = codes.index(base) if base in codes else len(codes)
    base_count = sum(1 for r in ratings if r in codes[: base_index + 1])
    allowed = int(base_count * share + 1e-9)
    tops = sorted((i for i, r in enumerate(ratings) if r == top), key=lambda i: scores[i])
    next_level = codes[codes.index(top) + 1] if top in codes and codes.index(top) + 1 < len(codes) else top
    for i in tops[: max(0, len(tops) - allowed)]:
        ratings[i] = next_level
    return ratings


def check_quota(year: int, cset: CriteriaSet | None = None) -> list[str]:
    """Warnings for the evaluations of *year* (reviewed or decided) against the quota."""
    cset = cset or CriteriaSetService.for_year(year)
    if cset is None:
        return []
    ratings = [
        r for (r,) in Evaluation.select(Evaluation.rating)
        .join(Team).where((Evaluation.year == year) & (Evaluation.stage != "self") & Team.deleted_at.is_null()).tuples()
    ]
    return quota_problems(ratings, quota_of(cset), levels_of(cset))


# --- metrics and suggestions -------------------------------------------------


def metric_values(team_id: int, year: int) -> dict[str, float]:
    """The recorded activity of one team in one year, by metric name."""
    start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    start_dt, end_dt = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
    meetings = Meeting.select().where(
        (Meeting.team == team_id) & Meeting.deleted_at.is_null() & (Meeting.status == "held")
        & (Meeting.starts_at >= start_dt) & (Meeting.starts_at < end_dt)
    )
    att = (
        MeetingAttendance.select(
            pw.fn.COUNT(MeetingAttendance.id),
            pw.fn.SUM(pw.Case(None, ((MeetingAttendance.status == "present", 1),), 0)),
        ).where(MeetingAttendance.meeting.in_(meetings.select(Meeting.id))).tuples().first()
    )
    outreach = OutreachSession.select(pw.fn.COUNT(OutreachSession.id), pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_total), 0)).where(
        (OutreachSession.team == team_id) & OutreachSession.deleted_at.is_null()
        & (OutreachSession.held_on >= start) & (OutreachSession.held_on < end)
    ).tuples().first()
    concerns = Concern.select(
        pw.fn.COUNT(Concern.id), pw.fn.SUM(pw.Case(None, ((Concern.status == "da_giai_quyet", 1),), 0))
    ).where(
        (Concern.team == team_id) & Concern.deleted_at.is_null() & (Concern.received_on >= start) & (Concern.received_on < end)
    ).tuples().first()
    mediation = MediationCase.select(
        pw.fn.COUNT(MediationCase.id), pw.fn.SUM(pw.Case(None, ((MediationCase.outcome == "thanh", 1),), 0)),
        pw.fn.SUM(pw.Case(None, ((MediationCase.outcome == "dang", 1),), 0)),
    ).where(
        (MediationCase.team == team_id) & MediationCase.deleted_at.is_null()
        & (MediationCase.received_on >= start) & (MediationCase.received_on < end)
    ).tuples().first()
    models = ExemplaryModel.select().where(
        (ExemplaryModel.team == team_id) & ExemplaryModel.deleted_at.is_null() & (ExemplaryModel.year == year)
    ).count()
    from ..store.models import Campaign

    households = (
        CampaignContribution.select(pw.fn.COALESCE(pw.fn.SUM(CampaignContribution.households_mobilised), 0))
        .join(Campaign)
        .where((CampaignContribution.team == team_id) & (Campaign.year == year) & Campaign.deleted_at.is_null())
        .scalar()
    )
    att_total, att_present = att[0] or 0, att[1] or 0
    c_total, c_resolved = concerns[0] or 0, concerns[1] or 0
    m_total, m_success, m_open = mediation[0] or 0, mediation[1] or 0, mediation[2] or 0
    m_closed = m_total - m_open
    return {
        "meetings": float(meetings.count()),
        "attendance_pct": round(100.0 * att_present / att_total, 1) if att_total else 0.0,
        "outreach_sessions": float(outreach[0] or 0),
        "outreach_audience": float(outreach[1] or 0),
        "concerns": float(c_total),
        "concerns_resolved_pct": round(100.0 * c_resolved / c_total, 1) if c_total else 100.0,
        "mediation_cases": float(m_total),
        "mediation_success_pct": round(100.0 * m_success / m_closed, 1) if m_closed else 100.0,
        "exemplary_models": float(models),
        "campaign_households": float(households or 0),
    }


@dataclass
class Suggestion:
    code: str
    metric: str
    value: float
    target: float
    score: Decimal
    explanation: str


def suggested_score(max_points: Decimal, value: float, target: Decimal) -> Decimal:
    """Full points at or above *target*, proportional below, rounded down to 0.5."""
    ratio = min(Decimal(1), Decimal(str(value)) / target) if target else Decimal(1)
    raw = Decimal(max_points) * ratio
    return (raw * 2).to_integral_value(rounding=ROUND_FLOOR) / 2


def suggest_scores(team_id: int, year: int, cset: CriteriaSet | None = None) -> dict[str, Suggestion]:
    """Suggested scores for the criteria that name a metric, from what the
    team recorded in *year*. The clerk may accept or change them."""
    cset = cset or _criteria_set(year)
    values = metric_values(team_id, year)
    result = {}
    for crit in CriteriaSetService.criteria(cset.id):
        if not crit.metric:
            continue
        name, target = parse_metric(crit.metric)
        value = values[name]
        score = suggested_score(Decimal(crit.max_points), value, target)
        result[crit.code] = Suggestion(
            crit.code, name, value, float(target), score,
            f"{METRICS[name]}: {value:g} (mức đạt điểm tối đa: {target:g}) → {score:g}/{Decimal(crit.max_points):g} điểm",
        )
    return result


# --- scoring -----------------------------------------------------------------


@dataclass
class ScoreResult:
    evaluation: Evaluation
    total: Decimal
    rating: str
    rating_name: str
    warnings: list[str] = field(default_factory=list)


def _criteria_set(year: int) -> CriteriaSet:
    cset = CriteriaSetService.for_year(year)
    if cset is None:
        raise NotFoundError(f"Chưa có bộ tiêu chí đánh giá năm {year}. Hãy nhập bộ tiêu chí trước.")
    return cset


def _score(value: Any, crit: Criterion) -> Decimal:
    score = Number("score", f"Điểm tiêu chí {crit.code}", required=True).clean(value)
    if score > Decimal(crit.max_points):
        raise ValidationError("score", f"Điểm tiêu chí {crit.code} ({score:g}) vượt quá điểm tối đa {Decimal(crit.max_points):g}.")
    return score


def score_evaluation(
    team_id: int,
    year: int,
    scores: dict[str, Any] | None = None,
    *,
    stage: str = "self",
    comment: str = "",
    decision_number: str = "",
    decided_on: dt.date | None = None,
    rating: str | None = None,
) -> ScoreResult:
    """Record one step of a team's yearly evaluation and rate it.

    stage "self": the team's own scores (by criterion code); "review": the
    reviewers' scores (criteria not given keep the self score); "decided":
    the decision (number, date), optionally lowering the rating (a quota).
    Every criterion needs a score before review. Returns the total, the
    rating and quota warnings for the year.
    """
    if stage not in STAGES:
        raise ValidationError("stage", f"Bước đánh giá «{stage}» không hợp lệ.")
    scores = scores or {}
    with database_proxy.atomic():
        team = Team.get_or_none((Team.id == team_id) & Team.deleted_at.is_null())
        if team is None:
            raise NotFoundError(f"Không tìm thấy tổ dân vận số {team_id}.")
        evaluation = Evaluation.get_or_none((Evaluation.team == team_id) & (Evaluation.year == year))
        # an evaluation under way keeps the criteria it was started with, even
        # if another set for the year is entered meanwhile
        cset = evaluation.criteria_set if evaluation is not None else _criteria_set(year)
        criteria = {c.code: c for c in CriteriaSetService.criteria(cset.id)}
        levels, quota = levels_of(cset), quota_of(cset)
        min_months = quota.get("min_active_months", 0) or 0
        months = active_months(team, year)
        if months < min_months:
            raise ValidationError(
                "team", f"{team.name} mới hoạt động {months} tháng trong năm {year} (dưới {min_months} tháng) nên không đánh giá, xếp loại."
            )
        unknown = set(scores) - set(criteria)
        if unknown:
            raise ValidationError("score", f"Không có tiêu chí mã «{sorted(unknown)[0]}» trong bộ tiêu chí năm {year}.")
        before = audit.snapshot(evaluation) if evaluation else None
        order = STAGES.index(stage)
        if evaluation is None:
            if stage != "self":
                raise ValidationError("stage", "Tổ chưa tự đánh giá; cần bước tự đánh giá trước khi thẩm định.")
            evaluation = Evaluation.create(criteria_set=cset, team=team_id, year=year, stage="self")
        else:
            current = STAGES.index(evaluation.stage)
            if current == 2:
                raise ValidationError("stage", f"Kết quả xếp loại năm {year} của {team.name} đã được quyết định, không sửa được.")
            if order < current:
                raise ValidationError("stage", "Đánh giá đã qua bước thẩm định, không quay lại tự đánh giá được.")
            if order == 2 and current != 1:
                raise ValidationError("stage", "Cần thẩm định trước khi quyết định xếp loại.")
        existing = {s.criterion_id: s for s in EvaluationScore.select().where(EvaluationScore.evaluation == evaluation)}
        for code, value in scores.items():
            crit = criteria[code]
            score = _score(value, crit)
            row = existing.get(crit.id)
            if row is None:
                row = EvaluationScore.create(evaluation=evaluation, criterion=crit)
                existing[crit.id] = row
            if stage == "self":
                row.self_score = score
            elif stage == "review":
                row.reviewed_score = score
            else:
                raise ValidationError("stage", "Khi quyết định không nhập lại điểm; hãy sửa ở bước thẩm định.")
            row.updated_at = now()
            row.save()
        if stage in ("review", "decided"):
            missing = [c.code for c in criteria.values() if c.id not in existing or existing[c.id].self_score is None and existing[c.id].reviewed_score is None]
            if missing:
                raise ValidationError("score", f"Chưa chấm điểm các tiêu chí: {', '.join(missing)}.")
            for row in existing.values():
                if row.reviewed_score is None:
                    row.reviewed_score = row.self_score
                    row.save()
        total = sum(
            (Decimal(s.reviewed_score if stage != "self" and s.reviewed_score is not None else (s.self_score or 0))
             for s in existing.values()),
            Decimal(0),
        )
        computed = rate(total, levels)
        final = computed
        if stage == "decided" and rating:
            codes = [lv["code"] for lv in levels]
            if rating not in codes:
                raise ValidationError("rating", f"Mức xếp loại «{rating}» không có trong bộ tiêu chí.")
            if codes.index(rating) < codes.index(computed):
                raise ValidationError("rating", "Không được xếp loại cao hơn mức tương ứng với tổng điểm.")
            final = rating
        evaluation.total = total
        evaluation.rating = final
        evaluation.stage = stage
        if stage == "self":
            evaluation.self_comment = nfc(comment) if comment else evaluation.self_comment
        elif stage == "review":
            evaluation.review_comment = nfc(comment) if comment else evaluation.review_comment
        else:
            if not decision_number:
                raise ValidationError("decision_number", "Chưa nhập số quyết định công nhận kết quả xếp loại.")
            evaluation.decision_number = nfc(decision_number)
            evaluation.decided_on = decided_on or dt.date.today()
        evaluation.version = (evaluation.version or 0) + (1 if before else 0)
        evaluation.updated_at = now()
        evaluation.save()
        audit.write("update" if before else "create", evaluation, before=before, after=audit.snapshot(evaluation))
        warnings = check_quota(year, cset) if stage != "self" else []
    return ScoreResult(evaluation, total, final, level_name(final, levels), warnings)
