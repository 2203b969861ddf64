"""Demo data and statistics: determinism, refusal, realistic structure,
exact figures on a hand-made database, the command line."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

from dvdesktop import cli
from dvdesktop.services import stats as stats_service
from dvdesktop.services.demo.generator import build_demo
from dvdesktop.store import close_database, open_database
from dvdesktop.store.models import (
    Area, Concern, ExemplaryModel, MediationCase, MediationMediator, Meeting, Membership, OutreachSession, Person, Team,
)

ROOT = Path(__file__).resolve().parents[2]


def _stats_json(capsys, *args) -> dict:
    assert cli.main(["stats", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# --- demo --------------------------------------------------------------------


def test_same_seed_gives_identical_data_and_stats(tmp_path, capsys):
    a, b, c = (str(tmp_path / f"{n}.sqlite3") for n in "abc")
    assert cli.main(["demo", "--db", a, "--seed", "7"]) == 0
    assert cli.main(["demo", "--db", b, "--seed", "7"]) == 0
    assert cli.main(["demo", "--db", c, "--seed", "8"]) == 0
    out = capsys.readouterr().out

    assert "Đã tạo dữ liệu mẫu" in out and "tổ dân vận" in out
    sa, sb, sc = (_stats_json(capsys, "--db", p) for p in (a, b, c))
    assert sa == sb
    assert sa != sc
    for year in (2022, 2025):
        assert _stats_json(capsys, "--db", a, "--year", str(year)) == _stats_json(capsys, "--db", b, "--year", str(year))
    # row for row: names, dates, uids
    rows = []
    for path in (a, b):
        open_database(path, create=False)
        rows.append([
            list(Person.select(Person.uid, Person.full_name, Person.birth_year).order_by(Person.id).tuples()),
            list(Meeting.select(Meeting.uid, Meeting.starts_at, Meeting.title).order_by(Meeting.id).tuples()),
        ])
        close_database()
    assert rows[0] == rows[1]


def test_refuses_a_database_with_records_unless_force(tmp_path, capsys):
    path = str(tmp_path / "x.sqlite3")
    assert cli.main(["demo", "--db", path, "--seed", "1"]) == 0
    capsys.readouterr()
    first = _stats_json(capsys, "--db", path)
    assert cli.main(["demo", "--db", path, "--seed", "2"]) == 1
    err = capsys.readouterr().err
    assert "--force" in err and "đã có dữ liệu" in err
    assert _stats_json(capsys, "--db", path) == first  # untouched
    assert cli.main(["demo", "--db", path, "--seed", "2", "--force"]) == 0
    capsys.readouterr()
    rebuilt = _stats_json(capsys, "--db", path)
    assert rebuilt != first
    fresh = str(tmp_path / "fresh.sqlite3")
    assert cli.main(["demo", "--db", fresh, "--seed", "2"]) == 0
    capsys.readouterr()
    assert _stats_json(capsys, "--db", fresh) == rebuilt  # --force clears everything


def test_default_target_is_the_demo_file_not_the_real_database(tmp_path, capsys, monkeypatch):
    real = tmp_path / "real.sqlite3"
    monkeypatch.setenv("DVDESKTOP_DB", str(real))
    assert cli.main(["demo"]) == 0
    from dvdesktop.store.location import demo_database

    assert Path(demo_database()).exists()
    assert not real.exists()


def test_commune_scale_is_realistic(db, db_url):
    ref = dt.date(2025, 12, 31)
    build_demo(scale="commune", seed=3, reference=ref)
    numbers = stats_service.collect(today=ref)
    assert 10 <= numbers["teams"] <= 20
    assert 100 <= numbers["persons"] <= 150
    assert numbers["meetings"] >= numbers["teams"] * 4 * 4
    assert numbers["outreach_sessions"] > 150 and numbers["concerns"] > 50 and numbers["mediation_cases"] > 20
    assert numbers["exemplary_models"] > 0 and numbers["evaluations"] > 0
    for team in Team.select().where(Team.status == "active"):
        current = list(Membership.select().where(
            (Membership.team == team) & (Membership.start_date <= ref)
            & (Membership.end_date.is_null() | (Membership.end_date > ref))
        ))
        assert 7 <= len(current) <= 10, team.name
        leaders = [m for m in current if m.role == "to_truong"]
        assert len(leaders) == 1 and leaders[0].position == "Bí thư Chi bộ"
        assert sum(1 for m in current if m.role == "to_pho") == 2
        assert any(m.position == "Chi hội trưởng Hội Phụ nữ" and m.person.gender == "nữ" for m in current)
    # turnover: ended memberships are kept with a reason
    ended = Membership.select().where(Membership.end_date.is_null(False))
    assert ended.count() > 0 and all(m.end_reason for m in ended)
    # mediation: the area's tổ hòa giải has at least three mediators including a woman (the rule is the
    # team's; one mediator may handle a case: tests/services/test_mediation_team.py)
    from dvdesktop.services.mediation import team as mediation_team

    for case in MediationCase.select():
        mediators = list(MediationMediator.select().where(MediationMediator.case == case))
        assert 1 <= len(mediators) <= 3
        assert sum(m.is_lead for m in mediators) == 1
        assert mediation_team.composition_warnings(case.area_id, case.received_on) == [], case.id
    # nothing after the reference date; ethnic-minority names present
    assert not Meeting.select().where(Meeting.starts_at > dt.datetime(2026, 1, 1)).exists()
    names = " ".join(p.full_name for p in Person.select())
    assert any(s in names for s in ("Giàng", "Sùng", "Vàng", "Hờ", "Mùa", "Thào")) and "Lò" in names
    from dvdesktop.services.settings import load_organisation

    org = load_organisation()
    assert org.province == "Điện Biên" and org.commune == "xã Nà Hỳ"


def test_reference_date_shifts_the_years(tmp_path, capsys):
    path = str(tmp_path / "r.sqlite3")
    assert cli.main(["demo", "--db", path, "--today", "2024-06-30"]) == 0
    capsys.readouterr()
    assert _stats_json(capsys, "--db", path, "--year", "2025")["meetings"] == 0
    assert _stats_json(capsys, "--db", path, "--year", "2020")["meetings"] > 0
    before = _stats_json(capsys, "--db", path, "--year", "2020")
    # dd/mm/yyyy too (both forms in every command): the very same data
    assert cli.main(["demo", "--db", path, "--today", "30/06/2024", "--force"]) == 0
    capsys.readouterr()
    assert _stats_json(capsys, "--db", path, "--year", "2020") == before
    assert cli.main(["demo", "--db", path, "--today", "31/02/2024", "--force"]) == 1
    assert "Ngày mốc" in capsys.readouterr().err


@pytest.mark.slow
def test_province_scale_minimum_counts_in_under_a_minute(tmp_path):
    path = str(tmp_path / "province.sqlite3")
    open_database(path)
    try:
        build_demo(scale="province", seed=1, reference=dt.date(2025, 12, 31))
        numbers = stats_service.collect(today=dt.date(2025, 12, 31))
        activity = numbers["meetings"] + numbers["outreach_sessions"] + numbers["concerns"]
    finally:
        close_database()
    # the build time (target: under a minute) is measured by bench/bench_demo.py, not asserted here
    assert numbers["teams"] >= 2128
    assert numbers["memberships_active"] >= 18186 and numbers["members"] >= 18186
    assert activity >= 100_000
    assert numbers["mediation_cases"] >= 20_000


# --- statistics on a hand-made database -------------------------------------


@pytest.fixture
def small(db):
    """Two teams, one of them deleted, with known records in 2023 and 2024."""
    area = Area.create(name="Nà Khoang", kind="bản", commune="Nậm Pồ")
    area2 = Area.create(name="Huổi Dạo", kind="bản", commune="Nậm Pồ")
    team = Team.create(area=area, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2020, 1, 1))
    gone = Team.create(area=area2, name="Tổ dân vận bản Huổi Dạo", established_on=dt.date(2020, 1, 1),
                       deleted_at=dt.datetime(2024, 1, 1))
    new_team = Team.create(area=area2, name="Tổ dân vận bản Huổi Dạo mới", established_on=dt.date(2024, 3, 1))
    people = [Person.create(full_name=n) for n in ("Lò Văn Thắng", "Quàng Thị Mai", "Giàng A Páo", "Sùng Thị Dua")]
    Person.create(full_name="Vàng A Chứ", deleted_at=dt.datetime(2024, 1, 1))
    a, b, c, d = people
    Membership.create(person=a, team=team, role="to_truong", start_date=dt.date(2020, 1, 1))
    Membership.create(person=b, team=team, role="to_pho", start_date=dt.date(2020, 1, 1), end_date=dt.date(2023, 6, 1))
    Membership.create(person=c, team=team, role="to_pho", start_date=dt.date(2023, 6, 1))
    Membership.create(person=c, team=new_team, role="to_truong", start_date=dt.date(2024, 3, 1))  # two roles, one person
    Membership.create(person=d, team=gone, role="to_truong", start_date=dt.date(2020, 1, 1))  # deleted team
    for when, status, deleted, t in [
        (dt.datetime(2023, 3, 20, 19, 30), "held", None, team),
        (dt.datetime(2023, 12, 31, 20, 0), "held", None, team),
        (dt.datetime(2024, 1, 1, 8, 0), "held", None, team),
        (dt.datetime(2024, 6, 1, 8, 0), "planned", None, team),
        (dt.datetime(2024, 7, 1, 8, 0), "held", dt.datetime(2024, 7, 2), team),
        (dt.datetime(2024, 8, 1, 8, 0), "held", None, gone),
    ]:
        Meeting.create(team=t, starts_at=when, status=status, deleted_at=deleted)
    for day, total, t, deleted in [
        (dt.date(2023, 5, 1), 40, team, None), (dt.date(2024, 5, 1), 25, team, None),
        (dt.date(2024, 6, 1), 10, new_team, None), (dt.date(2024, 7, 1), 99, team, dt.datetime(2024, 7, 2)),
    ]:
        OutreachSession.create(team=t, held_on=day, topic="Phòng, chống ma túy", audience_total=total, deleted_at=deleted)
    for day, status in [(dt.date(2023, 2, 1), "da_giai_quyet"), (dt.date(2024, 2, 1), "da_giai_quyet"),
                        (dt.date(2024, 3, 1), "moi"), (dt.date(2024, 4, 1), "da_chuyen")]:
        Concern.create(team=team, area=area, received_on=day, content="Đề nghị sửa đường", status=status)
    Concern.create(team=gone, received_on=dt.date(2024, 5, 1), content="x", status="da_giai_quyet")
    for day, outcome in [(dt.date(2023, 9, 1), "thanh"), (dt.date(2024, 9, 1), "thanh"), (dt.date(2024, 10, 1), "khong_thanh")]:
        MediationCase.create(team=team, received_on=day, outcome=outcome)
    ExemplaryModel.create(team=team, name="Bản không có ma túy", year=2023)
    ExemplaryModel.create(team=team, name="Camera an ninh", year=2024)
    ExemplaryModel.create(team=team, name="Đã xóa", year=2024, deleted_at=dt.datetime(2024, 12, 1))
    return db


def test_stats_exact_numbers_current_state(small):
    s = stats_service.collect(today=dt.date(2025, 1, 1))
    expected = {
        "teams": 2, "persons": 4, "members": 2, "memberships_active": 3, "meetings": 3, "outreach_sessions": 3,
        "outreach_audience": 75, "concerns": 4, "concerns_resolved": 2, "mediation_cases": 3,
        "mediation_successful": 2, "exemplary_models": 2,
    }
    assert {k: s[k] for k in expected} == expected
    assert s["year"] is None


def test_stats_year_filter(small):
    s = stats_service.collect(2023, today=dt.date(2025, 1, 1))
    expected = {
        "teams": 1, "persons": 3, "memberships_active": 2, "meetings": 2, "outreach_sessions": 1,
        "outreach_audience": 40, "concerns": 1, "concerns_resolved": 1, "mediation_cases": 1,
        "mediation_successful": 1, "exemplary_models": 1,
    }
    assert {k: s[k] for k in expected} == expected
    s = stats_service.collect(2024, today=dt.date(2025, 1, 1))
    expected = {
        "teams": 2, "persons": 2, "memberships_active": 3, "meetings": 1, "outreach_sessions": 2,
        "outreach_audience": 35, "concerns": 3, "concerns_resolved": 1, "mediation_cases": 2,
        "mediation_successful": 1, "exemplary_models": 1,
    }
    assert {k: s[k] for k in expected} == expected


def test_stats_mediation_results_match_the_reporting_form(small):
    """"Không thành" on the commune's form includes stopped and transferred
    cases: the three results add up to the cases received."""
    from dvdesktop.services.mediation.stats import statistics

    team = Team.get(Team.name == "Tổ dân vận bản Nà Khoang")
    for outcome in ("dung", "chuyen", "dang"):
        MediationCase.create(team=team, received_on=dt.date(2024, 11, 1), outcome=outcome)
    s = stats_service.collect(2024, today=dt.date(2025, 1, 1))
    assert (s["mediation_successful"], s["mediation_unsuccessful"], s["mediation_ongoing"]) == (1, 3, 1)
    assert s["mediation_successful"] + s["mediation_unsuccessful"] + s["mediation_ongoing"] == s["mediation_cases"]
    assert statistics(2024).by_result["khong_thanh"] == s["mediation_unsuccessful"]


def test_stats_table_uses_vietnamese_numbers(small, db_url, capsys):
    Concern.create(received_on=dt.date(2024, 1, 1), content="nhiều", status="moi")
    OutreachSession.create(team=Team.get(Team.name == "Tổ dân vận bản Nà Khoang"), held_on=dt.date(2024, 1, 2),
                           topic="Bảo hiểm y tế", audience_total=1234567)
    assert cli.main(["stats", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "Tổ dân vận" in out and "1.234.642" in out


def test_stats_missing_database_exit_1_and_no_file(tmp_path, capsys):
    path = tmp_path / "nowhere" / "none.sqlite3"
    assert cli.main(["stats", "--db", str(path), "--json"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Không tìm thấy cơ sở dữ liệu")
    assert len(err.strip().splitlines()) == 1
    assert not path.exists() and not path.parent.exists()


def test_stats_command_in_a_subprocess(tmp_path):
    path = str(tmp_path / "sub.sqlite3")
    env = {**os.environ, "DVDESKTOP_DATA_DIR": str(tmp_path / "data")}
    built = subprocess.run(["uv", "run", "dvdesktop", "demo", "--db", path, "--seed", "5"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=180)
    assert built.returncode == 0, built.stderr
    done = subprocess.run(["uv", "run", "dvdesktop", "stats", "--db", path, "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["teams"] == 12 and data["persons"] > 100
    missing = subprocess.run(["uv", "run", "dvdesktop", "stats", "--db", str(tmp_path / "none.sqlite3")], cwd=ROOT,
                             env=env, capture_output=True, text=True, timeout=180)
    assert missing.returncode == 1 and "Không tìm thấy" in missing.stderr
    assert not (tmp_path / "none.sqlite3").exists()
