"""The rating of one team for one year: scores, stages, reopening.

Stages, forward only and in order, each recorded with its date and who did
it: "" (being scored) → ``self`` (the team's self-assessment) → ``review``
(the commune's review) → ``decided`` (the decision; read-only from then on
unless reopened with a reason, which the audit log keeps).

Scores: until the self-assessment is recorded, scores saved are the team's
own (EvaluationScore.self_score); after it they are the reviewers'
(reviewed_score), so the self-assessment stays as the team gave it. The
score given for a criterion is the reviewed one when there is one, else the
team's own.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ...errors import ConflictError, NotFoundError, ValidationError
from ...store.base import database_proxy, now
from ...store.models import Area, Criterion, Evaluation, EvaluationScore, Team
from ...vn import nfc, short_date
from .. import access
from ..core import audit
from ..core.vocab import EVALUATION_STAGES
from .criteria import CriteriaSetData, LevelData, criteria_set_by_id, require_criteria_set
from .metrics import team_facts
from .quota import eligibility, level_name, rate
from .suggestions import suggestions_for

STAGES = ("self", "review", "decided")
STAGE_NAMES = {"": "Đang chấm điểm", **dict(EVALUATION_STAGES)}
_ORDER = ("",) + STAGES


@dataclass(frozen=True)
class StageData:
    stage: str  # self / review / decided
    name: str
    done: bool
    on: dt.date | None
    by: str


@dataclass(frozen=True)
class RatingLine:
    """One criterion of a team's rating."""

    group: str
    code: str
    text: str
    max_points: Decimal
    metric: str | None
    suggested: Decimal | None  # None: scored by hand
    explanation: str  # the numbers behind the suggestion ("" when none)
    given: Decimal | None  # the score given (reviewed, else the team's own)
    self_score: Decimal | None  # the team's own score
    comment: str


@dataclass(frozen=True)
class RatingData:
    team_id: int
    team_name: str
    area_name: str
    commune: str
    year: int
    criteria_set_id: int
    criteria_set_name: str
    criteria: tuple[RatingLine, ...]
    total: Decimal  # of the scores given
    suggested_total: Decimal  # of the criteria that have a suggestion
    max_total: Decimal
    complete: bool  # every criterion has a score given
    level_code: str | None  # by the thresholds (decided: the level decided); None while incomplete
    level_name: str
    stage: str | None  # None: not started or being scored; else self / review / decided
    stage_name: str
    stages: tuple[StageData, ...]  # self, review, decided
    decision_number: str
    eligible: bool
    reason: str  # why the team is not rated this year ("" when eligible)
    active_months: int
    version: int  # 0 while nothing is saved
    read_only: bool  # decided
    levels: tuple[LevelData, ...]  # best first, for a form that follows the total as the clerk types


def level_for(total: Decimal | float, levels) -> tuple[str, str]:
    """(code, name) of the level *total* reaches."""
    code = rate(total, levels)
    return code, level_name(code, levels)


# --- reading -----------------------------------------------------------------


def _team(team_id: int) -> Team:
    team = (Team.select(Team, Area).join(Area).where((Team.id == team_id) & Team.deleted_at.is_null()).first())
    if team is None:
        raise NotFoundError(f"Không tìm thấy tổ dân vận số {team_id} (có thể đã bị xóa).")
    return team


def _evaluation(team_id: int, year: int) -> Evaluation | None:
    return Evaluation.get_or_none((Evaluation.team == team_id) & (Evaluation.year == year))


def _cset(evaluation: Evaluation | None, year: int) -> CriteriaSetData:
    # a rating under way keeps the criteria it was started with, even if
    # another set for the year is entered meanwhile
    if evaluation is not None:
        return criteria_set_by_id(evaluation.criteria_set_id)
    return require_criteria_set(year)


def _given(row: EvaluationScore | None) -> Decimal | None:
    if row is None:
        return None
    value = row.reviewed_score if row.reviewed_score is not None else row.self_score
    return Decimal(str(value)) if value is not None else None


def _scores(evaluation: Evaluation | None) -> dict[int, EvaluationScore]:
    if evaluation is None:
        return {}
    return {s.criterion_id: s for s in EvaluationScore.select().where(EvaluationScore.evaluation == evaluation.id)}


def _criterion_ids(set_id: int) -> dict[str, int]:
    return {code: cid for cid, code in Criterion.select(Criterion.id, Criterion.code).where(Criterion.criteria_set == set_id).tuples()}


def rating(team_id: int, year: int) -> RatingData:
    """Everything the rating form of one team shows for *year*."""
    team = _team(team_id)
    evaluation = _evaluation(team_id, year)
    cset = _cset(evaluation, year)
    return _build(team, year, evaluation, cset)


def _build(team: Team, year: int, evaluation: Evaluation | None, cset: CriteriaSetData) -> RatingData:
    ids = _criterion_ids(cset.id)
    scores = _scores(evaluation)
    suggestions = suggestions_for(cset, team_facts(team.id, year))
    lines = []
    for group in cset.groups:
        for crit in group.criteria:
            row = scores.get(ids.get(crit.code))
            s = suggestions.get(crit.code)
            lines.append(RatingLine(
                group.title, crit.code, crit.text, crit.max_points, crit.metric,
                s.score if s else None, s.explanation if s else "",
                _given(row), Decimal(str(row.self_score)) if row is not None and row.self_score is not None else None,
                row.comment if row is not None else "",
            ))
    total = sum((ln.given for ln in lines if ln.given is not None), Decimal(0))
    complete = all(ln.given is not None for ln in lines)
    stage = evaluation.stage if evaluation is not None else ""
    if stage == "decided" and evaluation.rating:
        level = evaluation.rating
    else:
        level = rate(total, cset.levels) if complete else None
    ok, reason, months = eligibility(team.established_on, team.dissolved_on, year, cset.quota.min_active_months)
    stages = tuple(
        StageData(
            st, STAGE_NAMES[st], _ORDER.index(stage) >= _ORDER.index(st),
            getattr(evaluation, f"{_prefix(st)}_on", None) if evaluation is not None else None,
            getattr(evaluation, f"{_prefix(st)}_by", "") if evaluation is not None else "",
        )
        for st in STAGES
    )
    return RatingData(
        team_id=team.id, team_name=team.name, area_name=team.area.name, commune=team.area.commune, year=year,
        criteria_set_id=cset.id, criteria_set_name=cset.name, criteria=tuple(lines), total=total,
        suggested_total=sum((s.score for s in suggestions.values()), Decimal(0)), max_total=cset.total_points,
        complete=complete, level_code=level, level_name=cset.level_name(level) if level else "",
        stage=stage or None, stage_name=STAGE_NAMES[stage] if evaluation is not None else "Chưa đánh giá",
        stages=stages, decision_number=evaluation.decision_number if evaluation is not None else "",
        eligible=ok, reason=reason, active_months=months, version=evaluation.version if evaluation is not None else 0,
        read_only=stage == "decided", levels=cset.levels,
    )


def _prefix(stage: str) -> str:
    return {"self": "self", "review": "review", "decided": "decided"}[stage]


# --- writing -----------------------------------------------------------------


def _check_version(evaluation: Evaluation | None, expected_version: int | None, team: Team, year: int) -> None:
    current = evaluation.version if evaluation is not None else 0
    if expected_version is not None and expected_version != current:
        raise ConflictError(
            f"Kết quả đánh giá năm {year} của {team.name} vừa được người khác sửa sau khi bạn mở. "
            "Hãy mở lại để xem bản mới nhất."
        )


def _refuse_decided(evaluation: Evaluation | None, team: Team, year: int) -> None:
    if evaluation is not None and evaluation.stage == "decided":
        raise ValidationError(
            "stage",
            f"Kết quả xếp loại năm {year} của {team.name} đã được quyết định nên không sửa được. "
            "Nếu cần sửa, hãy mở lại kết quả (ghi rõ lý do).",
        )


def _refuse_ineligible(team: Team, year: int, cset: CriteriaSetData) -> None:
    ok, reason, _months = eligibility(team.established_on, team.dissolved_on, year, cset.quota.min_active_months)
    if not ok:
        raise ValidationError("team", f"{team.name}: {reason}")


def _clean_score(value: Any, code: str, max_points: Decimal) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        text = value.strip().replace(",", ".") if isinstance(value, str) else str(value)
        score = Decimal(text)
    except (InvalidOperation, ValueError):
        raise ValidationError("score", f"Điểm tiêu chí {code} phải là số.") from None
    if not score.is_finite() or score < 0:
        raise ValidationError("score", f"Điểm tiêu chí {code} phải là số không âm.")
    if score > max_points:
        raise ValidationError("score", f"Điểm tiêu chí {code} ({_fmt(score)}) vượt quá điểm tối đa {_fmt(max_points)}.")
    if score != score.quantize(Decimal("0.1")):
        raise ValidationError("score", f"Điểm tiêu chí {code} chỉ được có một chữ số thập phân.")
    return score


def _fmt(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def _store(evaluation: Evaluation, old_version: int, team: Team, year: int) -> None:
    """Write *evaluation* unless someone else saved it since *old_version*."""
    evaluation.version = old_version + 1
    evaluation.updated_at = now()
    row = {name: getattr(evaluation, name) for name in evaluation.__data__ if name != "id"}
    Evaluation.prepare_row(row)
    columns = {Evaluation._meta.fields[name]: value for name, value in row.items()}
    if Evaluation.update(columns).where((Evaluation.id == evaluation.id) & (Evaluation.version == old_version)).execute() != 1:
        raise ConflictError(f"Kết quả đánh giá năm {year} của {team.name} vừa được người khác sửa. Hãy mở lại.")


def _retotal(evaluation: Evaluation, cset: CriteriaSetData) -> None:
    scores = _scores(evaluation)
    given = [_given(s) for s in scores.values()]
    evaluation.total = sum((g for g in given if g is not None), Decimal(0))
    if evaluation.stage != "decided":
        evaluation.rating = rate(evaluation.total, cset.levels)


def save_rating(team_id: int, year: int, scores: dict[str, Any], expected_version: int | None = None) -> RatingData:
    """Save scores and comments of one team's rating: ``{code: (score or
    None, comment or None)}`` (a bare score is taken as ``(score, None)``;
    a comment None is left as it was). *expected_version*: RatingData.version
    as read (0 for a rating not saved yet); a save by someone else meanwhile
    is refused (ConflictError). A decided rating is refused."""
    access.require_write("kết quả đánh giá")
    with database_proxy.atomic():
        team = _team(team_id)
        evaluation = _evaluation(team_id, year)
        cset = _cset(evaluation, year)
        _refuse_decided(evaluation, team, year)
        _check_version(evaluation, expected_version, team, year)
        _refuse_ineligible(team, year, cset)
        by_code = {c.code: c for c in cset.criteria}
        unknown = sorted(set(scores) - set(by_code))
        if unknown:
            raise ValidationError("score", f"Bộ tiêu chí năm {year} không có tiêu chí mã: {', '.join(unknown)}.")
        cleaned = {}
        for code, value in scores.items():
            score, comment = value if isinstance(value, tuple) else (value, None)
            cleaned[code] = (_clean_score(score, code, by_code[code].max_points), None if comment is None else nfc(str(comment)).strip())
        if evaluation is None:
            evaluation = Evaluation.create(criteria_set=cset.id, team=team_id, year=year, stage="", version=1)
            before, old_version = None, None
        else:
            before, old_version = audit.snapshot(evaluation), evaluation.version
        column = "self_score" if evaluation.stage == "" else "reviewed_score"
        ids = _criterion_ids(cset.id)
        existing = _scores(evaluation)
        for code, (score, comment) in cleaned.items():
            row = existing.get(ids[code])
            if row is None:
                row = EvaluationScore(evaluation=evaluation.id, criterion=ids[code])
            setattr(row, column, score)
            if comment is not None:
                row.comment = comment
            row.updated_at = now()
            row.save()
        _retotal(evaluation, cset)
        if old_version is None:
            evaluation.save()
        else:
            _store(evaluation, old_version, team, year)
        audit.write("update" if before else "create", evaluation, before=before, after=audit.snapshot(evaluation))
    return rating(team_id, year)


def set_stage(team_id: int, year: int, stage: str, by: str, on: dt.date, *,
              decision_number: str = "", level: str | None = None, expected_version: int | None = None) -> RatingData:
    """Record the next stage of one team's rating: who did it (*by*) and
    when (*on*). Forward only, one stage at a time, every criterion scored.
    At ``decided`` the level may be set lower than the thresholds give
    (*level*, to keep the quota), with the decision's number if any."""
    access.require_write("kết quả đánh giá")
    if stage not in STAGES:
        raise ValidationError("stage", f"Bước đánh giá «{stage}» không có; chọn: tự đánh giá, thẩm định hoặc quyết định.")
    by = nfc(by or "").strip()
    if not by:
        raise ValidationError("by", f"Chưa ghi người thực hiện bước «{STAGE_NAMES[stage]}».")
    if not isinstance(on, dt.date):
        raise ValidationError("on", f"Chưa ghi ngày của bước «{STAGE_NAMES[stage]}».")
    with database_proxy.atomic():
        team = _team(team_id)
        evaluation = _evaluation(team_id, year)
        cset = _cset(evaluation, year)
        _check_version(evaluation, expected_version, team, year)
        current = evaluation.stage if evaluation is not None else ""
        wanted, now_at = _ORDER.index(stage), _ORDER.index(current)
        if wanted <= now_at:
            raise ValidationError("stage", f"Kết quả đánh giá đã qua bước «{STAGE_NAMES[stage]}»; chỉ chuyển tiếp được sang bước sau.")
        if wanted > now_at + 1:
            raise ValidationError("stage", f"Cần bước «{STAGE_NAMES[_ORDER[now_at + 1]]}» trước bước «{STAGE_NAMES[stage]}».")
        _refuse_ineligible(team, year, cset)
        data = _build(team, year, evaluation, cset)
        missing = [ln.code for ln in data.criteria if ln.given is None]
        if missing:
            raise ValidationError("score", f"Chưa chấm điểm các tiêu chí: {', '.join(missing)}.")
        if on < dt.date(year, 1, 1):
            raise ValidationError("on", f"Ngày {short_date(on)} trước năm {year} được đánh giá.")
        previous = [s.on for s in data.stages if s.done and s.on is not None]
        if previous and on < max(previous):
            raise ValidationError("on", f"Ngày {short_date(on)} trước ngày của bước trước ({short_date(max(previous))}).")
        before, old_version = audit.snapshot(evaluation), evaluation.version
        setattr(evaluation, f"{_prefix(stage)}_on", on)
        setattr(evaluation, f"{_prefix(stage)}_by", by)
        evaluation.stage = stage
        if stage == "review":
            # the review's scores become explicit: the team's own stay as given
            EvaluationScore.update(reviewed_score=EvaluationScore.self_score).where(
                (EvaluationScore.evaluation == evaluation.id) & EvaluationScore.reviewed_score.is_null()
            ).execute()
        _retotal(evaluation, cset)
        if stage == "decided":
            computed = rate(evaluation.total, cset.levels)
            codes = [lv.code for lv in cset.levels]
            if level:
                if level not in codes:
                    raise ValidationError("level", f"Mức xếp loại «{level}» không có trong bộ tiêu chí.")
                if codes.index(level) < codes.index(computed):
                    raise ValidationError("level", "Không được xếp loại cao hơn mức tương ứng với tổng điểm.")
            evaluation.rating = level or computed
            evaluation.decision_number = nfc(decision_number or "").strip()
        _store(evaluation, old_version, team, year)
        audit.write("update", evaluation, before=before, after=audit.snapshot(evaluation))
    return rating(team_id, year)


def reopen(team_id: int, year: int, reason: str) -> RatingData:
    """Take a decided rating back to the review stage so it can be changed;
    the reason is required and kept in the audit log with the rating as it
    was decided."""
    access.require_write("kết quả đánh giá")
    reason = nfc(reason or "").strip()
    with database_proxy.atomic():
        team = _team(team_id)
        evaluation = _evaluation(team_id, year)
        if evaluation is None or evaluation.stage != "decided":
            raise ValidationError("stage", f"Kết quả đánh giá năm {year} của {team.name} chưa được quyết định, không cần mở lại.")
        if not reason:
            raise ValidationError("reason", "Hãy ghi lý do mở lại kết quả xếp loại đã quyết định.")
        cset = _cset(evaluation, year)
        before, old_version = audit.snapshot(evaluation), evaluation.version
        evaluation.stage = "review"
        evaluation.decided_on, evaluation.decided_by, evaluation.decision_number = None, "", ""
        _retotal(evaluation, cset)
        _store(evaluation, old_version, team, year)
        audit.write("reopen", evaluation, before=before, after={**audit.snapshot(evaluation), "reason": reason})
    return rating(team_id, year)
