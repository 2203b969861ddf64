"""Every team of a year at once: the grid, filling scores from the
suggestions, the distribution of levels and the quota warnings.

A team belongs to the year when it existed at some time in it (established
by 31 December, not dissolved by 1 January) and is not in the trash. The
quota is a rule of each commune's decision, so on a province database the
warnings are given commune by commune.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import peewee as pw

from ...errors import ValidationError
from ...store.base import database_proxy, now
from ...store.models import Area, Criterion, Evaluation, EvaluationScore, Team
from ...vn import sort_key
from .. import access
from .criteria import CriteriaSetData, criteria_set_by_id, require_criteria_set
from .metrics import year_facts
from .quota import eligibility, quota_problems, rate
from .ratings import STAGE_NAMES
from .suggestions import Suggestion, suggestions_for


@dataclass(frozen=True)
class RatingRow:
    team_id: int
    team_name: str
    area_name: str
    commune: str
    suggested_total: Decimal  # of the criteria that have a suggestion
    suggested_level_code: str
    suggested_level_name: str
    given_total: Decimal | None  # None: no score given yet
    complete: bool  # every criterion has a score given
    level_code: str | None  # of the scores given (decided: the level decided); None while incomplete
    level_name: str
    stage: str | None  # None: not started or being scored; self / review / decided
    stage_name: str
    eligible: bool
    reason: str  # why the team is not rated ("" when eligible)
    version: int  # of the team's rating, 0 when none


@dataclass(frozen=True)
class LevelCount:
    code: str
    name: str
    count: int


@dataclass(frozen=True)
class Distribution:
    year: int
    teams: int  # teams of the year
    levels: tuple[LevelCount, ...]  # complete ratings by level, best first
    unrated: int  # eligible teams whose rating is not complete
    ineligible: int  # teams active too few months to be rated


@dataclass(frozen=True)
class _Team:
    id: int
    name: str
    area_name: str
    commune: str
    established_on: dt.date | None
    dissolved_on: dt.date | None


def teams_of_year(year: int, commune: str | None = None) -> list[_Team]:
    """Live teams that existed at some time in *year*, by commune, area, name."""
    query = (
        Team.select(Team.id, Team.name, Area.name, Area.commune, Team.established_on, Team.dissolved_on)
        .join(Area)
        .where(
            Team.deleted_at.is_null()
            & (Team.established_on.is_null() | (Team.established_on <= dt.date(year, 12, 31)))
            & (Team.dissolved_on.is_null() | (Team.dissolved_on > dt.date(year, 1, 1)))
        )
    )
    if commune is not None:
        query = query.where(Area.commune == commune)
    teams = [_Team(*row) for row in query.tuples()]
    teams.sort(key=lambda t: (sort_key(t.commune), sort_key(t.area_name), sort_key(t.name), t.id))
    return teams


@dataclass
class _Rated:
    """A team's stored rating, read for the whole year at once."""

    evaluation_id: int
    set_id: int
    stage: str
    rating: str
    version: int
    scored: int = 0
    total: Decimal = Decimal(0)


def _ratings_of_year(year: int) -> dict[int, _Rated]:
    given = pw.fn.COALESCE(EvaluationScore.reviewed_score, EvaluationScore.self_score)
    query = (
        Evaluation.select(
            Evaluation.team, Evaluation.id, Evaluation.criteria_set, Evaluation.stage, Evaluation.rating, Evaluation.version,
            pw.fn.COUNT(given), pw.fn.SUM(given),
        )
        .join(EvaluationScore, pw.JOIN.LEFT_OUTER, on=(EvaluationScore.evaluation == Evaluation.id))
        .where(Evaluation.year == year)
        .group_by(Evaluation.team, Evaluation.id, Evaluation.criteria_set, Evaluation.stage, Evaluation.rating, Evaluation.version)
    )
    result = {}
    for team_id, eid, set_id, stage, rating, version, scored, total in query.tuples():
        result[team_id] = _Rated(eid, set_id, stage, rating, version, int(scored or 0),
                                 Decimal(str(total)).quantize(Decimal("0.1")) if total is not None else Decimal(0))
    return result


def _sets(year: int, rated: dict[int, _Rated]) -> tuple[CriteriaSetData, dict[int, CriteriaSetData]]:
    current = require_criteria_set(year)
    sets = {current.id: current}
    for r in rated.values():
        if r.set_id not in sets:
            sets[r.set_id] = criteria_set_by_id(r.set_id)
    return current, sets


def year_grid(year: int, commune: str | None = None) -> list[RatingRow]:
    """One row per team of *year* (of one commune when given): suggested
    total, given total, level, stage, and whether it may be rated."""
    teams = teams_of_year(year, commune)
    rated = _ratings_of_year(year)
    current, sets = _sets(year, rated)
    facts = year_facts(year, {t.id for t in teams})
    rows = []
    for t in teams:
        r = rated.get(t.id)
        cset = sets[r.set_id] if r else current
        suggestions = suggestions_for(cset, facts[t.id], explain=False)
        suggested = sum((s.score for s in suggestions.values()), Decimal(0))
        suggested_level = rate(suggested, cset.levels)
        ok, reason, _months = eligibility(t.established_on, t.dissolved_on, year, cset.quota.min_active_months)
        complete = bool(r) and r.scored >= len(cset.criteria)
        if r and r.stage == "decided" and r.rating:
            level = r.rating
        else:
            level = rate(r.total, cset.levels) if complete else None
        rows.append(RatingRow(
            team_id=t.id, team_name=t.name, area_name=t.area_name, commune=t.commune,
            suggested_total=suggested, suggested_level_code=suggested_level, suggested_level_name=cset.level_name(suggested_level),
            given_total=r.total if r and r.scored else None, complete=complete,
            level_code=level, level_name=cset.level_name(level) if level else "",
            stage=(r.stage or None) if r else None, stage_name=STAGE_NAMES[r.stage] if r else "Chưa đánh giá",
            eligible=ok, reason=reason, version=r.version if r else 0,
        ))
    return rows


def fill_from_suggestions(year: int, only_unrated: bool = True, commune: str | None = None) -> int:
    """Give every eligible team of *year* that is not decided the suggested
    scores as its scores, in one transaction; returns how many teams were
    filled. *only_unrated*: only teams with no score given yet (else the
    criteria that have a suggestion are overwritten, the others kept).
    Scores are written as any save would (the team's own before the
    self-assessment is recorded, the reviewers' after): each team's rating
    can still be reviewed and changed."""
    access.require_write("kết quả đánh giá")
    teams = [t for t in teams_of_year(year, commune)]
    with database_proxy.atomic():
        rated = _ratings_of_year(year)
        current, sets = _sets(year, rated)
        if not any(c.metric for c in current.criteria):
            raise ValidationError("criteria", f"Bộ tiêu chí năm {year} không có tiêu chí nào gợi ý điểm từ số liệu.")
        todo = []
        for t in teams:
            r = rated.get(t.id)
            cset = sets[r.set_id] if r else current
            ok, _reason, _m = eligibility(t.established_on, t.dissolved_on, year, cset.quota.min_active_months)
            if not ok or (r and r.stage == "decided") or (only_unrated and r and r.scored):
                continue
            todo.append((t, r, cset))
        if not todo:
            return 0
        facts = year_facts(year, {t.id for t, _r, _c in todo})
        stamp = now()
        # teams without a rating row yet: one insert for all
        new = [t for t, r, _c in todo if r is None]
        for chunk in _chunks(new, 500):
            Evaluation.insert_many([
                Evaluation.prepare_row({"uid": _uid(), "criteria_set": current.id, "team": t.id, "year": year, "stage": "",
                                        "created_at": stamp, "updated_at": stamp, "version": 0})  # 1 once filled, below
                for t in chunk
            ]).execute()
        if new:
            rated = _ratings_of_year(year)
        ids = _criterion_ids({c.id for _t, _r, c in todo})
        evaluation_ids = [rated[t.id].evaluation_id for t, _r, _c in todo]
        existing = _existing_scores(evaluation_ids)
        inserts, totals = [], {}
        for t, _r, cset in todo:
            r = rated[t.id]
            column = "self_score" if r.stage == "" else "reviewed_score"
            suggestions: dict[str, Suggestion] = suggestions_for(cset, facts[t.id], explain=False)
            for code, s in suggestions.items():
                cid = ids[(cset.id, code)]
                score_id = existing.get((r.evaluation_id, cid))
                if score_id is None:
                    inserts.append({"uid": _uid(), "evaluation": r.evaluation_id, "criterion": cid, column: s.score,
                                    "created_at": stamp, "updated_at": stamp, "version": 1})
                else:
                    EvaluationScore.update({column: s.score, "updated_at": stamp, "version": EvaluationScore.version + 1}).where(
                        EvaluationScore.id == score_id).execute()
            totals[r.evaluation_id] = cset
        for chunk in _chunks(inserts, 500):
            EvaluationScore.insert_many(chunk).execute()
        # totals and levels follow the scores, and every rating filled gets a new version
        after = _ratings_of_year(year)
        for t, _r, cset in todo:
            r = after[t.id]
            Evaluation.update(total=r.total, rating=rate(r.total, cset.levels), version=Evaluation.version + 1,
                              updated_at=stamp).where(Evaluation.id == r.evaluation_id).execute()
        from ..core import audit

        audit.write("fill", table=Evaluation._meta.table_name,
                    after={"year": year, "commune": commune, "teams": len(todo), "only_unrated": only_unrated})
    return len(todo)


def _uid() -> str:
    from ...store.base import new_uid

    return new_uid()


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _criterion_ids(set_ids: set[int]) -> dict[tuple[int, str], int]:
    return {(sid, code): cid for cid, sid, code in
            Criterion.select(Criterion.id, Criterion.criteria_set, Criterion.code).where(Criterion.criteria_set.in_(list(set_ids))).tuples()}


def _existing_scores(evaluation_ids: list[int]) -> dict[tuple[int, int], int]:
    found = {}
    for chunk in _chunks(evaluation_ids, 500):
        for sid, eid, cid in EvaluationScore.select(EvaluationScore.id, EvaluationScore.evaluation, EvaluationScore.criterion).where(
                EvaluationScore.evaluation.in_(chunk)).tuples():
            found[(eid, cid)] = sid
    return found


def distribution(year: int, commune: str | None = None) -> Distribution:
    """How many teams of *year* reached each level (complete ratings), how
    many are not rated yet, how many cannot be rated."""
    return distribution_of(year, year_grid(year, commune), require_criteria_set(year))


def quota_warnings(year: int, commune: str | None = None) -> list[str]:
    """Plain Vietnamese sentences when the ratings of *year* break the
    quota, commune by commune (named when the database has several)."""
    return warnings_of(year_grid(year, commune), require_criteria_set(year))


def distribution_of(year: int, rows: Sequence[RatingRow], cset: CriteriaSetData) -> Distribution:
    """distribution() from grid rows already read (the screen reads them once)."""
    counts: dict[str, int] = defaultdict(int)
    unrated = ineligible = 0
    for row in rows:
        if not row.eligible:
            ineligible += 1
        elif row.level_code is None:
            unrated += 1
        else:
            counts[row.level_code] += 1
    levels = tuple(LevelCount(lv.code, lv.name, counts.pop(lv.code, 0)) for lv in cset.levels)
    # levels of an older set some rating still uses
    levels += tuple(LevelCount(code, code, n) for code, n in sorted(counts.items()))
    return Distribution(year, len(rows), levels, unrated, ineligible)


def warnings_of(rows: Sequence[RatingRow], cset: CriteriaSetData) -> list[str]:
    """quota_warnings() from grid rows already read."""
    if not cset.quota.top_level:
        return []
    quota = {"top_level_max_share_of": [cset.quota.top_level, cset.quota.base_level, cset.quota.max_share]}
    by_commune: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.eligible and row.level_code:
            by_commune[row.commune].append(row.level_code)
    several = len({row.commune for row in rows}) > 1
    warnings: list[str] = []
    for name in sorted(by_commune, key=sort_key):
        warnings += quota_problems(by_commune[name], quota, cset.levels, where=(name or "Chưa rõ xã") if several else "")
    return warnings
