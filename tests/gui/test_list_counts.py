"""The line under every list writes its count as numbers are written in
Vietnamese, thousands grouped by '.' (it was done by the people list alone:
«25.707 người» beside «2128 địa bàn»)."""
from __future__ import annotations

from dvdesktop.services.register import AreaService, PersonService


def _complete(section, qtbot):
    section.reload()
    if section.model.partial:  # a long list: the first screen, then the rest from the event loop
        with qtbot.waitSignal(section.model.completed, timeout=10_000):
            pass


def test_counts_group_thousands_in_every_list(window, qtbot):
    AreaService.model.insert_many([AreaService.model.prepare_row({"name": f"Bản Thử {i}", "kind": "bản"})
                                   for i in range(1000)]).execute()
    PersonService.model.insert_many([PersonService.model.prepare_row({"full_name": f"Người Thứ {i}"})
                                     for i in range(1234)]).execute()
    areas, people = window.section("areas"), window.section("people")
    _complete(areas, qtbot)
    _complete(people, qtbot)
    assert areas.count_label.text() == "1.000 địa bàn"
    assert people.count_label.text() == "1.234 người"
    meetings = window.section("meetings")
    _complete(meetings, qtbot)
    assert meetings.count_label.text() == "0 cuộc họp"
