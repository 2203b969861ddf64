"""Sổ tổng hợp ý kiến, kiến nghị của Nhân dân for a period (a landscape register)."""
from __future__ import annotations

from collections import Counter

from ..vn import format_number, short_date
from . import blocks as B
from .common import header, sign
from .data import ConcernRegisterData


def period_end(data: ConcernRegisterData):
    """The period never ends after the document's own date."""
    end, day = data.period_end, data.header.date
    return min(end, day) if end and day else (end or day)


def subject_lines(data: ConcernRegisterData) -> list[str]:
    """"Tổng hợp ý kiến, kiến nghị của Nhân dân năm 2026", then the days the
    figures cover when that is not a whole year."""
    start, end = data.period_start, period_end(data)
    line = "Tổng hợp ý kiến, kiến nghị của Nhân dân"
    if start and start.month == 1 and start.day == 1:
        line += f" năm {start.year}"
        whole = end is not None and (end.month, end.day) == (12, 31) and end.year == start.year
        return [line] if whole else [line, f"(từ ngày {short_date(start)} đến ngày {short_date(end) or '……'})"]
    if start or end:
        return [line, f"từ ngày {short_date(start) or '……'} đến ngày {short_date(end) or '……'}"]
    return [line]


def build(data: ConcernRegisterData) -> B.Document:
    doc = B.Document(style=data.header.style, orientation="landscape",
                     title=f"Báo cáo tổng hợp ý kiến, kiến nghị – {data.scope_name}",
                     subject="Báo cáo tổng hợp ý kiến, kiến nghị của Nhân dân")
    # numbered "-BC": a report, titled BÁO CÁO
    doc.add(header(data.header), B.Title("BÁO CÁO", subject_lines(data)))
    who = data.reporter or data.scope_name
    doc.add(B.para(f"{who[:1].upper()}{who[1:]} tổng hợp ý kiến, kiến nghị của Nhân dân "
                   "đã tiếp nhận và kết quả chuyển, trả lời, giải quyết như sau:"))

    columns = [B.Column("STT", 0.045, "center"), B.Column("Ngày tiếp nhận", 0.085, "center")]
    if data.show_names:
        columns.append(B.Column("Người phản ánh", 0.11))
    columns += [
        B.Column("Địa bàn", 0.09), B.Column("Hình thức", 0.08), B.Column("Lĩnh vực", 0.08),
        B.Column("Nội dung ý kiến, kiến nghị", 0.27, "justify"),
        B.Column("Chuyển đến (cơ quan, ngày)", 0.11), B.Column("Kết quả trả lời, giải quyết", 0.16),
        B.Column("Tình trạng", 0.08, "center"),
    ]
    rows = []
    for i, e in enumerate(data.entries, 1):
        forwarded = e.forwarded_to + (f" ({short_date(e.forwarded_on)})" if e.forwarded_on else "")
        row = [str(i), short_date(e.received_on)]
        if data.show_names:
            row.append(e.raised_by)
        status = f"{e.status} (quá hạn)" if e.overdue else e.status
        row += [e.area, e.channel, e.field, e.content, forwarded, e.answer, status]
        rows.append(row)
    if not rows:
        rows.append([""] * len(columns))
    doc.add(B.Table(columns=columns, rows=rows, size=12, number_row=True))

    counts = Counter(e.status for e in data.entries if e.status)
    summary = f"Tổng số: {format_number(len(data.entries))} ý kiến, kiến nghị"
    if counts:
        summary += "; trong đó: " + ", ".join(f"{label.lower()} {format_number(n)}" for label, n in counts.items())
    late = sum(1 for e in data.entries if e.overdue)
    if late:  # services.concerns.is_overdue on the document's date: the overview's and `stats`' rule
        summary += f"; quá hạn chưa được trả lời {format_number(late)}"
    # kept with the signatures: they never stand alone on the last page
    doc.add(B.para(summary + ".", keep_with_next=True))
    doc.add(B.Signatures(left=B.SignBlock(title="NGƯỜI LẬP", name=data.maker), right=sign(data.signer, data.header.style)))
    return doc
