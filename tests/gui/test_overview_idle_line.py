"""The overview's line of teams that have not met this quarter: on a
province, where villages share names, each named team says its commune."""
from __future__ import annotations

import datetime as dt

from dvdesktop.store.models import Area, Team


def _team(name: str, commune: str) -> None:
    area = Area.create(name=name, kind="thôn", commune=commune)
    Team.create(area=area, name=f"Tổ dân vận thôn {name}", established_on=dt.date(2020, 1, 1))


def _idle_line(window, qtbot) -> str:
    window.year.setCurrentIndex(window.year.findData(dt.date.today().year - 1))  # another year: counted anew
    overview = window.section("overview")
    qtbot.waitUntil(lambda: "Bãi Cả" in overview.extra.text(), timeout=5000)
    return overview.extra.text().splitlines()[-1]


def test_teams_of_several_communes_are_named_with_their_commune(window, qtbot):
    _team("Bãi Cả", "Hòa Mai")
    _team("Bãi Cả", "Yên Sơn")
    line = _idle_line(window, qtbot)
    assert "Tổ dân vận thôn Bãi Cả (Hòa Mai)" in line and "Tổ dân vận thôn Bãi Cả (Yên Sơn)" in line


def test_teams_of_one_commune_are_named_alone(window, qtbot):
    _team("Bãi Cả", "Hòa Mai")
    _team("Bãi Cam", "Hòa Mai")
    line = _idle_line(window, qtbot)
    assert "Tổ dân vận thôn Bãi Cả" in line and "Tổ dân vận thôn Bãi Cam" in line and "(Hòa Mai)" not in line
