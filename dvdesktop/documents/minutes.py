"""Biên bản họp Tổ dân vận — Nghị định 30/2020, Phụ lục III, mẫu 1.9 (State
header) or the Party's form (Hướng dẫn 36-HD/VPTW; layout_rules.MINUTES_WORDING
holds the words that differ).

Fields in the decree's order: start time, place, participants, chair,
secretary, content as it unfolded; then conclusions, the tasks carried over
from an earlier meeting (a part of their own), the tasks given, the closing
line "Cuộc họp kết thúc vào … giờ …, ngày … tháng … năm …/."; the recorder
signs left, the chair right. State: no place/date line under the header;
Party: the place and date under ĐẢNG CỘNG SẢN VIỆT NAM.
"""
from __future__ import annotations

from ..vn import clean_line, fold, format_date, format_time, short_date
from ..vn.typography import polish
from . import blocks as B
from .common import header, person_with_position
from .data import MinutesData
from .layout_rules import MINUTES_WORDING

KIND_WORDS = {"dinh_ky": "định kỳ", "dot_xuat": "đột xuất"}


def _when(moment) -> str:
    return f"{format_time(moment)}, {format_date(moment.date())}"


def closing_line(data: MinutesData) -> str:
    if data.ends_at is None:
        return "Cuộc họp kết thúc vào …… giờ ……, ngày …… tháng …… năm ……/."
    return f"Cuộc họp kết thúc vào {_when(data.ends_at)}/."


def subject_lines(data: MinutesData) -> list[str]:
    """The meeting named once: "Họp định kỳ quý III năm 2026 của Tổ dân vận
    bản …" when its title says what meeting it was, else the kind and the team
    with the title as a second line."""
    kind = KIND_WORDS.get(data.kind, "")
    team = data.team_name
    title = polish(clean_line(data.title or "") or "")
    if not title:
        return [f"Họp {kind} của {team}".replace("  ", " ")]
    if fold(title).startswith("hop "):
        return [title if fold(team) in fold(title) else f"{title} của {team}"]
    return [f"Họp {kind} của {team}".replace("  ", " "), title]


def _task_table(tasks, carried: bool) -> B.Table:
    if carried:
        columns = [B.Column("STT", 0.07, "center"), B.Column("Nội dung công việc", 0.34, "left"),
                   B.Column("Người thực hiện", 0.19, "left"), B.Column("Ngày giao", 0.14, "center"),
                   B.Column("Thời hạn", 0.14, "center"), B.Column("Tình trạng", 0.12, "center")]
        rows = [[str(i), t.description, t.assignee, short_date(t.assigned_on), short_date(t.due), t.status]
                for i, t in enumerate(tasks, 1)]
        return B.Table(columns=columns, rows=rows, nowrap=(3, 4))  # a date on one line
    else:
        columns = [B.Column("STT", 0.07, "center"), B.Column("Nội dung công việc", 0.55, "left"),
                   B.Column("Người thực hiện", 0.23, "left"), B.Column("Thời hạn", 0.15, "center")]
        rows = [[str(i), t.description, t.assignee, short_date(t.due)] for i, t in enumerate(tasks, 1)]
    return B.Table(columns=columns, rows=rows, nowrap=(3,))


def build(data: MinutesData) -> B.Document:
    words = MINUTES_WORDING.get(data.header.style, MINUTES_WORDING["state"])
    doc = B.Document(style=data.header.style, title=f"Biên bản họp {data.team_name}", subject="Biên bản họp")
    doc.add(header(data.header, with_date=words.place_date), B.Title("BIÊN BẢN", subject_lines(data)))

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
    doc.add(B.labelled(words.chair_label, (person_with_position(data.chair, data.chair_position) or "……") + "."))
    doc.add(B.labelled(words.secretary_label,
                       (person_with_position(data.secretary, data.secretary_position) or "……") + "."))

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
    if data.carried_tasks:
        # tasks given at an earlier meeting keep their own deadline: not new assignments of this one
        doc.add(B.labelled("Việc chuyển từ cuộc họp trước", "", keep_with_next=True))
        doc.add(_task_table(data.carried_tasks, carried=True))
    if data.tasks:
        doc.add(B.labelled("Phân công nhiệm vụ", "", keep_with_next=True))
        doc.add(_task_table(data.tasks, carried=False))
    doc.add(B.para("Biên bản đã được đọc lại và thông qua trước toàn thể cuộc họp, các thành viên dự họp nhất trí "
                   "với nội dung biên bản."))
    # kept with the signatures: they never stand alone on the last page
    doc.add(B.para(closing_line(data), keep_with_next=True))
    doc.add(B.Signatures(
        left=B.SignBlock(title=words.left_signer, name=data.secretary if data.secretary_present else ""),
        right=B.SignBlock(title=words.right_signer, name=data.chair if data.chair_present else ""),
    ))
    return doc
