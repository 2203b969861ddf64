"""Criteria set of a year: plain data, save in one transaction with every
problem listed, optimistic locking, copy to a year, file export/import."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest

from dvdesktop.errors import ConflictError, NotFoundError, ValidationError
from dvdesktop.services import evaluation as ev
from dvdesktop.store.models import Area, CriteriaSet, Criterion, EvaluationScore, Team


def _sample(year: int) -> ev.CriteriaSetData:
    return ev.import_criteria_file(ev.default_criteria_path(), year)


def test_the_shipped_set_is_a_sample_and_reads_as_plain_data(db):
    assert ev.criteria_set(2024) is None
    data = _sample(2024)
    assert data.is_sample is True and data.year == 2024 and data.version == 1
    assert data.name == "Tiêu chí đánh giá, xếp loại Tổ dân vận năm 2024"
    assert [len(g.criteria) for g in data.groups] == [3, 3, 2, 2]
    first = data.groups[0].criteria[0]
    assert (first.code, first.max_points, first.metric, first.target) == ("1.1", Decimal(15), "outreach_sessions", Decimal(4))
    assert data.groups[2].criteria[0].metric is None and data.groups[2].criteria[0].target is None
    assert data.total_points == 100
    assert [(lv.code, lv.min_points) for lv in data.levels] == [("HTXS", 90), ("HTT", 70), ("HT", 50), ("KHT", 0)]
    assert data.quota == ev.QuotaData("HTXS", "HTT", Decimal("0.2"), 9)
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.name = "x"
    assert ev.criteria_set(2024) == data
    unsaved = ev.sample_criteria_set(2025)
    assert unsaved.id is None and unsaved.is_sample and unsaved.groups == data.groups and ev.criteria_problems(unsaved) == []


def test_save_replaces_the_set_in_one_step_and_keeps_scores_of_kept_criteria(db):
    data = _sample(2024)
    area = Area.create(name="Nà Khoang", commune="Nà Hỳ")
    team = Team.create(area=area, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2020, 1, 1))
    ev.save_rating(team.id, 2024, {"1.1": (12, "Tốt"), "4.1": 8})
    groups = list(data.groups)
    # drop criterion 4.1, change 1.1's text and points, add 5.1
    groups[3] = ev.GroupData(groups[3].title, groups[3].criteria[1:])
    groups[0] = ev.GroupData(groups[0].title, (dataclasses.replace(groups[0].criteria[0], text="Tuyên truyền", max_points=Decimal(20)),)
                             + groups[0].criteria[1:])
    groups.append(ev.GroupData("V. Khác", (ev.CriterionData("5.1", "Việc khác", Decimal(5)),)))
    changed = dataclasses.replace(data, groups=tuple(groups), is_sample=False, name="Bộ tiêu chí của tỉnh")
    saved = ev.save_criteria_set(2024, changed, expected_version=data.version)
    assert saved.version == data.version + 1 and saved.id == data.id and not saved.is_sample
    assert [c.code for c in saved.criteria] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "4.2", "5.1"]
    assert saved.criteria[0].text == "Tuyên truyền" and saved.criteria[0].max_points == 20
    assert saved.total_points == 100  # +5 on 1.1, -10 for 4.1, +5 for 5.1
    rated = ev.rating(team.id, 2024)
    by_code = {ln.code: ln for ln in rated.criteria}
    assert by_code["1.1"].given == 12 and by_code["1.1"].comment == "Tốt"  # kept: same code
    assert "4.1" not in by_code and EvaluationScore.select().count() == 1
    # the version read before is stale now
    with pytest.raises(ConflictError):
        ev.save_criteria_set(2024, changed, expected_version=data.version)


def test_save_lists_every_problem_and_writes_nothing(db):
    data = _sample(2024)
    bad_crit = dataclasses.replace(data.groups[1].criteria[2], max_points=Decimal(0))
    dup = dataclasses.replace(data.groups[1].criteria[1], code="1.1")
    groups = (data.groups[0], ev.GroupData(data.groups[1].title, (data.groups[1].criteria[0], dup, bad_crit))) + data.groups[2:]
    levels = (ev.LevelData("HTXS", "Xuất sắc", Decimal(150)),) + data.levels[1:]
    broken = dataclasses.replace(data, groups=groups, levels=levels)
    with pytest.raises(ev.CriteriaProblems) as err:
        ev.save_criteria_set(2024, broken, expected_version=data.version)
    assert err.value.problems == [
        "Nhóm 2, tiêu chí 1.1: mã tiêu chí bị lặp (tiêu chí thứ 2 của nhóm 2 trùng mã với một tiêu chí ở nhóm 1).",
        "Nhóm 2, tiêu chí 2.3: điểm tối đa phải lớn hơn 0.",
    ]
    assert isinstance(err.value, ValidationError) and err.value.message.count("\n") == 1
    assert ev.criteria_problems(broken) == err.value.problems
    assert ev.criteria_set(2024) == data
    # thresholds are checked against the total once the criteria are sound
    with pytest.raises(ev.CriteriaProblems) as err:
        ev.save_criteria_set(2024, dataclasses.replace(data, levels=levels))
    assert err.value.problems == ["Mức xếp loại HTXS: ngưỡng 150 điểm vượt quá tổng điểm tối đa 100."]


def test_copy_from_last_year_in_one_step(db):
    _sample(2024)
    copy = ev.copy_criteria_set(2024, 2025)
    assert copy.year == 2025 and copy.name.endswith("năm 2025") and copy.id != ev.criteria_set(2024).id
    assert copy.groups == ev.criteria_set(2024).groups and copy.levels == ev.criteria_set(2024).levels
    with pytest.raises(ValidationError, match="Năm 2025 đã có bộ tiêu chí"):
        ev.copy_criteria_set(2024, 2025)
    again = ev.copy_criteria_set(2024, 2025, replace=True)
    assert again.id == copy.id and again.version == copy.version + 1
    with pytest.raises(NotFoundError, match="2019"):
        ev.copy_criteria_set(2019, 2026)
    assert CriteriaSet.select().count() == 2


def test_a_set_used_by_a_decided_rating_is_not_changed(db):
    data = _sample(2024)
    area = Area.create(name="Nà Khoang", commune="Nà Hỳ")
    team = Team.create(area=area, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2020, 1, 1))
    r = ev.save_rating(team.id, 2024, {c.code: c.max_points for c in data.criteria})
    for stage, day in (("self", 5), ("review", 15), ("decided", 25)):
        r = ev.set_stage(team.id, 2024, stage, "Người ký", dt.date(2024, 12, day))
    with pytest.raises(ValidationError, match="Đã có 1 tổ được quyết định"):
        ev.save_criteria_set(2024, dataclasses.replace(data, name="Khác"))


def test_export_import_round_trip(db, tmp_path):
    data = _sample(2024)
    path = ev.export_criteria_file(2024, tmp_path / "tinh.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "dvdesktop-criteria" and document["year"] == 2024 and document["sample"] is True
    assert document["groups"][0]["criteria"][0] == {
        "code": "1.1", "title": data.criteria[0].text, "max_points": 15, "metric": "outreach_sessions:4"}
    imported = ev.import_criteria_file(path, 2026)
    assert imported.year == 2026 and imported.name == "Tiêu chí đánh giá, xếp loại Tổ dân vận năm 2026"
    assert (imported.groups, imported.levels, imported.quota, imported.is_sample) == (data.groups, data.levels, data.quota, True)
    # again into a year that has a set: refused unless replacing
    with pytest.raises(ValidationError, match="đã có bộ tiêu chí"):
        ev.import_criteria_file(path, 2026)
    assert ev.import_criteria_file(path, 2026, replace=True).version == imported.version + 1


def _write(tmp_path, content) -> str:
    path = tmp_path / "bo-tieu-chi.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _good() -> dict:
    return json.loads(ev.default_criteria_path().read_text(encoding="utf-8"))


def _problems(tmp_path, content) -> list[str]:
    with pytest.raises(ev.CriteriaProblems) as err:
        ev.import_criteria_file(_write(tmp_path, content), 2024)
    assert ev.criteria_set(2024) is None and Criterion.select().count() == 0  # nothing half-imported
    return err.value.problems


def test_import_refuses_garbage_and_wrong_json(db, tmp_path):
    assert _problems(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe") == [
        "Tệp «bo-tieu-chi.json» không phải tệp văn bản UTF-8 của bộ tiêu chí."]
    [problem] = _problems(tmp_path, '{"groups": [ {"title": "A",, } ]}')
    assert problem.startswith("Tệp «bo-tieu-chi.json» không đúng định dạng JSON (dòng 1, cột")
    assert _problems(tmp_path, "[1, 2, 3]") == [
        "Tệp không chứa một bộ tiêu chí (cần các nhóm tiêu chí, các mức xếp loại và quy định tỷ lệ)."]
    assert _problems(tmp_path, {"format": "excel", **_good()}) == ["Tệp «bo-tieu-chi.json» không phải tệp bộ tiêu chí (tệp ghi loại «excel»)."]
    with pytest.raises(NotFoundError):
        ev.import_criteria_file(str(tmp_path / "khong-co.json"), 2024)


def test_import_lists_missing_fields(db, tmp_path):
    assert _problems(tmp_path, {"name": "Trống"}) == [
        "Thiếu các nhóm tiêu chí: cần ít nhất một nhóm.", "Thiếu các mức xếp loại: cần ít nhất một mức."]
    data = _good()
    del data["groups"][1]["criteria"][2]["max_points"]
    del data["groups"][0]["criteria"][1]["code"]
    data["groups"][2]["title"] = ""
    data["groups"][3]["criteria"][0]["title"] = "  "
    del data["levels"][1]["name"]
    assert _problems(tmp_path, data) == [
        "Nhóm 1, tiêu chí thứ 2: thiếu mã tiêu chí.",
        "Nhóm 2, tiêu chí 2.3: điểm tối đa phải là một số.",
        "Nhóm 3: thiếu tên nhóm.",
        "Nhóm 4, tiêu chí 4.1: thiếu nội dung tiêu chí.",
        "Mức xếp loại HTT: thiếu tên mức xếp loại.",
    ]


def test_import_lists_duplicates_unknown_metrics_and_bad_points(db, tmp_path):
    data = _good()
    data["groups"][1]["criteria"][2]["code"] = "1.2"
    data["groups"][1]["criteria"][2]["max_points"] = 0
    data["groups"][0]["criteria"][0]["metric"] = "likes:5"
    data["groups"][3]["criteria"][0]["metric"] = "meetings:-1"
    data["levels"].append({"code": "HTT", "name": "Lặp", "min_points": 0})
    problems = _problems(tmp_path, data)
    assert problems[0].startswith("Nhóm 1, tiêu chí 1.1: chỉ số «likes» không có; chọn một trong: meetings,")
    assert problems[1:] == [
        "Nhóm 2, tiêu chí 1.2: mã tiêu chí bị lặp (tiêu chí thứ 3 của nhóm 2 trùng mã với một tiêu chí ở nhóm 1).",
        "Nhóm 2, tiêu chí 1.2: điểm tối đa phải lớn hơn 0.",
        "Nhóm 4, tiêu chí 4.1: mức của chỉ số «meetings:-1» phải lớn hơn 0.",
        "Mức xếp loại HTT: mã mức xếp loại bị lặp.",
        "Mức xếp loại HTT: ngưỡng 0 điểm phải thấp hơn ngưỡng của mức trên (KHT, 0 điểm); "
        "các mức xếp từ cao xuống thấp, ngưỡng điểm giảm dần.",
    ]


def test_import_lists_thresholds_out_of_order_and_quota_problems(db, tmp_path):
    data = _good()
    data["levels"][1]["min_points"] = 95
    data["levels"][3]["min_points"] = 10
    data["quota"] = {"top_level_max_share_of": ["XS", "HTT", 0.2], "min_active_months": 13}
    assert _problems(tmp_path, data) == [
        "Mức xếp loại HTT: ngưỡng 95 điểm phải thấp hơn ngưỡng của mức trên (HTXS, 90 điểm); "
        "các mức xếp từ cao xuống thấp, ngưỡng điểm giảm dần.",
        "Quy định tỷ lệ: không có mức xếp loại mã «XS».",
        "Quy định tỷ lệ: số tháng hoạt động tối thiểu phải là số nguyên từ 0 đến 12.",
    ]
    data = _good()
    data["levels"][3]["min_points"] = 10
    data["quota"]["top_level_max_share_of"] = ["HT", "HTXS", 1.5]
    assert _problems(tmp_path, data) == [
        "Mức xếp loại KHT: mức thấp nhất cần ngưỡng 0 điểm để tổ nào cũng được xếp loại.",
        "Quy định tỷ lệ: giới hạn mức cao nhất phải gồm mức cao nhất, mức so sánh và tỷ lệ từ 0 đến 1.",
    ]
    data["levels"][0]["min_points"] = 101
    data["levels"][3]["min_points"] = 0
    data["quota"]["top_level_max_share_of"] = ["HT", "HTXS", 0.5]
    assert _problems(tmp_path, data) == [
        "Mức xếp loại HTXS: ngưỡng 101 điểm vượt quá tổng điểm tối đa 100.",
        "Quy định tỷ lệ: mức «HT» phải cao hơn hoặc bằng mức so sánh «HTXS».",
    ]
