"""Suggested scores: what a team recorded in the year, read through the
metric of each criterion, with the numbers behind it in plain Vietnamese
("4 buổi tuyên truyền, 312 lượt người nghe → 15/15"). The clerk accepts or
changes them; criteria without a metric are scored by hand."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from decimal import ROUND_FLOOR, Decimal

from ...vn import format_number
from .criteria import CriteriaSetData, CriterionData, criteria_set_by_id, require_criteria_set
from .metrics import TeamFacts, team_facts, year_facts


@dataclass(frozen=True)
class Suggestion:
    code: str
    metric: str
    value: float
    target: float
    score: Decimal
    max_points: Decimal
    explanation: str


@lru_cache(maxsize=65536)
def suggested_score(max_points: Decimal, value: float, target: Decimal) -> Decimal:
    """Full points at or above *target*, proportional below, rounded down to 0.5."""
    target = Decimal(str(target))
    ratio = min(Decimal(1), Decimal(str(value)) / target) if target else Decimal(1)
    raw = Decimal(max_points) * ratio
    return (raw * 2).to_integral_value(rounding=ROUND_FLOOR) / 2


@lru_cache(maxsize=8192)
def _formatted(value: float | int | Decimal) -> str:
    return format_number(value)


def _n(value: float | int | Decimal) -> str:
    # babel formats a number in ~0.1 ms: 2,128 teams × 10 criteria × a few
    # numbers would take seconds; the same small numbers come back all the time
    return _formatted(value)


def _pct(value: float) -> str:
    return f"{_n(value)}%"


def what_was_recorded(metric: str, f: TeamFacts, value: float) -> str:
    """The numbers behind a metric's value, in words."""
    if metric == "meetings":
        return f"{_n(f.meetings)} cuộc họp tổ"
    if metric == "attendance_pct":
        if not f.attendance_total:
            return "chưa có cuộc họp nào được điểm danh"
        return f"{_n(f.attendance_present)}/{_n(f.attendance_total)} lượt thành viên dự họp ({_pct(value)})"
    if metric in ("outreach_sessions", "outreach_audience"):
        return f"{_n(f.outreach_sessions)} buổi tuyên truyền, {_n(f.outreach_audience)} lượt người nghe"
    if metric == "concerns":
        return f"{_n(f.concerns)} ý kiến, kiến nghị tiếp nhận"
    if metric == "concerns_resolved_pct":
        if not f.concerns:
            return "không có kiến nghị nào phải giải quyết"
        return f"{_n(f.concerns_resolved)}/{_n(f.concerns)} kiến nghị đã giải quyết ({_pct(value)})"
    if metric == "mediation_cases":
        return f"{_n(f.mediation_cases)} vụ việc hòa giải"
    if metric == "mediation_success_pct":
        if not f.mediation_closed:
            ongoing = f", {_n(f.mediation_ongoing)} vụ đang hòa giải" if f.mediation_ongoing else ""
            return f"không có vụ hòa giải nào đã kết thúc{ongoing}"
        ongoing = f", {_n(f.mediation_ongoing)} vụ đang hòa giải" if f.mediation_ongoing else ""
        return f"{_n(f.mediation_successful)}/{_n(f.mediation_closed)} vụ hòa giải thành ({_pct(value)}){ongoing}"
    if metric == "exemplary_models":
        return f"{_n(f.exemplary_models)} mô hình \u201cDân vận khéo\u201d"
    if metric == "campaign_households":
        return f"{_n(f.campaign_households)} hộ được vận động tham gia phong trào"
    return f"{metric} = {_n(value)}"


def _target_words(metric: str, target: Decimal) -> str:
    unit = "%" if metric.endswith("_pct") else ""
    return f"{_n(target)}{unit}"


def suggest(criterion: CriterionData, facts: TeamFacts, values: dict[str, float] | None = None, *,
            explain: bool = True) -> Suggestion | None:
    """The suggestion of one criterion (None when it is scored by hand);
    *explain* False leaves the explanation empty (totals of many teams)."""
    if not criterion.metric:
        return None
    values = values if values is not None else facts.metrics()
    target = Decimal(str(criterion.target if criterion.target is not None else 1))
    value = values[criterion.metric]
    score = suggested_score(criterion.max_points, value, target)
    if not explain:
        return _bare(criterion.code, criterion.metric, value, target, criterion.max_points)
    words = what_was_recorded(criterion.metric, facts, value)
    if Decimal(str(value)) < target:
        need = f"đủ điểm từ {_target_words(criterion.metric, target)}"
        words = f"{words[:-1]}; {need})" if words.endswith(")") else f"{words} ({need})"
    explanation = f"{words} → {_n(score)}/{_n(criterion.max_points)}"
    return Suggestion(criterion.code, criterion.metric, value, float(target), score, criterion.max_points, explanation)


@lru_cache(maxsize=65536)
def _bare(code: str, metric: str, value: float, target: Decimal, max_points: Decimal) -> Suggestion:
    # many teams share the same values: one frozen Suggestion serves them all
    return Suggestion(code, metric, value, float(target), suggested_score(max_points, value, target), max_points, "")


def suggestions_for(cset: CriteriaSetData, facts: TeamFacts, *, explain: bool = True) -> dict[str, Suggestion]:
    values = facts.metrics()
    result = {}
    for crit in cset.criteria:
        s = suggest(crit, facts, values, explain=explain)
        if s is not None:
            result[crit.code] = s
    return result


def suggest_scores(team_id: int, year: int, cset=None) -> dict[str, Suggestion]:
    """Suggested scores of one team for *year* by criterion code (criteria
    with a metric only). *cset*: CriteriaSetData, a stored set's id or row,
    or None for the year's set."""
    return suggestions_for(_as_data(cset, year), team_facts(team_id, year))


def year_suggestions(year: int, cset=None, team_ids: set[int] | None = None) -> dict[int, dict[str, Suggestion]]:
    """Suggested scores of every live team (or of *team_ids*) for *year*,
    from one grouped query per kind of record."""
    data = _as_data(cset, year)
    return {tid: suggestions_for(data, facts) for tid, facts in year_facts(year, team_ids).items()}


def suggested_total(suggestions: dict[str, Suggestion]) -> Decimal:
    return sum((s.score for s in suggestions.values()), Decimal(0))


def _as_data(cset, year: int) -> CriteriaSetData:
    if cset is None:
        return require_criteria_set(year)
    if isinstance(cset, CriteriaSetData):
        return cset
    return criteria_set_by_id(int(getattr(cset, "id", cset)))
