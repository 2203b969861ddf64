"""One call for a whole step of a team's yearly rating (scripts, older
callers): the scores of the step, the step itself, the quota warnings.

The app saves scores and moves between stages separately
(ratings.save_rating, ratings.set_stage); both write the same columns.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ...errors import NotFoundError, ValidationError
from ...store.base import database_proxy, now
from ...store.models import CriteriaSet, Criterion, Evaluation, EvaluationScore, Team
from ...vn import nfc
from .. import access
from ..core import audit
from ..core.fields import Number
from .criteria import levels_of, quota_of
from .quota import active_months, level_name, quota_problems, rate
from .ratings import STAGES
from .record_services import CriteriaSetService


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


def check_quota(year: int, cset: CriteriaSet | None = None) -> list[str]:
    """Warnings for the evaluations of *year* (reviewed or decided) against the quota."""
    cset = cset or CriteriaSetService.for_year(year)
    if cset is None:
        return []
    ratings = [
        r for (r,) in Evaluation.select(Evaluation.rating)
        .join(Team).where((Evaluation.year == year) & Evaluation.stage.in_(("review", "decided")) & Team.deleted_at.is_null()).tuples()
    ]
    return quota_problems(ratings, quota_of(cset), levels_of(cset))


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
    access.require_write("kết quả đánh giá")
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
            current = STAGES.index(evaluation.stage) if evaluation.stage else 0
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
        # the date and who of the step, as the rating form records them
        prefix = {"self": "self", "review": "review", "decided": "decided"}[stage]
        setattr(evaluation, f"{prefix}_by", audit.current_user())
        if stage != "decided":
            setattr(evaluation, f"{prefix}_on", dt.date.today())
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
