"""The number a person knows, in the lists and in the file names offered on
save; the folder offered is the one used last (Documents the first time)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from dvdesktop.services import recent_databases
from dvdesktop.services.meetings import save_meeting
from dvdesktop.services.mediation.records import save_case

from tests.gui.helpers import make_team


def test_minutes_number_in_the_list_and_the_file_name(window, scripted, tmp_path):
    _area, team = make_team()
    m = save_meeting({"team": team.id, "starts_at": dt.datetime(2025, 9, 3, 19, 30), "number": "03-BB/TĐV"}, [], [], [])
    section = window.section("meetings")
    section.set_year(2025)
    texts = [section.model.index(0, c).data() for c in range(section.model.columnCount())]
    assert "03-BB/TĐV" in texts
    section.select_id(m.id)
    assert "biên bản số 03-BB/TĐV" in section.editor.title_for(section.editor.record)  # the form says it too
    assert section.editor.number.text() == "03-BB/TĐV"
    scripted.files = [str(tmp_path / "bien-ban.pdf")]
    section.print_button.pdf_action.trigger()
    kind, _title, suggested = scripted.shown[-1]
    assert kind == "save_file"
    assert Path(suggested).name == "bien-ban-hop-03-BB-TDV-2025-to-dan-van-ban-na-khoang.pdf"
    assert Path(suggested).parent == recent_databases.documents_folder()  # the first time
    assert (tmp_path / "bien-ban.pdf").read_bytes().startswith(b"%PDF")
    section.print_button.pdf_action.trigger()  # cancelled this time; the folder offered is the last one
    assert Path(scripted.shown[-1][2]).parent == tmp_path


def test_minutes_file_name_from_the_team_slugged_once(window, scripted):
    """The team's part of the minutes' file name is safe_stem's alone (it was slugged twice, to
    the same text): folded, lower case, words joined by '-', punctuation gone."""
    section = window.section("meetings")
    section.set_year(2025)
    for area, expected in (("Huổi Lếch: tổ 2?", "to-dan-van-ban-huoi-lech-to-2"),
                           ("Đắk Glong (cũ)", "to-dan-van-ban-dak-glong-cu")):
        _area, team = make_team(area)
        m = save_meeting({"team": team.id, "starts_at": dt.datetime(2025, 9, 3, 19, 30), "number": "07-BB/TĐV"},
                         [], [], [])
        section.reload()
        section.select_id(m.id)
        scripted.files = [None]
        section.print_button.pdf_action.trigger()
        assert Path(scripted.shown[-1][2]).name == f"bien-ban-hop-07-BB-TDV-2025-{expected}.pdf"


def test_mediation_case_number_in_the_file_name(window, scripted, tmp_path):
    area, _team = make_team()
    case = save_case({"area": area.id, "received_on": dt.date(2025, 2, 4), "number": "05/2025", "kind": "Tranh chấp đất",
                      "outcome": "thanh", "closed_on": dt.date(2025, 2, 10), "agreement": "Hai bên hòa thuận."},
                     [{"name": "Lò Văn Thắng", "side": "A"}, {"name": "Quàng Thị Mai", "side": "B"}], [], [])
    section = window.section("mediation")
    section.set_year(2025)
    section.select_id(case.id)
    scripted.files = [None]
    section.print_button.entries["mediation"].pdf_action.trigger()
    assert Path(scripted.shown[-1][2]).name == "van-ban-hoa-giai-thanh-05-2025.pdf"
