"""Sổ theo dõi hoạt động hòa giải ở cơ sở (Luật Hòa giải ở cơ sở 2013, Điều 26;
Nghị định 15/2014): the cover (province, commune, thôn, team, book number,
opened / closed dates), Part I — one row per case on landscape A4 pages with
the column titles repeated on every page — and Part II, the team leader's
summary by mediator, by scope and by result.
"""
from __future__ import annotations

from ..vn import format_date, format_number, short_date
from . import blocks as B
from .layout_rules import REGISTER_COVER_SIZES, REGISTER_TABLE_SIZE, SIGN_NOTE
from .mediation_data import MediationRegisterData

PART_ONE = "PHẦN I: THEO DÕI HOẠT ĐỘNG HÒA GIẢI"
PART_TWO = "PHẦN II: TỔNG HỢP KẾT QUẢ HOẠT ĐỘNG HÒA GIẢI"

# Part I, in the order of the register's columns.
COLUMNS = [
    B.Column("STT", 0.045, "center"),
    B.Column("Ngày, tháng, năm tiếp nhận", 0.085, "center"),
    B.Column("Hòa giải viên; người được mời tham gia", 0.125, "left"),
    B.Column("Họ, tên, tuổi, địa chỉ của các bên", 0.155, "left"),
    B.Column("Nội dung chủ yếu của vụ việc", 0.155, "left"),
    B.Column("Nội dung thỏa thuận hoặc yêu cầu của các bên", 0.165, "left"),
    B.Column("Kết quả hòa giải (thành/ không thành)", 0.075, "center"),
    B.Column("Chữ ký hoặc điểm chỉ của các bên", 0.085, "center"),
    B.Column("Ghi chú", 0.11, "left"),
]

# Part II: the four results of the commune's reporting form, in its order
# (services.mediation_register.STAT_RESULTS keys).
RESULT_KEYS = ("thanh", "khong_thanh", "dang_giai_quyet", "chua_giai_quyet")
RESULT_TITLES = ("Thành", "Không thành", "Đang giải quyết", "Chưa giải quyết")

DOTS = "……………"


def _upper_place(prefix: str, name: str) -> str:
    """'Điện Biên' → 'TỈNH ĐIỆN BIÊN'; a name that already says its kind is kept."""
    name = (name or "").strip()
    if not name:
        return ""
    first = name.split()[0].lower()
    if first in {"tỉnh", "thành", "xã", "phường", "đặc", "thị", "thôn", "bản", "tổ", "khu", "ấp", "làng", "xóm",
                 "buôn", "plei"}:
        return name.upper()
    return f"{prefix} {name}".upper()


def _centred(text: str, size: float, *, bold=False, italic=False, after: float = 4) -> B.Para:
    return B.Para([B.Run(text, bold=bold, italic=italic)], align="center", indent=False, size=size, space_after=after)


def cover(data: MediationRegisterData) -> list:
    s = REGISTER_COVER_SIZES
    body = s["body"]
    out: list = [B.Spacer(10)]
    for line in (_upper_place("TỈNH", data.province), _upper_place("XÃ", data.commune),
                 (data.area or "").upper(), (data.team_name or "").upper()):
        if line:
            out.append(_centred(line, body, bold=True, after=2))
    out.append(B.Spacer(45))
    out.append(_centred("SỔ THEO DÕI", s["title"], bold=True, after=6))
    out.append(_centred("HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ", s["subtitle"], bold=True, after=14))
    out.append(_centred(f"Năm {data.year}", s["year"], bold=True, after=6))
    out.append(_centred(f"Quyển số: {data.book_number or DOTS}", body))
    out.append(B.Spacer(55))
    opened = format_date(data.opened_on) if data.opened_on else "ngày …… tháng …… năm ……"
    closed = format_date(data.closed_on) if data.closed_on else "ngày …… tháng …… năm ……"
    out.append(_centred(f"Mở sổ {opened}", body, italic=True))
    out.append(_centred(f"Khóa sổ {closed}", body, italic=True))
    out.append(B.PageBreak(orientation="landscape"))
    return out


def entry_cells(e, *, with_area: bool = False) -> list[str]:
    """The nine cells of one Part I row; *with_area*: the case's thôn in the
    notes (a book that covers the whole commune)."""
    people = "\n".join(e.mediators) if e.mediators else ""
    if e.invitees:
        people += ("\n" if people else "") + "Người được mời: " + ", ".join(e.invitees)
    parties = "\n".join(f"- {p.text}" for p in e.parties)
    content = e.content or ""
    if getattr(e, "scope", ""):
        content = f"{e.scope}: {content}" if content else e.scope
    notes = (e.notes or "").replace("; ", "\n")
    area = getattr(e, "area_name", "") if with_area else ""
    if area:
        notes = f"Địa bàn: {area}" + (f"\n{notes}" if notes else "")
    return [str(e.stt), short_date(e.received_on), people, parties, content, e.agreement_or_demands,
            e.result, "", notes]


def part_one(data: MediationRegisterData) -> list:
    rows: list = [entry_cells(e, with_area=not data.area) for e in data.entries]
    if not rows:
        rows = [B.Section(f"Năm {data.year} chưa có vụ việc hòa giải nào được ghi vào sổ.")]
    return [
        _centred(PART_ONE, REGISTER_COVER_SIZES["body"], bold=True, after=6),
        B.Table(columns=COLUMNS, rows=rows, size=REGISTER_TABLE_SIZE, number_row=True, fill_pages=True),
    ]


def _share(n: int, total: int) -> str:
    return f"{format_number(100 * n / total, 1)} %" if total else ""


def part_two(data: MediationRegisterData) -> list:
    summary = data.summary
    total = summary.total if summary is not None else 0
    out: list = [
        B.PageBreak(),
        _centred(PART_TWO, REGISTER_COVER_SIZES["body"], bold=True, after=2),
        _centred(f"Năm {data.year}" + (f" – {data.team_name}" if data.team_name else ""),
                 REGISTER_COVER_SIZES["body"], italic=True, after=8),
        B.para(f"Tổng số vụ việc tiếp nhận trong năm: {format_number(total)} vụ việc.", indent=True),
        B.heading("1. Theo hòa giải viên"),
    ]
    mediators = list(summary.by_mediator) if summary is not None else []
    out.append(B.Table(
        columns=[B.Column("STT", 0.06, "center"), B.Column("Hòa giải viên", 0.30),
                 B.Column("Số vụ việc tham gia", 0.14, "center")]
        + [B.Column(t, 0.125, "center") for t in RESULT_TITLES],
        rows=[[str(i), m.name, format_number(m.cases)] + [format_number(m.by_result.get(k, 0)) for k in RESULT_KEYS]
              for i, m in enumerate(mediators, 1)] or [B.Section("Chưa có hòa giải viên nào tham gia vụ việc.")],
        size=REGISTER_TABLE_SIZE,
    ))
    out.append(B.heading("2. Theo lĩnh vực"))
    scopes = list(summary.by_scope) if summary is not None else []
    out.append(B.Table(
        columns=[B.Column("STT", 0.06, "center"), B.Column("Lĩnh vực", 0.54), B.Column("Số vụ việc", 0.2, "center"),
                 B.Column("Tỷ lệ", 0.2, "center")],
        rows=[[str(i), label, format_number(n), _share(n, total)] for i, (label, n) in enumerate(scopes, 1)]
        + [["", "Cộng", format_number(total), "100 %" if total else ""]],
        size=REGISTER_TABLE_SIZE,
    ))
    out.append(B.heading("3. Theo kết quả hòa giải"))
    results = list(summary.by_result) if summary is not None else []
    out.append(B.Table(
        columns=[B.Column("STT", 0.06, "center"), B.Column("Kết quả", 0.54), B.Column("Số vụ việc", 0.2, "center"),
                 B.Column("Tỷ lệ", 0.2, "center")],
        rows=[[str(i), label, format_number(n), _share(n, total)] for i, (label, n) in enumerate(results, 1)]
        + [["", "Cộng", format_number(total), "100 %" if total else ""]],
        size=REGISTER_TABLE_SIZE,
    ))
    out.append(B.heading("4. Nhận xét, đánh giá của Tổ trưởng Tổ hòa giải"))
    out.append(B.FillLine(lines=3))
    out.append(B.Signatures(right=B.SignBlock(title="TỔ TRƯỞNG TỔ HÒA GIẢI", note=SIGN_NOTE, name=data.leader),
                            space_before=6))
    return out


def build(data: MediationRegisterData) -> B.Document:
    title = "Sổ theo dõi hoạt động hòa giải ở cơ sở"
    doc = B.Document(style=data.style, title=f"{title} năm {data.year}", subject=title)
    doc.add(*cover(data), *part_one(data), *part_two(data))
    return doc
