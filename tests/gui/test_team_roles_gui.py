"""The team's composition shows the warning of two holders of a one-per-team post."""
from __future__ import annotations

import datetime as dt

from dvdesktop.gui.sections.team_members import TeamMembersPanel
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService


def test_composition_panel_warns_of_two_holders_of_one_post(qtbot, db_url):
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    team = TeamService.create({"area": area.id})
    for name, position in (("Lò Văn Thắng", "Bí thư chi bộ"), ("Cà Thị Ngọc", "Bí thư Chi đoàn")):
        p = PersonService.create({"full_name": name})
        MembershipService.create({"person": p.id, "team": team.id, "position": position, "start_date": "2025-01-01"})
    panel = TeamMembersPanel()
    qtbot.addWidget(panel)
    panel.load(team.id, dt.date(2025, 6, 1))
    assert panel.role_warning.isHidden()
    p = PersonService.create({"full_name": "Lò Văn Hùng"})
    MembershipService.create({"person": p.id, "team": team.id, "position": "Bí thư chi bộ", "start_date": "2025-02-01"})
    panel.load(team.id, dt.date(2025, 6, 1))
    assert not panel.role_warning.isHidden()
    assert "Bí thư Chi bộ" in panel.role_warning.text() and "Lò Văn Hùng" in panel.role_warning.text()
