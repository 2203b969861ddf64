"""Biên bản họp Tổ dân vận — Nghị định 30/2020, Phụ lục III, mẫu 1.9.

Fields in the decree's order: start time, place, participants, chair,
secretary, content as it unfolded; then conclusions, tasks, the closing line
"Cuộc họp kết thúc vào … giờ …, ngày … tháng … năm …/."; THƯ KÝ signs left,
CHỦ TỌA right. No place/date line under the header.
"""
from __future__ import annotations

from ..vn import format_date, format_time, short_date
from . import blocks as B
from .common import header, person_with_position
from .data import MinutesData
from .layout_rules import MINUTES_LEFT_SIGNER, MINUTES_RIGHT_SIGNER

KIND_WORDS = {"dinh_ky": "định kỳ", "dot_xuat": "đột xuất"}


def _when(moment) -> str:
    return f"{format_time(moment)}, {format_date(moment.date())}"


def closing_line(data: MinutesData) -> str:
    if data.ends_at is None:
        return "Cuộc họp kết thúc vào …… giờ ……, ngày …… tháng …… năm ……/."
    return f"Cuộc họp kết thúc vào {_when(data.ends_at)}/."


def build(data: MinutesData) -> B.Document:
    kind = KIND_WORDS.get(data.kind, "")
    subject = [f"Họp {kind} {data.team_name}".replace("  ", " ")]
    if data.title:
        subject.append(data.title)
    doc = B.Document(style=data.header.style, title=f"Biên bản họp {data.team_name}", subject="Biên bản họp")
    doc.add(header(data.header, with_date=False), B.Title("BIÊN BẢN", subject))

    start = _when(data.starts_at) if data.starts_at else "…… giờ ……, ngày …… tháng …… năm ……"
    doc.add(B.labelled("Thời gian bắt đầu", start + "."))
    doc.add(B.labelled("Địa điểm", (data.place or "……") + "."))

    present = [a for a in data.attendees if a.status == "present"]
    away = [a for a in data.attendees if a.status != "present"]
    doc.add(B.labelled("Thành phần tham dự", f"có mặt {len(present)}/{len(data.attendees)} thành viên Tổ dân vận"
                       + (", vắng " + str(len(away)) if away else "") + ":", keep_with_next=True))
    for a in present:
        doc.add(B.para(f"- {person_with_position(a.name, a.position)};", indent=False, left_indent_mm=5, space_after=0))
    for a in away:
        why = "có lý do" if a.status == "excused" else "không có lý do"
        if a.reason:
            why += f": {a.reason}"
        doc.add(B.para(f"- Vắng: {person_with_position(a.name, a.position)} ({why});", indent=False,
                       left_indent_mm=5, space_after=0))
    if data.guests:
        doc.add(B.para("- Khách mời: " + "; ".join(data.guests) + ".", indent=False, left_indent_mm=5, space_after=0))
    doc.add(B.Spacer(2))
    doc.add(B.labelled("Chủ trì (chủ tọa)", person_with_position(data.chair, data.chair_position) + "."))
    doc.add(B.labelled("Thư ký (người ghi biên bản)", person_with_position(data.secretary, data.secretary_position) + "."))

    doc.add(B.labelled("Nội dung (theo diễn biến cuộc họp)", "", keep_with_next=True))
    for i, item in enumerate(data.agenda, 1):
        doc.add(B.heading(f"{i}. {item.title}"))
        doc.add(*B.text_paras(item.content))
    if data.discussion.strip():
        doc.add(B.heading("Ý kiến thảo luận:"))
        doc.add(*B.text_paras(data.discussion))
    if data.conclusions.strip():
        doc.add(B.labelled("Kết luận", "", keep_with_next=True))
        doc.add(*B.text_paras(data.conclusions))
    if data.tasks:
        doc.add(B.labelled("Phân công nhiệm vụ", "", keep_with_next=True))
        doc.add(B.Table(
            columns=[B.Column("STT", 0.07, "center"), B.Column("Nội dung công việc", 0.55, "left"),
                     B.Column("Người thực hiện", 0.23, "left"), B.Column("Thời hạn", 0.15, "center")],
            rows=[[str(i), t.description, t.assignee, short_date(t.due)] for i, t in enumerate(data.tasks, 1)],
        ))
    doc.add(B.para("Biên bản đã được thông qua trước toàn thể cuộc họp, các thành viên dự họp nhất trí với nội dung biên bản."))
    doc.add(B.para(closing_line(data)))
    doc.add(B.Signatures(
        left=B.SignBlock(title=MINUTES_LEFT_SIGNER, name=data.secretary),
        right=B.SignBlock(title=MINUTES_RIGHT_SIGNER, name=data.chair),
    ))
    return doc
