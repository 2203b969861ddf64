"""`dvdesktop list KIND [--year Y] [--team T] --db DB [--json]`: the records
`print` needs, one per line (id, the number a person knows, date, team,
title), with Vietnamese headings."""
from __future__ import annotations

import json


def arguments(parser) -> None:
    from ..services.record_kinds import KIND_NAMES, KINDS
    from . import year_arg
    from .values import TEAM_HELP

    parser.description = ("Liệt kê bản ghi để in hoặc tra cứu: số ID (dùng cho print --id), số hiệu, ngày, "
                          "Tổ dân vận và tiêu đề. Loại: " + ", ".join(f"{k} ({v})" for k, v in KIND_NAMES.items()) + ".")
    parser.add_argument("kind", choices=list(KINDS), metavar="LOẠI", help="loại bản ghi: " + ", ".join(KINDS))
    parser.add_argument("--year", type=year_arg, help="chỉ năm này")
    parser.add_argument("--team", help=TEAM_HELP)
    parser.add_argument("--db", dest="cmd_db", help="tệp SQLite hoặc địa chỉ postgresql://…")
    parser.add_argument("--json", action="store_true", help="in dạng JSON")


def run(args) -> int:
    from ..services import session
    from ..services.record_lists import HEADINGS, KIND_NAMES, KINDS, list_records
    from .values import team_id

    session.open(args.cmd_db or args.db, create=False)
    try:
        rows = list_records(args.kind, year=args.year, team=team_id(args.team))
    finally:
        session.close()
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        return 0
    table = [(*HEADINGS, KINDS[args.kind])]
    table += [(str(r.id), r.number, f"{r.date:%d/%m/%Y}" if r.date else "", r.team, r.title) for r in rows]
    used = [i for i in range(5) if i == 0 or i == 4 or any(row[i] for row in table[1:])]
    widths = {i: max(len(row[i]) for row in table) for i in used}
    for n, row in enumerate(table):
        print("  ".join(row[i].rjust(widths[i]) if i == 0 else row[i].ljust(widths[i]) for i in used).rstrip())
        if n == 0:
            print("-" * (sum(widths.values()) + 2 * (len(used) - 1)))
    print(f"{len(rows)} {KIND_NAMES[args.kind]}.")
    return 0
