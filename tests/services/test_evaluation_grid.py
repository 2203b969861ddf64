"""Every team of a year: grouped suggestions equal per-team ones and agree
with stats, the grid, filling from suggestions, distribution, quota
warnings; the schema 2 migration."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from dvdesktop.services import evaluation as ev
from dvdesktop.services.demo.generator import build_demo
from dvdesktop.services.stats import collect
from dvdesktop.store import close_database, open_database, schema_version
from dvdesktop.store import migrations
from dvdesktop.store.models import Area, Concern, CriteriaSet, Criterion, Evaluation, EvaluationScore, MediationCase, Team

LEVELS = [{"code": "HTXS", "name": "Xuất sắc", "min_points": 90}, {"code": "HTT", "name": "Tốt", "min_points": 70},
          {"code": "HT", "name": "Hoàn thành", "min_points": 50}, {"code": "KHT", "name": "Không hoàn thành", "min_points": 0}]
RULE = {"top_level_max_share_of": ["HTXS", "HTT", 0.2]}


@pytest.mark.parametrize(("ratings", "allowed"), [
    (["HTXS"] + ["HTT"] * 4, None),  # exactly 20 %: 1 of 5
    (["HTXS"] * 2 + ["HTT"] * 8 + ["HT"] * 5, None),  # 2 of 10; the HT teams do not count
    (["HTXS"] * 2 + ["HTT"] * 7, 1),  # 2 of 9: 1.8 rounds down to 1
    (["HTXS"] + ["HTT"] * 6 + ["HT"], None),  # 1 of 7 (1.4 → 1) holds ...
    (["HTXS"] * 2 + ["HTT"] * 5, 1),  # ... 2 of 7 does not
    (["HT"] * 5 + ["KHT"], None),  # nobody rated tốt: nothing to warn about
    (["HTXS"], 0),  # one team alone rated xuất sắc: 20 % of 1 is 0
    ([], None),
])
def test_quota_edge_cases(ratings, allowed):
    warnings = ev.quota_problems(ratings, RULE, LEVELS)
    if allowed is None:
        assert warnings == []
    else:
        [warning] = warnings
        assert warning.endswith(f"tối đa {allowed} tổ.") and "vượt quá 20% số tổ được xếp loại «Tốt» trở lên" in warning


def test_quota_share_is_exact_decimal_arithmetic():
    rule = {"top_level_max_share_of": ["HTXS", "HTT", 0.29]}
    assert ev.quota_problems(["HTXS"] * 29 + ["HTT"] * 71, rule, LEVELS) == []  # 0.29 × 100 = 29, not 28.999…
    assert ev.quota_problems(["HTXS"] * 30 + ["HTT"] * 70, rule, LEVELS)[0].endswith("tối đa 29 tổ.")
    assert ev.quota_problems(["HTXS"] * 3, {}, LEVELS) == []
    fixed = ev.enforce_quota(["HTXS"] * 3 + ["HTT"] * 7, [95, 91, 93] + [80] * 7, RULE, LEVELS)
    assert fixed[:3] == ["HTXS", "HTT", "HTXS"] and ev.quota_problems(fixed, RULE, LEVELS) == []


@pytest.fixture
def demo(db):
    build_demo(scale="commune", seed=3, reference=dt.date(2026, 11, 30))
    return db


def test_grouped_suggestions_equal_per_team_and_agree_with_stats(demo):
    teams = [t.id for t in Team.select(Team.id).where(Team.deleted_at.is_null())]
    for year in (2024, 2026):
        grouped = ev.year_facts(year)
        assert sorted(grouped) == sorted(teams)
        for tid in teams:
            assert grouped[tid] == ev.team_facts(tid, year), (year, tid)
        metrics = ev.year_metrics(year)
        assert all(metrics[tid] == ev.metric_values(tid, year) for tid in teams)
        suggestions = ev.year_suggestions(year)
        for tid in teams:
            assert suggestions[tid] == ev.suggest_scores(tid, year)
        # the teams' figures add up to the commune's (stats.py counting rules)
        stats = collect(year, today=dt.date(2026, 11, 30))
        total = lambda name: sum(getattr(f, name) for f in grouped.values())  # noqa: E731
        assert total("meetings") == stats["meetings"] > 0
        assert (total("outreach_sessions"), total("outreach_audience")) == (stats["outreach_sessions"], stats["outreach_audience"])
        year_range = (dt.date(year, 1, 1), dt.date(year, 12, 31))
        no_team = Concern.select().where(Concern.team.is_null() & Concern.deleted_at.is_null() & Concern.received_on.between(*year_range)).count()
        assert (total("concerns") + no_team, total("concerns_resolved") <= stats["concerns_resolved"]) == (stats["concerns"], True)
        no_team = MediationCase.select().where(MediationCase.team.is_null() & MediationCase.deleted_at.is_null()
                                               & MediationCase.received_on.between(*year_range)).count()
        assert total("mediation_cases") + no_team == stats["mediation_cases"]
        assert total("exemplary_models") <= stats["exemplary_models"]


def test_deleted_records_and_deleted_teams_are_left_out(demo):
    team = Team.select().where(Team.deleted_at.is_null()).first()
    before = ev.team_facts(team.id, 2025)
    case = MediationCase.select().where((MediationCase.team == team.id) & MediationCase.received_on.between(
        dt.date(2025, 1, 1), dt.date(2025, 12, 31))).first()
    if case is not None:
        MediationCase.update(deleted_at=dt.datetime(2026, 1, 1)).where(MediationCase.id == case.id).execute()
        assert ev.team_facts(team.id, 2025).mediation_cases == before.mediation_cases - 1
        assert ev.year_facts(2025)[team.id] == ev.team_facts(team.id, 2025)
    Team.update(deleted_at=dt.datetime(2026, 1, 1)).where(Team.id == team.id).execute()
    assert team.id not in ev.year_facts(2025) and team.id not in {r.team_id for r in ev.year_grid(2025)}


def test_the_demo_ratings_are_believable(demo):
    decided = ev.year_grid(2025)
    assert decided and all(r.stage == "decided" for r in decided if r.eligible and r.given_total is not None)
    one = ev.rating(decided[0].team_id, 2025)
    self_stage, review, decision = one.stages
    assert dt.date(2025, 11, 20) <= self_stage.on <= dt.date(2025, 12, 10) and self_stage.by.endswith("Tổ trưởng")
    assert self_stage.on < review.on < decision.on and decision.on.year == 2026 and decision.by.startswith("Ban Thường vụ Đảng ủy")
    assert one.decision_number.endswith("-QĐ/ĐU") and one.read_only
    assert ev.quota_warnings(2025) == []  # the board kept the quota when deciding
    # 30 November 2026: some teams have assessed themselves, none is reviewed yet
    current = ev.year_grid(2026)
    stages = {r.stage for r in current}
    assert stages <= {None, "self"} and "self" in stages and None in stages
    assert all(ev.rating(r.team_id, 2026).stages[0].on <= dt.date(2026, 11, 30) for r in current if r.stage == "self")


def test_fill_from_suggestions_then_review_per_team(demo):
    rows = ev.year_grid(2026)
    eligible = [r for r in rows if r.eligible]
    unrated = [r for r in eligible if r.given_total is None]
    assessed = [r for r in eligible if r.stage == "self"]
    assert unrated and assessed
    before = {r.team_id: ev.rating(r.team_id, 2026) for r in assessed}
    assert ev.fill_from_suggestions(2026) == len(unrated)
    after = {r.team_id: r for r in ev.year_grid(2026)}
    for r in unrated:
        filled = ev.rating(r.team_id, 2026)
        assert filled.version == 1 and filled.stage is None
        for line in filled.criteria:
            assert line.given == line.suggested and line.self_score == line.suggested  # hand-scored ones stay empty
        assert after[r.team_id].given_total == filled.total == r.suggested_total and not filled.complete
    for tid, rating in before.items():
        assert ev.rating(tid, 2026) == rating  # already rated: untouched
    assert ev.fill_from_suggestions(2026) == 0
    # everything again: suggestions overwrite the reviewers' column of teams past their self-assessment
    assert ev.fill_from_suggestions(2026, only_unrated=False) == len(eligible)
    tid, old = next(iter(before.items()))
    new = ev.rating(tid, 2026)
    assert new.version == old.version + 1
    for a, b in zip(old.criteria, new.criteria):
        assert b.self_score == a.self_score and b.given == (b.suggested if b.suggested is not None else a.given)
    # each team can still be changed by hand
    r = unrated[0]
    changed = ev.save_rating(r.team_id, 2026, {"3.1": 10, "3.2": 5}, expected_version=ev.rating(r.team_id, 2026).version)
    assert changed.complete and changed.level_code is not None


def test_fill_leaves_decided_and_ineligible_teams_alone(db):
    ev.import_criteria_file(ev.default_criteria_path(), 2024)
    area = Area.create(name="Nà Khoang", commune="Nà Hỳ")
    old = Team.create(area=area, name="Tổ A", established_on=dt.date(2015, 1, 1))
    new = Team.create(area=area, name="Tổ B", established_on=dt.date(2024, 8, 1))
    gone = Team.create(area=area, name="Tổ C", established_on=dt.date(2015, 1, 1), dissolved_on=dt.date(2023, 6, 1))
    decided = Team.create(area=area, name="Tổ D", established_on=dt.date(2015, 1, 1))
    ev.save_rating(decided.id, 2024, {c.code: c.max_points for c in ev.criteria_set(2024).criteria})
    for stage, day in (("self", dt.date(2024, 12, 1)), ("review", dt.date(2024, 12, 20)), ("decided", dt.date(2025, 1, 20))):
        ev.set_stage(decided.id, 2024, stage, "Ai đó", day)
    frozen = ev.rating(decided.id, 2024)
    assert ev.fill_from_suggestions(2024) == 1
    assert ev.rating(decided.id, 2024) == frozen
    assert ev.rating(old.id, 2024).version == 1 and Evaluation.select().where(Evaluation.team == new.id).count() == 0
    grid = {r.team_name: r for r in ev.year_grid(2024)}
    assert set(grid) == {"Tổ A", "Tổ B", "Tổ D"}  # Tổ C was dissolved the year before
    assert not grid["Tổ B"].eligible and "dưới 9 tháng" in grid["Tổ B"].reason
    # nothing recorded: no concern left unresolved, no failed mediation (10 + 10); hand criteria empty
    assert grid["Tổ A"].given_total == grid["Tổ A"].suggested_total == 20 and grid["Tổ A"].level_code is None
    assert grid["Tổ D"].level_code == "HTXS" and grid["Tổ D"].stage == "decided"
    dist = ev.distribution(2024)
    assert (dist.teams, dist.unrated, dist.ineligible) == (3, 1, 1)
    assert [(lc.code, lc.count) for lc in dist.levels] == [("HTXS", 1), ("HTT", 0), ("HT", 0), ("KHT", 0)]
    assert ev.quota_warnings(2024) == [
        "Số tổ xếp loại «Hoàn thành xuất sắc nhiệm vụ» (1) vượt quá 20% số tổ được xếp loại "
        "«Hoàn thành tốt nhiệm vụ» trở lên (1); tối đa 0 tổ."]


def test_quota_warnings_commune_by_commune(db):
    ev.import_criteria_file(ev.default_criteria_path(), 2024)
    full = {c.code: c.max_points for c in ev.criteria_set(2024).criteria}
    good = {**full, "1.1": Decimal(0)}  # 85 points: tốt
    for commune, tops, goods in (("Nà Hỳ", 1, 4), ("Nà Bủng", 2, 3)):
        area = Area.create(name=f"Bản {commune}", commune=commune)
        for i in range(tops + goods):
            team = Team.create(area=area, name=f"Tổ {commune} {i}", established_on=dt.date(2015, 1, 1))
            ev.save_rating(team.id, 2024, full if i < tops else good)
    assert ev.quota_warnings(2024) == [
        "Nà Bủng: Số tổ xếp loại «Hoàn thành xuất sắc nhiệm vụ» (2) vượt quá 20% số tổ được xếp loại "
        "«Hoàn thành tốt nhiệm vụ» trở lên (5); tối đa 1 tổ."]
    assert ev.quota_warnings(2024, commune="Nà Hỳ") == []
    assert len(ev.quota_warnings(2024, commune="Nà Bủng")) == 1 and ev.quota_warnings(2024, commune="Nà Bủng")[0].startswith("Số tổ")
    dist = ev.distribution(2024)
    assert [(lc.code, lc.count) for lc in dist.levels][:2] == [("HTXS", 3), ("HTT", 7)] and dist.unrated == 0


def test_schema_2_migration_adds_the_stage_columns(db_url):
    """A database of schema 1 gets the columns on opening, its criteria and
    ratings kept (nothing cascades away)."""
    ev.import_criteria_file(ev.default_criteria_path(), 2024)
    area = Area.create(name="Nà Khoang", commune="Nà Hỳ")
    team = Team.create(area=area, name="Tổ A", established_on=dt.date(2015, 1, 1))
    ev.save_rating(team.id, 2024, {code: 5 for code in ("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2")})
    db = open_database(db_url)
    with db.atomic():  # back to schema 1
        for table, column in (("evaluation", "self_on"), ("evaluation", "self_by"), ("evaluation", "review_on"),
                              ("evaluation", "review_by"), ("evaluation", "decided_by"), ("criteria_set", "is_sample")):
            db.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        db.execute_sql('DROP TABLE "supervision_activity"')  # schema 3's
        db.execute_sql("UPDATE dv_meta SET value = '1' WHERE key = 'schema_version'")
        db.execute_sql("UPDATE evaluation SET stage = 'self'")  # schema 1's first stage
    close_database()
    db = open_database(db_url)
    assert schema_version(db) == migrations.latest_version()
    assert {"self_on", "self_by", "review_on", "review_by", "decided_by"} <= {c.name for c in db.get_columns("evaluation")}
    assert CriteriaSet.get().is_sample is False and Criterion.select().count() == 10 and EvaluationScore.select().count() == 10
    r = ev.rating(team.id, 2024)
    assert r.total == 50 and r.stage == "self" and r.stages[0] == ev.StageData("self", "Tự đánh giá", True, None, "")
    r = ev.set_stage(team.id, 2024, "review", "Khối Dân vận", dt.date(2024, 12, 20))
    assert r.stages[1].by == "Khối Dân vận" and r.version == 2
