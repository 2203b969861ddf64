"""Sổ tổng hợp ý kiến, kiến nghị của Nhân dân for a period (a landscape register)."""
from __future__ import annotations

from collections import Counter

from ..vn import format_number, short_date
from . import blocks as B
from .common import header, sign
from .data import ConcernRegisterData


def build(data: ConcernRegisterData) -> B.Document:
    doc = B.Document(style=data.header.style, orientation="landscape",
                     title=f"Tổng hợp ý kiến, kiến nghị – {data.scope_name}",
                     subject="Sổ tổng hợp ý kiến, kiến nghị của Nhân dân")
    subject = [data.scope_name]
    if data.period_start or data.period_end:
        subject.append(f"Từ ngày {short_date(data.period_start) or '……'} đến ngày {short_date(data.period_end) or '……'}")
    doc.add(header(data.header), B.Title("TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN", subject))

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
        row += [e.area, e.channel, e.field, e.content, forwarded, e.answer, e.status]
        rows.append(row)
    if not rows:
        rows.append([""] * len(columns))
    doc.add(B.Table(columns=columns, rows=rows, size=12, number_row=True))

    counts = Counter(e.status for e in data.entries if e.status)
    summary = f"Tổng số: {format_number(len(data.entries))} ý kiến, kiến nghị"
    if counts:
        summary += "; trong đó: " + ", ".join(f"{label.lower()} {format_number(n)}" for label, n in counts.items())
    doc.add(B.para(summary + "."))
    doc.add(B.Signatures(left=B.SignBlock(title="NGƯỜI LẬP", name=data.maker), right=sign(data.signer, data.header.style)))
    return doc
