"""Report figures: agreement with `dvdesktop stats` (SQLite and PostgreSQL),
periods and their titles, drafted prose, commune scope, the section list."""
from __future__ import annotations

import datetime as dt

import pytest

from dvdesktop.errors import UserError
from dvdesktop.services import reports
from dvdesktop.services import stats as stats_service
from dvdesktop.services.demo.generator import build_demo
from dvdesktop.services.reports import figures as figures_module
from dvdesktop.services.reports.periods import Period
from dvdesktop.services.reports.prose import change, rate
from dvdesktop.store.models import Area, Meeting, MeetingAttendance, Membership, Person, Team

REFERENCE = dt.date(2026, 11, 30)


# --- every figure `stats` gives agrees with it ----------------------------------------


def test_figures_agree_with_stats_this_year_and_last(db_url):
    build_demo(scale="commune", seed=3, reference=REFERENCE)
    for year in (2026, 2025):
        stats_now = stats_service.collect(year)
        stats_before = stats_service.collect(year - 1)
        f = reports.annual(year)
        stats_now.pop("year"), stats_before.pop("year")
        assert f.stats == stats_now
        assert f.stats_previous == stats_before
        shown = {fig.key: fig for s in f.sections() for fig in s.figures}
        common = set(shown) & set(stats_now)
        # every stats figure is stated in the report, with last year's beside it
        assert common == set(stats_now)
        for key in common:
            assert shown[key].current == stats_now[key], key
            assert shown[key].previous == stats_before[key], key
        assert stats_now["meetings"] > 0 and stats_now["evaluations"] > 0


def test_period_figures_count_only_the_period(db_url):
    area = Area.create(name="Nà Khoang", kind="bản", commune="Nậm Pồ", commune_code="03200")
    team = Team.create(area=area, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2020, 1, 1))
    people = [Person.create(full_name=n) for n in ("Lò Văn Thắng", "Quàng Thị Mai")]
    for p in people:
        Membership.create(person=p, team=team, role="thanh_vien", start_date=dt.date(2020, 1, 1))
    for when in (dt.datetime(2026, 6, 30, 20), dt.datetime(2026, 7, 1, 8), dt.datetime(2026, 9, 30, 23),
                 dt.datetime(2026, 10, 1, 8), dt.datetime(2025, 8, 1, 8)):
        m = Meeting.create(team=team, starts_at=when, status="held")
        MeetingAttendance.create(meeting=m, person=people[0], status="present")
        MeetingAttendance.create(meeting=m, person=people[1], status="absent" if when.month == 7 else "present")
    f = reports.period(dt.date(2026, 7, 1), dt.date(2026, 9, 30), today=dt.date(2026, 12, 1))
    assert f.period_label == "quý III năm 2026" and f.comparison == "cùng kỳ năm 2025"
    meetings = f.figure("meetings")
    assert (meetings.current, meetings.previous, meetings.change) == (2, 1, 1)
    assert f.figure("attendance_pct").current == 75.0 and f.figure("attendance_pct").previous == 100.0
    text = f.section("meetings").paragraphs[0]
    assert text.startswith("Trong quý III năm 2026, các Tổ dân vận đã tổ chức 2\u00a0cuộc họp, tăng 1\u00a0cuộc so với "
                           "cùng kỳ năm 2025 (100%)")
    assert "tỷ lệ thành viên dự họp bình quân đạt 75,0%" in text
    assert f.section("ratings") is None  # ratings are yearly
    assert f.by_commune is None  # one commune only


# --- periods --------------------------------------------------------------------------


@pytest.mark.parametrize("start,end,label,column,previous", [
    ((2026, 1, 1), (2026, 12, 31), "năm 2026", "Năm 2026", "Năm 2025"),
    ((2026, 1, 1), (2026, 6, 30), "6 tháng đầu năm 2026", "6 tháng đầu năm 2026", "6 tháng đầu năm 2025"),
    ((2026, 7, 1), (2026, 12, 31), "6 tháng cuối năm 2026", "6 tháng cuối năm 2026", "6 tháng cuối năm 2025"),
    ((2026, 1, 1), (2026, 9, 30), "9 tháng đầu năm 2026", "9 tháng đầu năm 2026", "9 tháng đầu năm 2025"),
    ((2026, 7, 1), (2026, 9, 30), "quý III năm 2026", "Quý III/2026", "Quý III/2025"),
    ((2026, 10, 1), (2026, 10, 31), "tháng 10 năm 2026", "Tháng 10/2026", "Tháng 10/2025"),
    ((2028, 2, 1), (2028, 2, 29), "tháng 2 năm 2028", "Tháng 2/2028", "Tháng 2/2027"),
    ((2026, 3, 1), (2026, 4, 15), "từ ngày 01/03/2026 đến ngày 15/04/2026", "01/03/2026 – 15/04/2026",
     "01/03/2025 – 15/04/2025"),
    ((2026, 2, 1), (2026, 3, 31), "từ ngày 01/02/2026 đến ngày 31/03/2026", "01/02/2026 – 31/03/2026",
     "01/02/2025 – 31/03/2025"),
])
def test_period_names(start, end, label, column, previous):
    p = Period(dt.date(*start), dt.date(*end))
    assert p.label == label and p.column == column
    assert p.previous().column == previous
    assert p.previous().comparison == ("năm 2025" if p.is_year else f"cùng kỳ năm {p.start.year - 1}")


def test_period_refuses_end_before_start_and_parses_days():
    with pytest.raises(UserError, match="sau ngày kết thúc"):
        Period(dt.date(2026, 7, 1), dt.date(2026, 6, 30))
    assert reports.parse_day("1/7/2026") == dt.date(2026, 7, 1)
    with pytest.raises(UserError, match="không hợp lệ"):
        reports.parse_day("31/02/2026")


# --- prose -----------------------------------------------------------------------------


def test_change_phrases():
    nb = "\u00a0"
    assert change(142, 130, "cuộc", "năm 2025") == f"tăng 12{nb}cuộc so với năm 2025 (9,2%)"
    assert change(117, 130, "cuộc", "năm 2025") == f"giảm 13{nb}cuộc so với năm 2025 (10,0%)"
    assert change(130, 130, "cuộc", "năm 2025") == "bằng năm 2025"
    assert change(5, 0, "cuộc", "năm 2025") == f"tăng 5{nb}cuộc so với năm 2025"  # no % of nothing
    assert change(1500, 1000, "lượt", "cùng kỳ năm 2025") == f"tăng 500{nb}lượt so với cùng kỳ năm 2025 (50,0%)"
    assert change(12345, 1000, "lượt", "năm 2025").startswith(f"tăng 11.345{nb}lượt")
    assert rate(91.25) == f"91,3%" and rate(100.0) == f"100%"


def test_prose_of_a_year_without_activity_says_so(db_url):
    area = Area.create(name="Huổi Dạo", kind="bản", commune="Nậm Pồ", commune_code="03200")
    Area.create(name="Nà Cang", kind="bản", commune="Nậm Pồ", commune_code="03200")
    team = Team.create(area=area, name="Tổ dân vận bản Huổi Dạo", established_on=dt.date(2020, 1, 1))
    Meeting.create(team=team, starts_at=dt.datetime(2025, 5, 1, 8), status="held")
    f = reports.annual(2026, today=dt.date(2027, 1, 10))
    texts = {s.key: " ".join(s.paragraphs) for s in f.sections()}
    assert "chưa tổ chức cuộc họp nào (năm 2025: 1\u00a0cuộc)" in texts["meetings"]
    assert "không tiếp nhận ý kiến, kiến nghị nào" in texts["concerns"]
    assert "chưa tổ chức buổi tuyên truyền, vận động nào" in texts["outreach"]
    assert "không phát sinh vụ việc" in texts["mediation"]
    assert "chưa có Tổ dân vận nào được đánh giá" in texts["ratings"]
    assert "còn 1\u00a0địa bàn chưa có Tổ dân vận (bản Nà Cang)" in texts["areas"]
    assert "thành phần các Tổ dân vận ổn định" in texts["kien_toan"]
    for text in texts.values():
        assert " 0\u00a0" not in text and not text.startswith("0")  # never "0 cuộc"


# --- communes --------------------------------------------------------------------------


def _two_communes():
    a = Area.create(name="Nà Khoang", kind="bản", commune="Nậm Pồ", commune_code="03200")
    b = Area.create(name="Thôn Đông", kind="thôn", commune="Bảo Khê", commune_code="07300")
    ta = Team.create(area=a, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2020, 1, 1))
    tb = Team.create(area=b, name="Tổ dân vận thôn Đông", established_on=dt.date(2020, 1, 1))
    for team, n in ((ta, 3), (tb, 2)):
        for i in range(n):
            Meeting.create(team=team, starts_at=dt.datetime(2026, 3, 1 + i, 8), status="held")
    from dvdesktop.store.models import Concern

    Concern.create(area=b, received_on=dt.date(2026, 4, 1), content="Đề nghị sửa đường")  # no team: its area's commune


def test_one_commune_or_the_whole_province_with_a_table_by_commune(db_url):
    _two_communes()
    one = reports.annual(2026, commune_code="07300", today=dt.date(2027, 1, 5))
    assert one.figure("meetings").current == 2 and one.figure("concerns").current == 1 and one.figure("teams").current == 1
    assert one.scope_name == "Bảo Khê" and one.by_commune is None
    whole = reports.annual(2026, today=dt.date(2027, 1, 5))
    assert whole.figure("meetings").current == 5
    table = whole.by_commune
    assert [r.label for r in table.rows] == ["Bảo Khê", "Nậm Pồ", "Toàn tỉnh"]
    col = table.columns.index("Cuộc họp") - 1
    assert [r.values[col] for r in table.rows] == [2, 3, 5]
    assert table.rows[-1].values[table.columns.index("Ý kiến, kiến nghị") - 1] == 1
    with pytest.raises(UserError, match="mã «99999»"):
        reports.annual(2026, commune_code="99999")


# --- the extension point ------------------------------------------------------------------


def test_a_new_section_goes_in_after_concerns_and_the_numbers_follow(db_url):
    from dvdesktop.documents.report_data import Figure, ReportSection

    saved = list(figures_module.SECTION_BUILDERS)

    def supervision(ctx):
        return ReportSection("supervision", "Tổ chức giám sát của Nhân dân", ["Đã tổ chức 3 cuộc giám sát."],
                             [Figure("supervisions", "Cuộc giám sát", 3, 1)])

    try:
        reports.add_section(supervision, part="II", after="concerns")
        f = reports.annual(2026, today=dt.date(2027, 1, 5))
        headings = [s.heading for s in f.parts[1].sections]
        i = headings.index("5. Tổ chức giám sát của Nhân dân")
        assert headings[i - 1].startswith("4. Tiếp nhận") and headings[i + 1] == "6. Tham gia hòa giải ở cơ sở"
    finally:
        figures_module.SECTION_BUILDERS[:] = saved
