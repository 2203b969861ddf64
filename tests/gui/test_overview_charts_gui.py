"""The overview's charts: drawn after the first paint from
services.overview_charts (the same numbers as `stats`), and a click on a bar
opens the list behind it, showing exactly the records the bar counts."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys


from dvdesktop.services import stats
from dvdesktop.services.evaluation import board, criteria_set, save_rating
from dvdesktop.store.models import Area, Concern, Meeting, OutreachSession, Team

YEAR = dt.date.today().year - 1
ON = dt.date(YEAR, 12, 31)


def records():
    area = Area.create(name="Nà Khoang", kind="bản", commune="xã Nậm Pồ")
    team = Team.create(area=area, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2020, 1, 1))
    other = Team.create(area=Area.create(name="Huổi Cáy", kind="bản", commune="xã Nậm Pồ"),
                        name="Tổ dân vận bản Huổi Cáy", established_on=dt.date(2020, 1, 1))
    for month, status in ((1, "held"), (1, "held"), (3, "held"), (3, "planned")):
        Meeting.create(team=team, starts_at=dt.datetime(YEAR, month, 10, 19, 30), status=status)
    for month in (2, 2, 2, 9):
        OutreachSession.create(team=team, held_on=dt.date(YEAR, month, 5), topic="Luật đất đai", form="Họp dân",
                               audience_total=40)
    Concern.create(received_on=dt.date(YEAR, 4, 2), due_date=dt.date(YEAR, 5, 2), answered_on=dt.date(YEAR, 4, 20),
                   status="da_tra_loi", content="Điện chiếu sáng", team=team)
    Concern.create(received_on=dt.date(YEAR, 8, 2), due_date=dt.date(YEAR, 9, 1), content="Nước sạch", team=team)
    Concern.create(received_on=dt.date(YEAR, 8, 9), due_date=dt.date(YEAR, 9, 8), content="Rác thải", team=other)
    board.start_from_sample(YEAR)
    save_rating(team.id, YEAR, {c.code: c.max_points for c in criteria_set(YEAR).criteria})
    return team, other


def overview_with_charts(window, qtbot):
    window.year.setCurrentIndex(window.year.findData(YEAR))
    overview = window.section("overview")
    qtbot.waitUntil(lambda: overview.charts is not None and overview.chart_data is not None
                    and overview.chart_data.year == YEAR, timeout=5000)
    return overview


def bar(overview, key, link):
    """The index of the bar of *key* that opens *link*."""
    return [t[1] for t in overview.charts.targets[key]].index(link)


def values(bar_set):
    return [int(bar_set.at(i)) for i in range(bar_set.count())]


def test_charts_show_the_stats(window, qtbot):
    records()
    overview = overview_with_charts(window, qtbot)
    s = stats.collect(YEAR, today=ON)
    bars = overview.charts.bar_sets
    assert sum(values(bars["meetings"])) == s["meetings"] == 3
    assert sum(values(bars["outreach"])) == s["outreach_sessions"] == 4
    assert sum(values(bars["concerns"])) == s["concerns"] == 3
    assert values(bars["meetings"])[:3] == [2, 0, 1] and values(bars["outreach"])[1] == 3
    timeliness = dict(zip((t[1] for t in overview.charts.targets["timeliness"]), values(bars["timeliness"])))
    assert timeliness == {"timeliness:on_time": 1, "timeliness:late": 0, "timeliness:overdue": 2,
                          "timeliness:waiting": 0}
    levels = dict(zip((t[1] for t in overview.charts.targets["levels"]), values(bars["levels"])))
    assert levels == {"level:HTXS": 1, "level:HTT": 0, "level:HT": 0, "level:KHT": 0, "level:": 1}
    assert overview.charts.targets["levels"][-1] == ("evaluation", "level:HTXS")  # drawn on top
    chart = overview.charts.views[0].chart()
    assert chart.title() == f"Hoạt động theo tháng, năm {YEAR}"
    assert [s.label() for s in chart.series()[0].barSets()] == ["Họp Tổ dân vận", "Buổi tuyên truyền, vận động",
                                                              "Ý kiến, kiến nghị tiếp nhận"]


def test_clicking_a_bar_opens_the_list_behind_it(window, qtbot):
    team, other = records()
    overview = overview_with_charts(window, qtbot)
    bars = overview.charts.bar_sets
    bars["meetings"].clicked.emit(0)  # January
    meetings = window.current_section()
    assert meetings.key == "meetings"
    assert meetings.model.rowCount() == 2 and meetings.source.month == 1
    assert meetings.link_chip.isVisibleTo(meetings) and meetings.link_chip.text().startswith("Tháng 1")
    meetings.link_chip.click()  # back to the whole year (held meetings)
    assert meetings.source.month is None and meetings.model.rowCount() == 3

    window.section("overview")
    bars = overview.charts.bar_sets
    bars["outreach"].clicked.emit(1)  # February
    outreach = window.current_section()
    assert outreach.key == "outreach" and outreach.model.rowCount() == 3

    window.section("overview")
    overview.charts.bar_sets["timeliness"].clicked.emit(bar(overview, "timeliness", "timeliness:overdue"))
    concerns = window.current_section()
    assert concerns.key == "concerns" and concerns.model.rowCount() == 2
    assert concerns.link_chip.text().startswith("Quá hạn, chưa trả lời")

    window.section("overview")
    overview.charts.bar_sets["levels"].clicked.emit(bar(overview, "levels", "level:HTXS"))
    evaluation = window.current_section()
    assert evaluation.key == "evaluation" and evaluation.model.ids() == [team.id]
    window.section("overview")
    overview.charts.bar_sets["levels"].clicked.emit(bar(overview, "levels", "level:"))  # not rated yet
    assert window.current_section().model.ids() == [other.id]


def test_qtcharts_is_not_loaded_at_startup():
    """The window and the overview come up without QtCharts (slow to load)."""
    code = ("import sys; import dvdesktop.gui.main_window, dvdesktop.gui.sections.overview, "
            "dvdesktop.gui.sections.evaluation; print('PySide6.QtCharts' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
