import datetime as dt
from decimal import Decimal

import pytest

from dvdesktop.errors import ValidationError
from dvdesktop.services.core import numbering as N
from dvdesktop.services import overview as O
from dvdesktop.services.campaigns import CampaignService, ContributionService
from dvdesktop.services.concerns import ConcernService
from dvdesktop.services.exemplary import ExemplaryModelService
from dvdesktop.services.meetings import save_meeting
from dvdesktop.services.outreach import OutreachService
from dvdesktop.services.register import AreaService, TeamService
from dvdesktop.store.models import DocumentNumber

# --- numbering -------------------------------------------------------------------


def test_number_formats():
    assert N.state_number(5, "BB", "TDV") == "Số: 05/BB-TDV"
    assert N.state_number(12, "bc", "UBND") == "Số: 12/BC-UBND"
    assert N.state_number(3, "QD", "UBND") == "Số: 03/QĐ-UBND"
    assert N.party_number(12, "BB", "CB") == "Số 12-BB/CB"
    assert N.party_number(5, "KH", "CB") == "Số 05-KH/CB"  # as State numbers: "03-BB/TDV"
    assert N.party_number(5, "KH", "CB", leading_zero=False) == "Số 5-KH/CB"
    assert N.party_number(5, "KH", "CB", leading_zero=True) == "Số 05-KH/CB"
    with pytest.raises(ValidationError) as err:
        N.state_number(1, "XX", "TDV")
    assert err.value.field == "kind"
    with pytest.raises(ValidationError) as err:
        N.state_number(0, "BB", "TDV")
    assert err.value.field == "number"


def test_suggest_does_not_reserve_and_take_counts(db):
    issuer = "Chi bộ bản Nà Khoang"
    assert N.suggest(issuer, "BB", 2025) == 1
    assert N.suggest(issuer, "BB", 2025) == 1  # nothing reserved
    assert N.take(issuer, "BB", 2025) == 1
    assert N.take(issuer, "BB", 2025) == 2
    assert N.suggest(issuer, "BB", 2025) == 3
    # counters are separate per kind, per year and per issuing body
    assert N.take(issuer, "BC", 2025) == 1
    assert N.take(issuer, "BB", 2026) == 1
    assert N.take("Tổ dân vận bản Nà Khoang", "BB", 2025) == 1
    assert DocumentNumber.select().count() == 4


def test_typed_number_above_counter_moves_it(db):
    issuer = "UBND xã Nậm Pồ"
    N.take(issuer, "QĐ", 2025)
    assert N.take(issuer, "qd", 2025, number=10) == 10
    assert N.suggest(issuer, "QĐ", 2025) == 11
    assert N.take(issuer, "QĐ", 2025, number=4) == 4  # a skipped number below does not move it back
    assert N.take(issuer, "QĐ", 2025) == 11
    assert N.last_number(issuer, "QĐ", 2025) == 11
    with pytest.raises(ValidationError) as err:
        N.take(issuer, "QĐ", 2025, number=0)
    assert err.value.field == "number"
    with pytest.raises(ValidationError) as err:
        N.take("  ", "QĐ", 2025)
    assert err.value.field == "issuer"


# --- overview --------------------------------------------------------------------


@pytest.fixture
def commune(db):
    areas = [AreaService.create({"name": n, "commune": "Nậm Pồ"}) for n in ("Nà Khoang", "Huổi Sâu", "Nậm Chua", "Pa Tần")]
    teams = [TeamService.create({"area": a.id}) for a in areas[:3]]
    TeamService.update(teams[2].id, {"status": "dissolved", "dissolved_on": "2025-01-01"})
    return areas, teams


def test_overview_counts_and_lists(commune):
    areas, (a, b, _dissolved) = commune
    on = dt.date(2025, 5, 20)  # quarter II
    save_meeting({"team": a.id, "starts_at": "2025-04-10 08:00"}, [], [], [
        {"description": "Vận động làm đường", "due_date": "2025-05-01"},
        {"description": "Chưa đến hạn", "due_date": "2025-06-01"},
    ])
    save_meeting({"team": b.id, "starts_at": "2025-03-10 08:00"}, [], [], [])
    save_meeting({"team": b.id, "starts_at": "2024-12-10 08:00"}, [], [], [])
    OutreachService.create({"team": a.id, "held_on": "2025-02-01", "topic": "Luật Đất đai", "audience_total": 40})
    OutreachService.create({"team": b.id, "held_on": "2025-03-01", "topic": "BHYT", "audience_total": 25})
    OutreachService.create({"team": b.id, "held_on": "2024-03-01", "topic": "Cũ", "audience_total": 99})
    ConcernService.create({"received_on": "2025-03-01", "content": "Đường sạt lở"})  # due 31/03: overdue
    ConcernService.create({"received_on": "2025-05-10", "content": "Thiếu nước"})
    ConcernService.create({"received_on": "2025-02-01", "content": "Điện yếu", "status": "da_giai_quyet",
                           "forwarded_to": "Điện lực", "forwarded_on": "2025-02-02", "answered_on": "2025-02-05",
                           "resolved_on": "2025-02-20"})
    ConcernService.create({"received_on": "2024-12-01", "content": "Cũ", "status": "da_giai_quyet",
                           "forwarded_to": "UBND xã", "forwarded_on": "2024-12-02", "answered_on": "2024-12-05",
                           "resolved_on": "2025-01-05"})
    ExemplaryModelService.create({"name": "Tiếng kẻng an ninh", "year": 2025, "team": a.id})
    ExemplaryModelService.create({"name": "Mô hình cũ", "year": 2024})
    road = CampaignService.create({"name": "Làm đường", "year": 2025})
    ContributionService.create({"campaign": road.id, "team": a.id, "work_days": "12,5", "money": 2_000_000})

    ov = O.overview(on)
    c = ov.counts
    assert (c.year, c.meetings, c.outreach_sessions, c.audience) == (2025, 2, 2, 65)
    # resolved: of the concerns received in the year (the one received in 2024 counts in 2024), as `stats`
    assert (c.concerns_received, c.concerns_resolved, c.models) == (3, 1, 1)
    assert (c.work_days, c.money) == (Decimal("12.5"), 2_000_000)
    assert ov.overdue_concerns == 1 and ov.overdue_tasks == 1
    assert ov.quarter.label == "Quý II năm 2025"
    assert ov.idle_teams == 1 and [t.team_id for t in ov.first_idle_teams] == [b.id]
    assert ov.first_idle_teams[0].last_meeting == dt.date(2025, 3, 10)
    cov = ov.coverage
    assert (cov.areas, cov.covered, cov.percent, cov.target_percent, cov.reached) == (4, 2, 50.0, 100, False)
    assert [x.area_name for x in cov.uncovered] == ["Nậm Chua", "Pa Tần"]
    # in quarter I team b had met and team a had not
    assert [t.team_id for t in O.teams_without_meeting(dt.date(2025, 3, 31))[1]] == [a.id]


def test_the_overview_counts_the_idle_teams_and_names_the_first_as_the_full_list_does(db):
    """idle_teams() keeps the first few lines only (the overview's memory on a province):
    the same count and the same first lines as teams_without_meeting(), in Vietnamese order."""
    names = ("Đồng Tâm", "Dương Quỳ", "Ải Mới", "Ấp Bắc", "An Bình", "Bà Triệu", "Ba Vì", "Bá Thước", "Cầu Gỗ",
             "Chợ Mới", "Đá Bạc", "Dốc Đỏ", "Ấp Bắc")  # a name twice: its two teams kept in id order
    teams = [TeamService.create({"area": AreaService.create({"name": n, "commune": "Nà Hỳ" if i == 12 else "Nậm Pồ"}).id})
             for i, n in enumerate(names)]
    save_meeting({"team": teams[0].id, "starts_at": "2025-04-10 08:00"}, [], [], [])  # met in quarter II
    save_meeting({"team": teams[4].id, "starts_at": "2025-05-02 08:00"}, [], [], [])
    save_meeting({"team": teams[3].id, "starts_at": "2025-02-10 08:00"}, [], [], [])  # before: its last meeting
    save_meeting({"team": teams[3].id, "starts_at": "2024-11-10 08:00"}, [], [], [])
    on = dt.date(2025, 5, 20)
    quarter, full = O.teams_without_meeting(on)
    assert len(full) == 11
    assert O.idle_teams(on) == (quarter, 11, full[:8])
    assert O.idle_teams(on, first=20) == (quarter, 11, full)
    assert [t.last_meeting for t in full if t.team_id == teams[3].id] == [dt.date(2025, 2, 10)]
    assert [t.commune for t in full if t.area_name == "Ấp Bắc"] == ["Nậm Pồ", "Nà Hỳ"]  # the two, in id order
    ov = O.overview(on)
    assert (ov.idle_teams, ov.first_idle_teams) == (11, full[:8])


def test_coverage_reaches_target_and_ignores_merged_areas(commune):
    areas, teams = commune
    AreaService.merge([areas[3].id], areas[0].id, dt.date(2025, 7, 1))
    TeamService.create({"area": areas[2].id})  # a new active team where the old one was dissolved
    cov = O.coverage()
    assert (cov.areas, cov.covered, cov.percent, cov.reached) == (3, 3, 100.0, True)
    assert O.quarter_of(dt.date(2025, 12, 31)).end == dt.date(2026, 1, 1)
    assert O.quarter_of(dt.date(2025, 1, 1)).label == "Quý I năm 2025"


def test_overview_of_empty_database(db):
    ov = O.overview(dt.date(2025, 1, 15))
    assert ov.counts.meetings == 0 and ov.counts.work_days == 0 and ov.counts.money == 0
    assert ov.coverage.percent == 0.0 and not ov.coverage.reached and (ov.idle_teams, ov.first_idle_teams) == (0, [])


def test_one_definition_of_overdue_and_resolved_for_overview_lists_stats_and_printouts(commune):
    """The overview's cards, the concerns list behind them, `stats --year` and
    the printed summary count the same concerns: those received in the year,
    "quá hạn" = past the due date on the day and not answered, "đã giải quyết"
    = the status."""
    from dvdesktop.services import stats
    from dvdesktop.services.listings.concerns import ConcernFilter, concern_ids
    from dvdesktop.services.printing.concerns import concern_register_data

    on = dt.date(2025, 5, 20)
    ConcernService.create({"received_on": "2025-03-01", "content": "Đường sạt lở"})  # due 31/03: overdue
    ConcernService.create({"received_on": "2025-05-10", "content": "Thiếu nước"})  # not due yet
    ConcernService.create({"received_on": "2024-11-02", "content": "Cầu treo hỏng"})  # overdue, of 2024
    ConcernService.create({"received_on": "2025-02-01", "content": "Điện yếu", "status": "da_giai_quyet",
                           "forwarded_to": "Điện lực", "forwarded_on": "2025-02-02", "answered_on": "2025-02-05",
                           "resolved_on": "2025-02-20"})
    ConcernService.create({"received_on": "2024-12-01", "content": "Cũ", "status": "da_giai_quyet",
                           "forwarded_to": "UBND xã", "forwarded_on": "2024-12-02", "answered_on": "2024-12-05",
                           "resolved_on": "2025-01-05"})
    ov = O.overview(on)
    figures = stats.collect(2025, today=on)
    listed_overdue = concern_ids(ConcernFilter(year=2025, status="overdue"), on=on)
    listed_resolved = concern_ids(ConcernFilter(year=2025, status="da_giai_quyet"), on=on)
    printed = concern_register_data(year=2025, today=on)
    assert ov.overdue_concerns == len(listed_overdue) == sum(e.overdue for e in printed.entries) == 1
    assert ov.counts.concerns_resolved == figures["concerns_resolved"] == len(listed_resolved) == 1
    assert sum(e.status == "Đã giải quyết" for e in printed.entries) == 1
    assert ov.counts.concerns_received == figures["concerns"] == len(printed.entries) == 3
    # every year's overdue ones: the list without a year
    assert len(concern_ids(ConcernFilter(status="overdue"), on=on)) == 2
    assert O.overview(dt.date(2024, 12, 31)).overdue_concerns == 1  # the 2024 one, due 02/12/2024
    assert O.overview(dt.date(2024, 11, 30)).overdue_concerns == 0  # not due yet then


def test_coverage_counts_the_teams_of_the_day_shown(db):
    """A team founded in 2025 covers its area from then on: the 2024 overview shows the area
    uncovered, as the register's count of active teams (established by the day) does."""
    old = AreaService.create({"name": "Nà Khoang", "kind": "bản"})
    new = AreaService.create({"name": "Huổi Cáy", "kind": "bản"})
    TeamService.create({"area": old.id, "established_on": "2020-01-05"})
    TeamService.create({"area": new.id, "established_on": "2025-03-01"})
    late_2024 = O.overview(dt.date(2024, 12, 31))
    assert (late_2024.coverage.areas, late_2024.coverage.covered) == (2, 1)
    assert [a.area_name for a in late_2024.coverage.uncovered] == ["Huổi Cáy"]
    assert O.overview(dt.date(2025, 6, 1)).coverage.covered == 2
