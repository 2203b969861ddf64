"""`dvdesktop evaluate`: suggested scores of every team, criteria export/import."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from dvdesktop.cli import main
from dvdesktop.services import evaluation as ev
from dvdesktop.store import close_database, open_database
from dvdesktop.store.models import Area, Meeting, Team


@pytest.fixture
def dbfile(tmp_path):
    path = tmp_path / "xa.sqlite3"
    open_database(str(path))
    ev.import_criteria_file(ev.default_criteria_path(), 2024)
    area = Area.create(name="Nà Khoang", commune="Nà Hỳ")
    team = Team.create(area=area, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2015, 1, 1))
    for month in (2, 5, 8, 11):
        Meeting.create(team=team, starts_at=dt.datetime(2024, month, 10, 19, 30), status="held")
    Team.create(area=area, name="Tổ dân vận bản Huổi Dạo", established_on=dt.date(2024, 9, 1))
    close_database()
    return str(path)


def test_suggest_table_and_json(dbfile, capsys):
    assert main(["evaluate", "suggest", "--year", "2024", "--db", dbfile]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["Tổ", "dân", "vận", "Địa", "bàn", "Điểm", "gợi", "ý", "Mức", "gợi", "ý"]
    assert "Tổ dân vận bản Nà Khoang" in out[3] and "30" in out[3] and out[3].endswith("Không hoàn thành nhiệm vụ")
    assert "không xếp loại (*)" in out[2]
    assert out[-1] == ("(*) Tổ dân vận bản Huổi Dạo: Tổ thành lập ngày 01/09/2024, hoạt động 4 tháng trong năm 2024 "
                       "(dưới 9 tháng) nên không xếp loại.")
    assert main(["evaluate", "suggest", "--year", "2024", "--db", dbfile, "--json"]) == 0
    rows = {r["team"]: r for r in json.loads(capsys.readouterr().out)}
    # 4 meetings → 10, nothing to resolve → 10 + 10
    assert rows["Tổ dân vận bản Nà Khoang"]["suggested_total"] == 30 and rows["Tổ dân vận bản Nà Khoang"]["level"] == "KHT"
    assert rows["Tổ dân vận bản Huổi Dạo"]["eligible"] is False and rows["Tổ dân vận bản Huổi Dạo"]["level"] is None


def test_suggest_without_a_criteria_set(dbfile, capsys):
    assert main(["evaluate", "suggest", "--year", "2023", "--db", dbfile]) == 1
    assert capsys.readouterr().err == "Lỗi: Chưa có bộ tiêu chí đánh giá năm 2023. Hãy nhập hoặc chép bộ tiêu chí trước.\n"


def test_criteria_export_then_import(dbfile, tmp_path, capsys):
    target = tmp_path / "tieu-chi-2024.json"
    assert main(["evaluate", "criteria", "export", str(target), "--year", "2024", "--db", dbfile]) == 0
    assert "Đã ghi bộ tiêu chí năm 2024" in capsys.readouterr().out
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "dvdesktop-criteria"
    assert main(["evaluate", "criteria", "import", str(target), "--year", "2025", "--db", dbfile]) == 0
    assert capsys.readouterr().out == (
        "Đã nhập bộ tiêu chí «Tiêu chí đánh giá, xếp loại Tổ dân vận năm 2025» cho năm 2025: "
        "4 nhóm, 10 tiêu chí, 4 mức xếp loại.\n")
    assert main(["evaluate", "criteria", "import", str(target), "--year", "2025", "--db", dbfile]) == 1
    assert "đã có bộ tiêu chí" in capsys.readouterr().err
    assert main(["evaluate", "criteria", "import", str(target), "--year", "2025", "--db", dbfile, "--replace"]) == 0


def test_criteria_import_lists_every_problem_and_writes_nothing(dbfile, tmp_path, capsys):
    data = json.loads(ev.default_criteria_path().read_text(encoding="utf-8"))
    data["groups"][1]["criteria"][2]["max_points"] = 0
    data["groups"][0]["criteria"][1]["code"] = "1.1"
    bad = tmp_path / "sai.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", "criteria", "import", str(bad), "--year", "2025", "--db", dbfile]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"Lỗi: tệp «{bad}» có 2 lỗi, chưa nhập gì:",
        "  - Nhóm 1, tiêu chí 1.1: mã tiêu chí bị lặp (tiêu chí thứ 2 của nhóm 1 trùng mã với một tiêu chí ở nhóm 1).",
        "  - Nhóm 2, tiêu chí 2.3: điểm tối đa phải lớn hơn 0.",
    ]
    open_database(dbfile)
    try:
        assert ev.criteria_set(2025) is None
    finally:
        close_database()


def test_missing_database_and_usage(tmp_path, capsys):
    assert main(["evaluate", "suggest", "--year", "2024", "--db", str(tmp_path / "khong.sqlite3")]) == 1
    assert "Không tìm thấy" in capsys.readouterr().err and not (tmp_path / "khong.sqlite3").exists()
    with pytest.raises(SystemExit) as exc:
        main(["evaluate", "criteria", "export", "x.json", "--db", "y"])
    assert exc.value.code == 2
