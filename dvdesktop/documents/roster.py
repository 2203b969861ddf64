"""Danh sách thành viên Tổ dân vận: one team, or every team of the commune
(a heading row per team, numbering restarting in each)."""
from __future__ import annotations

from ..vn import format_number, short_date
from . import blocks as B
from .common import header, sign
from .data import MemberRow, RosterData

# The name column holds a long four-word name ("Nguyễn Thị Phương Thảo", 45 mm
# at 12 pt) on one line; a longer one is shrunk a little, never broken (NAME).
COLUMNS = [
    B.Column("STT", 0.07, "center"), B.Column("Họ và tên", 0.28), B.Column("Năm sinh", 0.075, "center"),
    B.Column("Giới tính", 0.065, "center"), B.Column("Dân tộc", 0.075, "center"),
    B.Column("Chức vụ ở thôn, bản", 0.175), B.Column("Chức danh trong Tổ", 0.10, "center"),
    B.Column("Điện thoại", 0.155, "center"),
]
NAME = (1, 6)  # Table.nowrap: the name, and "Thành viên" in its narrow column


def member_cells(i: int, m: MemberRow) -> list[str]:
    return [str(i), m.name, str(m.birth_year or ""), (m.gender or "").capitalize(), m.ethnicity,
            m.position, m.role, (m.phone or "").replace(" ", "\u00a0")]


def build(data: RosterData) -> B.Document:
    doc = B.Document(style=data.header.style, title=f"Danh sách thành viên {data.subject}",
                     subject="Danh sách thành viên Tổ dân vận")
    note = data.note or (f"(Tính đến ngày {short_date(data.on)})" if data.on else "")
    doc.add(header(data.header), B.Title("DANH SÁCH", [f"Thành viên {data.subject}"], note=note))
    several = len(data.groups) > 1
    members = [m for g in data.groups for m in g.members]
    if several:
        # A heading and a table of its own per team: one table of a whole
        # province's members would be re-measured at every page break
        # (reportlab's split is quadratic in the rows).
        for gi, group in enumerate(data.groups, 1):
            doc.add(B.heading(f"{gi}. {group.team_name} ({len(group.members)} thành viên)", indent=False,
                              space_before=4))
            rows = [member_cells(i, m) for i, m in enumerate(group.members, 1)]
            doc.add(B.Table(columns=COLUMNS, rows=rows or [[""] * len(COLUMNS)], size=12, nowrap=NAME))
    else:
        rows = [member_cells(i, m) for i, m in enumerate(data.groups[0].members, 1)] if data.groups else []
        doc.add(B.Table(columns=COLUMNS, rows=rows or [[""] * len(COLUMNS)], size=12, nowrap=NAME))
    women = sum(1 for m in members if (m.gender or "").lower() == "nữ")
    party = sum(1 for m in members if m.party_member)
    summary = f"Tổng số: {format_number(len(members))} thành viên"
    if several:
        summary += f" của {len(data.groups)} Tổ dân vận"
    summary += f"; trong đó nữ {format_number(women)}, đảng viên {format_number(party)}."
    doc.add(B.para(summary))
    doc.add(B.Signatures(recipients=data.recipients, right=sign(data.signer, data.header.style)))
    return doc
