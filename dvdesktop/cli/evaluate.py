"""`dvdesktop evaluate`: suggested scores of every team, and the criteria set
of a year as one JSON file (export, checked import)."""
from __future__ import annotations

import argparse
import json
import sys


def arguments(p) -> None:
    from . import year_arg

    sub = p.add_subparsers(dest="evaluate_command", metavar="VIỆC", parser_class=type(p))
    sub.required = True

    s = sub.add_parser("suggest", help="điểm gợi ý của mọi tổ trong năm",
                       description="Tổng điểm gợi ý từ số liệu đã ghi và mức xếp loại tương ứng, cho mọi tổ trong năm.")
    s.add_argument("--year", type=year_arg, required=True, help="năm đánh giá")
    s.add_argument("--db", default=argparse.SUPPRESS, help="tệp SQLite hoặc postgresql://…")
    s.add_argument("--commune", help="chỉ các tổ của xã này (tên xã)")
    s.add_argument("--json", action="store_true", help="in dạng JSON")
    s.set_defaults(evaluate_handler=run_suggest)

    c = sub.add_parser("criteria", help="xuất, nhập bộ tiêu chí của năm (tệp JSON)",
                       description="Bộ tiêu chí của năm dưới dạng một tệp JSON để tỉnh gửi cho các xã.")
    csub = c.add_subparsers(dest="criteria_command", metavar="VIỆC", parser_class=type(p))
    csub.required = True
    e = csub.add_parser("export", help="ghi bộ tiêu chí của năm ra tệp", description="Ghi bộ tiêu chí của năm ra tệp JSON.")
    e.add_argument("file", metavar="TỆP")
    e.add_argument("--year", type=year_arg, required=True, help="năm của bộ tiêu chí")
    e.add_argument("--db", default=argparse.SUPPRESS, help="tệp SQLite hoặc postgresql://…")
    e.set_defaults(evaluate_handler=run_export)
    i = csub.add_parser("import", help="nhập bộ tiêu chí của năm từ tệp",
                        description="Nhập bộ tiêu chí từ tệp JSON; tệp có lỗi thì không nhập gì và liệt kê từng lỗi.")
    i.add_argument("file", metavar="TỆP")
    i.add_argument("--year", type=year_arg, required=True, help="năm áp dụng bộ tiêu chí")
    i.add_argument("--db", default=argparse.SUPPRESS, help="tệp SQLite hoặc postgresql://…")
    i.add_argument("--replace", action="store_true", help="thay bộ tiêu chí năm đó đã có")
    i.set_defaults(evaluate_handler=run_import)


def run(args) -> int:
    return args.evaluate_handler(args)


def _open(args) -> None:
    from ..services import session

    session.open(session.locate(getattr(args, "db", None), demo=getattr(args, "demo", False)), create=False)


def _number(value) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def run_suggest(args) -> int:
    from ..services.evaluation import year_grid
    from ..services.session import close as close_database
    from ..vn import format_number

    _open(args)
    try:
        rows = year_grid(args.year, args.commune)
    finally:
        close_database()
    if args.json:
        print(json.dumps([{
            "team_id": r.team_id, "team": r.team_name, "area": r.area_name, "commune": r.commune,
            "suggested_total": _number(r.suggested_total),
            "level": r.suggested_level_code if r.eligible else None,
            "level_name": r.suggested_level_name if r.eligible else None,
            "eligible": r.eligible, "reason": r.reason,
        } for r in rows], ensure_ascii=False, indent=2))
        return 0
    several = len({r.commune for r in rows}) > 1
    header = (("Xã",) if several else ()) + ("Tổ dân vận", "Địa bàn", "Điểm gợi ý", "Mức gợi ý")
    table = [header]
    for r in rows:
        level = r.suggested_level_name if r.eligible else "không xếp loại (*)"
        table.append(((r.commune,) if several else ()) + (r.team_name, r.area_name, format_number(r.suggested_total), level))
    points = len(header) - 2
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for n, row in enumerate(table):
        print("  ".join(c.rjust(widths[i]) if i == points else c.ljust(widths[i]) for i, c in enumerate(row)).rstrip())
        if n == 0:
            print("-" * (sum(widths) + 2 * (len(widths) - 1)))
    print(f"{len(rows)} tổ. Điểm gợi ý chỉ cộng các tiêu chí có chỉ số gợi ý; tiêu chí chấm tay chưa được tính.")
    for r in rows:
        if not r.eligible:
            print(f"(*) {r.team_name}: {r.reason}")
    return 0


def run_export(args) -> int:
    from ..services.evaluation import export_criteria_file
    from ..services.session import close as close_database

    _open(args)
    try:
        path = export_criteria_file(args.year, args.file)
    finally:
        close_database()
    print(f"Đã ghi bộ tiêu chí năm {args.year} ra «{path}».")
    return 0


def run_import(args) -> int:
    from ..services.evaluation import CriteriaProblems, import_criteria_file
    from ..services.session import close as close_database

    _open(args)
    try:
        data = import_criteria_file(args.file, args.year, replace=args.replace)
    except CriteriaProblems as exc:
        print(f"Lỗi: tệp «{args.file}» có {len(exc.problems)} lỗi, chưa nhập gì:", file=sys.stderr)
        for line in exc.problems:
            print(f"  - {line}", file=sys.stderr)
        return 1
    finally:
        close_database()
    print(f"Đã nhập bộ tiêu chí «{data.name}» cho năm {args.year}: {len(data.groups)} nhóm, "
          f"{len(data.criteria)} tiêu chí, {len(data.levels)} mức xếp loại.")
    return 0
