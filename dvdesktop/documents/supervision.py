"""Giám sát của Nhân dân: the Báo cáo kết quả giám sát of one activity and the
year's list of activities (landscape).

The report follows the parts a supervision report of the Front and its
member organisations carries (Quy chế giám sát 217-QĐ/TW, Nghị quyết liên
tịch 403/2017 and the Front's guidance on supervision steps): what was
supervised, when, how and by whom; the findings, strengths and shortcomings
alike; the recommendations and to whom they went; then the follow-up of the
answer and whether it was carried out.
"""
from __future__ import annotations

from ..vn import format_date, format_number, short_date
from . import blocks as B
from .common import header, sign
from .supervision_data import SupervisionListData, SupervisionReportData

DOTS = "……"
LAW = "Luật Thực hiện dân chủ ở cơ sở năm 2022"


def _period(data: SupervisionReportData) -> str:
    if data.start_date is None:
        return "từ ngày …… đến ngày ……"
    if data.end_date is None or data.end_date == data.start_date:
        return format_date(data.start_date)
    return f"từ {format_date(data.start_date)} đến {format_date(data.end_date)}"


def _end(items: list[str]) -> list[str]:
    out = []
    for i, text in enumerate(items):
        out.append("- " + text.strip().lstrip("- ").rstrip(" ;.,") + ("." if i == len(items) - 1 else ";"))
    return out


def report(data: SupervisionReportData) -> B.Document:
    doc = B.Document(style=data.header.style, title=f"Báo cáo kết quả giám sát – {data.team_name}",
                     subject="Báo cáo kết quả giám sát")
    doc.add(header(data.header), B.Title("BÁO CÁO", ["Kết quả giám sát", data.subject]))
    doc.add(B.para(f"Thực hiện nhiệm vụ tổ chức để Nhân dân giám sát theo {LAW}, {data.team_name} "
                   "báo cáo kết quả giám sát như sau:"))

    doc.add(B.heading("I. KHÁI QUÁT CUỘC GIÁM SÁT", indent=False))
    doc.add(B.labelled("1. Nội dung, đối tượng giám sát", data.subject + "."))
    doc.add(B.labelled("2. Lĩnh vực", (data.kind or DOTS) + "."))
    doc.add(B.labelled("3. Hình thức giám sát", (data.form or DOTS) + "."))
    doc.add(B.labelled("4. Thời gian giám sát", _period(data) + "."))
    count = f" (tổng số {format_number(data.participant_count)} người)" if data.participant_count else ""
    lines = [x.strip() for x in (data.participants or "").splitlines() if x.strip()]
    if len(lines) > 1:
        doc.add(B.labelled("5. Thành phần tham gia", count.strip() + ":" if count else "", keep_with_next=True))
        doc.add(*B.bullet_lines(_end(lines), prefix="", indent=False, left_indent_mm=5, space_after=0))
        doc.add(B.Spacer(2))
    else:
        doc.add(B.labelled("5. Thành phần tham gia", ((lines[0].rstrip(".") if lines else DOTS) + count) + "."))

    doc.add(B.heading("II. KẾT QUẢ GIÁM SÁT", indent=False))
    doc.add(*(B.text_paras(data.findings) or [B.para(DOTS)]))

    doc.add(B.heading("III. KIẾN NGHỊ, ĐỀ XUẤT", indent=False))
    doc.add(*(B.text_paras(data.recommendations) or [B.para("Không có kiến nghị.")]))
    if data.sent_on is not None:
        doc.add(B.para(f"Kiến nghị đã được gửi {data.sent_to or DOTS} {format_date(data.sent_on)}."))

    if data.sent_on is not None:
        doc.add(B.heading("IV. KẾT QUẢ TRẢ LỜI, GIẢI QUYẾT KIẾN NGHỊ", indent=False))
        if data.answered_on is None:
            doc.add(B.para(f"Đến nay, {data.sent_to or 'cơ quan nhận kiến nghị'} chưa trả lời; "
                           f"{data.team_name} tiếp tục theo dõi, đôn đốc."))
        else:
            doc.add(B.para(f"{format_date(data.answered_on).capitalize()}, {data.sent_to or 'cơ quan nhận kiến nghị'} "
                           "đã trả lời" + (":" if data.answer.strip() else ".")))
            doc.add(*B.text_paras(data.answer))
            if data.acted_on:
                doc.add(B.labelled("Kết quả thực hiện kiến nghị", data.acted_on + "."))

    doc.add(B.para(f"Trên đây là báo cáo kết quả giám sát của {data.team_name}./."))
    doc.add(B.Signatures(recipients=_end(data.recipients or ["Lưu"]), right=sign(data.signer, data.header.style)))
    return doc


LIST_COLUMNS_TEAM = [
    B.Column("STT", 0.04, "center"), B.Column("Thời gian", 0.112, "center"), B.Column("Tổ dân vận", 0.085),
    B.Column("Nội dung giám sát", 0.173), B.Column("Lĩnh vực", 0.08), B.Column("Hình thức", 0.09),
    B.Column("Số người", 0.05, "center"), B.Column("Kiến nghị", 0.19, "justify"),
    B.Column("Gửi đến (ngày gửi)", 0.095), B.Column("Kết quả trả lời, thực hiện", 0.09),
]


def period_cell(start, end) -> str:
    """'05/01/2026', '14–15/01/2026', '28/01–02/02/2026' or '28/12/2025–02/01/2026'."""
    if start is None:
        return ""
    if end is None or end == start:
        return short_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%d}–{short_date(end)}"
    if start.year == end.year:
        return f"{start:%d/%m} – {short_date(end)}"
    return f"{short_date(start)} – {short_date(end)}"


def _short_team(name: str) -> str:
    """'Tổ dân vận bản Nà Hỳ' → 'bản Nà Hỳ' under the column 'Tổ dân vận'."""
    prefix = "Tổ dân vận "
    return name[len(prefix):] if name.startswith(prefix) else name


def list_document(data: SupervisionListData) -> B.Document:
    doc = B.Document(style=data.header.style, orientation="landscape",
                     title=f"Danh sách các cuộc giám sát năm {data.year} – {data.scope_name}",
                     subject="Danh sách các cuộc giám sát của Nhân dân")
    doc.add(header(data.header), B.Title("DANH SÁCH", [f"Các cuộc giám sát của Nhân dân năm {data.year}",
                                                      data.scope_name]))
    columns = [c for c in LIST_COLUMNS_TEAM if data.show_team or c.title != "Tổ dân vận"]
    rows = []
    for i, e in enumerate(data.entries, 1):
        row = [str(i), period_cell(e.start_date, e.end_date)]
        if data.show_team:
            row.append(_short_team(e.team_name))
        row += [e.subject, e.kind, e.form, format_number(e.participant_count) if e.participant_count else "",
                e.recommendations, e.sent, e.result]
        rows.append(row)
    if not rows:
        rows.append([""] * len(columns))
    doc.add(B.Table(columns=columns, rows=rows, size=11, number_row=True, fill_pages=True))
    summary = f"Tổng số: {format_number(len(data.entries))} cuộc giám sát"
    by_kind = [f"{label.lower()} {format_number(n)}" for label, n in data.totals if n]
    if by_kind:
        summary += " (" + ", ".join(by_kind) + ")"
    summary += (f"; kiến nghị đã gửi {format_number(data.sent)}, đã được trả lời {format_number(data.answered)}, "
                f"đã được thực hiện {format_number(data.acted_on)}.")
    doc.add(B.para(summary))
    doc.add(B.Signatures(left=B.SignBlock(title="NGƯỜI LẬP", name=data.maker),
                         right=sign(data.signer, data.header.style)))
    return doc
