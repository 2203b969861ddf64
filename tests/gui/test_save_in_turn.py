"""forms.save_in_turn: the record's form, then the form hanging on it, in one
Ctrl+S; the editors of areas (area, then its team) and of campaigns
(campaign, then the team part being typed) share it."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dvdesktop.store.models import Area, Campaign, CampaignContribution, Team

from tests.gui.helpers import make_team


def test_an_area_and_its_team_edited_then_saved_at_once(window):
    area, team = make_team()
    section = window.section("areas")
    section.reload()
    section.select_id(area.id)
    editor = section.editor
    editor.area_form.households.setText("150")
    editor.team_form.decision_number.setText("77-QĐ/ĐU")
    assert editor.area_form.is_dirty() and editor.team_form.is_dirty()
    assert editor.save() == area.id  # both stored, the area first (operations run at once in tests)
    assert Area.get_by_id(area.id).households == 150 and Team.get_by_id(team.id).decision_number == "77-QĐ/ĐU"
    assert not editor.is_dirty()
    assert editor.save() == area.id  # nothing to store: the id all the same


def test_a_new_campaign_then_its_team_part(window):
    _area, team = make_team()
    section = window.section("campaigns")
    section.set_year(dt.date.today().year)
    window.new_action.trigger()
    editor = section.editor
    editor.main_form.name.setText("Ngày hội đại đoàn kết")
    editor.main_form.kind.setEditText("Văn hóa")
    campaign_id = editor.save()
    assert campaign_id == Campaign.get().id and editor.record_id == campaign_id
    editor.add_button.click()
    editor.child_form.team.set_code(team.id)
    editor.child_form.work_days.setText("12,5")
    editor.main_form.name.setText("Ngày hội đại đoàn kết toàn dân")
    assert editor.save() == campaign_id  # the campaign, then the team's part
    assert Campaign.get_by_id(campaign_id).name == "Ngày hội đại đoàn kết toàn dân"
    assert CampaignContribution.get().work_days == Decimal("12.5")
