"""Statistics of the whole database: counts by aggregate SQL, no per-row Python.

Without a year the figures are the current state: records in the register
today and every activity ever recorded. With a year:

* teams, memberships_active, members — as on 31 December of that year
  (or today, while the year is not over): teams established and not
  dissolved by then, memberships running on that day, distinct people in them;
* persons — distinct people who were team members at some time in the year;
* meetings (held), outreach sessions and their audience, concerns, mediation
  cases — those dated in the year (concerns and cases by the date received);
  concerns_resolved / mediation_successful — of those received in the year,
  the ones resolved / mediated successfully; mediation_unsuccessful counts
  what the commune's reporting form calls "không thành" (not settled,
  stopped, sent to the authority: services.mediation_register.NOT_SETTLED);
* exemplary_models — models of that year.

Soft-deleted rows (in the trash) are never counted, nor the records of a
deleted team.
"""
from __future__ import annotations

import datetime as dt

from ..vn import format_number
from .core import vocab
from .reports import counting

# Keys in output order with their Vietnamese labels (for the table).
LABELS = {
    "areas": "Địa bàn (thôn, bản, tổ dân phố)",
    "teams": "Tổ dân vận",
    "persons": "Người",
    "members": "Thành viên đang tham gia tổ",
    "memberships_active": "Lượt thành viên đang hoạt động",
    "meetings": "Cuộc họp Tổ dân vận",
    "outreach_sessions": "Buổi tuyên truyền, vận động",
    "outreach_audience": "Lượt người nghe tuyên truyền",
    "concerns": "Ý kiến, kiến nghị",
    "concerns_resolved": "Kiến nghị đã giải quyết",
    "mediation_cases": "Vụ việc hòa giải",
    "mediation_successful": "Hòa giải thành",
    "mediation_unsuccessful": "Hòa giải không thành",
    "mediation_ongoing": "Đang hòa giải",
    "exemplary_models": "Mô hình \u201cDân vận khéo\u201d",
    "households_helped": "Hộ khó khăn được giúp đỡ",
    "campaign_work_days": "Ngày công đóng góp cho phong trào",
    "campaign_money": "Tiền đóng góp cho phong trào (đồng)",
    "evaluations": "Lượt tổ được đánh giá, xếp loại",
}
# People's supervision (services.reports.counting.supervision): the activities, each kind, the recommendations.
LABELS.update({"supervision_activities": "Cuộc giám sát của Nhân dân"})
LABELS.update({f"supervision_{code}": f"  trong đó: {label}" for code, label in vocab.SUPERVISION_KINDS})
LABELS.update({
    "supervision_sent": "Kiến nghị giám sát đã gửi",
    "supervision_answered": "Kiến nghị giám sát đã được trả lời",
    "supervision_acted_on": "Kiến nghị giám sát đã được thực hiện",
})


def collect(year: int | None = None, today: dt.date | None = None, commune_code: str | None = None) -> dict:
    """The statistics as a dict of plain numbers (JSON-ready). The counting
    rules live in services.reports.counting, shared with the reports, so a
    report's figures and these never disagree."""
    today = today or dt.date.today()
    scope = counting.Scope.current(today, commune_code) if year is None else counting.Scope.year(year, today, commune_code)
    figures = counting.stats_figures(scope)
    ordered = {"year": year}
    ordered.update({k: figures[k] for k in LABELS})
    return ordered


def format_table(stats: dict, title: str = "") -> str:
    """A readable Vietnamese table with numbers in the Vietnamese format."""
    year = stats.get("year")
    heading = title or (f"THỐNG KÊ NĂM {year}" if year else "THỐNG KÊ HIỆN TẠI")
    rows = [(label, format_number(stats[key])) for key, label in LABELS.items() if key in stats]
    width = max(len(label) for label, _ in rows)
    num_width = max(len(n) for _, n in rows)
    lines = [heading, "-" * (width + num_width + 3)]
    lines += [f"{label.ljust(width)}   {number.rjust(num_width)}" for label, number in rows]
    return "\n".join(lines)
