from decimal import Decimal

import pytest

from dvdesktop.errors import ValidationError
from dvdesktop.services.campaigns import CampaignService, ContributionService, totals
from dvdesktop.services.households import HouseholdService, HouseholdSupportService, households_left_poverty
from dvdesktop.services.exemplary import ExemplaryModelService, models_of_year
from dvdesktop.services.register import AreaService, TeamService
from dvdesktop.store.models import CampaignContribution, ExemplaryModel


@pytest.fixture
def teams(db):
    result = []
    for name in ("Nà Khoang", "Huổi Sâu"):
        area = AreaService.create({"name": name, "kind": "bản", "commune": "Nậm Pồ"})
        result.append(TeamService.create({"area": area.id}))
    return result


def test_contribution_values_and_one_row_per_campaign_and_team(teams):
    a, b = teams
    road = CampaignService.create({"name": "Làm đường bê tông nông thôn", "year": 2025})
    row = ContributionService.create({"campaign": road.id, "team": a.id, "households_mobilised": "32",
                                      "work_days": "120,5", "money": "15.000.000 đ"})
    stored = CampaignContribution.get_by_id(row.id)
    assert stored.work_days == Decimal("120.5") and stored.money == 15_000_000
    with pytest.raises(ValidationError) as err:
        ContributionService.create({"campaign": road.id, "team": a.id})
    assert err.value.field == "team" and "đã có" in err.value.message
    for bad, field in (({"money": "-5"}, "money"), ({"money": "1.500,5"}, "money"), ({"money": 10.5}, "money"),
                       ({"work_days": "-1"}, "work_days"), ({"work_days": "2,25"}, "work_days"),
                       ({"households_mobilised": "nhiều"}, "households_mobilised")):
        with pytest.raises(ValidationError) as err:
            ContributionService.create({"campaign": road.id, "team": b.id, **bad})
        assert err.value.field == field
    assert CampaignContribution.select().count() == 1


def test_totals_by_campaign_year_and_team(teams):
    a, b = teams
    road = CampaignService.create({"name": "Làm đường", "year": 2025})
    clean = CampaignService.create({"name": "Ngày Chủ nhật xanh", "year": 2025})
    old = CampaignService.create({"name": "Xóa nhà tạm", "year": 2024})
    gone = CampaignService.create({"name": "Đã xóa", "year": 2025})
    ContributionService.create({"campaign": road.id, "team": a.id, "households_mobilised": 30, "work_days": "10,5", "money": 1_000_000})
    ContributionService.create({"campaign": road.id, "team": b.id, "households_mobilised": 20, "work_days": "4.5", "money": 500_000})
    ContributionService.create({"campaign": clean.id, "team": a.id, "households_mobilised": 5, "work_days": "0,1", "money": 0})
    ContributionService.create({"campaign": old.id, "team": b.id, "households_mobilised": 7, "work_days": 3, "money": 2_000_000})
    ContributionService.create({"campaign": gone.id, "team": b.id, "households_mobilised": 99, "work_days": 99, "money": 99})
    CampaignService.delete(gone.id)

    t = totals(campaign_id=road.id)
    assert (t.households, t.work_days, t.money) == (50, Decimal("15.0"), 1_500_000)
    t = totals(year=2025)
    assert (t.households, t.work_days, t.money) == (55, Decimal("15.1"), 1_500_000)
    by_team = {x.team_name: (x.households, x.work_days, x.money) for x in t.by_team}
    assert by_team == {a.name: (35, Decimal("10.6"), 1_000_000), b.name: (20, Decimal("4.5"), 500_000)}
    assert [x.team_name for x in t.by_team] == sorted(by_team, key=lambda n: n.replace("Huổi", "Huoi"))
    everything = totals()
    assert everything.money == 3_500_000 and everything.households == 62
    assert totals(year=2023).by_team == [] and totals(year=2023).work_days == 0


def test_campaign_dates(db):
    with pytest.raises(ValidationError) as err:
        CampaignService.create({"name": "X", "year": 2025, "start_date": "2025-05-01", "end_date": "2025-04-01"})
    assert err.value.field == "end_date"
    with pytest.raises(ValidationError) as err:
        CampaignService.create({"name": "X", "year": 2025, "start_date": "2024-05-01"})
    assert err.value.field == "start_date"


def test_households_left_poverty(teams):
    area_id = teams[0].area
    with pytest.raises(ValidationError) as err:
        HouseholdService.create({"area": area_id, "head_name": "Lò Văn Pọm", "since_year": 2022, "left_poverty_year": 2021})
    assert err.value.field == "left_poverty_year" and "thoát nghèo" in err.value.message
    with pytest.raises(ValidationError) as err:
        HouseholdService.create({"area": area_id, "head_name": "Lò Văn Pọm", "situation": "giàu"})
    assert err.value.field == "situation"
    h1 = HouseholdService.create({"area": area_id, "head_name": "Vàng A Sình", "situation": "Hộ cận nghèo",
                                  "since_year": 2022, "left_poverty_year": 2024})
    h2 = HouseholdService.create({"area": area_id, "head_name": "Lò Văn Pọm", "since_year": 2020, "left_poverty_year": 2024})
    HouseholdService.create({"area": area_id, "head_name": "Quàng Văn Ón", "since_year": 2020})
    gone = HouseholdService.create({"area": area_id, "head_name": "Mùa A Chứ", "since_year": 2020, "left_poverty_year": 2024})
    HouseholdService.delete(gone.id)
    assert h1.situation == "can_ngheo"
    assert [h.head_name for h in households_left_poverty(2024)] == ["Lò Văn Pọm", "Vàng A Sình"]  # by tên: Pọm < Sình
    assert households_left_poverty(2023) == []
    support = HouseholdSupportService.create({"household": h2.id, "team": teams[0].id, "given_on": "15/04/2023",
                                              "kind": "Con giống", "value": "3.000.000"})
    assert support.value == 3_000_000
    with pytest.raises(ValidationError) as err:
        HouseholdSupportService.create({"household": h1.id, "given_on": "2021-01-01", "kind": "Tư vấn"})
    assert err.value.field == "given_on"


def test_exemplary_model_fields_and_duplicates(teams):
    m = ExemplaryModelService.create({"name": "Dân vận khéo trong xây dựng nông thôn mới", "field": "kinh te",
                                      "year": 2025, "team": teams[0].id, "level": "cấp xã"})
    assert (m.field, m.level) == ("Kinh tế", "Cấp xã")
    m2 = ExemplaryModelService.create({"name": "Tiếng kẻng an ninh", "field": "Quoc phong - an ninh", "year": 2025})
    assert m2.field == "Quốc phòng – an ninh" and m2.level == "" and m2.team is None
    with pytest.raises(ValidationError) as err:
        ExemplaryModelService.create({"name": "X", "field": "Thể thao", "year": 2025})
    assert err.value.field == "field"
    with pytest.raises(ValidationError) as err:
        ExemplaryModelService.create({"name": "dân vận khéo trong xây dựng nông thôn mới", "year": 2025, "team": teams[0].id})
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        ExemplaryModelService.create({"name": "Tiếng kẻng an ninh", "year": 2025})
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        ExemplaryModelService.create({"name": "Y", "year": 1999})
    assert err.value.field == "year"
    ExemplaryModelService.create({"name": "Tiếng kẻng an ninh", "year": 2024})
    assert models_of_year(2025).count() == 2 and models_of_year(2025, teams[0].id).count() == 1
    assert ExemplaryModel.select().count() == 3
