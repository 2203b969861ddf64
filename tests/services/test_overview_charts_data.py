"""The overview charts' data (services.overview_charts) agrees with
`dvdesktop stats --year Y`, on SQLite and PostgreSQL: activity by month adds
up to the year's meetings, outreach sessions and concerns; the ratings by
level are the evaluation screen's distribution; every concern of the year is
in exactly one timeliness bar, and the concerns list filtered by a bar (or a
month) holds the same concerns."""
from __future__ import annotations

import datetime as dt

from dvdesktop.services import stats
from dvdesktop.services.evaluation import board, save_rating
from dvdesktop.services.listings import concerns as concern_listing
from dvdesktop.services.listings import meetings as meeting_listing
from dvdesktop.services.listings import outreach as outreach_listing
from dvdesktop.services.overview_charts import TIMELINESS, overview_charts
from dvdesktop.store.base import now
from dvdesktop.store.models import Area, Concern, Meeting, OutreachSession, Team

YEAR = 2025
ON = dt.date(2025, 12, 31)


def records():
    area = Area.create(name="Nà Khoang", kind="bản", commune="xã Nậm Pồ")
    team = Team.create(area=area, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2020, 1, 1))
    gone = Team.create(area=area, name="Tổ đã xóa", established_on=dt.date(2020, 1, 1), deleted_at=now())
    other = Team.create(area=Area.create(name="Huổi Cáy", kind="bản", commune="xã Nậm Pồ"),
                        name="Tổ dân vận bản Huổi Cáy", established_on=dt.date(2020, 1, 1))
    for month, status in ((1, "held"), (1, "held"), (3, "held"), (3, "planned"), (12, "held")):
        Meeting.create(team=team, starts_at=dt.datetime(YEAR, month, 28, 19, 30), status=status)
    Meeting.create(team=team, starts_at=dt.datetime(YEAR, 6, 1, 8), deleted_at=now())  # in the trash
    Meeting.create(team=gone, starts_at=dt.datetime(YEAR, 6, 1, 8))  # of a deleted team
    Meeting.create(team=team, starts_at=dt.datetime(YEAR + 1, 1, 1, 0, 0))  # next year
    for day in (dt.date(YEAR, 2, 1), dt.date(YEAR, 2, 28), dt.date(YEAR, 7, 15)):
        OutreachSession.create(team=team, held_on=day, topic="Luật đất đai", form="Họp dân", audience_total=50)

    def concern(received, due=None, answered=None, resolved=None, **kw):
        return Concern.create(received_on=received, due_date=due, answered_on=answered, resolved_on=resolved,
                              content="Đường bê tông xuống cấp", team=kw.get("team", team),
                              status="da_giai_quyet" if resolved else "da_tra_loi" if answered else "moi",
                              deleted_at=kw.get("deleted_at"))
    concern(dt.date(YEAR, 1, 5), dt.date(YEAR, 2, 4), answered=dt.date(YEAR, 1, 20))  # on time
    concern(dt.date(YEAR, 1, 9), None, resolved=dt.date(YEAR, 3, 1))  # no due date, resolved: on time
    concern(dt.date(YEAR, 4, 2), dt.date(YEAR, 5, 2), answered=dt.date(YEAR, 5, 20))  # late
    concern(dt.date(YEAR, 8, 2), dt.date(YEAR, 9, 1))  # overdue on 31/12
    concern(dt.date(YEAR, 12, 20), dt.date(YEAR + 1, 1, 19))  # not due yet on 31/12
    concern(dt.date(YEAR, 8, 3), dt.date(YEAR, 9, 1), deleted_at=now())  # in the trash
    concern(dt.date(YEAR, 8, 3), dt.date(YEAR, 9, 1), team=gone)  # of a deleted team
    return team, other


def test_chart_data_adds_up_to_stats(db):
    team, other = records()
    board.start_from_sample(YEAR)
    save_rating(team.id, YEAR, {c.code: c.max_points for c in board.criteria_set(YEAR).criteria})
    charts = overview_charts(YEAR, ON)
    s = stats.collect(YEAR, today=ON)
    assert sum(m.meetings for m in charts.months) == s["meetings"] == 4
    assert sum(m.outreach_sessions for m in charts.months) == s["outreach_sessions"] == 3
    assert sum(m.concerns for m in charts.months) == s["concerns"] == 5
    assert [m.meetings for m in charts.months] == [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert [m.outreach_sessions for m in charts.months][:3] == [0, 2, 0]
    t = charts.timeliness
    assert (t.on_time, t.late, t.overdue, t.waiting) == (2, 1, 1, 1)
    assert t.total == s["concerns"]
    # answered and overdue as the counting rules of stats and the reports have them
    from dvdesktop.services.reports.counting import TOTAL, Scope, concerns

    _received, _resolved, _forwarded, answered, overdue = concerns(Scope.year(YEAR, ON))[TOTAL]
    assert (t.on_time + t.late, t.overdue) == (answered, overdue)
    # ratings by level: the distribution the evaluation screen shows
    dist = board.year_board(YEAR).distribution
    assert [(b.code, b.count) for b in charts.levels] == [(lv.code, lv.count) for lv in dist.levels]
    assert dict((b.code, b.count) for b in charts.levels)["HTXS"] == 1
    assert charts.unrated == dist.unrated == 1 and charts.has_criteria


def test_the_lists_behind_the_bars_hold_the_same_records(db):
    records()
    charts = overview_charts(YEAR, ON)
    for kind in TIMELINESS:
        ids = concern_listing.concern_ids(concern_listing.ConcernFilter(year=YEAR, timeliness=kind), on=ON)
        assert len(ids) == getattr(charts.timeliness, kind), kind
    for m in charts.months:
        held_filter = meeting_listing.MeetingFilter(year=YEAR, month=m.month, status="held")
        held = meeting_listing.meeting_ids(held_filter, on=ON)
        assert len(held) == m.meetings, m.month
        sessions = outreach_listing.outreach_ids(outreach_listing.OutreachFilter(year=YEAR, month=m.month))
        assert len(sessions) == m.outreach_sessions, m.month
    # December's meeting is in December only (the month's end is the next year's 1 January)
    assert len(meeting_listing.meeting_ids(meeting_listing.MeetingFilter(year=YEAR, month=12))) == 1


def test_a_year_without_criteria_has_no_level_bars(db):
    records()
    charts = overview_charts(YEAR, ON)
    assert charts.levels == () and not charts.has_criteria
