"""One team's rating: scores, stages in order with date and who, decided
read-only, reopening with a reason (audited), eligibility, optimistic locking."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest

from dvdesktop.errors import ConflictError, NotFoundError, ValidationError
from dvdesktop.services import evaluation as ev
from dvdesktop.store.models import Area, AuditLog, Evaluation, EvaluationScore, Meeting, OutreachSession, Team


@pytest.fixture
def team(db):
    ev.import_criteria_file(ev.default_criteria_path(), 2024)
    area = Area.create(name="Nà Khoang", kind="bản", commune="Nà Hỳ")
    return Team.create(area=area, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2019, 5, 1))


def _all(points: float) -> dict:
    data = ev.criteria_set(2024)
    return {c.code: min(c.max_points, Decimal(str(points))) for c in data.criteria}


def test_a_new_rating_reads_as_plain_data_with_suggestions(team):
    for day in (3, 4, 5, 6):
        OutreachSession.create(team=team, held_on=dt.date(2024, 5, day), topic="Phòng chống ma túy", audience_total=78)
    OutreachSession.create(team=team, held_on=dt.date(2024, 6, 1), topic="Đã xóa", audience_total=500, deleted_at=dt.datetime(2024, 6, 2))
    Meeting.create(team=team, starts_at=dt.datetime(2024, 3, 20, 19, 30), status="held")
    r = ev.rating(team.id, 2024)
    assert (r.team_name, r.area_name, r.commune, r.year) == ("Tổ dân vận bản Nà Khoang", "Nà Khoang", "Nà Hỳ", 2024)
    assert r.version == 0 and r.stage is None and r.stage_name == "Chưa đánh giá" and not r.read_only
    assert r.eligible and r.reason == "" and r.active_months == 12
    assert r.total == 0 and not r.complete and r.level_code is None and r.max_total == 100
    lines = {ln.code: ln for ln in r.criteria}
    assert lines["1.1"].suggested == 15 and lines["1.1"].explanation == "4 buổi tuyên truyền, 312 lượt người nghe → 15/15"
    assert lines["4.1"].suggested == Decimal("2.5")
    assert lines["4.1"].explanation == "1 cuộc họp tổ (đủ điểm từ 4) → 2,5/10"
    assert lines["4.2"].explanation == "chưa có cuộc họp nào được điểm danh (đủ điểm từ 90%) → 0/10"
    assert lines["3.1"].suggested is None and lines["3.1"].explanation == "" and lines["3.1"].metric is None
    assert [s.stage for s in r.stages] == ["self", "review", "decided"] and not any(s.done for s in r.stages)
    assert [lv.code for lv in r.levels] == ["HTXS", "HTT", "HT", "KHT"]
    assert ev.level_for(Decimal("89.5"), r.levels) == ("HTT", "Hoàn thành tốt nhiệm vụ")


def test_scores_then_stages_in_order_with_date_and_who(team):
    r = ev.save_rating(team.id, 2024, {**_all(8), "1.1": (12, "Tuyên truyền đều")}, expected_version=0)
    assert r.version == 1 and r.stage is None and r.stage_name == "Đang chấm điểm"
    assert r.complete and r.total == Decimal(81) and (r.level_code, r.level_name) == ("HTT", "Hoàn thành tốt nhiệm vụ")
    with pytest.raises(ValidationError, match="Cần bước «Tự đánh giá» trước bước «Thẩm định»"):
        ev.set_stage(team.id, 2024, "review", "Khối Dân vận xã Nà Hỳ", dt.date(2024, 12, 20))
    r = ev.set_stage(team.id, 2024, "self", "Lò Văn Thắng, Tổ trưởng", dt.date(2024, 12, 5))
    assert r.stage == "self" and r.stages[0] == ev.StageData("self", "Tự đánh giá", True, dt.date(2024, 12, 5), "Lò Văn Thắng, Tổ trưởng")
    with pytest.raises(ValidationError, match="chỉ chuyển tiếp"):
        ev.set_stage(team.id, 2024, "self", "Lò Văn Thắng", dt.date(2024, 12, 6))
    # after the self-assessment, scores saved are the reviewers': the team's own stay
    r = ev.save_rating(team.id, 2024, {"1.1": (14, None)}, expected_version=r.version)
    line = r.criteria[0]
    assert (line.given, line.self_score, line.comment) == (14, 12, "Tuyên truyền đều") and r.total == 83
    with pytest.raises(ValidationError, match="trước ngày của bước trước"):
        ev.set_stage(team.id, 2024, "review", "Khối Dân vận xã Nà Hỳ", dt.date(2024, 12, 1))
    with pytest.raises(ValidationError, match="người thực hiện"):
        ev.set_stage(team.id, 2024, "review", "  ", dt.date(2024, 12, 20))
    r = ev.set_stage(team.id, 2024, "review", "Khối Dân vận xã Nà Hỳ", dt.date(2024, 12, 20))
    assert EvaluationScore.select().where(EvaluationScore.reviewed_score.is_null()).count() == 0
    with pytest.raises(ValidationError, match="cao hơn mức tương ứng"):
        ev.set_stage(team.id, 2024, "decided", "Ban Thường vụ Đảng ủy xã Nà Hỳ", dt.date(2025, 1, 20), level="HTXS")
    r = ev.set_stage(team.id, 2024, "decided", "Ban Thường vụ Đảng ủy xã Nà Hỳ", dt.date(2025, 1, 20),
                     decision_number="58-QĐ/ĐU", level="HT")
    assert r.stage == "decided" and r.read_only and r.level_code == "HT" and r.decision_number == "58-QĐ/ĐU"
    assert [s.on for s in r.stages] == [dt.date(2024, 12, 5), dt.date(2024, 12, 20), dt.date(2025, 1, 20)]
    assert r.version == 5


def test_stages_need_every_criterion_scored_and_a_known_stage(team):
    ev.save_rating(team.id, 2024, {"1.1": 10})
    with pytest.raises(ValidationError, match="Chưa chấm điểm các tiêu chí: 1.2, 1.3"):
        ev.set_stage(team.id, 2024, "self", "Lò Văn Thắng", dt.date(2024, 12, 5))
    with pytest.raises(ValidationError, match="không có"):
        ev.set_stage(team.id, 2024, "approved", "Lò Văn Thắng", dt.date(2024, 12, 5))


def test_scores_are_checked(team):
    with pytest.raises(ValidationError, match="vượt quá điểm tối đa 15"):
        ev.save_rating(team.id, 2024, {"1.1": 16})
    with pytest.raises(ValidationError, match="9.9"):
        ev.save_rating(team.id, 2024, {"9.9": 1})
    with pytest.raises(ValidationError, match="phải là số"):
        ev.save_rating(team.id, 2024, {"1.1": "mười"})
    with pytest.raises(ValidationError, match="không âm"):
        ev.save_rating(team.id, 2024, {"1.1": -1})
    assert Evaluation.select().count() == 0
    r = ev.save_rating(team.id, 2024, {"1.1": "7,5"})
    assert r.criteria[0].given == Decimal("7.5")
    r = ev.save_rating(team.id, 2024, {"1.1": (None, "Chưa rõ")})
    assert r.criteria[0].given is None and r.criteria[0].comment == "Chưa rõ"
    with pytest.raises(NotFoundError, match="2019"):
        ev.save_rating(team.id, 2019, {"1.1": 1})
    with pytest.raises(NotFoundError):
        ev.rating(9999, 2024)


def _decide(team_id: int) -> ev.RatingData:
    ev.save_rating(team_id, 2024, _all(9))
    ev.set_stage(team_id, 2024, "self", "Tổ trưởng", dt.date(2024, 12, 5))
    ev.set_stage(team_id, 2024, "review", "Khối Dân vận", dt.date(2024, 12, 20))
    return ev.set_stage(team_id, 2024, "decided", "Đảng ủy xã", dt.date(2025, 1, 20), decision_number="12-QĐ/ĐU")


def test_a_decided_rating_is_read_only(team):
    r = _decide(team.id)
    with pytest.raises(ValidationError, match="đã được quyết định nên không sửa được"):
        ev.save_rating(team.id, 2024, {"1.1": 1}, expected_version=r.version)
    with pytest.raises(ValidationError, match="chỉ chuyển tiếp"):
        ev.set_stage(team.id, 2024, "decided", "Đảng ủy xã", dt.date(2025, 1, 21))
    assert ev.rating(team.id, 2024) == r


def test_reopening_needs_a_reason_and_is_audited(team):
    ev.save_rating(team.id, 2024, _all(9))
    with pytest.raises(ValidationError, match="chưa được quyết định"):
        ev.reopen(team.id, 2024, "Sai điểm")
    r = _decide(team.id)
    for reason in ("", "   ", None):
        with pytest.raises(ValidationError, match="lý do"):
            ev.reopen(team.id, 2024, reason)
    assert ev.rating(team.id, 2024).stage == "decided"
    reopened = ev.reopen(team.id, 2024, "Tổ có ý kiến về điểm tiêu chí 1.1")
    assert reopened.stage == "review" and not reopened.read_only and reopened.version == r.version + 1
    assert reopened.stages[2] == ev.StageData("decided", "Đã quyết định", False, None, "") and reopened.decision_number == ""
    log = AuditLog.select().where(AuditLog.action == "reopen").get()
    assert log.table_name == "evaluation" and log.record_id == Evaluation.get().id
    assert json.loads(log.before)["stage"] == "decided" and json.loads(log.before)["decision_number"] == "12-QĐ/ĐU"
    assert json.loads(log.after)["reason"] == "Tổ có ý kiến về điểm tiêu chí 1.1"
    r = ev.save_rating(team.id, 2024, {"1.1": 15}, expected_version=reopened.version)
    assert r.criteria[0].given == 15
    r = ev.set_stage(team.id, 2024, "decided", "Đảng ủy xã", dt.date(2025, 2, 1), decision_number="15-QĐ/ĐU")
    assert r.read_only and r.decision_number == "15-QĐ/ĐU"


def test_optimistic_locking(team):
    first = ev.save_rating(team.id, 2024, {"1.1": 10}, expected_version=0)
    with pytest.raises(ConflictError, match="vừa được người khác sửa"):
        ev.save_rating(team.id, 2024, {"1.1": 11}, expected_version=0)  # opened before the first save
    second = ev.save_rating(team.id, 2024, {"1.2": 5}, expected_version=first.version)
    with pytest.raises(ConflictError):
        ev.save_rating(team.id, 2024, {"1.1": 12}, expected_version=first.version)
    with pytest.raises(ConflictError):
        ev.set_stage(team.id, 2024, "self", "Tổ trưởng", dt.date(2024, 12, 5), expected_version=first.version)
    assert ev.rating(team.id, 2024).criteria[0].given == 10 and second.version == 2


@pytest.mark.parametrize(("established", "dissolved", "eligible", "months"), [
    (dt.date(2024, 4, 1), None, True, 9),  # founded 1 April: exactly 9 months
    (dt.date(2024, 4, 2), None, False, 8),  # a day later: 8 whole months
    (dt.date(2023, 1, 1), dt.date(2024, 10, 1), True, 9),  # dissolved 1 October: 9 months
    (dt.date(2023, 1, 1), dt.date(2024, 9, 30), False, 8),
    (dt.date(2024, 3, 15), dt.date(2024, 12, 15), True, 9),  # both in the year
    (dt.date(2024, 3, 15), dt.date(2024, 12, 14), False, 8),
])
def test_eligibility_boundaries(team, established, dissolved, eligible, months):
    other = Team.create(area=team.area, name="Tổ dân vận bản Huổi Dạo", established_on=established, dissolved_on=dissolved,
                        status="dissolved" if dissolved else "active")
    r = ev.rating(other.id, 2024)
    assert (r.eligible, r.active_months) == (eligible, months)
    if eligible:
        assert r.reason == "" and ev.save_rating(other.id, 2024, {"1.1": 10}).total == 10
    else:
        assert f"hoạt động {months} tháng trong năm 2024 (dưới 9 tháng) nên không xếp loại" in r.reason
        with pytest.raises(ValidationError, match="dưới 9 tháng"):
            ev.save_rating(other.id, 2024, {"1.1": 10})
        assert Evaluation.select().where(Evaluation.team == other.id).count() == 0


def test_eligibility_reasons_say_why(team):
    founded = Team.create(area=team.area, name="Tổ mới", established_on=dt.date(2024, 7, 20))
    dissolved = Team.create(area=team.area, name="Tổ cũ", established_on=dt.date(2010, 1, 1), dissolved_on=dt.date(2024, 6, 1))
    assert ev.rating(founded.id, 2024).reason == (
        "Tổ thành lập ngày 20/07/2024, hoạt động 5 tháng trong năm 2024 (dưới 9 tháng) nên không xếp loại.")
    assert ev.rating(dissolved.id, 2024).reason == (
        "Tổ giải thể ngày 01/06/2024, hoạt động 5 tháng trong năm 2024 (dưới 9 tháng) nên không xếp loại.")


def test_a_rating_keeps_the_criteria_set_it_started_with(team):
    ev.save_rating(team.id, 2024, _all(9))
    data = ev.criteria_set(2024)
    newer = ev.import_criteria_set({
        "groups": [{"title": "Nhóm", "criteria": [{"code": "A", "title": "Họp", "max_points": 100}]}],
        "levels": [{"code": "DAT", "name": "Đạt", "min_points": 50}, {"code": "KD", "name": "Không đạt", "min_points": 0}],
    }, 2024)
    assert ev.criteria_set(2024).id == newer.id
    r = ev.rating(team.id, 2024)
    assert r.criteria_set_id == data.id and r.total == 86 and r.level_code == "HTT"
    assert dataclasses.asdict(r)["criteria"][0]["code"] == "1.1"
