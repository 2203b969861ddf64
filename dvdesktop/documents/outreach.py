"""Biên bản buổi tuyên truyền, vận động Nhân dân."""
from __future__ import annotations

from ..vn import format_date, format_number
from . import blocks as B
from .common import header, sign
from .data import OutreachRecordData
from .layout_rules import SIGN_NOTE


def build(data: OutreachRecordData) -> B.Document:
    doc = B.Document(style=data.header.style, title=f"Biên bản tuyên truyền – {data.team_name}",
                     subject="Biên bản buổi tuyên truyền, vận động")
    # State (Nghị định 30, biên bản): no place-date line; Party (Hướng dẫn 36): always one
    doc.add(header(data.header, with_date=data.header.style == "party"),
            B.Title("BIÊN BẢN", ["Buổi tuyên truyền, vận động Nhân dân", f"của {data.team_name}"]))
    when = format_date(data.held_on) if data.held_on else "ngày …… tháng …… năm ……"
    doc.add(B.para(f"Hôm nay, {when}, tại {data.place or '……'}, {data.team_name} tổ chức buổi tuyên truyền, "
                   "vận động Nhân dân với nội dung sau:"))
    doc.add(B.labelled("1. Hình thức", (data.form or "……") + "."))
    doc.add(B.labelled("2. Chủ đề", (data.topic or "……") + "."))
    if data.policy:
        doc.add(B.labelled("3. Chủ trương, chính sách, pháp luật được tuyên truyền", data.policy + "."))
    else:
        doc.add(B.labelled("3. Chủ trương, chính sách, pháp luật được tuyên truyền", "……"))
    doc.add(B.labelled("4. Người tuyên truyền", (data.presenters or "……") + "."))
    doc.add(B.labelled("5. Số người tham dự", (
        f"{format_number(data.audience_total)} người; trong đó nữ {format_number(data.audience_women)} người, "
        f"người dân tộc thiểu số {format_number(data.audience_minority)} người.")))
    doc.add(B.labelled("6. Tài liệu, phương tiện", (data.materials or "……") + "."))
    doc.add(B.labelled("7. Kết quả", "", keep_with_next=True))
    doc.add(*(B.text_paras(data.result) or [B.para("……")]))
    doc.add(B.para("Biên bản được lập xong cùng ngày, đã đọc lại cho những người có mặt cùng nghe "
                   "và nhất trí thông qua./."))
    doc.add(B.Signatures(
        left=B.SignBlock(title="NGƯỜI GHI BIÊN BẢN", name=data.recorder, note=SIGN_NOTE),
        right=sign(data.leader, data.header.style),
    ))
    return doc
