"""What `list` and `print --number` read, on SQLite and PostgreSQL: the
numbers people know, teams found by name, records in the trash left out."""
from __future__ import annotations

import datetime as dt

import pytest

from dvdesktop.errors import NotFoundError, UserError
from dvdesktop.services.meetings import MeetingService
from dvdesktop.services.record_lists import find_by_number, find_team, list_records
from dvdesktop.services.register import AreaService, TeamService


@pytest.fixture
def teams(db):
    out = {}
    for name in ("Huổi Thủng 1", "Huổi Thủng 12", "Nà Khoang"):
        area = AreaService.create({"name": name, "kind": "bản", "commune": "xã Nà Hỳ"})
        out[name] = TeamService.create({"area": area.id, "established_on": "05/01/2020"}).id
    return out


def test_team_by_id_name_or_words(teams):
    assert find_team(str(teams["Nà Khoang"])) == teams["Nà Khoang"]
    assert find_team("NA KHOANG") == teams["Nà Khoang"]
    assert find_team("Tổ dân vận bản Huổi Thủng 1") == teams["Huổi Thủng 1"]  # the full name, exactly
    assert find_team("huoi thung 1") == teams["Huổi Thủng 1"]  # whole words: not "… 12"
    with pytest.raises(UserError) as exc:
        find_team("huổi thủng")
    assert "khớp với 2 tổ" in exc.value.message
    with pytest.raises(NotFoundError):
        find_team("Pa Tần")


def test_meetings_listed_by_year_and_team_trash_left_out(teams):
    team = teams["Nà Khoang"]
    kept = MeetingService.create({"team": team, "starts_at": dt.datetime(2025, 3, 10, 19, 30), "number": "01-BB/TDV",
                                  "title": "Họp quý 1"})
    gone = MeetingService.create({"team": team, "starts_at": dt.datetime(2025, 6, 10, 19, 30), "number": "02-BB/TDV"})
    MeetingService.create({"team": team, "starts_at": dt.datetime(2024, 6, 10, 19, 30), "number": "02-BB/TDV"})
    MeetingService.delete(gone.id)
    rows = list_records("meetings", year=2025, team=team)
    assert [(r.id, r.number, r.date, r.title) for r in rows] == [(kept.id, "01-BB/TDV", dt.date(2025, 3, 10), "Họp quý 1")]
    assert find_by_number("minutes", "01-bb/tdv", 2025) == kept.id
    assert find_by_number("minutes", "1", 2025) == kept.id  # "1" is the 01
    with pytest.raises(NotFoundError):
        find_by_number("minutes", "02-BB/TDV", 2025)  # in the trash
    assert len(list_records("meetings")) == 2
