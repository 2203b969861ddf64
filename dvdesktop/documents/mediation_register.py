"""Sổ theo dõi hoạt động hòa giải ở cơ sở — the Bộ Tư pháp form (Luật Hòa
giải ở cơ sở 2013, Điều 21.4 and 26): one book per tổ hòa giải.

* the cover: Quốc hiệu and Tiêu ngữ, the title, "Tỉnh, thành phố", "Xã/phường",
  "Thôn/tổ dân phố", "Tổ hòa giải", "Quyển số", "Mở ngày …", "Khóa ngày …"
  (the form's "Huyện/quận" is left out: there are no districts since 1 July 2025);
* Phần I "GHI CHÉP CỦA HÒA GIẢI VIÊN": a row per case under the form's ten
  numbered columns, the result in two of them ("Hòa giải thành" / "Hòa giải
  không thành", an X in one); landscape pages, the titles repeated on every
  page, a row never broken across two pages;
* Phần II "THEO DÕI, TỔNG HỢP CỦA TỔ TRƯỞNG TỔ HÒA GIẢI": by mediator (with
  the form's "chia theo phạm vi hòa giải" and "kết quả hòa giải" groups), by
  scope, by result, signed by the team leader.

The commune's figures over all its teams are another paper
(documents/mediation_summary.py), not a register.
"""
from __future__ import annotations

from ..vn import format_date, format_number, short_date
from . import blocks as B
from .layout_rules import REGISTER_COVER_SIZES, REGISTER_TABLE_SIZE, SIGN_NOTE
from .mediation_data import MediationRegisterData

TITLE = "SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ"
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PART_ONE = ("PHẦN I", "GHI CHÉP CỦA HÒA GIẢI VIÊN")
PART_TWO = ("PHẦN II", "THEO DÕI, TỔNG HỢP CỦA TỔ TRƯỞNG TỔ HÒA GIẢI")

# Phần I: the ten columns of the form, (1)–(10). The two result columns sit
# under one group title; the others carry their title in the group row,
# merged down (blocks.Table: a column titled "" takes the cell above it).
RESULT_GROUP = "Kết quả hòa giải"
SETTLED, NOT_SETTLED = "Hòa giải thành", "Hòa giải không thành"
COLUMN_TITLES = (
    "STT",
    "Ngày, tháng, năm nhận vụ, việc hòa giải",
    "Họ và tên hòa giải viên, người được mời tham gia hòa giải (nếu có)",
    "Họ tên, tuổi, địa chỉ các bên, người có quyền, nghĩa vụ liên quan đến vụ, việc hòa giải (nếu có)",
    "Nội dung chủ yếu của vụ, việc",
    "Thỏa thuận của các bên (hoặc yêu cầu của mỗi bên) sau khi hòa giải",
    SETTLED,
    NOT_SETTLED,
    "Chữ ký (hòa giải viên; người chứng kiến vụ, việc hòa giải; người được mời tham gia hòa giải (nếu có))",
    "Ghi chú",
)
_WIDTHS = (0.04, 0.09, 0.12, 0.155, 0.135, 0.15, 0.055, 0.055, 0.105, 0.095)
_ALIGNS = ("center", "center", "left", "left", "left", "left", "center", "center", "left", "left")
COLUMNS = [B.Column("" if i not in (6, 7) else t, w, a) for i, (t, w, a) in enumerate(zip(COLUMN_TITLES, _WIDTHS, _ALIGNS))]
HEADER_GROUPS = [[(t, 1) for t in COLUMN_TITLES[:6]] + [(RESULT_GROUP, 2)] + [(t, 1) for t in COLUMN_TITLES[8:]]]
MARK = "X"
RELATED = "Người liên quan"  # vocab.MEDIATION_SIDES' label of side "lien_quan"

# Phần II: the four results of the commune's reporting form, in its order
# (services.mediation.register_data.STAT_RESULTS keys).
RESULT_KEYS = ("thanh", "khong_thanh", "dang_giai_quyet", "chua_giai_quyet")
RESULT_TITLES = ("Thành", "Không thành", "Đang giải quyết", "Chưa giải quyết")

TABLE_SIZE = 11  # the ten columns of a landscape page: 11 pt keeps dates and names on one line
DATE_BLANK = "ngày …… tháng …… năm ……"


def percent(n: int, total: int) -> str:
    """'55,6%': a comma for the decimals, no space before the sign."""
    return f"{format_number(100 * n / total, 1)}%" if total else ""


def _centred(text: str, size: float, *, bold=False, italic=False, after: float = 4, before: float = 0) -> B.Para:
    return B.Para([B.Run(text, bold=bold, italic=italic)], align="center", indent=False, size=size,
                  space_after=after, space_before=before)


def _without_kind(name: str, kinds: tuple[str, ...]) -> str:
    """'xã Nậm Pồ' → 'Nậm Pồ' under a label that already says "Xã/phường"."""
    name = (name or "").strip()
    for kind in kinds:
        if name.lower().startswith(kind + " "):
            return name[len(kind) + 1:].strip()
    return name


def cover(data: MediationRegisterData) -> list:
    s = REGISTER_COVER_SIZES
    # Quốc hiệu and Tiêu ngữ centred at the top, the motto ruled as long as it is (NĐ 30/2020)
    out: list = [_centred(NATIONAL, 13, bold=True, after=0),
                 B.Para([B.Run(MOTTO, bold=True, underline=True)], align="center", indent=False, size=14),
                 B.Spacer(40)]
    out.append(_centred(TITLE, s["subtitle"], bold=True, after=6))
    out.append(_centred(f"Năm {data.year}", s["year"], bold=True, after=10))
    out.append(B.Spacer(25))
    for label, value in (
        ("Tỉnh, thành phố", _without_kind(data.province, ("tỉnh", "thành phố"))),
        ("Xã/phường", _without_kind(data.commune, ("xã", "phường"))),
        ("Thôn/tổ dân phố", data.area),
        ("Tổ hòa giải", data.team_name),
        ("Quyển số", data.book_number),
    ):
        out.append(B.FillLine(label, value, bold_label=True))
    opened = format_date(data.opened_on) if data.opened_on else DATE_BLANK
    closed = format_date(data.closed_on) if data.closed_on else DATE_BLANK
    out.append(B.para(f"Mở {opened}", indent=False, space_before=6))
    out.append(B.para(f"Khóa {closed}", indent=False))
    out.append(B.PageBreak(orientation="landscape"))
    return out


def entry_cells(e) -> list[str]:
    """The ten cells of one Phần I row (services.mediation.register_data.RegisterEntry)."""
    people = "\n".join(e.mediators) if e.mediators else ""
    if e.invitees:
        people += ("\n" if people else "") + "Người được mời: " + ", ".join(e.invitees)
    # column (4) names the persons with related rights and duties as such
    parties = "\n".join(f"- {p.text}" + (" (người có quyền, nghĩa vụ liên quan)" if p.side == RELATED else "")
                         for p in e.parties)
    content = e.content or ""
    if getattr(e, "scope", ""):
        content = f"{e.scope}: {content}" if content else e.scope
    settled = e.result_code == "thanh"
    unsettled = e.result_code in ("khong_thanh", "dung", "chuyen")
    notes = (e.notes or "").replace("; ", "\n")
    return [str(e.stt), short_date(e.received_on), people, parties, content, e.agreement_or_demands,
            MARK if settled else "", MARK if unsettled else "", "", notes]


def _part_title(lines: tuple[str, str], *, first: bool) -> list:
    size = REGISTER_COVER_SIZES["body"]
    return [_centred(lines[0], size, bold=True, after=0), _centred(lines[1], size, bold=True, after=6)]


def part_one(data: MediationRegisterData) -> list:
    rows: list = [entry_cells(e) for e in data.entries]
    if not rows:
        rows = [B.Section(f"Năm {data.year} chưa có vụ, việc hòa giải nào được ghi vào sổ.")]
    return [
        *_part_title(PART_ONE, first=True),
        B.Table(columns=COLUMNS, rows=rows, size=TABLE_SIZE, header_groups=HEADER_GROUPS,
                number_row=True, keep_rows=True),
    ]


def _count(n: int) -> str:
    return format_number(n) if n else "0"


def part_two(data: MediationRegisterData) -> list:
    summary = data.summary
    total = summary.total if summary is not None else 0
    scopes = list(summary.by_scope) if summary is not None else []
    results = list(summary.by_result) if summary is not None else []
    mediators = list(summary.by_mediator) if summary is not None else []
    size = TABLE_SIZE
    out: list = [B.PageBreak(), *_part_title(PART_TWO, first=False),
                 _centred(f"Năm {data.year}" + (f" – {data.team_name}" if data.team_name else ""),
                          REGISTER_COVER_SIZES["body"], italic=True, after=8),
                 B.para(f"Tổng số vụ, việc tiếp nhận trong năm: {format_number(total)}.", indent=True),
                 B.heading("1. Theo hòa giải viên tiến hành hòa giải")]
    # by mediator: the form's columns, "Vụ, việc hòa giải chia theo phạm vi hòa giải" and "Kết quả hòa giải"
    scope_labels = [label for label, _n in scopes]
    columns = ([B.Column("", 0.05, "center"), B.Column("", 0.19)]
               + [B.Column(label, 0.09, "center") for label in scope_labels]
               + [B.Column(t, 0.08, "center") for t in RESULT_TITLES] + [B.Column("", 0.15)])
    groups = [[("STT", 1), ("Hòa giải viên tiến hành hòa giải", 1),
               ("Vụ, việc hòa giải chia theo phạm vi hòa giải", len(scope_labels)),
               ("Kết quả hòa giải", len(RESULT_TITLES)), ("Ghi chú", 1)]]
    rows: list = []
    for i, m in enumerate(mediators, 1):
        by_scope = getattr(m, "by_scope", {}) or {}
        rows.append([str(i), m.name] + [_count(by_scope.get(label, 0)) for label in scope_labels]
                    + [_count(m.by_result.get(k, 0)) for k in RESULT_KEYS] + [f"Tham gia {format_number(m.cases)} vụ, việc"])
    if rows:
        rows.append(["", "Cộng (số vụ, việc của tổ)"] + [_count(n) for _l, n in scopes]
                    + [_count(n) for _l, n in results] + [""])
    else:
        rows = [B.Section("Chưa có hòa giải viên nào tiến hành hòa giải trong năm.")]
    out.append(B.Table(columns=columns, rows=rows, size=size, header_groups=groups, keep_rows=True,
                       keep_together=len(rows) <= 12))
    out.append(B.heading("2. Theo phạm vi hòa giải"))
    out.append(_share_table("Phạm vi hòa giải", scopes, total))
    out.append(B.heading("3. Theo kết quả hòa giải"))
    out.append(_share_table("Kết quả hòa giải", results, total))
    ended = sum(n for (label, n), key in zip(results, RESULT_KEYS) if key in ("thanh", "khong_thanh"))
    settled = next((n for (label, n), key in zip(results, RESULT_KEYS) if key == "thanh"), 0)
    if ended:
        out.append(B.para(f"Tỷ lệ hòa giải thành trên số vụ, việc đã hòa giải xong: {percent(settled, ended)}.",
                          indent=True))
    out.append(B.heading("4. Nhận xét của Tổ trưởng Tổ hòa giải"))
    out.append(B.FillLine(lines=3))
    out.append(B.Signatures(right=B.SignBlock(title="TỔ TRƯỞNG TỔ HÒA GIẢI", note=SIGN_NOTE, name=data.leader),
                            space_before=6))
    return out


def _share_table(what: str, pairs: list[tuple[str, int]], total: int) -> B.Table:
    return B.Table(
        columns=[B.Column("STT", 0.08, "center"), B.Column(what, 0.52), B.Column("Số vụ, việc", 0.2, "center"),
                 B.Column("Tỷ lệ", 0.2, "center")],
        rows=[[str(i), label, _count(n), percent(n, total)] for i, (label, n) in enumerate(pairs, 1)]
        + [["", "Cộng", _count(total), "100%" if total else ""]],
        size=TABLE_SIZE, keep_rows=True, keep_together=True,
    )


def build(data: MediationRegisterData) -> B.Document:
    title = "Sổ theo dõi hoạt động hòa giải ở cơ sở"
    doc = B.Document(style=data.style, title=f"{title} năm {data.year} – {data.team_name}".rstrip(" –"),
                     subject=title)
    doc.add(*cover(data), *part_one(data), *part_two(data))
    return doc
