"""Yearly rating: criteria sets as data, self → review → decided, ratings, quota, suggestions."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from dvdesktop.errors import NotFoundError, ValidationError
from dvdesktop.services import evaluation as ev
from dvdesktop.store.models import Area, Criterion, Meeting, MeetingAttendance, OutreachSession, Person, Team


def test_default_criteria_file_is_valid_and_totals_100():
    data = ev.load_definition(None)
    rows = ev.definition_rows(data)
    assert 8 <= len(rows) <= 12 and 3 <= len(data["groups"]) <= 4
    assert sum(r["max_points"] for r in rows) == 100
    assert [lv["name"] for lv in data["levels"]] == [
        "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"]
    assert data["quota"] == {"top_level_max_share_of": ["HTXS", "HTT", 0.2], "min_active_months": 9}
    assert data["configurable"] is True


def test_rate_and_quota_are_pure_functions():
    levels = ev.load_definition(None)["levels"]
    assert [ev.rate(t, levels) for t in (100, 90, 89.5, 70, 50, 49.5, 0)] == ["HTXS", "HTXS", "HTT", "HTT", "HT", "KHT", "KHT"]
    quota = {"top_level_max_share_of": ["HTXS", "HTT", 0.2]}
    ratings = ["HTXS", "HTXS", "HTT", "HTT", "HTT", "HTT", "HTT", "HT"]  # 2 of 7 rated tốt or better: max 1
    warnings = ev.quota_problems(ratings, quota, levels)
    assert len(warnings) == 1 and "tối đa 1" in warnings[0]
    fixed = ev.enforce_quota(ratings, [95, 91, 80, 80, 80, 80, 80, 60], quota, levels)
    assert fixed[:2] == ["HTXS", "HTT"] and ev.quota_problems(fixed, quota, levels) == []


def test_bad_definitions_are_refused():
    data = ev.load_definition(None)
    broken = json.loads(json.dumps(data))
    broken["levels"][1]["min_points"] = 95
    with pytest.raises(ValidationError, match="giảm dần"):
        ev.load_definition(broken)
    broken = json.loads(json.dumps(data))
    broken["groups"][0]["criteria"][0]["metric"] = "likes:5"
    with pytest.raises(ValidationError, match="likes"):
        ev.load_definition(broken)
    with pytest.raises(NotFoundError):
        ev.load_definition("/nonexistent/criteria.json")


@pytest.fixture
def setup(db):
    area = Area.create(name="Nà Khoang", kind="bản", commune="Nậm Pồ")
    team = Team.create(area=area, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2020, 5, 1))
    cset = ev.import_criteria_set(None, 2024)
    return team, cset


def _full(cset, points):
    return {c.code: min(Decimal(c.max_points), Decimal(points)) for c in ev.CriteriaSetService.criteria(cset.id)}


def test_import_criteria_set_from_file_and_dict(setup, tmp_path):
    team, cset = setup
    assert cset.name == "Tiêu chí đánh giá, xếp loại Tổ dân vận năm 2024"
    assert Criterion.select().where(Criterion.criteria_set == cset.id).count() == 10
    custom = {"groups": [{"title": "Nhóm", "criteria": [{"code": "A", "title": "Họp", "max_points": 60, "metric": "meetings:12"},
                                                          {"code": "B", "title": "Khác", "max_points": 40}]}],
              "levels": [{"code": "DAT", "name": "Đạt", "min_points": 50}, {"code": "KD", "name": "Không đạt", "min_points": 0}],
              "quota": {}}
    path = tmp_path / "tinh.json"
    path.write_text(json.dumps(custom, ensure_ascii=False), encoding="utf-8")
    other = ev.import_criteria_set(path, 2025, name="Bộ tiêu chí của tỉnh")
    assert [c.code for c in ev.CriteriaSetService.criteria(other.id)] == ["A", "B"]
    assert ev.CriteriaSetService.for_year(2025).id == other.id


def test_self_review_decided_flow(setup):
    team, cset = setup
    result = ev.score_evaluation(team.id, 2024, _full(cset, 9), comment="Tự đánh giá")
    assert result.evaluation.stage == "self"
    assert result.total == Decimal(86) and result.rating == "HTT"  # nine criteria at 9, one capped at 5 and result.warnings == []
    with pytest.raises(ValidationError, match="thẩm định"):
        ev.score_evaluation(team.id, 2024, stage="decided", decision_number="12-QĐ/ĐU")
    result = ev.score_evaluation(team.id, 2024, {"1.1": 15, "1.2": 10, "1.3": 10}, stage="review")
    assert result.total == Decimal(94) and result.rating == "HTXS"
    assert result.rating_name == "Hoàn thành xuất sắc nhiệm vụ"
    # one team alone rated xuất sắc: 1 > 20 % of 1
    assert result.warnings and "vượt quá" in result.warnings[0]
    with pytest.raises(ValidationError, match="số quyết định"):
        ev.score_evaluation(team.id, 2024, stage="decided")
    final = ev.score_evaluation(team.id, 2024, stage="decided", decision_number="12-QĐ/ĐU",
                                decided_on=dt.date(2025, 1, 20), rating="HTT")
    assert final.rating == "HTT" and final.evaluation.stage == "decided"
    with pytest.raises(ValidationError, match="đã được quyết định"):
        ev.score_evaluation(team.id, 2024, {"1.1": 1}, stage="review")


def test_evaluation_keeps_the_criteria_set_it_started_with(setup):
    """A second criteria set entered for the year mid-way applies to new
    evaluations; one under way is reviewed on its own criteria."""
    team, cset = setup
    ev.score_evaluation(team.id, 2024, _full(cset, 9))
    newer = ev.import_criteria_set({
        "groups": [{"title": "Nhóm", "criteria": [{"code": "A", "title": "Họp", "max_points": 100}]}],
        "levels": [{"code": "DAT", "name": "Đạt", "min_points": 50}, {"code": "KD", "name": "Không đạt", "min_points": 0}],
    }, 2024)
    assert ev.CriteriaSetService.for_year(2024).id == newer.id
    result = ev.score_evaluation(team.id, 2024, stage="review")
    assert result.total == Decimal(86) and result.rating == "HTT"
    assert result.evaluation.criteria_set_id == cset.id


def test_scores_are_checked(setup):
    team, cset = setup
    with pytest.raises(ValidationError, match="vượt quá điểm tối đa"):
        ev.score_evaluation(team.id, 2024, {"1.1": 16})
    with pytest.raises(ValidationError, match="9.9"):
        ev.score_evaluation(team.id, 2024, {"9.9": 1})
    ev.score_evaluation(team.id, 2024, {"1.1": 10})
    with pytest.raises(ValidationError, match="Chưa chấm điểm"):
        ev.score_evaluation(team.id, 2024, stage="review")
    with pytest.raises(NotFoundError, match="2019"):
        ev.score_evaluation(team.id, 2019, {"1.1": 10})


def test_team_active_under_nine_months_is_not_rated(setup):
    team, cset = setup
    new = Team.create(area=team.area, name="Tổ dân vận mới", established_on=dt.date(2024, 4, 15))
    with pytest.raises(ValidationError, match="dưới 9 tháng"):
        ev.score_evaluation(new.id, 2024, _full(cset, 5))
    ok = Team.create(area=team.area, name="Tổ dân vận bản Huổi Dạo", established_on=dt.date(2024, 4, 1))
    assert ev.score_evaluation(ok.id, 2024, _full(cset, 5)).total == Decimal(50)


def test_metric_suggestions(setup):
    team, cset = setup
    p = Person.create(full_name="Lò Văn Thắng")
    q = Person.create(full_name="Quàng Thị Mai")
    for month in (3, 6):
        m = Meeting.create(team=team, starts_at=dt.datetime(2024, month, 20, 19, 30), status="held")
        MeetingAttendance.create(meeting=m, person=p, status="present")
        MeetingAttendance.create(meeting=m, person=q, status="present" if month == 3 else "excused")
    Meeting.create(team=team, starts_at=dt.datetime(2023, 3, 20, 19, 30), status="held")  # another year
    for day in (1, 2, 3, 4, 5):
        OutreachSession.create(team=team, held_on=dt.date(2024, 5, day), topic="Ma túy", audience_total=10)
    values = ev.metric_values(team.id, 2024)
    assert values["meetings"] == 2 and values["attendance_pct"] == 75.0 and values["outreach_sessions"] == 5
    s = ev.suggest_scores(team.id, 2024)
    assert s["4.1"].score == Decimal(5)  # 2 of 4 meetings → half of 10
    assert s["1.1"].score == Decimal(15)  # 5 ≥ 4 sessions → full
    assert s["4.2"].score == Decimal("8")  # 75 % of 90 % → 8.33 → 8
    assert "3.1" not in s  # no metric: scored by hand
    assert ev.suggested_score(Decimal(10), 1, Decimal(3)) == Decimal("3")


def test_criteria_set_levels_are_stored_as_checked(db):
    """Levels typed as JSON are stored normalised: NFC even when the JSON
    escapes decomposed marks, thresholds as numbers."""
    import unicodedata

    typed = json.dumps([{"code": "A", "name": unicodedata.normalize("NFD", "Đạt"), "min_points": "50"},
                        {"code": "B", "name": "Không đạt", "min_points": 0}])  # ASCII escapes: \u0323 ...
    cset = ev.CriteriaSetService.create({"year": 2024, "name": "Bộ", "levels": typed, "quota": "{}"})
    stored = ev.levels_of(ev.CriteriaSetService.get(cset.id))
    assert stored[0] == {"code": "A", "name": "Đạt", "min_points": 50.0}
    assert unicodedata.is_normalized("NFC", stored[0]["name"])


def test_criteria_set_service_validates_levels(db):
    with pytest.raises(ValidationError):
        ev.CriteriaSetService.create({"year": 2024, "name": "Sai", "levels": "[{\"code\": \"A\"}]", "quota": "{}"})
    cset = ev.CriteriaSetService.create({"year": 2024, "name": "Đúng", "quota": "{}", "levels": json.dumps(
        [{"code": "A", "name": "Đạt", "min_points": 50}, {"code": "B", "name": "Không đạt", "min_points": 0}])})
    ev.CriterionService.create({"criteria_set": cset.id, "code": "1", "title": "Họp", "max_points": "10", "metric": "meetings:4"})
    with pytest.raises(ValidationError, match="mã «1»"):
        ev.CriterionService.create({"criteria_set": cset.id, "code": "1", "title": "Lặp", "max_points": 5})
    with pytest.raises(ValidationError):
        ev.CriterionService.create({"criteria_set": cset.id, "code": "2", "title": "Sai", "max_points": 5, "metric": "x"})
