"""Quyết định thành lập / kiện toàn Tổ dân vận, with its member list."""
from __future__ import annotations

from ..vn import format_date
from . import blocks as B
from .common import header, number_line, person_with_position, sign
from .data import DecisionData
from .roster import COLUMNS, NAME, member_cells

DEFAULT_DUTIES = [
    "Tuyên truyền, giải thích chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước đến hộ gia "
    "đình và Nhân dân; vận động Nhân dân thực hiện các phong trào thi đua, cuộc vận động ở địa phương",
    "Tổ chức để Nhân dân tham gia giám sát việc thực hiện quy chế dân chủ ở cơ sở, công tác giữ gìn an ninh "
    "trật tự, bảo vệ môi trường ở khu dân cư",
    "Nắm bắt tình hình, tâm tư, nguyện vọng, ý kiến, kiến nghị của Nhân dân, kịp thời phản ánh với cấp ủy, "
    "chính quyền; tham gia các cuộc khảo sát, điều tra xã hội học",
    "Phối hợp với Ban công tác Mặt trận, các chi hội đoàn thể thực hiện phong trào thi đua \u201cDân vận khéo\u201d",
]

VERB = {"thanh_lap": "thành lập", "kien_toan": "kiện toàn"}


def first_line_mm(doc: B.Document) -> float:
    return doc.rules.first_line_indent_mm


def _end(items: list[str], last: str = ".") -> list[str]:
    out = []
    for i, text in enumerate(items):
        text = text.rstrip(" ;.,")
        out.append(text + (last if i == len(items) - 1 else ";"))
    return out


def build(data: DecisionData) -> B.Document:
    state = data.header.style == "state"
    verb = VERB.get(data.kind, "thành lập")
    doc = B.Document(style=data.header.style, title=f"Quyết định {verb} {data.team_name}",
                     subject="Quyết định")
    doc.add(header(data.header),
            B.Title("QUYẾT ĐỊNH", [f"{'Về' if state else 'về'} việc {verb} {data.team_name}"]))
    if data.authority:
        doc.add(B.para(data.authority.upper(), bold=True, align="center", indent=False,
                       size=doc.rules.kind_size - (1 if state else 2), space_before=6))
    grounds = _end(data.grounds, ";") + ([data.proposal.rstrip(" ;.,") + ","] if data.proposal else [])
    if grounds and not data.proposal:
        grounds[-1] = grounds[-1][:-1] + "."
    for line in grounds:
        doc.add(B.para(line if state else f"- {line}", italic=state))
    doc.add(B.para("QUYẾT ĐỊNH:" if state else "QUYẾT ĐỊNH", bold=True, align="center", indent=False,
                   space_before=6, keep_with_next=True))

    doc.add(B.Para([B.Run("Điều 1. ", bold=True),
                    B.Run(f"{verb.capitalize()} {data.team_name}, gồm {len(data.members)} đồng chí "
                          "có tên sau:")], keep_with_next=True))
    inline = len(data.members) <= 12
    if inline:
        for i, m in enumerate(data.members, 1):
            role = f", {m.role}" if m.role else ""
            line = f"{i}. Đồng chí {person_with_position(m.name, m.position)}{role}"
            # a name that runs on to a second line starts under the name, not at the margin
            doc.add(B.para(line + ("." if i == len(data.members) else ";"), space_after=0, indent=False,
                           left_indent_mm=first_line_mm(doc), hanging_mm=5))
        doc.add(B.Spacer(2))
    else:
        doc.add(B.para("(Có danh sách kèm theo)", italic=True, align="center", indent=False))
    duties = data.duties or DEFAULT_DUTIES
    doc.add(B.Para([B.Run("Điều 2. ", bold=True),
                    B.Run(f"{data.team_name} chịu sự lãnh đạo trực tiếp của chi bộ, có nhiệm vụ:")],
                   keep_with_next=True))
    for line in _end(duties):
        doc.add(B.para(f"- {line}"))
    executors = data.executors or ("Các cơ quan, đơn vị có liên quan, chi bộ và các đồng chí có tên tại Điều 1 "
                                   "căn cứ Quyết định thi hành")
    # a kiện toàn decision names the one it replaces in its last article (not in its title or Điều 1)
    replaces = f" và thay thế Quyết định số {data.previous_decision.strip()}" if data.previous_decision.strip() else ""
    doc.add(B.Para([B.Run("Điều 3. ", bold=True),
                    B.Run(f"Quyết định có hiệu lực kể từ ngày ký{replaces}. {executors.rstrip('.')}./.")],
                   keep_with_next=True))
    doc.add(B.Signatures(recipients=_end(["- " + r.lstrip("- ") for r in data.recipients] or ["- Lưu"], "."),
                         right=sign(data.signer, data.header.style)))

    if not inline:
        when = f" {format_date(data.header.date)}" if data.header.date else ""
        doc.add(B.PageBreak(), B.Title("DANH SÁCH", [f"Thành viên {data.team_name}"],
                note=f"(Kèm theo Quyết định {number_line(data.header)}{when})", space_before=0))
        doc.add(B.Table(columns=COLUMNS, rows=[member_cells(i, m) for i, m in enumerate(data.members, 1)], size=12,
                        nowrap=NAME))
    return doc
