"""Two people holding a one-per-team post in a team: a warning (services.team_roles)."""
from __future__ import annotations

import datetime as dt

from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.services.team_roles import role_warnings


def _member(team_id, name, position, role="thanh_vien", start="2025-01-01"):
    p = PersonService.create({"full_name": name})
    return MembershipService.create({"person": p.id, "team": team_id, "role": role, "position": position,
                                     "start_date": start})


def test_two_holders_of_a_one_per_team_post_are_warned(db):
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    team = TeamService.create({"area": area.id})
    _member(team.id, "Lò Văn Thắng", "Bí thư chi bộ", "to_truong")
    _member(team.id, "Quàng Thị Mai", "Trưởng bản", "to_pho")
    _member(team.id, "Vàng A Dơ", "Trưởng ban công tác Mặt trận", "to_pho")  # two tổ phó: as the rule has it
    _member(team.id, "Giàng A Sử", "Công an viên")
    _member(team.id, "Mùa A Tủa", "Công an viên")  # several: not a one-per-team post
    on = dt.date(2025, 6, 1)
    assert role_warnings(team.id, on) == []
    second = _member(team.id, "Lường Thị Hoa", "Chi hội trưởng Hội Phụ nữ, Trưởng thôn", start="2025-03-01")
    warnings = role_warnings(team.id, on)
    assert len(warnings) == 1
    assert "«Trưởng thôn, bản»" in warnings[0] and "Quàng Thị Mai" in warnings[0] and "Lường Thị Hoa" in warnings[0]
    assert role_warnings(team.id, dt.date(2025, 2, 1)) == []  # before she joined
    MembershipService.end(second.id, dt.date(2025, 5, 1), "Chuyển công tác")
    assert role_warnings(team.id, on) == []
    _member(team.id, "Cà Thị Ngọc", "bí thư chi bộ")
    assert any("«Bí thư Chi bộ»" in w and "Cà Thị Ngọc" in w for w in role_warnings(team.id, on))
