"""Campaigns with each team's part and the totals; households and the help
they got; "Dân vận khéo" models; the overview's cards open these lists."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal


from dvdesktop.services.register import AreaService, TeamService
from dvdesktop.store.models import Campaign, CampaignContribution, ExemplaryModel, Household, HouseholdSupport

from tests.gui.helpers import make_team


YEAR = dt.date.today().year


def column(section, col):
    m = section.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_campaign_with_team_contributions_and_totals(window, scripted):
    area, team = make_team()
    area2 = AreaService.create({"name": "Huổi Lụ", "kind": "bản"})
    team2 = TeamService.create({"area": area2.id, "established_on": "05/01/2020"})
    section = window.section("campaigns")
    section.set_year(YEAR)
    window.new_action.trigger()
    editor = section.editor
    form = editor.main_form
    form.name.setText("Làm đường bê tông nội bản")
    form.kind.setEditText("Làm đường giao thông nông thôn")
    assert form.year_.text() == str(YEAR)
    form.start_date.setText(f"01/03/{YEAR}")
    assert not editor.child_form.isEnabled()  # the teams' parts come after the campaign is saved
    window.save_action.trigger()
    campaign = Campaign.get()
    assert campaign.name == "Làm đường bê tông nội bản" and campaign.year == YEAR
    assert editor.child_form.isEnabled()
    # the first team's part
    editor.add_button.click()
    child = editor.child_form
    child.team.set_code(team.id)
    child.households_mobilised.setText("35")
    child.work_days.setText("120,5")
    child.money.setText("15.000.000 đ")
    child.materials.setText("20 bao xi măng")
    assert editor.save_child() is not None
    # the second, with Ctrl+S from the main window
    editor.add_button.click()
    child.team.set_code(team2.id)
    child.households_mobilised.setText("20")
    child.work_days.setText("40")
    child.money.setText("5000000")
    window.save_action.trigger()
    rows = {c.team_id: c for c in CampaignContribution.select()}
    assert rows[team.id].work_days == Decimal("120.5") and rows[team.id].money == 15_000_000
    assert rows[team2.id].households_mobilised == 20
    assert editor.totals.text() == "Tổng: 55 hộ được vận động, 160,5 ngày công, 20.000.000 đồng"
    assert editor.table.rowCount() == 2
    assert column(section, 5) == ["160,5"]
    assert "20.000.000 đồng" in section.count_label.text()
    # one team once per campaign
    editor.add_button.click()
    child.team.set_code(team.id)
    child.validate()
    assert "đã có kết quả" in child.errors["team"]
    child.discard()
    # reopen a line: numbers shown the Vietnamese way
    editor.select_child(rows[team.id].id)
    assert (child.work_days.text(), child.money.text()) == ("120,5", "15.000.000")
    scripted.answers = [True]
    editor.delete_child()
    assert CampaignContribution.select().count() == 1
    assert editor.totals.text().startswith("Tổng: 20 hộ")


def test_household_help_and_left_poverty(window):
    area, team = make_team()
    section = window.section("households")
    section.set_year(YEAR)
    window.new_action.trigger()
    editor = section.editor
    form = editor.main_form
    form.head_name.setText("Lò Thị Dung")
    form.area.set_code(area.id)
    form.situation.set_code("can_ngheo")
    form.members.setText("5")
    form.since_year.setText(str(YEAR - 3))
    window.save_action.trigger()
    household = Household.get()
    assert (household.situation, household.members) == ("can_ngheo", 5)
    editor.add_button.click()
    child = editor.child_form
    child.given_on.setText(f"{dt.date.today():%d/%m/%Y}")
    child.kind.setEditText("Cây giống, con giống")
    child.team.set_code(team.id)
    child.given_by.setText("Tổ dân vận và Hội Nông dân")
    child.value.setText("2.300.000")
    assert editor.save_child() is not None
    support = HouseholdSupport.get()
    assert (support.value, support.team_id) == (2_300_000, team.id)
    assert column(section, 6) == ["1 lần, 2.300.000 đồng"]
    # the year it left poverty; the filter finds it
    form.left_poverty_year.setText(str(YEAR))
    assert section.save()
    section.f_state.set_code("left")
    assert column(section, 0) == ["Lò Thị Dung"]
    section.f_state.set_code("still")
    assert column(section, 0) == []
    section.f_state.set_code(None)
    section.search.setText("lo thi dung")
    section.search.flush()
    assert column(section, 0) == ["Lò Thị Dung"]


def test_exemplary_model_enter_and_search(window):
    area, team = make_team()
    section = window.section("models")
    section.set_year(YEAR)
    window.new_action.trigger()
    form = section.editor
    form.name.setText("Bản không có người nghiện ma túy")
    form.field_.set_code("Quốc phòng – an ninh")
    form.team.set_code(team.id)
    form.level.set_code("Cấp xã")
    form.description.setPlainText("Tổ dân vận phối hợp công an xã")
    form.results.setPlainText("Ba năm liền không có người nghiện mới")
    window.save_action.trigger()
    m = ExemplaryModel.get()
    assert (m.field, m.level, m.year, m.team_id) == ("Quốc phòng – an ninh", "Cấp xã", YEAR, team.id)
    section.search.setText("ma tuy")
    section.search.flush()
    assert column(section, 0) == ["Bản không có người nghiện ma túy"]
    # the same name again in the same year is refused
    section.new_record()
    form.name.setText("Ban khong co nguoi nghien ma tuy")
    form.team.set_code(team.id)
    form.validate()
    assert "đã có trong năm" in form.errors["name"]


def test_overview_cards_open_the_lists(window):
    area, team = make_team()
    AreaService.create({"name": "Huổi Lụ", "kind": "bản"})  # no team
    overview = window.section("overview")
    overview.refresh()
    assert overview.values["Địa bàn chưa có Tổ dân vận"] == 1
    overview.open_link(("areas", "without"))
    areas = window.current_section()
    assert areas.key == "areas"
    assert column(areas, 0) == ["Huổi Lụ"]
    window.section("overview")
    assert overview.values["Tổ chưa họp trong quý"] == 1
    overview.open_link(("areas", "idle"))
    assert column(areas, 0) == ["Nà Khoang"]
    window.section("overview")
    overview.open_link(("campaigns", ""))
    assert window.current_section().key == "campaigns"
