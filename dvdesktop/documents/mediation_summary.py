"""Bảng tổng hợp kết quả hoạt động hòa giải ở cơ sở: the commune's figures,
a row per tổ hòa giải (mediators, cases received, by scope, by result, the
share settled) and the commune's total. Not a register: each team keeps its
own Sổ theo dõi hoạt động hòa giải ở cơ sở (documents/mediation_register.py).
A State paper of the commune's People's Committee (Nghị định 30/2020)."""
from __future__ import annotations

from ..vn import format_number
from . import blocks as B
from .common import header, sign
from .layout_rules import SIGN_NOTE
from .mediation_data import MediationSummaryData, SummaryRow
from .mediation_register import TABLE_SIZE, percent

KIND = "BẢNG TỔNG HỢP"


def _n(n: int) -> str:
    return format_number(n)


def _settled_share(row: SummaryRow) -> str:
    results = dict(row.by_result)
    settled, unsettled = results.get("Hòa giải thành", 0), results.get("Hòa giải không thành", 0)
    return percent(settled, settled + unsettled)


def build(data: MediationSummaryData) -> B.Document:
    doc = B.Document(style=data.header.style, orientation="landscape",
                     title=f"Bảng tổng hợp kết quả hoạt động hòa giải ở cơ sở năm {data.year}",
                     subject="Bảng tổng hợp kết quả hoạt động hòa giải ở cơ sở")
    subject = f"Kết quả hoạt động hòa giải ở cơ sở năm {data.year}"
    if data.commune:
        subject += f" trên địa bàn {data.commune}"
    doc.add(header(data.header), B.Title(KIND, [subject]))
    first = data.rows[0] if data.rows else SummaryRow("")
    scopes = [label for label, _ in first.by_scope] or ["Dân sự", "Hôn nhân và gia đình", "Khác"]
    results = [label for label, _ in first.by_result] or ["Hòa giải thành", "Hòa giải không thành",
                                                           "Đang giải quyết", "Chưa giải quyết"]
    columns = ([B.Column("", 0.04, "center"), B.Column("", 0.2), B.Column("", 0.075, "center"),
                B.Column("", 0.075, "center")]
               + [B.Column(s, 0.07, "center") for s in scopes]
               + [B.Column(r, 0.07, "center") for r in results] + [B.Column("", 0.08, "center")])
    groups = [[("STT", 1), ("Tổ hòa giải", 1), ("Số hòa giải viên (nữ)", 1), ("Số vụ, việc tiếp nhận", 1),
               ("Chia theo phạm vi hòa giải", len(scopes)), ("Kết quả hòa giải", len(results)),
               ("Tỷ lệ hòa giải thành", 1)]]
    rows: list = []
    for i, r in enumerate(data.rows, 1):
        rows.append([str(i), r.team, f"{_n(r.mediators)} ({_n(r.women)})", _n(r.received)]
                    + [_n(n) for _l, n in r.by_scope] + [_n(n) for _l, n in r.by_result] + [_settled_share(r)])
    if rows:
        total = SummaryRow("Cộng", sum(r.mediators for r in data.rows), sum(r.women for r in data.rows),
                           sum(r.received for r in data.rows),
                           [(s, sum(dict(r.by_scope).get(s, 0) for r in data.rows)) for s in scopes],
                           [(x, sum(dict(r.by_result).get(x, 0) for r in data.rows)) for x in results])
        rows.append(["", "Cộng", f"{_n(total.mediators)} ({_n(total.women)})", _n(total.received)]
                    + [_n(n) for _l, n in total.by_scope] + [_n(n) for _l, n in total.by_result]
                    + [_settled_share(total)])
    else:
        rows = [B.Section(f"Năm {data.year} chưa có tổ hòa giải nào được ghi nhận.")]
    doc.add(B.Table(columns=columns, rows=rows, size=TABLE_SIZE, header_groups=groups,
                    number_row=True, keep_rows=True))
    doc.add(B.para("Tỷ lệ hòa giải thành tính trên số vụ, việc đã hòa giải xong (thành và không thành).",
                   italic=True, indent=True, size=TABLE_SIZE))
    doc.add(B.Signatures(left=B.SignBlock(title=data.preparer or "NGƯỜI LẬP BẢNG", note=SIGN_NOTE),
                         right=sign(data.signer, data.header.style)))
    return doc
