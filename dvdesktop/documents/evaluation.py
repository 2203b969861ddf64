"""The yearly rating's printed papers.

* sheet(): Phiếu tự đánh giá, xếp loại Tổ dân vận năm Y — the criteria by
  group with their maximum points, the team's own score and the commune's
  (blank columns to fill in by hand while not scored), the totals, the
  level proposed; T/M TỔ DÂN VẬN – TỔ TRƯỞNG signs.
* report(): Báo cáo kết quả đánh giá, xếp loại Tổ dân vận năm Y — the
  count by level, then every team with its total and level; the commune's
  Party committee or People's Committee signs, as the settings say.
"""
from __future__ import annotations

from decimal import Decimal

from ..vn import format_number
from . import blocks as B
from .common import header, sign
from .evaluation_data import EvaluationReportData, EvaluationSheetData


def _points(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)


def _percent(part: int, whole: int) -> str:
    if not whole:
        return ""
    return format_number(round(Decimal(100 * part) / Decimal(whole), 1))


SHEET_COLUMNS = [
    B.Column("TT", 0.06, "center"), B.Column("Tiêu chí", 0.625, "left"), B.Column("Điểm tối đa", 0.105, "center"),
    B.Column("Tổ tự chấm", 0.105, "center"), B.Column("Xã thẩm định", 0.105, "center"),
]


def sheet(data: EvaluationSheetData) -> B.Document:
    doc = B.Document(style=data.header.style, title=f"Phiếu tự đánh giá, xếp loại {data.team_name} năm {data.year}",
                     subject="Phiếu tự đánh giá, xếp loại Tổ dân vận")
    doc.add(header(data.header),
            B.Title("PHIẾU TỰ ĐÁNH GIÁ, XẾP LOẠI TỔ DÂN VẬN", [f"{data.team_name} năm {data.year}"],
                    note=f"(Theo {data.criteria_set_name})" if data.criteria_set_name else ""))
    rows: list = []
    for group in data.groups:
        rows.append(B.Section(group.title))
        for c in group.criteria:
            rows.append([c.code, c.text, _points(c.max_points), _points(c.self_score), _points(c.reviewed_score)])
    rows.append(["", "Tổng cộng", _points(data.max_total), _points(data.self_total), _points(data.reviewed_total)])
    doc.add(B.Table(columns=SHEET_COLUMNS, rows=rows, size=11, space_after=4))
    self_total = f"{_points(data.self_total)}/{_points(data.max_total)}" if data.self_total is not None \
        else "……"
    doc.add(B.labelled("Tổng điểm tự chấm", self_total + "; đề xuất xếp loại: "
                       + (data.proposed_level or "……………………………………") + ".", space_after=2))
    if data.reviewed_total is not None:
        doc.add(B.labelled("Kết quả thẩm định của xã",
                           f"{_points(data.reviewed_total)}/{_points(data.max_total)}"
                           + (f", xếp loại: {data.reviewed_level}" if data.reviewed_level else "") + ".",
                           space_after=2))
    doc.add(B.Signatures(right=sign(data.signer, data.header.style), space_before=4))
    return doc


REPORT_LEVEL_COLUMNS = [
    B.Column("STT", 0.08, "center"), B.Column("Mức xếp loại", 0.52), B.Column("Số tổ", 0.2, "center"),
    B.Column("Tỷ lệ (%)", 0.2, "center"),
]
REPORT_TEAM_COLUMNS = [
    # no area column: a team is named after its area ("Tổ dân vận bản Nà Khoang")
    B.Column("STT", 0.07, "center"), B.Column("Tổ dân vận", 0.35), B.Column("Tổng điểm", 0.1, "center"),
    B.Column("Xếp loại", 0.33, "center"), B.Column("Ghi chú", 0.15),
]


def report(data: EvaluationReportData) -> B.Document:
    doc = B.Document(style=data.header.style,
                     title=f"Báo cáo kết quả đánh giá, xếp loại Tổ dân vận năm {data.year}",
                     subject="Báo cáo kết quả đánh giá, xếp loại Tổ dân vận")
    doc.add(header(data.header),
            B.Title("BÁO CÁO", [f"Kết quả đánh giá, xếp loại Tổ dân vận năm {data.year}"]))
    basis = f" theo {data.criteria_set_name}" if data.criteria_set_name else ""
    rated = sum(lv.count for lv in data.levels)
    doc.add(B.para(f"Thực hiện việc đánh giá, xếp loại Tổ dân vận năm {data.year}{basis}, {data.scope} báo cáo "
                   f"kết quả như sau:"))
    doc.add(B.heading("1. Kết quả chung"))
    summary = (f"Tổng số Tổ dân vận: {format_number(data.teams_total)} tổ; đã đánh giá, xếp loại "
               f"{format_number(rated)} tổ")
    if data.unrated:
        summary += f"; chưa xếp loại {format_number(data.unrated)} tổ"
    if data.ineligible:
        summary += (f"; không xếp loại {format_number(data.ineligible)} tổ (hoạt động dưới "
                    f"{data.min_active_months} tháng trong năm)")
    doc.add(B.para(summary + "."))
    rows = [[str(i), lv.name, format_number(lv.count), _percent(lv.count, rated)]
            for i, lv in enumerate(data.levels, 1)]
    rows.append(["", "Cộng", format_number(rated), "100" if rated else ""])
    doc.add(B.Table(columns=REPORT_LEVEL_COLUMNS, rows=rows, size=12))
    # not kept with the table: a table kept with its heading jumps whole to the next page
    doc.add(B.heading("2. Kết quả của từng Tổ dân vận", keep_with_next=False))
    team_rows: list = []
    commune = None
    for i, t in enumerate(data.teams, 1):
        if data.several_communes and t.commune != commune:
            commune = t.commune
            team_rows.append(B.Section(commune or "Chưa rõ xã"))
        team_rows.append([str(i), t.team_name, _points(t.total), t.level, t.note])
    doc.add(B.Table(columns=REPORT_TEAM_COLUMNS, rows=team_rows or [[""] * len(REPORT_TEAM_COLUMNS)], size=12))
    # kept with the signatures: a signature never stands alone on the last page
    doc.add(B.para(f"Trên đây là kết quả đánh giá, xếp loại Tổ dân vận năm {data.year} của {data.scope}./.",
                   keep_with_next=True))
    doc.add(B.Signatures(recipients=data.recipients, right=sign(data.signer, data.header.style)))
    return doc
