"""The table by commune of a province report: one grouped query per kind of
record (never one per commune); the last row is the province's total, counted
by the same functions without grouping."""
from __future__ import annotations

from ...documents.report_data import StatTable, TableRow
from ...vn import sort_key
from . import breakdowns as bd
from . import counting as c

COLUMNS = ["Xã, phường", "Số tổ", "Thành viên", "Cuộc họp", "Buổi tuyên truyền", "Ý kiến, kiến nghị",
           "Vụ việc hòa giải", "Mô hình DVK", "Cuộc giám sát"]


def commune_table(ctx) -> StatTable:
    scope = ctx.scope
    counts = [
        (c.teams, 0), (c.memberships, 1), (c.meetings, 0), (c.outreach, 0), (c.concerns, 0), (c.mediation, 0),
        (c.exemplary_models, 0), (c.supervision, 0),
    ]
    grouped = [(fn(scope, group=True), i) for fn, i in counts]
    totals = [ctx.both(fn)[0][c.TOTAL][i] for fn, i in counts]
    names = bd.commune_names()
    codes = sorted({code for g, _ in grouped for code in g if code}, key=lambda k: sort_key(names.get(k, k)))
    table = StatTable(f"Kết quả hoạt động của Tổ dân vận theo xã, phường, {ctx.period.label}", "Theo xã, phường",
                      list(COLUMNS), signed_last=False, first_width=0.24)
    for code in codes:
        table.rows.append(TableRow(names.get(code) or code, [int(g.get(code, (0, 0))[i]) for g, i in grouped]))
    table.rows.append(TableRow("Toàn tỉnh", [int(v) for v in totals], bold=True))
    return table
